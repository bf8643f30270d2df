/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "annotations/px-store-annotations.h"
#include "library/px-store-private.h"
#include "provenance/px-store-versions.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("px-store-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "sub", "library.db", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_chmod (path, 0700);
  g_remove (path);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static PxDocument *
make_doc (const char *title, const char *outlet, const char *body)
{
  PxDocument *doc = px_document_new ();

  px_document_set_title (doc, title);
  px_document_set_outlet (doc, outlet);
  px_document_set_published (doc, "2024-03-05");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, body);
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, "A second paragraph with the word lighthouse.");
  return doc;
}

static char *
read_file_bytes (const char *path, gsize *len)
{
  char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, len, NULL));
  return contents;
}

static void
test_create_and_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (f->path, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr (PxDocument) doc = make_doc ("Harbour strike ends", "The Coastal Times", "Dock workers returned.");
  g_autoptr (PxDocument) loaded = NULL;
  GStatBuf st;
  gint64 existing = -1;

  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_schema_version (store), ==, px_store_latest_schema_version ());
  g_assert_false (px_store_is_read_only (store));
  /* Private notes: only the user may read the file. */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (px_store_add_document (store, doc, &existing, &error));
  g_assert_no_error (error);
  g_assert_cmpint (existing, ==, 0);
  g_assert_cmpint (px_document_get_id (doc), >, 0);
  g_clear_object (&store);

  store = px_store_open (f->path, PX_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  loaded = px_store_load_document (store, px_document_get_id (doc), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (loaded), ==, "Harbour strike ends");
  g_assert_cmpstr (px_document_get_outlet (loaded), ==, "The Coastal Times");
  g_assert_cmpstr (px_document_get_published (loaded), ==, "2024-03-05");
  g_assert_cmpstr (px_document_get_text (loaded), ==, px_document_get_text (doc));
  g_assert_cmpuint (px_document_get_n_blocks (loaded), ==, 2);
  g_assert_cmpuint (px_document_get_block (loaded, 1)->start, ==, px_document_get_block (doc, 1)->start);
}

static void
test_duplicate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (f->path, 0, &error);
  g_autoptr (PxDocument) a = make_doc ("Same", "Outlet A", "Same body.");
  g_autoptr (PxDocument) b = make_doc ("Same", "Outlet A", "Same body.");
  gint64 existing = 0;

  g_assert_true (px_store_add_document (store, a, NULL, &error));
  g_assert_false (px_store_add_document (store, b, &existing, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (existing, ==, px_document_get_id (a));
  g_assert_cmpint (px_store_count_documents (store, NULL), ==, 1);
}

static void
test_list_search_delete (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (f->path, 0, &error);
  g_autoptr (PxDocument) a = make_doc ("Harbour strike ends", "The Coastal Times", "Dock workers returned.");
  g_autoptr (PxDocument) b = make_doc ("Bridge reopens", "Valley Herald", "Traffic flows over the river.");
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GArray) hits = NULL;
  g_autoptr (PxDocumentInfo) info = NULL;

  g_assert_true (px_store_add_document (store, a, NULL, &error));
  g_assert_true (px_store_add_document (store, b, NULL, &error));

  list = px_store_list_documents (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);

  /* Full text, prefix, outlet, and input that is FTS5 syntax. */
  hits = px_store_search_documents (store, "riv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, px_document_get_id (b));
  g_clear_pointer (&hits, g_array_unref);
  hits = px_store_search_documents (store, "coastal", &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, px_document_get_id (a));
  g_clear_pointer (&hits, g_array_unref);
  hits = px_store_search_documents (store, "lighthouse", &error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_array_unref);
  hits = px_store_search_documents (store, "\"AND NEAR( * -", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_array_unref);
  hits = px_store_search_documents (store, "100%_", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_array_unref);

  /* Metadata edits reach the index. */
  px_document_set_title (a, "Harbour strike ends after nine days");
  px_document_set_outlet (a, "Coastal Daily");
  g_assert_true (px_store_update_metadata (store, a, &error));
  info = px_store_get_document_info (store, px_document_get_id (a), &error);
  g_assert_cmpstr (info->outlet, ==, "Coastal Daily");
  hits = px_store_search_documents (store, "nine", &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_array_unref);

  g_assert_cmpint (px_store_count_document_annotations (store, px_document_get_id (a), NULL), ==, 0);
  g_assert_true (px_store_delete_document (store, px_document_get_id (a), &error));
  g_assert_false (px_store_delete_document (store, px_document_get_id (a), &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  hits = px_store_search_documents (store, "harbour", &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_null (px_store_load_document (store, px_document_get_id (a), &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
}

/* A file that is not a library must be refused and left byte for byte as
 * it was. */
static void
assert_refused_unchanged (const char *path, int code)
{
  g_autoptr (GError) error = NULL;
  gsize len_before, len_after;
  g_autofree char *before = read_file_bytes (path, &len_before);
  g_autofree char *after = NULL;
  PxStore *store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, PX_STORE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  after = read_file_bytes (path, &len_after);
  g_assert_cmpmem (before, len_before, after, len_after);
}

static void
test_not_a_library (Fixture *f, gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.sqlite", NULL);
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text, "Dear diary, this is not SQLite at all.\n", -1, NULL));
  assert_refused_unchanged (text, PX_STORE_ERROR_NOT_A_LIBRARY);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');", NULL, NULL, NULL), ==,
      SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (other, PX_STORE_ERROR_NOT_A_LIBRARY);
}

static void
test_newer_version (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (f->path, 0, &error);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d;", px_store_latest_schema_version () + 1);
  sqlite3 *db;

  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (f->path, PX_STORE_ERROR_NEWER_VERSION);
}

static void
test_corrupt (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (f->path, 0, &error);
  g_autofree char *contents = NULL;
  gsize len;
  sqlite3 *db;

  for (int i = 0; i < 20; i++)
    {
      g_autofree char *body = g_strdup_printf ("Paragraph number %d of a long story.", i);
      g_autoptr (PxDocument) doc = make_doc (body, "Outlet", body);
      g_assert_true (px_store_add_document (store, doc, NULL, &error));
    }
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL);
  sqlite3_close (db);

  /* Scribble over the page that holds the schema, keeping the header. */
  contents = read_file_bytes (f->path, &len);
  g_assert_cmpuint (len, >, 4096);
  memset (contents + 100, 0xA5, 3000);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));
  assert_refused_unchanged (f->path, PX_STORE_ERROR_CORRUPT);

  /* A truncated header. */
  g_assert_true (g_file_set_contents (f->path, contents, 10, NULL));
  assert_refused_unchanged (f->path, PX_STORE_ERROR_NOT_A_LIBRARY);
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (f->path, 0, &error);
  g_autoptr (PxDocument) doc = make_doc ("T", "O", "Body.");
  g_autoptr (PxDocument) other = make_doc ("T2", "O", "Body two.");
  g_autoptr (GPtrArray) list = NULL;

  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  g_clear_object (&store);

  store = px_store_open (f->path, PX_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (px_store_is_read_only (store));
  list = px_store_list_documents (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_false (px_store_add_document (store, other, NULL, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY);
}

static void
test_missing_existing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (px_store_open (f->path, PX_STORE_OPEN_EXISTING, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* Builds a library as an older Parallax left it, with a document in it,
 * then opens it with this version. */
static void
test_migrate_from_every_version (Fixture *f, gconstpointer data)
{
  for (int version = 0; version < px_store_latest_schema_version (); version++)
    {
      g_autofree char *path = g_strdup_printf ("%s/v%d.db", f->dir, version);
      g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d;", PX_STORE_APPLICATION_ID);
      g_autoptr (GError) error = NULL;
      g_autoptr (PxStore) store = NULL;
      g_autoptr (GPtrArray) list = NULL;
      g_autoptr (GDir) dir = NULL;
      const char *name;
      gboolean backup_found = FALSE;
      sqlite3 *db;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, app_id, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_true (_px_store_schema_migrate (db, 0, version, &error));
      g_assert_no_error (error);
      if (version >= 1)
        g_assert_cmpint (
            sqlite3_exec (db,
                          "INSERT INTO documents (title, text, blocks, content_hash, imported, modified)"
                          " VALUES ('Old one', 'Old text.', 'p 0 9\n', 'h1', '2020-01-01', '2020-01-01');"
                          "INSERT INTO annotations (document_id, start, end, quote, note, created, modified)"
                          " VALUES (1, 0, 3, 'Old', 'Kept from long ago', '2020-01-01', '2020-01-01');",
                          NULL, NULL, NULL),
            ==, SQLITE_OK);
      sqlite3_close (db);

      /* Read-only, only versions whose later steps changed indexes only
       * can be read as they are; older ones are refused. */
      if (version > 0)
        {
          g_autoptr (PxStore) reader = px_store_open (path, PX_STORE_OPEN_READ_ONLY, &error);

          g_assert_true (px_store_needs_update (path));
          if (version >= _px_store_schema_oldest_readable ())
            {
              g_autoptr (GArray) hits = NULL;

              g_assert_no_error (error);
              g_assert_cmpint (px_store_get_schema_version (reader), ==, version);
              hits = px_store_search_documents (reader, "old", &error);
              g_assert_no_error (error);
              g_assert_cmpuint (hits->len, ==, 1);
            }
          else
            {
              g_assert_null (reader);
              g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY);
              g_clear_error (&error);
            }
        }

      store = px_store_open (path, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (px_store_get_schema_version (store), ==, px_store_latest_schema_version ());
      g_assert_false (px_store_needs_update (path));
      list = px_store_list_documents (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, version >= 1 ? 1 : 0);
      /* What was written before is found by search, through the rebuilt
       * indexes, with 2- and 3-letter prefixes too. */
      for (const char *const *q = (const char *const[]){ "ol", "old", "tex", "text", NULL }; *q; q++)
        {
          g_autoptr (GArray) hits = px_store_search_documents (store, *q, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (hits->len, ==, version >= 1 ? 1 : 0);
        }
      {
        g_autoptr (GPtrArray) notes = px_store_search_annotations (store, "lo", &error);
        g_assert_no_error (error);
        g_assert_cmpuint (notes->len, ==, version >= 1 ? 1 : 0);
      }
      /* A document of before versions has one: its import, and can get
       * a second (provenance/px-store-versions.h). */
      if (version >= 1)
        {
          g_autoptr (GPtrArray) versions = px_store_list_versions (store, 1, &error);
          g_autoptr (PxDocument) newer = px_document_new ();
          g_autofree char *old_text = NULL;

          g_assert_no_error (error);
          g_assert_cmpuint (versions->len, ==, 1);
          g_assert_cmpstr (((PxDocumentVersion *)versions->pdata[0])->fetched, ==, "2020-01-01");
          g_assert_cmpstr (((PxDocumentVersion *)versions->pdata[0])->title, ==, "Old one");
          px_document_append_block (newer, PX_BLOCK_PARAGRAPH, "Old text, now longer.");
          g_assert_true (px_store_replace_document_version (store, 1, newer, 2, NULL, &error));
          g_assert_no_error (error);
          g_clear_pointer (&versions, g_ptr_array_unref);
          versions = px_store_list_versions (store, 1, &error);
          g_assert_cmpuint (versions->len, ==, 2);
          g_assert_cmpuint (((PxDocumentVersion *)versions->pdata[1])->changed_words, ==, 2);
          old_text = px_store_get_version_text (store, 1, 1, &error);
          g_assert_cmpstr (old_text, ==, "Old text.");
        }

      /* A backup of the old version was written first. */
      dir = g_dir_open (f->dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *prefix = g_strdup_printf ("v%d.db.v%d-", version, version);
          if (g_str_has_prefix (name, prefix))
            backup_found = TRUE;
        }
      g_assert_true (backup_found == (version >= 1));
    }
}

/* The library list is read in index order at every start: SQLite must
 * not sort the rows itself (a temporary b-tree), whatever the library. */
static void
test_list_order_uses_index (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (f->path, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr (GString) plan = g_string_new (NULL);
  g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", PX_STORE_LIST_SQL, NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *)sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (strstr (plan->str, "TEMP B-TREE") != NULL || strstr (plan->str, "COVERING INDEX documents_order") == NULL)
    g_error ("the library list is not read in index order:\n%s", plan->str);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/create-and-reopen", test_create_and_reopen);
  ADD ("/store/duplicate", test_duplicate);
  ADD ("/store/list-search-delete", test_list_search_delete);
  ADD ("/store/not-a-library", test_not_a_library);
  ADD ("/store/newer-version", test_newer_version);
  ADD ("/store/corrupt", test_corrupt);
  ADD ("/store/read-only", test_read_only);
  ADD ("/store/missing-existing", test_missing_existing);
  ADD ("/store/migrate-from-every-version", test_migrate_from_every_version);
  ADD ("/store/list-order-uses-index", test_list_order_uses_index);
#undef ADD
  return g_test_run ();
}
