/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "library/px-store-private.h"

/* Each step moves the schema from version i to i + 1. Never edit a step
 * once released: add a new one, and a test that migrates from every older
 * version (tests/test-store.c). */
static const char *const migrations[] = {
  /* 0 → 1: the foundation. */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE outlets ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  domain TEXT);"
  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  title_locked INTEGER NOT NULL DEFAULT 0," /* renamed by the user */
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL);"
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  outlet_id INTEGER REFERENCES outlets (id) ON DELETE SET NULL,"
  "  author TEXT,"
  "  published TEXT,"
  "  url TEXT,"
  "  language TEXT,"
  "  source TEXT,"
  "  source_kind TEXT NOT NULL DEFAULT 'text',"
  "  raw BLOB,"
  "  text TEXT NOT NULL,"
  "  blocks TEXT NOT NULL,"
  "  content_hash TEXT NOT NULL UNIQUE,"
  "  event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,"
  "  event_locked INTEGER NOT NULL DEFAULT 0," /* placed by the user */
  "  near_duplicate_of INTEGER REFERENCES documents (id) ON DELETE SET NULL,"
  "  imported TEXT NOT NULL,"
  "  modified TEXT NOT NULL);"
  "CREATE INDEX documents_event ON documents (event_id);"
  "CREATE INDEX documents_outlet ON documents (outlet_id);"
  "CREATE VIRTUAL TABLE documents_fts USING fts5 ("
  "  title, author, text, content='documents', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
  "  INSERT INTO documents_fts (rowid, title, author, text)"
  "  VALUES (new.id, new.title, new.author, new.text);"
  "END;"
  "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, title, author, text)"
  "  VALUES ('delete', old.id, old.title, old.author, old.text);"
  "END;"
  "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, author, text ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, title, author, text)"
  "  VALUES ('delete', old.id, old.title, old.author, old.text);"
  "  INSERT INTO documents_fts (rowid, title, author, text)"
  "  VALUES (new.id, new.title, new.author, new.text);"
  "END;"
  /* Annotations: position and quote selectors (see DESIGN.md, Anchors). */
  "CREATE TABLE colors ("
  "  name TEXT PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  meaning TEXT NOT NULL DEFAULT '');"
  "INSERT INTO colors (name, position) VALUES"
  "  ('yellow', 1), ('green', 2), ('blue', 3), ('red', 4), ('purple', 5), ('grey', 6);"
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  color TEXT NOT NULL DEFAULT '#8f8f8f',"
  "  created TEXT NOT NULL);"
  "CREATE TABLE annotations ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  quote TEXT NOT NULL,"
  "  prefix TEXT NOT NULL DEFAULT '',"
  "  suffix TEXT NOT NULL DEFAULT '',"
  "  color TEXT NOT NULL DEFAULT 'yellow',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  note_language TEXT,"
  "  orphaned INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  CHECK (start >= 0 AND end >= start));"
  "CREATE INDEX annotations_document ON annotations (document_id, start);"
  "CREATE TABLE annotation_tags ("
  "  annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (annotation_id, tag_id)) WITHOUT ROWID;"
  "CREATE INDEX annotation_tags_tag ON annotation_tags (tag_id);"
  "CREATE VIRTUAL TABLE annotations_fts USING fts5 ("
  "  quote, note, content='annotations', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN"
  "  INSERT INTO annotations_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);"
  "END;"
  "CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN"
  "  INSERT INTO annotations_fts (annotations_fts, rowid, quote, note)"
  "  VALUES ('delete', old.id, old.quote, old.note);"
  "END;"
  "CREATE TRIGGER annotations_fts_update AFTER UPDATE OF quote, note ON annotations BEGIN"
  "  INSERT INTO annotations_fts (annotations_fts, rowid, quote, note)"
  "  VALUES ('delete', old.id, old.quote, old.note);"
  "  INSERT INTO annotations_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);"
  "END;",
  /* 1 → 2: the near-duplicate index (import/px-shingles.h): a MinHash
   * signature per document, and its band keys for finding candidates. */
  "CREATE TABLE document_signatures ("
  "  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  signature BLOB NOT NULL);"
  "CREATE TABLE document_bands ("
  "  band_key INTEGER NOT NULL,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (band_key, document_id)) WITHOUT ROWID;"
  "CREATE INDEX document_bands_document ON document_bands (document_id);",

  /* 2 → 3: the library list reads only this index, not the documents'
   * text: 10,000 rows load in milliseconds instead of reading every page
   * of the table. */
  "CREATE INDEX documents_list ON documents (event_id, published, title, outlet_id, author);",
  /* 3 → 4: the undo history of annotation actions, kept across runs.
   * before/after are serialized annotations (NULL: did not exist). */
  "CREATE TABLE undo_log ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  annotation_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL,"
  "  before TEXT,"
  "  after TEXT,"
  "  merge_key TEXT,"
  "  time_ms INTEGER NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX undo_log_document ON undo_log (document_id, undone, id);",
  /* 4 → 5: event grouping and the comparison cache.
   * - event_changes.generation takes a new random value at every change to
   *   where documents belong or which exist, whoever made it (triggers;
   *   random, so that a rolled-back change never looks like a later one),
   *   so a connection knows when its copy of the event statistics is
   *   stale. A new document without an event does not count: it is
   *   waiting to be placed, and is found by its NULL event_id.
   * - event_index holds those statistics (a serialized PxEventIndex) as of
   *   a generation; they are a cache that the store can always rebuild.
   * - An event left without documents goes away.
   * - analysis_cache keeps an event's comparison under a stamp of its
   *   documents (ids, content, metadata, analysis version). */
  "CREATE TABLE event_changes ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  generation INTEGER NOT NULL);"
  "INSERT INTO event_changes (id, generation) VALUES (1, 0);"
  "CREATE TABLE event_index ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  generation INTEGER NOT NULL,"
  "  data BLOB NOT NULL);"
  "CREATE TRIGGER documents_events_insert AFTER INSERT ON documents"
  "  WHEN new.event_id IS NOT NULL BEGIN"
  "  UPDATE event_changes SET generation = random ();"
  "END;"
  "CREATE TRIGGER documents_events_delete AFTER DELETE ON documents BEGIN"
  "  UPDATE event_changes SET generation = random ();"
  "  DELETE FROM events WHERE id = old.event_id"
  "    AND NOT EXISTS (SELECT 1 FROM documents WHERE event_id = old.event_id);"
  "END;"
  "CREATE TRIGGER documents_events_update AFTER UPDATE OF event_id ON documents BEGIN"
  "  UPDATE event_changes SET generation = random ();"
  "  DELETE FROM events WHERE id = old.event_id AND old.event_id IS NOT new.event_id"
  "    AND NOT EXISTS (SELECT 1 FROM documents WHERE event_id = old.event_id);"
  "END;"
  "CREATE TABLE analysis_cache ("
  "  event_id INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,"
  "  stamp TEXT NOT NULL,"
  "  data BLOB NOT NULL,"
  "  created TEXT NOT NULL);",
  /* 5 → 6: search that keeps up with 10,000 articles. A user types a few
   * letters, and each word is searched as a prefix: without an index of
   * prefixes FTS5 merges the lists of every word that starts with them
   * ("ker" → hundreds of words, 40 ms at 10,000 articles). Indexes of
   * 2- and 3-character prefixes answer those from one list (2 ms); longer
   * prefixes match few words. The external-content tables are rebuilt
   * from the documents and annotations; their triggers stay. */
  "DROP TABLE documents_fts;"
  "CREATE VIRTUAL TABLE documents_fts USING fts5 ("
  "  title, author, text, content='documents', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
  "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');"
  "DROP TABLE annotations_fts;"
  "CREATE VIRTUAL TABLE annotations_fts USING fts5 ("
  "  quote, note, content='annotations', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
  "INSERT INTO annotations_fts (annotations_fts) VALUES ('rebuild');",
  /* 6 → 7: the library list in its own order. documents_list had the
   * columns but not the order (events first, ungrouped last, NULL dates
   * last, titles without case), so every start sorted all rows in a
   * temporary b-tree; at 10,000 articles the query took 21 ms, walking
   * this index takes 8. It holds every column the list reads. */
  "DROP INDEX documents_list;"
  "CREATE INDEX documents_order ON documents ("
  "  event_id IS NULL, event_id, published IS NULL, published, title COLLATE NOCASE, id, outlet_id);",
  /* 7 → 8: coders (annotations/px-store-coders.h). NULL is this library's own
   * coder, whoever it is set to; highlights imported from another coder
   * carry that coder's name. */
  "ALTER TABLE annotations ADD COLUMN coder TEXT;"
  "CREATE INDEX IF NOT EXISTS annotations_coder ON annotations (coder);",
  /* 8 → 9: versions (provenance/px-store-versions.h). Every text a document
   * had, with its fetch time, once it changes; and highlights whose
   * words changed with it, old and new quote side by side. */
  "CREATE TABLE IF NOT EXISTS document_versions ("
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  fetched TEXT NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  published TEXT,"
  "  text TEXT NOT NULL,"
  "  blocks TEXT NOT NULL,"
  "  changed_words INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (document_id, version));"
  "CREATE TABLE IF NOT EXISTS annotation_changes ("
  "  annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  old_quote TEXT NOT NULL,"
  "  new_quote TEXT NOT NULL,"
  "  PRIMARY KEY (annotation_id, version));",
  /* 9 → 10: the undo steps of event edits join the annotations' in
   * undo_log (annotations/px-undo-stack.h): a step of no document (document_id
   * NULL) is an edit of the library's events, its before a serialized
   * PxEventSnapshot. SQLite cannot drop a NOT NULL in place, so the table
   * is made again with the same rows and ids. */
  "CREATE TABLE undo_log_10 ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,"
  "  annotation_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL,"
  "  before TEXT,"
  "  after TEXT,"
  "  merge_key TEXT,"
  "  time_ms INTEGER NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0);"
  "INSERT INTO undo_log_10 (id, document_id, annotation_id, action, before, after, merge_key, time_ms, undone)"
  "  SELECT id, document_id, annotation_id, action, before, after, merge_key, time_ms, undone FROM undo_log;"
  "DROP TABLE undo_log;"
  "ALTER TABLE undo_log_10 RENAME TO undo_log;"
  "CREATE INDEX undo_log_document ON undo_log (document_id, undone, id);",
};

int
_px_store_schema_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

/* The oldest schema that this build reads as it is, without migrating:
 * a read-only connection (which cannot migrate) accepts it. v6 changed
 * only the search indexes' options and v7 only the list's index, so a v5
 * or v6 library reads the same (its searches and list are just slower).
 * Raise this when a step changes something the
 * reading code depends on. */
int
_px_store_schema_oldest_readable (void)
{
  return 5;
}

/* Runs the steps from @from to @to inside the caller's transaction. */
static gboolean
run_steps (sqlite3 *db, int from, int to, GError **error)
{
  for (int v = from; v < to; v++)
    {
      char *msg = NULL;
      int rc = sqlite3_exec (db, migrations[v], NULL, NULL, &msg);

      if (rc != SQLITE_OK)
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_FAILED,
                       _ ("Could not update the library to version %d: %s"), v + 1, msg ? msg : sqlite3_errstr (rc));
          sqlite3_free (msg);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_px_store_schema_migrate (sqlite3 *db, int from, int to, GError **error)
{
  g_autofree char *set_version = NULL;
  gboolean ok;

  g_return_val_if_fail (from >= 0 && to <= _px_store_schema_latest () && from <= to, FALSE);

  set_version = g_strdup_printf ("PRAGMA user_version = %d;", to);
  if (sqlite3_exec (db, "BEGIN IMMEDIATE;", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_BUSY, _ ("Could not update the library: %s"),
                   sqlite3_errmsg (db));
      return FALSE;
    }
  ok = run_steps (db, from, to, error);
  if (ok && sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK)
    ok = FALSE, g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_FAILED, _ ("Could not update the library: %s"),
                             sqlite3_errmsg (db));
  if (ok && sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
    ok = FALSE, g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_FAILED, _ ("Could not update the library: %s"),
                             sqlite3_errmsg (db));
  if (!ok)
    sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
  return ok;
}

static gboolean
has_object (sqlite3 *db, const char *type, const char *name, const char *sql_like)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db,
                          "SELECT 1 FROM sqlite_master WHERE type = ?1 AND name = ?2 AND (?3 IS NULL OR sql LIKE ?3);",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      if (sql_like != NULL)
        sqlite3_bind_text (stmt, 3, sql_like, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* Whether @table has a column named @column. */
static gboolean
has_column (sqlite3 *db, const char *table, const char *column)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2;", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* Whether @table's @column may hold NULL (FALSE when there is none). */
static gboolean
column_nullable (sqlite3 *db, const char *table, const char *column)
{
  sqlite3_stmt *stmt = NULL;
  gboolean nullable = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT \"notnull\" FROM pragma_table_info(?1) WHERE name = ?2;", -1, &stmt, NULL) ==
      SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
      nullable = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
    }
  sqlite3_finalize (stmt);
  return nullable;
}

/* Whether what step @v (1-based) made is in the schema. */
static gboolean
has_step (sqlite3 *db, int v)
{
  switch (v)
    {
    case 1:
      return has_object (db, "table", "meta", NULL) && has_object (db, "table", "documents", NULL);
    case 2:
      return has_object (db, "table", "document_signatures", NULL);
    case 3: /* documents_list, which step 7 replaced */
      return has_object (db, "index", "documents_list", NULL) || has_object (db, "index", "documents_order", NULL);
    case 4:
      return has_object (db, "table", "undo_log", NULL);
    case 5:
      return has_object (db, "table", "event_changes", NULL) && has_object (db, "table", "analysis_cache", NULL);
    case 6:
      return has_object (db, "table", "documents_fts", "%prefix=%");
    case 7:
      return has_object (db, "index", "documents_order", NULL);
    case 8: /* by the column: adding it again would fail */
      return has_column (db, "annotations", "coder");
    case 9:
      return has_object (db, "table", "document_versions", NULL) &&
             has_object (db, "table", "annotation_changes", NULL);
    case 10: /* by the column: undo_log_document is made again with the table */
      return column_nullable (db, "undo_log", "document_id");
    default:
      g_assert_not_reached ();
    }
}

int
_px_store_schema_detect (sqlite3 *db)
{
  int v = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == 10); /* add the new step to has_step() */
  while (v < _px_store_schema_latest () && has_step (db, v + 1))
    v++;
  return v;
}

gboolean
_px_store_schema_update_locked (sqlite3 *db, int stored, int actual, GError **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", _px_store_schema_latest ());
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d;", PX_STORE_APPLICATION_ID);

  g_return_val_if_fail (actual >= 0 && actual <= _px_store_schema_latest (), FALSE);

  if (actual != stored)
    g_message ("Library version %d holds the schema of version %d: repairing it", stored, actual);
  if (!run_steps (db, actual, _px_store_schema_latest (), error))
    return FALSE;
  /* Left behind by a step run twice by two openers (before the version
   * was read under the write lock): step 7 replaced it. */
  if (sqlite3_exec (db, "DROP INDEX IF EXISTS documents_list;", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, set_id, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_FAILED, _ ("Could not update the library: %s"),
                   sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}
