/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "session/px-library-worker.h"

G_BEGIN_DECLS

/* What importing a coder's annotations or a coding package brought. */
typedef struct
{
  guint imported;
  guint duplicate;
  guint orphaned;        /* annotations whose passage is gone */
  guint missing;         /* annotations whose article is not in the library */
  gint64 first_document; /* a package's first article */
} PxCodingImportCounts;

/* Imports a W3C Web Annotation / Hypothesis file (@package FALSE) or a
 * coding package (TRUE). Free the counts with g_free(). */
void px_library_import_coding_async (PxLibrary *self, GFile *file, gboolean package, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data);
PxCodingImportCounts *px_library_import_coding_finish (PxLibrary *self, GAsyncResult *result, GError **error);

G_END_DECLS
