/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "library/px-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

struct _PxStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  gboolean read_only;
  PxStoreAccess access;
  int schema_version;
  GHashTable *statements; /* SQL text → sqlite3_stmt */
  guint transaction_depth;
  gboolean full_in_transaction; /* a write failed for want of space */
  char *file_key;               /* in open_files while open */
  gboolean checked;             /* found undamaged here: remembered at close */
  gint64 checked_version;       /* PRAGMA data_version then */
};

/* The library files this process has open ("device:inode" → count). A
 * file once opened by SQLite is never read with open() and close() again
 * while it is: POSIX drops every lock a process holds on a file when any
 * of its descriptors for it is closed, and a window that lost its shared
 * lock would let another process delete the WAL it still writes to. */
static GMutex open_files_lock;
static GHashTable *open_files;

static char *
file_key_of (const GStatBuf *st)
{
  return g_strdup_printf ("%ju:%ju", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
}

static gboolean
file_is_open (const char *key)
{
  gboolean open;

  g_mutex_lock (&open_files_lock);
  open = open_files != NULL && g_hash_table_contains (open_files, key);
  g_mutex_unlock (&open_files_lock);
  return open;
}

static void
file_opened (const char *key)
{
  g_mutex_lock (&open_files_lock);
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_replace (open_files, g_strdup (key),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (open_files, key)) + 1));
  g_mutex_unlock (&open_files_lock);
}

static void
file_closed (const char *key)
{
  guint n;

  g_mutex_lock (&open_files_lock);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, key));
  if (n <= 1)
    g_hash_table_remove (open_files, key);
  else
    g_hash_table_replace (open_files, g_strdup (key), GUINT_TO_POINTER (n - 1));
  g_mutex_unlock (&open_files_lock);
}

G_DEFINE_FINAL_TYPE (PxStore, px_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (px_store_error_quark, px_store_error)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* PRAGMA data_version: moves only when another connection commits. -1
 * when it cannot be read. */
static gint64
data_version (PxStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version;", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static void
mark_checked (PxStore *self)
{
  self->checked_version = data_version (self);
  self->checked = self->checked_version >= 0;
}

/* Damage was seen: nothing vouches for the file any more. */
static void
forget_checked (PxStore *self)
{
  self->checked = FALSE;
  _px_store_forget_checked (self->path);
}

static void
px_store_finalize (GObject *object)
{
  PxStore *self = PX_STORE (object);

  g_hash_table_unref (self->statements);
  /* Another connection committed since the check: what it wrote was not
   * checked, so the file is not one to vouch for. */
  if (self->db != NULL && self->checked && data_version (self) != self->checked_version)
    forget_checked (self);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      /* After the close, which may have moved the write-ahead log into
       * the file: the state to recognise at the next opening. */
      if (self->checked)
        _px_store_remember_checked (self->path);
    }
  if (self->file_key != NULL)
    file_closed (self->file_key);
  g_free (self->file_key);
  g_free (self->path);

  G_OBJECT_CLASS (px_store_parent_class)->finalize (object);
}

static void
px_store_class_init (PxStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_store_finalize;
}

static void
px_store_init (PxStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* Copies @s to *@at and moves it on; NULL stays NULL. */
char *
px_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "parallax", "library.db", NULL);
}

int
px_store_latest_schema_version (void)
{
  return _px_store_schema_latest ();
}

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return PX_STORE_ERROR_FULL;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return PX_STORE_ERROR_IO;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return PX_STORE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return PX_STORE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
      return PX_STORE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return PX_STORE_ERROR_NOT_A_LIBRARY;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return PX_STORE_ERROR_INVALID;
    default:
      return PX_STORE_ERROR_FAILED;
    }
}

/* SQLite reports a disk that filled up while it grew its -shm or -wal
 * file, or wrote a page, as an I/O error: errno says what it was. */
static int
full_if_no_space (sqlite3 *db, int rc)
{
  int saved = db != NULL ? sqlite3_system_errno (db) : 0;

  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_FULL && (saved == ENOSPC || saved == EDQUOT))
    return SQLITE_FULL;
  return rc;
}

static const char *
message_for_code (int code)
{
  switch (code)
    {
    case PX_STORE_ERROR_FULL:
      return _ ("The disk is full");
    case PX_STORE_ERROR_IO:
      return _ ("The library file could not be read or written");
    case PX_STORE_ERROR_BUSY:
      return _ ("The library is busy in another program");
    case PX_STORE_ERROR_READ_ONLY:
      return _ ("The library is read-only");
    case PX_STORE_ERROR_CORRUPT:
      return _ ("The library file is damaged");
    case PX_STORE_ERROR_NOT_A_LIBRARY:
      return _ ("The file is not a Parallax library");
    default:
      return _ ("The library reported an error");
    }
}

static gboolean
set_sqlite_error (int rc, const char *detail, GError **error)
{
  int code = error_code_for_sqlite (rc);

  if (detail != NULL && *detail != '\0' && code == PX_STORE_ERROR_FAILED)
    g_set_error (error, PX_STORE_ERROR, code, "%s (%s)", message_for_code (code), detail);
  else
    g_set_error_literal (error, PX_STORE_ERROR, code, message_for_code (code));
  return FALSE;
}

GArray *
_px_store_collect_ids (PxStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
_px_store_collect_strings (PxStore *self, sqlite3_stmt *stmt, GStrvBuilder *builder, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _px_store_fail (self, rc, error);
}

gboolean
_px_store_fail (PxStore *self, int rc, GError **error)
{
  rc = full_if_no_space (self->db, rc);
  if ((rc & 0xff) == SQLITE_FULL)
    self->full_in_transaction = TRUE;
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_IOERR)
    forget_checked (self);
  return set_sqlite_error (rc, sqlite3_errmsg (self->db), error);
}

sqlite3 *
_px_store_get_db (PxStore *self)
{
  return self->db;
}

sqlite3_stmt *
_px_store_prepare (PxStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_px_store_exec (PxStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _px_store_fail (self, rc, error);
  return TRUE;
}

gboolean
_px_store_step_done (PxStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  gboolean ok = rc == SQLITE_DONE || rc == SQLITE_ROW;

  if (!ok)
    _px_store_fail (self, rc, error);
  sqlite3_reset (stmt);
  return ok;
}

gboolean
_px_store_check_writable (PxStore *self, GError **error)
{
  if (self->read_only)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY,
                           self->access == PX_STORE_ACCESS_READ_ONLY_DAMAGED
                               ? _ ("The library is damaged, so nothing more is saved to it")
                               : _ ("The library is open read-only, so it cannot be changed"));
      return FALSE;
    }
  return TRUE;
}

char *
_px_store_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
_px_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_px_column_dup (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text ? g_strdup ((const char *)text) : NULL;
}

const char *
px_store_get_path (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return self->path;
}

gboolean
px_store_is_read_only (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), TRUE);
  return self->read_only;
}

PxStoreAccess
px_store_get_access (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), PX_STORE_ACCESS_READ_ONLY_ASKED);
  return self->access;
}

void
px_store_forbid_writes (PxStore *self, PxStoreAccess reason)
{
  g_return_if_fail (PX_IS_STORE (self));
  g_return_if_fail (reason != PX_STORE_ACCESS_WRITABLE);

  self->access = reason;
  if (reason == PX_STORE_ACCESS_READ_ONLY_DAMAGED)
    forget_checked (self);
  if (self->read_only)
    return;
  self->read_only = TRUE;
  /* SQLite itself then refuses every write, whichever statement tries. */
  if (sqlite3_exec (self->db, "PRAGMA query_only = ON;", NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Could not make %s read-only: %s", self->path, sqlite3_errmsg (self->db));
}

int
px_store_get_schema_version (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), 0);
  return self->schema_version;
}

/* Reads one integer pragma; -1 when the database cannot be read. */
static int
read_pragma_int (sqlite3 *db, const char *pragma, int *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;
  int rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc_out)
    *rc_out = rc;
  return value;
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static goffset
file_size (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 ? (goffset)st.st_size : -1;
}

/* After a crash in the middle of a transaction in rollback-journal mode
 * (as when a new library is set up), the main file may still hold pages
 * not yet rolled back, even a blank first page: the -journal file, with
 * SQLite's magic number, holds what must be put back. */
static gboolean
has_hot_journal (const char *path)
{
  static const guchar magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guchar head[8];
  gssize n;
  int fd = g_open (journal, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  n = read (fd, head, sizeof head);
  close (fd);
  return n == sizeof head && memcmp (head, magic, sizeof magic) == 0;
}

/* Lets SQLite roll back a hot journal, as any writer opening the file
 * would. */
static void
roll_back_hot_journal (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      sqlite3_exec (db, "PRAGMA schema_version;", NULL, NULL, NULL);
    }
  sqlite3_close_v2 (db);
}

/* A library file must start with the SQLite header; anything else is
 * someone's document, which we must not touch. A file shorter than its
 * header says was cut off (a copy that did not finish, a full disk). */
static gboolean
check_file_header_once (const char *path, gboolean rolled_back, gboolean *is_empty, gboolean *recovered, GError **error)
{
  guchar header[100];
  gssize n;
  guint32 page_size, n_pages;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  *is_empty = FALSE;
  if (fd < 0)
    {
      int saved = errno;
      if (saved == EACCES)
        g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY, _ ("You do not have permission to read “%s”"),
                     path);
      else
        g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_IO, _ ("Could not open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);
  if (n == 0)
    {
      *is_empty = TRUE;
      return TRUE;
    }
  if ((n < 16 || memcmp (header, "SQLite format 3", 16) != 0) && has_hot_journal (path) && g_access (path, W_OK) == 0 &&
      !rolled_back)
    {
      roll_back_hot_journal (path);
      *recovered = TRUE;
      return check_file_header_once (path, TRUE, is_empty, recovered, error);
    }
  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_A_LIBRARY, _ ("“%s” is not a Parallax library"), path);
      return FALSE;
    }
  if (n < (gssize)sizeof header)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT,
                   _ ("“%s” is damaged: the file is cut off after %lld bytes"), path, (long long)n);
      return FALSE;
    }

  /* The page count in the header is valid when the "version valid for"
   * number matches the change counter. While a -wal file holds pages,
   * the main file may lag behind, so only check without one. */
  page_size = ((guint32)header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);
  if (n_pages > 0 && read_be32 (header + 24) == read_be32 (header + 92))
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      goffset size = file_size (path);
      goffset wal_size = file_size (wal);

      if (wal_size <= 0 && size >= 0 && size < (goffset)page_size * n_pages)
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT,
                       _ ("“%s” is damaged: the file is cut off (%lld of %lld bytes)"), path, (long long)size,
                       (long long)page_size * n_pages);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_file_header (const char *path, gboolean *is_empty, gboolean *recovered, GError **error)
{
  *recovered = FALSE;
  return check_file_header_once (path, FALSE, is_empty, recovered, error);
}

/* Opens a connection that only reads. A library in WAL mode needs its
 * -shm file, which SQLite cannot create in a folder we may not write to
 * (a read-only share or medium). Nobody can be writing such a library,
 * so it is then opened as immutable, unless a -wal file still holds
 * committed pages that immutable mode would not see. */
static int
open_read_only (const char *path, int extra_flags, sqlite3 **db_out)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | extra_flags, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_exec (db, "PRAGMA schema_version;", NULL, NULL, NULL);
    }
  if ((rc == SQLITE_READONLY_CANTINIT || rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_RECOVERY ||
       (rc & 0xff) == SQLITE_CANTOPEN) &&
      file_size (wal) <= 0)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri ? uri : "", "?immutable=1", NULL);

      sqlite3_close_v2 (db);
      db = NULL;
      rc = sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | extra_flags, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_extended_result_codes (db, 1);
          rc = sqlite3_exec (db, "PRAGMA schema_version;", NULL, NULL, NULL);
        }
    }
  *db_out = db;
  return full_if_no_space (db, rc);
}

static int
read_identity (const char *path, int open_flags, int *app_id, int *version, int *n_tables)
{
  sqlite3 *db = NULL;
  int rc;

  if (open_flags & SQLITE_OPEN_READONLY)
    rc = open_read_only (path, 0, &db);
  else
    rc = sqlite3_open_v2 (path, &db, open_flags, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, 5000);
      *app_id = read_pragma_int (db, "PRAGMA application_id;", &rc);
      if (rc == SQLITE_OK)
        *version = read_pragma_int (db, "PRAGMA user_version;", &rc);
      if (rc == SQLITE_OK)
        *n_tables = read_pragma_int (db, "SELECT count(*) FROM sqlite_master;", &rc);
    }
  rc = full_if_no_space (db, rc);
  sqlite3_close_v2 (db);
  return rc;
}

/* Inspects an existing database without changing what it holds. */
static gboolean
inspect_existing (const char *path, gboolean allow_empty, int *version_out, GError **error)
{
  int rc, app_id = 0, version = 0, n_tables = 0;

  rc = read_identity (path, SQLITE_OPEN_READONLY, &app_id, &version, &n_tables);
  /* After a crash the file may have a hot journal to roll back, or a WAL
   * whose index must be rebuilt; a read-only connection cannot, so let
   * SQLite recover the last committed state as any writer would. */
  if ((rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY || rc == SQLITE_READONLY_CANTINIT) &&
      g_access (path, W_OK) == 0)
    rc = read_identity (path, SQLITE_OPEN_READWRITE, &app_id, &version, &n_tables);

  if (rc != SQLITE_OK)
    {
      int code = error_code_for_sqlite (rc);
      if (code == PX_STORE_ERROR_NOT_A_LIBRARY || code == PX_STORE_ERROR_FAILED)
        code = PX_STORE_ERROR_CORRUPT;
      g_set_error (error, PX_STORE_ERROR, code, "%s: %s", path, message_for_code (code));
      return FALSE;
    }
  if (app_id == 0 && n_tables == 0 && version == 0 && !allow_empty)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_A_LIBRARY,
                   _ ("“%s” is an empty database, not a Parallax library"), path);
      return FALSE;
    }
  if (app_id != PX_STORE_APPLICATION_ID)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_A_LIBRARY,
                   _ ("“%s” is a database of another program, not a Parallax library"), path);
      return FALSE;
    }
  if (version > _px_store_schema_latest ())
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NEWER_VERSION,
                   _ ("“%s” was made by a newer version of Parallax (library version %d; this version reads up to %d)"),
                   path, version, _px_store_schema_latest ());
      return FALSE;
    }
  *version_out = version;
  return TRUE;
}

gboolean
px_store_needs_update (const char *path)
{
  int app_id = 0, version = 0, n_tables = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  if (read_identity (path, SQLITE_OPEN_READONLY, &app_id, &version, &n_tables) != SQLITE_OK)
    return FALSE;
  return app_id == PX_STORE_APPLICATION_ID && version != _px_store_schema_latest () &&
         version < _px_store_schema_latest ();
}

static int
code_for_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
      return PX_STORE_ERROR_FULL;
    case EACCES:
    case EPERM:
    case EROFS:
      return PX_STORE_ERROR_READ_ONLY;
    default:
      return PX_STORE_ERROR_IO;
    }
}

/* Keeps a copy of the library as it was before a schema change, so a
 * failed or unwanted migration can always be undone by hand. Called while
 * @db holds the write lock: a second connection reads the last committed
 * state. The name is new (two openers in the same second each get their
 * own) and the file is the user's only, removed again when the copy fails. */
static gboolean
backup_before_migration (const char *path, int version, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *backup = NULL;
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc, fd = -1;

  for (int n = 1; fd < 0 && n < 1000; n++)
    {
      g_free (backup);
      backup = n == 1 ? g_strdup_printf ("%s.v%d-%s.bak", path, version, stamp)
                      : g_strdup_printf ("%s.v%d-%s-%d.bak", path, version, stamp, n);
      fd = g_open (backup, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        break;
    }
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, PX_STORE_ERROR, code_for_errno (saved),
                   _ ("Could not write a backup of the library before updating it: %s"), g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (path, &reader, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (reader, 5000);
      rc = sqlite3_prepare_v2 (reader, "VACUUM INTO ?;", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (reader);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      g_remove (backup);
      g_set_error (error, PX_STORE_ERROR, error_code_for_sqlite (rc),
                   _ ("Could not write a backup of the library before updating it: %s"),
                   (rc & 0xff) == SQLITE_FULL ? message_for_code (PX_STORE_ERROR_FULL) : sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* SQLite writes its -wal and -shm files beside the library. */
static gboolean
folder_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  return g_access (dir, W_OK) == 0;
}

/* Builds a new library beside @path under a temporary name and moves it
 * into place only when it is complete, without replacing a file: two
 * processes creating the same library at once both end up with the one
 * that got there first, and a file at @path is always a whole library. */
static gboolean
create_library (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = NULL;
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d;", PX_STORE_APPLICATION_ID);
  g_autoptr (GError) local_error = NULL;
  sqlite3 *db = NULL;
  int fd, rc;
  gboolean ok;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, PX_STORE_ERROR, code_for_errno (saved), _ ("Could not create the folder “%s”: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  /* User-only permissions: notes can be private. SQLite gives its -wal and
   * -shm files the same mode as the database. */
  tmp = g_strdup_printf ("%s/.%s.new-XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, PX_STORE_ERROR, code_for_errno (saved), _ ("Could not create “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, set_id, NULL, NULL, NULL);
  ok = rc == SQLITE_OK && _px_store_schema_migrate (db, 0, _px_store_schema_latest (), &local_error);
  if (!ok && local_error == NULL)
    set_sqlite_error (rc, NULL, &local_error);
  /* The last connection checkpoints the WAL into the file and removes it. */
  if (sqlite3_close (db) != SQLITE_OK && ok)
    {
      ok = FALSE;
      g_set_error_literal (&local_error, PX_STORE_ERROR, PX_STORE_ERROR_IO, message_for_code (PX_STORE_ERROR_IO));
    }
  if (ok && renameat2 (AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) != 0)
    {
      int saved = errno;

      /* A file system without RENAME_NOREPLACE: a hard link does not
       * replace either. */
      if (saved == EINVAL || saved == ENOSYS || saved == ENOTSUP)
        saved = link (tmp, path) == 0 ? 0 : errno;
      /* EEXIST: another process made the library first; use it. */
      if (saved != 0 && saved != EEXIST)
        {
          ok = FALSE;
          g_set_error (&local_error, PX_STORE_ERROR, code_for_errno (saved), _ ("Could not create “%s”: %s"), path,
                       g_strerror (saved));
        }
    }
  g_remove (tmp);
  if (!ok)
    {
      g_autofree char *wal = g_strconcat (tmp, "-wal", NULL);
      g_autofree char *shm = g_strconcat (tmp, "-shm", NULL);

      g_remove (wal);
      g_remove (shm);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}

/* Reads an integer pragma or query. */
static gboolean
read_int_locked (PxStore *self, const char *sql, int *out, GError **error)
{
  int rc;

  *out = read_pragma_int (self->db, sql, &rc);
  if (rc != SQLITE_OK)
    return _px_store_fail (self, rc, error);
  return TRUE;
}

/* Brings a writable library to the latest version. The version is read
 * again under the write lock, so any number of processes may open an old
 * library at once: the first migrates (after a backup), the others find
 * it done. A library whose version does not match its schema (left half
 * migrated by an older Parallax, or a user_version set by hand) is
 * repaired from what its schema really holds. */
static gboolean
update_schema (PxStore *self, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  int stored = 0, app_id = 0, n_tables = 0, actual;
  gboolean ok = FALSE;

  /* Up to date (the usual case): no write lock needed, since nothing
   * ever moves a library back to an older version. */
  if (read_int_locked (self, "PRAGMA user_version;", &stored, &local_error) &&
      read_int_locked (self, "PRAGMA application_id;", &app_id, &local_error) && stored == _px_store_schema_latest () &&
      app_id == PX_STORE_APPLICATION_ID && _px_store_schema_detect (self->db) == stored)
    return TRUE;
  g_clear_error (&local_error);

  /* A migration can take a while on a large library: wait for it. */
  sqlite3_busy_timeout (self->db, 120000);
  if (!_px_store_exec (self, "BEGIN IMMEDIATE;", error))
    goto out;
  if (!read_int_locked (self, "PRAGMA user_version;", &stored, &local_error) ||
      !read_int_locked (self, "PRAGMA application_id;", &app_id, &local_error) ||
      !read_int_locked (self, "SELECT count(*) FROM sqlite_master;", &n_tables, &local_error))
    goto rollback;
  if (app_id != PX_STORE_APPLICATION_ID && (app_id != 0 || n_tables > 0))
    {
      g_set_error (&local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_A_LIBRARY,
                   _ ("“%s” is a database of another program, not a Parallax library"), self->path);
      goto rollback;
    }
  if (stored > _px_store_schema_latest ())
    {
      g_set_error (&local_error, PX_STORE_ERROR, PX_STORE_ERROR_NEWER_VERSION,
                   _ ("“%s” was made by a newer version of Parallax (library version %d; this version reads up to %d)"),
                   self->path, stored, _px_store_schema_latest ());
      goto rollback;
    }
  actual = _px_store_schema_detect (self->db);
  if (stored == _px_store_schema_latest () && actual == stored && app_id == PX_STORE_APPLICATION_ID)
    {
      ok = _px_store_exec (self, "COMMIT;", error);
      goto out;
    }
  if (n_tables > 0 && !backup_before_migration (self->path, stored, &local_error))
    goto rollback;
  if (!_px_store_schema_update_locked (self->db, stored, actual, &local_error))
    goto rollback;
  ok = _px_store_exec (self, "COMMIT;", &local_error);
  if (ok)
    goto out;
rollback:
  sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
out:
  sqlite3_busy_timeout (self->db, 5000);
  return ok;
}

/* Switches the library to WAL. The switch needs the file to itself, and
 * SQLite answers "busy" at once, without waiting through the busy
 * timeout, when another process is switching it or migrating it at the
 * same moment; so it is tried again until the same 5 s have passed. */
static gboolean
set_journal_mode (PxStore *self, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  int rc;

  while ((rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL;", NULL, NULL, NULL)) != SQLITE_OK)
    {
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () > deadline)
        return _px_store_fail (self, rc, error);
      g_usleep (10 * 1000);
    }
  return TRUE;
}

PxStore *
px_store_open (const char *path, PxStoreOpenFlags flags, GError **error)
{
  g_autoptr (PxStore) self = NULL;
  GStatBuf st;
  g_autofree char *key = NULL;
  gboolean exists, is_empty = FALSE, recovered = FALSE;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PX_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  exists = g_stat (path, &st) == 0;

  if (!exists && (flags & (PX_STORE_OPEN_EXISTING | PX_STORE_OPEN_READ_ONLY)))
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no library at “%s”"), path);
      return NULL;
    }
  if (!exists)
    {
      if (!create_library (path, error))
        return NULL;
      exists = g_stat (path, &st) == 0;
      if (!exists)
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_IO, _ ("Could not create “%s”"), path);
          return NULL;
        }
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_A_LIBRARY, _ ("“%s” is a folder, not a library"), path);
      return NULL;
    }
  /* A FIFO or a device would block or never end. */
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_A_LIBRARY,
                   _ ("“%s” is not a regular file, so it is not a library"), path);
      return NULL;
    }
  /* Already open here: it was checked then, and reading it again with
   * open() and close() would drop this process's locks on it. */
  key = file_key_of (&st);
  if (!file_is_open (key) && !check_file_header (path, &is_empty, &recovered, error))
    return NULL;
  /* Empty after rolling back a hot journal: a library whose creation (by
   * an older Parallax, in place) was cut short; it is set up again. Any
   * other empty file is not ours to change. */
  recovered = recovered && !(flags & PX_STORE_OPEN_READ_ONLY);
  if (is_empty && !recovered)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_A_LIBRARY,
                   _ ("“%s” is an empty file, not a Parallax library"), path);
      return NULL;
    }
  if (!is_empty && !inspect_existing (path, recovered, &version, error))
    return NULL;

  self->read_only = (flags & PX_STORE_OPEN_READ_ONLY) != 0;
  if (self->read_only)
    self->access = PX_STORE_ACCESS_READ_ONLY_ASKED;
  else if (g_access (path, W_OK) != 0)
    self->access = PX_STORE_ACCESS_READ_ONLY_FILE;
  else if (!folder_writable (path))
    self->access = PX_STORE_ACCESS_READ_ONLY_FOLDER;
  self->read_only = self->access != PX_STORE_ACCESS_WRITABLE;

  if (self->read_only)
    rc = open_read_only (path, SQLITE_OPEN_NOMUTEX, &self->db);
  else
    rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (full_if_no_space (self->db, rc), NULL, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (self->read_only)
    {
      if (version < _px_store_schema_oldest_readable ())
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY,
                       _ ("“%s” is from an older version of Parallax and must be updated, but it is read-only"), path);
          return NULL;
        }
      if (!_px_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON;", error))
        return NULL;
    }
  else
    {
      /* WAL lets readers (the window) and a writer (an import) overlap;
       * FULL sync makes each committed action survive power loss too. */
      if (!set_journal_mode (self, error) ||
          !_px_store_exec (self, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", error))
        return NULL;
      if (!update_schema (self, error))
        return NULL;
      version = _px_store_schema_latest ();
    }
  self->schema_version = version;
  self->file_key = g_steal_pointer (&key);
  file_opened (self->file_key);
  return g_steal_pointer (&self);
}

gboolean
px_store_check (PxStore *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  /* Not cached: it runs once per opening. quick_check(1) stops at the
   * first problem. */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1);", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *)sqlite3_column_text (stmt, 0);
          if (g_strcmp0 (result, "ok") != 0)
            problem = g_strdup (result ? result : "");
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK || problem != NULL)
    forget_checked (self);
  if (rc != SQLITE_OK)
    {
      int code = error_code_for_sqlite (rc);
      if (code == PX_STORE_ERROR_FAILED || code == PX_STORE_ERROR_NOT_A_LIBRARY)
        code = PX_STORE_ERROR_CORRUPT;
      g_set_error (error, PX_STORE_ERROR, code, "%s: %s", self->path, message_for_code (code));
      return FALSE;
    }
  if (problem != NULL)
    {
      g_debug ("quick_check of %s: %s", self->path, problem);
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT,
                   _ ("“%s” is damaged: some of its pages cannot be read"), self->path);
      return FALSE;
    }
  mark_checked (self);
  return TRUE;
}

gboolean
px_store_check_before_write (PxStore *self, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  if (_px_store_is_known_checked (self->path))
    {
      mark_checked (self);
      return TRUE;
    }
  return px_store_check (self, error);
}

gint64
px_store_get_pages_read (PxStore *self)
{
  int current = 0, highest = 0;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  sqlite3_db_status (self->db, SQLITE_DBSTATUS_CACHE_MISS, &current, &highest, 0);
  return current;
}

/* A write that failed in a way the library gives no reason for (a
 * constraint broken because an earlier statement could not write, an I/O
 * error) while the disk was full, or nearly: the full disk is the one
 * thing to say, once, not each of its consequences. A duplicate or a
 * missing row is the action's own failure and stays what it is. */
static gboolean
failed_for_space (PxStore *self, const GError *error)
{
  g_autofree char *dir = NULL;
  struct statvfs st;

  if (error == NULL || error->domain != PX_STORE_ERROR ||
      (error->code != PX_STORE_ERROR_FAILED && error->code != PX_STORE_ERROR_INVALID &&
       error->code != PX_STORE_ERROR_IO))
    return FALSE;
  if (self->full_in_transaction)
    return TRUE;
  dir = g_path_get_dirname (self->path);
  return statvfs (dir, &st) == 0 && (guint64)st.f_bavail * st.f_frsize < 256 * 1024;
}

gboolean
px_store_transaction (PxStore *self, PxStoreTransactionFunc func, gpointer user_data, GError **error)
{
  gboolean ok;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!_px_store_check_writable (self, error))
    return FALSE;

  if (self->transaction_depth > 0)
    {
      self->transaction_depth++;
      ok = func (self, user_data, error);
      self->transaction_depth--;
      return ok;
    }

  /* IMMEDIATE takes the write lock up front, so a busy library fails here
   * (after the busy timeout) instead of halfway through. */
  if (!_px_store_exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;
  self->transaction_depth = 1;
  self->full_in_transaction = FALSE;
  ok = func (self, user_data, &local_error);
  self->transaction_depth = 0;
  if (ok)
    ok = _px_store_exec (self, "COMMIT;", &local_error);
  if (!ok)
    {
      sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      if (failed_for_space (self, local_error))
        {
          g_clear_error (&local_error);
          set_sqlite_error (SQLITE_FULL, NULL, &local_error);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}
