/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-store-near-dup.h"

#include "library/px-store-private.h"

void
px_store_signature_free (PxStoreSignature *sig)
{
  if (sig == NULL)
    return;
  g_clear_pointer (&sig->signature, g_bytes_unref);
  g_free (sig);
}

typedef struct
{
  gint64 id;
  GBytes *signature;
  const gint64 *keys;
  guint n_keys;
} SetData;

static gboolean
set_signature_txn (PxStore *self, gpointer user_data, GError **error)
{
  SetData *d = user_data;
  sqlite3_stmt *stmt;
  gsize len;
  const void *data = g_bytes_get_data (d->signature, &len);

  stmt = _px_store_prepare (self, "DELETE FROM document_bands WHERE document_id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _px_store_prepare (self,
                            "INSERT INTO document_signatures (document_id, signature) VALUES (?1, ?2)"
                            " ON CONFLICT (document_id) DO UPDATE SET signature = excluded.signature;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  sqlite3_bind_blob64 (stmt, 2, data, len, SQLITE_TRANSIENT);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < d->n_keys; i++)
    {
      stmt = _px_store_prepare (self, "INSERT OR IGNORE INTO document_bands (band_key, document_id) VALUES (?1, ?2);",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, d->keys[i]);
      sqlite3_bind_int64 (stmt, 2, d->id);
      if (!_px_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
px_store_set_signature (PxStore *self, gint64 document_id, GBytes *signature, const gint64 *band_keys, guint n_keys,
                        GError **error)
{
  SetData d = { document_id, signature, band_keys, n_keys };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);
  return px_store_transaction (self, set_signature_txn, &d, error);
}

GPtrArray *
px_store_find_signature_candidates (PxStore *self, gint64 exclude_id, const gint64 *band_keys, guint n_keys,
                                    GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)px_store_signature_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  /* One indexed lookup per band: a handful of rows each. */
  for (guint i = 0; i < n_keys; i++)
    {
      sqlite3_stmt *stmt = _px_store_prepare (self,
                                              "SELECT b.document_id, s.signature FROM document_bands b"
                                              " JOIN document_signatures s ON s.document_id = b.document_id"
                                              " WHERE b.band_key = ?1 AND b.document_id != ?2;",
                                              error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, band_keys[i]);
      sqlite3_bind_int64 (stmt, 2, exclude_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          PxStoreSignature *sig;

          if (g_hash_table_contains (seen, &id))
            continue;
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          sig = g_new0 (PxStoreSignature, 1);
          sig->id = id;
          sig->signature = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
          g_ptr_array_add (out, sig);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _px_store_fail (self, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&out);
}

typedef struct
{
  gint64 id;
  gint64 of;
} NearData;

static gboolean
set_near_txn (PxStore *self, gpointer user_data, GError **error)
{
  NearData *d = user_data;
  sqlite3_stmt *stmt = _px_store_prepare (self, "UPDATE documents SET near_duplicate_of = ?2 WHERE id = ?1;", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  if (d->of > 0)
    sqlite3_bind_int64 (stmt, 2, d->of);
  return _px_store_step_done (self, stmt, error);
}

gboolean
px_store_set_near_duplicate (PxStore *self, gint64 document_id, gint64 of_id, GError **error)
{
  NearData d = { document_id, of_id };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return px_store_transaction (self, set_near_txn, &d, error);
}

gint64
px_store_get_near_duplicate (PxStore *self, gint64 document_id, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 of = 0;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  stmt = _px_store_prepare (self, "SELECT near_duplicate_of FROM documents WHERE id = ?1;", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    of = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    _px_store_fail (self, rc, error);
  sqlite3_reset (stmt);
  return of;
}

GArray *
px_store_list_unsigned_documents (PxStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = _px_store_prepare (self,
                            "SELECT d.id FROM documents d LEFT JOIN document_signatures s ON s.document_id = d.id"
                            " WHERE s.document_id IS NULL ORDER BY d.id;",
                            error);
  if (stmt == NULL)
    return NULL;
  return _px_store_collect_ids (self, stmt, error);
}
