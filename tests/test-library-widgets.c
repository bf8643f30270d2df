/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Compare panel and the annotation controller (with its highlight
 * popover) built alone on a PxLibrary and a reader, under Xvfb: no
 * PxWindow. What the window does for them (showing the library's document
 * in the reader, opening the articles they ask for, showing their toasts)
 * is done here by a few lines of the test. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "compare-fixtures.h"
#include "gui/annotations/px-annotation-controller.h"
#include "gui/compare/px-compare-panel.h"
#include "gui/compare/px-passage-card.h"
#include "annotations/px-store-annotations.h"
#include "events/px-store-events.h"
#include "px-test-compare.h"
#include "px-test-wait.h"

typedef struct
{
  char *dir;
  char *path;
  PxLibrary *library;
  PxReaderView *reader;
  GtkWindow *window;
  GtkBox *box;
  GPtrArray *toasts; /* titles of the toasts asked for */
} Fixture;

static void
show_document (PxLibrary *library, GParamSpec *pspec, PxReaderView *reader)
{
  px_reader_view_set_document (reader, px_library_get_document (library));
}

/* What the window does with "open-document". */
static void
open_document (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_store_load_document (px_library_get_store (f->library), id, &error);

  g_assert_no_error (error);
  px_library_set_document (f->library, doc);
}

static void
on_open_document (GObject *widget, gint64 id, Fixture *f)
{
  open_document (f, id);
}

static void
on_toast (GObject *controller, AdwToast *toast, Fixture *f)
{
  g_ptr_array_add (f->toasts, g_strdup (adw_toast_get_title (toast)));
}

static gint64
add_article (PxStore *store, const char *name)
{
  g_autoptr (PxDocument) doc = px_test_load_compare_fixture (name, 0);
  g_autoptr (GError) error = NULL;

  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  g_assert_true (px_store_assign_event (store, doc, NULL, &error));
  g_assert_no_error (error);
  return px_document_get_id (doc);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;

  f->dir = g_dir_make_tmp ("px-library-widgets-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "library.db", NULL);
  store = px_store_open (f->path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  add_article (store, "library-wire");
  add_article (store, "library-gazette");
  add_article (store, "library-radio");
  g_assert_true (px_store_flush_events (store, &error));
  g_assert_no_error (error);

  f->library = px_library_new ();
  px_library_set_store (f->library, store);
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->reader = g_object_new (PX_TYPE_READER_VIEW, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (f->reader), TRUE);
  g_signal_connect (f->library, "notify::document", G_CALLBACK (show_document), f->reader);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  f->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_box_append (f->box, GTK_WIDGET (f->reader));
  gtk_window_set_child (f->window, GTK_WIDGET (f->box));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  px_test_settle (50);
  g_object_unref (f->library);
  g_ptr_array_unref (f->toasts);
  g_unlink (f->path);
  {
    g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (f->dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
place_cursor (Fixture *f, const char *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_reader_view_get_text_view (f->reader));
  GtkTextIter start, end, at;
  g_autofree char *text = NULL;
  const char *hit;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  hit = strstr (text, needle);
  g_assert_nonnull (hit);
  gtk_text_buffer_get_iter_at_offset (buffer, &at, g_utf8_pointer_to_offset (text, hit) + 3);
  gtk_text_buffer_place_cursor (buffer, &at);
}

static void
select_text (Fixture *f, const char *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_reader_view_get_text_view (f->reader));
  GtkTextIter start, end, a, b;
  g_autofree char *text = NULL;
  const char *hit;
  glong offset;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  hit = strstr (text, needle);
  g_assert_nonnull (hit);
  offset = g_utf8_pointer_to_offset (text, hit);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, offset + g_utf8_strlen (needle, -1));
  gtk_text_buffer_select_range (buffer, &a, &b);
}

static gboolean
showing_expected (gpointer data)
{
  PxDocument *doc = px_library_get_document (data);
  gint64 *expected = g_object_get_data (G_OBJECT (data), "px-test-expect");
  return doc != NULL && px_document_get_id (doc) == *expected;
}

/* The panel follows the library's document and "changed", computes in
 * the background, and asks for the article a card opens. */
static void
test_compare_panel (Fixture *f, gconstpointer data)
{
  PxComparePanel *panel = px_compare_panel_new (f->library, f->reader);
  g_autoptr (GList) cards = NULL;
  PxPassageCard *card;
  gint64 radio;

  gtk_widget_set_size_request (GTK_WIDGET (panel), 360, -1);
  gtk_box_append (f->box, GTK_WIDGET (panel));
  g_signal_connect (panel, "open-document", G_CALLBACK (on_open_document), f);
  gtk_window_present (f->window);
  g_assert_cmpstr (px_compare_panel_get_state (panel), ==, "none");

  open_document (f, 1);
  g_assert_true (px_test_wait_for (px_test_compare_ready, panel, 20000));
  g_assert_cmpuint (px_event_comparison_get_n_documents (px_compare_panel_get_comparison (panel)), ==, 3);

  place_cursor (f, "The Lakeside public library reopened");
  /* The cards of that sentence, once the panel has followed the caret. */
  px_test_settle (300);
  g_assert_nonnull (strstr (px_compare_panel_get_sentence (panel), "The Lakeside public library reopened"));
  cards = px_compare_panel_get_cards (panel);
  g_assert_cmpuint (g_list_length (cards), ==, 2);
  card = px_test_card_for (cards, "Valley Radio");
  g_assert_nonnull (card);
  radio = 3;
  /* A card asks for its article: the test's "window" opens it. */
  g_assert_true (gtk_widget_activate (gtk_widget_get_first_child (GTK_WIDGET (card))));
  g_object_set_data (G_OBJECT (f->library), "px-test-expect", &radio);
  g_assert_true (px_test_wait_for (showing_expected, f->library, 5000));
  g_assert_true (px_compare_panel_can_go_back (panel));
  g_assert_true (px_test_wait_for (px_test_compare_ready, panel, 20000));
  px_compare_panel_go_back (panel);
  g_assert_cmpint (px_document_get_id (px_library_get_document (f->library)), ==, 1);

  /* The article moved to an event of its own: the library says it
   * changed, and the panel has nothing to compare it with. */
  {
    g_autoptr (GError) error = NULL;
    gint64 id = 1;

    g_assert_cmpint (px_store_group_documents (px_library_get_store (f->library), &id, 1, &error), >, 0);
    g_assert_no_error (error);
    px_library_changed (f->library);
    g_assert_cmpstr (px_compare_panel_get_state (panel), ==, "single");
  }

  /* No document: nothing shown. */
  px_library_set_document (f->library, NULL);
  g_assert_cmpstr (px_compare_panel_get_state (panel), ==, "none");
}

static gboolean
load_finished (gpointer data)
{
  return !px_compare_panel_is_loading (data);
}

/* A failing comparison (the library file gone) is said in the panel. */
static void
test_compare_panel_error (Fixture *f, gconstpointer data)
{
  PxComparePanel *panel = px_compare_panel_new (f->library, f->reader);
  g_autofree char *moved = g_build_filename (f->dir, "moved.db", NULL);

  gtk_box_append (f->box, GTK_WIDGET (panel));
  gtk_window_present (f->window);
  g_assert_cmpint (g_rename (f->path, moved), ==, 0);
  open_document (f, 2);
  g_assert_true (px_test_wait_for (load_finished, panel, 20000));
  g_assert_cmpstr (px_compare_panel_get_state (panel), ==, "error");
  g_assert_cmpint (g_rename (moved, f->path), ==, 0);
}

/* Highlighting on the library's document; the popover follows the
 * library's state through bindings; toasts go out by a signal. */
static void
test_annotation_controller (Fixture *f, gconstpointer data)
{
  g_autoptr (PxAnnotationController) controller = px_annotation_controller_new (f->library, f->reader);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  PxHighlightPopover *popover;
  PxAnnotation *a;
  const char *reason;
  g_autofree char *language = NULL;

  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "annot", px_annotation_controller_get_actions (controller));
  g_signal_connect (controller, "toast", G_CALLBACK (on_toast), f);
  g_signal_connect (controller, "open-document", G_CALLBACK (on_open_document), f);
  gtk_box_append (f->box, GTK_WIDGET (px_annotation_controller_get_panel (controller)));
  gtk_window_present (f->window);
  g_assert_null (px_annotation_controller_get_list (controller));

  open_document (f, 2);
  g_assert_nonnull (px_annotation_controller_get_list (controller));
  popover = px_annotation_controller_get_popover (controller);
  g_assert_null (px_highlight_popover_get_read_only_reason (popover));
  g_object_get (popover, "document-language", &language, NULL);
  g_assert_cmpstr (language, ==, px_document_get_language (px_library_get_document (f->library)));

  select_text (f, "Lakeside");
  a = px_annotation_controller_highlight_selection (controller, "yellow");
  g_assert_nonnull (a);
  stored = px_store_list_annotations (px_library_get_store (f->library), 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);

  /* Deleting offers Undo in a toast, through the signal. */
  select_text (f, "Lakeside");
  g_action_group_activate_action (px_annotation_controller_get_actions (controller), "delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (px_annotation_controller_get_list (controller))), ==, 0);
  g_assert_nonnull (px_annotation_controller_get_undo_toast (controller));
  g_assert_cmpuint (f->toasts->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, f->toasts->len - 1), ==, "Highlight deleted");
  g_action_group_activate_action (px_annotation_controller_get_actions (controller), "undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (px_annotation_controller_get_list (controller))), ==, 1);

  /* The library becomes read-only: the popover's reason follows, the
   * actions go, and highlighting says why in a toast. */
  px_library_forbid_writes (f->library, PX_STORE_ACCESS_READ_ONLY_LOCKED);
  reason = px_library_get_read_only_reason (f->library);
  g_assert_nonnull (reason);
  g_assert_cmpstr (px_highlight_popover_get_read_only_reason (popover), ==, reason);
  g_assert_false (g_action_group_get_action_enabled (px_annotation_controller_get_actions (controller), "highlight"));

  /* Another article: the list and the language follow. */
  open_document (f, 3);
  g_assert_cmpint (px_annotation_list_get_document_id (px_annotation_controller_get_list (controller)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (px_annotation_controller_get_list (controller))), ==, 0);

  px_annotation_controller_shutdown (controller);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/library-widgets/compare-panel", Fixture, NULL, fixture_setup, test_compare_panel, fixture_teardown);
  g_test_add ("/library-widgets/compare-panel-error", Fixture, NULL, fixture_setup, test_compare_panel_error,
              fixture_teardown);
  g_test_add ("/library-widgets/annotation-controller", Fixture, NULL, fixture_setup, test_annotation_controller,
              fixture_teardown);
  return g_test_run ();
}
