/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "library/px-store-private.h"

static gboolean
lookup_outlet (PxStore *self, const char *name, gint64 *out_id, GError **error)
{
  sqlite3_stmt *stmt;

  *out_id = 0;
  if (name == NULL)
    return TRUE;

  stmt = _px_store_prepare (self, "INSERT INTO outlets (name) VALUES (?1) ON CONFLICT (name) DO NOTHING;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _px_store_prepare (self, "SELECT id FROM outlets WHERE name = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gint64
find_by_hash (PxStore *self, const char *hash)
{
  sqlite3_stmt *stmt = _px_store_prepare (self, "SELECT id FROM documents WHERE content_hash = ?1;", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

typedef struct
{
  PxDocument *doc;
  gint64 *existing_id;
} AddData;

static gboolean
add_document_txn (PxStore *self, gpointer user_data, GError **error)
{
  AddData *data = user_data;
  PxDocument *doc = data->doc;
  g_autofree char *hash = px_document_compute_hash (doc);
  g_autofree char *now = _px_store_now ();
  g_autofree char *blocks = NULL;
  gint64 outlet_id, existing;
  GBytes *raw;
  sqlite3_stmt *stmt;
  guint n_blocks = px_document_get_n_blocks (doc);

  existing = find_by_hash (self, hash);
  if (existing != 0)
    {
      if (data->existing_id)
        *data->existing_id = existing;
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE, _ ("Already in the library"));
      return FALSE;
    }
  if (!lookup_outlet (self, px_document_get_outlet (doc), &outlet_id, error))
    return FALSE;

  blocks = px_blocks_serialize (n_blocks ? px_document_get_block (doc, 0) : NULL, n_blocks);
  stmt = _px_store_prepare (self,
                            "INSERT INTO documents (title, outlet_id, author, published, url, language, source,"
                            " source_kind, raw, text, blocks, content_hash, event_id, imported, modified)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14);",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, px_document_get_title (doc) ? px_document_get_title (doc) : "", -1, SQLITE_TRANSIENT);
  if (outlet_id)
    sqlite3_bind_int64 (stmt, 2, outlet_id);
  _px_bind_text (stmt, 3, px_document_get_author (doc));
  _px_bind_text (stmt, 4, px_document_get_published (doc));
  _px_bind_text (stmt, 5, px_document_get_url (doc));
  _px_bind_text (stmt, 6, px_document_get_language (doc));
  _px_bind_text (stmt, 7, px_document_get_source (doc));
  sqlite3_bind_text (stmt, 8, px_document_get_source_kind (doc) ? px_document_get_source_kind (doc) : "text", -1,
                     SQLITE_TRANSIENT);
  raw = px_document_get_raw (doc);
  if (raw != NULL)
    sqlite3_bind_blob64 (stmt, 9, g_bytes_get_data (raw, NULL), g_bytes_get_size (raw), SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, px_document_get_text (doc), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, blocks, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, hash, -1, SQLITE_TRANSIENT);
  if (px_document_get_event_id (doc) > 0)
    sqlite3_bind_int64 (stmt, 13, px_document_get_event_id (doc));
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_TRANSIENT);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;

  px_document_set_id (doc, sqlite3_last_insert_rowid (_px_store_get_db (self)));
  return TRUE;
}

gboolean
px_store_add_document (PxStore *self, PxDocument *doc, gint64 *existing_id, GError **error)
{
  AddData data = { doc, existing_id };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (PX_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (px_document_get_id (doc) == 0, FALSE);

  if (existing_id)
    *existing_id = 0;
  if (!px_store_transaction (self, add_document_txn, &data, error))
    {
      /* The insert may have worked and the commit failed (a full disk):
       * the document is not stored, so it has no id. */
      px_document_set_id (doc, 0);
      return FALSE;
    }
  return TRUE;
}

static void
not_found (GError **error, gint64 id)
{
  g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no document %lld"), (long long)id);
}

PxDocument *
px_store_load_document (PxStore *self, gint64 id, GError **error)
{
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (GArray) blocks = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  stmt = _px_store_prepare (self,
                            "SELECT d.title, o.name, d.author, d.published, d.url, d.language, d.source,"
                            " d.source_kind, d.raw, d.text, d.blocks, d.event_id, d.imported"
                            " FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = ?1;",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        not_found (error, id);
      else
        _px_store_fail (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  doc = px_document_new ();
  px_document_set_title (doc, (const char *)sqlite3_column_text (stmt, 0));
  px_document_set_outlet (doc, (const char *)sqlite3_column_text (stmt, 1));
  px_document_set_author (doc, (const char *)sqlite3_column_text (stmt, 2));
  px_document_set_published (doc, (const char *)sqlite3_column_text (stmt, 3));
  px_document_set_url (doc, (const char *)sqlite3_column_text (stmt, 4));
  px_document_set_language (doc, (const char *)sqlite3_column_text (stmt, 5));
  px_document_set_source (doc, (const char *)sqlite3_column_text (stmt, 6));
  px_document_set_source_kind (doc, (const char *)sqlite3_column_text (stmt, 7));
  if (sqlite3_column_type (stmt, 8) == SQLITE_BLOB)
    {
      g_autoptr (GBytes) raw = g_bytes_new (sqlite3_column_blob (stmt, 8), sqlite3_column_bytes (stmt, 8));
      px_document_set_raw (doc, raw);
    }
  blocks = px_blocks_parse ((const char *)sqlite3_column_text (stmt, 10));
  px_document_set_content (doc, (const char *)sqlite3_column_text (stmt, 9), (PxBlock *)blocks->data, blocks->len);
  px_document_set_event_id (doc, sqlite3_column_int64 (stmt, 11));
  px_document_set_imported (doc, (const char *)sqlite3_column_text (stmt, 12));
  sqlite3_reset (stmt);
  px_document_set_id (doc, id);
  return g_steal_pointer (&doc);
}

static gboolean
update_metadata_txn (PxStore *self, gpointer user_data, GError **error)
{
  PxDocument *doc = user_data;
  g_autofree char *now = _px_store_now ();
  gint64 outlet_id;
  sqlite3_stmt *stmt;

  if (!lookup_outlet (self, px_document_get_outlet (doc), &outlet_id, error))
    return FALSE;
  stmt = _px_store_prepare (self,
                            "UPDATE documents SET title = ?2, outlet_id = ?3, author = ?4, published = ?5,"
                            " url = ?6, language = ?7, modified = ?8 WHERE id = ?1;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, px_document_get_id (doc));
  sqlite3_bind_text (stmt, 2, px_document_get_title (doc) ? px_document_get_title (doc) : "", -1, SQLITE_TRANSIENT);
  if (outlet_id)
    sqlite3_bind_int64 (stmt, 3, outlet_id);
  _px_bind_text (stmt, 4, px_document_get_author (doc));
  _px_bind_text (stmt, 5, px_document_get_published (doc));
  _px_bind_text (stmt, 6, px_document_get_url (doc));
  _px_bind_text (stmt, 7, px_document_get_language (doc));
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_px_store_get_db (self)) == 0)
    {
      not_found (error, px_document_get_id (doc));
      return FALSE;
    }
  return TRUE;
}

gboolean
px_store_update_metadata (PxStore *self, PxDocument *doc, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (PX_IS_DOCUMENT (doc), FALSE);
  return px_store_transaction (self, update_metadata_txn, doc, error);
}

static gboolean
delete_txn (PxStore *self, gpointer user_data, GError **error)
{
  gint64 id = *(gint64 *)user_data;
  sqlite3_stmt *stmt = _px_store_prepare (self, "DELETE FROM documents WHERE id = ?1;", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_px_store_get_db (self)) == 0)
    {
      not_found (error, id);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_store_delete_document (PxStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return px_store_transaction (self, delete_txn, &id, error);
}

static PxDocumentInfo *
info_from_row (sqlite3_stmt *stmt)
{
  return px_document_info_new (sqlite3_column_int64 (stmt, 0), (const char *)sqlite3_column_text (stmt, 1),
                               (const char *)sqlite3_column_text (stmt, 2), (const char *)sqlite3_column_text (stmt, 3),
                               sqlite3_column_int64 (stmt, 4), (const char *)sqlite3_column_text (stmt, 5));
}

GPtrArray *
px_store_list_documents (PxStore *self, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)px_document_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = _px_store_prepare (self, PX_STORE_LIST_SQL, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, info_from_row (stmt));
  sqlite3_reset (stmt);
  /* A damaged index (the list's, or one SQLite chose): read the table
   * itself and sort here, so that what can be read is still listed (and
   * exported). */
  if ((rc & 0xff) == SQLITE_CORRUPT)
    {
      g_ptr_array_set_size (out, 0);
      stmt = _px_store_prepare (self, PX_STORE_LIST_UNINDEXED_SQL, error);
      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (out, info_from_row (stmt));
      sqlite3_reset (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

PxDocumentInfo *
px_store_get_document_info (PxStore *self, gint64 id, GError **error)
{
  PxDocumentInfo *info = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = _px_store_prepare (self, PX_STORE_INFO_SELECT " WHERE d.id = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    info = info_from_row (stmt);
  else if (rc == SQLITE_DONE)
    not_found (error, id);
  else
    _px_store_fail (self, rc, error);
  sqlite3_reset (stmt);
  return info;
}

static gint64
count_query (PxStore *self, const char *sql, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (self, sql, error);
  gint64 n = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _px_store_fail (self, rc, error);
  sqlite3_reset (stmt);
  return n;
}

gint64
px_store_find_document_by_source (PxStore *self, const char *source, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), -1);
  g_return_val_if_fail (source != NULL, -1);
  stmt = _px_store_prepare (self, "SELECT min(id) FROM documents WHERE source = ?1 OR url = ?1;", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    {
      _px_store_fail (self, rc, error);
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

gint64
px_store_find_document_by_hash (PxStore *self, const char *hash)
{
  g_return_val_if_fail (PX_IS_STORE (self), 0);
  g_return_val_if_fail (hash != NULL, 0);
  return find_by_hash (self, hash);
}

char *
px_store_get_document_imported (PxStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  char *imported = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = _px_store_prepare (self, "SELECT imported FROM documents WHERE id = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    imported = _px_column_dup (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no document %lld"), (long long)id);
  else
    _px_store_fail (self, rc, error);
  sqlite3_reset (stmt);
  return imported;
}

gint64
px_store_count_documents (PxStore *self, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), -1);
  return count_query (self, "SELECT count(*) FROM documents;", 0, error);
}

gint64
px_store_count_document_annotations (PxStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), -1);
  return count_query (self, "SELECT count(*) FROM annotations WHERE document_id = ?1;", id, error);
}

/* Turns what a user types into an FTS5 query that cannot be a syntax
 * error: every word is quoted (so AND, NEAR, * and quotes are plain text)
 * and matched as a prefix, but for single letters: the index keeps lists
 * for 2- and 3-letter prefixes (schema v6), and a one-letter prefix would
 * merge the lists of a good part of the vocabulary for a filter that
 * keeps nearly every article. */
char *
_px_store_build_match_query (const char *query)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_auto (GStrv) words = g_strsplit_set (query, " \t\n\r", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append (out, g_utf8_strlen (words[i], -1) > 1 ? "\"*" : "\"");
    }
  return out->len ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
  return x < y ? -1 : x > y;
}

GArray *
px_store_search_documents (PxStore *self, const char *query, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    return g_steal_pointer (&ids);
  /* SQLite refuses LIKE patterns over 50,000 bytes with a cryptic error,
   * and no outlet or word is that long: say what is wrong. */
  if (g_utf8_strlen (query, -1) > PX_STORE_MAX_SEARCH_CHARS)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID,
                   _ ("The search is too long: at most %d characters are searched for"), PX_STORE_MAX_SEARCH_CHARS);
      return NULL;
    }
  match = _px_store_build_match_query (query);
  if (match == NULL)
    return g_steal_pointer (&ids);

  /* Outlet names live in their own table, so they are matched apart from
   * the full-text index. The ids are a filter over the library list,
   * which keeps its own order: ranking every match (bm25) would cost more
   * than finding them (20 ms for a word in all of 10,000 articles). UNION
   * ALL, sorted here: a SQL UNION would read the documents table in
   * order instead of its small outlet index. */
  stmt = _px_store_prepare (self,
                            "SELECT d.id FROM documents d JOIN outlets o ON o.id = d.outlet_id"
                            " WHERE o.name LIKE ?2 ESCAPE '\\'"
                            " UNION ALL"
                            " SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1;",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  {
    /* Escape LIKE wildcards typed by the user. */
    g_autoptr (GString) esc = g_string_new (NULL);
    g_autofree char *trimmed = g_strstrip (g_strdup (query));
    g_string_append_c (esc, '%');
    for (const char *p = trimmed; *p; p++)
      {
        if (*p == '%' || *p == '_' || *p == '\\')
          g_string_append_c (esc, '\\');
        g_string_append_c (esc, *p);
      }
    g_string_append_c (esc, '%');
    sqlite3_bind_text (stmt, 2, esc->str, -1, SQLITE_TRANSIENT);
  }

  g_clear_pointer (&ids, g_array_unref);
  ids = _px_store_collect_ids (self, stmt, error);
  if (ids == NULL)
    return NULL;
  /* An article found by its outlet and by its text counts once. */
  g_array_sort (ids, compare_ids);
  if (ids->len > 1)
    {
      guint kept = 1;

      for (guint i = 1; i < ids->len; i++)
        if (g_array_index (ids, gint64, i) != g_array_index (ids, gint64, kept - 1))
          g_array_index (ids, gint64, kept++) = g_array_index (ids, gint64, i);
      g_array_set_size (ids, kept);
    }
  return g_steal_pointer (&ids);
}
