/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fixing events in the window: rename, move an article, new event from
 * an article, merge and split. Each edit is one store transaction with
 * its undo step (events/px-event-edit.h), saved at once; the library list
 * is reloaded after it. Each can be undone (win.undo-event-edit: the
 * toast's Undo, or Ctrl+Z in the library list), last first, also after a
 * restart: the steps are in the library's undo log
 * (px_undo_stack_new_for_events()). */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "gui/common/px-compat.h"
#include "gui/window/px-window-private.h"
#include "events/px-event-edit.h"
#include "events/px-store-events.h"

#define EVENT_ID_KEY "px-event-id"
#define CHOICES_KEY "px-event-choices"
/* The toasts offering to undo an event edit, while they are shown. */
#define TOASTS_KEY "px-event-toasts"

/* The undo history of the event edits of the window's library (a new
 * reference: it holds the library open, so none is kept), NULL when it
 * shows none. */
static PxUndoStack *
event_undo (PxWindow *self)
{
  return px_library_get_store (self->library) != NULL
             ? px_undo_stack_new_for_events (px_library_get_store (self->library))
             : NULL;
}

static void
update_undo_action (PxWindow *self)
{
  g_autoptr (PxUndoStack) undo = event_undo (self);
  gboolean can = undo != NULL && px_library_get_writable (self->library) && px_undo_stack_can_undo (undo);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-event-edit", can);
}

/* The event an action is about: @param when it names one, else the event
 * of the article shown. 0 when there is none. */
static gint64
target_event (PxWindow *self, GVariant *param)
{
  g_autoptr (PxDocumentInfo) info = NULL;
  gint64 id = param != NULL ? g_variant_get_int64 (param) : 0;

  if (id != 0 || px_library_get_store (self->library) == NULL || px_library_get_document (self->library) == NULL)
    return id;
  info = px_store_get_document_info (px_library_get_store (self->library),
                                     px_document_get_id (px_library_get_document (self->library)), NULL);
  return info != NULL ? info->event_id : 0;
}

static const char *
event_title (const PxEventInfo *event)
{
  return event->title != NULL && *event->title != '\0' ? event->title : _ ("Untitled Event");
}

static void
on_toast_dismissed (AdwToast *toast, PxWindow *self)
{
  GPtrArray *toasts = g_object_get_data (G_OBJECT (self), TOASTS_KEY);

  if (toasts != NULL)
    g_ptr_array_remove (toasts, toast);
}

/* Another library (or the same, opened again): an Undo offered for an
 * edit of the one before would undo the last edit of this one. */
static void
on_store_changed (PxWindow *self)
{
  GPtrArray *toasts = g_object_get_data (G_OBJECT (self), TOASTS_KEY);

  while (toasts != NULL && toasts->len > 0)
    {
      g_autoptr (AdwToast) toast = g_ptr_array_steal_index (toasts, toasts->len - 1);
      adw_toast_dismiss (toast);
    }
}

/* Makes @edit with its undo step; the list shows it, a toast says it
 * (@message, with Undo) or the error. */
static void
apply_edit (PxWindow *self, const PxEventEdit *edit, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxUndoStack) undo = event_undo (self);
  AdwToast *toast;

  if (px_library_get_store (self->library) == NULL)
    return;
  if (px_event_edit_apply (px_library_get_store (self->library), edit, undo, &error) == 0)
    {
      _px_window_toast (self, error != NULL ? error->message : _ ("The event could not be changed"));
      return;
    }
  update_undo_action (self);
  px_window_reload_library (self);
  if (px_library_get_document (self->library) != NULL)
    px_library_sidebar_select (self->sidebar, px_document_get_id (px_library_get_document (self->library)));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-event-edit");
  g_ptr_array_add (g_object_get_data (G_OBJECT (self), TOASTS_KEY), g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
undo_event_edit_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (PxUndoStack) undo = event_undo (self);
  g_autoptr (GError) error = NULL;
  gboolean partial = FALSE;

  if (undo == NULL || !px_undo_stack_can_undo (undo))
    return;
  /* One transaction: a failed undo changes nothing and stays, to be
   * tried again (a damaged step is dropped). */
  if (!px_undo_stack_undo_events (undo, &partial, &error))
    {
      g_autofree char *message = g_strdup_printf (_ ("The event edit could not be undone: %s"), error->message);
      _px_window_toast (self, message);
    }
  else if (partial)
    _px_window_toast (self, _ ("Only part of the edit could be undone: articles moved or events renamed since keep "
                               "those changes"));
  else
    _px_window_toast (self, _ ("Event edit undone"));
  update_undo_action (self);
  px_window_reload_library (self);
  if (px_library_get_document (self->library) != NULL)
    px_library_sidebar_select (self->sidebar, px_document_get_id (px_library_get_document (self->library)));
}

static GtkWidget *
new_dialog (PxWindow *self, const char *heading, const char *body, const char *response, const char *label,
            GtkWidget *extra)
{
  GtkWidget *dialog = px_alert_new (GTK_WIDGET (self), heading, body);

  px_alert_add_responses (dialog, "cancel", _ ("_Cancel"), response, label, NULL);
  px_alert_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  px_alert_set_default_response (dialog, response);
  px_alert_set_close_response (dialog, "cancel");
  px_alert_set_extra_child (dialog, extra);
  return dialog;
}

/* Rename */

static void
on_rename_response (GtkWidget *dialog, const char *response, PxWindow *self)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), EVENT_ID_KEY);
  GtkEditable *entry = GTK_EDITABLE (px_alert_get_extra_child (dialog));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  PxEventEdit edit = { PX_EVENT_EDIT_RENAME, id, 0, title, NULL, 0 };

  if (g_strcmp0 (response, "rename") != 0)
    return;
  apply_edit (self, &edit, *title != '\0' ? _ ("Event renamed") : _ ("Event name reset"));
}

static void
rename_event_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  gint64 id = target_event (self, param);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxEventInfo) event = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (id != 0 && px_library_get_store (self->library) != NULL)
    event = px_store_get_event (px_library_get_store (self->library), id, &error);
  if (error != NULL)
    _px_window_toast (self, error->message);
  if (event == NULL)
    return;
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), event->title ? event->title : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Leave empty for an automatic name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Event name"), -1);
  dialog = new_dialog (self, _ ("Rename Event"), NULL, "rename", _ ("_Rename"), entry);
  g_object_set_data_full (G_OBJECT (dialog), EVENT_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  px_alert_present (dialog);
  gtk_widget_grab_focus (entry);
}

/* Choosing another event: a drop-down of every event but @except. */

static GtkWidget *
event_chooser (PxWindow *self, gint64 except, GArray **ids, GError **error)
{
  g_autoptr (GPtrArray) events = px_store_list_events (px_library_get_store (self->library), error);
  GtkStringList *names;
  GtkWidget *dropdown;

  if (events == NULL)
    return NULL;
  names = gtk_string_list_new (NULL);
  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < events->len; i++)
    {
      const PxEventInfo *event = g_ptr_array_index (events, i);
      if (event->id == except)
        continue;
      gtk_string_list_append (names, event_title (event));
      g_array_append_val (*ids, event->id);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (names),
                                GTK_EXPRESSION (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Event"), -1);
  return dropdown;
}

static gint64
chosen_event (GtkWidget *dialog)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), CHOICES_KEY);
  guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (px_alert_get_extra_child (dialog)));

  return pos < ids->len ? g_array_index (ids, gint64, pos) : 0;
}

/* Shows the chooser; @on_response gets the dialog's "response". */
static void
chooser_dialog (PxWindow *self, gint64 except, const char *heading, const char *body, const char *response,
                const char *label, GCallback on_response)
{
  g_autoptr (GError) error = NULL;
  GArray *ids = NULL;
  GtkWidget *dropdown = event_chooser (self, except, &ids, &error);
  GtkWidget *dialog;

  if (dropdown == NULL)
    {
      _px_window_toast (self, error->message);
      return;
    }
  if (ids->len == 0)
    {
      g_array_unref (ids);
      g_object_ref_sink (dropdown);
      g_object_unref (dropdown);
      _px_window_toast (self, _ ("There is no other event"));
      return;
    }
  dialog = new_dialog (self, heading, body, response, label, dropdown);
  g_object_set_data_full (G_OBJECT (dialog), CHOICES_KEY, ids, (GDestroyNotify)g_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), EVENT_ID_KEY, g_memdup2 (&except, sizeof except), g_free);
  g_signal_connect_object (dialog, "response", on_response, self, 0);
  px_alert_present (dialog);
}

/* Move to event */

/* Moves @document_id into @event_id. */
static void
move_document (PxWindow *self, gint64 document_id, gint64 event_id)
{
  PxEventEdit edit = { PX_EVENT_EDIT_MOVE, event_id, 0, NULL, &document_id, 1 };

  apply_edit (self, &edit, _ ("Article moved"));
}

static void
on_move_response (GtkWidget *dialog, const char *response, PxWindow *self)
{
  gint64 to = chosen_event (dialog);

  if (g_strcmp0 (response, "move") != 0 || px_library_get_document (self->library) == NULL || to == 0)
    return;
  move_document (self, px_document_get_id (px_library_get_document (self->library)), to);
}

static void
move_to_event_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autofree char *body = NULL;

  if (px_library_get_document (self->library) == NULL || px_library_get_store (self->library) == NULL)
    return;
  body = g_strdup_printf (_ ("Choose the event “%s” belongs to."),
                          px_document_get_title (px_library_get_document (self->library)));
  chooser_dialog (self, target_event (self, NULL), _ ("Move to Event"), body, "move", _ ("_Move"),
                  G_CALLBACK (on_move_response));
}

/* Drag and drop: (document, event). */
static void
move_document_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocumentInfo) info = NULL;
  gint64 document_id, event_id;

  if (px_library_get_store (self->library) == NULL)
    return;
  g_variant_get (param, "(xx)", &document_id, &event_id);
  info = px_store_get_document_info (px_library_get_store (self->library), document_id, &error);
  if (info == NULL)
    {
      _px_window_toast (self, error->message);
      return;
    }
  if (info->event_id != event_id)
    move_document (self, document_id, event_id);
}

/* New event from article */

static void
new_event_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  gint64 id;
  PxEventEdit edit = { PX_EVENT_EDIT_NEW_EVENT, 0, 0, NULL, &id, 1 };

  if (px_library_get_document (self->library) == NULL)
    return;
  id = px_document_get_id (px_library_get_document (self->library));
  apply_edit (self, &edit, _ ("New event made"));
}

/* Merge */

static void
on_merge_response (GtkWidget *dialog, const char *response, PxWindow *self)
{
  gint64 into = *(gint64 *)g_object_get_data (G_OBJECT (dialog), EVENT_ID_KEY);
  PxEventEdit edit = { PX_EVENT_EDIT_MERGE, into, chosen_event (dialog), NULL, NULL, 0 };

  if (g_strcmp0 (response, "merge") != 0 || edit.other_event_id == 0)
    return;
  apply_edit (self, &edit, _ ("Events merged"));
}

static void
merge_event_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  gint64 id = target_event (self, param);

  if (id == 0 || px_library_get_store (self->library) == NULL)
    return;
  chooser_dialog (self, id, _ ("Merge with Event"), _ ("The articles of the event you choose join this one."), "merge",
                  _ ("_Merge"), G_CALLBACK (on_merge_response));
}

/* Split */

/* The box of check buttons, one an article. */
static GtkWidget *
split_box (GtkWidget *dialog)
{
  GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (px_alert_get_extra_child (dialog)));

  return GTK_IS_VIEWPORT (child) ? gtk_viewport_get_child (GTK_VIEWPORT (child)) : child;
}

static void
on_split_response (GtkWidget *dialog, const char *response, PxWindow *self)
{
  gint64 event_id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), EVENT_ID_KEY);
  GtkWidget *box = split_box (dialog);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PxEventEdit edit = { PX_EVENT_EDIT_SPLIT, event_id, 0, NULL, NULL, 0 };

  if (g_strcmp0 (response, "split") != 0)
    return;
  for (GtkWidget *check = gtk_widget_get_first_child (box); check != NULL; check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      {
        gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (check), "px-document-id");
        g_array_append_val (ids, id);
      }
  if (ids->len == 0)
    return;
  edit.document_ids = (const gint64 *)ids->data;
  edit.n_documents = ids->len;
  apply_edit (self, &edit, _ ("Event split"));
}

static void
on_split_toggled (GtkWidget *dialog)
{
  GtkWidget *box = split_box (dialog);
  guint n = 0, n_active = 0;

  for (GtkWidget *check = gtk_widget_get_first_child (box); check != NULL; check = gtk_widget_get_next_sibling (check))
    {
      n++;
      n_active += gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
    }
  /* Some must leave, and some must stay. */
  px_alert_set_response_enabled (dialog, "split", n_active > 0 && n_active < n);
}

static void
split_event_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  GtkWidget *box, *scroller;
  GtkWidget *dialog;
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = target_event (self, param);

  if (id == 0 || px_library_get_store (self->library) == NULL)
    return;
  docs = px_store_load_event_documents (px_library_get_store (self->library), id, &error);
  if (docs == NULL)
    {
      _px_window_toast (self, error->message);
      return;
    }
  if (docs->len < 2)
    {
      _px_window_toast (self, _ ("An event of one article cannot be split"));
      return;
    }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  dialog = new_dialog (self, _ ("Split Event"), _ ("Check the articles that leave for a new event."), "split",
                       _ ("_Split"), scroller);
  for (guint i = 0; i < docs->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (docs, i);
      const char *title = px_document_get_title (doc);
      GtkWidget *check = gtk_check_button_new_with_label (title && *title ? title : _ ("Untitled"));
      gint64 doc_id = px_document_get_id (doc);

      g_object_set_data_full (G_OBJECT (check), "px-document-id", g_memdup2 (&doc_id, sizeof doc_id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_split_toggled), dialog, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), check);
    }
  g_object_set_data_full (G_OBJECT (dialog), EVENT_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  px_alert_set_response_enabled (dialog, "split", FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_split_response), self, 0);
  px_alert_present (dialog);
}

void
_px_window_update_event_actions (PxWindow *self, gboolean has_doc, gboolean writable)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.rename-event", px_library_get_store (self->library) != NULL && writable);
  gtk_widget_action_set_enabled (widget, "win.merge-event", px_library_get_store (self->library) != NULL && writable);
  gtk_widget_action_set_enabled (widget, "win.split-event", px_library_get_store (self->library) != NULL && writable);
  gtk_widget_action_set_enabled (widget, "win.move-document", px_library_get_store (self->library) != NULL && writable);
  gtk_widget_action_set_enabled (widget, "win.move-to-event", has_doc && writable);
  gtk_widget_action_set_enabled (widget, "win.new-event-from-article", has_doc && writable);
  update_undo_action (self);
}

/* Ctrl+Z in the library's search entry is the entry's own: it never
 * undoes an event edit. */
static gboolean
undo_shortcut (GtkWidget *widget, GVariant *args, gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;
  return gtk_widget_activate_action (widget, "win.undo-event-edit", NULL);
}

/* Ctrl+Z in the library list undoes the last event edit (in the article,
 * it undoes the last annotation edit). */
void
_px_window_init_events (PxWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (undo_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), shortcuts);
  g_object_set_data_full (G_OBJECT (self), TOASTS_KEY, g_ptr_array_new_with_free_func (g_object_unref),
                          (GDestroyNotify)g_ptr_array_unref);
  g_signal_connect_object (self->library, "notify::store", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
}

void
_px_window_class_init_events (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.rename-event", "x", rename_event_action);
  gtk_widget_class_install_action (widget_class, "win.merge-event", "x", merge_event_action);
  gtk_widget_class_install_action (widget_class, "win.split-event", "x", split_event_action);
  gtk_widget_class_install_action (widget_class, "win.move-to-event", NULL, move_to_event_action);
  gtk_widget_class_install_action (widget_class, "win.move-document", "(xx)", move_document_action);
  gtk_widget_class_install_action (widget_class, "win.new-event-from-article", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.undo-event-edit", NULL, undo_event_edit_action);
}
