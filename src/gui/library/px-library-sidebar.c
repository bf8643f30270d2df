/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/library/px-library-sidebar.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gui/common/px-format.h"
#include "session/px-library-ops.h"
#include "library/px-store.h"

struct _PxLibrarySidebar
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkStack *stack;
  AdwStatusPage *search_error_page;
  GtkGridView *list_view;
  GtkWidget *row_menu_popover;
  GtkWidget *event_menu_popover;
  GtkWidget *quiet_header; /* (weak) its tooltip is off while its menu is open */

  PxLibraryModel *model;
  GtkSingleSelection *selection;
  PxLibrary *library;
  gint64 selected_id;
  gboolean selecting; /* changing the selection from code */
  GCancellable *search_cancellable;
  gboolean search_failed; /* the last search gave an error, shown instead of the list */
};

G_DEFINE_FINAL_TYPE (PxLibrarySidebar, px_library_sidebar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SEARCHING,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum
{
  DOCUMENT_SELECTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
update_stack (PxLibrarySidebar *self)
{
  gboolean empty = px_library_model_is_filtered (self->model) && px_library_model_get_n_documents (self->model) == 0;

  if (self->search_failed)
    gtk_stack_set_visible_child_name (self->stack, "search-error");
  else
    gtk_stack_set_visible_child_name (self->stack, empty ? "no-results" : "list");
}

/* Puts the selection back on selected_id after the rows changed, without
 * telling anyone: the document shown did not change. */
static void
restore_selection (PxLibrarySidebar *self)
{
  guint pos = self->selected_id ? px_library_model_find (self->model, self->selected_id) : G_MAXUINT;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, pos == G_MAXUINT ? GTK_INVALID_LIST_POSITION : pos);
  self->selecting = FALSE;
}

static void
on_selection_changed (GtkSingleSelection *selection, GParamSpec *pspec, PxLibrarySidebar *self)
{
  guint pos = gtk_single_selection_get_selected (selection);
  const PxDocumentInfo *info;

  if (self->selecting)
    return;
  info = px_library_model_get_info (self->model, pos);
  if (info == NULL || info->id == self->selected_id)
    return;
  self->selected_id = info->id;
  g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, info->id);
}

/* Searching */

static void
search_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxLibrarySidebar) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = px_library_search_finish (PX_LIBRARY (source), result, &error);

  /* A newer search replaced this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->search_cancellable);
  /* Said where the results would be (e.g. a search over the length
   * limit), not only in the log. */
  self->search_failed = ids == NULL;
  if (ids == NULL)
    {
      adw_status_page_set_description (self->search_error_page, error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  px_library_model_set_filter (self->model, ids);
  restore_selection (self);
  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
on_search_changed (PxLibrarySidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *query = g_strstrip (g_strdup (text));
  gboolean was_searching = self->search_cancellable != NULL;

  self->search_failed = FALSE;
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (*query == '\0' || self->library == NULL || px_library_get_path (self->library) == NULL)
    {
      px_library_model_set_filter (self->model, NULL);
      restore_selection (self);
      update_stack (self);
      if (was_searching)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
      return;
    }

  /* The results are a filter over rows already loaded; an answer for an
   * old query is dropped (cancelled) by search_done(). */
  self->search_cancellable = g_cancellable_new ();
  px_library_search_async (self->library, query, self->search_cancellable, search_done, g_object_ref (self));
  if (!was_searching)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
on_stop_search (PxLibrarySidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Enter in the search field opens the first match. */
static void
on_search_activate (PxLibrarySidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  for (guint i = 0; i < n; i++)
    {
      const PxDocumentInfo *info = px_library_model_get_info (self->model, i);
      if (info != NULL)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
          return;
        }
    }
}

/* Rows */

/* The event menu of a header: its actions name the event. */
static void
set_event_menu (PxLibrarySidebar *self, gint64 event_id)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  struct
  {
    const char *label;
    const char *action;
  } items[] = {
    { N_ ("_Rename Event…"), "win.rename-event" },
    { N_ ("_Merge with Event…"), "win.merge-event" },
    { N_ ("_Split Event…"), "win.split-event" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_ (items[i].label), NULL);
      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_int64 (event_id));
      g_menu_append_item (menu, item);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->event_menu_popover), G_MENU_MODEL (menu));
}

static void
popup_at (PxLibrarySidebar *self, GtkWidget *popover, GtkWidget *row, double x, double y)
{
  graphene_point_t point;
  GdkRectangle rect;

  if (!gtk_widget_compute_point (row, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  rect = (GdkRectangle){ (int)point.x, (int)point.y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_row_pressed (GtkGestureClick *gesture, int n_press, double x, double y, GtkListItem *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  PxLibrarySidebar *self = PX_LIBRARY_SIDEBAR (gtk_widget_get_ancestor (row, PX_TYPE_LIBRARY_SIDEBAR));
  PxDocumentItem *item = gtk_list_item_get_item (list_item);
  guint pos = gtk_list_item_get_position (list_item);

  if (self == NULL || item == NULL)
    return;
  if (px_document_item_is_header (item))
    {
      /* "Other Articles" is no event: nothing to rename, merge or split. */
      if (px_document_item_get_info (item)->event_id == 0)
        return;
      set_event_menu (self, px_document_item_get_info (item)->event_id);
      /* The tooltip would cover the menu. */
      g_set_weak_pointer (&self->quiet_header, gtk_widget_get_first_child (row));
      gtk_widget_set_has_tooltip (self->quiet_header, FALSE);
      popup_at (self, self->event_menu_popover, row, x, y);
    }
  else
    {
      gtk_single_selection_set_selected (self->selection, pos);
      popup_at (self, self->row_menu_popover, row, x, y);
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_event_menu_closed (PxLibrarySidebar *self)
{
  if (self->quiet_header != NULL)
    gtk_widget_set_has_tooltip (self->quiet_header, TRUE);
  g_clear_weak_pointer (&self->quiet_header);
}

/* A double click on a header renames its event. */
static void
on_header_pressed (GtkGestureClick *gesture, int n_press, double x, double y, GtkListItem *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  PxDocumentItem *item = gtk_list_item_get_item (list_item);

  if (n_press != 2 || item == NULL || !px_document_item_is_header (item) ||
      px_document_item_get_info (item)->event_id == 0)
    return;
  gtk_widget_activate_action (row, "win.rename-event", "x", px_document_item_get_info (item)->event_id);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The menu key: the selected article's menu, under the list's top. */
static gboolean
popup_row_menu (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  PxLibrarySidebar *self = PX_LIBRARY_SIDEBAR (gtk_widget_get_ancestor (widget, PX_TYPE_LIBRARY_SIDEBAR));

  if (self == NULL || self->selected_id == 0)
    return FALSE;
  popup_at (self, self->row_menu_popover, widget, 24, 24);
  return TRUE;
}

/* Dragging an article onto an event's header moves it there. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source, double x, double y, GtkListItem *list_item)
{
  PxDocumentItem *item = gtk_list_item_get_item (list_item);

  if (item == NULL || px_document_item_is_header (item))
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, px_document_item_get_info (item)->id);
}

static gboolean
on_header_drop (GtkDropTarget *target, const GValue *value, double x, double y, GtkListItem *list_item)
{
  GtkWidget *header = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  PxDocumentItem *item = gtk_list_item_get_item (list_item);
  gint64 document_id = g_value_get_int64 (value);

  if (item == NULL || !px_document_item_is_header (item) || document_id == 0 ||
      px_document_item_get_info (item)->event_id == 0)
    return FALSE;
  return gtk_widget_activate_action (header, "win.move-document", "(xx)", document_id,
                                     px_document_item_get_info (item)->event_id);
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *header_title = gtk_label_new (NULL);
  GtkWidget *header_count = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *double_click = gtk_gesture_click_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_label_set_xalign (GTK_LABEL (header_title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header_title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (header_title, TRUE);
  gtk_widget_add_css_class (header_title, "heading");
  gtk_widget_add_css_class (header_count, "dim-label");
  gtk_widget_add_css_class (header_count, "caption");
  gtk_widget_add_css_class (header, "library-group");
  gtk_box_append (GTK_BOX (header), header_title);
  gtk_box_append (GTK_BOX (header), header_count);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "library-row-title");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (box, "library-row");
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_row_pressed), list_item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (double_click), GDK_BUTTON_PRIMARY);
  g_signal_connect (double_click, "pressed", G_CALLBACK (on_header_pressed), list_item);
  gtk_widget_add_controller (header, GTK_EVENT_CONTROLLER (double_click));
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), list_item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (on_header_drop), list_item);
  gtk_widget_add_controller (header, GTK_EVENT_CONTROLLER (drop));
  gtk_widget_set_tooltip_text (header, _ ("Double-click to rename the event; right-click for more"));
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  PxDocumentItem *item = gtk_list_item_get_item (list_item);
  const PxDocumentInfo *info = px_document_item_get_info (item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *header = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (header);
  GtkWidget *meta = gtk_widget_get_next_sibling (title);
  gboolean is_header = px_document_item_is_header (item);

  gtk_list_item_set_selectable (list_item, !is_header);
  gtk_list_item_set_activatable (list_item, !is_header);
  gtk_widget_set_visible (header, is_header);
  gtk_widget_set_visible (title, !is_header);
  if (is_header)
    {
      GtkWidget *header_title = gtk_widget_get_first_child (header);
      g_autofree char *count = g_strdup_printf ("%u", px_document_item_get_n_documents (item));

      gtk_widget_set_visible (meta, FALSE);
      gtk_label_set_label (GTK_LABEL (header_title), info->event_title ? info->event_title : _ ("Other Articles"));
      gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (header_title)), count);
      gtk_widget_add_css_class (box, "library-group-row");
    }
  else
    {
      g_autofree char *date = px_format_date (info->published, PX_DATE_SHORT);
      const char *parts[] = { info->outlet, date };
      g_autofree char *line = px_format_join (parts, G_N_ELEMENTS (parts));

      gtk_widget_remove_css_class (box, "library-group-row");
      gtk_label_set_label (GTK_LABEL (title), info->title && *info->title ? info->title : _ ("Untitled"));
      gtk_label_set_label (GTK_LABEL (meta), line);
      gtk_widget_set_visible (meta, *line != '\0');
    }
}

static void
px_library_sidebar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PxLibrarySidebar *self = PX_LIBRARY_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, px_library_sidebar_is_searching (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_library_sidebar_dispose (GObject *object)
{
  GtkWidget *child;

  PxLibrarySidebar *self = PX_LIBRARY_SIDEBAR (object);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->row_menu_popover, gtk_widget_unparent);
  g_clear_pointer (&self->event_menu_popover, gtk_widget_unparent);
  g_clear_weak_pointer (&self->quiet_header);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_LIBRARY_SIDEBAR);
  /* The template's top box has no id, so it is not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (px_library_sidebar_parent_class)->dispose (object);
}

static void
px_library_sidebar_class_init (PxLibrarySidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_library_sidebar_dispose;
  object_class->get_property = px_library_sidebar_get_property;

  properties[PROP_SEARCHING] =
      g_param_spec_boolean ("searching", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DOCUMENT_SELECTED] = g_signal_new ("document-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                             NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-library-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PxLibrarySidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PxLibrarySidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, PxLibrarySidebar, search_error_page);
  gtk_widget_class_bind_template_child (widget_class, PxLibrarySidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "librarysidebar");
}

static void
px_library_sidebar_init (PxLibrarySidebar *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) edit = NULL;
  g_autoptr (GMenu) remove = NULL;
  g_autoptr (GMenu) events = NULL;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = px_library_model_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_grid_view_set_factory (self->list_view, factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Typing in the list searches; Delete deletes the selected document. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0), gtk_named_action_new ("win.delete-document")));
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0), gtk_named_action_new ("win.delete-document")));
  /* F2 renames the selected article's event; the menu key opens its menu. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_F2, 0),
                                                                         gtk_named_action_new ("win.rename-event"), "x",
                                                                         (gint64)0));
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                     gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                        gtk_callback_action_new (popup_row_menu, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  edit = g_menu_new ();
  g_menu_append (edit, _ ("_Edit Details…"), "win.edit-details");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  events = g_menu_new ();
  g_menu_append (events, _ ("_Move to Event…"), "win.move-to-event");
  g_menu_append (events, _ ("_New Event from Article"), "win.new-event-from-article");
  g_menu_append (events, _ ("_Rename Event…"), "win.rename-event(int64 0)");
  g_menu_append (events, _ ("_Split Event…"), "win.split-event(int64 0)");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (events));
  remove = g_menu_new ();
  g_menu_append (remove, _ ("_Delete…"), "win.delete-document");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  self->row_menu_popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu_popover), FALSE);
  gtk_widget_set_halign (self->row_menu_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_menu_popover, GTK_WIDGET (self));
  self->event_menu_popover = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->event_menu_popover), FALSE);
  gtk_widget_set_halign (self->event_menu_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->event_menu_popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->event_menu_popover, "closed", G_CALLBACK (on_event_menu_closed), self);
}

void
px_library_sidebar_set_library (PxLibrarySidebar *self, PxLibrary *library)
{
  g_return_if_fail (PX_IS_LIBRARY_SIDEBAR (self));
  g_return_if_fail (library == NULL || PX_IS_LIBRARY (library));
  g_set_object (&self->library, library);
}

void
px_library_sidebar_set_rows (PxLibrarySidebar *self, GPtrArray *infos)
{
  g_return_if_fail (PX_IS_LIBRARY_SIDEBAR (self));
  px_library_model_set_rows (self->model, infos);
  restore_selection (self);
  update_stack (self);
  /* New documents may match the search. */
  if (px_library_model_is_filtered (self->model) || self->search_cancellable != NULL)
    on_search_changed (self);
}

PxLibraryModel *
px_library_sidebar_get_model (PxLibrarySidebar *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY_SIDEBAR (self), NULL);
  return self->model;
}

void
px_library_sidebar_select (PxLibrarySidebar *self, gint64 id)
{
  guint pos;

  g_return_if_fail (PX_IS_LIBRARY_SIDEBAR (self));
  self->selected_id = id;
  restore_selection (self);
  pos = px_library_model_find (self->model, id);
  if (pos != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", pos);
}

gint64
px_library_sidebar_get_selected_id (PxLibrarySidebar *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY_SIDEBAR (self), 0);
  return self->selected_id;
}

gint64
px_library_sidebar_get_neighbour (PxLibrarySidebar *self, gint64 id)
{
  guint pos, n;
  const PxDocumentInfo *info;

  g_return_val_if_fail (PX_IS_LIBRARY_SIDEBAR (self), 0);
  pos = px_library_model_find (self->model, id);
  if (pos == G_MAXUINT)
    return 0;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = pos + 1; i < n; i++)
    if ((info = px_library_model_get_info (self->model, i)) != NULL)
      return info->id;
  for (guint i = pos; i-- > 0;)
    if ((info = px_library_model_get_info (self->model, i)) != NULL)
      return info->id;
  return 0;
}

void
px_library_sidebar_focus_search (PxLibrarySidebar *self)
{
  g_return_if_fail (PX_IS_LIBRARY_SIDEBAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
px_library_sidebar_set_search_text (PxLibrarySidebar *self, const char *text)
{
  g_return_if_fail (PX_IS_LIBRARY_SIDEBAR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* Skip the entry's typing delay. */
  on_search_changed (self);
}

gboolean
px_library_sidebar_is_searching (PxLibrarySidebar *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY_SIDEBAR (self), FALSE);
  return self->search_cancellable != NULL;
}

const char *
px_library_sidebar_get_search_error (PxLibrarySidebar *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY_SIDEBAR (self), NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "search-error") != 0)
    return NULL;
  return adw_status_page_get_description (self->search_error_page);
}
