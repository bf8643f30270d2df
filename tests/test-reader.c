/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading in the real window, under Xvfb: a passage opened from the
 * Compare panel comes into view centred and marked, Back returns to the
 * exact scroll position, the Passage view follows the reading position,
 * find in the article, resuming after a restart, and the panel after an
 * article is deleted. Invented articles of tests/fixtures/reader. */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "compare-fixtures.h"
#include "gui/annotations/px-annotation-controller.h"
#include "gui/annotations/px-highlight-copy.h"
#include "gui/window/px-application.h"
#include "gui/common/px-compat.h"
#include "gui/common/px-format.h"
#include "gui/reader/px-metadata-dialog.h"
#include "gui/compare/px-compare-panel.h"
#include "gui/compare/px-passage-card.h"
#include "gui/reader/px-reader-selection.h"
#include "gui/window/px-window-private.h"
#include "gui/window/px-window.h"
#include "events/px-store-events.h"
#include "px-test-wait.h"

/* One application for all tests: it is registered on the session bus. */
static PxApplication *app;

typedef struct
{
  char *dir;
  char *library;
  PxWindow *window;
  PxComparePanel *panel;
  gint64 gazette, herald, radio;
} Fixture;

static gint64
add_article (PxStore *store, const char *name, gint64 event_id)
{
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "reader", file, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_test_load_article (path, 0, &error);

  g_assert_no_error (error);
  px_document_set_id (doc, 0);
  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  g_assert_true (px_store_assign_event (store, doc, NULL, &error));
  g_assert_no_error (error);
  /* One event, whatever grouping makes of them. */
  if (event_id > 0)
    {
      g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, px_document_get_id (doc), NULL);
      if (info->event_id != event_id)
        g_assert_true (px_store_move_document (store, px_document_get_id (doc), event_id, &error));
      g_assert_no_error (error);
    }
  return px_document_get_id (doc);
}

static gboolean
panel_ready (gpointer data)
{
  PxComparePanel *panel = data;
  return !px_compare_panel_is_loading (panel) && g_strcmp0 (px_compare_panel_get_state (panel), "content") == 0;
}

static gboolean
reader_still (gpointer data)
{
  return !px_reader_view_is_scrolling (data);
}

static PxWindow *
open_window (Fixture *f, gint64 open_id)
{
  PxWindow *window = px_window_new (app, f->library, open_id);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("px-reader-XXXXXX", NULL);
  f->library = g_build_filename (f->dir, "library.db", NULL);
  {
    g_autoptr (PxStore) store = px_store_open (f->library, PX_STORE_OPEN_DEFAULT, &error);
    g_autoptr (PxDocumentInfo) info = NULL;

    g_assert_no_error (error);
    f->gazette = add_article (store, "harbour-gazette", 0);
    info = px_store_get_document_info (store, f->gazette, NULL);
    f->herald = add_article (store, "harbour-herald", info->event_id);
    f->radio = add_article (store, "harbour-radio", info->event_id);
    g_assert_true (px_store_flush_events (store, NULL));
  }
  f->window = open_window (f, f->gazette);
  px_window_set_side_panel_visible (f->window, TRUE);
  px_side_panel_set_visible_page (px_window_get_side_panel (f->window), "compare");
  f->panel = PX_COMPARE_PANEL (px_side_panel_get_page (px_window_get_side_panel (f->window), "compare"));
  g_assert_true (px_test_wait_for (panel_ready, f->panel, 20000));
  px_test_settle (300);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  px_test_settle (100);
  g_free (f->library);
  g_free (f->dir);
}

static GtkTextBuffer *
buffer_of (PxWindow *window)
{
  return gtk_text_view_get_buffer (px_reader_view_get_text_view (px_window_get_reader (window)));
}

static guint
offset_of (PxWindow *window, const char *needle)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *hit;

  gtk_text_buffer_get_bounds (buffer_of (window), &start, &end);
  text = gtk_text_buffer_get_text (buffer_of (window), &start, &end, FALSE);
  hit = strstr (text, needle);
  g_assert_nonnull (hit);
  return (guint)g_utf8_pointer_to_offset (text, hit);
}

/* Where offset @offset is drawn, in the reader's viewport: 0 at its top,
 * page size at its bottom. */
static double
y_in_view (PxWindow *window, guint offset)
{
  PxReaderView *reader = px_window_get_reader (window);
  GtkTextView *view = px_reader_view_get_text_view (reader);
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (reader));
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;
  graphene_point_t out;

  while (scroller != NULL && !GTK_IS_SCROLLED_WINDOW (scroller))
    scroller = gtk_widget_get_next_sibling (scroller);
  g_assert_nonnull (scroller);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), scroller, &GRAPHENE_POINT_INIT (wx, wy), &out));
  return out.y;
}

static void
place_cursor (PxWindow *window, const char *needle)
{
  GtkTextIter at;

  gtk_text_buffer_get_iter_at_offset (buffer_of (window), &at, offset_of (window, needle) + 3);
  gtk_text_buffer_place_cursor (buffer_of (window), &at);
}

static PxPassageCard *
card_for (PxComparePanel *panel, const char *outlet)
{
  g_autoptr (GList) cards = px_compare_panel_get_cards (panel);

  for (GList *l = cards; l != NULL; l = l->next)
    if (g_strcmp0 (px_passage_card_get_outlet (l->data), outlet) == 0)
      return l->data;
  return NULL;
}

static gboolean
showing (gpointer data)
{
  Fixture *f = data;
  PxDocument *doc = px_window_get_document (f->window);
  gint64 *want = g_object_get_data (G_OBJECT (f->window), "px-want");
  return doc != NULL && px_document_get_id (doc) == *want;
}

/* Item 1: the passage is brought to the middle of the view and marked;
 * Back restores the exact scroll position. */
static void
test_jump_centres (Fixture *f, gconstpointer data)
{
  PxReaderView *reader = px_window_get_reader (f->window);
  GtkAdjustment *vadj = px_reader_view_get_vadjustment (reader);
  PxPassageCard *card;
  guint start, end;
  double page, y, before;

  /* Read down a little first: Back must return exactly here. */
  px_reader_view_set_scroll (reader, 137);
  g_assert_true (px_test_wait_for (reader_still, reader, 5000));
  before = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (fabs (before - 137), <, 0.5);

  place_cursor (f->window, "The harbour crane collapsed at dawn");
  card = card_for (f->panel, "Coast Herald");
  g_assert_nonnull (card);
  px_passage_card_get_span (card, &start, &end);
  g_assert_true (gtk_widget_activate (gtk_widget_get_first_child (GTK_WIDGET (card))));
  g_object_set_data (G_OBJECT (f->window), "px-want", &f->herald);
  g_assert_true (px_test_wait_for (showing, f, 5000));
  g_assert_true (px_reader_view_is_flashing (reader));
  g_assert_true (px_test_wait_for (reader_still, reader, 5000));

  /* The herald has the sentence near its end: far down, and now in the
   * middle of the view. */
  page = gtk_adjustment_get_page_size (vadj);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, page);
  y = y_in_view (f->window, start);
  g_assert_cmpfloat (y, >, page * 0.25);
  g_assert_cmpfloat (y, <, page * 0.65);
  /* The mark goes after a moment. */
  px_test_settle (PX_READER_FLASH_MS + 200);
  g_assert_false (px_reader_view_is_flashing (reader));

  g_assert_true (px_test_wait_for (panel_ready, f->panel, 20000));
  px_compare_panel_go_back (f->panel);
  g_assert_cmpint (px_document_get_id (px_window_get_document (f->window)), ==, f->gazette);
  g_assert_true (px_test_wait_for (reader_still, reader, 5000));
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (vadj) - before), <, 0.5);
}

static gboolean
shows_the_top (gpointer data)
{
  const char *first = px_compare_panel_get_sentence (data);
  return strstr (first, "(gazette note 0.") != NULL || strstr (first, "(gazette note 1.") != NULL;
}

static gboolean
follows_the_scroll (gpointer data)
{
  return strstr (px_compare_panel_get_sentence (data), "(gazette note 2") != NULL;
}

/* Item 3: the Passage view starts at the top and follows scrolling, and
 * a caret placed by a click wins until the next scroll. */
static void
test_passage_follows_reading (Fixture *f, gconstpointer data)
{
  PxReaderView *reader = px_window_get_reader (f->window);

  /* Near the top, where the reader is: not the last sentence. */
  g_assert_true (px_test_wait_for (shows_the_top, f->panel, 3000));

  /* Scroll until paragraph 20 is a third of the way down. */
  px_reader_view_show_range (reader, offset_of (f->window, "(gazette note 20.0)"),
                             offset_of (f->window, "(gazette note 20.0)") + 1, FALSE);
  g_assert_true (px_test_wait_for (reader_still, reader, 5000));
  /* A user's scroll, which the reader's own did not count as. */
  {
    GtkAdjustment *vadj = px_reader_view_get_vadjustment (reader);
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj) / 6);
  }
  g_assert_true (px_test_wait_for (follows_the_scroll, f->panel, 3000));
  g_assert_null (strstr (px_compare_panel_get_sentence (f->panel), "note 0."));

  /* A click (the caret) is followed. */
  place_cursor (f->window, "The harbour crane collapsed at dawn");
  px_test_settle (100);
  g_assert_nonnull (strstr (px_compare_panel_get_sentence (f->panel), "The harbour crane collapsed"));
}

/* Item 7: find in the article, next and previous, wrapping. */
static void
test_find_in_article (Fixture *f, gconstpointer data)
{
  PxReaderView *reader = px_window_get_reader (f->window);
  PxFindBar *bar = px_reader_view_get_find_bar (reader);
  guint n, start, end, first;

  g_assert_false (px_find_bar_is_open (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL));
  g_assert_true (px_find_bar_is_open (bar));
  px_find_bar_set_text (bar, "HOSPITAL");
  g_assert_cmpuint (px_find_bar_get_n_matches (bar), ==, 1);
  g_assert_cmpstr (px_find_bar_get_status (bar), ==, "1 of 1");
  px_find_bar_set_text (bar, "crane");
  n = px_find_bar_get_n_matches (bar);
  g_assert_cmpuint (n, >, 3);
  g_assert_cmpint (px_find_bar_get_current (bar, &start, &end), ==, 0);
  first = start;
  g_assert_cmpuint (end - start, ==, 5);
  {
    GtkTextIter a, b;
    g_autofree char *word = NULL;
    gtk_text_buffer_get_iter_at_offset (buffer_of (f->window), &a, start);
    gtk_text_buffer_get_iter_at_offset (buffer_of (f->window), &b, end);
    word = gtk_text_iter_get_text (&a, &b);
    g_assert_cmpstr (word, ==, "crane");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-next", NULL));
  g_assert_cmpint (px_find_bar_get_current (bar, &start, NULL), ==, 1);
  g_assert_cmpuint (start, >, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-previous", NULL));
  g_assert_cmpint (px_find_bar_get_current (bar, NULL, NULL), ==, (int)n - 1);
  /* The last match is far down: it was brought into view. */
  g_assert_true (px_test_wait_for (reader_still, reader, 5000));
  px_find_bar_get_current (bar, &start, NULL);
  {
    double y = y_in_view (f->window, start);
    double page = gtk_adjustment_get_page_size (px_reader_view_get_vadjustment (reader));
    g_assert_cmpfloat (y, >, 0);
    g_assert_cmpfloat (y, <, page);
  }
  px_find_bar_set_text (bar, "no such words here");
  g_assert_cmpuint (px_find_bar_get_n_matches (bar), ==, 0);
  g_assert_cmpstr (px_find_bar_get_status (bar), ==, "Not found");
  px_find_bar_close (bar);
  g_assert_false (px_find_bar_is_open (bar));
}

/* Item 8: closing the window keeps the article and its scroll position;
 * the next window opens there. */
static void
test_resume (Fixture *f, gconstpointer data)
{
  PxReaderView *reader = px_window_get_reader (f->window);

  px_window_open_document (f->window, f->herald);
  px_reader_view_set_scroll (reader, 412);
  g_assert_true (px_test_wait_for (reader_still, reader, 5000));
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (px_reader_view_get_vadjustment (reader)) - 412), <, 0.5);
  gtk_window_close (GTK_WINDOW (f->window));
  px_test_settle (100);
  f->window = open_window (f, 0);
  reader = px_window_get_reader (f->window);
  g_assert_nonnull (px_window_get_document (f->window));
  g_assert_cmpint (px_document_get_id (px_window_get_document (f->window)), ==, f->herald);
  g_assert_true (px_test_wait_for (reader_still, reader, 5000));
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (px_reader_view_get_vadjustment (reader)) - 412), <, 0.5);
}

static gboolean
n_documents_is_two (gpointer data)
{
  PxComparePanel *panel = data;
  return panel_ready (panel) && px_event_comparison_get_n_documents (px_compare_panel_get_comparison (panel)) == 2;
}

/* Item 6: a deleted article leaves the open Compare panel. */
static void
test_delete_updates_compare (Fixture *f, gconstpointer data)
{
  PxEventComparison *cmp = px_compare_panel_get_comparison (f->panel);
  GtkWidget *dialog = NULL;
  g_autoptr (GList) toplevels = NULL;

  g_assert_cmpuint (px_event_comparison_get_n_documents (cmp), ==, 3);
  px_window_open_document (f->window, f->herald);
  g_assert_true (px_test_wait_for (panel_ready, f->panel, 20000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-document", NULL));
  toplevels = px_dialog_list_visible ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (px_is_alert (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  px_alert_response (dialog, "delete");
  px_dialog_close (dialog);
  /* The neighbour opens, compared with the one that is left. */
  g_assert_nonnull (px_window_get_document (f->window));
  g_assert_cmpint (px_document_get_id (px_window_get_document (f->window)), !=, f->herald);
  g_assert_true (px_test_wait_for (n_documents_is_two, f->panel, 20000));
  cmp = px_compare_panel_get_comparison (f->panel);
  g_assert_cmpuint (px_event_comparison_find_document (cmp, f->herald), ==, G_MAXUINT);
  g_assert_null (card_for (f->panel, "Coast Herald"));
}

/* A card got at least the height it needs for the width it got. */
static void
assert_tall_enough (GtkWidget *card)
{
  int min = 0, nat = 0;

  gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (card), &min, &nat, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (card), >, 0);
  g_assert_cmpint (gtk_widget_get_height (card), >=, min);
}

/* Item 4: the Compare panel shown for the first time after launch (the
 * Highlights page was up) gives its cards the height their text needs,
 * above the "not reported by" line. */
static void
test_first_compare_layout (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-reader-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  const char *names[] = { "library-wire", "library-gazette", "library-radio" };
  gint64 first = 0;
  PxComparePanel *panel;
  PxWindow *window;
  g_autoptr (GList) cards = NULL;

  {
    g_autoptr (PxStore) store = px_store_open (library, PX_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *file = g_strconcat (names[i], ".txt", NULL);
        g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "compare", file, NULL);
        g_autoptr (PxDocument) doc = px_test_load_article (path, 0, &error);

        g_assert_no_error (error);
        g_assert_true (px_store_add_document (store, doc, NULL, &error));
        g_assert_true (px_store_assign_event (store, doc, NULL, &error));
        if (first == 0)
          first = px_document_get_id (doc);
      }
    g_assert_true (px_store_flush_events (store, NULL));
  }
  window = px_window_new (app, library, first);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  px_window_set_side_panel_visible (window, TRUE);
  px_side_panel_set_visible_page (px_window_get_side_panel (window), "annotations");
  gtk_window_present (GTK_WINDOW (window));
  panel = PX_COMPARE_PANEL (px_side_panel_get_page (px_window_get_side_panel (window), "compare"));
  g_assert_true (px_test_wait_for (panel_ready, panel, 20000));
  px_test_settle (300);
  place_cursor (window, "We lost four thousand books");
  px_test_settle (200);
  /* The cards made while the panel was hidden were measured for a width
   * it did not have: the panel makes them again when first shown. */
  cards = px_compare_panel_get_cards (panel);
  g_assert_cmpuint (g_list_length (cards), ==, 1);
  g_object_add_weak_pointer (G_OBJECT (cards->data), (gpointer *)&cards->data);
  px_side_panel_set_visible_page (px_window_get_side_panel (window), "compare");
  px_test_settle (500);
  g_assert_null (cards->data);
  g_clear_pointer (&cards, g_list_free);
  g_assert_cmpstr (px_compare_panel_get_not_reported (panel), ==, "Not reported by Valley Radio");
  cards = px_compare_panel_get_cards (panel);
  g_assert_cmpuint (g_list_length (cards), ==, 1);
  for (GList *l = cards; l != NULL; l = l->next)
    assert_tall_enough (l->data);
  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle (100);
}

/* Item 9: a passage copied with its source, as Markdown and as plain
 * text. */
static void
test_copy_text (void)
{
  g_autoptr (PxDocument) doc = px_document_new ();
  g_autofree char *md = NULL;
  g_autofree char *plain = NULL;

  px_document_set_title (doc, "Crane falls *again*");
  px_document_set_outlet (doc, "Coast Herald");
  px_document_set_published (doc, "2019-06-06");
  px_document_set_url (doc, "https://herald.example/crane");
  md = px_highlight_copy_markdown ("Two workers [trapped]\nunder the boom", doc);
  g_assert_cmpstr (md, ==,
                   "> Two workers \\[trapped\\]\n> under the boom\n>\n"
                   "> — Coast Herald, [Crane falls \\*again\\*](<https://herald.example/crane>), 6 June 2019\n");
  plain = px_highlight_copy_plain ("Two workers trapped", doc);
  g_assert_cmpstr (plain, ==,
                   "“Two workers trapped”\n— Coast Herald, “Crane falls *again*”, 6 June 2019, "
                   "https://herald.example/crane\n");
  /* Without an address or a date: what is known. */
  g_clear_pointer (&md, g_free);
  px_document_set_url (doc, NULL);
  px_document_set_published (doc, NULL);
  md = px_highlight_copy_markdown ("Words", doc);
  g_assert_cmpstr (md, ==, "> Words\n>\n> — Coast Herald, *Crane falls \\*again\\**\n");
}

static void
splice_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  char **out = user_data;
  g_autoptr (GError) error = NULL;
  GMemoryOutputStream *mem = G_MEMORY_OUTPUT_STREAM (source);

  g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error);
  g_assert_no_error (error);
  *out = g_strndup (g_memory_output_stream_get_data (mem), g_memory_output_stream_get_data_size (mem));
}

/* The clipboard's content is written by this same main loop: read
 * without blocking it. */
static void
read_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  g_output_stream_splice_async (mem, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, splice_done, user_data);
}

static gboolean
is_set (gpointer data)
{
  return *(char **)data != NULL;
}

static char *
read_clipboard (GdkClipboard *clipboard, const char *mime)
{
  const char *mimes[] = { mime, NULL };
  char *text = NULL;

  gdk_clipboard_read_async (clipboard, mimes, G_PRIORITY_DEFAULT, NULL, read_done, &text);
  g_assert_true (px_test_wait_for (is_set, &text, 5000));
  return text;
}

static void
test_copy_highlight (Fixture *f, gconstpointer data)
{
  PxAnnotationController *ctl = px_window_get_annotation_controller (f->window);
  PxHighlightPopover *popover = px_annotation_controller_get_popover (ctl);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  guint at = offset_of (f->window, "The harbour crane collapsed");
  g_autofree char *md = NULL;
  g_autofree char *plain = NULL;
  PxAnnotation *a;
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer_of (f->window), &s, at);
  gtk_text_buffer_get_iter_at_offset (buffer_of (f->window), &e, at + 27);
  gtk_text_buffer_select_range (buffer_of (f->window), &s, &e);
  a = px_annotation_controller_highlight_selection (ctl, "yellow");
  g_assert_nonnull (a);
  px_highlight_popover_set_annotation (popover, a);
  g_signal_emit_by_name (popover, "copy");
  md = read_clipboard (clipboard, "text/markdown");
  g_assert_cmpstr (md, ==,
                   "> The harbour crane collapsed\n>\n> — Harbour Gazette, *Crane collapse traps two at harbour*, "
                   "5 March 2024\n");
  plain = read_clipboard (clipboard, "text/plain;charset=utf-8");
  g_assert_cmpstr (plain, ==,
                   "“The harbour crane collapsed”\n— Harbour Gazette, “Crane collapse traps two at harbour”, "
                   "5 March 2024\n");
}

/* Item 10: a selection that cuts words grows to whole words; a
 * paragraph is a buffer line, however it wraps. */
static void
test_selection_words (Fixture *f, gconstpointer data)
{
  GtkTextBuffer *buffer = buffer_of (f->window);
  guint at = offset_of (f->window, "The harbour crane collapsed");
  GtkTextIter s, e;
  g_autofree char *text = NULL;
  g_autofree char *para = NULL;

  /* "arbour crane coll" */
  gtk_text_buffer_get_iter_at_offset (buffer, &s, at + 5);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, at + 22);
  px_reader_selection_snap (buffer, &s, &e);
  text = gtk_text_iter_get_text (&s, &e);
  g_assert_cmpstr (text, ==, "harbour crane collapsed");
  /* Whole words stay as they are. */
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, at + 4);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, at + 11);
  px_reader_selection_snap (buffer, &s, &e);
  text = gtk_text_iter_get_text (&s, &e);
  g_assert_cmpstr (text, ==, "harbour");

  px_reader_selection_select_paragraph (buffer, offset_of (f->window, "(gazette note 5.1)"));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  para = gtk_text_iter_get_text (&s, &e);
  g_assert_true (g_str_has_prefix (para, "The port authority noted that compensation claims"));
  g_assert_true (g_str_has_suffix (para, "(gazette note 5.2)."));
}

/* Item 11: Shift+Right without caret mode selects from the reading
 * position when the caret is off screen. */
static void
test_shift_arrows (Fixture *f, gconstpointer data)
{
  PxReaderView *reader = px_window_get_reader (f->window);
  GtkTextBuffer *buffer = buffer_of (f->window);
  GtkTextIter start, s, e;
  guint reading;

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  px_reader_view_show_range (reader, offset_of (f->window, "(gazette note 20.0)"),
                             offset_of (f->window, "(gazette note 20.0)"), FALSE);
  g_assert_true (px_test_wait_for (reader_still, reader, 5000));
  g_assert_false (gtk_text_view_get_cursor_visible (px_reader_view_get_text_view (reader)));
  reading = px_reader_view_get_reading_offset (reader);
  g_assert_cmpuint (reading, !=, G_MAXUINT);
  g_assert_cmpuint (reading, >, 1000);
  for (int i = 0; i < 5; i++)
    px_reader_selection_extend (reader, GTK_MOVEMENT_VISUAL_POSITIONS, 1);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  g_assert_cmpuint (gtk_text_iter_get_offset (&e) - gtk_text_iter_get_offset (&s), ==, 5);
  /* From the word at the reading position, not from the top. */
  g_assert_cmpuint (gtk_text_iter_get_offset (&s), <=, reading);
  g_assert_cmpuint (gtk_text_iter_get_offset (&s) + 30, >, reading);
  g_assert_true (gtk_text_iter_starts_word (&s));
  /* Caret mode is left as it was. */
  g_assert_false (gtk_text_view_get_cursor_visible (px_reader_view_get_text_view (reader)));
}

static PxAnnotation *
highlight (Fixture *f, guint start, guint end, const char *color)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer_of (f->window), &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer_of (f->window), &e, end);
  gtk_text_buffer_select_range (buffer_of (f->window), &s, &e);
  return px_annotation_controller_highlight_selection (px_window_get_annotation_controller (f->window), color);
}

static gboolean
has_overlap_line (Fixture *f, guint offset)
{
  GtkTextIter at;
  g_autoptr (GSList) tags = NULL;
  gboolean found = FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer_of (f->window), &at, offset);
  tags = gtk_text_iter_get_tags (&at);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      PangoUnderline underline = PANGO_UNDERLINE_NONE;
      g_object_get (l->data, "underline", &underline, NULL);
      found |= underline == PANGO_UNDERLINE_DOUBLE;
    }
  return found;
}

/* Item 2: where highlights overlap a double line in the colour
 * underneath shows it, and the layer knows every highlight at a place. */
static void
test_overlaps (Fixture *f, gconstpointer data)
{
  PxHighlightLayer *layer = px_annotation_controller_get_layer (px_window_get_annotation_controller (f->window));
  guint at = offset_of (f->window, "The harbour crane collapsed");
  g_autoptr (GPtrArray) both = NULL;
  g_autoptr (GPtrArray) one = NULL;

  /* "The harbour crane" and "crane collapsed at dawn" */
  g_assert_nonnull (highlight (f, at, at + 17, "yellow"));
  g_assert_false (has_overlap_line (f, at + 13));
  g_assert_nonnull (highlight (f, at + 12, at + 35, "green"));
  g_assert_false (has_overlap_line (f, at + 2));
  g_assert_true (has_overlap_line (f, at + 13));
  g_assert_false (has_overlap_line (f, at + 20));
  both = px_highlight_layer_get_all_at (layer, at + 13);
  g_assert_cmpuint (both->len, ==, 2);
  one = px_highlight_layer_get_all_at (layer, at + 20);
  g_assert_cmpuint (one->len, ==, 1);
}

static gboolean
import_finished (gpointer data)
{
  return !px_window_is_importing (data);
}

static GtkWidget *
find_window (const char *title)
{
  g_autoptr (GList) toplevels = px_dialog_list_visible ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (px_is_alert (l->data) && g_strcmp0 (px_alert_get_heading (GTK_WIDGET (l->data)), title) == 0)
      return l->data;
  return NULL;
}

/* Item 12: while an import runs the empty library's page cannot start
 * another; afterwards the report of what failed stays in the main menu. */
static void
test_import_report (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-reader-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "fixtures", "reader", "harbour-radio.txt", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing.txt", NULL);
  GFile *files[2];
  PxWindow *window = px_window_new (app, library, 0);
  GtkWidget *empty = gtk_stack_get_child_by_name (window->main_stack, "empty");
  GtkWidget *report;

  gtk_window_present (GTK_WINDOW (window));
  px_test_settle (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");
  g_assert_true (gtk_widget_is_sensitive (empty));
  /* No report yet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-details", NULL);
  px_test_settle (100);
  g_assert_null (find_window ("One File Could Not Be Imported"));

  files[0] = g_file_new_for_path (bad);
  files[1] = g_file_new_for_path (good);
  px_window_import_files (window, files, 2);
  g_assert_true (px_window_is_importing (window));
  g_assert_false (gtk_widget_is_sensitive (empty));
  g_assert_true (px_test_wait_for (import_finished, window, 20000));
  g_assert_true (gtk_widget_is_sensitive (empty));
  g_object_unref (files[0]);
  g_object_unref (files[1]);

  /* Long after the toast: the main menu's item opens the report. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-details", NULL);
  px_test_settle (200);
  report = find_window ("One File Could Not Be Imported");
  g_assert_nonnull (report);
  px_dialog_close (report);
  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle (100);
}

/* Item 14: the "Highlight deleted" toast goes once Ctrl+Z undid it. */
static void
test_undo_toast (Fixture *f, gconstpointer data)
{
  PxAnnotationController *ctl = px_window_get_annotation_controller (f->window);
  guint at = offset_of (f->window, "The harbour crane collapsed");
  PxAnnotation *a = highlight (f, at, at + 11, "blue");

  g_assert_nonnull (a);
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (px_reader_view_get_text_view (px_window_get_reader (f->window))), "annot.delete", NULL));
  g_assert_nonnull (px_annotation_controller_get_undo_toast (ctl));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "annot.undo", NULL));
  px_test_settle (100);
  g_assert_null (px_annotation_controller_get_undo_toast (ctl));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (px_annotation_controller_get_list (ctl))), ==, 1);
}

/* Item 14: dates as people write them; no complaint before any typing. */
static void
test_edit_details (void)
{
  const char *good[][2] = {
    { "2019-06-06", "2019-06-06" },    { "6 June 2019", "2019-06-06" },   { "June 6, 2019", "2019-06-06" },
    { " 6 Jun. 2019 ", "2019-06-06" }, { "6th June 2019", "2019-06-06" },
  };
  const char *bad[] = { "6 June", "2019-02-30", "31 February 2019", "June 2019", "soon", "6 Jnue 2019" };
  g_autoptr (PxDocument) doc = px_document_new ();
  PxMetadataDialog *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *iso = px_format_parse_date (good[i][0]);
      g_assert_cmpstr (iso, ==, good[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *iso = px_format_parse_date (bad[i]);
      g_assert_null (iso);
    }

  px_document_set_id (doc, 7);
  dialog = px_metadata_dialog_new (NULL, doc);
  /* Nothing typed yet: no message (Save stays off all the same). */
  g_assert_null (px_metadata_dialog_get_error (dialog));
  gtk_editable_set_text (px_metadata_dialog_get_field (dialog, "published"), "6 June 2019");
  g_assert_nonnull (px_metadata_dialog_get_error (dialog));
  gtk_editable_set_text (px_metadata_dialog_get_field (dialog, "title"), "Crane falls");
  g_assert_true (px_metadata_dialog_is_valid (dialog));
  g_assert_null (px_metadata_dialog_get_error (dialog));
  px_metadata_dialog_apply (dialog, doc);
  g_assert_cmpstr (px_document_get_published (doc), ==, "2019-06-06");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Item 13: an article without an outlet goes by its site, else by a
 * short form of its title marked as such. */
static void
test_unknown_outlet (void)
{
  PxCompareDocument doc = { 0 };

  doc.title = (char *)"Flood-hit library welcomes readers back after months";
  doc.source_name = (char *)"www-story.txt";
  g_assert_cmpstr (px_compare_outlet_name (&doc), ==, "Flood-hit library welcomes… (outlet unknown)");
  doc.source_name = (char *)"valley-radio.example";
  g_assert_cmpstr (px_compare_outlet_name (&doc), ==, "valley-radio.example");
  doc.outlet = (char *)"Valley Radio";
  g_assert_cmpstr (px_compare_outlet_name (&doc), ==, "Valley Radio");
  doc.outlet = NULL;
  doc.source_name = NULL;
  doc.title = (char *)"Short title";
  g_assert_cmpstr (px_compare_outlet_name (&doc), ==, "Short title (outlet unknown)");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = px_application_new ("/nonexistent/px-test-reader.db", 0);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_test_add ("/reader/jump-centres", Fixture, NULL, fixture_set_up, test_jump_centres, fixture_tear_down);
  g_test_add ("/reader/passage-follows-reading", Fixture, NULL, fixture_set_up, test_passage_follows_reading,
              fixture_tear_down);
  g_test_add ("/reader/find-in-article", Fixture, NULL, fixture_set_up, test_find_in_article, fixture_tear_down);
  g_test_add ("/reader/resume", Fixture, NULL, fixture_set_up, test_resume, fixture_tear_down);
  g_test_add_func ("/reader/first-compare-layout", test_first_compare_layout);
  g_test_add_func ("/reader/copy-text", test_copy_text);
  g_test_add_func ("/reader/import-report", test_import_report);
  g_test_add_func ("/reader/edit-details", test_edit_details);
  g_test_add_func ("/reader/unknown-outlet", test_unknown_outlet);
  g_test_add ("/reader/undo-toast", Fixture, NULL, fixture_set_up, test_undo_toast, fixture_tear_down);
  g_test_add ("/reader/overlaps", Fixture, NULL, fixture_set_up, test_overlaps, fixture_tear_down);
  g_test_add ("/reader/selection-words", Fixture, NULL, fixture_set_up, test_selection_words, fixture_tear_down);
  g_test_add ("/reader/shift-arrows", Fixture, NULL, fixture_set_up, test_shift_arrows, fixture_tear_down);
  g_test_add ("/reader/copy-highlight", Fixture, NULL, fixture_set_up, test_copy_highlight, fixture_tear_down);
  g_test_add ("/reader/delete-updates-compare", Fixture, NULL, fixture_set_up, test_delete_updates_compare,
              fixture_tear_down);
  {
    int status = g_test_run ();
    g_object_unref (app);
    return status;
  }
}
