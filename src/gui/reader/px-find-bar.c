/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/reader/px-find-bar.h"

#include <glib/gi18n.h>

#include "gui/reader/px-reader-view.h"

/* A selection longer than this is not taken as the text to find. */
#define MAX_SEED_CHARS 100

struct _PxFindBar
{
  GtkWidget parent_instance;

  GtkSearchBar *bar;
  GtkSearchEntry *entry;
  GtkLabel *status;
  GtkWidget *prev_button;
  GtkWidget *next_button;

  PxReaderView *reader; /* weak: it owns the bar */
  GtkTextTag *match_tag;
  GtkTextTag *current_tag;
  GArray *matches; /* guint pairs: start, end */
  int current;
  char *status_text;
};

G_DEFINE_FINAL_TYPE (PxFindBar, px_find_bar, GTK_TYPE_WIDGET)

static GtkTextBuffer *
buffer_of (PxFindBar *self)
{
  return gtk_text_view_get_buffer (px_reader_view_get_text_view (self->reader));
}

static void
set_status (PxFindBar *self, const char *text)
{
  g_free (self->status_text);
  self->status_text = g_strdup (text);
  gtk_label_set_label (self->status, text);
}

static void
clear_marks (PxFindBar *self)
{
  GtkTextBuffer *buffer = buffer_of (self);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
}

static void
update_status (PxFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *status = NULL;
  guint n = self->matches->len / 2;

  gtk_widget_set_sensitive (self->prev_button, n > 0);
  gtk_widget_set_sensitive (self->next_button, n > 0);
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  if (*text == '\0')
    status = g_strdup ("");
  else if (n == 0)
    {
      status = g_strdup (_ ("Not found"));
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
    }
  else
    /* TRANSLATORS: the current match and how many there are, "3 of 12" */
    status = g_strdup_printf (_ ("%d of %u"), self->current + 1, n);
  set_status (self, status);
}

static void
show_current (PxFindBar *self)
{
  GtkTextBuffer *buffer = buffer_of (self);
  GtkTextIter start, end;
  guint a, b;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
  if (self->current >= 0)
    {
      a = g_array_index (self->matches, guint, 2 * self->current);
      b = g_array_index (self->matches, guint, 2 * self->current + 1);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, a);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, b);
      gtk_text_buffer_apply_tag (buffer, self->current_tag, &start, &end);
      px_reader_view_show_range (self->reader, a, b, FALSE);
    }
  update_status (self);
}

/* Finds every match again and makes current the first from where the
 * reader is reading. */
static void
search (PxFindBar *self)
{
  GtkTextBuffer *buffer = buffer_of (self);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  GtkTextIter iter, start, end;
  guint from;

  clear_marks (self);
  g_array_set_size (self->matches, 0);
  self->current = -1;
  if (*text == '\0' || !px_find_bar_is_open (self))
    {
      update_status (self);
      return;
    }
  /* Over the highlights' colours. */
  gtk_text_tag_set_priority (self->match_tag, gtk_text_tag_table_get_size (table) - 1);
  gtk_text_tag_set_priority (self->current_tag, gtk_text_tag_table_get_size (table) - 1);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (self->matches->len / 2 < PX_FIND_MAX_MATCHES &&
         gtk_text_iter_forward_search (&iter, text, GTK_TEXT_SEARCH_CASE_INSENSITIVE, &start, &end, NULL))
    {
      guint a = gtk_text_iter_get_offset (&start), b = gtk_text_iter_get_offset (&end);

      g_array_append_val (self->matches, a);
      g_array_append_val (self->matches, b);
      gtk_text_buffer_apply_tag (buffer, self->match_tag, &start, &end);
      iter = end;
    }
  if (self->matches->len == 0)
    {
      update_status (self);
      return;
    }
  from = px_reader_view_get_reading_offset (self->reader);
  self->current = 0;
  for (guint i = 0; i < self->matches->len / 2; i++)
    if (g_array_index (self->matches, guint, 2 * i) >= from)
      {
        self->current = (int)i;
        break;
      }
  show_current (self);
}

static void
on_search_changed (PxFindBar *self)
{
  search (self);
}

static void
on_next (PxFindBar *self)
{
  px_find_bar_step (self, 1);
}

static void
on_previous (PxFindBar *self)
{
  px_find_bar_step (self, -1);
}

static gboolean
step_back (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  px_find_bar_step (user_data, -1);
  return TRUE;
}

static void
on_stop (PxFindBar *self)
{
  px_find_bar_close (self);
}

static void
on_mode_changed (PxFindBar *self)
{
  if (!gtk_search_bar_get_search_mode (self->bar))
    {
      clear_marks (self);
      g_array_set_size (self->matches, 0);
      self->current = -1;
      gtk_widget_grab_focus (GTK_WIDGET (px_reader_view_get_text_view (self->reader)));
    }
}

static GtkWidget *
step_button (const char *icon, const char *tooltip, const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
px_find_bar_dispose (GObject *object)
{
  PxFindBar *self = PX_FIND_BAR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (px_find_bar_parent_class)->dispose (object);
}

static void
px_find_bar_finalize (GObject *object)
{
  PxFindBar *self = PX_FIND_BAR (object);

  g_array_unref (self->matches);
  g_free (self->status_text);
  G_OBJECT_CLASS (px_find_bar_parent_class)->finalize (object);
}

static void
px_find_bar_class_init (PxFindBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_find_bar_dispose;
  G_OBJECT_CLASS (klass)->finalize = px_find_bar_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findbar");
}

static void
px_find_bar_init (PxFindBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->current = -1;
  self->bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _ ("Find in Article"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Find in Article"),
                                  -1);
  /* About 260 px when there is room, less in a narrow window. */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 28);
  self->status = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_width_chars (self->status, 9);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "numeric");
  self->prev_button = step_button ("go-up-symbolic", _ ("Previous Match (Shift+Ctrl+G)"), _ ("Previous Match"));
  self->next_button = step_button ("go-down-symbolic", _ ("Next Match (Ctrl+G)"), _ ("Next Match"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (box), self->prev_button);
  gtk_box_append (GTK_BOX (box), self->next_button);
  gtk_search_bar_set_child (self->bar, box);
  gtk_search_bar_connect_entry (self->bar, GTK_EDITABLE (self->entry));
  gtk_search_bar_set_show_close_button (self->bar, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->bar), GTK_WIDGET (self));

  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_next), self);
  g_signal_connect_swapped (self->entry, "next-match", G_CALLBACK (on_next), self);
  g_signal_connect_swapped (self->entry, "previous-match", G_CALLBACK (on_previous), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (on_stop), self);
  g_signal_connect_swapped (self->prev_button, "clicked", G_CALLBACK (on_previous), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (on_next), self);
  g_signal_connect_swapped (self->bar, "notify::search-mode-enabled", G_CALLBACK (on_mode_changed), self);
  /* Shift+Enter steps back, as in other readers. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                                                            gtk_callback_action_new (step_back, self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  }
  update_status (self);
}

PxFindBar *
px_find_bar_new (PxReaderView *reader)
{
  PxFindBar *self = g_object_new (PX_TYPE_FIND_BAR, NULL);
  GtkTextBuffer *buffer;

  self->reader = reader;
  buffer = buffer_of (self);
  self->match_tag = gtk_text_buffer_create_tag (buffer, "px-find-match", "background-rgba",
                                                &(GdkRGBA){ 0.96, 0.76, 0.07, 0.45 }, NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, "px-find-current", "background-rgba",
                                                  &(GdkRGBA){ 0.90, 0.38, 0.0, 0.75 }, NULL);
  return self;
}

void
px_find_bar_open (PxFindBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (PX_IS_FIND_BAR (self));
  buffer = buffer_of (self);
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) <= MAX_SEED_CHARS &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *seed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->entry), seed);
    }
  gtk_search_bar_set_search_mode (self->bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  search (self);
}

void
px_find_bar_close (PxFindBar *self)
{
  g_return_if_fail (PX_IS_FIND_BAR (self));
  gtk_search_bar_set_search_mode (self->bar, FALSE);
}

gboolean
px_find_bar_is_open (PxFindBar *self)
{
  g_return_val_if_fail (PX_IS_FIND_BAR (self), FALSE);
  return gtk_search_bar_get_search_mode (self->bar);
}

void
px_find_bar_set_text (PxFindBar *self, const char *text)
{
  g_return_if_fail (PX_IS_FIND_BAR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  /* At once, not after the entry's typing delay. */
  search (self);
}

void
px_find_bar_step (PxFindBar *self, int direction)
{
  guint n;

  g_return_if_fail (PX_IS_FIND_BAR (self));
  if (!px_find_bar_is_open (self))
    px_find_bar_open (self);
  n = self->matches->len / 2;
  if (n == 0)
    return;
  self->current = (int)(((guint)(self->current + (direction < 0 ? (int)n - 1 : 1))) % n);
  show_current (self);
}

guint
px_find_bar_get_n_matches (PxFindBar *self)
{
  g_return_val_if_fail (PX_IS_FIND_BAR (self), 0);
  return self->matches->len / 2;
}

int
px_find_bar_get_current (PxFindBar *self, guint *start, guint *end)
{
  g_return_val_if_fail (PX_IS_FIND_BAR (self), -1);
  if (self->current >= 0)
    {
      if (start != NULL)
        *start = g_array_index (self->matches, guint, 2 * self->current);
      if (end != NULL)
        *end = g_array_index (self->matches, guint, 2 * self->current + 1);
    }
  return self->current;
}

const char *
px_find_bar_get_status (PxFindBar *self)
{
  g_return_val_if_fail (PX_IS_FIND_BAR (self), NULL);
  return self->status_text ? self->status_text : "";
}

void
px_find_bar_refresh (PxFindBar *self)
{
  g_return_if_fail (PX_IS_FIND_BAR (self));
  if (px_find_bar_is_open (self))
    search (self);
}
