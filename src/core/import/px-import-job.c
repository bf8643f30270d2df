/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-import-job.h"

#include "import/px-import.h"

void
px_import_result_free (PxImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->source);
  g_free (result->title);
  g_free (result->message);
  g_free (result);
}

/* Errors that concern the library rather than one file stop the batch:
 * going on would only fail the same way for every remaining file. */
static gboolean
is_fatal_store_error (const GError *error)
{
  return error->domain == PX_STORE_ERROR &&
         (error->code == PX_STORE_ERROR_FULL || error->code == PX_STORE_ERROR_READ_ONLY ||
          error->code == PX_STORE_ERROR_IO || error->code == PX_STORE_ERROR_CORRUPT ||
          error->code == PX_STORE_ERROR_BUSY);
}

GPtrArray *
px_import_run (PxStore *store, GFile *const *roots, guint n_roots, PxImportProgressFunc progress, gpointer user_data,
               GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)px_import_result_free);

  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  files = px_import_collect_files (roots, n_roots, cancellable, error);
  if (files == NULL)
    return NULL;

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      PxImportResult *result = g_new0 (PxImportResult, 1);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (PxDocument) doc = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          px_import_result_free (result);
          break;
        }

      result->source = g_file_get_path (file);
      if (result->source == NULL)
        result->source = g_file_get_uri (file);

      doc = px_import_file (file, cancellable, &local_error);
      if (doc != NULL)
        {
          gint64 existing = 0;

          result->title = g_strdup (px_document_get_title (doc));
          if (px_store_add_document (store, doc, &existing, &local_error))
            {
              result->status = PX_IMPORT_IMPORTED;
              result->document_id = px_document_get_id (doc);
            }
          else if (g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE))
            {
              result->status = PX_IMPORT_DUPLICATE;
              result->document_id = existing;
            }
          else if (is_fatal_store_error (local_error))
            {
              px_import_result_free (result);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
        }
      if (local_error != NULL && result->status != PX_IMPORT_DUPLICATE)
        {
          result->status = PX_IMPORT_FAILED;
          result->message = g_strdup (local_error->message);
        }

      g_ptr_array_add (results, result);
      if (progress != NULL)
        progress (i + 1, files->len, result, user_data);
    }
  return g_steal_pointer (&results);
}

void
px_import_count (GPtrArray *results, guint *imported, guint *duplicates, guint *failed)
{
  guint counts[3] = { 0, 0, 0 };

  for (guint i = 0; i < results->len; i++)
    {
      const PxImportResult *r = g_ptr_array_index (results, i);
      counts[r->status]++;
    }
  if (imported)
    *imported = counts[PX_IMPORT_IMPORTED];
  if (duplicates)
    *duplicates = counts[PX_IMPORT_DUPLICATE];
  if (failed)
    *failed = counts[PX_IMPORT_FAILED];
}
