/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "export/px-export-private.h"
#include "annotations/px-store-annotations.h"

static gboolean
same_name (const char *a, const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

/* The tag as the codebook spells it, or NULL. */
static char *
find_tag (PxStore *store, const char *tag, GError **error)
{
  g_autoptr (GPtrArray) tags = px_store_list_tags (store, error);

  if (tags == NULL)
    return NULL;
  for (guint i = 0; i < tags->len; i++)
    {
      PxTagInfo *info = g_ptr_array_index (tags, i);

      if (same_name (info->name, tag))
        return g_strdup (info->name);
    }
  g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no tag “%s”"), tag);
  return NULL;
}

char *
px_export_tag_from_store (PxStore *store, const char *tag, const PxExportOptions *options, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) infos = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) colors = NULL;
  g_autoptr (GHashTable) meanings = NULL;
  g_autoptr (GHashTable) by_doc = NULL;
  g_autoptr (PxExportOptions) tag_options = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  guint n_docs = 0, n_highlights = 0;
  g_autoptr (GString) body = g_string_new (NULL);

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (tag != NULL, NULL);

  if ((name = find_tag (store, tag, error)) == NULL || (infos = px_store_list_documents (store, error)) == NULL ||
      (all = px_store_list_annotations (store, 0, error)) == NULL ||
      (colors = px_store_list_colors (store, error)) == NULL)
    return NULL;
  meanings = _px_export_meanings_new (colors);

  /* The tag filter is the export's own; the other options apply too. */
  tag_options = options != NULL ? px_export_options_copy (options) : px_export_options_new ();
  by_doc = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < all->len; i++)
    {
      PxAnnotation *a = g_ptr_array_index (all, i);
      gint64 doc_id = px_annotation_get_document_id (a);
      GPtrArray *list;
      gboolean tagged = FALSE;

      for (const char *const *t = px_annotation_get_tags (a); *t != NULL && !tagged; t++)
        tagged = same_name (*t, name);
      if (!tagged)
        continue;
      if ((list = g_hash_table_lookup (by_doc, &doc_id)) == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_doc, g_memdup2 (&doc_id, sizeof doc_id), list);
        }
      g_ptr_array_add (list, g_object_ref (a));
    }

  /* Documents in library order (by event, date, title). */
  for (guint i = 0; i < infos->len; i++)
    {
      PxDocumentInfo *info = g_ptr_array_index (infos, i);
      GPtrArray *list = g_hash_table_lookup (by_doc, &info->id);
      g_autoptr (GPtrArray) selected = NULL;
      g_autoptr (PxDocument) doc = NULL;

      if (list == NULL)
        continue;
      selected = _px_export_select (list, tag_options);
      if (selected->len == 0)
        continue;
      if ((doc = px_store_load_document (store, info->id, error)) == NULL)
        return NULL;
      _px_export_append_heading (body, 2, info->title != NULL && *info->title != '\0' ? info->title : _ ("Untitled"));
      _px_export_append_citation (body, doc);
      _px_export_append_highlights (body, doc, selected, meanings, tag_options, 3);
      n_docs++;
      n_highlights += selected->len;
    }

  title = g_strdup_printf ("Highlights tagged #%s", name);
  _px_export_yaml_begin (out);
  _px_export_yaml_string (out, "title", title);
  _px_export_yaml_string (out, "tag", name);
  _px_export_yaml_int (out, "articles", n_docs);
  _px_export_yaml_int (out, "highlights", n_highlights);
  _px_export_yaml_end (out);
  _px_export_append_heading (out, 1, title);
  if (n_docs == 0)
    g_string_append (out, "*No highlights.*\n");
  g_string_append_len (out, body->str, body->len);

  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}
