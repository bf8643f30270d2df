/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "library/px-store.h"

G_BEGIN_DECLS

/* For the store's own files (documents, annotations, analysis cache…):
 * they share one connection and its prepared statements. */
sqlite3 *_px_store_get_db (PxStore *self);

/* Returns a cached prepared statement, reset and with bindings cleared.
 * The statement stays owned by the store. */
sqlite3_stmt *_px_store_prepare (PxStore *self, const char *sql, GError **error);

/* Turns the connection's last error into a GError with a clear message;
 * returns FALSE so callers can `return _px_store_fail (…)`. */
gboolean _px_store_fail (PxStore *self, int rc, GError **error);
/* Steps a bound statement to its end and returns its first column as an
 * array of gint64, or NULL with @error set. The statement is reset. */
GArray *_px_store_collect_ids (PxStore *self, sqlite3_stmt *stmt, GError **error);
/* Steps a bound statement to its end, adding its first column's text to
 * @builder. */
gboolean _px_store_collect_strings (PxStore *self, sqlite3_stmt *stmt, GStrvBuilder *builder, GError **error);
gboolean _px_store_exec (PxStore *self, const char *sql, GError **error);
/* Steps a statement that returns no rows. */
gboolean _px_store_step_done (PxStore *self, sqlite3_stmt *stmt, GError **error);

gboolean _px_store_check_writable (PxStore *self, GError **error);

/* px-store-checked.c: what the last full check of a library file found
 * undamaged (its identity, size and times, in the user's cache folder). */
gboolean _px_store_is_known_checked (const char *path);
void _px_store_remember_checked (const char *path);
/* Drops what _px_store_remember_checked() noted: damage was seen. */
void _px_store_forget_checked (const char *path);

/* Current UTC time as ISO 8601, for created/modified columns. */
char *_px_store_now (void);

/* Binds a string or NULL. */
void _px_bind_text (sqlite3_stmt *stmt, int index, const char *text);
char *_px_column_dup (sqlite3_stmt *stmt, int column);

/* Turns what a user types into an FTS5 query that cannot be a syntax
 * error (each word quoted, matched as a prefix); NULL when empty. */
char *_px_store_build_match_query (const char *query);

/* The library list's query (px_store_list_documents()). Its ORDER BY is
 * the documents_order index (schema v7) term for term, so SQLite walks
 * the index instead of sorting every row: change them together. */
#define PX_STORE_INFO_SELECT                                       \
  "SELECT d.id, d.title, o.name, d.published, d.event_id, e.title" \
  " FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id"    \
  " LEFT JOIN events e ON e.id = d.event_id"
#define PX_STORE_LIST_SQL                                                                            \
  PX_STORE_INFO_SELECT " ORDER BY d.event_id IS NULL, d.event_id, d.published IS NULL, d.published," \
                       " d.title COLLATE NOCASE, d.id;"
/* The same rows read from the table alone, for when an index is damaged. */
#define PX_STORE_LIST_UNINDEXED_SQL                                                                     \
  "SELECT d.id, d.title, o.name, d.published, d.event_id, e.title"                                      \
  " FROM documents d NOT INDEXED LEFT JOIN outlets o ON o.id = d.outlet_id"                             \
  " LEFT JOIN events e ON e.id = d.event_id"                                                            \
  " ORDER BY d.event_id IS NULL, d.event_id, d.published IS NULL, d.published, d.title COLLATE NOCASE," \
  " d.id;"

/* Migrations: the schema, step by step (px-store-schema.c). */
int _px_store_schema_latest (void);
int _px_store_schema_oldest_readable (void);
/* Migrates a library (from @from to @to, in one transaction): for tests
 * that build older libraries. */
gboolean _px_store_schema_migrate (sqlite3 *db, int from, int to, GError **error);
/* The version whose schema the library really holds, from the objects
 * each step made (whatever user_version says): 0 for none. */
int _px_store_schema_detect (sqlite3 *db);
/* Inside the caller's write transaction: brings a library whose
 * user_version is @stored and whose schema is that of @actual
 * (_px_store_schema_detect) to the latest version, repairing what two
 * openers migrating at once left half done. */
gboolean _px_store_schema_update_locked (sqlite3 *db, int stored, int actual, GError **error);

/* Set in PRAGMA application_id so other SQLite files are recognised. */
#define PX_STORE_APPLICATION_ID 0x50524C58 /* "PRLX" */

/* The coder of highlight @annotation_id as stored: NULL for the
 * library's own (or no such highlight). */
char *_px_store_dup_annotation_coder (PxStore *self, gint64 annotation_id);

/* Versions (px-store-versions.c), inside the caller's transaction: keeps
 * @content as the next version of @document_id (and the text it had,
 * @old, as version 1 the first time), setting @version to its number. */
gboolean _px_store_record_version (PxStore *self, gint64 document_id, PxDocument *old, PxDocument *content,
                                   guint changed_words, const char *now, guint *version, GError **error);
/* Highlight @annotation_id read @old_quote before @version, @new_quote in it. */
gboolean _px_store_record_annotation_change (PxStore *self, gint64 annotation_id, guint version, const char *old_quote,
                                             const char *new_quote, GError **error);

G_END_DECLS
