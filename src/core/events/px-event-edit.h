/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "library/px-store.h"
#include "annotations/px-undo-stack.h"

G_BEGIN_DECLS

/* One edit of events by the user, made together with its undo step. */
typedef enum
{
  PX_EVENT_EDIT_RENAME,    /* @event_id gets @title (NULL or "": the automatic one) */
  PX_EVENT_EDIT_MERGE,     /* @other_event_id's documents join @event_id */
  PX_EVENT_EDIT_SPLIT,     /* @document_ids leave @event_id for a new event */
  PX_EVENT_EDIT_MOVE,      /* @document_ids (one) move into @event_id */
  PX_EVENT_EDIT_NEW_EVENT, /* @document_ids become a new event */
} PxEventEditKind;

typedef struct
{
  PxEventEditKind kind;
  gint64 event_id;
  gint64 other_event_id;
  const char *title;
  const gint64 *document_ids;
  guint n_documents;
} PxEventEdit;

/* Makes @edit and records in @undo (px_undo_stack_new_for_events(), or
 * NULL for none) the events it touches as they were, in one transaction:
 * both are saved or neither. Documents waiting for an event are placed
 * first, so an article that was in no event is undone into the event
 * grouping gave it. Returns the event edited (for a split or a new event,
 * the new one), or 0 with @error set. */
gint64 px_event_edit_apply (PxStore *store, const PxEventEdit *edit, PxUndoStack *undo, GError **error);

G_END_DECLS
