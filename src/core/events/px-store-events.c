/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "events/px-store-events.h"

#include <glib/gi18n-lib.h>

#include "events/px-event-index.h"
#include "library/px-store-private.h"

#define STATE_KEY "px-store-events-state"
#define MAX_TITLE_CHARS 500

/* What one connection knows about events: the statistics, the generation
 * of the documents table they reflect, and whether they differ from the
 * saved copy. */
typedef struct
{
  PxEventIndex *index;
  gint64 generation;
  gboolean known; /* generation is meaningful */
  gboolean dirty;
  guint n_rebuilt;      /* documents whose terms were read back from the library */
  guint saved_docs;     /* documents in the statistics when last saved */
  GHashTable *stemmers; /* language → PxStemmer */
} EventState;

static void
event_state_free (gpointer data)
{
  EventState *state = data;

  g_clear_object (&state->index);
  g_hash_table_unref (state->stemmers);
  g_free (state);
}

static EventState *
get_state (PxStore *self)
{
  EventState *state = g_object_get_data (G_OBJECT (self), STATE_KEY);

  if (state == NULL)
    {
      state = g_new0 (EventState, 1);
      state->stemmers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)px_stemmer_unref);
      g_object_set_data_full (G_OBJECT (self), STATE_KEY, state, event_state_free);
    }
  return state;
}

/* Forgets the statistics, e.g. after a failed transaction left them ahead
 * of the library; the next use loads and repairs them. */
static void
forget_index (PxStore *self)
{
  EventState *state = get_state (self);

  g_clear_object (&state->index);
  state->known = FALSE;
  state->dirty = FALSE;
}

void
px_event_info_free (PxEventInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->title);
  g_free (info->created);
  g_clear_pointer (&info->documents, g_array_unref);
  g_free (info);
}

static PxStemmer *
stemmer_for (EventState *state, const char *language)
{
  const char *key = language != NULL ? language : "";
  PxStemmer *stemmer = g_hash_table_lookup (state->stemmers, key);

  if (stemmer == NULL)
    {
      stemmer = px_stemmer_new (language);
      g_hash_table_insert (state->stemmers, g_strdup (key), stemmer);
    }
  return stemmer;
}

static gboolean
read_generation (PxStore *self, gint64 *out, GError **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (self, "SELECT generation FROM event_changes WHERE id = 1;", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _px_store_fail (self, rc, error);
  return TRUE;
}

static void
not_found_event (GError **error, gint64 id)
{
  g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no event %lld"), (long long)id);
}

static void
not_found_document (GError **error, gint64 id)
{
  g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no document %lld"), (long long)id);
}

/* Event of a stored document: 0 for none, -1 when there is no such
 * document (or on error, with @error set). */
static gint64
document_event (PxStore *self, gint64 document_id, GError **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (self, "SELECT ifnull (event_id, 0) FROM documents WHERE id = ?1;", error);
  gint64 event = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    event = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    not_found_document (error, document_id);
  else
    _px_store_fail (self, rc, error);
  sqlite3_reset (stmt);
  return event;
}

static gboolean
event_exists (PxStore *self, gint64 event_id, GError **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (self, "SELECT 1 FROM documents WHERE event_id = ?1 LIMIT 1;", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    not_found_event (error, event_id);
  else
    _px_store_fail (self, rc, error);
  return FALSE;
}

static PxEventFeatures *
load_features (PxStore *self, EventState *state, gint64 document_id, GError **error)
{
  g_autoptr (PxDocument) doc = px_store_load_document (self, document_id, error);

  if (doc == NULL)
    return NULL;
  state->n_rebuilt++;
  return px_event_features_new_for_document (doc, stemmer_for (state, px_document_get_language (doc)));
}

/* Makes sure an events row exists for an event the statistics chose.
 * @fresh: the event was just created, so a leftover row of that id (an
 * event deleted earlier) starts over. */
static gboolean
ensure_event_row (PxStore *self, gint64 event_id, gboolean fresh, GError **error)
{
  g_autofree char *now = _px_store_now ();
  sqlite3_stmt *stmt;

  if (fresh)
    stmt = _px_store_prepare (self,
                              "INSERT INTO events (id, title, title_locked, created, modified)"
                              " VALUES (?1, '', 0, ?2, ?2) ON CONFLICT (id) DO UPDATE SET"
                              " title = '', title_locked = 0, created = ?2, modified = ?2;",
                              error);
  else
    stmt = _px_store_prepare (self,
                              "INSERT INTO events (id, title, title_locked, created, modified)"
                              " VALUES (?1, '', 0, ?2, ?2) ON CONFLICT (id) DO NOTHING;",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  return _px_store_step_done (self, stmt, error);
}

static gboolean
set_document_event (PxStore *self, gint64 document_id, gint64 event_id, gboolean by_user, GError **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (self,
                                          "UPDATE documents SET event_id = ?2,"
                                          " event_locked = CASE WHEN ?3 THEN 1 ELSE event_locked END"
                                          " WHERE id = ?1;",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, event_id);
  sqlite3_bind_int (stmt, 3, by_user);
  return _px_store_step_done (self, stmt, error);
}

/* The title of the event's first document with one, when the most
 * central has none. */
static char *
first_document_title (PxStore *self, gint64 event_id)
{
  sqlite3_stmt *stmt = _px_store_prepare (self,
                                          "SELECT title FROM documents WHERE event_id = ?1 AND title != ''"
                                          " ORDER BY published IS NULL, published, id LIMIT 1;",
                                          NULL);
  char *title = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    title = _px_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return title;
}

/* How many words of an article's text name its event when it has no
 * headline. */
#define TITLE_WORDS 12

/* The first @n words of @text, with an ellipsis when there are more. */
static char *
first_words (const char *text, guint n)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0' && n > 0)
    {
      const char *start;
      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      if (p == start)
        break;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, start, p - start);
      n--;
    }
  while (*p != '\0' && g_ascii_isspace (*p))
    p++;
  if (*p != '\0' && out->len > 0)
    g_string_append (out, "…");
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* The headline of a document, or the first words of its text (with an
 * ellipsis when cut), or NULL. */
static char *
central_title (PxStore *self, gint64 document_id)
{
  sqlite3_stmt *stmt;
  char *title = NULL;

  if (document_id <= 0)
    return NULL;
  stmt = _px_store_prepare (self, "SELECT title, substr (text, 1, 400) FROM documents WHERE id = ?1;", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *headline = (const char *)sqlite3_column_text (stmt, 0);
      const char *text = (const char *)sqlite3_column_text (stmt, 1);

      if (headline != NULL && *headline != '\0')
        title = g_strdup (headline);
      else if (text != NULL && *text != '\0')
        title = first_words (text, TITLE_WORDS);
    }
  sqlite3_reset (stmt);
  return title;
}

/* Gives an event its automatic title (the headline of its most central
 * article), unless the user named it. */
static gboolean
retitle (PxStore *self, EventState *state, gint64 event_id, GError **error)
{
  g_autofree char *title = NULL;
  g_autofree char *now = _px_store_now ();
  sqlite3_stmt *stmt;

  if (event_id <= 0)
    return TRUE;
  title = central_title (self, px_event_index_get_central_document (state->index, event_id));
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = first_document_title (self, event_id);
    }
  if (title == NULL)
    return TRUE;
  stmt = _px_store_prepare (self,
                            "UPDATE events SET title = ?2, modified = ?3"
                            " WHERE id = ?1 AND title_locked = 0 AND title IS NOT ?2;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return _px_store_step_done (self, stmt, error);
}

static gboolean
retitle_all (PxStore *self, EventState *state, GHashTable *events, GError **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!retitle (self, state, *(gint64 *)key, error))
      return FALSE;
  return TRUE;
}

static void
touch (GHashTable *events, gint64 event_id)
{
  if (event_id > 0)
    g_hash_table_add (events, g_memdup2 (&event_id, sizeof event_id));
}

/* Document → event as the statistics have it. */
static GHashTable *
index_placement (PxEventIndex *index)
{
  GHashTable *placement = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GArray) events = px_event_index_list_events (index);

  for (guint i = 0; i < events->len; i++)
    {
      gint64 ev = g_array_index (events, gint64, i);
      g_autoptr (GArray) members = px_event_index_get_members (index, ev);

      for (guint m = 0; members != NULL && m < members->len; m++)
        g_hash_table_insert (placement, g_memdup2 (&g_array_index (members, gint64, m), sizeof (gint64)),
                             g_memdup2 (&ev, sizeof ev));
    }
  return placement;
}

static void drop_gone (EventState *state, GHashTable *touched);

/* The largest event id the library has: events the statistics make above
 * it are new. */
static gint64
max_event_id (PxStore *self, GError **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (self, "SELECT ifnull (max (id), 0) FROM events;", error);
  gint64 id = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id < 0)
    g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_FAILED, _ ("The events could not be read"));
  return id;
}

/* Writes to the library the events the statistics gave documents since
 * the last call (grouping may move documents other than the new ones),
 * and touches the events they left and joined. Events above @known_max
 * are new. */
static gboolean
apply_changes (PxStore *self, EventState *state, gint64 known_max, GHashTable *touched, GError **error)
{
  g_autoptr (GArray) changed = px_event_index_steal_changes (state->index);
  g_autoptr (GHashTable) created = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < changed->len; i++)
    {
      gint64 id = g_array_index (changed, gint64, i);
      gint64 ev = px_event_index_get_event (state->index, id);
      gint64 old;

      if (ev <= 0)
        continue;
      old = document_event (self, id, NULL);
      if (old < 0)
        continue; /* not stored (yet): its caller places it */
      if (old == ev)
        continue;
      /* A new event starts over once, not again for its next member. */
      if (!ensure_event_row (self, ev, ev > known_max && !g_hash_table_contains (created, &ev), error) ||
          !set_document_event (self, id, ev, FALSE, error))
        return FALSE;
      if (ev > known_max)
        g_hash_table_add (created, g_memdup2 (&ev, sizeof ev));
      touch (touched, old);
      touch (touched, ev);
      state->dirty = TRUE;
    }
  return TRUE;
}

/* Places documents that belong to no event, as one batch with the
 * others (the same events whatever their order). */
static gboolean
assign_batch (PxStore *self, EventState *state, GArray *ids, GHashTable *touched, GError **error)
{
  g_autoptr (GPtrArray) features = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_features_free);
  gint64 known_max;

  if (ids->len == 0)
    return TRUE;
  for (guint i = 0; i < ids->len; i++)
    {
      PxEventFeatures *f = load_features (self, state, g_array_index (ids, gint64, i), error);
      if (f == NULL)
        return FALSE;
      g_ptr_array_add (features, f);
    }
  known_max = max_event_id (self, error);
  if (known_max < 0)
    return FALSE;
  px_event_index_group (state->index, features);
  state->dirty = TRUE;
  return apply_changes (self, state, known_max, touched, error);
}

/* Brings the statistics in line with the documents table: documents that
 * are gone are forgotten, documents moved by someone else are moved,
 * documents the statistics never saw are added (with their event if they
 * have one, else grouped). Only those documents are read. */
static gboolean
reconcile (PxStore *self, EventState *state, gint64 except, GError **error)
{
  g_autoptr (GHashTable) placement = index_placement (state->index);
  g_autoptr (GHashTable) in_db = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  g_autoptr (GArray) unassigned = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _px_store_prepare (self, "SELECT id, ifnull (event_id, 0) FROM documents ORDER BY id;", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_vals (rows, row, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, rc, error);

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (in_db, g_memdup2 (&((gint64 *)rows->data)[2 * i], sizeof (gint64)));

  g_hash_table_iter_init (&iter, placement);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (in_db, key))
      {
        px_event_index_remove_document (state->index, *(gint64 *)key);
        state->dirty = TRUE;
      }

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = ((gint64 *)rows->data)[2 * i];
      gint64 ev = ((gint64 *)rows->data)[2 * i + 1];
      gint64 *known = g_hash_table_lookup (placement, &id);
      gint64 have = known != NULL ? *known : 0;
      g_autoptr (GArray) target = NULL;

      if (ev == 0)
        {
          /* The caller is about to place it, with the terms it has. */
          if (id != except)
            g_array_append_val (unassigned, id);
          continue;
        }
      if (have == ev)
        continue;
      target = px_event_index_get_members (state->index, ev);
      if (have == 0 || target == NULL || !px_event_index_move (state->index, id, ev))
        {
          g_autoptr (PxEventFeatures) f = load_features (self, state, id, error);
          if (f == NULL)
            return FALSE;
          px_event_index_add_to_event (state->index, f, ev);
        }
      touch (touched, have);
      touch (touched, ev);
      state->dirty = TRUE;
    }

  /* Statistics rebuilt from the documents learn the user's placements. */
  stmt = _px_store_prepare (self, "SELECT id FROM documents WHERE event_locked = 1;", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    px_event_index_set_pinned (state->index, sqlite3_column_int64 (stmt, 0), TRUE);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, rc, error);

  if (!assign_batch (self, state, unassigned, touched, error))
    return FALSE;
  return retitle_all (self, state, touched, error);
}

/* The saved statistics are read and written through an SQLite blob
 * handle, a chunk at a time: a large library's statistics are never
 * copied whole into memory besides the index they make. */
typedef struct
{
  PxStore *store;
  sqlite3_blob *blob;
  int offset;
} BlobStream;

static gssize
blob_source (guint8 *buf, gsize len, gpointer user_data, GError **error)
{
  BlobStream *s = user_data;
  int n = (int)MIN (len, (gsize)MAX (sqlite3_blob_bytes (s->blob) - s->offset, 0));
  int rc;

  if (n == 0)
    return 0;
  rc = sqlite3_blob_read (s->blob, buf, n, s->offset);
  if (rc != SQLITE_OK)
    {
      _px_store_fail (s->store, rc, error);
      return -1;
    }
  s->offset += n;
  return n;
}

static gboolean
blob_sink (const guint8 *data, gsize len, gpointer user_data, GError **error)
{
  BlobStream *s = user_data;
  int rc = sqlite3_blob_write (s->blob, data, (int)len, s->offset);

  if (rc != SQLITE_OK)
    return _px_store_fail (s->store, rc, error);
  s->offset += len;
  return TRUE;
}

static gboolean
count_sink (const guint8 *data, gsize len, gpointer user_data, GError **error)
{
  *(guint64 *)user_data += len;
  return TRUE;
}

static gboolean
load_saved_index (PxStore *self, EventState *state, GError **error)
{
  sqlite3_stmt *stmt =
      _px_store_prepare (self, "SELECT generation, typeof (data) = 'blob' FROM event_index WHERE id = 1;", error);
  BlobStream s = { self, NULL, 0 };
  gint64 generation = 0;
  gboolean have;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  have = rc == SQLITE_ROW && sqlite3_column_int (stmt, 1) != 0;
  if (have)
    generation = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _px_store_fail (self, rc, error);
  if (have)
    {
      g_autoptr (GError) local_error = NULL;

      rc = sqlite3_blob_open (_px_store_get_db (self), "main", "event_index", "data", 1, 0, &s.blob);
      if (rc != SQLITE_OK)
        {
          sqlite3_blob_close (s.blob);
          return _px_store_fail (self, rc, error);
        }
      state->index = px_event_index_read (blob_source, &s, &local_error);
      sqlite3_blob_close (s.blob);
      /* The library could not be read: an error. Damaged or from another
       * version: rebuilt from the documents. */
      if (local_error != NULL && local_error->domain == PX_STORE_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (state->index == NULL)
        g_debug ("Rebuilding the event statistics: %s", local_error->message);
      else
        {
          state->generation = generation;
          state->known = TRUE;
          /* As saved: the next import batch need not save them again. */
          state->saved_docs = px_event_index_get_n_documents (state->index);
        }
    }
  if (state->index == NULL)
    {
      state->index = px_event_index_new (NULL);
      state->known = FALSE;
    }
  return TRUE;
}

/* Documents waiting for an event, but @except. */
static GArray *
unassigned_documents (PxStore *self, gint64 except, GError **error)
{
  sqlite3_stmt *stmt;

  stmt = _px_store_prepare (self, "SELECT id FROM documents WHERE event_id IS NULL AND id != ?1 ORDER BY id;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, except);
  return _px_store_collect_ids (self, stmt, error);
}

/* Inside a write transaction: the statistics, up to date, with every
 * document placed but @except (the one about to be). */
static EventState *
ensure_index (PxStore *self, gint64 except, GError **error)
{
  EventState *state = get_state (self);
  gint64 generation;

  if (!read_generation (self, &generation, error))
    return NULL;
  if (state->index != NULL && state->known && state->generation == generation)
    {
      g_autoptr (GArray) waiting = unassigned_documents (self, except, error);
      g_autoptr (GHashTable) touched = NULL;

      if (waiting == NULL)
        return NULL;
      if (waiting->len == 0)
        return state;
      touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      if (!assign_batch (self, state, waiting, touched, error) || !retitle_all (self, state, touched, error) ||
          !read_generation (self, &state->generation, error))
        return NULL;
      return state;
    }
  if (state->index == NULL && !load_saved_index (self, state, error))
    return NULL;
  if (!state->known || state->generation != generation)
    {
      if (!reconcile (self, state, except, error))
        return NULL;
      if (!read_generation (self, &state->generation, error))
        return NULL;
      state->known = TRUE;
    }
  return state;
}

/* After a change made through the statistics: they reflect the library
 * as it now is in this transaction. */
static gboolean
settle (PxStore *self, EventState *state, GError **error)
{
  state->dirty = TRUE;
  return read_generation (self, &state->generation, error);
}

static gboolean
save_index (PxStore *self, EventState *state, GError **error)
{
  BlobStream s = { self, NULL, 0 };
  guint64 size = 0;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  if (state->index == NULL || !state->dirty || !state->known)
    return TRUE;
  /* The size first (writing to nothing costs no memory), then a blob of
   * that size is filled in place. */
  px_event_index_write (state->index, count_sink, &size, NULL);
  if (size > G_MAXINT)
    return _px_store_fail (self, SQLITE_TOOBIG, error);
  stmt = _px_store_prepare (self,
                            "INSERT INTO event_index (id, generation, data) VALUES (1, ?1, zeroblob (?2))"
                            " ON CONFLICT (id) DO UPDATE SET generation = excluded.generation, data = excluded.data;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, state->generation);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64)size);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  rc = sqlite3_blob_open (_px_store_get_db (self), "main", "event_index", "data", 1, 1, &s.blob);
  if (rc != SQLITE_OK)
    {
      sqlite3_blob_close (s.blob);
      return _px_store_fail (self, rc, error);
    }
  ok = px_event_index_write (state->index, blob_sink, &s, error);
  sqlite3_blob_close (s.blob);
  if (!ok)
    return FALSE;
  g_assert ((guint64)s.offset == size);
  state->dirty = FALSE;
  state->saved_docs = px_event_index_get_n_documents (state->index);
  return TRUE;
}

/* Runs @func in a transaction; when it fails, the statistics this
 * connection holds may be ahead of the library, so they are dropped. */
static gboolean
run (PxStore *self, PxStoreTransactionFunc func, gpointer data, GError **error)
{
  if (px_store_transaction (self, func, data, error))
    return TRUE;
  forget_index (self);
  return FALSE;
}

gboolean
px_store_edit_events (PxStore *self, PxStoreTransactionFunc func, gpointer user_data, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  return run (self, func, user_data, error);
}

/* --- assigning ------------------------------------------------------------ */

typedef struct
{
  PxDocument *doc;
  const PxEventFeatures *features;
} AssignData;

static gboolean
assign_txn (PxStore *self, gpointer user_data, GError **error)
{
  AssignData *data = user_data;
  gint64 id = px_document_get_id (data->doc);
  g_autoptr (PxEventFeatures) own = NULL;
  g_autoptr (GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const PxEventFeatures *features = data->features;
  EventState *state;
  gint64 ev, old, known_max;

  old = document_event (self, id, error);
  if (old < 0)
    return FALSE;
  state = ensure_index (self, id, error);
  if (state == NULL)
    return FALSE;
  /* Reconciling may just have placed it (a document stored without an
   * event); placing it again would only move it around. */
  old = document_event (self, id, error);
  if (old > 0)
    {
      px_document_set_event_id (data->doc, old);
      return TRUE;
    }
  if (features == NULL)
    features = own =
        px_event_features_new_for_document (data->doc, stemmer_for (state, px_document_get_language (data->doc)));
  if (features->document_id != id)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID,
                   "The features given are of document %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
                   features->document_id, id);
      return FALSE;
    }
  known_max = max_event_id (self, error);
  if (known_max < 0)
    return FALSE;
  /* Its neighbourhood is grouped again: others may move too. */
  ev = px_event_index_assign (state->index, features, NULL);
  state->dirty = TRUE;
  if (!apply_changes (self, state, known_max, touched, error))
    return FALSE;
  drop_gone (state, touched);
  if (!retitle_all (self, state, touched, error) || !settle (self, state, error))
    return FALSE;
  px_document_set_event_id (data->doc, ev);
  return TRUE;
}

gboolean
px_store_assign_event (PxStore *self, PxDocument *doc, const PxEventFeatures *features, GError **error)
{
  AssignData data = { doc, features };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  g_return_val_if_fail (PX_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (px_document_get_id (doc) > 0, FALSE);
  return run (self, assign_txn, &data, error);
}

/* Below this many documents the statistics are saved after every batch of
 * an import; above, once they grew by a quarter (and when the import
 * ends, px_store_regroup_events()): saving writes them all, and saving
 * after every batch made a large import quadratic. Unsaved statistics
 * are only rebuilt, nothing is lost. */
#define SAVE_EVERY_BATCH_DOCS 1000

static gboolean
flush_txn (PxStore *self, gpointer user_data, GError **error)
{
  EventState *state = get_state (self);
  guint n = px_event_index_get_n_documents (state->index);

  if (n >= SAVE_EVERY_BATCH_DOCS && state->saved_docs > 0 && (guint64)n * 4 < (guint64)state->saved_docs * 5)
    return TRUE;
  return save_index (self, state, error);
}

gboolean
px_store_flush_events (PxStore *self, GError **error)
{
  EventState *state;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  state = get_state (self);
  if (state->index == NULL || !state->dirty)
    return TRUE;
  return run (self, flush_txn, NULL, error);
}

static gboolean
regroup_txn (PxStore *self, gpointer user_data, GError **error)
{
  g_autoptr (GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  EventState *state;
  gint64 known_max;

  state = ensure_index (self, 0, error);
  if (state == NULL)
    return FALSE;
  known_max = max_event_id (self, error);
  if (known_max < 0)
    return FALSE;
  px_event_index_group (state->index, none);
  if (!apply_changes (self, state, known_max, touched, error))
    return FALSE;
  drop_gone (state, touched);
  if (!retitle_all (self, state, touched, error) || !settle (self, state, error))
    return FALSE;
  return save_index (self, state, error);
}

gboolean
px_store_regroup_events (PxStore *self, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return run (self, regroup_txn, NULL, error);
}

typedef struct
{
  gint64 placed;
} GroupData;

static gboolean
group_unassigned_txn (PxStore *self, gpointer user_data, GError **error)
{
  GroupData *data = user_data;
  g_autoptr (GArray) ids = NULL;
  EventState *state;
  sqlite3_stmt *stmt;

  /* Counted before: loading the statistics places them already. */
  stmt = _px_store_prepare (self, "SELECT id FROM documents WHERE event_id IS NULL ORDER BY id;", error);
  if (stmt == NULL)
    return FALSE;
  ids = _px_store_collect_ids (self, stmt, error);
  if (ids == NULL)
    return FALSE;
  data->placed = ids->len;
  /* Nothing to place: the statistics (a blob that grows with the library)
   * are neither loaded nor repaired here; the next change that needs them
   * does that. */
  if (ids->len == 0)
    return TRUE;
  state = ensure_index (self, 0, error);
  if (state == NULL)
    return FALSE;
  /* ensure_index() placed them if it reconciled; if the statistics were
   * current, nobody changed documents since, so there are none left. */
  if (!settle (self, state, error))
    return FALSE;
  return save_index (self, state, error);
}

gint64
px_store_group_unassigned (PxStore *self, GError **error)
{
  GroupData data = { 0 };

  g_return_val_if_fail (PX_IS_STORE (self), -1);
  if (!run (self, group_unassigned_txn, &data, error))
    return -1;
  return data.placed;
}

/* --- reading -------------------------------------------------------------- */

static int
int64_cmp (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
  return x < y ? -1 : x > y;
}

#define EVENTS_SELECT                                                   \
  "SELECT e.id, e.title, e.title_locked, d.id, e.created FROM events e" \
  " JOIN documents d ON d.event_id = e.id"

static GPtrArray *
query_events (PxStore *self, gint64 only, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_info_free);
  PxEventInfo *current = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (only > 0)
    stmt = _px_store_prepare (self,
                              EVENTS_SELECT " WHERE e.id = ?1"
                                            " ORDER BY d.published IS NULL, d.published, d.id;",
                              error);
  else
    stmt = _px_store_prepare (self, EVENTS_SELECT " ORDER BY e.id, d.published IS NULL, d.published, d.id;", error);
  if (stmt == NULL)
    return NULL;
  if (only > 0)
    sqlite3_bind_int64 (stmt, 1, only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 doc = sqlite3_column_int64 (stmt, 3);

      if (current == NULL || current->id != id)
        {
          current = g_new0 (PxEventInfo, 1);
          current->id = id;
          current->title = _px_column_dup (stmt, 1);
          current->title_locked = sqlite3_column_int (stmt, 2) != 0;
          current->created = _px_column_dup (stmt, 4);
          current->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_ptr_array_add (out, current);
        }
      g_array_append_val (current->documents, doc);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
px_store_list_events (PxStore *self, GError **error)
{
  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  return query_events (self, 0, error);
}

PxEventInfo *
px_store_get_event (PxStore *self, gint64 event_id, GError **error)
{
  g_autoptr (GPtrArray) events = NULL;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  events = query_events (self, event_id, error);
  if (events == NULL)
    return NULL;
  if (event_id <= 0 || events->len == 0)
    {
      not_found_event (error, event_id);
      return NULL;
    }
  return g_ptr_array_steal_index (events, 0);
}

GPtrArray *
px_store_load_event_documents (PxStore *self, gint64 event_id, GError **error)
{
  g_autoptr (PxEventInfo) info = NULL;
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  info = px_store_get_event (self, event_id, error);
  if (info == NULL)
    return NULL;
  for (guint i = 0; i < info->documents->len; i++)
    {
      PxDocument *doc = px_store_load_document (self, g_array_index (info->documents, gint64, i), error);
      if (doc == NULL)
        return NULL;
      g_ptr_array_add (docs, doc);
    }
  return g_steal_pointer (&docs);
}

/* --- editing -------------------------------------------------------------- */

typedef struct
{
  gint64 event_id;
  const char *title;
} RenameData;

static gboolean
rename_txn (PxStore *self, gpointer user_data, GError **error)
{
  RenameData *data = user_data;
  g_autofree char *now = _px_store_now ();
  g_autofree char *title = g_strstrip (g_strdup (data->title ? data->title : ""));
  sqlite3_stmt *stmt;

  if (!event_exists (self, data->event_id, error))
    return FALSE;
  stmt =
      _px_store_prepare (self, "UPDATE events SET title = ?2, title_locked = ?3, modified = ?4 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->event_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, *title != '\0');
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  if (*title == '\0')
    {
      EventState *state = ensure_index (self, 0, error);
      return state != NULL && retitle (self, state, data->event_id, error);
    }
  return TRUE;
}

gboolean
px_store_rename_event (PxStore *self, gint64 event_id, const char *title, GError **error)
{
  RenameData data = { event_id, title };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (title != NULL && !g_utf8_validate (title, -1, NULL))
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("The title is not valid UTF-8 text"));
      return FALSE;
    }
  if (title != NULL && g_utf8_strlen (title, -1) > MAX_TITLE_CHARS)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("The title is longer than %d characters"),
                   MAX_TITLE_CHARS);
      return FALSE;
    }
  return run (self, rename_txn, &data, error);
}

/* Puts documents into @event_id, in the statistics and the library. */
static gboolean
move_documents (PxStore *self, EventState *state, const gint64 *ids, guint n, gint64 event_id, GHashTable *touched,
                GError **error)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 old = px_event_index_get_event (state->index, ids[i]);

      if (old == event_id)
        continue;
      if (!px_event_index_move (state->index, ids[i], event_id))
        {
          g_autoptr (PxEventFeatures) f = load_features (self, state, ids[i], error);
          if (f == NULL)
            return FALSE;
          px_event_index_add_to_event (state->index, f, event_id);
        }
      if (!set_document_event (self, ids[i], event_id, TRUE, error))
        return FALSE;
      touch (touched, old);
      touch (touched, event_id);
    }
  return TRUE;
}

/* Keeps the events that still exist. */
static void
drop_gone (EventState *state, GHashTable *touched)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr (GArray) members = px_event_index_get_members (state->index, *(gint64 *)key);
      if (members == NULL)
        g_hash_table_iter_remove (&iter);
    }
}

/* The user decided what the events an edit touched hold: all their
 * documents are marked as placed by the user, and grouping never moves
 * them again nor puts documents of other events with them. */
static gboolean
lock_events (PxStore *self, EventState *state, GHashTable *touched, GError **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr (GArray) members = px_event_index_get_members (state->index, *(gint64 *)key);
      sqlite3_stmt *stmt =
          _px_store_prepare (self, "UPDATE documents SET event_locked = 1 WHERE event_id = ?1;", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *)key);
      if (!_px_store_step_done (self, stmt, error))
        return FALSE;
      for (guint i = 0; members != NULL && i < members->len; i++)
        px_event_index_set_pinned (state->index, g_array_index (members, gint64, i), TRUE);
    }
  return TRUE;
}

static gboolean
finish_edit (PxStore *self, EventState *state, GHashTable *touched, GError **error)
{
  drop_gone (state, touched);
  return lock_events (self, state, touched, error) && retitle_all (self, state, touched, error) &&
         settle (self, state, error) && save_index (self, state, error);
}

typedef struct
{
  gint64 a;
  gint64 b;
  const gint64 *ids;
  guint n;
  gint64 result;
} EditData;

static gboolean
merge_txn (PxStore *self, gpointer user_data, GError **error)
{
  EditData *data = user_data;
  g_autoptr (GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (PxEventInfo) from = NULL;
  EventState *state;

  if (data->a == data->b)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("An event cannot be merged into itself"));
      return FALSE;
    }
  if (!event_exists (self, data->a, error) || (from = px_store_get_event (self, data->b, error)) == NULL)
    return FALSE;
  state = ensure_index (self, 0, error);
  if (state == NULL)
    return FALSE;
  return move_documents (self, state, (const gint64 *)from->documents->data, from->documents->len, data->a, touched,
                         error) &&
         finish_edit (self, state, touched, error);
}

gboolean
px_store_merge_events (PxStore *self, gint64 into, gint64 from, GError **error)
{
  EditData data = { into, from, NULL, 0, 0 };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return run (self, merge_txn, &data, error);
}

/* Checks the documents exist (and, if @event_id > 0, belong to it);
 * returns them sorted without repeats. */
static GArray *
checked_documents (PxStore *self, const gint64 *ids, guint n, gint64 event_id, GError **error)
{
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (n == 0)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("No documents were given"));
      return NULL;
    }
  g_array_append_vals (out, ids, n);
  g_array_sort (out, int64_cmp);
  for (guint i = 0; i < out->len; i++)
    {
      gint64 id = g_array_index (out, gint64, i);
      gint64 ev;

      if (i > 0 && id == g_array_index (out, gint64, i - 1))
        {
          g_array_remove_index (out, i--);
          continue;
        }
      ev = document_event (self, id, error);
      if (ev < 0)
        return NULL;
      if (event_id > 0 && ev != event_id)
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("Document %lld is not in event %lld"),
                       (long long)id, (long long)event_id);
          return NULL;
        }
    }
  return g_steal_pointer (&out);
}

/* A new event in the statistics holding the first of @ids, which must be
 * in some event there. */
static gint64
new_event_for (EventState *state, gint64 first)
{
  gint64 from = px_event_index_get_event (state->index, first);

  return from > 0 ? px_event_index_split (state->index, from, &first, 1) : 0;
}

static gboolean
split_txn (PxStore *self, gpointer user_data, GError **error)
{
  EditData *data = user_data;
  g_autoptr (GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (PxEventInfo) info = NULL;
  g_autoptr (GArray) ids = NULL;
  EventState *state;
  gint64 fresh;

  info = px_store_get_event (self, data->a, error);
  if (info == NULL)
    return FALSE;
  ids = checked_documents (self, data->ids, data->n, data->a, error);
  if (ids == NULL)
    return FALSE;
  if (ids->len == info->documents->len)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID,
                           _ ("Splitting off every document would leave the event as it is"));
      return FALSE;
    }
  state = ensure_index (self, 0, error);
  if (state == NULL)
    return FALSE;
  fresh = new_event_for (state, g_array_index (ids, gint64, 0));
  if (fresh <= 0)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_FAILED, _ ("The event could not be split"));
      return FALSE;
    }
  if (!ensure_event_row (self, fresh, TRUE, error) ||
      !set_document_event (self, g_array_index (ids, gint64, 0), fresh, TRUE, error))
    return FALSE;
  touch (touched, data->a);
  touch (touched, fresh);
  if (!move_documents (self, state, (const gint64 *)ids->data + 1, ids->len - 1, fresh, touched, error) ||
      !finish_edit (self, state, touched, error))
    return FALSE;
  data->result = fresh;
  return TRUE;
}

gint64
px_store_split_event (PxStore *self, gint64 event_id, const gint64 *document_ids, guint n_documents, GError **error)
{
  EditData data = { event_id, 0, document_ids, n_documents, 0 };

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  g_return_val_if_fail (document_ids != NULL || n_documents == 0, 0);
  if (!run (self, split_txn, &data, error))
    return 0;
  return data.result;
}

static gboolean
move_txn (PxStore *self, gpointer user_data, GError **error)
{
  EditData *data = user_data;
  g_autoptr (GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  EventState *state;

  if (document_event (self, data->a, error) < 0 || !event_exists (self, data->b, error))
    return FALSE;
  state = ensure_index (self, 0, error);
  if (state == NULL)
    return FALSE;
  return move_documents (self, state, &data->a, 1, data->b, touched, error) &&
         finish_edit (self, state, touched, error);
}

gboolean
px_store_move_document (PxStore *self, gint64 document_id, gint64 event_id, GError **error)
{
  EditData data = { document_id, event_id, NULL, 0, 0 };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return run (self, move_txn, &data, error);
}

static gboolean
group_txn (PxStore *self, gpointer user_data, GError **error)
{
  EditData *data = user_data;
  g_autoptr (GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GArray) ids = NULL;
  EventState *state;
  gint64 first, ev, fresh;

  ids = checked_documents (self, data->ids, data->n, 0, error);
  if (ids == NULL)
    return FALSE;
  first = g_array_index (ids, gint64, 0);
  ev = document_event (self, first, error);
  if (ev < 0)
    return FALSE;
  /* Already exactly an event: nothing to do. */
  if (ev > 0)
    {
      g_autoptr (PxEventInfo) info = px_store_get_event (self, ev, error);
      gboolean same = info != NULL && info->documents->len == ids->len;

      if (info == NULL)
        return FALSE;
      g_array_sort (info->documents, int64_cmp);
      for (guint i = 0; same && i < ids->len; i++)
        same = g_array_index (ids, gint64, i) == g_array_index (info->documents, gint64, i);
      if (same)
        {
          data->result = ev;
          return TRUE;
        }
    }
  state = ensure_index (self, 0, error);
  if (state == NULL)
    return FALSE;
  fresh = new_event_for (state, first);
  if (fresh <= 0)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_FAILED, _ ("The event could not be made"));
      return FALSE;
    }
  if (!ensure_event_row (self, fresh, TRUE, error) || !set_document_event (self, first, fresh, TRUE, error))
    return FALSE;
  touch (touched, ev);
  touch (touched, fresh);
  if (!move_documents (self, state, (const gint64 *)ids->data + 1, ids->len - 1, fresh, touched, error) ||
      !finish_edit (self, state, touched, error))
    return FALSE;
  data->result = fresh;
  return TRUE;
}

gint64
px_store_group_documents (PxStore *self, const gint64 *document_ids, guint n_documents, GError **error)
{
  EditData data = { 0, 0, document_ids, n_documents, 0 };

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  g_return_val_if_fail (document_ids != NULL || n_documents == 0, 0);
  if (!run (self, group_txn, &data, error))
    return 0;
  return data.result;
}

guint
_px_store_events_get_n_rebuilt (PxStore *self)
{
  g_return_val_if_fail (PX_IS_STORE (self), 0);
  return get_state (self)->n_rebuilt;
}
