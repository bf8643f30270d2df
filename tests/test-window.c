/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window, under Xvfb: import, read, search, edit, delete, and
 * state that outlives the window. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gui/window/px-application.h"
#include "gui/common/px-compat.h"
#include "gui/reader/px-metadata-dialog.h"
#include "gui/window/px-window.h"
#include "annotations/px-store-annotations.h"
#include "events/px-store-events.h"
#include "px-test-wait.h"

typedef struct
{
  char *dir;
  char *library;
  PxWindow *window;
} Fixture;

/* One application for all tests: it is registered on the session bus
 * once. */
static PxApplication *app;

static PxDocument *
make_document (const char *title, const char *outlet, const char *published, const char *text)
{
  PxDocument *doc = px_document_new ();
  g_auto (GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    px_document_append_block (doc, PX_BLOCK_PARAGRAPH, paragraphs[i]);
  px_document_set_title (doc, title);
  px_document_set_outlet (doc, outlet);
  px_document_set_published (doc, published);
  return doc;
}

/* Three invented articles about one invented event, by three invented
 * outlets. */
static void
fill_library (const char *path, gint64 ids[3])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr (PxDocument) a =
      make_document ("Ferry service returns to the islands", "Harbour Gazette", "2031-04-02",
                     "The morning ferry sailed again after a week of storms.\n\nIslanders cheered on the pier.");
  g_autoptr (PxDocument) b = make_document (
      "Storm damage closes coastal road", "Valley Courier", "2031-04-01",
      "Crews cleared fallen trees from the coastal road overnight.\n\nThe mayor promised quick repairs.");
  g_autoptr (PxDocument) c =
      make_document ("Council approves new lighthouse budget", "North Star Daily", "2031-03-28",
                     "The council voted to restore the old lighthouse.\n\nWork begins in the summer.");

  g_assert_no_error (error);
  g_assert_true (px_store_add_document (store, a, NULL, &error));
  g_assert_true (px_store_add_document (store, b, NULL, &error));
  g_assert_true (px_store_add_document (store, c, NULL, &error));
  g_assert_no_error (error);
  ids[0] = px_document_get_id (a);
  ids[1] = px_document_get_id (b);
  ids[2] = px_document_get_id (c);
}

static void
run_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("px-window-XXXXXX", NULL);
  f->library = g_build_filename (f->dir, "library.db", NULL);
}

static PxWindow *
open_window (Fixture *f, gint64 open_id)
{
  f->window = px_window_new (app, f->library, open_id);
  gtk_window_present (GTK_WINDOW (f->window));
  px_test_settle (50);
  return f->window;
}

static void
close_window (Fixture *f)
{
  if (f->window != NULL)
    gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  px_test_settle (20);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->library, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->library, "-shm", NULL);

  close_window (f);
  g_unlink (f->library);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->library);
  g_free (f->dir);
}

static const char *
main_page (PxWindow *window)
{
  GtkWidget *reader = GTK_WIDGET (px_window_get_reader (window));
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (
      gtk_widget_get_parent (gtk_widget_get_ancestor (reader, GTK_TYPE_PANED)), GTK_TYPE_STACK));
  return gtk_stack_get_visible_child_name (stack);
}

static char *
reader_text (PxWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_reader_view_get_text_view (px_window_get_reader (window)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
reader_has_ferry_title (gpointer data)
{
  return g_strcmp0 (px_reader_view_get_title_text (px_window_get_reader (data)),
                    "Ferry service returns to the islands") == 0;
}

static gboolean
import_finished (gpointer data)
{
  return !px_window_is_importing (data);
}

static void
test_import_and_read (Fixture *f, gconstpointer data)
{
  g_autofree char *article = g_build_filename (f->dir, "ferry.txt", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.txt", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) bad = NULL;
  g_autofree char *text = NULL;
  PxWindow *window;

  g_assert_true (g_file_set_contents (article,
                                      "Ferry service returns to the islands\n\n"
                                      "The morning ferry sailed again after a week of storms.\n\n"
                                      "Islanders cheered on the pier.\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  window = open_window (f, 0);
  /* A new library starts empty, offering to import. */
  g_assert_cmpstr (main_page (window), ==, "empty");

  file = g_file_new_for_path (article);
  px_window_import_files (window, &file, 1);
  g_assert_true (px_test_wait_for (reader_has_ferry_title, window, 10000));
  g_assert_cmpstr (main_page (window), ==, "library");

  text = reader_text (window);
  g_assert_cmpstr (text, ==,
                   "The morning ferry sailed again after a week of storms.\n\nIslanders cheered on the pier.");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (px_window_get_reader (window))));
  g_assert_nonnull (px_window_get_document (window));

  /* Importing the same file again and an empty one changes nothing and
   * does not disturb the reader. */
  bad = g_file_new_for_path (empty);
  px_window_import_files (window, &file, 1);
  px_window_import_files (window, &bad, 1);
  g_assert_true (px_test_wait_for (import_finished, window, 10000));
  g_assert_cmpuint (px_library_model_get_n_total (px_library_sidebar_get_model (px_window_get_sidebar (window))), ==,
                    1);
  g_assert_true (reader_has_ferry_title (window));

  g_unlink (article);
  g_unlink (empty);
}

static gboolean
search_idle (gpointer data)
{
  return !px_library_sidebar_is_searching (data);
}

static guint
search_count (PxLibrarySidebar *sidebar, const char *query)
{
  px_library_sidebar_set_search_text (sidebar, query);
  g_assert_true (px_test_wait_for (search_idle, sidebar, 5000));
  return px_library_model_get_n_documents (px_library_sidebar_get_model (sidebar));
}

static void
test_search (Fixture *f, gconstpointer data)
{
  gint64 ids[3];
  PxLibrarySidebar *sidebar;
  PxLibraryModel *model;

  fill_library (f->library, ids);
  sidebar = px_window_get_sidebar (open_window (f, 0));
  model = px_library_sidebar_get_model (sidebar);
  g_assert_cmpuint (px_library_model_get_n_documents (model), ==, 3);

  /* Title, outlet, and words only in the body. */
  g_assert_cmpuint (search_count (sidebar, "lighthouse"), ==, 1);
  g_assert_cmpint (px_library_model_get_info (model, 0)->id, ==, ids[2]);
  g_assert_cmpuint (search_count (sidebar, "Valley Courier"), ==, 1);
  g_assert_cmpint (px_library_model_get_info (model, 0)->id, ==, ids[1]);
  g_assert_cmpuint (search_count (sidebar, "islanders cheer"), ==, 1);
  g_assert_cmpint (px_library_model_get_info (model, 0)->id, ==, ids[0]);
  g_assert_cmpuint (search_count (sidebar, "zeppelin"), ==, 0);
  /* Typed syntax is plain text, never an error. */
  g_assert_cmpuint (search_count (sidebar, "\"storm* AND ("), ==, 0);
  g_assert_null (px_library_sidebar_get_search_error (sidebar));
  /* A search over the length limit says so where the results would be. */
  {
    g_autofree char *huge = g_strnfill (PX_STORE_MAX_SEARCH_CHARS + 1, 'x');
    const char *message;

    g_assert_cmpuint (search_count (sidebar, huge), ==, 0);
    message = px_library_sidebar_get_search_error (sidebar);
    g_assert_nonnull (message);
    g_assert_nonnull (strstr (message, "too long"));
  }
  g_assert_cmpuint (search_count (sidebar, ""), ==, 3);
  g_assert_null (px_library_sidebar_get_search_error (sidebar));

  /* The selection survives a search that keeps the document. */
  px_window_open_document (f->window, ids[1]);
  g_assert_cmpuint (search_count (sidebar, "road"), ==, 1);
  g_assert_cmpint (px_library_sidebar_get_selected_id (sidebar), ==, ids[1]);
}

/* What Ctrl+Z does in the library: its shortcut, run with the focus where
 * it is (the test cannot type keys). */
static void
press_ctrl_z_in_library (PxWindow *window)
{
  GtkWidget *sidebar = GTK_WIDGET (px_window_get_sidebar (window));
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (sidebar);
  guint ran = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, "<Control>z") != 0)
            continue;
          gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, sidebar, NULL);
          ran++;
        }
    }
  g_assert_cmpuint (ran, ==, 1);
}

static GtkWidget *
find_message_dialog (void)
{
  g_autoptr (GList) shown = px_dialog_list_visible ();

  for (GList *l = shown; l != NULL; l = l->next)
    if (px_is_alert (l->data))
      return l->data;
  return NULL;
}

static PxMetadataDialog *
find_metadata_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (PX_IS_METADATA_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return PX_METADATA_DIALOG (w);
    }
  return NULL;
}

static void
test_delete (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *dialog;
  PxWindow *window;
  gint64 ids[3];

  fill_library (f->library, ids);
  sql = g_strdup_printf ("INSERT INTO annotations (document_id, start, end, quote, created, modified) VALUES"
                         " (%" G_GINT64_FORMAT ", 0, 3, 'The', 'now', 'now'),"
                         " (%" G_GINT64_FORMAT ", 4, 11, 'morning', 'now', 'now');",
                         ids[0], ids[0]);
  run_sql (f->library, sql);
  window = open_window (f, ids[0]);
  g_assert_true (reader_has_ferry_title (window));

  /* Cancelling keeps the document. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-document", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (px_alert_get_heading (dialog), ==, "Delete “Ferry service returns to the islands”?");
  g_assert_nonnull (strstr (px_alert_get_body (dialog), "2 highlights and notes"));
  px_alert_response (dialog, "cancel");
  px_test_settle (20);
  g_assert_cmpuint (px_library_model_get_n_total (px_library_sidebar_get_model (px_window_get_sidebar (window))), ==,
                    3);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-document", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  px_alert_response (dialog, "delete");
  px_test_settle (20);

  /* Gone from the list, the store and its annotations; the reader moved
   * on to another document. */
  g_assert_cmpuint (px_library_model_get_n_total (px_library_sidebar_get_model (px_window_get_sidebar (window))), ==,
                    2);
  store = px_store_open (f->library, PX_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_null (px_store_get_document_info (store, ids[0], NULL));
  g_assert_cmpint (px_store_count_document_annotations (store, ids[0], NULL), ==, 0);
  g_assert_nonnull (px_window_get_document (window));
  g_assert_cmpint (px_document_get_id (px_window_get_document (window)), !=, ids[0]);
}

static void
test_edit_metadata (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxDocument) saved = NULL;
  PxMetadataDialog *dialog;
  PxLibraryModel *model;
  PxWindow *window;
  gint64 ids[3];

  fill_library (f->library, ids);
  window = open_window (f, ids[1]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-details", NULL);
  dialog = find_metadata_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (px_metadata_dialog_get_field (dialog, "outlet")), ==, "Valley Courier");

  /* A date that is not a date cannot be saved. */
  gtk_editable_set_text (px_metadata_dialog_get_field (dialog, "published"), "2031-02-30");
  g_assert_false (px_metadata_dialog_is_valid (dialog));
  px_metadata_dialog_save (dialog);
  g_assert_true (find_metadata_dialog () == dialog);

  gtk_editable_set_text (px_metadata_dialog_get_field (dialog, "title"), "Coastal road reopens after storm");
  gtk_editable_set_text (px_metadata_dialog_get_field (dialog, "author"), "Mira Okafor");
  gtk_editable_set_text (px_metadata_dialog_get_field (dialog, "published"), "2031-04-03");
  gtk_editable_set_text (px_metadata_dialog_get_field (dialog, "url"), "https://courier.example/road");
  g_assert_true (px_metadata_dialog_is_valid (dialog));
  px_metadata_dialog_save (dialog);
  px_test_settle (20);
  g_assert_null (find_metadata_dialog ());

  /* Saved, shown in the reader and in the list. */
  store = px_store_open (f->library, PX_STORE_OPEN_EXISTING, &error);
  saved = px_store_load_document (store, ids[1], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (saved), ==, "Coastal road reopens after storm");
  g_assert_cmpstr (px_document_get_author (saved), ==, "Mira Okafor");
  g_assert_cmpstr (px_document_get_published (saved), ==, "2031-04-03");
  g_assert_cmpstr (px_document_get_url (saved), ==, "https://courier.example/road");
  g_assert_cmpstr (px_reader_view_get_title_text (px_window_get_reader (window)), ==,
                   "Coastal road reopens after storm");
  g_assert_cmpstr (px_reader_view_get_byline_text (px_window_get_reader (window)), ==,
                   "Valley Courier · Mira Okafor · 3 April 2031");
  model = px_library_sidebar_get_model (px_window_get_sidebar (window));
  g_assert_cmpstr (px_library_model_get_info (model, px_library_model_find (model, ids[1]))->title, ==,
                   "Coastal road reopens after storm");
}

static void
test_state_persists (Fixture *f, gconstpointer data)
{
  PxWindow *window;
  gint64 ids[3];

  fill_library (f->library, ids);
  window = open_window (f, ids[0]);
  g_assert_true (px_window_get_side_panel_visible (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-side-panel", NULL);
  g_assert_false (px_window_get_side_panel_visible (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (px_reader_view_get_zoom (px_window_get_reader (window)), 1.2, 0.001);
  px_side_panel_set_visible_page (px_window_get_side_panel (window), "compare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  close_window (f);

  window = open_window (f, 0);
  g_assert_false (px_window_get_side_panel_visible (window));
  g_assert_cmpfloat_with_epsilon (px_reader_view_get_zoom (px_window_get_reader (window)), 1.2, 0.001);
  g_assert_cmpstr (px_side_panel_get_visible_page (px_window_get_side_panel (window)), ==, "compare");
  {
    int w, h;
    gtk_window_get_default_size (GTK_WINDOW (window), &w, &h);
    g_assert_cmpint (w, ==, 1000);
    g_assert_cmpint (h, ==, 700);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-side-panel", NULL);
  g_assert_cmpfloat_with_epsilon (px_reader_view_get_zoom (px_window_get_reader (window)), 1.0, 0.001);
}

static void
test_open_id_and_groups (Fixture *f, gconstpointer data)
{
  g_autofree char *sql = NULL;
  PxLibraryModel *model;
  PxWindow *window;
  g_autoptr (PxDocumentItem) header = NULL;
  gint64 ids[3];

  fill_library (f->library, ids);
  sql = g_strdup_printf ("INSERT INTO events (id, title, created, modified) VALUES (7, 'Spring storms', 'now', 'now');"
                         "UPDATE documents SET event_id = 7 WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");",
                         ids[0], ids[1]);
  run_sql (f->library, sql);
  window = open_window (f, ids[2]);
  g_assert_cmpint (px_document_get_id (px_window_get_document (window)), ==, ids[2]);
  g_assert_cmpint (px_library_sidebar_get_selected_id (px_window_get_sidebar (window)), ==, ids[2]);

  /* The event's two documents come first under its header. */
  model = px_library_sidebar_get_model (px_window_get_sidebar (window));
  header = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (px_document_item_is_header (header));
  g_assert_cmpstr (px_document_item_get_info (header)->event_title, ==, "Spring storms");
  g_assert_cmpuint (px_document_item_get_n_documents (header), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
}

/* Fixing events with the real dialogs: rename, move, merge, split and a
 * new event, each saved at once and shown in the list. */
static gint64
event_of (const char *library, gint64 document_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (library, PX_STORE_OPEN_EXISTING, &error);
  g_autoptr (PxDocumentInfo) info = NULL;

  g_assert_no_error (error);
  info = px_store_get_document_info (store, document_id, &error);
  g_assert_no_error (error);
  return info->event_id;
}

static const char *
header_title (PxWindow *window, guint pos)
{
  PxLibraryModel *model = px_library_sidebar_get_model (px_window_get_sidebar (window));
  g_autoptr (PxDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (model), pos);

  g_assert_true (px_document_item_is_header (item));
  return g_intern_string (px_document_item_get_info (item)->event_title);
}

/* Answers like a click on a button: the dialog goes away. */
static void
respond (GtkWidget *dialog, const char *response)
{
  px_alert_response (dialog, response);
  px_dialog_close (dialog);
  px_test_settle (20);
}

/* The three articles in two events: 7 "Spring storms" (the first two)
 * and 8 "Lighthouse budget", named by the user if @named. */
static void
fill_two_events (const char *library, gint64 ids[3], gboolean named)
{
  g_autofree char *sql = NULL;

  fill_library (library, ids);
  sql = g_strdup_printf ("INSERT INTO events (id, title, title_locked, created, modified)"
                         " VALUES (7, 'Spring storms', %d, 'now', 'now'), (8, 'Lighthouse budget', %d, 'now', 'now');"
                         "UPDATE documents SET event_id = 7 WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");"
                         "UPDATE documents SET event_id = 8 WHERE id = %" G_GINT64_FORMAT ";",
                         named, named, ids[0], ids[1], ids[2]);
  run_sql (library, sql);
}

static void
test_edit_events (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog;
  GtkWidget *extra, *check;
  PxWindow *window;
  gint64 ids[3], split_off;

  fill_two_events (f->library, ids, FALSE);
  window = open_window (f, ids[0]);

  /* Rename the shown article's event (what F2 does). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-event", "x", (gint64)0);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  extra = px_alert_get_extra_child (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (extra)), ==, "Spring storms");
  gtk_editable_set_text (GTK_EDITABLE (extra), "  Islands cut off by storms ");
  respond (dialog, "rename");
  px_test_settle (20);
  g_assert_cmpstr (header_title (window, 0), ==, "Islands cut off by storms");
  {
    g_autoptr (PxStore) store = px_store_open (f->library, PX_STORE_OPEN_EXISTING, NULL);
    g_autoptr (PxEventInfo) event = px_store_get_event (store, 7, NULL);
    g_assert_cmpstr (event->title, ==, "Islands cut off by storms");
    g_assert_true (event->title_locked);
  }

  /* Move it to the other event: the chooser lists only that one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-to-event", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  extra = px_alert_get_extra_child (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (extra))), ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (extra))), 0),
                   ==, "Lighthouse budget");
  respond (dialog, "move");
  px_test_settle (20);
  g_assert_cmpint (event_of (f->library, ids[0]), ==, 8);
  g_assert_cmpint (px_library_sidebar_get_selected_id (px_window_get_sidebar (window)), ==, ids[0]);

  /* Merge event 7 (one article left) into 8. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-event", "x", (gint64)8);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "merge");
  px_test_settle (20);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (event_of (f->library, ids[i]), ==, 8);
  g_assert_cmpuint (
      g_list_model_get_n_items (G_LIST_MODEL (px_library_sidebar_get_model (px_window_get_sidebar (window)))), ==, 4);

  /* Split: nothing checked cannot split; the first article leaves. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.split-event", "x", (gint64)8);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (px_alert_get_response_enabled (dialog, "split"));
  extra = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (px_alert_get_extra_child (dialog)));
  if (GTK_IS_VIEWPORT (extra))
    extra = gtk_viewport_get_child (GTK_VIEWPORT (extra));
  check = gtk_widget_get_first_child (extra);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (px_alert_get_response_enabled (dialog, "split"));
  split_off = *(gint64 *)g_object_get_data (G_OBJECT (check), "px-document-id");
  respond (dialog, "split");
  px_test_settle (20);
  g_assert_cmpint (event_of (f->library, split_off), !=, 8);
  for (guint i = 0; i < 3; i++)
    if (ids[i] != split_off)
      g_assert_cmpint (event_of (f->library, ids[i]), ==, 8);

  /* A new event from the shown article. */
  {
    gint64 shown = px_document_get_id (px_window_get_document (window));
    gint64 before = event_of (f->library, shown);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.new-event-from-article", NULL);
    px_test_settle (20);
    g_assert_cmpint (event_of (f->library, shown), !=, before);
    g_assert_cmpint (event_of (f->library, shown), !=, 0);

    /* What a drop on event 8's header does. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.move-document", "(xx)", shown, (gint64)8);
    px_test_settle (20);
    g_assert_cmpint (event_of (f->library, shown), ==, 8);

    /* Ctrl+Z typed in the library's search entry is the entry's. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
    g_assert_true (GTK_IS_EDITABLE (gtk_root_get_focus (GTK_ROOT (window))));
    press_ctrl_z_in_library (window);
    px_test_settle (20);
    g_assert_cmpint (event_of (f->library, shown), ==, 8);

    /* Undo, last edit first (the toasts' Undo, Ctrl+Z in the list): the
     * drop, the new event, the split, the merge, the move, the rename. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-event-edit", NULL));
    px_test_settle (20);
    g_assert_cmpint (event_of (f->library, shown), !=, 8);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-event-edit", NULL);
    px_test_settle (20);
    g_assert_cmpint (event_of (f->library, shown), ==, before);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-event-edit", NULL);
  px_test_settle (20);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (event_of (f->library, ids[i]), ==, 8);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-event-edit", NULL);
  px_test_settle (20);
  g_assert_cmpint (event_of (f->library, ids[1]), !=, 8);
  g_assert_cmpint (event_of (f->library, ids[0]), ==, 8);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-event-edit", NULL);
  px_test_settle (20);
  g_assert_cmpint (event_of (f->library, ids[0]), ==, event_of (f->library, ids[1]));
  g_assert_cmpint (event_of (f->library, ids[2]), ==, 8);
  {
    g_autoptr (PxStore) store = px_store_open (f->library, PX_STORE_OPEN_EXISTING, NULL);
    g_autoptr (PxEventInfo) event = px_store_get_event (store, event_of (f->library, ids[0]), NULL);
    g_assert_cmpstr (event->title, ==, "Islands cut off by storms");
    g_assert_true (event->title_locked);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-event-edit", NULL);
  px_test_settle (20);
  g_assert_cmpint (event_of (f->library, ids[0]), ==, event_of (f->library, ids[1]));
  g_assert_cmpint (event_of (f->library, ids[2]), ==, 8);
  {
    g_autoptr (PxStore) store = px_store_open (f->library, PX_STORE_OPEN_EXISTING, NULL);
    g_autoptr (PxEventInfo) event = px_store_get_event (store, event_of (f->library, ids[0]), NULL);
    g_assert_false (event->title_locked);
  }
}

/* Renames event 7 through its dialog. */
static void
rename_to (PxWindow *window, const char *title)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-event", "x", (gint64)7);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (px_alert_get_extra_child (dialog)), title);
  respond (dialog, "rename");
}

static const char *
title_of (const char *library, gint64 event_id)
{
  g_autoptr (PxStore) store = px_store_open (library, PX_STORE_OPEN_EXISTING, NULL);
  g_autoptr (PxEventInfo) event = px_store_get_event (store, event_id, NULL);

  g_assert_nonnull (event);
  return g_intern_string (event->title);
}

/* An article that was in no event is placed by grouping before it is
 * moved, and its move is undone into that event; an undo that fails (the
 * library busy) stays to be tried again. */
static void
test_undo_event_edge (Fixture *f, gconstpointer data)
{
  g_autofree char *sql = NULL;
  PxWindow *window;
  gint64 ids[3], placed;
  sqlite3 *db = NULL;

  fill_library (f->library, ids);
  sql = g_strdup_printf ("INSERT INTO events (id, title, title_locked, created, modified)"
                         " VALUES (7, 'Spring storms', 1, 'now', 'now');"
                         "UPDATE documents SET event_id = 7 WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");",
                         ids[0], ids[1]);
  run_sql (f->library, sql);
  window = open_window (f, ids[0]);
  g_assert_cmpint (event_of (f->library, ids[2]), ==, 0);

  /* A drop of the article in no event, then undo: it is back where
   * grouping put it (an event of its own: it shares nothing with the
   * storms), not in event 7. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-document", "(xx)", ids[2], (gint64)7);
  px_test_settle (20);
  g_assert_cmpint (event_of (f->library, ids[2]), ==, 7);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-event-edit", NULL));
  px_test_settle (20);
  placed = event_of (f->library, ids[2]);
  g_assert_cmpint (placed, !=, 7);
  g_assert_cmpint (placed, !=, 0);

  /* A rename, undone while another program holds the library's write
   * lock: it fails and stays; once the lock is gone it is undone. */
  rename_to (window, "Islands cut off");
  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-event-edit", NULL));
  px_test_settle (20);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpstr (title_of (f->library, 7), ==, "Islands cut off");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-event-edit", NULL);
  px_test_settle (20);
  g_assert_cmpstr (title_of (f->library, 7), ==, "Spring storms");
}

static GtkWidget *
find_actionable (GtkWidget *widget, const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_undo_button (GtkWidget *widget)
{
  return find_actionable (widget, "win.undo-event-edit") != NULL;
}

/* The toast offering to undo an event edit goes when another library is
 * opened: its Undo would undo that library's last edit. */
static void
test_undo_toast_after_switch (Fixture *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *other_shm = g_strconcat (other, "-shm", NULL);
  g_autofree char *sql = NULL;
  PxWindow *window;
  gint64 ids[3], other_ids[3];

  fill_library (f->library, ids);
  fill_library (other, other_ids);
  sql = g_strdup_printf ("INSERT INTO events (id, title, title_locked, created, modified)"
                         " VALUES (7, 'Spring storms', 1, 'now', 'now');"
                         "UPDATE documents SET event_id = 7 WHERE id = %" G_GINT64_FORMAT ";",
                         ids[0]);
  run_sql (f->library, sql);
  run_sql (other, sql);
  window = open_window (f, ids[0]);
  rename_to (window, "Islands cut off");
  px_test_settle (300);
  g_assert_true (has_undo_button (GTK_WIDGET (window)));

  g_assert_true (px_window_open_library (window, other, PX_STORE_OPEN_DEFAULT, NULL));
  /* Well before the toast's own timeout. */
  px_test_settle (800);
  g_assert_false (has_undo_button (GTK_WIDGET (window)));
  g_assert_cmpstr (title_of (f->library, 7), ==, "Islands cut off");
  g_assert_cmpstr (title_of (other, 7), ==, "Spring storms");
  close_window (f);
  g_unlink (other);
  g_unlink (other_wal);
  g_unlink (other_shm);
}

/* Versions are offered for comparison only once an article has two. */
static void
test_versions_need_two (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) again = make_document ("Ferry service returns to the islands", "Harbour Gazette", "2031-04-02",
                                                "The morning ferry sailed again after a week of rain.");
  GtkWidget *button;
  PxWindow *window;
  gint64 ids[3];

  fill_library (f->library, ids);
  window = open_window (f, ids[0]);
  g_assert_true (px_test_wait_for (reader_has_ferry_title, window, 10000));
  button = find_actionable (GTK_WIDGET (px_window_get_reader (window)), "win.show-versions");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));

  {
    g_autoptr (PxStore) store = px_store_open (f->library, PX_STORE_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    g_assert_true (px_store_replace_document_version (store, ids[0], again, 2, NULL, &error));
    g_assert_no_error (error);
  }
  px_window_reload_library (window);
  px_test_settle (50);
  g_assert_true (gtk_widget_get_sensitive (button));
  close_window (f);
}

/* Event edits made with the window are undone after a restart, last
 * first, with Ctrl+Z in the library list. */
static void
test_undo_event_after_restart (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog;
  PxWindow *window;
  gint64 ids[3];

  fill_two_events (f->library, ids, TRUE);
  window = open_window (f, ids[0]);
  rename_to (window, "Islands cut off by storms");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-to-event", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "move");
  px_test_settle (20);
  g_assert_cmpint (event_of (f->library, ids[0]), ==, 8);
  close_window (f);

  window = open_window (f, ids[0]);
  gtk_widget_grab_focus (GTK_WIDGET (px_window_get_sidebar (window)));
  press_ctrl_z_in_library (window);
  px_test_settle (20);
  g_assert_cmpint (event_of (f->library, ids[0]), ==, 7);
  g_assert_cmpstr (title_of (f->library, 7), ==, "Islands cut off by storms");
  press_ctrl_z_in_library (window);
  px_test_settle (20);
  g_assert_cmpstr (title_of (f->library, 7), ==, "Spring storms");
  close_window (f);

  /* Nothing is left to undo after another restart. */
  window = open_window (f, ids[0]);
  gtk_widget_grab_focus (GTK_WIDGET (px_window_get_sidebar (window)));
  rename_to (window, "Storm week");
  close_window (f);
  window = open_window (f, ids[0]);
  gtk_widget_grab_focus (GTK_WIDGET (px_window_get_sidebar (window)));
  press_ctrl_z_in_library (window);
  px_test_settle (20);
  g_assert_cmpstr (title_of (f->library, 7), ==, "Spring storms");
  press_ctrl_z_in_library (window);
  px_test_settle (20);
  g_assert_cmpstr (title_of (f->library, 7), ==, "Spring storms");
  g_assert_cmpint (event_of (f->library, ids[0]), ==, 7);
  g_assert_cmpint (event_of (f->library, ids[2]), ==, 8);
}

static void
test_side_page (Fixture *f, gconstpointer data)
{
  PxWindow *window = open_window (f, 0);
  GtkWidget *page = gtk_label_new ("Real annotations panel");
  PxSidePanel *panel = px_window_get_side_panel (window);

  px_side_panel_set_visible_page (panel, "annotations");
  px_window_add_side_page (window, page, "annotations", "Highlights", "document-edit-symbolic");
  g_assert_true (px_side_panel_get_page (panel, "annotations") == page);
  g_assert_cmpstr (px_side_panel_get_visible_page (panel), ==, "annotations");
  g_assert_nonnull (px_side_panel_get_page (panel, "compare"));
}

/* The side panel fits its default width (the side-panel-width setting),
 * whatever page it shows: a page that asks for more squeezes the reader
 * (the Compare panel's view switcher once asked for 533 pixels). */
static void
test_side_panel_width (Fixture *f, gconstpointer data)
{
  PxWindow *window = open_window (f, 0);
  PxSidePanel *panel = px_window_get_side_panel (window);
  g_autoptr (GSettings) settings = g_settings_new ("io.github.parallaxapp.Parallax");
  g_autoptr (GVariant) default_width = g_settings_get_default_value (settings, "side-panel-width");
  int width = g_variant_get_int32 (default_width);
  const char *const pages[] = { "annotations", "compare" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      int min = 0;

      px_side_panel_set_visible_page (panel, pages[i]);
      px_test_settle (20);
      gtk_widget_measure (GTK_WIDGET (panel), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > width)
        g_error ("with the %s page the side panel needs %d pixels, more than its %d", pages[i], min, width);
    }
}

/* "Try with sample articles" imports the four articles, and nothing else
 * of the folder they live in. */
static void
test_import_samples (Fixture *f, gconstpointer data)
{
  g_autofree char *samples = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", NULL);
  PxWindow *window;

  g_setenv ("PARALLAX_SAMPLES_DIR", samples, TRUE);
  window = open_window (f, 0);
  g_assert_cmpstr (main_page (window), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-samples", NULL));
  g_assert_true (px_test_wait_for (import_finished, window, 20000));
  g_assert_cmpuint (px_library_model_get_n_total (px_library_sidebar_get_model (px_window_get_sidebar (window))), ==,
                    4);
  g_assert_cmpstr (main_page (window), ==, "library");
  g_unsetenv ("PARALLAX_SAMPLES_DIR");
  close_window (f);
}

static guint
count_documents (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_EXISTING, &error);
  g_autoptr (GPtrArray) docs = NULL;

  g_assert_no_error (error);
  docs = px_store_list_documents (store, &error);
  g_assert_no_error (error);
  return docs->len;
}

/* Opening another library while an import runs into the first: what the
 * import brought stays in the first, and the new one neither opens its
 * article (an id of the other library) nor gets the files queued behind
 * it. */
static void
test_import_then_switch (Fixture *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *article = g_build_filename (f->dir, "ferry.txt", NULL);
  g_autofree char *queued = g_build_filename (f->dir, "road.txt", NULL);
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *other_shm = g_strconcat (other, "-shm", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) later = NULL;
  gint64 ids[3];
  PxWindow *window;

  fill_library (other, ids);
  g_assert_true (g_file_set_contents (article, "Ferry service returns\n\nThe morning ferry sailed again.\n", -1, NULL));
  g_assert_true (g_file_set_contents (queued, "Coastal road closed\n\nCrews cleared fallen trees.\n", -1, NULL));
  window = open_window (f, 0);
  file = g_file_new_for_path (article);
  later = g_file_new_for_path (queued);
  px_window_import_files (window, &file, 1);
  px_window_import_files (window, &later, 1);
  g_assert_true (px_window_is_importing (window));
  g_assert_true (px_window_open_library (window, other, PX_STORE_OPEN_DEFAULT, NULL));
  g_assert_false (px_window_is_importing (window));
  g_assert_null (px_window_get_document (window));

  /* Long enough for the worker to finish and its result to arrive. */
  px_test_settle (1500);
  g_assert_null (px_window_get_document (window));
  g_assert_cmpuint (count_documents (other), ==, 3);
  g_assert_cmpuint (px_library_model_get_n_total (px_library_sidebar_get_model (px_window_get_sidebar (window))), ==,
                    3);
  g_assert_cmpuint (count_documents (f->library), <=, 1);
  close_window (f);
  g_unlink (other);
  g_unlink (other_wal);
  g_unlink (other_shm);
  g_unlink (article);
  g_unlink (queued);
}

static void
test_bad_library (Fixture *f, gconstpointer data)
{
  const char *junk = "This is a shopping list, not a library.\n";
  g_autofree char *contents = NULL;
  PxWindow *window;

  g_assert_true (g_file_set_contents (f->library, junk, -1, NULL));
  window = open_window (f, 0);
  g_assert_cmpstr (main_page (window), ==, "error");
  g_assert_null (px_window_get_store (window));
  /* Importing is refused, and the file is left alone. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-samples", NULL) &&
                  px_window_is_importing (window));
  close_window (f);
  g_assert_true (g_file_get_contents (f->library, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, junk);
}

/* Keyboard Shortcuts (Ctrl+?) opens the shortcuts window over the main
 * window, built on demand. */
static void
test_shortcuts_window (Fixture *f, gconstpointer data)
{
  PxWindow *window = open_window (f, 0);
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  GtkWidget *shortcuts = NULL;
  g_auto (GStrv) listed = NULL;
  g_autoptr (GList) shown = NULL;
  GLogLevelFlags fatal;

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>question");
  /* GTK 4.8's shortcuts window measures one of its own labels at -3
   * pixels, warns and clamps it to 0: while it is shown, warnings are not
   * fatal (criticals still are). */
  fatal = g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_FATAL_MASK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  px_test_settle (20);
  shown = px_dialog_list_visible ();
  for (GList *l = shown; l != NULL && shortcuts == NULL; l = l->next)
    if (px_is_shortcuts (l->data))
      shortcuts = l->data;
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (shortcuts));
  g_assert_true (
      gtk_widget_get_ancestor (shortcuts, GTK_TYPE_WINDOW) == GTK_WIDGET (window) ||
      (GTK_IS_WINDOW (shortcuts) && gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (window)));
  /* The shortcuts listed are the .ui file's, on either path. */
  listed = px_shortcuts_list (shortcuts);
  g_assert_true (g_strv_contains ((const char *const *)listed, "Library\tImport articles\t<Control>o"));
  g_assert_cmpuint (g_strv_length (listed), ==, 34);
  /* Asked again while it is open: the same one, not a second one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  px_test_settle (20);
  g_clear_pointer (&shown, g_list_free);
  shown = px_dialog_list_visible ();
  g_assert_cmpuint (g_list_length (shown), ==, 1);
  px_dialog_close (shortcuts);
  px_test_settle (20);
  g_log_set_always_fatal (fatal);
  close_window (f);
}

/* A window closed while its file chooser is open goes: the chooser does
 * not keep it alive, and answering the chooser afterwards does nothing. */
static void
test_chooser_outlives_window (Fixture *f, gconstpointer data)
{
  PxWindow *window = open_window (f, 0);
  gpointer gone = window;
  g_autoptr (GListModel) toplevels = gtk_window_get_toplevels ();
  GtkWidget *chooser = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-library", NULL));
  px_test_settle (20);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && chooser == NULL; i++)
    {
      g_autoptr (GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (w))
        chooser = w;
    }
  g_assert_nonnull (chooser);
  g_object_add_weak_pointer (G_OBJECT (window), &gone);
  gtk_window_destroy (GTK_WINDOW (window));
  f->window = NULL;
  px_test_settle (20);
  g_assert_null (gone);
  if (g_list_model_get_n_items (toplevels) > 0)
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GtkWidget) w = g_list_model_get_item (toplevels, i);

        if (w == chooser)
          gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      }
  px_test_settle (20);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  app = px_application_new ("unused.db", 0);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_test_add ("/window/import-and-read", Fixture, NULL, fixture_setup, test_import_and_read, fixture_teardown);
  g_test_add ("/window/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/window/delete", Fixture, NULL, fixture_setup, test_delete, fixture_teardown);
  g_test_add ("/window/edit-metadata", Fixture, NULL, fixture_setup, test_edit_metadata, fixture_teardown);
  g_test_add ("/window/state-persists", Fixture, NULL, fixture_setup, test_state_persists, fixture_teardown);
  g_test_add ("/window/open-id-and-groups", Fixture, NULL, fixture_setup, test_open_id_and_groups, fixture_teardown);
  g_test_add ("/window/edit-events", Fixture, NULL, fixture_setup, test_edit_events, fixture_teardown);
  g_test_add ("/window/undo-event-edge", Fixture, NULL, fixture_setup, test_undo_event_edge, fixture_teardown);
  g_test_add ("/window/undo-event-after-restart", Fixture, NULL, fixture_setup, test_undo_event_after_restart,
              fixture_teardown);
  g_test_add ("/window/side-page", Fixture, NULL, fixture_setup, test_side_page, fixture_teardown);
  g_test_add ("/window/side-panel-width", Fixture, NULL, fixture_setup, test_side_panel_width, fixture_teardown);
  g_test_add ("/window/import-samples", Fixture, NULL, fixture_setup, test_import_samples, fixture_teardown);
  g_test_add ("/window/import-then-switch", Fixture, NULL, fixture_setup, test_import_then_switch, fixture_teardown);
  g_test_add ("/window/undo-toast-after-switch", Fixture, NULL, fixture_setup, test_undo_toast_after_switch,
              fixture_teardown);
  g_test_add ("/window/versions-need-two", Fixture, NULL, fixture_setup, test_versions_need_two, fixture_teardown);
  g_test_add ("/window/bad-library", Fixture, NULL, fixture_setup, test_bad_library, fixture_teardown);
  g_test_add ("/window/shortcuts-window", Fixture, NULL, fixture_setup, test_shortcuts_window, fixture_teardown);
  g_test_add ("/window/chooser-outlives-window", Fixture, NULL, fixture_setup, test_chooser_outlives_window,
              fixture_teardown);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
