/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-store-analysis.h"

#include <glib/gi18n-lib.h>

#include "library/px-store-private.h"

char *
px_store_event_stamp (PxStore *self, gint64 event_id, const char *version, GError **error)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  g_return_val_if_fail (version != NULL, NULL);

  /* content_hash changes with the text; the metadata the comparison
   * shows (title, outlet, date) is read itself, since modified counts
   * whole seconds and two edits in one second left a stale comparison. */
  stmt = _px_store_prepare (self,
                            "SELECT id, content_hash, modified || char(31) || ifnull (title, '') || char(31) ||"
                            " ifnull (outlet_id, '') || char(31) || ifnull (published, '')"
                            " FROM documents WHERE event_id = ?1 ORDER BY published IS NULL, published, id;",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  g_checksum_update (sum, (const guchar *)version, -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *row =
          g_strdup_printf ("\n%" G_GINT64_FORMAT " %s %s", (gint64)sqlite3_column_int64 (stmt, 0),
                           (const char *)sqlite3_column_text (stmt, 1), (const char *)sqlite3_column_text (stmt, 2));
      g_checksum_update (sum, (const guchar *)row, -1);
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  if (n == 0)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no event %lld"), (long long)event_id);
      return NULL;
    }
  return g_strdup (g_checksum_get_string (sum));
}

GBytes *
px_store_get_analysis (PxStore *self, gint64 event_id, const char *stamp, GError **error)
{
  GBytes *bytes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  g_return_val_if_fail (stamp != NULL, NULL);

  stmt = _px_store_prepare (self, "SELECT data FROM analysis_cache WHERE event_id = ?1 AND stamp = ?2;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _px_store_fail (self, rc, error);
  return bytes;
}

typedef struct
{
  gint64 event_id;
  const char *stamp;
  GBytes *data;
} PutData;

static gboolean
put_txn (PxStore *self, gpointer user_data, GError **error)
{
  PutData *data = user_data;
  g_autofree char *now = _px_store_now ();
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data->data, &size);

  /* The event may have gone while the comparison ran: nothing to keep. */
  stmt = _px_store_prepare (self,
                            "INSERT INTO analysis_cache (event_id, stamp, data, created)"
                            " SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM events WHERE id = ?1)"
                            " ON CONFLICT (event_id) DO UPDATE SET stamp = excluded.stamp, data = excluded.data,"
                            " created = excluded.created;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->event_id);
  sqlite3_bind_text (stmt, 2, data->stamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 3, bytes != NULL ? bytes : "", size, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  return _px_store_step_done (self, stmt, error);
}

gboolean
px_store_put_analysis (PxStore *self, gint64 event_id, const char *stamp, GBytes *data, GError **error)
{
  PutData put = { event_id, stamp, data };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (stamp != NULL && data != NULL, FALSE);
  return px_store_transaction (self, put_txn, &put, error);
}
