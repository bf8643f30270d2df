/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "library/px-store-private.h"
#include "provenance/px-store-versions.h"

void
px_document_version_free (PxDocumentVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->fetched);
  g_free (version->title);
  g_free (version->published);
  g_free (version);
}

void
px_annotation_change_free (PxAnnotationChange *change)
{
  if (change == NULL)
    return;
  g_free (change->old_quote);
  g_free (change->new_quote);
  g_free (change);
}

/* A library opened read-only as it is (schema 5 to 8) has no versions
 * tables: it has only the versions its documents are. */
static gboolean
has_versions (PxStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (_px_store_get_db (self),
                          "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'annotation_changes';", -1,
                          &stmt, NULL) == SQLITE_OK)
    found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

/* Version 1 from the document as it is: its import. */
static PxDocumentVersion *
first_version (PxStore *self, gint64 document_id, GError **error)
{
  g_autoptr (PxDocumentVersion) v = g_new0 (PxDocumentVersion, 1);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _px_store_prepare (self, "SELECT imported, title, published FROM documents WHERE id = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      v->version = 1;
      v->fetched = _px_column_dup (stmt, 0);
      v->title = _px_column_dup (stmt, 1);
      v->published = _px_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no document %lld"),
                   (long long)document_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&v);
}

GPtrArray *
px_store_list_versions (PxStore *self, gint64 document_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)px_document_version_free);
  PxDocumentVersion *first;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  first = first_version (self, document_id, error);
  if (first == NULL)
    return NULL;
  if (!has_versions (self))
    {
      g_ptr_array_add (list, first);
      return g_steal_pointer (&list);
    }
  px_document_version_free (first);
  stmt = _px_store_prepare (self,
                            "SELECT version, fetched, title, published, changed_words FROM document_versions"
                            " WHERE document_id = ?1 ORDER BY version;",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PxDocumentVersion *v = g_new0 (PxDocumentVersion, 1);

      v->version = (guint)sqlite3_column_int (stmt, 0);
      v->fetched = _px_column_dup (stmt, 1);
      v->title = _px_column_dup (stmt, 2);
      v->published = _px_column_dup (stmt, 3);
      v->changed_words = (guint)sqlite3_column_int (stmt, 4);
      g_ptr_array_add (list, v);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  /* Never fetched again: the import is the one version. */
  if (list->len == 0 && (first = first_version (self, document_id, error)) != NULL)
    g_ptr_array_add (list, first);
  return list->len > 0 ? g_steal_pointer (&list) : NULL;
}

char *
px_store_get_version_text (PxStore *self, gint64 document_id, guint version, GError **error)
{
  sqlite3_stmt *stmt;
  char *text = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  /* Without stored versions, version 1 is the document's text. */
  stmt = _px_store_prepare (self,
                            has_versions (self)
                                ? "SELECT coalesce ((SELECT text FROM document_versions WHERE document_id = ?1"
                                  " AND version = ?2), (SELECT text FROM documents WHERE id = ?1 AND ?2 = 1"
                                  " AND NOT EXISTS (SELECT 1 FROM document_versions WHERE document_id = ?1)));"
                                : "SELECT text FROM documents WHERE id = ?1 AND ?2 = 1;",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int (stmt, 2, (int)version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = _px_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _px_store_fail (self, rc, error);
  else if (text == NULL)
    g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("Document %lld has no version %u"),
                 (long long)document_id, version);
  return text;
}

GPtrArray *
px_store_list_annotation_changes (PxStore *self, gint64 document_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)px_annotation_change_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);

  if (!has_versions (self))
    return g_steal_pointer (&list);
  stmt = _px_store_prepare (self,
                            "SELECT c.annotation_id, c.version, c.old_quote, c.new_quote FROM annotation_changes c"
                            " JOIN annotations a ON a.id = c.annotation_id"
                            " WHERE ?1 = 0 OR a.document_id = ?1 ORDER BY c.annotation_id, c.version;",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PxAnnotationChange *c = g_new0 (PxAnnotationChange, 1);

      c->annotation_id = sqlite3_column_int64 (stmt, 0);
      c->version = (guint)sqlite3_column_int (stmt, 1);
      c->old_quote = _px_column_dup (stmt, 2);
      c->new_quote = _px_column_dup (stmt, 3);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Inserts one row of document_versions. */
static gboolean
insert_version (PxStore *self, gint64 document_id, guint version, const char *fetched, PxDocument *doc,
                guint changed_words, GError **error)
{
  guint n_blocks = px_document_get_n_blocks (doc);
  g_autofree char *blocks = px_blocks_serialize (n_blocks ? px_document_get_block (doc, 0) : NULL, n_blocks);
  sqlite3_stmt *stmt = _px_store_prepare (self,
                                          "INSERT INTO document_versions (document_id, version, fetched, title,"
                                          " published, text, blocks, changed_words)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int (stmt, 2, (int)version);
  sqlite3_bind_text (stmt, 3, fetched, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, px_document_get_title (doc) != NULL ? px_document_get_title (doc) : "", -1,
                     SQLITE_TRANSIENT);
  _px_bind_text (stmt, 5, px_document_get_published (doc));
  sqlite3_bind_text (stmt, 6, px_document_get_text (doc), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, blocks, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, (int)changed_words);
  return _px_store_step_done (self, stmt, error);
}

gboolean
_px_store_record_version (PxStore *self, gint64 document_id, PxDocument *old, PxDocument *content, guint changed_words,
                          const char *now, guint *version, GError **error)
{
  sqlite3_stmt *stmt;
  guint last = 0;
  int rc;

  stmt = _px_store_prepare (self, "SELECT max (version) FROM document_versions WHERE document_id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    last = (guint)sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _px_store_fail (self, rc, error);
  /* The first change: the text as imported becomes version 1. */
  if (last == 0)
    {
      g_autofree char *imported = px_store_get_document_imported (self, document_id, error);

      if (imported == NULL || !insert_version (self, document_id, 1, imported, old, 0, error))
        return FALSE;
      last = 1;
    }
  *version = last + 1;
  return insert_version (self, document_id, *version, now, content, changed_words, error);
}

gboolean
_px_store_record_annotation_change (PxStore *self, gint64 annotation_id, guint version, const char *old_quote,
                                    const char *new_quote, GError **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (self,
                                          "INSERT OR REPLACE INTO annotation_changes (annotation_id, version,"
                                          " old_quote, new_quote) VALUES (?1, ?2, ?3, ?4);",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  sqlite3_bind_int (stmt, 2, (int)version);
  sqlite3_bind_text (stmt, 3, old_quote, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, new_quote, -1, SQLITE_TRANSIENT);
  return _px_store_step_done (self, stmt, error);
}

GHashTable *
px_store_map_document_sources (PxStore *self, GError **error)
{
  g_autoptr (GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = _px_store_prepare (self, "SELECT source, id FROM documents WHERE source IS NOT NULL ORDER BY id;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *source = (const char *)sqlite3_column_text (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);
      GArray *ids = g_hash_table_lookup (map, source);

      if (ids == NULL)
        {
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (map, g_strdup (source), ids);
        }
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&map);
}

/* The documents imported from @source (a path or an address, also as
 * their canonical address), oldest first. */
GArray *
px_store_list_documents_by_source (PxStore *self, const char *source, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  stmt = _px_store_prepare (self, "SELECT id FROM documents WHERE source = ?1 OR url = ?1 ORDER BY id;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_TRANSIENT);
  return _px_store_collect_ids (self, stmt, error);
}

/* The time the text of @document_id was last imported: that of its
 * newest version, else its import. */
static char *
last_import (PxStore *self, gint64 document_id, char **title, char **published, GError **error)
{
  sqlite3_stmt *stmt;
  char *fetched = NULL;
  int rc;

  stmt = _px_store_prepare (self,
                            "SELECT fetched, title, published FROM document_versions WHERE document_id = ?1"
                            " ORDER BY version DESC LIMIT 1;",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      fetched = _px_column_dup (stmt, 0);
      *title = _px_column_dup (stmt, 1);
      *published = _px_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return fetched != NULL ? fetched : px_store_get_document_imported (self, document_id, error);
}

static char *
document_modified (PxStore *self, gint64 document_id, GError **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (self, "SELECT modified FROM documents WHERE id = ?1;", error);
  char *modified = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    modified = _px_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (modified == NULL)
    _px_store_fail (self, rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
  return modified;
}

typedef struct
{
  gint64 document_id;
  PxDocument *content;
  guint changed_words;
  PxReanchorStats *stats;
} SourceVersionData;

static gboolean
source_version_txn (PxStore *self, gpointer user_data, GError **error)
{
  SourceVersionData *data = user_data;
  g_autofree char *modified = NULL;
  g_autofree char *before = NULL;
  g_autofree char *before_title = NULL;
  g_autofree char *before_published = NULL;
  g_autofree char *now = NULL;
  g_autoptr (PxDocument) doc = NULL;
  gboolean untouched, title_untouched, published_untouched;
  sqlite3_stmt *stmt;

  /* Metadata edits set the document's modified time; an import of its
   * text sets it to the time of the import. */
  if ((modified = document_modified (self, data->document_id, error)) == NULL ||
      (before = last_import (self, data->document_id, &before_title, &before_published, error)) == NULL)
    return FALSE;
  doc = px_store_load_document (self, data->document_id, error);
  if (doc == NULL)
    return FALSE;
  untouched = g_strcmp0 (modified, before) == 0;
  /* The versions keep the title and date each import gave: a field still
   * as the last import gave it was not edited, whatever else was (and
   * one that differs was, even within the second of the import). */
  title_untouched = before_title != NULL ? g_strcmp0 (px_document_get_title (doc), before_title) == 0 : untouched;
  published_untouched =
      before_title != NULL ? g_strcmp0 (px_document_get_published (doc), before_published) == 0 : untouched;

  if (!px_store_replace_document_version (self, data->document_id, data->content, data->changed_words, data->stats,
                                          error))
    return FALSE;
  if (title_untouched && px_document_get_title (data->content) != NULL && *px_document_get_title (data->content))
    px_document_set_title (doc, px_document_get_title (data->content));
  if (published_untouched && px_document_get_published (data->content) != NULL)
    px_document_set_published (doc, px_document_get_published (data->content));
  if (untouched && px_document_get_outlet (data->content) != NULL)
    px_document_set_outlet (doc, px_document_get_outlet (data->content));
  if (untouched && px_document_get_author (data->content) != NULL)
    px_document_set_author (doc, px_document_get_author (data->content));
  if (!px_store_update_metadata (self, doc, error))
    return FALSE;
  g_clear_pointer (&before_title, g_free);
  g_clear_pointer (&before_published, g_free);
  if ((now = last_import (self, data->document_id, &before_title, &before_published, error)) == NULL)
    return FALSE;
  /* As imported now: the next import sees nothing edited since. The
   * document leaves its event to be placed by its new text, unless the
   * user placed it there or it is the event's only document (an event
   * goes with its last document, and with it a name the user gave). */
  stmt = _px_store_prepare (self,
                            "UPDATE documents SET modified = ?2, event_id = CASE WHEN event_locked"
                            " OR NOT EXISTS (SELECT 1 FROM documents o WHERE o.event_id = documents.event_id"
                            " AND o.id != documents.id) THEN event_id END WHERE id = ?1;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->document_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  return _px_store_step_done (self, stmt, error);
}

gboolean
px_store_replace_from_source (PxStore *self, gint64 document_id, PxDocument *content, guint changed_words,
                              PxReanchorStats *stats, GError **error)
{
  SourceVersionData data = { document_id, content, changed_words, stats };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (PX_IS_DOCUMENT (content), FALSE);
  return px_store_transaction (self, source_version_txn, &data, error);
}

gboolean
px_store_settle_source_version (PxStore *self, gint64 document_id, gint64 event_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (event_id <= 0)
    return TRUE;
  stmt = _px_store_prepare (self, "UPDATE documents SET event_id = ?2 WHERE id = ?1 AND event_id IS NULL;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, event_id);
  return _px_store_step_done (self, stmt, error);
}
