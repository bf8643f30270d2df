/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "annotations/px-store-annotations.h"
#include "library/px-store-private.h"
#include "annotations/px-undo-stack.h"

/* Notes are text a person writes; anything larger is a mistake (a pasted
 * file) that would make every list slow. */
#define MAX_NOTE_BYTES (1024 * 1024)

#define ANNOTATION_SELECT                                                                     \
  "SELECT a.id, a.document_id, a.start, a.end, a.quote, a.prefix, a.suffix, a.color, a.note," \
  " a.note_language, a.orphaned, a.created, a.modified FROM annotations a"

static void
not_found (GError **error, gint64 id)
{
  g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no highlight %lld"), (long long)id);
}

static PxAnnotation *
annotation_from_row (sqlite3_stmt *stmt)
{
  guint start = sqlite3_column_int (stmt, 2), end = sqlite3_column_int (stmt, 3);

  /* A colour from a newer version shows as the first one. */
  return px_annotation_new_full (
      sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), start, MAX (start, end),
      (const char *)sqlite3_column_text (stmt, 4), (const char *)sqlite3_column_text (stmt, 5),
      (const char *)sqlite3_column_text (stmt, 6), (const char *)sqlite3_column_text (stmt, 7),
      (const char *)sqlite3_column_text (stmt, 8), (const char *)sqlite3_column_text (stmt, 9),
      sqlite3_column_int (stmt, 10) != 0, (const char *)sqlite3_column_text (stmt, 11),
      (const char *)sqlite3_column_text (stmt, 12));
}

static void
free_name_list (gpointer list)
{
  if (list != NULL)
    g_ptr_array_unref (list);
}

/* Reads the tags of many annotations at once: @tag_sql selects
 * (annotation id, tag name) pairs, bound to @bind_id when it is > 0. */
static gboolean
load_tags (PxStore *self, GPtrArray *annotations, const char *tag_sql, gint64 bind_id, GError **error)
{
  g_autofree gint64 *ids = NULL;
  g_autoptr (GHashTable) index = NULL;
  g_autoptr (GPtrArray) names = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (annotations->len == 0)
    return TRUE;
  /* id → position in @annotations; the keys point into @ids. */
  ids = g_new (gint64, annotations->len);
  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  names = g_ptr_array_new_full (annotations->len, free_name_list);
  for (guint i = 0; i < annotations->len; i++)
    {
      ids[i] = px_annotation_get_id (g_ptr_array_index (annotations, i));
      g_hash_table_insert (index, &ids[i], GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (names, NULL);
    }

  stmt = _px_store_prepare (self, tag_sql, error);
  if (stmt == NULL)
    return FALSE;
  if (bind_id > 0)
    sqlite3_bind_int64 (stmt, 1, bind_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
      GPtrArray *list;

      if (pos == 0)
        continue;
      list = g_ptr_array_index (names, pos - 1);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_index (names, pos - 1) = list;
        }
      g_ptr_array_add (list, _px_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, rc, error);

  for (guint i = 0; i < annotations->len; i++)
    {
      GPtrArray *list = g_ptr_array_index (names, i);

      if (list == NULL)
        continue;
      g_ptr_array_add (list, NULL);
      px_annotation_set_tags (g_ptr_array_index (annotations, i), (const char *const *)list->pdata);
    }
  return TRUE;
}

/* Steps a bound statement of ANNOTATION_SELECT rows to its end. */
static GPtrArray *
collect_annotations (PxStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, annotation_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static GPtrArray *
query_annotations (PxStore *self, const char *sql, gint64 bind_id, const char *bind_text, GError **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (bind_text != NULL)
    sqlite3_bind_text (stmt, 1, bind_text, -1, SQLITE_TRANSIENT);
  else if (bind_id > 0)
    sqlite3_bind_int64 (stmt, 1, bind_id);
  return collect_annotations (self, stmt, error);
}

PxAnnotation *
px_store_get_annotation (PxStore *self, gint64 id, GError **error)
{
  g_autoptr (GPtrArray) found = NULL;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  found = query_annotations (self, ANNOTATION_SELECT " WHERE a.id = ?1;", id, NULL, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      not_found (error, id);
      return NULL;
    }
  if (!load_tags (self, found,
                  "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
                  " WHERE at.annotation_id = ?1;",
                  id, error))
    return NULL;
  return g_object_ref (g_ptr_array_index (found, 0));
}

GPtrArray *
px_store_list_annotations (PxStore *self, gint64 document_id, GError **error)
{
  g_autoptr (GPtrArray) found = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  if (document_id > 0)
    {
      found =
          query_annotations (self, ANNOTATION_SELECT " WHERE a.document_id = ?1 ORDER BY a.start, a.end DESC, a.id;",
                             document_id, NULL, error);
      ok = found != NULL &&
           load_tags (self, found,
                      "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
                      " JOIN annotations a ON a.id = at.annotation_id WHERE a.document_id = ?1;",
                      document_id, error);
    }
  else
    {
      found = query_annotations (self, ANNOTATION_SELECT " ORDER BY a.document_id, a.start, a.end DESC, a.id;", 0, NULL,
                                 error);
      ok = found != NULL &&
           load_tags (self, found,
                      "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id;", 0,
                      error);
    }
  return ok ? g_steal_pointer (&found) : NULL;
}

GPtrArray *
px_store_search_annotations (PxStore *self, const char *query, GError **error)
{
  return px_store_search_annotations_filtered (self, query, NULL, NULL, error);
}

GPtrArray *
px_store_search_annotations_filtered (PxStore *self, const char *query, const char *const *colors, const char *tag,
                                      GError **error)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *match = NULL;
  g_autofree char *color_set = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL) || (match = _px_store_build_match_query (query)) == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  if (colors != NULL)
    {
      /* ",yellow,green,": a colour is in it when ",colour," is. */
      g_autofree char *joined = g_strjoinv (",", (char **)colors);
      color_set = g_strconcat (",", joined, ",", NULL);
    }
  /* Ranking is bounded: bm25 for every match of a common word costs more
   * than the search (120 ms for 20,000 of 50,000 highlights), so only the
   * newest matches are ranked, and shown best first. The colour and tag
   * narrow the matches before that bound, so an old green highlight is
   * found among a thousand newer yellow ones. */
  stmt = _px_store_prepare (self,
                            ANNOTATION_SELECT
                            " JOIN (SELECT annotations_fts.rowid AS id, bm25 (annotations_fts) AS score"
                            "       FROM annotations_fts JOIN annotations x ON x.id = annotations_fts.rowid"
                            "       WHERE annotations_fts MATCH ?1"
                            "         AND (?2 IS NULL OR instr (?2, ',' || x.color || ',') > 0)"
                            "         AND (?3 IS NULL OR EXISTS (SELECT 1 FROM annotation_tags at"
                            "                                    JOIN tags t ON t.id = at.tag_id"
                            "                                    WHERE at.annotation_id = x.id AND t.name = ?3))"
                            "       ORDER BY annotations_fts.rowid DESC"
                            "       LIMIT " G_STRINGIFY (PX_STORE_SEARCH_ANNOTATIONS_MAX) ") m ON m.id = a.id"
                                                                                          " ORDER BY m.score, a.id;",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  _px_bind_text (stmt, 2, color_set);
  _px_bind_text (stmt, 3, tag);
  if ((found = collect_annotations (self, stmt, error)) == NULL)
    return NULL;
  /* Tags of the matches only: one query per match is cheap for the few
   * dozen a search shows. */
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr (GPtrArray) one = g_ptr_array_new ();
      PxAnnotation *a = g_ptr_array_index (found, i);

      g_ptr_array_add (one, a);
      if (!load_tags (self, one,
                      "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
                      " WHERE at.annotation_id = ?1;",
                      px_annotation_get_id (a), error))
        return NULL;
    }
  return g_steal_pointer (&found);
}

static gboolean
validate (PxAnnotation *a, GError **error)
{
  const char *note = px_annotation_get_note (a);

  if (px_annotation_get_document_id (a) <= 0)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("The highlight belongs to no document"));
      return FALSE;
    }
  if (*px_annotation_get_quote (a) == '\0')
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("An empty passage cannot be highlighted"));
      return FALSE;
    }
  if (!g_utf8_validate (note, -1, NULL) || !g_utf8_validate (px_annotation_get_quote (a), -1, NULL))
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("The note is not valid UTF-8 text"));
      return FALSE;
    }
  if (strlen (note) > MAX_NOTE_BYTES)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("The note is too long (more than %d MB)"),
                   MAX_NOTE_BYTES / (1024 * 1024));
      return FALSE;
    }
  for (const char *const *t = px_annotation_get_tags (a); *t != NULL; t++)
    if (!g_utf8_validate (*t, -1, NULL) || strlen (*t) > 200)
      {
        g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID,
                             _ ("A tag name must be valid text of at most 200 bytes"));
        return FALSE;
      }
  return TRUE;
}

/* Replaces the tags of a stored annotation, creating missing tags, and
 * reads the names back as the codebook spells them. */
static gboolean
write_tags (PxStore *self, PxAnnotation *a, const char *now, GError **error)
{
  gint64 id = px_annotation_get_id (a);
  const char *const *tags = px_annotation_get_tags (a);
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  sqlite3_stmt *stmt;

  stmt = _px_store_prepare (self, "DELETE FROM annotation_tags WHERE annotation_id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    {
      stmt = _px_store_prepare (self, "INSERT INTO tags (name, created) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING;",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tags[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      if (!_px_store_step_done (self, stmt, error))
        return FALSE;
      stmt = _px_store_prepare (self,
                                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id)"
                                " SELECT ?1, id FROM tags WHERE name = ?2;",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, tags[i], -1, SQLITE_TRANSIENT);
      if (!_px_store_step_done (self, stmt, error))
        return FALSE;
    }
  if (tags[0] == NULL)
    return TRUE;
  g_ptr_array_add (one, a);
  px_annotation_set_tags (a, NULL);
  return load_tags (self, one,
                    "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
                    " WHERE at.annotation_id = ?1;",
                    id, error);
}

static gboolean
insert_annotation (PxStore *self, PxAnnotation *a, gboolean with_id, GError **error)
{
  g_autofree char *now = _px_store_now ();
  sqlite3_stmt *stmt;

  if (!validate (a, error))
    return FALSE;
  stmt = _px_store_prepare (self,
                            "INSERT INTO annotations (id, document_id, start, end, quote, prefix, suffix, color, note,"
                            " note_language, orphaned, created, modified)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13);",
                            error);
  if (stmt == NULL)
    return FALSE;
  if (with_id)
    sqlite3_bind_int64 (stmt, 1, px_annotation_get_id (a));
  sqlite3_bind_int64 (stmt, 2, px_annotation_get_document_id (a));
  sqlite3_bind_int64 (stmt, 3, px_annotation_get_start (a));
  sqlite3_bind_int64 (stmt, 4, px_annotation_get_end (a));
  sqlite3_bind_text (stmt, 5, px_annotation_get_quote (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, px_annotation_get_prefix (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, px_annotation_get_suffix (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, px_annotation_get_color (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, px_annotation_get_note (a), -1, SQLITE_TRANSIENT);
  _px_bind_text (stmt, 10, px_annotation_get_note_language (a));
  sqlite3_bind_int (stmt, 11, px_annotation_get_orphaned (a));
  _px_bind_text (stmt, 12, with_id && px_annotation_get_created (a) ? px_annotation_get_created (a) : now);
  sqlite3_bind_text (stmt, 13, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int rc = sqlite3_extended_errcode (_px_store_get_db (self));
      sqlite3_reset (stmt);
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no document %lld"),
                       (long long)px_annotation_get_document_id (a));
          return FALSE;
        }
      return _px_store_fail (self, rc, error);
    }
  sqlite3_reset (stmt);
  if (!with_id)
    px_annotation_set_id (a, sqlite3_last_insert_rowid (_px_store_get_db (self)));
  if (!with_id || px_annotation_get_created (a) == NULL)
    px_annotation_set_created (a, now);
  px_annotation_set_modified (a, now);
  return write_tags (self, a, now, error);
}

static gboolean
add_txn (PxStore *self, gpointer user_data, GError **error)
{
  return insert_annotation (self, user_data, FALSE, error);
}

gboolean
px_store_add_annotation (PxStore *self, PxAnnotation *annotation, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (px_annotation_get_id (annotation) == 0, FALSE);

  if (!px_store_transaction (self, add_txn, annotation, error))
    {
      /* Nothing was stored, so nothing may look stored. */
      px_annotation_set_id (annotation, 0);
      return FALSE;
    }
  return TRUE;
}

static gboolean
restore_txn (PxStore *self, gpointer user_data, GError **error)
{
  return insert_annotation (self, user_data, TRUE, error);
}

gboolean
px_store_restore_annotation (PxStore *self, PxAnnotation *annotation, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (px_annotation_get_id (annotation) > 0, FALSE);
  return px_store_transaction (self, restore_txn, annotation, error);
}

static gboolean
update_txn (PxStore *self, gpointer user_data, GError **error)
{
  PxAnnotation *a = user_data;
  g_autofree char *now = _px_store_now ();
  sqlite3_stmt *stmt;

  if (!validate (a, error))
    return FALSE;
  stmt = _px_store_prepare (self,
                            "UPDATE annotations SET start = ?2, end = ?3, quote = ?4, prefix = ?5, suffix = ?6,"
                            " color = ?7, note = ?8, note_language = ?9, orphaned = ?10, modified = ?11"
                            " WHERE id = ?1;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, px_annotation_get_id (a));
  sqlite3_bind_int64 (stmt, 2, px_annotation_get_start (a));
  sqlite3_bind_int64 (stmt, 3, px_annotation_get_end (a));
  sqlite3_bind_text (stmt, 4, px_annotation_get_quote (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, px_annotation_get_prefix (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, px_annotation_get_suffix (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, px_annotation_get_color (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, px_annotation_get_note (a), -1, SQLITE_TRANSIENT);
  _px_bind_text (stmt, 9, px_annotation_get_note_language (a));
  sqlite3_bind_int (stmt, 10, px_annotation_get_orphaned (a));
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_px_store_get_db (self)) == 0)
    {
      not_found (error, px_annotation_get_id (a));
      return FALSE;
    }
  px_annotation_set_modified (a, now);
  return write_tags (self, a, now, error);
}

gboolean
px_store_update_annotation (PxStore *self, PxAnnotation *annotation, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);
  return px_store_transaction (self, update_txn, annotation, error);
}

static gboolean
delete_txn (PxStore *self, gpointer user_data, GError **error)
{
  gint64 id = *(gint64 *)user_data;
  sqlite3_stmt *stmt = _px_store_prepare (self, "DELETE FROM annotations WHERE id = ?1;", error);

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
px_store_delete_annotation (PxStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return px_store_transaction (self, delete_txn, &id, error);
}

/* ---- Re-anchoring ---- */

typedef struct
{
  gint64 document_id;
  PxDocument *content;
  PxReanchorStats *stats;
  guint changed_words;
  guint version;
} ReplaceData;

/* Where a highlight is expected now. Before and after the edited region
 * the map knows; inside it (or with several edits) the shift of the
 * previous highlight in text order is the best guess, since highlights
 * between two edits all move by the same amount. */
static guint
expected_start (const PxAnchorMap *map, guint old_start, gint64 last_shift)
{
  gint64 guess;

  if (old_start <= map->common_prefix || old_start >= map->old_length - map->common_suffix)
    return px_anchor_map_offset (map, old_start);
  guess = (gint64)old_start + last_shift;
  return (guint)CLAMP (guess, 0, (gint64)map->new_length);
}

/* What re-anchoring needs of a highlight; read all before any changes,
 * as the updates move rows in the index the query reads. */
typedef struct
{
  gint64 id;
  PxAnchorSelector selector;
  gboolean orphaned;
} AnchorRow;

static void
anchor_row_clear (gpointer data)
{
  px_anchor_selector_clear (&((AnchorRow *)data)->selector);
}

static GArray *
load_anchor_rows (PxStore *self, gint64 document_id, GError **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (AnchorRow));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (rows, anchor_row_clear);
  stmt = _px_store_prepare (self,
                            "SELECT id, start, end, quote, prefix, suffix, orphaned FROM annotations"
                            " WHERE document_id = ?1 ORDER BY start, end DESC, id;",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AnchorRow row = { 0 };
      row.id = sqlite3_column_int64 (stmt, 0);
      row.selector.start = sqlite3_column_int (stmt, 1);
      row.selector.end = MAX (row.selector.start, (guint)sqlite3_column_int (stmt, 2));
      row.selector.quote = _px_column_dup (stmt, 3);
      row.selector.prefix = _px_column_dup (stmt, 4);
      row.selector.suffix = _px_column_dup (stmt, 5);
      row.orphaned = sqlite3_column_int (stmt, 6) != 0;
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* TRUE when the stored quote and context are still exactly what the text
 * says around [start, end): then only the offsets may need saving. */
static gboolean
selector_still_exact (const PxAnchorText *text, const PxAnchorSelector *old, guint start, guint end)
{
  guint length = px_anchor_text_get_length (text);

  return px_anchor_text_has_at (text, start, old->quote, FALSE) &&
         (guint)g_utf8_strlen (old->quote, -1) == end - start &&
         (guint)g_utf8_strlen (old->prefix, -1) == MIN (start, PX_ANCHOR_CONTEXT) &&
         (guint)g_utf8_strlen (old->suffix, -1) == MIN (length - end, PX_ANCHOR_CONTEXT) &&
         px_anchor_text_has_at (text, start, old->prefix, TRUE) &&
         px_anchor_text_has_at (text, end, old->suffix, FALSE);
}

/* Whether two quotes have the same words, whatever the case, quotation
 * marks, punctuation and spaces between them. */
static gboolean
same_words (const char *a, const char *b)
{
  while (TRUE)
    {
      gunichar x = 0, y = 0;

      while (*a != '\0' && !g_unichar_isalnum (x = g_utf8_get_char (a)))
        a = g_utf8_next_char (a);
      while (*b != '\0' && !g_unichar_isalnum (y = g_utf8_get_char (b)))
        b = g_utf8_next_char (b);
      if (*a == '\0' || *b == '\0')
        return *a == *b;
      if (g_unichar_tolower (x) != g_unichar_tolower (y))
        return FALSE;
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
}

/* The most a side of a highlight grows to reach the end of a word: a
 * longer run of letters is no word cut in two but a script that does not
 * space its words, or a string of letters with no boundary in sight. */
#define SNAP_MAX_GROWTH 16

/* Whether @c continues the word before or after it as far as spaces and
 * punctuation tell. Letters of scripts written without spaces between
 * words (Chinese, Japanese, Thai, ...) do not: there the word ends are
 * in no character, and core has no dictionary (Pango) to find them. */
static gboolean
joins_word (gunichar c)
{
  if (!g_unichar_isalnum (c))
    return FALSE;
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_TIBETAN:
      return FALSE;
    default:
      return TRUE;
    }
}

/* Widens @start..@end of @text to the words it cuts into, by at most
 * SNAP_MAX_GROWTH characters a side: a side with no word end that near
 * is left where it was. */
static void
snap_to_words (const PxAnchorText *text, guint *start, guint *end)
{
  const char *utf8 = px_anchor_text_get_utf8 (text);
  guint length = px_anchor_text_get_length (text);
  const char *p;
  guint at = *start;

  if (*start > *end || *end > length)
    return;
  p = g_utf8_offset_to_pointer (utf8, at);
  while (at > 0 && *start - at <= SNAP_MAX_GROWTH)
    {
      const char *prev = g_utf8_prev_char (p);
      if (!joins_word (g_utf8_get_char (prev)))
        break;
      p = prev;
      at--;
    }
  if (*start - at <= SNAP_MAX_GROWTH)
    *start = at;
  at = *end;
  p = g_utf8_offset_to_pointer (utf8, at);
  while (at < length && at - *end <= SNAP_MAX_GROWTH && joins_word (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      at++;
    }
  if (at - *end <= SNAP_MAX_GROWTH)
    *end = at;
}

static gboolean
reanchor_one (PxStore *self, AnchorRow *row, const PxAnchorText *text, const PxAnchorMap *map, gint64 *last_shift,
              PxReanchorStats *stats, guint version, GError **error)
{
  PxAnchorSelector *old = &row->selector;
  PxAnchorSelector fresh = { 0 };
  PxAnchorResult result;
  sqlite3_stmt *stmt;
  gboolean quote_changed;

  if (!px_anchor_find (text, old, expected_start (map, old->start, *last_shift), &result))
    {
      stats->n_orphaned++;
      if (row->orphaned)
        return TRUE;
      /* Kept with its old position and quote, which is all we know. */
      stmt = _px_store_prepare (self, "UPDATE annotations SET orphaned = 1 WHERE id = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->id);
      return _px_store_step_done (self, stmt, error);
    }

  /* An approximate match is as long as the old quote, wherever words
   * begin: a highlight takes whole words. */
  if (result.method == PX_ANCHOR_FUZZY)
    snap_to_words (text, &result.start, &result.end);
  *last_shift = (gint64)result.start - (gint64)old->start;
  switch (result.method)
    {
    case PX_ANCHOR_POSITION:
      stats->n_position++;
      break;
    case PX_ANCHOR_EXACT:
      stats->n_exact++;
      break;
    default:
      stats->n_fuzzy++;
      break;
    }

  /* Most highlights only moved, or did not move at all. */
  if (selector_still_exact (text, old, result.start, result.end))
    {
      if (result.start == old->start && result.end == old->end && !row->orphaned)
        return TRUE;
      stmt =
          _px_store_prepare (self, "UPDATE annotations SET start = ?2, end = ?3, orphaned = 0 WHERE id = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->id);
      sqlite3_bind_int64 (stmt, 2, result.start);
      sqlite3_bind_int64 (stmt, 3, result.end);
      return _px_store_step_done (self, stmt, error);
    }

  px_anchor_describe (text, result.start, result.end, &fresh);
  quote_changed = g_strcmp0 (fresh.quote, old->quote) != 0;
  /* Other words: never rewritten silently, the old quote is kept. */
  if (quote_changed && !same_words (fresh.quote, old->quote))
    {
      stats->n_changed++;
      if (!_px_store_record_annotation_change (self, row->id, version, old->quote, fresh.quote, error))
        {
          px_anchor_selector_clear (&fresh);
          return FALSE;
        }
    }
  /* The quote column feeds the search index: only touch it when it
   * changed. */
  stmt = _px_store_prepare (self,
                            quote_changed ? "UPDATE annotations SET start = ?2, end = ?3, prefix = ?4, suffix = ?5,"
                                            " orphaned = 0, quote = ?6 WHERE id = ?1;"
                                          : "UPDATE annotations SET start = ?2, end = ?3, prefix = ?4, suffix = ?5,"
                                            " orphaned = 0 WHERE id = ?1;",
                            error);
  if (stmt == NULL)
    {
      px_anchor_selector_clear (&fresh);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, fresh.start);
  sqlite3_bind_int64 (stmt, 3, fresh.end);
  sqlite3_bind_text (stmt, 4, fresh.prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, fresh.suffix, -1, SQLITE_TRANSIENT);
  if (quote_changed)
    sqlite3_bind_text (stmt, 6, fresh.quote, -1, SQLITE_TRANSIENT);
  px_anchor_selector_clear (&fresh);
  return _px_store_step_done (self, stmt, error);
}

static gboolean
replace_txn (PxStore *self, gpointer user_data, GError **error)
{
  ReplaceData *data = user_data;
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autoptr (PxAnchorText) new_text = NULL;
  g_autofree char *blocks = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = _px_store_now ();
  guint n_blocks = px_document_get_n_blocks (data->content);
  PxAnchorMap map;
  gint64 last_shift = 0;
  sqlite3_stmt *stmt;

  doc = px_store_load_document (self, data->document_id, error);
  if (doc == NULL || !_px_store_record_version (self, data->document_id, doc, data->content, data->changed_words, now,
                                                &data->version, error))
    return FALSE;
  new_text = px_anchor_text_new (px_document_get_text (data->content));
  px_anchor_map_init (&map, px_document_get_text (doc), px_document_get_text (data->content));

  px_document_set_content (doc, px_document_get_text (data->content),
                           n_blocks ? px_document_get_block (data->content, 0) : NULL, n_blocks);
  hash = px_document_compute_hash (doc);
  blocks = px_blocks_serialize (n_blocks ? px_document_get_block (data->content, 0) : NULL, n_blocks);
  stmt = _px_store_prepare (self,
                            "UPDATE documents SET text = ?2, blocks = ?3, content_hash = ?4, modified = ?5"
                            " WHERE id = ?1;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->document_id);
  sqlite3_bind_text (stmt, 2, px_document_get_text (doc), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, blocks, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int rc = sqlite3_extended_errcode (_px_store_get_db (self));
      sqlite3_reset (stmt);
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE,
                               _ ("Another document in the library already has this text"));
          return FALSE;
        }
      return _px_store_fail (self, rc, error);
    }
  sqlite3_reset (stmt);

  rows = load_anchor_rows (self, data->document_id, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (!reanchor_one (self, &g_array_index (rows, AnchorRow, i), new_text, &map, &last_shift, data->stats,
                       data->version, error))
      return FALSE;
  return _px_undo_stack_clear_document (self, data->document_id, error);
}

gboolean
px_store_replace_document_text (PxStore *self, gint64 document_id, PxDocument *content, PxReanchorStats *stats,
                                GError **error)
{
  return px_store_replace_document_version (self, document_id, content, 0, stats, error);
}

gboolean
px_store_replace_document_version (PxStore *self, gint64 document_id, PxDocument *content, guint changed_words,
                                   PxReanchorStats *stats, GError **error)
{
  PxReanchorStats local = { 0 };
  ReplaceData data = { document_id, content, &local, changed_words, 0 };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (PX_IS_DOCUMENT (content), FALSE);

  if (*px_document_get_text (content) == '\0')
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("The new text is empty"));
      return FALSE;
    }
  if (!px_store_transaction (self, replace_txn, &data, error))
    return FALSE;
  if (stats != NULL)
    *stats = local;
  return TRUE;
}
