/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "annotations/px-tag-snapshot.h"

#include <glib/gi18n-lib.h>

#include "library/px-store-private.h"

typedef struct
{
  gint64 id;
  char *name;
  char *color;
  char *created;
  GArray *annotations; /* gint64 */
} TagState;

struct _PxTagSnapshot
{
  GPtrArray *tags; /* TagState */
};

static void
tag_state_free (TagState *state)
{
  g_free (state->name);
  g_free (state->color);
  g_free (state->created);
  g_array_unref (state->annotations);
  g_free (state);
}

void
px_tag_snapshot_free (PxTagSnapshot *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->tags);
  g_free (self);
}

static TagState *
read_tag (PxStore *store, gint64 id, GError **error)
{
  TagState *state;
  sqlite3_stmt *stmt = _px_store_prepare (store, "SELECT name, color, created FROM tags WHERE id = ?1;", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no tag %lld"), (long long)id);
      else
        _px_store_fail (store, rc, error);
      return NULL;
    }
  state = g_new0 (TagState, 1);
  state->id = id;
  state->name = _px_column_dup (stmt, 0);
  state->color = _px_column_dup (stmt, 1);
  state->created = _px_column_dup (stmt, 2);
  state->annotations = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_reset (stmt);

  stmt = _px_store_prepare (store, "SELECT annotation_id FROM annotation_tags WHERE tag_id = ?1 ORDER BY 1;", error);
  if (stmt == NULL)
    {
      tag_state_free (state);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 annotation = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (state->annotations, annotation);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (store, rc, error);
      tag_state_free (state);
      return NULL;
    }
  return state;
}

PxTagSnapshot *
px_tag_snapshot_new (PxStore *store, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr (PxTagSnapshot) self = g_new0 (PxTagSnapshot, 1);

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  self->tags = g_ptr_array_new_with_free_func ((GDestroyNotify)tag_state_free);
  for (guint i = 0; i < n_ids; i++)
    {
      TagState *state = read_tag (store, ids[i], error);
      if (state == NULL)
        return NULL;
      g_ptr_array_add (self->tags, state);
    }
  return g_steal_pointer (&self);
}

guint
px_tag_snapshot_get_n_annotations (PxTagSnapshot *self)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->tags->len; i++)
    {
      TagState *state = g_ptr_array_index (self->tags, i);
      for (guint k = 0; k < state->annotations->len; k++)
        g_hash_table_add (seen, &g_array_index (state->annotations, gint64, k));
    }
  return g_hash_table_size (seen);
}

const char *
px_tag_snapshot_get_name (PxTagSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->tags->len == 0)
    return NULL;
  return ((TagState *)g_ptr_array_index (self->tags, 0))->name;
}

static gboolean
in_snapshot (PxTagSnapshot *self, gint64 id)
{
  for (guint i = 0; i < self->tags->len; i++)
    if (((TagState *)g_ptr_array_index (self->tags, i))->id == id)
      return TRUE;
  return FALSE;
}

static gboolean
step (PxStore *store, sqlite3_stmt *stmt, GError **error)
{
  return stmt != NULL && _px_store_step_done (store, stmt, error);
}

static gboolean
restore_txn (PxStore *store, gpointer user_data, GError **error)
{
  PxTagSnapshot *self = user_data;
  sqlite3_stmt *stmt;

  /* Names first, all of them, so that a clash is found before anything
   * changes (the whole transaction rolls back anyway). */
  for (guint i = 0; i < self->tags->len; i++)
    {
      TagState *state = g_ptr_array_index (self->tags, i);
      gint64 holder = 0;

      stmt = _px_store_prepare (store, "SELECT id FROM tags WHERE name = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, state->name, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        holder = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (holder != 0 && !in_snapshot (self, holder))
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE,
                       _ ("Another tag is now named “%s”: rename it first"), state->name);
          return FALSE;
        }
    }
  /* Tags in the snapshot may have swapped names: park them on names no
   * tag can have (a tag name never holds a tab), then set the real ones. */
  for (guint i = 0; i < self->tags->len; i++)
    {
      TagState *state = g_ptr_array_index (self->tags, i);
      g_autofree char *parked = g_strdup_printf ("\t%lld", (long long)state->id);

      stmt = _px_store_prepare (store, "UPDATE tags SET name = ?2 WHERE id = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, state->id);
      sqlite3_bind_text (stmt, 2, parked, -1, SQLITE_TRANSIENT);
      if (!step (store, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < self->tags->len; i++)
    {
      TagState *state = g_ptr_array_index (self->tags, i);

      stmt = _px_store_prepare (store,
                                "INSERT INTO tags (id, name, color, created) VALUES (?1, ?2, ?3, ?4)"
                                " ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color;",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, state->id);
      sqlite3_bind_text (stmt, 2, state->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, state->color, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, state->created, -1, SQLITE_TRANSIENT);
      if (!step (store, stmt, error))
        return FALSE;

      stmt = _px_store_prepare (store, "DELETE FROM annotation_tags WHERE tag_id = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, state->id);
      if (!step (store, stmt, error))
        return FALSE;
      for (guint k = 0; k < state->annotations->len; k++)
        {
          /* An annotation deleted since stays deleted. */
          stmt = _px_store_prepare (store,
                                    "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id)"
                                    " SELECT id, ?2 FROM annotations WHERE id = ?1;",
                                    error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, g_array_index (state->annotations, gint64, k));
          sqlite3_bind_int64 (stmt, 2, state->id);
          if (!step (store, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
px_tag_snapshot_restore (PxTagSnapshot *self, PxStore *store, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (PX_IS_STORE (store), FALSE);
  return px_store_transaction (store, restore_txn, self, error);
}
