/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "events/px-event-snapshot.h"

#include "events/px-store-events.h"

struct _PxEventSnapshot
{
  GPtrArray *events; /* PxEventInfo* */
};

PxEventSnapshot *
px_event_snapshot_new (PxStore *store, const gint64 *event_ids, guint n_events, GError **error)
{
  g_autoptr (PxEventSnapshot) self = g_new0 (PxEventSnapshot, 1);

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (event_ids != NULL || n_events == 0, NULL);

  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_info_free);
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr (GError) local_error = NULL;
      PxEventInfo *info;
      gboolean seen = FALSE;

      for (guint k = 0; k < self->events->len; k++)
        seen |= ((PxEventInfo *)self->events->pdata[k])->id == event_ids[i];
      if (seen || event_ids[i] <= 0)
        continue;
      info = px_store_get_event (store, event_ids[i], &local_error);
      if (info != NULL)
        g_ptr_array_add (self->events, info);
      else if (!g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

/* The documents of @info that still exist, whether all of them are in
 * @event_id already and whether any is. */
static GArray *
existing_documents (PxStore *store, const PxEventInfo *info, gint64 event_id, gboolean *in_place, gboolean *any_in,
                    GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  *in_place = TRUE;
  *any_in = FALSE;
  for (guint i = 0; i < info->documents->len; i++)
    {
      gint64 id = g_array_index (info->documents, gint64, i);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (PxDocumentInfo) doc = px_store_get_document_info (store, id, &local_error);

      if (doc == NULL)
        {
          if (g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
            continue; /* deleted since */
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      *in_place &= doc->event_id == event_id;
      *any_in |= doc->event_id == event_id;
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
restore_event (PxStore *store, const PxEventInfo *info, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PxEventInfo) now = px_store_get_event (store, info->id, &local_error);
  g_autoptr (GArray) ids = NULL;
  gint64 target = info->id;
  gboolean in_place, any_in;

  if (now == NULL && !g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Ids are reused (a new event takes the highest plus one): an event of
   * this id made since is another one, left alone. */
  if (now != NULL && g_strcmp0 (now->created, info->created) != 0)
    g_clear_pointer (&now, px_event_info_free);
  ids = existing_documents (store, info, now != NULL ? info->id : 0, &in_place, &any_in, error);
  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    return TRUE;
  /* Made within the same second: an event that holds none of this one's
   * documents is another one too (the last of them leaving an event
   * deletes it). */
  if (now != NULL && !any_in)
    g_clear_pointer (&now, px_event_info_free);
  if (now == NULL)
    {
      /* The event went away (merged, or its last article moved): a new
       * one of its documents. */
      target = px_store_group_documents (store, (gint64 *)ids->data, ids->len, error);
      if (target == 0)
        return FALSE;
    }
  else if (!in_place)
    for (guint i = 0; i < ids->len; i++)
      {
        gint64 id = g_array_index (ids, gint64, i);
        g_autoptr (PxDocumentInfo) doc = px_store_get_document_info (store, id, error);
        if (doc == NULL)
          return FALSE;
        if (doc->event_id != target && !px_store_move_document (store, id, target, error))
          return FALSE;
      }
  if (now != NULL && now->title_locked == info->title_locked && g_strcmp0 (now->title, info->title) == 0)
    return TRUE;
  return px_store_rename_event (store, target, info->title_locked ? info->title : NULL, error);
}

gboolean
px_event_snapshot_restore (PxEventSnapshot *self, PxStore *store, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (PX_IS_STORE (store), FALSE);

  for (guint i = 0; i < self->events->len; i++)
    if (!restore_event (store, self->events->pdata[i], error))
      return FALSE;
  return TRUE;
}

#define SNAPSHOT_TYPE "a(xsbsax)"

char *
px_event_snapshot_serialize (PxEventSnapshot *self)
{
  g_auto (GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE (SNAPSHOT_TYPE));
  g_autoptr (GVariant) value = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->events->len; i++)
    {
      const PxEventInfo *info = self->events->pdata[i];
      GVariant *documents = g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, info->documents->data,
                                                       info->documents->len, sizeof (gint64));

      g_variant_builder_add (&builder, "(xsbs@ax)", info->id, info->title != NULL ? info->title : "",
                             info->title_locked, info->created != NULL ? info->created : "", documents);
    }
  value = g_variant_ref_sink (g_variant_builder_end (&builder));
  return g_variant_print (value, FALSE);
}

PxEventSnapshot *
px_event_snapshot_deserialize (const char *text, GError **error)
{
  g_autoptr (PxEventSnapshot) self = g_new0 (PxEventSnapshot, 1);
  g_autoptr (GVariant) value = NULL;
  GVariantIter iter;
  GVariant *documents;
  gint64 id;
  const char *title, *created;
  gboolean locked;

  g_return_val_if_fail (text != NULL, NULL);
  value = g_variant_parse (G_VARIANT_TYPE (SNAPSHOT_TYPE), text, NULL, NULL, error);
  if (value == NULL)
    return NULL;
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_info_free);
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(x&sb&s@ax)", &id, &title, &locked, &created, &documents))
    {
      PxEventInfo *info = g_new0 (PxEventInfo, 1);
      gsize n = 0;
      const gint64 *ids = g_variant_get_fixed_array (documents, &n, sizeof (gint64));

      info->id = id;
      info->title = g_strdup (title);
      info->title_locked = locked;
      info->created = g_strdup (created);
      info->documents = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      g_array_append_vals (info->documents, ids, n);
      g_variant_unref (documents);
      g_ptr_array_add (self->events, info);
    }
  return g_steal_pointer (&self);
}

void
px_event_snapshot_free (PxEventSnapshot *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_free (self);
}
