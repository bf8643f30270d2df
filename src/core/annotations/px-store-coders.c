/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "annotations/px-store-coders.h"
#include "library/px-store-private.h"

/* The schema step that added annotations.coder: a read-only connection
 * to an older library has no such column, and all its highlights are the
 * library's own. */
#define CODER_SCHEMA 8

char *
px_store_clean_coder_name (const char *name, GError **error)
{
  g_autofree char *clean = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("A coder’s name must be valid text"));
      return NULL;
    }
  clean = g_strstrip (g_strdup (name));
  if (*clean == '\0' || strlen (clean) > 200 || strpbrk (clean, "\n\r\t") != NULL)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID,
                           _ ("A coder’s name must be one line of 1 to 200 bytes"));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static char *
default_coder (void)
{
  const char *real = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name. */
  if (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0 && g_utf8_validate (real, -1, NULL))
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

char *
px_store_get_coder (PxStore *self, GError **error)
{
  sqlite3_stmt *stmt;
  char *name = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = _px_store_prepare (self, "SELECT value FROM meta WHERE key = 'coder';", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = _px_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return name != NULL ? name : default_coder ();
}

static gboolean
set_coder_txn (PxStore *self, gpointer user_data, GError **error)
{
  const char *name = user_data;
  g_autofree char *old = px_store_get_coder (self, error);
  sqlite3_stmt *stmt;

  if (old == NULL)
    return FALSE;
  /* What was made so far was made by the old coder. */
  stmt = _px_store_prepare (self, "UPDATE annotations SET coder = ?1 WHERE coder IS NULL;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, old, -1, SQLITE_TRANSIENT);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  /* And what carries the new coder's name is the library's own now. */
  stmt = _px_store_prepare (self, "UPDATE annotations SET coder = NULL WHERE coder = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  stmt = _px_store_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES ('coder', ?1);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  return _px_store_step_done (self, stmt, error);
}

gboolean
px_store_set_coder (PxStore *self, const char *name, GError **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  clean = px_store_clean_coder_name (name, error);
  if (clean == NULL || !_px_store_check_writable (self, error))
    return FALSE;
  return px_store_transaction (self, set_coder_txn, clean, error);
}

typedef struct
{
  gint64 id;
  const char *coder;
  const char *created;
  const char *modified;
} SetData;

static gboolean
set_annotation_coder_txn (PxStore *self, gpointer user_data, GError **error)
{
  SetData *data = user_data;
  g_autofree char *own = px_store_get_coder (self, error);
  sqlite3_stmt *stmt;

  if (own == NULL)
    return FALSE;
  stmt = _px_store_prepare (self,
                            "UPDATE annotations SET coder = ?2, created = coalesce (?3, created),"
                            " modified = coalesce (?4, modified) WHERE id = ?1;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  /* The library's own coder is stored as NULL, so that it follows. */
  if (data->coder != NULL && g_strcmp0 (data->coder, own) != 0)
    sqlite3_bind_text (stmt, 2, data->coder, -1, SQLITE_TRANSIENT);
  _px_bind_text (stmt, 3, data->created);
  _px_bind_text (stmt, 4, data->modified);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_px_store_get_db (self)) == 0)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no highlight %lld"),
                   (long long)data->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_store_set_annotation_origin (PxStore *self, gint64 annotation_id, const char *coder, const char *created,
                                const char *modified, GError **error)
{
  g_autofree char *clean = NULL;
  SetData data = { annotation_id, NULL, created, modified };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (coder != NULL && (clean = px_store_clean_coder_name (coder, error)) == NULL)
    return FALSE;
  data.coder = clean;
  return px_store_transaction (self, set_annotation_coder_txn, &data, error);
}

GHashTable *
px_store_get_annotation_coders (PxStore *self, GError **error)
{
  g_autoptr (GHashTable) coders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *own = px_store_get_coder (self, error);
  gboolean has_column = px_store_get_schema_version (self) >= CODER_SCHEMA;
  sqlite3_stmt *stmt;
  int rc;

  if (own == NULL)
    return NULL;
  stmt = _px_store_prepare (
      self, has_column ? "SELECT id, coder FROM annotations;" : "SELECT id, NULL FROM annotations;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *coder = (const char *)sqlite3_column_text (stmt, 1);

      g_hash_table_insert (coders, g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                           g_strdup (coder != NULL ? coder : own));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&coders);
}

GStrv
px_store_list_coders (PxStore *self, GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *own = px_store_get_coder (self, error);
  sqlite3_stmt *stmt;

  if (own == NULL)
    return NULL;
  g_strv_builder_add (builder, own);
  if (px_store_get_schema_version (self) < CODER_SCHEMA)
    return g_strv_builder_end (builder);
  stmt = _px_store_prepare (self,
                            "SELECT DISTINCT coder FROM annotations WHERE coder IS NOT NULL AND coder <> ?1"
                            " ORDER BY coder COLLATE NOCASE, coder;",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, own, -1, SQLITE_TRANSIENT);
  if (!_px_store_collect_strings (self, stmt, builder, error))
    return NULL;
  return g_strv_builder_end (builder);
}

char *
_px_store_dup_annotation_coder (PxStore *self, gint64 annotation_id)
{
  sqlite3_stmt *stmt = _px_store_prepare (self, "SELECT coder FROM annotations WHERE id = ?1;", NULL);
  char *coder = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    coder = _px_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return coder;
}
