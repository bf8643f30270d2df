/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "events/px-event-snapshot.h"

#include "events/px-store-events.h"
#include "library/px-store-private.h"

/* One document of a recorded event: where the edit left it, and what it
 * was (its content hash), so that another document that took its id since
 * is left alone. */
typedef struct
{
  gint64 id;
  gint64 to;
  char *hash;
} DocStep;

/* One recorded event: as it was before the edit, and its name after. */
typedef struct
{
  PxEventInfo *before;
  GArray *docs; /* DocStep, once the state after is recorded */
  gboolean after_exists;
  char *after_title;
  gboolean after_locked;
} EventStep;

/* An event that undo made again under a new id. */
typedef struct
{
  gint64 old_id, new_id;
  char *old_created, *new_created;
} Remade;

struct _PxEventSnapshot
{
  GPtrArray *events; /* EventStep* */
  gboolean after_recorded;
  GArray *remade; /* Remade, filled in by px_event_snapshot_restore() */
};

static void
remade_clear (Remade *remade)
{
  g_free (remade->old_created);
  g_free (remade->new_created);
}

static void
doc_step_clear (DocStep *doc)
{
  g_free (doc->hash);
}

static EventStep *
event_step_new (PxEventInfo *before)
{
  EventStep *step = g_new0 (EventStep, 1);

  step->before = before;
  step->docs = g_array_new (FALSE, TRUE, sizeof (DocStep));
  g_array_set_clear_func (step->docs, (GDestroyNotify)doc_step_clear);
  return step;
}

static void
event_step_free (EventStep *step)
{
  px_event_info_free (step->before);
  g_array_unref (step->docs);
  g_free (step->after_title);
  g_free (step);
}

PxEventSnapshot *
px_event_snapshot_new (PxStore *store, const gint64 *event_ids, guint n_events, GError **error)
{
  g_autoptr (PxEventSnapshot) self = g_new0 (PxEventSnapshot, 1);

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (event_ids != NULL || n_events == 0, NULL);

  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify)event_step_free);
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr (GError) local_error = NULL;
      PxEventInfo *info;
      gboolean seen = FALSE;

      for (guint k = 0; k < self->events->len; k++)
        seen |= ((EventStep *)self->events->pdata[k])->before->id == event_ids[i];
      if (seen || event_ids[i] <= 0)
        continue;
      info = px_store_get_event (store, event_ids[i], &local_error);
      if (info != NULL)
        g_ptr_array_add (self->events, event_step_new (info));
      else if (!g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

/* Where the document @id is now (0: in no event) and its content hash;
 * FALSE with PX_STORE_ERROR_NOT_FOUND when it is gone. */
static gboolean
document_state (PxStore *store, gint64 id, gint64 *event_id, char **hash, GError **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (store, "SELECT event_id, content_hash FROM documents WHERE id = ?1;", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *event_id = sqlite3_column_int64 (stmt, 0);
      *hash = _px_column_dup (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, "There is no document %lld", (long long)id);
  else
    _px_store_fail (store, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
px_event_snapshot_record_after (PxEventSnapshot *self, PxStore *store, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (PX_IS_STORE (store), FALSE);

  for (guint i = 0; i < self->events->len; i++)
    {
      EventStep *step = self->events->pdata[i];
      g_autoptr (GError) local_error = NULL;
      g_autoptr (PxEventInfo) now = px_store_get_event (store, step->before->id, &local_error);

      if (now == NULL && !g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      step->after_exists = now != NULL;
      g_free (step->after_title);
      step->after_title = g_strdup (now != NULL && now->title != NULL ? now->title : "");
      step->after_locked = now != NULL && now->title_locked;
      g_array_set_size (step->docs, 0);
      for (guint k = 0; k < step->before->documents->len; k++)
        {
          DocStep doc = { g_array_index (step->before->documents, gint64, k), 0, NULL };

          g_clear_error (&local_error);
          if (!document_state (store, doc.id, &doc.to, &doc.hash, &local_error))
            {
              if (g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
                continue; /* the edit deleted it: nothing to put back */
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_array_append_val (step->docs, doc);
        }
    }
  self->after_recorded = TRUE;
  return TRUE;
}

/* Whether the edit named (or unnamed) the event of @step. */
static gboolean
name_changed (const EventStep *step)
{
  const PxEventInfo *before = step->before;

  return step->after_exists && (before->title_locked != step->after_locked ||
                                (step->after_locked && g_strcmp0 (before->title, step->after_title) != 0));
}

static gboolean
restore_event (PxStore *store, const EventStep *step, GArray *remade, gboolean *partial, GError **error)
{
  const PxEventInfo *info = step->before;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PxEventInfo) now = px_store_get_event (store, info->id, &local_error);
  g_autoptr (GArray) back = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 target = info->id;
  gboolean any_in = FALSE;

  if (now == NULL && !g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Ids are reused (a new event takes the highest plus one): an event of
   * this id made since is another one, left alone. */
  if (now != NULL && g_strcmp0 (now->created, info->created) != 0)
    g_clear_pointer (&now, px_event_info_free);
  for (guint i = 0; i < step->docs->len; i++)
    {
      const DocStep *doc = &g_array_index (step->docs, DocStep, i);
      g_autofree char *hash = NULL;
      gint64 at = 0;

      g_clear_error (&local_error);
      if (!document_state (store, doc->id, &at, &hash, &local_error))
        {
          if (g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
            continue; /* deleted since */
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Document ids are reused too: another article is left alone. */
      if (g_strcmp0 (hash, doc->hash) != 0)
        continue;
      any_in |= at == info->id;
      if (doc->to == info->id)
        continue; /* the edit did not move it */
      /* Moved again since the edit: that later move stays. */
      if (at != doc->to)
        {
          *partial = TRUE;
          continue;
        }
      g_array_append_val (back, doc->id);
    }
  /* Made within the same second: an event that holds none of this one's
   * documents is another one too (the last of them leaving an event
   * deletes it). */
  if (now != NULL && !any_in)
    g_clear_pointer (&now, px_event_info_free);
  if (now == NULL)
    {
      /* The event went away (merged, or its last article moved): a new
       * one of its documents. */
      if (back->len == 0)
        return TRUE;
      g_autoptr (PxEventInfo) made = NULL;
      Remade entry;

      target = px_store_group_documents (store, (gint64 *)back->data, back->len, error);
      if (target == 0 || !px_store_rename_event (store, target, info->title_locked ? info->title : NULL, error))
        return FALSE;
      made = px_store_get_event (store, target, error);
      if (made == NULL)
        return FALSE;
      entry = (Remade){ info->id, target, g_strdup (info->created), g_strdup (made->created) };
      g_array_append_val (remade, entry);
      return TRUE;
    }
  for (guint i = 0; i < back->len; i++)
    if (!px_store_move_document (store, g_array_index (back, gint64, i), target, error))
      return FALSE;
  if (!name_changed (step))
    return TRUE;
  /* Named again since the edit: that later name stays. */
  if (now->title_locked != step->after_locked || (step->after_locked && g_strcmp0 (now->title, step->after_title) != 0))
    {
      *partial = TRUE;
      return TRUE;
    }
  return px_store_rename_event (store, target, info->title_locked ? info->title : NULL, error);
}

gboolean
px_event_snapshot_restore (PxEventSnapshot *self, PxStore *store, gboolean *partial, GError **error)
{
  gboolean skipped = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (PX_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->after_recorded, FALSE);

  if (self->remade == NULL)
    {
      self->remade = g_array_new (FALSE, FALSE, sizeof (Remade));
      g_array_set_clear_func (self->remade, (GDestroyNotify)remade_clear);
    }
  for (guint i = 0; i < self->events->len; i++)
    if (!restore_event (store, self->events->pdata[i], self->remade, &skipped, error))
      return FALSE;
  if (partial != NULL)
    *partial = skipped;
  return TRUE;
}

/* Each event: its id, when it was made, its name and whether the user gave
 * it, before the edit; whether it was there after, and its name then; its
 * documents of before, each with its content hash and its event after. */
#define SNAPSHOT_TYPE "a(xssbbsba(xsx))"

char *
px_event_snapshot_serialize (PxEventSnapshot *self)
{
  g_auto (GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE (SNAPSHOT_TYPE));
  g_autoptr (GVariant) value = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->after_recorded, NULL);
  for (guint i = 0; i < self->events->len; i++)
    {
      const EventStep *step = self->events->pdata[i];
      const PxEventInfo *info = step->before;
      g_auto (GVariantBuilder) docs = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(xsx)"));

      for (guint k = 0; k < step->docs->len; k++)
        {
          const DocStep *doc = &g_array_index (step->docs, DocStep, k);
          g_variant_builder_add (&docs, "(xsx)", doc->id, doc->hash != NULL ? doc->hash : "", doc->to);
        }
      g_variant_builder_add (&builder, "(xssbbsba(xsx))", info->id, info->created != NULL ? info->created : "",
                             info->title != NULL ? info->title : "", info->title_locked, step->after_exists,
                             step->after_title != NULL ? step->after_title : "", step->after_locked, &docs);
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
  GVariantIter *docs;
  gint64 id;
  const char *title, *created, *after_title;
  gboolean locked, after_exists, after_locked;

  g_return_val_if_fail (text != NULL, NULL);
  value = g_variant_parse (G_VARIANT_TYPE (SNAPSHOT_TYPE), text, NULL, NULL, error);
  if (value == NULL)
    return NULL;
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify)event_step_free);
  self->after_recorded = TRUE;
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(x&s&sbb&sba(xsx))", &id, &created, &title, &locked, &after_exists, &after_title,
                              &after_locked, &docs))
    {
      PxEventInfo *info = g_new0 (PxEventInfo, 1);
      EventStep *step = event_step_new (info);
      DocStep doc = { 0, 0, NULL };

      info->id = id;
      info->title = g_strdup (title);
      info->title_locked = locked;
      info->created = g_strdup (created);
      info->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
      step->after_exists = after_exists;
      step->after_title = g_strdup (after_title);
      step->after_locked = after_locked;
      while (g_variant_iter_next (docs, "(xsx)", &doc.id, &doc.hash, &doc.to))
        {
          g_array_append_val (info->documents, doc.id);
          g_array_append_val (step->docs, doc);
        }
      g_variant_iter_free (docs);
      g_ptr_array_add (self->events, step);
    }
  return g_steal_pointer (&self);
}

gboolean
px_event_snapshot_follow (PxEventSnapshot *self, const PxEventSnapshot *undone)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (self != NULL && undone != NULL, FALSE);
  for (guint r = 0; undone->remade != NULL && r < undone->remade->len; r++)
    {
      const Remade *remade = &g_array_index (undone->remade, Remade, r);

      for (guint i = 0; i < self->events->len; i++)
        {
          EventStep *step = self->events->pdata[i];

          if (step->before->id == remade->old_id && g_strcmp0 (step->before->created, remade->old_created) == 0)
            {
              step->before->id = remade->new_id;
              g_free (step->before->created);
              step->before->created = g_strdup (remade->new_created);
              changed = TRUE;
            }
          for (guint k = 0; k < step->docs->len; k++)
            {
              DocStep *doc = &g_array_index (step->docs, DocStep, k);

              if (doc->to == remade->old_id)
                {
                  doc->to = remade->new_id;
                  changed = TRUE;
                }
            }
        }
    }
  return changed;
}

void
px_event_snapshot_free (PxEventSnapshot *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->remade, g_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_free (self);
}
