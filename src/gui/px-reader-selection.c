/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/px-reader-selection.h"

#include "gui/px-reader-view.h"

#define DATA_KEY "px-reader-selection"

typedef struct
{
  PxReaderView *reader; /* owns this */
  GtkTextView *view;
  gboolean dragged;   /* the button went down and the pointer moved */
  gboolean paragraph; /* the last press selected a paragraph */
  guint snap_idle;
} Selection;

void
px_reader_selection_snap (GtkTextBuffer *buffer, GtkTextIter *start, GtkTextIter *end)
{
  if (gtk_text_iter_equal (start, end))
    return;
  if (gtk_text_iter_inside_word (start) && !gtk_text_iter_starts_word (start))
    gtk_text_iter_backward_word_start (start);
  if (gtk_text_iter_inside_word (end) && !gtk_text_iter_starts_word (end) && !gtk_text_iter_ends_word (end))
    gtk_text_iter_forward_word_end (end);
}

/* Before the highlight layer reads the selection to offer its popover
 * (it looks in an idle of default priority). */
static gboolean
snap_now (gpointer user_data)
{
  Selection *sel = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sel->view);
  GtkTextIter start, end, old_start, old_end;

  sel->snap_idle = 0;
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return G_SOURCE_REMOVE;
  old_start = start;
  old_end = end;
  px_reader_selection_snap (buffer, &start, &end);
  if (!gtk_text_iter_equal (&start, &old_start) || !gtk_text_iter_equal (&end, &old_end))
    {
      /* The end the pointer was at stays the moving one. */
      GtkTextIter insert;
      gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
      if (gtk_text_iter_equal (&insert, &old_start))
        gtk_text_buffer_select_range (buffer, &start, &end);
      else
        gtk_text_buffer_select_range (buffer, &end, &start);
    }
  return G_SOURCE_REMOVE;
}

void
px_reader_selection_select_paragraph (GtkTextBuffer *buffer, guint offset)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  end = start;
  gtk_text_iter_set_line_offset (&start, 0);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_select_range (buffer, &end, &start);
}

static void
select_paragraph (Selection *sel, double x, double y)
{
  GtkTextIter at;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (sel->view, GTK_TEXT_WINDOW_WIDGET, (int)x, (int)y, &bx, &by);
  gtk_text_view_get_iter_at_location (sel->view, &at, bx, by);
  px_reader_selection_select_paragraph (gtk_text_view_get_buffer (sel->view), gtk_text_iter_get_offset (&at));
}

static void
on_pressed (GtkGestureClick *gesture, int n_press, double x, double y, Selection *sel)
{
  sel->paragraph = FALSE;
  if (n_press != 3)
    return;
  /* The text view would select the wrapped line only. */
  select_paragraph (sel, x, y);
  sel->paragraph = TRUE;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
on_event (GtkEventControllerLegacy *controller, GdkEvent *event, Selection *sel)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
      sel->dragged = FALSE;
      break;
    case GDK_MOTION_NOTIFY:
      if (gdk_event_get_modifier_state (event) & GDK_BUTTON1_MASK)
        sel->dragged = TRUE;
      break;
    case GDK_BUTTON_RELEASE:
      if (sel->dragged && !sel->paragraph && sel->snap_idle == 0)
        sel->snap_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, snap_now, sel, NULL);
      break;
    default:
      break;
    }
  return FALSE;
}

/* Whether the caret is somewhere on screen. */
static gboolean
insert_visible (Selection *sel)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sel->view);
  GtkTextIter insert;

  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  return px_reader_view_offset_on_screen (sel->reader, gtk_text_iter_get_offset (&insert));
}

/* Shift with an arrow key, Home or End: the selection grows from the
 * caret, or from the reading position when the caret is off screen, as
 * caret mode would do. */
static gboolean
on_key (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state, Selection *sel)
{
  GtkMovementStep step;
  int count;
  gboolean words = (state & GDK_CONTROL_MASK) != 0;

  if ((state & GDK_SHIFT_MASK) == 0 || (state & (GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      gtk_text_view_get_cursor_visible (sel->view))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step = words ? GTK_MOVEMENT_WORDS : GTK_MOVEMENT_VISUAL_POSITIONS, count = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step = words ? GTK_MOVEMENT_WORDS : GTK_MOVEMENT_VISUAL_POSITIONS, count = 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step = words ? GTK_MOVEMENT_PARAGRAPHS : GTK_MOVEMENT_DISPLAY_LINES, count = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step = words ? GTK_MOVEMENT_PARAGRAPHS : GTK_MOVEMENT_DISPLAY_LINES, count = 1;
      break;
    case GDK_KEY_Home:
      step = GTK_MOVEMENT_DISPLAY_LINE_ENDS, count = -1;
      break;
    case GDK_KEY_End:
      step = GTK_MOVEMENT_DISPLAY_LINE_ENDS, count = 1;
      break;
    default:
      return FALSE;
    }
  px_reader_selection_extend (sel->reader, step, count);
  return TRUE;
}

void
px_reader_selection_extend (PxReaderView *reader, GtkMovementStep step, int count)
{
  Selection *sel = g_object_get_data (G_OBJECT (reader), DATA_KEY);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sel->view);
  gboolean shown = gtk_text_view_get_cursor_visible (sel->view);

  if (!gtk_text_buffer_get_has_selection (buffer) && !insert_visible (sel) &&
      px_reader_view_get_reading_offset (sel->reader) != G_MAXUINT)
    {
      GtkTextIter at;

      gtk_text_buffer_get_iter_at_offset (buffer, &at, px_reader_view_get_reading_offset (sel->reader));
      /* From the start of the word there, or of the word before when the
       * point falls between words. */
      if (!gtk_text_iter_starts_word (&at))
        gtk_text_iter_backward_word_start (&at);
      gtk_text_buffer_place_cursor (buffer, &at);
    }
  /* The text view moves a caret only while one is shown. */
  gtk_text_view_set_cursor_visible (sel->view, TRUE);
  g_signal_emit_by_name (sel->view, "move-cursor", step, count, TRUE);
  gtk_text_view_set_cursor_visible (sel->view, shown);
}

static void
selection_free (Selection *sel)
{
  g_clear_handle_id (&sel->snap_idle, g_source_remove);
  g_free (sel);
}

void
px_reader_selection_attach (PxReaderView *reader)
{
  Selection *sel = g_new0 (Selection, 1);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *legacy = gtk_event_controller_legacy_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  sel->reader = reader;
  sel->view = px_reader_view_get_text_view (reader);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), sel);
  gtk_widget_add_controller (GTK_WIDGET (sel->view), GTK_EVENT_CONTROLLER (click));
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (on_event), sel);
  gtk_widget_add_controller (GTK_WIDGET (sel->view), legacy);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), sel);
  gtk_widget_add_controller (GTK_WIDGET (sel->view), keys);
  g_object_set_data_full (G_OBJECT (reader), DATA_KEY, sel, (GDestroyNotify)selection_free);
}
