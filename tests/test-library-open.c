/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening libraries that are odd or shared: several processes creating or
 * migrating one library at once, versions that do not match the schema,
 * files that are not libraries at all. */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "library/px-store-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("px-library-open-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "library.db", NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
exec_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (db);
}

static int
query_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A library as Parallax @version left it, with one document and one note. */
static void
make_old_library (const char *path, int version)
{
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d;", PX_STORE_APPLICATION_ID);
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, app_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_px_store_schema_migrate (db, 0, version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO documents (title, text, blocks, content_hash, imported, modified)"
                                 " VALUES ('Old one', 'Old text.', 'p 0 9\n', 'h1', '2020-01-01', '2020-01-01');"
                                 "INSERT INTO annotations (document_id, start, end, quote, note, created, modified)"
                                 " VALUES (1, 0, 3, 'Old', 'Kept from long ago', '2020-01-01', '2020-01-01');",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

static guint
count_backups (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".bak"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        GStatBuf st;

        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_size, >, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
        n++;
      }
  return n;
}

/* The library opens at the latest version, passes the check, and still
 * holds the old document and its note. */
static void
assert_sound (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, 0, &error);
  g_autoptr (GPtrArray) list = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_schema_version (store), ==, px_store_latest_schema_version ());
  g_assert_true (px_store_check (store, &error));
  g_assert_no_error (error);
  list = px_store_list_documents (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM annotations WHERE note = 'Kept from long ago'"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'documents_list'"), ==, 0);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, px_store_latest_schema_version ());
}

/* Starts @n processes that open @path at the same moment (each waits for
 * a byte on a pipe) and add a document; returns how many failed. */
static int
open_at_once (const char *path, int n)
{
  int go[2];
  pid_t pids[8];
  int failed = 0;

  g_assert_cmpint (n, <=, (int)G_N_ELEMENTS (pids));
  g_assert_cmpint (pipe (go), ==, 0);
  for (int i = 0; i < n; i++)
    {
      pids[i] = fork ();
      g_assert_cmpint (pids[i], >=, 0);
      if (pids[i] == 0)
        {
          char byte;
          g_autoptr (GError) error = NULL;
          g_autoptr (PxStore) store = NULL;
          g_autoptr (PxDocument) doc = px_document_new ();
          g_autofree char *title = g_strdup_printf ("Written by opener %d", i);

          close (go[1]);
          if (read (go[0], &byte, 1) != 1)
            _exit (3);
          store = px_store_open (path, 0, &error);
          if (store == NULL)
            {
              g_printerr ("opener %d: %s\n", i, error->message);
              _exit (1);
            }
          px_document_set_title (doc, title);
          px_document_append_block (doc, PX_BLOCK_PARAGRAPH, title);
          if (!px_store_add_document (store, doc, NULL, &error))
            {
              g_printerr ("opener %d: %s\n", i, error->message);
              _exit (2);
            }
          g_clear_object (&store);
          _exit (0);
        }
    }
  close (go[0]);
  g_assert_cmpint (write (go[1], "gogogogo", n), ==, n);
  close (go[1]);
  for (int i = 0; i < n; i++)
    {
      int status = 0;
      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        failed++;
    }
  return failed;
}

/* Issue 15.1: processes opening an old library at once. One migrates
 * (with one backup), the others find it done; nothing is half migrated. */
static void
test_concurrent_migration (Fixture *f, gconstpointer data)
{
  for (int round = 0; round < 6; round++)
    {
      make_old_library (f->path, 5);
      g_assert_cmpint (open_at_once (f->path, 3), ==, 0);
      g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, px_store_latest_schema_version ());
      g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM documents"), ==, 4);
      g_assert_cmpuint (count_backups (f->dir), ==, 1);
      fixture_teardown (f, NULL);
      fixture_setup (f, NULL);
    }
}

/* Schema 10 makes undo_log again (a step may be of no document): openers
 * at once keep the annotations' steps, once. */
static void
test_concurrent_migration_undo_log (Fixture *f, gconstpointer data)
{
  for (int round = 0; round < 3; round++)
    {
      make_old_library (f->path, 9);
      exec_sql (f->path, "INSERT INTO undo_log (document_id, annotation_id, action, before, after, time_ms)"
                         " VALUES (1, 1, 'create', NULL, '{}', 1), (1, 1, 'note', '{}', '{}', 2);");
      g_assert_cmpint (open_at_once (f->path, 3), ==, 0);
      g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, px_store_latest_schema_version ());
      g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM undo_log WHERE document_id = 1"), ==, 2);
      g_assert_cmpint (query_int (f->path, "SELECT max(id) FROM undo_log"), ==, 2);
      g_assert_cmpint (
          query_int (f->path, "SELECT \"notnull\" FROM pragma_table_info('undo_log') WHERE name = 'document_id'"), ==,
          0);
      g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM sqlite_master WHERE name = 'undo_log_document'"), ==,
                       1);
      fixture_teardown (f, NULL);
      fixture_setup (f, NULL);
    }
}

/* Issue 15.2: processes creating a library that does not exist yet. */
static void
test_concurrent_creation (Fixture *f, gconstpointer data)
{
  for (int round = 0; round < 6; round++)
    {
      g_autoptr (GDir) dir = NULL;
      const char *name;

      g_assert_cmpint (open_at_once (f->path, 3), ==, 0);
      g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM documents"), ==, 3);
      g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, px_store_latest_schema_version ());
      /* No temporary file is left behind, and no backup of a new library. */
      dir = g_dir_open (f->dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_assert_true (g_str_has_prefix (name, "library.db"));
      g_assert_cmpuint (count_backups (f->dir), ==, 0);
      g_clear_pointer (&dir, g_dir_close);
      fixture_teardown (f, NULL);
      fixture_setup (f, NULL);
    }
}

/* Issue 15.1: a library left at version 6 holding version 7's index (two
 * openers ran step 5 → 6 twice), and one at version 3 holding everything
 * (step 2 → 3 ran again after 7): both are repaired, after a backup. */
static void
test_half_migrated (Fixture *f, gconstpointer data)
{
  make_old_library (f->path, px_store_latest_schema_version ());
  exec_sql (f->path, "PRAGMA user_version = 6;");
  assert_sound (f->path);
  g_assert_cmpuint (count_backups (f->dir), ==, 1);

  exec_sql (f->path, "CREATE INDEX documents_list ON documents (event_id, published, title, outlet_id, author);"
                     "PRAGMA user_version = 3;");
  assert_sound (f->path);
  g_assert_cmpuint (count_backups (f->dir), ==, 2);
}

/* Issue 15.3: user_version -1, 0 and 3 set by hand on a whole library. */
static void
test_odd_versions (Fixture *f, gconstpointer data)
{
  const int versions[] = { -1, 0, 3, -2147483647 };

  make_old_library (f->path, px_store_latest_schema_version ());
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *set = g_strdup_printf ("PRAGMA user_version = %d;", versions[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (PxStore) reader = NULL;

      exec_sql (f->path, set);
      /* Read-only, it cannot be repaired: a clear error, no crash. */
      reader = px_store_open (f->path, PX_STORE_OPEN_READ_ONLY, &error);
      g_assert_null (reader);
      g_assert_nonnull (error);
      g_assert_true (px_store_needs_update (f->path));
      g_clear_error (&error);
      assert_sound (f->path);
      g_assert_cmpuint (count_backups (f->dir), ==, i + 1);
    }
}

/* Issue 15.1: backups made in the same second get different names. */
static void
test_backup_names (Fixture *f, gconstpointer data)
{
  make_old_library (f->path, 6);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PxStore) store = px_store_open (f->path, 0, &error);

      g_assert_no_error (error);
      g_clear_object (&store);
      exec_sql (f->path, "PRAGMA user_version = 6;");
    }
  g_assert_cmpuint (count_backups (f->dir), ==, 3);
}

/* Issue 15.18: a backup that cannot be written (here: past the file size
 * limit, as on a full disk) leaves no file behind, and the library is not
 * migrated without one. */
static void
test_failed_backup (Fixture *f, gconstpointer data)
{
  pid_t pid;
  int status = 0;
  guint n_files = 0;
  g_autoptr (GDir) dir = NULL;
  const char *name;

  make_old_library (f->path, 6);
  {
    /* Make the library larger than the limit below. */
    g_autoptr (GString) sql = g_string_new ("BEGIN;");
    for (int i = 0; i < 40; i++)
      g_string_append_printf (sql,
                              "INSERT INTO documents (title, text, blocks, content_hash, imported, modified)"
                              " VALUES ('Filler %d', hex (randomblob (2000)), 'p 0 1\n', 'f%d', '2020', '2020');",
                              i, i);
    g_string_append (sql, "COMMIT;");
    {
      /* Not sql->str: GCC 16 warns of a NULL dereference there. */
      g_autofree char *text = g_string_free (g_steal_pointer (&sql), FALSE);

      exec_sql (f->path, text);
    }
  }
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit limit = { 64 * 1024, 64 * 1024 };
      g_autoptr (GError) error = NULL;
      g_autoptr (PxStore) store = NULL;

      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);
      store = px_store_open (f->path, 0, &error);
      if (store != NULL)
        _exit (1);
      if (strstr (error->message, "backup") == NULL)
        {
          g_printerr ("%s\n", error->message);
          _exit (2);
        }
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_suffix (name, ".bak"));
      n_files++;
    }
  g_assert_cmpuint (n_files, >, 0); /* the library is still there */
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, 6);
}

/* Issue 15.6: a FIFO is refused at once instead of blocking, and files that
 * are not libraries are never turned into one. */
static void
test_not_libraries (Fixture *f, gconstpointer data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.db", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.db", NULL);
  const char *paths[] = { fifo, empty, foreign };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  /* Another program's database that holds nothing yet. */
  exec_sql (foreign, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); DROP TABLE t;");
  g_assert_cmpint (query_int (foreign, "SELECT count(*) FROM sqlite_master"), ==, 0);

  alarm (20); /* a blocking open would hang the test */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    for (int flags = 0; flags < 4; flags++)
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (PxStore) store = px_store_open (paths[i], flags, &error);
        GStatBuf st;

        g_assert_null (store);
        g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_A_LIBRARY);
        g_assert_cmpint (g_stat (paths[i], &st), ==, 0);
        if (paths[i] == empty)
          g_assert_cmpint (st.st_size, ==, 0);
      }
  alarm (0);
  g_assert_cmpint (query_int (foreign, "PRAGMA application_id"), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/library-open/concurrent-migration", test_concurrent_migration);
  ADD ("/library-open/concurrent-migration-undo-log", test_concurrent_migration_undo_log);
  ADD ("/library-open/concurrent-creation", test_concurrent_creation);
  ADD ("/library-open/half-migrated", test_half_migrated);
  ADD ("/library-open/odd-versions", test_odd_versions);
  ADD ("/library-open/backup-names", test_backup_names);
  ADD ("/library-open/not-libraries", test_not_libraries);
  ADD ("/library-open/failed-backup", test_failed_backup);
#undef ADD
  return g_test_run ();
}
