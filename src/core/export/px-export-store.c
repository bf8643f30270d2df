/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "export/px-export-private.h"
#include "export/px-filename.h"
#include "annotations/px-store-annotations.h"
#include "export/px-store-export.h"

char *
px_export_document_from_store (PxStore *store, gint64 document_id, const PxExportOptions *options, GError **error)
{
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (PxDocumentInfo) info = NULL;
  g_autoptr (GPtrArray) annotations = NULL;
  g_autoptr (GPtrArray) colors = NULL;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  if ((doc = px_store_load_document (store, document_id, error)) == NULL ||
      (info = px_store_get_document_info (store, document_id, error)) == NULL ||
      (annotations = px_store_list_annotations (store, document_id, error)) == NULL ||
      (colors = px_store_list_colors (store, error)) == NULL)
    return NULL;
  return px_export_article (doc, annotations, colors, info->event_title, options);
}

char *
px_export_event_from_store (PxStore *store, gint64 event_id, const PxExportOptions *options, GError **error)
{
  g_autoptr (GArray) ids = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) annotations = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr (GPtrArray) colors = NULL;
  g_autoptr (PxComparison) comparison = NULL;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  if (!px_store_get_event_documents (store, event_id, &title, &ids, error) ||
      (colors = px_store_list_colors (store, error)) == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      PxDocument *doc = px_store_load_document (store, id, error);
      GPtrArray *list;

      if (doc == NULL)
        return NULL;
      g_ptr_array_add (docs, doc);
      if ((list = px_store_list_annotations (store, id, error)) == NULL)
        return NULL;
      g_ptr_array_add (annotations, list);
    }
  comparison = px_comparison_new (docs, NULL);
  return px_export_event (event_id, title, comparison, annotations, colors, options);
}

char *
px_export_file_name (const char *title, const char *fallback)
{
  g_autofree char *stem = px_sanitize_filename (title, fallback != NULL ? fallback : "Untitled");

  return g_strconcat (stem, ".md", NULL);
}
