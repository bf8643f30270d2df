/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PxLibrary, the session object, without any GTK: its properties follow
 * the store and the document, and its long operations run in workers on
 * their own connections, fail with a clear error, and can be cancelled. */
#include <glib/gstdio.h>
#include <string.h>

#include "session/px-library-coding.h"
#include "session/px-library-ops.h"
#include "events/px-store-events.h"

typedef struct
{
  char *dir;
  char *path;
  PxLibrary *library;
  GMainLoop *loop;
  GAsyncResult *result;
  GPtrArray *notified;
} Fixture;

static PxDocument *
make_doc (const char *title, const char *body)
{
  PxDocument *doc = px_document_new ();

  px_document_set_title (doc, title);
  px_document_set_outlet (doc, "The Test Gazette");
  px_document_set_published (doc, "2025-04-02");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, body);
  return doc;
}

static void
on_notify (GObject *object, GParamSpec *pspec, Fixture *f)
{
  g_ptr_array_add (f->notified, g_strdup (pspec->name));
}

static gboolean
was_notified (Fixture *f, const char *name)
{
  for (guint i = 0; i < f->notified->len; i++)
    if (g_str_equal (g_ptr_array_index (f->notified, i), name))
      return TRUE;
  return FALSE;
}

static void
count_changed (guint *changed)
{
  (*changed)++;
}

static void
count_report (guint done, guint total, const char *last_name, gpointer user_data)
{
  guint *reports = user_data;

  g_assert_cmpuint (done, <=, total);
  (*reports)++;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  const char *bodies[] = { "The lighthouse keeper rang the bell at dawn.", "Fishing boats stayed in the harbour.",
                           "A storm closed the coastal road." };

  f->dir = g_dir_make_tmp ("px-library-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "library.db", NULL);
  store = px_store_open (f->path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *title = g_strdup_printf ("Article %u", i + 1);
      g_autoptr (PxDocument) doc = make_doc (title, bodies[i]);
      g_assert_true (px_store_add_document (store, doc, NULL, &error));
      g_assert_no_error (error);
    }
  f->library = px_library_new ();
  f->loop = g_main_loop_new (NULL, FALSE);
  f->notified = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->library, "notify", G_CALLBACK (on_notify), f);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->result);
  g_object_unref (f->library);
  g_main_loop_unref (f->loop);
  g_ptr_array_unref (f->notified);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Fixture *f = user_data;

  g_assert_true (source == G_OBJECT (f->library));
  g_set_object (&f->result, result);
  g_main_loop_quit (f->loop);
}

/* Waits for the operation started with on_done. */
static GAsyncResult *
wait_result (Fixture *f)
{
  g_clear_object (&f->result);
  g_main_loop_run (f->loop);
  g_assert_nonnull (f->result);
  return f->result;
}

static void
open_store (Fixture *f, PxStoreOpenFlags flags)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (f->path, flags | PX_STORE_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  px_library_set_store (f->library, store);
}

static void
test_properties (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (GPtrArray) events = NULL;
  guint changed = 0;

  g_assert_null (px_library_get_store (f->library));
  g_assert_false (px_library_get_writable (f->library));
  g_assert_null (px_library_get_read_only_reason (f->library));

  open_store (f, PX_STORE_OPEN_DEFAULT);
  g_assert_cmpstr (px_library_get_path (f->library), ==, f->path);
  g_assert_true (px_library_get_writable (f->library));
  g_assert_true (was_notified (f, "store"));
  g_assert_true (was_notified (f, "path"));
  g_assert_true (was_notified (f, "writable"));

  /* The document shown, and its event once it has one. */
  doc = px_store_load_document (px_library_get_store (f->library), 2, &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (f->notified, 0);
  px_library_set_document (f->library, doc);
  g_assert_true (px_library_get_document (f->library) == doc);
  g_assert_true (was_notified (f, "document"));
  g_assert_cmpint (px_library_get_event_id (f->library), ==, 0);

  /* Grouping it into an event is seen once the library is told. */
  {
    gint64 ids[] = { 1, 2 };
    gint64 event_id = px_store_group_documents (px_library_get_store (f->library), ids, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpint (event_id, >, 0);
    g_signal_connect_swapped (f->library, "changed", G_CALLBACK (count_changed), &changed);
    g_ptr_array_set_size (f->notified, 0);
    px_library_changed (f->library);
    g_assert_cmpuint (changed, ==, 1);
    g_assert_cmpint (px_library_get_event_id (f->library), ==, event_id);
    g_assert_true (was_notified (f, "event-id"));
  }

  /* Writes forbidden: the access properties say why. */
  g_ptr_array_set_size (f->notified, 0);
  px_library_forbid_writes (f->library, PX_STORE_ACCESS_READ_ONLY_LOCKED);
  g_assert_false (px_library_get_writable (f->library));
  g_assert_cmpint (px_library_get_access (f->library), ==, PX_STORE_ACCESS_READ_ONLY_LOCKED);
  g_assert_cmpstr (px_library_get_read_only_reason (f->library), ==,
                   px_library_reason_for (PX_STORE_ACCESS_READ_ONLY_LOCKED));
  g_assert_true (was_notified (f, "writable"));
  g_assert_true (was_notified (f, "read-only-reason"));

  /* Another file: no store, no document, no event until it is open. */
  g_ptr_array_set_size (f->notified, 0);
  px_library_set_path (f->library, "/nonexistent/other.db");
  g_assert_null (px_library_get_store (f->library));
  g_assert_null (px_library_get_document (f->library));
  g_assert_cmpint (px_library_get_event_id (f->library), ==, 0);
  g_assert_false (px_library_get_writable (f->library));
  g_assert_null (px_library_get_read_only_reason (f->library));
  g_assert_true (was_notified (f, "document"));
  g_assert_true (was_notified (f, "store"));
}

static void
test_search (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;

  open_store (f, PX_STORE_OPEN_DEFAULT);
  px_library_search_async (f->library, "lighthouse", NULL, on_done, f);
  ids = px_library_search_finish (f->library, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
}

/* A failing operation says why; one cancelled before it ran says so. */
static void
test_failure_and_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *long_query = g_strnfill (PX_STORE_MAX_SEARCH_CHARS + 10, 'a');
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);

  /* No library. */
  px_library_search_async (f->library, "harbour", NULL, on_done, f);
  g_assert_null (px_library_search_finish (f->library, wait_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A query the store refuses. */
  open_store (f, PX_STORE_OPEN_DEFAULT);
  px_library_search_async (f->library, long_query, NULL, on_done, f);
  g_assert_null (px_library_search_finish (f->library, wait_result (f), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Cancelled. */
  g_cancellable_cancel (cancellable);
  px_library_search_async (f->library, "harbour", cancellable, on_done, f);
  g_assert_null (px_library_search_finish (f->library, wait_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A file that is gone: the worker cannot open it (and creates nothing). */
  px_library_set_path (f->library, missing);
  px_library_compare_async (f->library, 1, NULL, on_done, f);
  g_assert_null (px_library_compare_finish (f->library, wait_result (f), NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *text = g_build_filename (f->dir, "new.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (text);
  g_autoptr (PxDocumentInfo) info = NULL;
  guint imported = 0, duplicates = 0, failed = 0, reports = 0;

  g_assert_true (
      g_file_set_contents (text, "Ferry service resumes\n\nThe ferry sailed again on Monday morning.", -1, NULL));
  /* Read-only: refused at once, with the reason. */
  open_store (f, PX_STORE_OPEN_READ_ONLY);
  px_library_import_async (f->library, &file, 1, NULL, NULL, NULL, NULL, on_done, f);
  g_assert_null (px_library_import_finish (f->library, wait_result (f), &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, px_library_reason_for (PX_STORE_ACCESS_READ_ONLY_ASKED));
  g_clear_error (&error);

  open_store (f, PX_STORE_OPEN_DEFAULT);
  px_library_import_async (f->library, &file, 1, count_report, &reports, NULL, NULL, on_done, f);
  results = px_library_import_finish (f->library, wait_result (f), &error);
  g_assert_no_error (error);
  px_import_count (results, &imported, &duplicates, &failed);
  g_assert_cmpuint (imported, ==, 1);
  /* Progress reports arrive in this thread, before or after the result. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (reports, >=, 1);
  info = px_store_get_document_info (px_library_get_store (f->library), 4, NULL);
  g_assert_nonnull (info);
}

static void
test_check_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  open_store (f, PX_STORE_OPEN_DEFAULT);
  px_library_check_async (f->library, NULL, on_done, f);
  g_assert_true (px_library_check_finish (f->library, wait_result (f), &error));
  g_assert_no_error (error);
  g_assert_true (px_library_get_writable (f->library));

  /* Garbage over every page after the first. */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  for (gsize page = 1; page < len / 4096; page++)
    memset (contents + page * 4096 + 100, 0x5A, 3000);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));
  g_ptr_array_set_size (f->notified, 0);
  px_library_check_async (f->library, NULL, on_done, f);
  g_assert_false (px_library_check_finish (f->library, wait_result (f), &error));
  g_assert_nonnull (error);
  g_assert_false (px_library_get_writable (f->library));
  g_assert_cmpint (px_library_get_access (f->library), ==, PX_STORE_ACCESS_READ_ONLY_DAMAGED);
  g_assert_true (was_notified (f, "writable"));
}

static void
test_compare_export_update (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxEventComparison) cmp = NULL;
  g_autoptr (PxStore) updated = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *output = g_build_filename (f->dir, "article.md", NULL);
  g_autofree char *written = NULL;
  g_autofree char *text = NULL;
  PxLibraryExport *job;
  gint64 ids[] = { 1, 2 }, event_id;
  gboolean from_cache = TRUE;

  open_store (f, PX_STORE_OPEN_DEFAULT);
  event_id = px_store_group_documents (px_library_get_store (f->library), ids, 2, &error);
  g_assert_no_error (error);

  px_library_compare_async (f->library, event_id, NULL, on_done, f);
  cmp = px_library_compare_finish (f->library, wait_result (f), &from_cache, &error);
  g_assert_no_error (error);
  g_assert_false (from_cache);
  g_assert_cmpuint (px_event_comparison_get_n_documents (cmp), ==, 2);
  g_clear_object (&cmp);
  /* Written to the cache by the worker: the second one comes from it. */
  px_library_compare_async (f->library, event_id, NULL, on_done, f);
  cmp = px_library_compare_finish (f->library, wait_result (f), &from_cache, &error);
  g_assert_no_error (error);
  g_assert_true (from_cache);

  job = g_new0 (PxLibraryExport, 1);
  job->kind = PX_EXPORT_KIND_ARTICLE;
  job->id = 3;
  job->options = px_export_options_new ();
  job->preview_lines = 3;
  px_library_export_async (f->library, job, NULL, on_done, f);
  preview = px_library_export_finish (f->library, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (preview, "Article 3"));

  job = g_new0 (PxLibraryExport, 1);
  job->kind = PX_EXPORT_KIND_ARTICLE;
  job->id = 3;
  job->options = px_export_options_new ();
  job->output = g_strdup (output);
  px_library_export_async (f->library, job, NULL, on_done, f);
  written = px_library_export_finish (f->library, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, output);
  g_assert_true (g_file_get_contents (output, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Article 3"));

  /* Opening for the UI thread, in a worker. */
  px_library_update_async (f->library, NULL, on_done, f);
  updated = px_library_update_finish (f->library, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_true (PX_IS_STORE (updated));
  g_assert_false (updated == px_library_get_store (f->library));
  g_assert_cmpstr (px_store_get_path (updated), ==, f->path);
}

static void
test_import_coding_failure (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *bad = g_build_filename (f->dir, "notes.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (bad);

  g_assert_true (g_file_set_contents (bad, "{ this is not JSON", -1, NULL));
  open_store (f, PX_STORE_OPEN_DEFAULT);
  px_library_import_coding_async (f->library, file, FALSE, NULL, on_done, f);
  g_assert_null (px_library_import_coding_finish (f->library, wait_result (f), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  px_library_import_coding_async (f->library, file, TRUE, NULL, on_done, f);
  g_assert_null (px_library_import_coding_finish (f->library, wait_result (f), &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/library/properties", Fixture, NULL, fixture_setup, test_properties, fixture_teardown);
  g_test_add ("/library/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/library/failure-and-cancel", Fixture, NULL, fixture_setup, test_failure_and_cancel, fixture_teardown);
  g_test_add ("/library/import", Fixture, NULL, fixture_setup, test_import, fixture_teardown);
  g_test_add ("/library/check-damaged", Fixture, NULL, fixture_setup, test_check_damaged, fixture_teardown);
  g_test_add ("/library/compare-export-update", Fixture, NULL, fixture_setup, test_compare_export_update,
              fixture_teardown);
  g_test_add ("/library/import-coding-failure", Fixture, NULL, fixture_setup, test_import_coding_failure,
              fixture_teardown);
  return g_test_run ();
}
