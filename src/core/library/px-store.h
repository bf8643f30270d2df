/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "documents/px-document-info.h"
#include "documents/px-document.h"

G_BEGIN_DECLS

#define PX_STORE_ERROR (px_store_error_quark ())
GQuark px_store_error_quark (void);

typedef enum
{
  PX_STORE_ERROR_NOT_A_LIBRARY, /* some other file, SQLite or not */
  PX_STORE_ERROR_NEWER_VERSION, /* written by a newer Parallax */
  PX_STORE_ERROR_CORRUPT,       /* damaged database file */
  PX_STORE_ERROR_BUSY,          /* locked by another process for too long */
  PX_STORE_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  PX_STORE_ERROR_FULL,          /* the disk is full */
  PX_STORE_ERROR_IO,            /* another I/O error */
  PX_STORE_ERROR_NOT_FOUND,     /* no such document, annotation, … */
  PX_STORE_ERROR_DUPLICATE,     /* the same document is already stored */
  PX_STORE_ERROR_INVALID,       /* a value the store does not accept */
  PX_STORE_ERROR_FAILED,
} PxStoreError;

typedef enum
{
  PX_STORE_OPEN_DEFAULT = 0,
  PX_STORE_OPEN_READ_ONLY = 1 << 0,
  /* Do not create the file when it does not exist. */
  PX_STORE_OPEN_EXISTING = 1 << 1,
} PxStoreOpenFlags;

/* Whether a library can be changed through a connection, and if not,
 * why: the window explains it and disables what would write. */
typedef enum
{
  PX_STORE_ACCESS_WRITABLE,
  PX_STORE_ACCESS_READ_ONLY_ASKED,    /* opened with PX_STORE_OPEN_READ_ONLY */
  PX_STORE_ACCESS_READ_ONLY_FILE,     /* the file cannot be written */
  PX_STORE_ACCESS_READ_ONLY_FOLDER,   /* its folder cannot be (SQLite keeps -wal and -shm files there) */
  PX_STORE_ACCESS_READ_ONLY_LOCKED,   /* opened read-only because another program held it locked */
  PX_STORE_ACCESS_READ_ONLY_OUTDATED, /* from an older version, and updating it failed */
  PX_STORE_ACCESS_READ_ONLY_DAMAGED,  /* damage was found: writing could spread it */
} PxStoreAccess;

/* A connection to one library file. A PxStore is used by one thread at a
 * time; worker threads open their own. */
#define PX_TYPE_STORE (px_store_get_type ())
G_DECLARE_FINAL_TYPE (PxStore, px_store, PX, STORE, GObject)

/* $XDG_DATA_HOME/parallax/library.db */
char *px_store_default_path (void);

PxStore *px_store_open (const char *path, PxStoreOpenFlags flags, GError **error);
const char *px_store_get_path (PxStore *self);
gboolean px_store_is_read_only (PxStore *self);
PxStoreAccess px_store_get_access (PxStore *self);
/* Nothing more is written through this connection from now on, for
 * @reason (LOCKED or DAMAGED; the others follow from how it was opened):
 * every write fails with PX_STORE_ERROR_READ_ONLY. */
void px_store_forbid_writes (PxStore *self, PxStoreAccess reason);
int px_store_get_schema_version (PxStore *self);
/* The schema version this build writes. */
int px_store_latest_schema_version (void);
/* TRUE when @path is a library from an older version that opening will
 * update (after a backup), which can take seconds for a large one; FALSE
 * for anything else, including what cannot be read. Reads only the
 * header. */
gboolean px_store_needs_update (const char *path);

/* Documents. px_store_add_document() fails with PX_STORE_ERROR_DUPLICATE
 * (and sets *existing_id) when the same text is already stored. On
 * success the document's id is set. */
gboolean px_store_add_document (PxStore *self, PxDocument *doc, gint64 *existing_id, GError **error);
PxDocument *px_store_load_document (PxStore *self, gint64 id, GError **error);
/* Saves title, outlet, author, published, url and language. */
gboolean px_store_update_metadata (PxStore *self, PxDocument *doc, GError **error);
gboolean px_store_delete_document (PxStore *self, gint64 id, GError **error);
/* All documents, ordered by event, then date, then title. */
GPtrArray *px_store_list_documents (PxStore *self, GError **error);
PxDocumentInfo *px_store_get_document_info (PxStore *self, gint64 id, GError **error);
/* The document imported from @source (a path or URL as given to the import,
 * or the page's canonical URL): the oldest one, 0 when there is none, -1 on
 * an error. */
gint64 px_store_find_document_by_source (PxStore *self, const char *source, GError **error);
/* The document whose px_document_compute_hash() is @hash, or 0. */
gint64 px_store_find_document_by_hash (PxStore *self, const char *hash);
/* When the document was imported (ISO 8601 UTC): its "accessed" date. */
char *px_store_get_document_imported (PxStore *self, gint64 id, GError **error);
gint64 px_store_count_documents (PxStore *self, GError **error);
/* Ids of documents whose title, outlet, author or text match @query
 * (words, each a prefix, single letters whole; all must match), in
 * ascending order: a filter for the library list, which has its own
 * order. */
/* Longer searches fail with PX_STORE_ERROR_INVALID. */
#define PX_STORE_MAX_SEARCH_CHARS 1000
GArray *px_store_search_documents (PxStore *self, const char *query, GError **error);
/* Number of annotations that belong to a document. */
gint64 px_store_count_document_annotations (PxStore *self, gint64 id, GError **error);

/* Reads the whole library looking for damage (PRAGMA quick_check): fails
 * with PX_STORE_ERROR_CORRUPT when pages are damaged. It reads every page,
 * so the window runs it in a worker thread after opening. */
gboolean px_store_check (PxStore *self, GError **error);
/* The same check before a write, without reading every page again when
 * the file is as a Parallax process left it after finding it undamaged
 * (same file, size, modification and change times): a library written by
 * Parallax alone is read in full once, not before every write. Anything
 * else that touched the file since (damage, a copy put in its place, a
 * crash that left the file changed) makes it a full check. */
gboolean px_store_check_before_write (PxStore *self, GError **error);
/* Pages read from the file by this connection so far (for benchmarks and
 * tests that bound the work of a step). */
gint64 px_store_get_pages_read (PxStore *self);

/* Runs @func inside one transaction: commit if it returns TRUE, roll back
 * otherwise. Nested calls join the outer transaction. */
typedef gboolean (*PxStoreTransactionFunc) (PxStore *self, gpointer user_data, GError **error);
gboolean px_store_transaction (PxStore *self, PxStoreTransactionFunc func, gpointer user_data, GError **error);

G_END_DECLS
