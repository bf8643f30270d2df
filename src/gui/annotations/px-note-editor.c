/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/annotations/px-note-editor.h"

#include <glib/gi18n.h>

/* Checking waits for a pause in typing this long. */
#define CHECK_DELAY_MS 120
#define MAX_SUGGESTIONS 6

struct _PxNoteEditor
{
  GtkTextView parent_instance;

  PxSpellChecker *checker;
  GtkTextTag *misspelled_tag;
  GtkTextMark *dirty_start; /* the region changed since the last check */
  GtkTextMark *dirty_end;
  gboolean dirty;
  guint check_source;
  gboolean loading;
  /* The word under the last right-click. */
  guint click_start;
  guint click_end;
};

G_DEFINE_FINAL_TYPE (PxNoteEditor, px_note_editor, GTK_TYPE_TEXT_VIEW)

enum
{
  SIGNAL_TEXT_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
check_region (PxNoteEditor *self, GtkTextIter *start, GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autofree char *text = NULL;
  g_autoptr (GArray) ranges = NULL;
  guint base;

  /* Whole lines around the change: words never span lines, and a line is
   * short enough to check at every pause. */
  gtk_text_iter_set_line_offset (start, 0);
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
  gtk_text_buffer_remove_tag (buffer, self->misspelled_tag, start, end);
  if (self->checker == NULL || !px_spell_checker_has_dictionary (self->checker))
    return;
  base = gtk_text_iter_get_offset (start);
  text = gtk_text_buffer_get_text (buffer, start, end, FALSE);
  ranges = px_spell_checker_check_text (self->checker, text, -1);
  for (guint i = 0; i < ranges->len; i++)
    {
      PxSpellRange *r = &g_array_index (ranges, PxSpellRange, i);
      GtkTextIter s, e;

      gtk_text_buffer_get_iter_at_offset (buffer, &s, base + r->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &e, base + r->end);
      gtk_text_buffer_apply_tag (buffer, self->misspelled_tag, &s, &e);
    }
}

static gboolean
check_dirty (gpointer user_data)
{
  PxNoteEditor *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  self->check_source = 0;
  if (!self->dirty)
    return G_SOURCE_REMOVE;
  self->dirty = FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &start, self->dirty_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, self->dirty_end);
  gtk_text_iter_order (&start, &end);
  check_region (self, &start, &end);
  return G_SOURCE_REMOVE;
}

/* Widens the region to check to include [start, end). */
static void
mark_dirty (PxNoteEditor *self, const GtkTextIter *start, const GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter s, e;

  if (self->dirty)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &s, self->dirty_start);
      gtk_text_buffer_get_iter_at_mark (buffer, &e, self->dirty_end);
      if (gtk_text_iter_compare (start, &s) < 0)
        gtk_text_buffer_move_mark (buffer, self->dirty_start, start);
      if (gtk_text_iter_compare (end, &e) > 0)
        gtk_text_buffer_move_mark (buffer, self->dirty_end, end);
    }
  else
    {
      gtk_text_buffer_move_mark (buffer, self->dirty_start, start);
      gtk_text_buffer_move_mark (buffer, self->dirty_end, end);
      self->dirty = TRUE;
    }
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_dirty, self);
}

static void
on_insert_text (GtkTextBuffer *buffer, GtkTextIter *location, char *text, int len, PxNoteEditor *self)
{
  GtkTextIter start = *location;

  /* Runs after the insertion: @location is after the new text. */
  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, len));
  mark_dirty (self, &start, location);
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_TEXT_EDITED], 0);
}

static void
on_delete_range (GtkTextBuffer *buffer, GtkTextIter *start, GtkTextIter *end, PxNoteEditor *self)
{
  mark_dirty (self, start, end);
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_TEXT_EDITED], 0);
}

/* The misspelled word at @offset: its bounds, if underlined. */
static gboolean
misspelled_word_at (PxNoteEditor *self, guint offset, GtkTextIter *start, GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  gtk_text_buffer_get_iter_at_offset (buffer, start, offset);
  if (!gtk_text_iter_has_tag (start, self->misspelled_tag))
    {
      /* Just after the word also counts (a click on its last letter's
       * right half lands there). */
      if (offset == 0)
        return FALSE;
      gtk_text_iter_backward_char (start);
      if (!gtk_text_iter_has_tag (start, self->misspelled_tag))
        return FALSE;
    }
  *end = *start;
  if (!gtk_text_iter_starts_tag (start, self->misspelled_tag))
    gtk_text_iter_backward_to_tag_toggle (start, self->misspelled_tag);
  gtk_text_iter_forward_to_tag_toggle (end, self->misspelled_tag);
  return TRUE;
}

GMenuModel *
px_note_editor_build_menu_at (PxNoteEditor *self, guint offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) suggestions = g_menu_new ();
  g_autoptr (GMenu) actions = g_menu_new ();
  g_auto (GStrv) words = NULL;
  g_autofree char *word = NULL;
  GtkTextIter start, end;

  g_return_val_if_fail (PX_IS_NOTE_EDITOR (self), NULL);
  if (self->checker == NULL || !misspelled_word_at (self, offset, &start, &end))
    return NULL;
  self->click_start = gtk_text_iter_get_offset (&start);
  self->click_end = gtk_text_iter_get_offset (&end);
  word = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  words = px_spell_checker_suggest (self->checker, word, -1);
  for (guint i = 0; words[i] != NULL && i < MAX_SUGGESTIONS; i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (words[i], NULL);
      g_menu_item_set_action_and_target_value (item, "spell.replace", g_variant_new_string (words[i]));
      g_menu_append_item (suggestions, item);
    }
  if (words[0] == NULL)
    {
      /* Without an action the item shows, greyed out. */
      g_autoptr (GMenuItem) item = g_menu_item_new (_ ("No Suggestions"), NULL);
      g_menu_append_item (suggestions, item);
    }
  g_menu_append (actions, _ ("_Add to Dictionary"), "spell.add");
  g_menu_append (actions, _ ("_Ignore"), "spell.ignore");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (suggestions));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
on_right_press (GtkGestureClick *gesture, int n_press, double x, double y, PxNoteEditor *self)
{
  g_autoptr (GMenuModel) menu = NULL;
  GtkTextIter iter;
  int bx, by;

  /* Runs before the view opens its menu: the suggestions join it. */
  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, (int)x, (int)y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    menu = px_note_editor_build_menu_at (self, gtk_text_iter_get_offset (&iter));
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self), menu);
}

static char *
clicked_word (PxNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, self->click_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, self->click_end);
  return gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
}

static void
replace_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PxNoteEditor *self = PX_NOTE_EDITOR (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  const char *word = g_variant_get_string (param, NULL);
  GtkTextIter s, e;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, self->click_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, self->click_end);
  gtk_text_buffer_delete (buffer, &s, &e);
  gtk_text_buffer_insert (buffer, &s, word, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PxNoteEditor *self = PX_NOTE_EDITOR (widget);
  g_autofree char *word = clicked_word (self);
  g_autoptr (GError) error = NULL;

  if (self->checker == NULL)
    return;
  if (!px_spell_checker_add_word (self->checker, word, -1, &error))
    g_warning ("Could not add “%s” to the dictionary: %s", word, error->message);
  px_note_editor_recheck (self);
}

static void
ignore_action (GtkWidget *widget, const char *name, GVariant *param)
{
  PxNoteEditor *self = PX_NOTE_EDITOR (widget);
  g_autofree char *word = clicked_word (self);

  if (self->checker == NULL)
    return;
  px_spell_checker_ignore_word (self->checker, word, -1);
  px_note_editor_recheck (self);
}

static void
px_note_editor_dispose (GObject *object)
{
  PxNoteEditor *self = PX_NOTE_EDITOR (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_object (&self->checker);
  G_OBJECT_CLASS (px_note_editor_parent_class)->dispose (object);
}

static void
px_note_editor_class_init (PxNoteEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_note_editor_dispose;
  /* The user changed the text (not px_note_editor_set_text()). */
  signals[SIGNAL_TEXT_EDITED] =
      g_signal_new ("text-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "spell.replace", "s", replace_action);
  gtk_widget_class_install_action (widget_class, "spell.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "spell.ignore", NULL, ignore_action);
}

static void
px_note_editor_init (PxNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkGesture *right = gtk_gesture_click_new ();
  GtkTextIter start;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "note-editor");
  self->misspelled_tag = gtk_text_buffer_create_tag (buffer, "misspelled", "underline", PANGO_UNDERLINE_ERROR, NULL);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->dirty_start = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  self->dirty_end = gtk_text_buffer_create_mark (buffer, NULL, &start, FALSE);
  g_signal_connect_after (buffer, "insert-text", G_CALLBACK (on_insert_text), self);
  g_signal_connect_after (buffer, "delete-range", G_CALLBACK (on_delete_range), self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (right), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (right), GTK_PHASE_CAPTURE);
  g_signal_connect (right, "pressed", G_CALLBACK (on_right_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (right));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Note"), -1);
}

PxNoteEditor *
px_note_editor_new (void)
{
  return g_object_new (PX_TYPE_NOTE_EDITOR, NULL);
}

void
px_note_editor_set_checker (PxNoteEditor *self, PxSpellChecker *checker)
{
  g_return_if_fail (PX_IS_NOTE_EDITOR (self));
  g_set_object (&self->checker, checker);
  px_note_editor_recheck (self);
}

PxSpellChecker *
px_note_editor_get_checker (PxNoteEditor *self)
{
  g_return_val_if_fail (PX_IS_NOTE_EDITOR (self), NULL);
  return self->checker;
}

void
px_note_editor_recheck (PxNoteEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (PX_IS_NOTE_EDITOR (self));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->dirty = FALSE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  check_region (self, &start, &end);
}

char *
px_note_editor_dup_text (PxNoteEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PX_IS_NOTE_EDITOR (self), NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
px_note_editor_set_text (PxNoteEditor *self, const char *text)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (PX_IS_NOTE_EDITOR (self));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  self->loading = FALSE;
  px_note_editor_recheck (self);
}

GArray *
px_note_editor_get_misspelled (PxNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PxSpellRange));
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  for (;;)
    {
      PxSpellRange r;

      if (!gtk_text_iter_starts_tag (&iter, self->misspelled_tag))
        {
          if (!gtk_text_iter_forward_to_tag_toggle (&iter, self->misspelled_tag))
            break;
          if (!gtk_text_iter_starts_tag (&iter, self->misspelled_tag))
            continue;
        }
      r.start = gtk_text_iter_get_offset (&iter);
      gtk_text_iter_forward_to_tag_toggle (&iter, self->misspelled_tag);
      r.end = gtk_text_iter_get_offset (&iter);
      g_array_append_val (out, r);
    }
  return out;
}
