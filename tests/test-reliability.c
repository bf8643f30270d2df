/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A library in trouble: crashed mid-write, cut off, damaged, read-only,
 * shared with another writer, or on a full disk. Each case keeps what was
 * saved and says clearly what is wrong. */
#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compare/px-comparison.h"
#include "export/px-export.h"
#include "library/px-store-private.h"

#define NOBODY 65534

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("px-reliability-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "library.db", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
    }
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
make_doc (int i, gsize paragraph_bytes)
{
  PxDocument *doc = px_document_new ();
  g_autofree char *title = g_strdup_printf ("Tide report number %d", i);
  g_autoptr (GString) body = g_string_new (NULL);

  while (body->len < paragraph_bytes)
    g_string_append_printf (body, "The evening tide at the north quay rose %d centimetres above the mark. ", i);
  px_document_set_title (doc, title);
  px_document_set_outlet (doc, i % 2 ? "Harbour Gazette" : "Quayside Post");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, body->str);
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, "The harbour master confirmed the reading.");
  return doc;
}

/* A closed library with @n documents, its WAL checkpointed into the file. */
static void
make_library (const char *path, int n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, 0, &error);

  g_assert_no_error (error);
  for (int i = 0; i < n; i++)
    {
      g_autoptr (PxDocument) doc = make_doc (i, 600);
      g_assert_true (px_store_add_document (store, doc, NULL, &error));
      g_assert_no_error (error);
    }
}

static gint64
count_documents (const char *path, PxStoreOpenFlags flags)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, flags, &error);
  gint64 n;

  g_assert_no_error (error);
  n = px_store_count_documents (store, &error);
  g_assert_no_error (error);
  return n;
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static void
assert_refused_unchanged (const char *path, int code)
{
  g_autoptr (GBytes) before = read_bytes (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, 0, &error);

  g_assert_null (store);
  g_assert_error (error, PX_STORE_ERROR, code);
  g_assert_null (strchr (error->message, '\n'));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Killed in the middle of a transaction in rollback-journal mode (as a
 * library is while it is being created): the hot journal is rolled back
 * and the library opens. */
static void
test_hot_journal (Fixture *f, gconstpointer data)
{
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  pid_t pid;
  int status;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db;
      if (sqlite3_open (f->path, &db) != SQLITE_OK ||
          sqlite3_exec (db,
                        "PRAGMA cache_size = 1; BEGIN;"
                        "CREATE TABLE filler (x BLOB);"
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
                        " INSERT INTO filler SELECT randomblob(3000) FROM n;",
                        NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      _exit (0); /* as if killed: no commit, no close */
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  g_assert_cmpint (count_documents (f->path, 0), ==, 0);
  make_library (f->path, 2);
  g_assert_cmpint (count_documents (f->path, 0), ==, 2);
}

/* A copy that did not finish: the file is shorter than its header says. */
static void
test_truncated (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) whole = NULL;
  gsize len;

  make_library (f->path, 40);
  whole = read_bytes (f->path);
  len = g_bytes_get_size (whole);
  g_assert_cmpuint (len, >, 8 * 4096);

  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (whole, NULL), len / 2, NULL));
  assert_refused_unchanged (f->path, PX_STORE_ERROR_CORRUPT);
  /* Cut inside the 100-byte header. */
  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (whole, NULL), 60, NULL));
  assert_refused_unchanged (f->path, PX_STORE_ERROR_CORRUPT);
  /* Cut at the first page: the schema is there, the rest is not. */
  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (whole, NULL), 4096, NULL));
  assert_refused_unchanged (f->path, PX_STORE_ERROR_CORRUPT);
}

/* Damage in the middle of the file: the library may open, but the check
 * finds it, and reading a damaged document says so. Nothing is written. */
static void
test_damaged_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) whole = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autofree char *damaged = NULL;
  gsize len;

  make_library (f->path, 60);
  whole = read_bytes (f->path);
  len = g_bytes_get_size (whole);
  damaged = g_memdup2 (g_bytes_get_data (whole, NULL), len);
  /* Every page after the first few gets garbage in its middle. */
  for (gsize page = 4; page * 4096 < len; page++)
    memset (damaged + page * 4096 + 1000, 0x5A, 1500);
  g_assert_true (g_file_set_contents (f->path, damaged, len, NULL));
  g_clear_pointer (&whole, g_bytes_unref);
  whole = read_bytes (f->path);

  store = px_store_open (f->path, 0, &error);
  if (store == NULL)
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT);
  else
    {
      g_assert_no_error (error);
      g_assert_false (px_store_check (store, &error));
      g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "damaged"));
      g_clear_error (&error);
      for (gint64 id = 1; id <= 60 && error == NULL; id++)
        {
          PxDocument *doc = px_store_load_document (store, id, &error);
          g_clear_object (&doc);
        }
      g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT);
    }
  g_clear_object (&store);
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (whole, after));
}

/* A writing command checks the whole library before its write only when
 * the file is not as a Parallax process left it after a check: the
 * second opening reads a few pages, not every page again (counted, not
 * timed). Its own writes keep the file known. */
static void
test_check_once (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 first = 0, again = 0, after_write = 0;

  make_library (f->path, 200);
  for (int round = 0; round < 3; round++)
    {
      g_autoptr (PxStore) store = px_store_open (f->path, 0, &error);
      gint64 before;

      g_assert_no_error (error);
      before = px_store_get_pages_read (store);
      g_assert_true (px_store_check_before_write (store, &error));
      g_assert_no_error (error);
      if (round == 0)
        first = px_store_get_pages_read (store) - before;
      else if (round == 1)
        {
          g_autoptr (PxDocument) doc = make_doc (1000, 600);

          again = px_store_get_pages_read (store) - before;
          g_assert_true (px_store_add_document (store, doc, NULL, &error));
          g_assert_no_error (error);
        }
      else
        after_write = px_store_get_pages_read (store) - before;
    }
  g_test_message ("pages read by the check: %" G_GINT64_FORMAT " first, %" G_GINT64_FORMAT " again, %" G_GINT64_FORMAT
                  " after a write",
                  first, again, after_write);
  /* 200 documents of 700 bytes and their indexes: well over 50 pages. */
  g_assert_cmpint (first, >, 50);
  g_assert_cmpint (again * 10, <, first);
  g_assert_cmpint (after_write * 10, <, first);
}

/* Garbage in the middle of every page after the first few, written in
 * place (as in damaged-pages), past the clock tick of the last write
 * (file times on some file systems move in steps of a few ms). */
static void
damage_in_place (const char *path)
{
  char garbage[1500];
  GStatBuf st;
  FILE *file;

  g_usleep (50 * 1000);
  memset (garbage, 0x5A, sizeof garbage);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  for (long page = 4; page * 4096 < (long)st.st_size; page++)
    {
      g_assert_cmpint (fseek (file, page * 4096 + 1000, SEEK_SET), ==, 0);
      g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, file), ==, sizeof garbage);
    }
  g_assert_cmpint (fclose (file), ==, 0);
}

/* The next opening of @path, or its check before a write, finds the
 * damage. */
static void
assert_check_finds_damage (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, 0, &error);

  if (store == NULL)
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT);
  else
    {
      g_assert_no_error (error);
      g_assert_false (px_store_check_before_write (store, &error));
      g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT);
    }
}

/* Damage written into a library after its last check is always found:
 * the file's change time moved. */
static void
test_check_after_damage (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;

  make_library (f->path, 60);
  store = px_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_true (px_store_check_before_write (store, &error));
  g_clear_object (&store);
  damage_in_place (f->path);

  assert_check_finds_damage (f->path);
}

/* Pages a writing command's check reads at a fresh opening of @path: a
 * few when the file is known, every page when it is read in full. */
static gint64
pages_checked (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, 0, &error);
  gint64 before;

  g_assert_no_error (error);
  before = px_store_get_pages_read (store);
  g_assert_true (px_store_check_before_write (store, &error));
  g_assert_no_error (error);
  return px_store_get_pages_read (store) - before;
}

/* Damage met during a session (after the check let the library through)
 * is not vouched for at its close: the next opening reads it in full. */
static void
test_check_damage_in_session (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;

  make_library (f->path, 60);
  g_assert_cmpint (pages_checked (f->path), >, 20);
  g_assert_cmpint (pages_checked (f->path), <, 10);
  store = px_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_true (px_store_check_before_write (store, &error));
  damage_in_place (f->path);
  /* Reading every row meets the damage. */
  g_assert_false (_px_store_exec (store, "SELECT sum (length (title)) FROM documents;", &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_clear_object (&store);
  g_assert_false (_px_store_is_known_checked (f->path));

  assert_check_finds_damage (f->path);
}

/* A library marked damaged by the window is not vouched for either. */
static void
test_check_forbidden_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;

  make_library (f->path, 60);
  g_assert_cmpint (pages_checked (f->path), >, 20);
  store = px_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_true (px_store_check_before_write (store, &error));
  px_store_forbid_writes (store, PX_STORE_ACCESS_READ_ONLY_DAMAGED);
  g_clear_object (&store);
  g_assert_cmpint (pages_checked (f->path), >, 20);
}

/* Another connection's commits during a checked session are not vouched
 * for: neither at the checked connection's close nor while they wait in
 * the write-ahead log (the library file itself unchanged). */
static void
test_check_other_writer (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) checked = NULL;
  g_autoptr (PxStore) other = NULL;
  g_autoptr (PxDocument) doc = make_doc (500, 600);
  g_autoptr (PxDocument) doc2 = make_doc (501, 600);

  make_library (f->path, 60);
  g_assert_cmpint (pages_checked (f->path), >, 20);
  checked = px_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_true (px_store_check_before_write (checked, &error));
  other = px_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_true (px_store_add_document (other, doc, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&checked);
  g_clear_object (&other);
  g_assert_cmpint (pages_checked (f->path), >, 20);

  /* Checked and closed while another connection keeps the log; that
   * connection then commits into the log only. */
  other = px_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pages_checked (f->path), <, 10);
  g_assert_true (px_store_add_document (other, doc2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pages_checked (f->path), >, 20);
}

/* Once damage is found, the window stops writing through its connection:
 * every write fails, whatever statement tries, and reading goes on. */
static void
test_forbid_writes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxDocument) doc = make_doc (77, 100);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  make_library (f->path, 3);
  store = px_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_access (store), ==, PX_STORE_ACCESS_WRITABLE);
  g_assert_false (px_store_is_read_only (store));
  before = read_bytes (f->path);

  px_store_forbid_writes (store, PX_STORE_ACCESS_READ_ONLY_DAMAGED);
  g_assert_cmpint (px_store_get_access (store), ==, PX_STORE_ACCESS_READ_ONLY_DAMAGED);
  g_assert_true (px_store_is_read_only (store));
  g_assert_false (px_store_add_document (store, doc, NULL, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);
  /* Even SQL that skips the store's own check is refused by SQLite. */
  g_assert_false (_px_store_exec (store, "DELETE FROM documents;", &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (px_store_count_documents (store, &error), ==, 3);
  g_assert_no_error (error);
  g_clear_object (&store);
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* "Export what can be read": one damaged page of articles costs those
 * articles, not the export; the index lists what was lost. */
static void
test_export_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GPtrArray) written = NULL;
  g_autofree char *out = g_build_filename (f->dir, "export", NULL);
  g_autofree char *index = NULL;
  g_autofree char *damaged = NULL;
  g_autoptr (GBytes) whole = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int page = 0;
  gsize len;

  make_library (f->path, 40);
  /* The second leaf page of the documents table. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'leaf' "
                                       "ORDER BY pageno LIMIT 1 OFFSET 1",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  whole = read_bytes (f->path);
  len = g_bytes_get_size (whole);
  damaged = g_memdup2 (g_bytes_get_data (whole, NULL), len);
  memset (damaged + (page - 1) * 4096 + 8, 0x5A, 3990);
  g_assert_true (g_file_set_contents (f->path, damaged, len, NULL));

  store = px_store_open (f->path, PX_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  written = px_export_library_to_dir (store, out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (written);
  /* Some articles were lost, most were not. */
  g_assert_cmpuint (written->len, <, 41);
  g_assert_cmpuint (written->len, >, 20);
  g_assert_true (g_file_get_contents (g_ptr_array_index (written, written->len - 1), &index, NULL, NULL));
  g_assert_nonnull (strstr (index, "## Could not be read"));
  g_assert_nonnull (strstr (index, "- Tide report number"));
}

static void
test_check_healthy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;

  make_library (f->path, 5);
  store = px_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_true (px_store_check (store, &error));
  g_assert_no_error (error);
}

/* Runs the rest of a test in a child process that cannot write what its
 * owner made read-only: as root, permissions do not apply, so the child
 * becomes "nobody". Returns TRUE in the child. */
static gboolean
as_unprivileged_child (void)
{
  if (g_test_subprocess ())
    {
      if (getuid () == 0 && (setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
        {
          g_test_skip ("cannot drop root privileges here");
          return FALSE;
        }
      return TRUE;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

static void
give_to_nobody (const char *path)
{
  if (getuid () == 0)
    g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
}

static void
assert_read_only_library (const char *path, gint64 n_docs, PxStoreAccess access)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, 0, &error);
  g_autoptr (PxDocument) doc = make_doc (999, 100);
  g_autoptr (GArray) hits = NULL;

  g_assert_no_error (error);
  g_assert_true (px_store_is_read_only (store));
  /* The window tells the user which of these it is. */
  g_assert_cmpint (px_store_get_access (store), ==, access);
  g_assert_cmpint (px_store_count_documents (store, &error), ==, n_docs);
  g_assert_no_error (error);
  hits = px_store_search_documents (store, "tide", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, n_docs);
  g_assert_true (px_store_check (store, &error));
  g_assert_no_error (error);

  g_assert_false (px_store_add_document (store, doc, NULL, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (px_store_delete_document (store, 1, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY);
}

/* chmod 0444: opens read-only, reads work, changes are refused. */
static void
test_read_only_file (Fixture *f, gconstpointer data)
{
  if (!g_test_subprocess ())
    {
      make_library (f->path, 3);
      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
      g_setenv ("PX_TEST_LIBRARY", f->path, TRUE);
    }
  if (as_unprivileged_child ())
    {
      const char *path = g_getenv ("PX_TEST_LIBRARY");
      g_autoptr (GBytes) before = read_bytes (path);
      g_autoptr (GBytes) after = NULL;

      assert_read_only_library (path, 3, PX_STORE_ACCESS_READ_ONLY_FILE);
      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* A writable file in a folder that is not (a library on a read-only
 * share): SQLite could not create its -wal and -shm files there. */
static void
test_read_only_folder (Fixture *f, gconstpointer data)
{
  if (!g_test_subprocess ())
    {
      g_autofree char *sub = g_build_filename (f->dir, "shelf", NULL);
      g_autofree char *path = g_build_filename (sub, "library.db", NULL);

      g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
      make_library (path, 4);
      give_to_nobody (path);
      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
      g_setenv ("PX_TEST_LIBRARY", path, TRUE);
    }
  if (as_unprivileged_child ())
    {
      const char *path = g_getenv ("PX_TEST_LIBRARY");
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *missing = g_build_filename (dir, "new.db", NULL);
      g_autoptr (GError) error = NULL;

      assert_read_only_library (path, 4, PX_STORE_ACCESS_READ_ONLY_FOLDER);
      /* Nor can a new library be made there. */
      g_assert_null (px_store_open (missing, 0, &error));
      g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY);
    }
}

typedef struct
{
  const char *path;
  int first;
  int n;
  GError *error;
} Writer;

static gpointer
write_documents (gpointer data)
{
  Writer *w = data;
  g_autoptr (PxStore) store = px_store_open (w->path, 0, &w->error);

  for (int i = w->first; store != NULL && i < w->first + w->n; i++)
    {
      g_autoptr (PxDocument) doc = make_doc (i, 3000);
      if (!px_store_add_document (store, doc, NULL, &w->error))
        break;
    }
  return NULL;
}

static gpointer
read_while_writing (gpointer data)
{
  Writer *w = data;
  g_autoptr (PxStore) store = px_store_open (w->path, 0, &w->error);

  for (int i = 0; store != NULL && i < w->n; i++)
    {
      g_autoptr (GPtrArray) rows = px_store_list_documents (store, &w->error);
      if (rows == NULL)
        break;
    }
  return NULL;
}

/* Two writers and a reader on one library at once, each with its own
 * connection (as the window and an import, or two Parallax processes):
 * every write succeeds, nothing is damaged. */
static void
test_concurrent_writers (Fixture *f, gconstpointer data)
{
  Writer a = { f->path, 0, 25, NULL };
  Writer b = { f->path, 1000, 25, NULL };
  Writer r = { f->path, 0, 40, NULL };
  GThread *threads[3];
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;

  make_library (f->path, 0);
  threads[0] = g_thread_new ("writer-a", write_documents, &a);
  threads[1] = g_thread_new ("writer-b", write_documents, &b);
  threads[2] = g_thread_new ("reader", read_while_writing, &r);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_no_error (a.error);
  g_assert_no_error (b.error);
  g_assert_no_error (r.error);

  store = px_store_open (f->path, 0, &error);
  g_assert_cmpint (px_store_count_documents (store, &error), ==, 50);
  g_assert_true (px_store_check (store, &error));
  g_assert_no_error (error);
}

/* A writer that holds the library longer than the busy timeout: the
 * other gets a clear "busy" error, not a damaged library. */
static void
test_busy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxDocument) doc = make_doc (1, 100);
  sqlite3 *db;
  gint64 start;

  make_library (f->path, 1);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE;", NULL, NULL, NULL), ==, SQLITE_OK);

  store = px_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_false (px_store_add_document (store, doc, NULL, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_BUSY);
  /* It waited for the other writer before giving up. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 4 * G_USEC_PER_SEC);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  g_assert_no_error (error);
}

/* Fills the library until the (real or simulated) disk is full. Returns
 * how many documents were added before the failure. */
static int
fill_until_full (PxStore *store, int first, GError **error)
{
  for (int i = first; i < first + 100000; i++)
    {
      g_autoptr (PxDocument) doc = make_doc (i, 4000);
      if (!px_store_add_document (store, doc, NULL, error))
        return i - first;
    }
  g_assert_not_reached ();
}

static void
assert_full_then_recovers (PxStore *store, const char *path, void (*free_space) (gpointer), gpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (PxDocument) retry = NULL;
  gint64 before;
  int added;

  added = fill_until_full (store, 0, &error);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_FULL);
  g_assert_cmpstr (error->message, ==, "The disk is full");
  g_assert_cmpint (added, >, 0);
  g_clear_error (&error);

  /* What was saved before is intact, and the store still answers. */
  before = px_store_count_documents (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (before, ==, added);
  rows = px_store_list_documents (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, added);
  g_assert_true (px_store_check (store, &error));
  g_assert_no_error (error);

  /* The same action fails the same way while the disk is full … */
  retry = make_doc (added, 4000);
  g_assert_false (px_store_add_document (store, retry, NULL, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_FULL);
  g_clear_error (&error);

  /* … and works once space is freed. */
  free_space (data);
  g_assert_true (px_store_add_document (store, retry, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_documents (path, 0), ==, added + 1);
}

static void
raise_page_limit (gpointer data)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA max_page_count = %d;", 100000);
  g_assert_cmpint (sqlite3_exec (_px_store_get_db (data), pragma, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* SQLite's page limit stands in for a full disk where a small file system
 * cannot be mounted; the real one is the next test. */
static void
test_full_page_limit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  sqlite3_stmt *stmt;
  int pages;

  make_library (f->path, 0);
  store = px_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (_px_store_get_db (store), "PRAGMA page_count;", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  {
    g_autofree char *pragma = g_strdup_printf ("PRAGMA max_page_count = %d;", pages + 40);
    g_assert_cmpint (sqlite3_exec (_px_store_get_db (store), pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  assert_full_then_recovers (store, f->path, raise_page_limit, store);
}

static void
remove_ballast (gpointer data)
{
  g_assert_cmpint (g_unlink (data), ==, 0);
}

/* A real full disk: tests/test-full-disk.sh mounts a small tmpfs and
 * names it in PX_TEST_FULL_DISK_DIR. A ballast file takes most of it; the
 * library fills the rest; deleting the ballast frees space. */
static void
test_full_tmpfs (void)
{
  const char *disk = g_getenv ("PX_TEST_FULL_DISK_DIR");
  g_autofree char *path = NULL;
  g_autofree char *ballast = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;

  if (disk == NULL)
    {
      g_test_skip ("needs a small file system: run by tests/test-full-disk.sh");
      return;
    }
  path = g_build_filename (disk, "library.db", NULL);
  ballast = g_build_filename (disk, "ballast", NULL);
  store = px_store_open (path, 0, &error);
  g_assert_no_error (error);
  /* Fill the disk, then free 400 KB for the library to grow into. */
  {
    FILE *fp = fopen (ballast, "wb");
    char block[4096] = { 0 };
    goffset written = 0;

    g_assert_nonnull (fp);
    while (fwrite (block, 1, sizeof block, fp) == sizeof block && fflush (fp) == 0)
      written += sizeof block;
    fclose (fp);
    g_assert_cmpint (written, >, 400 * 1024);
    g_assert_cmpint (truncate (ballast, written - 400 * 1024), ==, 0);
  }
  assert_full_then_recovers (store, path, remove_ballast, ballast);
}

/* Issue 15.17: a 50 KB search is refused with a clear message, not
 * SQLite's "LIKE or GLOB pattern too complex". */
static void
test_long_search (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GString) query = g_string_new (NULL);
  g_autoptr (GArray) ids = NULL;

  make_library (f->path, 2);
  store = px_store_open (f->path, PX_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  while (query->len < 50000)
    g_string_append (query, "tide quay ");
  ids = px_store_search_documents (store, query->str, &error);
  g_assert_null (ids);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "too long"));
  g_clear_error (&error);
  g_string_truncate (query, PX_STORE_MAX_SEARCH_CHARS);
  ids = px_store_search_documents (store, query->str, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
}

/* Issue 15.19: comparing an event whose only document has no words (as
 * UBSan saw, NULL went to qsort). */
static void
test_compare_no_words (void)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxComparison) cmp = NULL;
  PxDocument *doc = px_document_new ();

  px_document_set_id (doc, 1);
  px_document_set_title (doc, "1234");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, "— … !! ?");
  g_ptr_array_add (docs, doc);
  cmp = px_comparison_new (docs, NULL);
  g_assert_nonnull (cmp);
  g_assert_cmpuint (px_comparison_get_n_documents (cmp), ==, 1);
}

int
main (int argc, char *argv[])
{
  /* A cache folder of its own (where checked libraries are noted), set
   * before GLib reads it. */
  g_autofree char *cache = g_dir_make_tmp ("px-reliability-cache-XXXXXX", NULL);
  int status;

  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/reliability/hot-journal", test_hot_journal);
  ADD ("/reliability/truncated", test_truncated);
  ADD ("/reliability/damaged-pages", test_damaged_pages);
  ADD ("/reliability/check-once", test_check_once);
  ADD ("/reliability/check-after-damage", test_check_after_damage);
  ADD ("/reliability/check-damage-in-session", test_check_damage_in_session);
  ADD ("/reliability/check-forbidden-damaged", test_check_forbidden_damaged);
  ADD ("/reliability/check-other-writer", test_check_other_writer);
  ADD ("/reliability/forbid-writes", test_forbid_writes);
  ADD ("/reliability/export-damaged", test_export_damaged);
  ADD ("/reliability/check-healthy", test_check_healthy);
  ADD ("/reliability/read-only-file", test_read_only_file);
  ADD ("/reliability/read-only-folder", test_read_only_folder);
  ADD ("/reliability/concurrent-writers", test_concurrent_writers);
  ADD ("/reliability/busy", test_busy);
  ADD ("/reliability/full-disk/page-limit", test_full_page_limit);
  ADD ("/reliability/long-search", test_long_search);
#undef ADD
  g_test_add_func ("/reliability/full-disk/tmpfs", test_full_tmpfs);
  g_test_add_func ("/reliability/compare-no-words", test_compare_no_words);
  status = g_test_run ();
  remove_tree (cache);
  return status;
}
