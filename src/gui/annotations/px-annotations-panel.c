/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/annotations/px-annotations-panel.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gui/annotations/px-tag-swatch.h"
#include "gui/common/px-dropdown-tooltip.h"
#include "gui/common/px-format.h"
#include "annotations/px-store-annotations.h"
#include "annotations/px-store-coders.h"

#define QUOTE_CHARS 160
#define NOTE_CHARS 120

struct _PxAnnotationsPanel
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkBox *color_filters;
  GtkDropDown *tag_dropdown;
  GtkDropDown *coder_dropdown;
  GtkCheckButton *library_check;
  GtkStack *content_stack;
  GtkGridView *list_view;
  AdwStatusPage *empty_page;

  GtkWidget *color_toggle[PX_N_COLORS];
  PxStore *store;
  PxAnnotationList *list;
  GtkCustomFilter *anchored_filter;
  GtkCustomFilter *orphan_filter;
  GtkFilterListModel *anchored;
  GtkFilterListModel *orphans;
  GListStore *orphan_heading; /* one GtkStringObject while there are orphans */
  GListStore *sections;
  GtkFlattenListModel *flat;
  GListStore *library_results;
  GtkStringList *tag_names;   /* "" first: all tags */
  GHashTable *titles;         /* document id → title, for library results */
  GHashTable *tag_colors;     /* tag name → "#rrggbb" from the codebook */
  GtkStringList *coder_names; /* "" first: all coders; shown with two or more */
  GHashTable *coders;         /* highlight id → coder (annotations/px-store-coders.h) */
  char *own_coder;            /* the library's: highlights made since the last refresh */
  char *emitted_coder;        /* the coder filter last announced by "coder-filter-changed" */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (PxAnnotationsPanel, px_annotations_panel, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_ANNOTATION_ACTIVATED,
  SIGNAL_CODER_FILTER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
filter_tag (PxAnnotationsPanel *self)
{
  guint index = gtk_drop_down_get_selected (self->tag_dropdown);

  if (index == 0 || index == GTK_INVALID_LIST_POSITION || self->tag_names == NULL)
    return NULL;
  return gtk_string_list_get_string (self->tag_names, index);
}

static const char *
filter_coder (PxAnnotationsPanel *self)
{
  guint index = gtk_drop_down_get_selected (self->coder_dropdown);

  if (index == 0 || index == GTK_INVALID_LIST_POSITION || self->coder_names == NULL)
    return NULL;
  return gtk_string_list_get_string (self->coder_names, index);
}

static gboolean
coder_shown (PxAnnotationsPanel *self, PxAnnotation *a)
{
  const char *want = filter_coder (self);
  gint64 id = px_annotation_get_id (a);
  const char *coder;

  if (want == NULL)
    return TRUE;
  coder = self->coders != NULL ? g_hash_table_lookup (self->coders, &id) : NULL;
  return g_strcmp0 (coder != NULL ? coder : self->own_coder, want) == 0;
}

static gboolean
color_shown (PxAnnotationsPanel *self, const char *color)
{
  gboolean any = FALSE;

  for (guint i = 0; i < PX_N_COLORS; i++)
    any |= gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->color_toggle[i]));
  if (!any)
    return TRUE;
  for (guint i = 0; i < PX_N_COLORS; i++)
    if (g_str_equal (px_annotation_color_names ()[i], color))
      return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->color_toggle[i]));
  return FALSE;
}

static gboolean
contains_folded (const char *haystack, const char *needle_folded)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle_folded) != NULL;
}

static gboolean
matches (PxAnnotationsPanel *self, PxAnnotation *a)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *tag = filter_tag (self);

  if (!color_shown (self, px_annotation_get_color (a)) || !coder_shown (self, a))
    return FALSE;
  if (tag != NULL && !px_annotation_has_tag (a, tag))
    return FALSE;
  if (text != NULL && *text != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (text, -1);
      if (!contains_folded (px_annotation_get_quote (a), needle) &&
          !contains_folded (px_annotation_get_note (a), needle))
        return FALSE;
    }
  return TRUE;
}

static gboolean
anchored_match (gpointer item, gpointer user_data)
{
  return !px_annotation_get_orphaned (item) && matches (user_data, item);
}

static gboolean
orphan_match (gpointer item, gpointer user_data)
{
  return px_annotation_get_orphaned (item) && matches (user_data, item);
}

static void update_view (PxAnnotationsPanel *self);

static void
update_heading (PxAnnotationsPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->orphans));
  g_autofree char *title = NULL;

  g_list_store_remove_all (self->orphan_heading);
  if (n == 0)
    return;
  title = g_strdup_printf (ngettext ("Not Found in the Current Text (%u)", "Not Found in the Current Text (%u)", n), n);
  g_list_store_append (self->orphan_heading, gtk_string_object_new (title));
}

static void
on_orphans_changed (GListModel *model, guint position, guint removed, guint added, PxAnnotationsPanel *self)
{
  update_heading (self);
}

static void
on_flat_changed (GListModel *model, guint position, guint removed, guint added, PxAnnotationsPanel *self)
{
  update_view (self);
}

static char *
shorten (const char *text, guint max_chars)
{
  g_autofree char *flat = g_strdup (text);

  g_strdelimit (flat, "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= max_chars)
    return g_steal_pointer (&flat);
  {
    g_autofree char *cut = g_utf8_substring (flat, 0, max_chars);
    return g_strconcat (g_strchomp (cut), "…", NULL);
  }
}

static const char *
document_title (PxAnnotationsPanel *self, gint64 id)
{
  const char *title = g_hash_table_lookup (self->titles, &id);

  if (title == NULL && self->store != NULL)
    {
      g_autoptr (PxDocumentInfo) info = px_store_get_document_info (self->store, id, NULL);
      gint64 *key = g_new (gint64, 1);

      *key = id;
      g_hash_table_insert (self->titles, key,
                           g_strdup (info && info->title && *info->title ? info->title : _ ("Untitled")));
      title = g_hash_table_lookup (self->titles, &id);
    }
  return title;
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item, PxAnnotationsPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = gtk_image_new ();
  GtkWidget *quote = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *heading = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "annotation-row");
  gtk_widget_add_css_class (dot, "swatch-dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_widget_set_margin_top (dot, 4);
  for (GtkWidget **l = (GtkWidget *[]){ quote, note, meta, heading, NULL }; *l; l++)
    {
      gtk_label_set_xalign (GTK_LABEL (*l), 0);
      gtk_label_set_wrap (GTK_LABEL (*l), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (*l), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (*l, TRUE);
    }
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (note), 2);
  gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (quote, "annotation-quote");
  gtk_widget_add_css_class (note, "annotation-note");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "annotations-heading");
  gtk_box_append (GTK_BOX (top), dot);
  gtk_box_append (GTK_BOX (top), quote);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), note);
  /* Tags with their codebook colours on a line of their own (beside the
   * wrapping meta label, a row would cost far more to measure), then
   * where and when. */
  gtk_box_append (GTK_BOX (box), chips);
  gtk_box_append (GTK_BOX (box), meta);
  g_object_set_data (G_OBJECT (box), "dot", dot);
  g_object_set_data (G_OBJECT (box), "top", top);
  g_object_set_data (G_OBJECT (box), "quote", quote);
  g_object_set_data (G_OBJECT (box), "note", note);
  g_object_set_data (G_OBJECT (box), "meta", meta);
  g_object_set_data (G_OBJECT (box), "chips", chips);
  g_object_set_data (G_OBJECT (box), "heading", heading);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item, PxAnnotationsPanel *self)
{
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *dot = g_object_get_data (G_OBJECT (box), "dot");
  GtkLabel *heading = g_object_get_data (G_OBJECT (box), "heading");
  GtkLabel *quote = g_object_get_data (G_OBJECT (box), "quote");
  GtkLabel *note = g_object_get_data (G_OBJECT (box), "note");
  GtkLabel *meta = g_object_get_data (G_OBJECT (box), "meta");
  GtkBox *chips = g_object_get_data (G_OBJECT (box), "chips");
  GtkWidget *child;
  gboolean is_heading = GTK_IS_STRING_OBJECT (object);
  g_autofree char *quote_text = NULL;
  g_autofree char *note_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta_text = NULL;
  PxAnnotation *a;

  gtk_widget_set_visible (GTK_WIDGET (heading), is_heading);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "top"), !is_heading);
  gtk_list_item_set_activatable (item, !is_heading);
  gtk_list_item_set_selectable (item, !is_heading);
  if (is_heading)
    {
      gtk_label_set_label (heading, gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
      gtk_widget_set_visible (GTK_WIDGET (note), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (meta), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (chips), FALSE);
      return;
    }
  a = PX_ANNOTATION (object);
  for (guint i = 0; i < PX_N_COLORS; i++)
    gtk_widget_remove_css_class (dot, px_annotation_color_names ()[i]);
  gtk_widget_add_css_class (dot, px_annotation_get_color (a));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  px_annotation_color_label (px_annotation_get_color (a)), -1);
  quote_text = shorten (px_annotation_get_quote (a), QUOTE_CHARS);
  gtk_label_set_label (quote, quote_text);
  note_text = shorten (px_annotation_get_note (a), NOTE_CHARS);
  gtk_label_set_label (note, note_text);
  gtk_widget_set_visible (GTK_WIDGET (note), *note_text != '\0');
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (chips))) != NULL)
    gtk_box_remove (chips, child);
  for (const char *const *t = px_annotation_get_tags (a); *t != NULL; t++)
    {
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
      GtkWidget *label = gtk_label_new (*t);
      const char *color = g_hash_table_lookup (self->tag_colors, *t);

      /* A tag made a moment ago is not read yet: it has the default grey. */
      gtk_box_append (GTK_BOX (chip), px_tag_swatch_new (color ? color : "#8f8f8f", 8));
      gtk_widget_add_css_class (label, "caption");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (chips, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (chips), gtk_widget_get_first_child (GTK_WIDGET (chips)) != NULL);
  date = px_format_date (px_annotation_get_modified (a), PX_DATE_SHORT);
  {
    const char *doc =
        self->list == NULL || px_annotation_get_document_id (a) != px_annotation_list_get_document_id (self->list)
            ? document_title (self, px_annotation_get_document_id (a))
            : NULL;
    const char *parts[] = { doc, date };
    meta_text = px_format_join (parts, G_N_ELEMENTS (parts));
  }
  gtk_label_set_label (meta, meta_text);
  gtk_widget_set_visible (GTK_WIDGET (meta), *meta_text != '\0');
}

static gboolean
library_mode (PxAnnotationsPanel *self)
{
  return gtk_check_button_get_active (self->library_check) &&
         *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
}

static void
update_view (PxAnnotationsPanel *self)
{
  GListModel *shown =
      G_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_grid_view_get_model (self->list_view))));
  gboolean empty = g_list_model_get_n_items (shown) == 0;
  gboolean filtering = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
                       filter_tag (self) != NULL || filter_coder (self) != NULL;

  for (guint i = 0; i < PX_N_COLORS && !filtering; i++)
    filtering = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->color_toggle[i]));
  if (self->list == NULL && !library_mode (self))
    {
      adw_status_page_set_title (self->empty_page, _ ("No Article Open"));
      adw_status_page_set_description (self->empty_page, _ ("Open an article to see its highlights here."));
    }
  else if (filtering)
    {
      adw_status_page_set_title (self->empty_page, _ ("No Matching Highlights"));
      adw_status_page_set_description (self->empty_page, _ ("Try other words, colours or tags."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _ ("No Highlights"));
      /* No invitation to do what the library does not allow. */
      if (self->store != NULL && px_store_get_access (self->store) != PX_STORE_ACCESS_WRITABLE)
        adw_status_page_set_description (self->empty_page, _ ("This library cannot be changed, so nothing can be "
                                                              "highlighted in it."));
      else
        adw_status_page_set_description (self->empty_page,
                                         _ ("Select text in the article and pick a colour to highlight it."));
    }
  gtk_stack_set_visible_child_name (self->content_stack, empty ? "empty" : "list");
}

static void
run_library_search (PxAnnotationsPanel *self)
{
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GPtrArray) colors = NULL;

  g_list_store_remove_all (self->library_results);
  if (self->store == NULL || !library_mode (self))
    return;
  /* The store applies the words, colours and tag together, so that its
   * bound on ranked matches counts only what the panel shows. */
  for (guint i = 0; i < PX_N_COLORS; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->color_toggle[i])))
      {
        if (colors == NULL)
          colors = g_ptr_array_new ();
        g_ptr_array_add (colors, (gpointer)px_annotation_color_names ()[i]);
      }
  if (colors != NULL)
    g_ptr_array_add (colors, NULL);
  hits = px_store_search_annotations_filtered (self->store, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                               colors ? (const char *const *)colors->pdata : NULL, filter_tag (self),
                                               NULL);
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    if (coder_shown (self, g_ptr_array_index (hits, i)))
      g_list_store_append (self->library_results, g_ptr_array_index (hits, i));
}

static void
on_filters_changed (PxAnnotationsPanel *self)
{
  GListModel *model;

  if (self->updating)
    return;
  if (g_strcmp0 (filter_coder (self), self->emitted_coder) != 0)
    {
      g_free (self->emitted_coder);
      self->emitted_coder = g_strdup (filter_coder (self));
      g_signal_emit (self, signals[SIGNAL_CODER_FILTER_CHANGED], 0);
    }
  gtk_filter_changed (GTK_FILTER (self->anchored_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->orphan_filter), GTK_FILTER_CHANGE_DIFFERENT);
  run_library_search (self);
  model = library_mode (self) ? G_LIST_MODEL (self->library_results) : G_LIST_MODEL (self->flat);
  if (gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_grid_view_get_model (self->list_view))) != model)
    gtk_no_selection_set_model (GTK_NO_SELECTION (gtk_grid_view_get_model (self->list_view)), model);
  update_view (self);
}

static void
on_row_activated (PxAnnotationsPanel *self, guint position)
{
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (self->list_view));
  g_autoptr (GObject) item = g_list_model_get_item (model, position);

  if (PX_IS_ANNOTATION (item))
    g_signal_emit (self, signals[SIGNAL_ANNOTATION_ACTIVATED], 0, item);
}

static void
px_annotations_panel_dispose (GObject *object)
{
  PxAnnotationsPanel *self = PX_ANNOTATIONS_PANEL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_ANNOTATIONS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->list);
  g_clear_object (&self->anchored);
  g_clear_object (&self->orphans);
  g_clear_object (&self->orphan_heading);
  g_clear_object (&self->sections);
  g_clear_object (&self->flat);
  g_clear_object (&self->library_results);
  g_clear_object (&self->tag_names);
  g_clear_object (&self->coder_names);
  g_clear_pointer (&self->coders, g_hash_table_unref);
  g_clear_pointer (&self->own_coder, g_free);
  g_clear_pointer (&self->emitted_coder, g_free);
  g_clear_pointer (&self->titles, g_hash_table_unref);
  g_clear_pointer (&self->tag_colors, g_hash_table_unref);
  G_OBJECT_CLASS (px_annotations_panel_parent_class)->dispose (object);
}

static void
px_annotations_panel_class_init (PxAnnotationsPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_annotations_panel_dispose;
  signals[SIGNAL_ANNOTATION_ACTIVATED] =
      g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, PX_TYPE_ANNOTATION);
  /* The coder filter changed, or who made which highlight was read again:
   * px_annotations_panel_coder_shown() may answer otherwise. */
  signals[SIGNAL_CODER_FILTER_CHANGED] = g_signal_new ("coder-filter-changed", G_TYPE_FROM_CLASS (klass),
                                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-annotations-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PxAnnotationsPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PxAnnotationsPanel, color_filters);
  gtk_widget_class_bind_template_child (widget_class, PxAnnotationsPanel, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PxAnnotationsPanel, coder_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PxAnnotationsPanel, library_check);
  gtk_widget_class_bind_template_child (widget_class, PxAnnotationsPanel, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PxAnnotationsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, PxAnnotationsPanel, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationspanel");
}

static void
px_annotations_panel_init (PxAnnotationsPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->tag_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < PX_N_COLORS; i++)
    {
      const char *name = px_annotation_color_names ()[i];
      g_autofree char *tip = g_strdup_printf (_ ("Show %s highlights"), px_annotation_color_label (name));
      GtkWidget *toggle = gtk_toggle_button_new ();

      gtk_widget_add_css_class (toggle, "swatch");
      gtk_widget_add_css_class (toggle, "small");
      gtk_widget_add_css_class (toggle, name);
      /* Round, not stretched to the tag menu's height. */
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (toggle, tip);
      g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (on_filters_changed), self);
      gtk_box_append (self->color_filters, toggle);
      self->color_toggle[i] = toggle;
    }

  self->anchored_filter = gtk_custom_filter_new (anchored_match, self, NULL);
  self->orphan_filter = gtk_custom_filter_new (orphan_match, self, NULL);
  self->anchored = gtk_filter_list_model_new (NULL, GTK_FILTER (self->anchored_filter));
  self->orphans = gtk_filter_list_model_new (NULL, GTK_FILTER (self->orphan_filter));
  self->orphan_heading = g_list_store_new (G_TYPE_OBJECT);
  self->sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->sections, self->anchored);
  g_list_store_append (self->sections, self->orphan_heading);
  g_list_store_append (self->sections, self->orphans);
  self->flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->sections)));
  self->library_results = g_list_store_new (PX_TYPE_ANNOTATION);
  g_signal_connect (self->orphans, "items-changed", G_CALLBACK (on_orphans_changed), self);
  g_signal_connect (self->flat, "items-changed", G_CALLBACK (on_flat_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_grid_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->flat)))));
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected", G_CALLBACK (on_filters_changed), self);
  px_dropdown_quiet_tooltip (self->tag_dropdown);
  px_dropdown_quiet_tooltip (self->coder_dropdown);
  g_signal_connect_swapped (self->coder_dropdown, "notify::selected", G_CALLBACK (on_filters_changed), self);
  px_annotations_panel_refresh (self);
  update_view (self);
}

PxAnnotationsPanel *
px_annotations_panel_new (void)
{
  return g_object_new (PX_TYPE_ANNOTATIONS_PANEL, NULL);
}

void
px_annotations_panel_set_store (PxAnnotationsPanel *self, PxStore *store)
{
  g_return_if_fail (PX_IS_ANNOTATIONS_PANEL (self));
  g_set_object (&self->store, store);
  g_hash_table_remove_all (self->titles);
  px_annotations_panel_refresh (self);
}

void
px_annotations_panel_set_list (PxAnnotationsPanel *self, PxAnnotationList *list)
{
  g_return_if_fail (PX_IS_ANNOTATIONS_PANEL (self));
  g_set_object (&self->list, list);
  gtk_filter_list_model_set_model (self->anchored, G_LIST_MODEL (list));
  gtk_filter_list_model_set_model (self->orphans, G_LIST_MODEL (list));
  update_heading (self);
  update_view (self);
}

/* The coders of the library's highlights, for the coder filter (hidden
 * while there is only one). */
static void
refresh_coders (PxAnnotationsPanel *self)
{
  g_autofree char *keep = g_strdup (filter_coder (self));
  g_auto (GStrv) names = self->store ? px_store_list_coders (self->store, NULL) : NULL;
  guint select = 0;

  g_clear_pointer (&self->coders, g_hash_table_unref);
  g_clear_pointer (&self->own_coder, g_free);
  g_clear_object (&self->coder_names);
  self->coder_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->coder_names, _ ("All Coders"));
  if (names != NULL)
    {
      self->coders = px_store_get_annotation_coders (self->store, NULL);
      self->own_coder = g_strdup (names[0]);
      for (guint i = 0; names[i] != NULL; i++)
        {
          gtk_string_list_append (self->coder_names, names[i]);
          if (g_strcmp0 (names[i], keep) == 0)
            select = i + 1;
        }
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->coder_dropdown, G_LIST_MODEL (self->coder_names));
  gtk_drop_down_set_selected (self->coder_dropdown, select);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->coder_dropdown), names != NULL && g_strv_length (names) > 1);
  /* Who made which highlight may have changed with the filter or not. */
  g_free (self->emitted_coder);
  self->emitted_coder = g_strdup (filter_coder (self));
  g_signal_emit (self, signals[SIGNAL_CODER_FILTER_CHANGED], 0);
}

void
px_annotations_panel_refresh (PxAnnotationsPanel *self)
{
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GPtrArray) colors = NULL;
  g_autofree char *keep = NULL;
  guint select = 0;

  g_return_if_fail (PX_IS_ANNOTATIONS_PANEL (self));
  keep = g_strdup (filter_tag (self));
  g_clear_object (&self->tag_names);
  self->tag_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->tag_names, _ ("All Tags"));
  tags = self->store ? px_store_list_tags (self->store, NULL) : NULL;
  g_hash_table_remove_all (self->tag_colors);
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      PxTagInfo *info = g_ptr_array_index (tags, i);
      g_hash_table_insert (self->tag_colors, g_strdup (info->name), g_strdup (info->color));
      gtk_string_list_append (self->tag_names, info->name);
      if (g_strcmp0 (info->name, keep) == 0)
        select = i + 1;
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tag_names));
  gtk_drop_down_set_selected (self->tag_dropdown, select);
  self->updating = FALSE;

  refresh_coders (self);

  colors = self->store ? px_store_list_colors (self->store, NULL) : NULL;
  for (guint i = 0; colors != NULL && i < colors->len; i++)
    {
      PxColorInfo *info = g_ptr_array_index (colors, i);
      g_autofree char *tip = NULL;

      if (*info->meaning != '\0')
        tip = g_strdup_printf (_ ("Show %s highlights (%s)"), px_annotation_color_label (info->name), info->meaning);
      else
        tip = g_strdup_printf (_ ("Show %s highlights"), px_annotation_color_label (info->name));
      gtk_widget_set_tooltip_text (self->color_toggle[i], tip);
    }
  on_filters_changed (self);
}

GListModel *
px_annotations_panel_get_model (PxAnnotationsPanel *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATIONS_PANEL (self), NULL);
  return gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_grid_view_get_model (self->list_view)));
}

void
px_annotations_panel_set_filter_text (PxAnnotationsPanel *self, const char *text)
{
  g_return_if_fail (PX_IS_ANNOTATIONS_PANEL (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_filters_changed (self);
}

void
px_annotations_panel_set_filter_color (PxAnnotationsPanel *self, const char *color, gboolean shown)
{
  g_return_if_fail (PX_IS_ANNOTATIONS_PANEL (self));
  for (guint i = 0; i < PX_N_COLORS; i++)
    if (g_strcmp0 (px_annotation_color_names ()[i], color) == 0)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->color_toggle[i]), shown);
}

gboolean
px_annotations_panel_coder_shown (PxAnnotationsPanel *self, PxAnnotation *annotation)
{
  g_return_val_if_fail (PX_IS_ANNOTATIONS_PANEL (self), TRUE);
  return coder_shown (self, annotation);
}

void
px_annotations_panel_set_filter_coder (PxAnnotationsPanel *self, const char *coder)
{
  guint select = 0;

  g_return_if_fail (PX_IS_ANNOTATIONS_PANEL (self));
  for (guint i = 1;
       coder != NULL && self->coder_names != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->coder_names));
       i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->coder_names, i), coder) == 0)
      select = i;
  gtk_drop_down_set_selected (self->coder_dropdown, select);
}
