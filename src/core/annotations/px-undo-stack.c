/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "annotations/px-undo-stack.h"

#include <glib/gi18n-lib.h>

#include "events/px-event-snapshot.h"
#include "annotations/px-store-annotations.h"
#include "annotations/px-store-coders.h"
#include "events/px-store-events.h"
#include "library/px-store-private.h"

struct _PxUndoStack
{
  GObject parent_instance;

  PxStore *store;
  gint64 document_id;
  gboolean can_undo;
  gboolean can_redo;
  /* Steps up to this id never take merges. */
  gint64 sealed_id;
};

G_DEFINE_FINAL_TYPE (PxUndoStack, px_undo_stack, G_TYPE_OBJECT)

/* The steps of a document are its rows; the library's event edits are
 * the rows of no document (document_id NULL), the stack of document 0. */
static void
bind_scope (sqlite3_stmt *stmt, gint64 document_id)
{
  if (document_id != 0)
    sqlite3_bind_int64 (stmt, 1, document_id);
  else
    sqlite3_bind_null (stmt, 1);
}

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_undo_stack_finalize (GObject *object)
{
  PxUndoStack *self = PX_UNDO_STACK (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (px_undo_stack_parent_class)->finalize (object);
}

static void
px_undo_stack_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PxUndoStack *self = PX_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_undo_stack_class_init (PxUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_undo_stack_finalize;
  object_class->get_property = px_undo_stack_get_property;
  properties[PROP_CAN_UNDO] = g_param_spec_boolean (
      "can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean (
      "can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_undo_stack_init (PxUndoStack *self)
{
}

PxUndoStack *
px_undo_stack_new (PxStore *store, gint64 document_id)
{
  PxUndoStack *self;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  self = g_object_new (PX_TYPE_UNDO_STACK, NULL);
  self->store = g_object_ref (store);
  self->document_id = document_id;
  px_undo_stack_refresh (self);
  return self;
}

gint64
px_undo_stack_get_document_id (PxUndoStack *self)
{
  g_return_val_if_fail (PX_IS_UNDO_STACK (self), 0);
  return self->document_id;
}

static char *serialize_with_coder (PxAnnotation *a, const char *coder);

char *
px_undo_serialize (PxAnnotation *a)
{
  return serialize_with_coder (a, NULL);
}

/* @coder: the highlight's coder as stored, NULL for the library's own. */
static char *
serialize_with_coder (PxAnnotation *a, const char *coder)
{
  g_auto (GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr (GVariant) value = NULL;

  if (a == NULL)
    return NULL;
  g_variant_builder_add (&builder, "{sv}", "document", g_variant_new_int64 (px_annotation_get_document_id (a)));
  g_variant_builder_add (&builder, "{sv}", "start", g_variant_new_uint32 (px_annotation_get_start (a)));
  g_variant_builder_add (&builder, "{sv}", "end", g_variant_new_uint32 (px_annotation_get_end (a)));
  g_variant_builder_add (&builder, "{sv}", "quote", g_variant_new_string (px_annotation_get_quote (a)));
  g_variant_builder_add (&builder, "{sv}", "prefix", g_variant_new_string (px_annotation_get_prefix (a)));
  g_variant_builder_add (&builder, "{sv}", "suffix", g_variant_new_string (px_annotation_get_suffix (a)));
  g_variant_builder_add (&builder, "{sv}", "color", g_variant_new_string (px_annotation_get_color (a)));
  g_variant_builder_add (&builder, "{sv}", "note", g_variant_new_string (px_annotation_get_note (a)));
  if (px_annotation_get_note_language (a) != NULL)
    g_variant_builder_add (&builder, "{sv}", "language", g_variant_new_string (px_annotation_get_note_language (a)));
  g_variant_builder_add (&builder, "{sv}", "tags", g_variant_new_strv (px_annotation_get_tags (a), -1));
  g_variant_builder_add (&builder, "{sv}", "orphaned", g_variant_new_boolean (px_annotation_get_orphaned (a)));
  if (px_annotation_get_created (a) != NULL)
    g_variant_builder_add (&builder, "{sv}", "created", g_variant_new_string (px_annotation_get_created (a)));
  if (coder != NULL)
    g_variant_builder_add (&builder, "{sv}", "coder", g_variant_new_string (coder));
  value = g_variant_ref_sink (g_variant_builder_end (&builder));
  return g_variant_print (value, TRUE);
}

PxAnnotation *
px_undo_deserialize (const char *text, gint64 id, GError **error)
{
  g_autoptr (GVariant) value = NULL;
  g_autoptr (PxAnnotation) a = NULL;
  g_autofree const char **tags = NULL;
  const char *s;
  gint64 document_id = 0;
  guint32 start = 0, end = 0;
  gboolean orphaned = FALSE;

  value = g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, error);
  if (value == NULL)
    return NULL;
  a = px_annotation_new ();
  px_annotation_set_id (a, id);
  g_variant_lookup (value, "document", "x", &document_id);
  px_annotation_set_document_id (a, document_id);
  g_variant_lookup (value, "start", "u", &start);
  g_variant_lookup (value, "end", "u", &end);
  px_annotation_set_range (a, start, MAX (start, end));
  if (g_variant_lookup (value, "quote", "&s", &s))
    px_annotation_set_quote (a, s);
  if (g_variant_lookup (value, "prefix", "&s", &s))
    px_annotation_set_prefix (a, s);
  if (g_variant_lookup (value, "suffix", "&s", &s))
    px_annotation_set_suffix (a, s);
  if (g_variant_lookup (value, "color", "&s", &s) && px_annotation_color_is_valid (s))
    px_annotation_set_color (a, s);
  if (g_variant_lookup (value, "note", "&s", &s))
    px_annotation_set_note (a, s);
  if (g_variant_lookup (value, "language", "&s", &s))
    px_annotation_set_note_language (a, s);
  if (g_variant_lookup (value, "tags", "^a&s", &tags))
    px_annotation_set_tags (a, tags);
  g_variant_lookup (value, "orphaned", "b", &orphaned);
  px_annotation_set_orphaned (a, orphaned);
  if (g_variant_lookup (value, "created", "&s", &s))
    px_annotation_set_created (a, s);
  return g_steal_pointer (&a);
}

static void
set_flags (PxUndoStack *self, gboolean can_undo, gboolean can_redo)
{
  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
}

/* The action of the latest step that is (not) undone. */
static char *
peek_action (PxUndoStack *self, gboolean undone)
{
  sqlite3_stmt *stmt = _px_store_prepare (
      self->store,
      undone ? "SELECT action FROM undo_log WHERE document_id IS ?1 AND undone = 1 ORDER BY id LIMIT 1;"
             : "SELECT action FROM undo_log WHERE document_id IS ?1 AND undone = 0"
               " ORDER BY id DESC LIMIT 1;",
      NULL);
  char *action = NULL;

  if (stmt == NULL)
    return NULL;
  bind_scope (stmt, self->document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    action = _px_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return action;
}

void
px_undo_stack_refresh (PxUndoStack *self)
{
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  g_return_if_fail (PX_IS_UNDO_STACK (self));
  undo = peek_action (self, FALSE);
  redo = peek_action (self, TRUE);
  set_flags (self, undo != NULL, redo != NULL);
}

gboolean
px_undo_stack_can_undo (PxUndoStack *self)
{
  g_return_val_if_fail (PX_IS_UNDO_STACK (self), FALSE);
  return self->can_undo;
}

gboolean
px_undo_stack_can_redo (PxUndoStack *self)
{
  g_return_val_if_fail (PX_IS_UNDO_STACK (self), FALSE);
  return self->can_redo;
}

char *
px_undo_stack_dup_undo_action (PxUndoStack *self)
{
  g_return_val_if_fail (PX_IS_UNDO_STACK (self), NULL);
  return peek_action (self, FALSE);
}

char *
px_undo_stack_dup_redo_action (PxUndoStack *self)
{
  g_return_val_if_fail (PX_IS_UNDO_STACK (self), NULL);
  return peek_action (self, TRUE);
}

void
px_undo_stack_seal (PxUndoStack *self)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (PX_IS_UNDO_STACK (self));
  stmt = _px_store_prepare (self->store, "SELECT max(id) FROM undo_log;", NULL);
  if (stmt == NULL)
    return;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->sealed_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
}

typedef struct
{
  PxUndoStack *self;
  const char *action;
  gint64 annotation_id;
  char *before;
  char *after;
  const char *merge_key;
} RecordData;

/* Merges into the latest step when it is the same kind of edit of the
 * same annotation, a moment ago. Returns TRUE when merged. */
static gboolean
try_merge (PxStore *store, RecordData *data, gint64 now, gboolean *merged, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 top_id = 0;
  g_autofree char *top_before = NULL;
  gboolean same = FALSE;

  *merged = FALSE;
  if (data->merge_key == NULL)
    return TRUE;
  stmt = _px_store_prepare (store,
                            "SELECT id, annotation_id, merge_key, time_ms, before FROM undo_log"
                            " WHERE document_id IS ?1 AND undone = 0 ORDER BY id DESC LIMIT 1;",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, data->self->document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      top_id = sqlite3_column_int64 (stmt, 0);
      same = sqlite3_column_int64 (stmt, 1) == data->annotation_id &&
             g_strcmp0 ((const char *)sqlite3_column_text (stmt, 2), data->merge_key) == 0 &&
             now - sqlite3_column_int64 (stmt, 3) <= PX_UNDO_MERGE_MS && top_id > data->self->sealed_id;
      top_before = _px_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (!same)
    return TRUE;

  /* Typing and then erasing it again leaves nothing to undo. */
  if (g_strcmp0 (top_before, data->after) == 0)
    stmt = _px_store_prepare (store, "DELETE FROM undo_log WHERE id = ?1;", error);
  else
    stmt = _px_store_prepare (store, "UPDATE undo_log SET after = ?2, time_ms = ?3 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, top_id);
  if (g_strcmp0 (top_before, data->after) != 0)
    {
      _px_bind_text (stmt, 2, data->after);
      sqlite3_bind_int64 (stmt, 3, now);
    }
  *merged = TRUE;
  return _px_store_step_done (store, stmt, error);
}

static gboolean
record_txn (PxStore *store, gpointer user_data, GError **error)
{
  RecordData *data = user_data;
  gint64 now = g_get_real_time () / 1000;
  gboolean merged;
  sqlite3_stmt *stmt;

  /* A new change ends what could be redone. */
  stmt = _px_store_prepare (store, "DELETE FROM undo_log WHERE document_id IS ?1 AND undone = 1;", error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, data->self->document_id);
  if (!_px_store_step_done (store, stmt, error))
    return FALSE;

  if (!try_merge (store, data, now, &merged, error))
    return FALSE;
  if (merged)
    return TRUE;

  stmt =
      _px_store_prepare (store,
                         "INSERT INTO undo_log (document_id, annotation_id, action, before, after, merge_key, time_ms)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);",
                         error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, data->self->document_id);
  sqlite3_bind_int64 (stmt, 2, data->annotation_id);
  sqlite3_bind_text (stmt, 3, data->action, -1, SQLITE_TRANSIENT);
  _px_bind_text (stmt, 4, data->before);
  _px_bind_text (stmt, 5, data->after);
  _px_bind_text (stmt, 6, data->merge_key);
  sqlite3_bind_int64 (stmt, 7, now);
  if (!_px_store_step_done (store, stmt, error))
    return FALSE;

  stmt = _px_store_prepare (store,
                            "DELETE FROM undo_log WHERE document_id IS ?1 AND id <= ("
                            " SELECT id FROM undo_log WHERE document_id IS ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2);",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, data->self->document_id);
  sqlite3_bind_int (stmt, 2, PX_UNDO_MAX_STEPS);
  return _px_store_step_done (store, stmt, error);
}

gboolean
px_undo_stack_record (PxUndoStack *self, const char *action, PxAnnotation *before, PxAnnotation *after,
                      const char *merge_key, GError **error)
{
  RecordData data = { self, action, 0, NULL, NULL, merge_key };
  g_autofree char *coder = NULL;
  gboolean ok;

  g_return_val_if_fail (PX_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (before != NULL || after != NULL, FALSE);

  data.annotation_id = px_annotation_get_id (after ? after : before);
  /* Undo brings a highlight back as its coder's, not the library's. */
  coder = _px_store_dup_annotation_coder (self->store, data.annotation_id);
  data.before = serialize_with_coder (before, coder);
  data.after = serialize_with_coder (after, coder);
  ok = px_store_transaction (self->store, record_txn, &data, error);
  g_free (data.before);
  g_free (data.after);
  if (ok)
    set_flags (self, TRUE, FALSE);
  return ok;
}

PxUndoStack *
px_undo_stack_new_for_events (PxStore *store)
{
  return px_undo_stack_new (store, 0);
}

gboolean
px_undo_stack_record_events (PxUndoStack *self, const char *action, PxEventSnapshot *before, GError **error)
{
  RecordData data = { self, action, 0, NULL, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (PX_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->document_id == 0, FALSE);
  g_return_val_if_fail (action != NULL && before != NULL, FALSE);

  data.before = px_event_snapshot_serialize (before);
  ok = px_store_transaction (self->store, record_txn, &data, error);
  g_free (data.before);
  if (ok)
    set_flags (self, TRUE, FALSE);
  return ok;
}

/* Gives the highlight @id back the coder its state @state names. */
static gboolean
restore_coder (PxStore *store, gint64 id, const char *state, GError **error)
{
  g_autoptr (GVariant) value = g_variant_parse (G_VARIANT_TYPE_VARDICT, state, NULL, NULL, NULL);
  const char *coder = NULL;

  if (value == NULL || !g_variant_lookup (value, "coder", "&s", &coder))
    return TRUE;
  return px_store_set_annotation_origin (store, id, coder, NULL, NULL, error);
}

/* Puts an annotation into the state @state (NULL: absent). */
static gboolean
apply_state (PxStore *store, gint64 id, const char *state, GError **error)
{
  g_autoptr (PxAnnotation) target = NULL;
  g_autoptr (PxAnnotation) current = NULL;
  g_autoptr (GError) local_error = NULL;

  current = px_store_get_annotation (store, id, &local_error);
  if (current == NULL && !g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (state == NULL)
    return current == NULL || px_store_delete_annotation (store, id, error);
  target = px_undo_deserialize (state, id, error);
  if (target == NULL)
    return FALSE;
  if (!(current != NULL ? px_store_update_annotation (store, target, error)
                        : px_store_restore_annotation (store, target, error)))
    return FALSE;
  return restore_coder (store, id, state, error);
}

typedef struct
{
  PxUndoStack *self;
  gboolean redo;
  gint64 annotation_id;
  gboolean done;
  gboolean partial; /* an event edit undone only in part */
  gboolean damaged; /* an event step that could not be read, dropped */
} StepData;

/* The older event steps follow the events that undoing @undone (the
 * step @step_id) made again under new ids. A step that cannot be read is
 * left as it is. */
static gboolean
follow_remade (PxStore *store, gint64 step_id, PxEventSnapshot *undone, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _px_store_prepare (store, "SELECT id, before FROM undo_log WHERE document_id IS NULL AND id < ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *text = _px_column_dup (stmt, 1);
      g_autoptr (PxEventSnapshot) older = text != NULL ? px_event_snapshot_deserialize (text, NULL) : NULL;

      if (older == NULL || !px_event_snapshot_follow (older, undone))
        continue;
      g_array_append_val (ids, id);
      g_ptr_array_add (texts, px_event_snapshot_serialize (older));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _px_store_fail (store, rc, error);
  for (guint i = 0; i < ids->len; i++)
    {
      stmt = _px_store_prepare (store, "UPDATE undo_log SET before = ?2 WHERE id = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_text (stmt, 2, texts->pdata[i], -1, SQLITE_TRANSIENT);
      if (!_px_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
step_txn (PxStore *store, gpointer user_data, GError **error)
{
  StepData *data = user_data;
  g_autofree char *state = NULL;
  sqlite3_stmt *stmt;
  gint64 step_id;
  int rc;

  stmt = _px_store_prepare (store,
                            data->redo ? "SELECT id, annotation_id, after FROM undo_log"
                                         " WHERE document_id IS ?1 AND undone = 1 ORDER BY id LIMIT 1;"
                                       : "SELECT id, annotation_id, before FROM undo_log"
                                         " WHERE document_id IS ?1 AND undone = 0 ORDER BY id DESC LIMIT 1;",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, data->self->document_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return rc == SQLITE_DONE || _px_store_fail (store, rc, error);
    }
  step_id = sqlite3_column_int64 (stmt, 0);
  data->annotation_id = sqlite3_column_int64 (stmt, 1);
  state = _px_column_dup (stmt, 2);
  sqlite3_reset (stmt);

  if (data->self->document_id == 0)
    {
      /* An event edit: undone once, with no redo. */
      g_autoptr (GError) parse_error = NULL;
      g_autoptr (PxEventSnapshot) snapshot = state != NULL ? px_event_snapshot_deserialize (state, &parse_error) : NULL;

      if (snapshot != NULL && (!px_event_snapshot_restore (snapshot, store, &data->partial, error) ||
                               !follow_remade (store, step_id, snapshot, error)))
        return FALSE;
      if (snapshot == NULL)
        {
          /* Damaged (or of an older format): dropped, so that the steps
           * before it can still be undone. */
          g_debug ("Dropping damaged event undo step %lld: %s", (long long)step_id,
                   parse_error != NULL ? parse_error->message : "no state");
          data->damaged = TRUE;
        }
      stmt = _px_store_prepare (store, "DELETE FROM undo_log WHERE id = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, step_id);
      data->done = TRUE;
      return _px_store_step_done (store, stmt, error);
    }
  if (!apply_state (store, data->annotation_id, state, error))
    return FALSE;
  stmt = _px_store_prepare (store, "UPDATE undo_log SET undone = ?2 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id);
  sqlite3_bind_int (stmt, 2, data->redo ? 0 : 1);
  data->done = TRUE;
  return _px_store_step_done (store, stmt, error);
}

static gboolean
step (PxUndoStack *self, gboolean redo, gint64 *annotation_id, gboolean *partial, GError **error)
{
  StepData data = { self, redo, 0, FALSE, FALSE, FALSE };

  if (annotation_id != NULL)
    *annotation_id = 0;
  if (!(self->document_id == 0 ? px_store_edit_events (self->store, step_txn, &data, error)
                               : px_store_transaction (self->store, step_txn, &data, error)))
    {
      px_undo_stack_refresh (self);
      return FALSE;
    }
  /* An undone step never merges with what comes next. */
  px_undo_stack_seal (self);
  px_undo_stack_refresh (self);
  if (!data.done)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND,
                           redo ? _ ("There is nothing to redo") : _ ("There is nothing to undo"));
      return FALSE;
    }
  if (data.damaged)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT,
                           _ ("This undo step is damaged and was dropped"));
      return FALSE;
    }
  if (annotation_id != NULL)
    *annotation_id = data.annotation_id;
  if (partial != NULL)
    *partial = data.partial;
  return TRUE;
}

gboolean
px_undo_stack_undo (PxUndoStack *self, gint64 *annotation_id, GError **error)
{
  g_return_val_if_fail (PX_IS_UNDO_STACK (self), FALSE);
  return step (self, FALSE, annotation_id, NULL, error);
}

gboolean
px_undo_stack_undo_events (PxUndoStack *self, gboolean *partial, GError **error)
{
  g_return_val_if_fail (PX_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->document_id == 0, FALSE);
  if (partial != NULL)
    *partial = FALSE;
  return step (self, FALSE, NULL, partial, error);
}

gboolean
px_undo_stack_redo (PxUndoStack *self, gint64 *annotation_id, GError **error)
{
  g_return_val_if_fail (PX_IS_UNDO_STACK (self), FALSE);
  return step (self, TRUE, annotation_id, NULL, error);
}

gboolean
_px_undo_stack_clear_document (PxStore *store, gint64 document_id, GError **error)
{
  sqlite3_stmt *stmt = _px_store_prepare (store, "DELETE FROM undo_log WHERE document_id = ?1;", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  return _px_store_step_done (store, stmt, error);
}
