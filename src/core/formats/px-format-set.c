/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "formats/px-format-set.h"
#include "annotations/px-store-annotations.h"
#include "annotations/px-store-coders.h"
#include "export/px-store-export.h"

void
px_format_set_free (PxFormatSet *set)
{
  if (set == NULL)
    return;
  g_free (set->title);
  g_clear_pointer (&set->documents, g_ptr_array_unref);
  g_clear_pointer (&set->annotations, g_ptr_array_unref);
  g_clear_pointer (&set->accessed, g_ptr_array_unref);
  g_clear_pointer (&set->coders, g_hash_table_unref);
  g_clear_pointer (&set->colors, g_ptr_array_unref);
  g_clear_pointer (&set->tags, g_ptr_array_unref);
  g_free (set);
}

/* The ids a scope covers, in the library's order. */
static GArray *
scope_document_ids (PxStore *store, const PxFormatScope *scope, char **title, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  switch (scope->kind)
    {
    case PX_FORMAT_SCOPE_DOCUMENT:
      {
        g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, scope->id, error);

        if (info == NULL)
          return NULL;
        *title = g_strdup (info->title);
        g_array_append_val (ids, scope->id);
        return g_steal_pointer (&ids);
      }
    case PX_FORMAT_SCOPE_EVENT:
      {
        GArray *event_ids = NULL;

        if (!px_store_get_event_documents (store, scope->id, title, &event_ids, error))
          return NULL;
        if (*title == NULL || **title == '\0')
          {
            g_free (*title);
            *title = g_strdup_printf ("Event %" G_GINT64_FORMAT, scope->id);
          }
        return event_ids;
      }
    case PX_FORMAT_SCOPE_TAG:
    case PX_FORMAT_SCOPE_ALL:
      {
        g_autoptr (GPtrArray) list = px_store_list_documents (store, error);

        if (list == NULL)
          return NULL;
        for (guint i = 0; i < list->len; i++)
          g_array_append_val (ids, ((PxDocumentInfo *)g_ptr_array_index (list, i))->id);
        *title = g_strdup (scope->kind == PX_FORMAT_SCOPE_TAG ? scope->tag : _ ("Library"));
        return g_steal_pointer (&ids);
      }
    }
  g_return_val_if_reached (NULL);
}

gboolean
px_format_tag_equal (const char *a, const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

static gboolean
tag_is_known (GPtrArray *tags, const char *name)
{
  for (guint i = 0; i < tags->len; i++)
    if (px_format_tag_equal (((PxTagInfo *)g_ptr_array_index (tags, i))->name, name))
      return TRUE;
  return FALSE;
}

static gboolean
has_tag_ignoring_case (PxAnnotation *annotation, const char *tag)
{
  for (const char *const *t = px_annotation_get_tags (annotation); *t != NULL; t++)
    if (px_format_tag_equal (*t, tag))
      return TRUE;
  return FALSE;
}

PxFormatSet *
px_format_set_load (PxStore *store, const PxFormatScope *scope, GError **error)
{
  g_autoptr (PxFormatSet) set = g_new0 (PxFormatSet, 1);
  g_autoptr (GArray) ids = NULL;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (scope->kind != PX_FORMAT_SCOPE_TAG || scope->tag != NULL, NULL);

  set->documents = g_ptr_array_new_with_free_func (g_object_unref);
  set->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  set->accessed = g_ptr_array_new_with_free_func (g_free);
  if ((set->colors = px_store_list_colors (store, error)) == NULL ||
      (set->tags = px_store_list_tags (store, error)) == NULL ||
      (set->coders = px_store_get_annotation_coders (store, error)) == NULL)
    return NULL;
  if (scope->kind == PX_FORMAT_SCOPE_TAG && !tag_is_known (set->tags, scope->tag))
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no tag “%s”"), scope->tag);
      return NULL;
    }
  if ((ids = scope_document_ids (store, scope, &set->title, error)) == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (PxDocument) doc = px_store_load_document (store, id, error);
      g_autoptr (GPtrArray) annotations = NULL;
      g_autofree char *imported = NULL;

      if (doc == NULL || (annotations = px_store_list_annotations (store, id, error)) == NULL ||
          (imported = px_store_get_document_imported (store, id, error)) == NULL)
        return NULL;
      if (scope->kind == PX_FORMAT_SCOPE_TAG)
        {
          for (guint k = annotations->len; k-- > 0;)
            if (!has_tag_ignoring_case (g_ptr_array_index (annotations, k), scope->tag))
              g_ptr_array_remove_index (annotations, k);
          if (annotations->len == 0)
            continue;
        }
      g_ptr_array_add (set->documents, g_steal_pointer (&doc));
      g_ptr_array_add (set->annotations, g_steal_pointer (&annotations));
      g_ptr_array_add (set->accessed, g_steal_pointer (&imported));
    }
  return g_steal_pointer (&set);
}

const char *
px_format_set_get_coder (const PxFormatSet *set, PxAnnotation *annotation)
{
  gint64 id = px_annotation_get_id (annotation);
  const char *coder = g_hash_table_lookup (set->coders, &id);

  return coder != NULL ? coder : "";
}

const char *
px_format_set_get_meaning (const PxFormatSet *set, const char *color)
{
  for (guint i = 0; i < set->colors->len; i++)
    {
      PxColorInfo *info = g_ptr_array_index (set->colors, i);

      if (g_strcmp0 (info->name, color) == 0)
        return info->meaning != NULL ? info->meaning : "";
    }
  return "";
}

guint
px_format_set_count_annotations (const PxFormatSet *set)
{
  guint n = 0;

  for (guint i = 0; i < set->annotations->len; i++)
    n += ((GPtrArray *)g_ptr_array_index (set->annotations, i))->len;
  return n;
}
