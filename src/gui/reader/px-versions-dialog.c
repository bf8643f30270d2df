/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/reader/px-versions-dialog.h"

#include <glib/gi18n.h>

#include "gui/common/px-compat.h"
#include "gui/common/px-format.h"
#include "provenance/px-version-diff.h"
#include "provenance/px-store-versions.h"

struct _PxVersionsDialog
{
  AdwWindow parent_instance;

  GPtrArray *versions; /* PxDocumentVersion */
  GPtrArray *texts;    /* char*, by version - 1 */
  char *language;

  GtkDropDown *shown_menu;
  GtkDropDown *base_menu;
  GtkLabel *changes_label;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkWidget *removed_probe; /* hidden; its style gives the removed words' colour */
  char *changes_text;
};

G_DEFINE_FINAL_TYPE (PxVersionsDialog, px_versions_dialog, ADW_TYPE_WINDOW)

static char *
version_label (const PxDocumentVersion *v)
{
  g_autoptr (GDateTime) at = g_date_time_new_from_iso8601 (v->fetched, NULL);
  g_autoptr (GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;
  g_autofree char *day_iso = local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;
  g_autofree char *day = day_iso != NULL ? px_format_date (day_iso, PX_DATE_SHORT) : NULL;
  /* Translators: the time of day a version was fetched, see strftime. */
  g_autofree char *time = local != NULL ? g_date_time_format (local, _ ("%H:%M")) : NULL;
  /* Translators: when a version was fetched: a date, then a time of day. */
  g_autofree char *when =
      day != NULL && time != NULL ? g_strdup_printf (_ ("%s, %s"), day, time) : g_strdup (v->fetched);

  if (v->version == 1)
    /* Translators: the first version of an article; %s is when it was imported. */
    return g_strdup_printf (_ ("Version 1 · imported %s"), when);
  /* Translators: a later version; when it was fetched or imported again,
   * and how many words changed from the version before. */
  return g_strdup_printf (
      ngettext ("Version %u · %s · %u word changed", "Version %u · %s · %u words changed", v->changed_words),
      v->version, when, v->changed_words);
}

static const char *
change_heading (PxVersionChangeKind kind)
{
  switch (kind)
    {
    case PX_VERSION_CHANGE_HEADLINE:
      return _ ("Headline changed");
    case PX_VERSION_CHANGE_QUOTE_REMOVED:
      return _ ("Quotation removed");
    case PX_VERSION_CHANGE_QUOTE_ALTERED:
      return _ ("Quotation altered");
    case PX_VERSION_CHANGE_QUOTE_ADDED:
      return _ ("Quotation added");
    case PX_VERSION_CHANGE_NUMBER:
    default:
      return _ ("Number changed");
    }
}

static void
append (PxVersionsDialog *self, const char *text, gssize len, const char *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (self->buffer, &end, text, (int)len, tag, NULL);
  else
    gtk_text_buffer_insert (self->buffer, &end, text, (int)len);
}

static gboolean
ends_with_space (PxVersionsDialog *self)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  return gtk_text_iter_is_start (&end) || !gtk_text_iter_backward_char (&end) ||
         g_unichar_isspace (gtk_text_iter_get_char (&end));
}

/* Code points @from..@to of @text, appended. */
static void
append_span (PxVersionsDialog *self, const char *text, guint from, guint to, const char *tag)
{
  const char *a = g_utf8_offset_to_pointer (text, from);

  if (to > from)
    append (self, a, g_utf8_offset_to_pointer (a, to - from) - a, tag);
}

/* The text of @shown with the words of @base it removed (struck through,
 * before the words that replace them) and those it added marked. */
static void
fill_text (PxVersionsDialog *self, const char *base_text, const char *shown_text)
{
  g_autoptr (GArray) ops = px_versions_diff (base_text, shown_text, self->language);
  guint cursor = 0;

  gtk_text_buffer_set_text (self->buffer, "", 0);
  for (guint k = 0; k < ops->len;)
    {
      const PxDiffOp *op = &g_array_index (ops, PxDiffOp, k);
      guint lo = G_MAXUINT, hi = 0, group;

      if (op->kind == PX_DIFF_SAME)
        {
          /* What lies between the words (spaces, punctuation) as it is. */
          append_span (self, shown_text, cursor, MAX (op->b_start, cursor), NULL);
          append_span (self, shown_text, MAX (op->b_start, cursor), MAX (op->b_end, cursor), NULL);
          cursor = MAX (op->b_end, cursor);
          k++;
          continue;
        }
      for (group = k; group < ops->len && g_array_index (ops, PxDiffOp, group).kind != PX_DIFF_SAME; group++)
        {
          const PxDiffOp *g = &g_array_index (ops, PxDiffOp, group);
          lo = MIN (lo, g->b_start);
          if (g->kind == PX_DIFF_ADDED)
            hi = MAX (hi, g->b_end);
        }
      lo = MAX (lo, cursor);
      hi = MAX (hi, lo);
      append_span (self, shown_text, cursor, lo, NULL);
      for (guint r = k; r < group; r++)
        {
          const PxDiffOp *g = &g_array_index (ops, PxDiffOp, r);
          if (g->kind != PX_DIFF_REMOVED)
            continue;
          if (!ends_with_space (self))
            append (self, " ", 1, NULL);
          append_span (self, base_text, g->a_start, g->a_end, "removed");
        }
      if (hi > lo || !g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (shown_text, lo))))
        if (!ends_with_space (self) && lo > 0)
          append (self, " ", 1, NULL);
      append_span (self, shown_text, lo, hi, "added");
      cursor = hi;
      k = group;
    }
  append (self, g_utf8_offset_to_pointer (shown_text, cursor), -1, NULL);
}

static void
update (PxVersionsDialog *self)
{
  guint shown = gtk_drop_down_get_selected (self->shown_menu);
  guint base = gtk_drop_down_get_selected (self->base_menu);
  const PxDocumentVersion *vs, *vb;
  g_autoptr (GString) markup = g_string_new (NULL);
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autoptr (GPtrArray) changes = NULL;

  if (shown >= self->versions->len || base >= self->versions->len)
    return;
  vs = self->versions->pdata[shown];
  vb = self->versions->pdata[base];
  fill_text (self, self->texts->pdata[base], self->texts->pdata[shown]);
  if (shown == base)
    {
      gtk_label_set_label (self->changes_label, _ ("Pick another version to compare this one with."));
      g_free (self->changes_text);
      self->changes_text = g_strdup ("");
      return;
    }
  changes =
      px_version_changes (vb->title, self->texts->pdata[base], vs->title, self->texts->pdata[shown], self->language);
  for (guint i = 0; i < changes->len; i++)
    {
      const PxVersionChange *c = changes->pdata[i];
      g_autofree char *old_e = g_markup_escape_text (c->old_text != NULL ? c->old_text : "", -1);
      g_autofree char *new_e = g_markup_escape_text (c->new_text != NULL ? c->new_text : "", -1);

      if (markup->len > 0)
        g_string_append_c (markup, '\n');
      g_string_append_printf (markup, "<b>%s:</b> ", change_heading (c->kind));
      g_string_append_printf (plain, "%s: ", change_heading (c->kind));
      if (c->old_text != NULL)
        {
          g_string_append_printf (markup, "<s>%s</s>", old_e);
          g_string_append_printf (plain, "%s", c->old_text);
        }
      if (c->old_text != NULL && c->new_text != NULL)
        {
          g_string_append (markup, " → ");
          g_string_append (plain, " → ");
        }
      if (c->new_text != NULL)
        {
          g_string_append_printf (markup, "<u>%s</u>", new_e);
          g_string_append_printf (plain, "%s", c->new_text);
        }
      g_string_append_c (plain, '\n');
    }
  if (changes->len == 0)
    g_string_append (markup, _ ("No changed headline, quotation or number."));
  gtk_label_set_markup (self->changes_label, markup->str);
  g_free (self->changes_text);
  self->changes_text = g_string_free (g_steal_pointer (&plain), FALSE);
}

static void
on_selected (GObject *menu, GParamSpec *pspec, PxVersionsDialog *self)
{
  update (self);
}

static GtkWidget *
caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Removed words take the theme's error colour (libadwaita's "error" style
 * class), light or dark. */
static void
update_removed_color (PxVersionsDialog *self)
{
  GdkRGBA color;

  px_widget_get_color (self->removed_probe, &color);
  g_object_set (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), "removed"), "foreground-rgba",
                &color, NULL);
}

static void
px_versions_dialog_dispose (GObject *object)
{
  PxVersionsDialog *self = PX_VERSIONS_DIALOG (object);

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->changes_text, g_free);
  G_OBJECT_CLASS (px_versions_dialog_parent_class)->dispose (object);
}

static void
px_versions_dialog_class_init (PxVersionsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_versions_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
px_versions_dialog_init (PxVersionsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *changes_scroller = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _ ("Versions"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
  self->shown_menu = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->base_menu = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->shown_menu), _ ("The version to read"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->base_menu), _ ("The version to compare it with"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shown_menu), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Version shown"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->base_menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Compared with version"), -1);
  gtk_box_append (GTK_BOX (row), caption (_ ("Show")));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->shown_menu));
  gtk_box_append (GTK_BOX (row), caption (_ ("compared with")));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->base_menu));

  self->changes_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->changes_label, TRUE);
  gtk_label_set_xalign (self->changes_label, 0);
  gtk_label_set_selectable (self->changes_label, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (changes_scroller), GTK_WIDGET (self->changes_label));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (changes_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (changes_scroller), 180);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (changes_scroller), TRUE);

  self->buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_create_tag (self->buffer, "same", NULL);
  gtk_text_buffer_create_tag (self->buffer, "added", "underline", PANGO_UNDERLINE_SINGLE, "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (self->buffer, "removed", "strikethrough", TRUE, NULL);
  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new_with_buffer (self->buffer));
  g_object_unref (self->buffer);
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_inside_wrap (self->text_view, 4);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Text of the version, with the words removed and added"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->text_view));
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_box_append (GTK_BOX (content), row);
  gtk_box_append (GTK_BOX (content), changes_scroller);
  gtk_box_append (GTK_BOX (content), scroller);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), content);
  self->removed_probe = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->removed_probe, "error");
  gtk_widget_set_visible (self->removed_probe, FALSE);
  gtk_box_append (GTK_BOX (box), self->removed_probe);
  adw_window_set_content (ADW_WINDOW (self), box);
  g_signal_connect_swapped (self, "map", G_CALLBACK (update_removed_color), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (update_removed_color), self,
                           G_CONNECT_SWAPPED);
}

PxVersionsDialog *
px_versions_dialog_new (GtkWindow *parent, PxStore *store, gint64 document_id, GError **error)
{
  PxVersionsDialog *self;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint n;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  if ((doc = px_store_load_document (store, document_id, error)) == NULL ||
      (versions = px_store_list_versions (store, document_id, error)) == NULL)
    return NULL;
  /* Owned by GTK, as any window: gtk_window_destroy() ends it. */
  self = g_object_new (PX_TYPE_VERSIONS_DIALOG, "transient-for", parent, NULL);
  self->texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < versions->len; i++)
    {
      const PxDocumentVersion *v = versions->pdata[i];
      g_autofree char *label = version_label (v);
      char *text = versions->len == 1 ? g_strdup (px_document_get_text (doc))
                                      : px_store_get_version_text (store, document_id, v->version, error);

      if (text == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      g_ptr_array_add (self->texts, text);
      gtk_string_list_append (labels, label);
    }
  self->versions = g_steal_pointer (&versions);
  self->language = g_strdup (px_document_get_language (doc));
  gtk_window_set_title (GTK_WINDOW (self), px_document_get_title (doc));
  gtk_drop_down_set_model (self->shown_menu, G_LIST_MODEL (labels));
  gtk_drop_down_set_model (self->base_menu, G_LIST_MODEL (labels));
  /* The newest version compared with the one before. */
  n = self->versions->len;
  gtk_drop_down_set_selected (self->shown_menu, n - 1);
  gtk_drop_down_set_selected (self->base_menu, n >= 2 ? n - 2 : 0);
  g_signal_connect (self->shown_menu, "notify::selected", G_CALLBACK (on_selected), self);
  g_signal_connect (self->base_menu, "notify::selected", G_CALLBACK (on_selected), self);
  update (self);
  return self;
}

guint
px_versions_dialog_get_n_versions (PxVersionsDialog *self)
{
  g_return_val_if_fail (PX_IS_VERSIONS_DIALOG (self), 0);
  return self->versions->len;
}

void
px_versions_dialog_show (PxVersionsDialog *self, guint shown, guint base)
{
  g_return_if_fail (PX_IS_VERSIONS_DIALOG (self));
  g_return_if_fail (shown >= 1 && shown <= self->versions->len && base >= 1 && base <= self->versions->len);
  gtk_drop_down_set_selected (self->shown_menu, shown - 1);
  gtk_drop_down_set_selected (self->base_menu, base - 1);
  update (self);
}

const char *
px_versions_dialog_get_changes_text (PxVersionsDialog *self)
{
  g_return_val_if_fail (PX_IS_VERSIONS_DIALOG (self), NULL);
  return self->changes_text;
}

char *
px_versions_dialog_get_marked_text (PxVersionsDialog *self)
{
  GtkTextTagTable *table;
  GtkTextTag *added, *removed;
  GtkTextIter it;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (PX_IS_VERSIONS_DIALOG (self), NULL);
  table = gtk_text_buffer_get_tag_table (self->buffer);
  added = gtk_text_tag_table_lookup (table, "added");
  removed = gtk_text_tag_table_lookup (table, "removed");
  gtk_text_buffer_get_start_iter (self->buffer, &it);
  while (!gtk_text_iter_is_end (&it))
    {
      gunichar c = gtk_text_iter_get_char (&it);

      if (gtk_text_iter_starts_tag (&it, added))
        g_string_append (out, "{+");
      if (gtk_text_iter_starts_tag (&it, removed))
        g_string_append (out, "[-");
      g_string_append_unichar (out, c);
      gtk_text_iter_forward_char (&it);
      if (gtk_text_iter_ends_tag (&it, added))
        g_string_append (out, "+}");
      if (gtk_text_iter_ends_tag (&it, removed))
        g_string_append (out, "-]");
    }
  return g_string_free (out, FALSE);
}
