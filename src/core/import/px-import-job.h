/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/px-store.h"

G_BEGIN_DECLS

typedef enum
{
  PX_IMPORT_IMPORTED,
  PX_IMPORT_DUPLICATE,
  PX_IMPORT_FAILED,
} PxImportStatus;

typedef struct
{
  char *source; /* path or URL as given */
  PxImportStatus status;
  gint64 document_id; /* new id, or the existing one for a duplicate */
  char *title;
  char *message; /* why it failed; NULL otherwise */
} PxImportResult;

void px_import_result_free (PxImportResult *result);

/* Called from the thread running the job after each file. */
typedef void (*PxImportProgressFunc) (guint done, guint total, const PxImportResult *last, gpointer user_data);

/* Imports files and folders into a store, one transaction per document so
 * that a crash never leaves a half-imported one. Stops early (keeping
 * what was imported) when @cancellable is cancelled. Returns the results in
 * order; fails as a whole only when the folders cannot be listed or the
 * store cannot be written at all (disk full, read-only). */
GPtrArray *px_import_run (PxStore *store, GFile *const *roots, guint n_roots, PxImportProgressFunc progress,
                          gpointer user_data, GCancellable *cancellable, GError **error);

/* Counts of each status in @results. */
void px_import_count (GPtrArray *results, guint *imported, guint *duplicates, guint *failed);

G_END_DECLS
