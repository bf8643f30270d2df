/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PxLibrary: importing coders' work, in a worker thread. */
#include "session/px-library-coding.h"

#include "formats/px-coding-package.h"
#include "formats/px-annotation-import.h"

/* Importing coders' work */

typedef struct
{
  GFile *file;
  gboolean package;
} CodingData;

static void
coding_data_free (CodingData *data)
{
  g_object_unref (data->file);
  g_free (data);
}

static void
count_annotations (PxCodingImportCounts *counts, GPtrArray *results)
{
  for (guint i = 0; i < results->len; i++)
    {
      const PxAnnotationImportResult *r = g_ptr_array_index (results, i);

      if (r->status == PX_IMPORT_IMPORTED)
        counts->imported++;
      else if (r->status == PX_IMPORT_DUPLICATE)
        counts->duplicate++;
      else if (r->annotation_id != 0)
        counts->orphaned++;
      else
        counts->missing++;
    }
}

static void
count_articles (PxCodingImportCounts *counts, GPtrArray *results)
{
  for (guint i = 0; i < results->len; i++)
    {
      const PxPackageArticle *a = g_ptr_array_index (results, i);

      if (a->duplicate)
        counts->duplicate++;
      else
        counts->imported++;
      if (counts->first_document == 0)
        counts->first_document = a->document_id;
    }
}

static gpointer
coding_work (PxStore *store, gpointer user_data, GCancellable *cancellable, GError **error)
{
  CodingData *data = user_data;
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *contents = NULL;
  g_autofree PxCodingImportCounts *counts = NULL;
  gsize length = 0;

  if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, error))
    return NULL;
  counts = g_new0 (PxCodingImportCounts, 1);
  if (data->package)
    {
      if ((results = px_coding_package_import (store, contents, length, error)) != NULL)
        count_articles (counts, results);
    }
  else
    {
      g_autoptr (GPtrArray) incoming = px_annotation_file_parse (contents, length, error);

      if (incoming != NULL && (results = px_annotation_import (store, incoming, NULL, error)) != NULL)
        count_annotations (counts, results);
    }
  return results != NULL ? g_steal_pointer (&counts) : NULL;
}

void
px_library_import_coding_async (PxLibrary *self, GFile *file, gboolean package, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  CodingData *data;

  g_return_if_fail (PX_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));
  if (px_library_fail_unless_writable (self, px_library_import_coding_async, cancellable, callback, user_data))
    return;
  data = g_new0 (CodingData, 1);
  data->file = g_object_ref (file);
  data->package = package;
  px_library_run_async (self, PX_STORE_OPEN_DEFAULT, coding_work, data, (GDestroyNotify)coding_data_free, g_free, FALSE,
                        px_library_import_coding_async, cancellable, callback, user_data);
}

PxCodingImportCounts *
px_library_import_coding_finish (PxLibrary *self, GAsyncResult *result, GError **error)
{
  return px_library_run_finish (self, result, error);
}
