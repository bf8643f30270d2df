/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "events/px-event-edit.h"

#include "events/px-event-snapshot.h"
#include "events/px-store-events.h"

typedef struct
{
  const PxEventEdit *edit;
  PxUndoStack *undo;
  gint64 result;
} EditData;

static const char *const actions[] = { "event-rename", "event-merge", "event-split", "event-move", "event-new" };

/* The events @edit touches as they are now: the ones it names and those
 * its documents are in. */
static GArray *
touched_events (PxStore *store, const PxEventEdit *edit, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (ids, edit->event_id);
  g_array_append_val (ids, edit->other_event_id);
  for (guint i = 0; i < edit->n_documents; i++)
    {
      g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, edit->document_ids[i], error);

      if (info == NULL)
        return NULL;
      g_array_append_val (ids, info->event_id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
edit_txn (PxStore *store, gpointer user_data, GError **error)
{
  EditData *data = user_data;
  const PxEventEdit *edit = data->edit;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (PxEventSnapshot) before = NULL;

  /* An article in no event is placed first: undo puts it back there. */
  if (px_store_group_unassigned (store, error) < 0)
    return FALSE;
  if (data->undo != NULL)
    {
      ids = touched_events (store, edit, error);
      if (ids == NULL)
        return FALSE;
      before = px_event_snapshot_new (store, (const gint64 *)ids->data, ids->len, error);
      if (before == NULL)
        return FALSE;
    }
  switch (edit->kind)
    {
    case PX_EVENT_EDIT_RENAME:
      data->result = px_store_rename_event (store, edit->event_id, edit->title, error) ? edit->event_id : 0;
      break;
    case PX_EVENT_EDIT_MERGE:
      data->result = px_store_merge_events (store, edit->event_id, edit->other_event_id, error) ? edit->event_id : 0;
      break;
    case PX_EVENT_EDIT_SPLIT:
      data->result = px_store_split_event (store, edit->event_id, edit->document_ids, edit->n_documents, error);
      break;
    case PX_EVENT_EDIT_MOVE:
      g_return_val_if_fail (edit->n_documents == 1, FALSE);
      data->result = px_store_move_document (store, edit->document_ids[0], edit->event_id, error) ? edit->event_id : 0;
      break;
    case PX_EVENT_EDIT_NEW_EVENT:
      data->result = px_store_group_documents (store, edit->document_ids, edit->n_documents, error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if (data->result == 0)
    return FALSE;
  if (before != NULL && !px_event_snapshot_record_after (before, store, error))
    return FALSE;
  return data->undo == NULL || px_undo_stack_record_events (data->undo, actions[edit->kind], before, error);
}

gint64
px_event_edit_apply (PxStore *store, const PxEventEdit *edit, PxUndoStack *undo, GError **error)
{
  EditData data = { edit, undo, 0 };

  g_return_val_if_fail (PX_IS_STORE (store), 0);
  g_return_val_if_fail (edit != NULL && (guint)edit->kind < G_N_ELEMENTS (actions), 0);
  g_return_val_if_fail (edit->document_ids != NULL || edit->n_documents == 0, 0);
  g_return_val_if_fail (undo == NULL || px_undo_stack_get_document_id (undo) == 0, 0);
  if (!px_store_edit_events (store, edit_txn, &data, error))
    return 0;
  return data.result;
}
