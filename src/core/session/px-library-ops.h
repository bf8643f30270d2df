/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "compare/px-event-comparison.h"
#include "export/px-export.h"
#include "formats/px-exchange-format.h"
#include "import/px-import-job.h"
#include "session/px-library-worker.h"

G_BEGIN_DECLS

/* The long operations of a PxLibrary (see px-library-worker.h; importing
 * coders' work is in px-library-coding.h). */

/* Full-text search: the ids of matching documents (a GArray of gint64). */
void px_library_search_async (PxLibrary *self, const char *query, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data);
GArray *px_library_search_finish (PxLibrary *self, GAsyncResult *result, GError **error);

/* Reads every page of the library. When it is damaged and the store is
 * still the one checked, writes are forbidden (access becomes
 * READ_ONLY_DAMAGED) and the check fails with the damage. */
void px_library_check_async (PxLibrary *self, GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data);
gboolean px_library_check_finish (PxLibrary *self, GAsyncResult *result, GError **error);

/* Opens the library's file for writing, updating a library from an older
 * version (seconds for a large one). The store returned is for the UI
 * thread (px_library_set_store()); the worker does not touch it again. */
void px_library_update_async (PxLibrary *self, GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data);
PxStore *px_library_update_finish (PxLibrary *self, GAsyncResult *result, GError **error);

/* The comparison of an event's articles, from the cache when it is up to
 * date (@from_cache says so), computed otherwise (and cached when the
 * library is writable). */
void px_library_compare_async (PxLibrary *self, gint64 event_id, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
PxEventComparison *px_library_compare_finish (PxLibrary *self, GAsyncResult *result, gboolean *from_cache,
                                              GError **error);

/* Progress of an import, called in the caller's main context: @done of
 * @total files, the last one's name (or NULL). */
typedef void (*PxLibraryProgressFunc) (guint done, guint total, const char *last_name, gpointer user_data);

/* Imports files and folders (see px_import_run()); the PxImportResult of
 * each. What was imported before a cancel is kept and returned. */
void px_library_import_async (PxLibrary *self, GFile *const *files, guint n_files, PxLibraryProgressFunc progress,
                              gpointer progress_data, GDestroyNotify progress_destroy, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *px_library_import_finish (PxLibrary *self, GAsyncResult *result, GError **error);

/* Fetches a web page and imports it (see px_import_url()). */
void px_library_import_url_async (PxLibrary *self, const char *url, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data);
PxImportResult *px_library_import_url_finish (PxLibrary *self, GAsyncResult *result, GError **error);

typedef enum
{
  PX_EXPORT_KIND_ARTICLE,
  PX_EXPORT_KIND_EVENT,
  PX_EXPORT_KIND_TAG,
  PX_EXPORT_KIND_LIBRARY,
} PxExportKind;

/* What to export: an article, an event, a tag or the whole library, as
 * Markdown (@format NULL) or an exchange format; to @output, or as a
 * preview of its first @preview_lines lines when @output is NULL. */
typedef struct
{
  PxExportKind kind;
  gint64 id; /* article or event */
  char *tag; /* tag name */
  PxExportOptions *options;
  const PxExchangeFormat *format;
  char *output;
  guint preview_lines;
} PxLibraryExport;

void px_library_export_free (PxLibraryExport *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxLibraryExport, px_library_export_free)

/* Runs @job (taken); returns the preview text, or @output once written. */
void px_library_export_async (PxLibrary *self, PxLibraryExport *job, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data);
char *px_library_export_finish (PxLibrary *self, GAsyncResult *result, GError **error);

G_END_DECLS
