/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "library/px-store.h"

G_BEGIN_DECLS

typedef enum
{
  PX_IMPORT_IMPORTED,
  PX_IMPORT_DUPLICATE,
  PX_IMPORT_FAILED,
  PX_IMPORT_UPDATED, /* a page fetched again whose text changed */
} PxImportStatus;

typedef struct
{
  char *source; /* path or URL as given */
  PxImportStatus status;
  gint64 document_id; /* new id, or the existing one for a duplicate or update */
  char *title;
  char *message; /* why it failed, what an update did to the highlights, or how an imported
                  * page's text was found when the usual rules found none; NULL otherwise */
  /* For an imported document that is nearly the same text as one already
   * in the library (the same wire story from another outlet, a page saved
   * twice): that document, its title and the estimated similarity (0…1).
   * Flagged, not merged. 0 / NULL otherwise. */
  gint64 near_duplicate_of;
  char *near_duplicate_title;
  double similarity;
} PxImportResult;

void px_import_result_free (PxImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxImportResult, px_import_result_free)

/* Called from the thread running the job after each file. */
typedef void (*PxImportProgressFunc) (guint done, guint total, const PxImportResult *last, gpointer user_data);

/* Imports files and folders into a store. Documents are committed in
 * batches of whole documents, so that a crash never leaves a half-imported
 * one, and @progress hears of a file only once it is committed. Stops
 * early (keeping what was imported) when @cancellable is cancelled. Returns the results in
 * order; fails as a whole only when the folders cannot be listed or the
 * store cannot be written at all (disk full, read-only). */
GPtrArray *px_import_run (PxStore *store, GFile *const *roots, guint n_roots, PxImportProgressFunc progress,
                          gpointer user_data, GCancellable *cancellable, GError **error);

/* Counts of each status in @results. */
void px_import_count (GPtrArray *results, guint *imported, guint *duplicates, guint *failed);
/* How many imported documents were flagged as near duplicates. */
guint px_import_count_near_duplicates (GPtrArray *results);

/* Adds one imported document to the store in one transaction, noticing
 * exact duplicates (same text) and near duplicates (word shingles, see
 * px-shingles.h; the index is updated at the same time, so detection is
 * incremental). Returns the result for @source; fails only for errors of
 * the library itself (disk full, read-only, corrupt, busy). */
PxImportResult *px_import_add_document (PxStore *store, PxDocument *doc, const char *source, GError **error);

/* Fetches and imports one web page (see px-url-fetch.h): a failed fetch is
 * a PX_IMPORT_FAILED result with the reason, not an error. Blocking: for
 * the command line and worker threads. */
PxImportResult *px_import_url (PxStore *store, const char *url, GCancellable *cancellable, GError **error);

/* Signs documents imported before the near-duplicate index existed, so
 * that new imports are compared with them too. Cheap when all are signed. */
gboolean px_import_index_unsigned (PxStore *store, GCancellable *cancellable, GError **error);

G_END_DECLS
