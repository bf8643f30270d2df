/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "annotations/px-annotation.h"
#include "events/px-event-snapshot.h"
#include "library/px-store.h"

G_BEGIN_DECLS

/* Changes of the same annotation and kind this close in time (typing a
 * note) are one step to undo. */
#define PX_UNDO_MERGE_MS 2000
/* Steps kept per document. */
#define PX_UNDO_MAX_STEPS 500

/* The undo history of the annotation actions on one document, kept in the
 * library so that it survives a restart. Each step holds the annotation as
 * it was before and after (NULL: it did not exist). */
#define PX_TYPE_UNDO_STACK (px_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (PxUndoStack, px_undo_stack, PX, UNDO_STACK, GObject)

PxUndoStack *px_undo_stack_new (PxStore *store, gint64 document_id);
gint64 px_undo_stack_get_document_id (PxUndoStack *self);

/* The undo history of the library's event edits (rename, merge, split,
 * move, new event; events/px-event-edit.h), kept in the same log: steps of
 * no document. An event step is undone once and has no redo. */
PxUndoStack *px_undo_stack_new_for_events (PxStore *store);
/* Records an event edit as the events it touched were before it and what
 * it made of them (PxEventSnapshot, px_event_snapshot_record_after());
 * call it inside the edit's transaction. */
gboolean px_undo_stack_record_events (PxUndoStack *self, const char *action, PxEventSnapshot *before, GError **error);
/* Undoes the last event edit (px_undo_stack_undo() does the same);
 * *@partial (may be NULL) says that part of it was not undone: articles
 * moved or events renamed again since keep that later change. A step that
 * cannot be read is dropped, in the same transaction, with
 * PX_STORE_ERROR_CORRUPT: the older steps stay within reach. */
gboolean px_undo_stack_undo_events (PxUndoStack *self, gboolean *partial, GError **error);

/* Records a change; call it inside the transaction that made the change,
 * so that both are saved or neither. @action names the kind of change
 * ("create", "color", "note", "tags", "delete"…); changes with the same
 * non-NULL @merge_key on the same annotation within PX_UNDO_MERGE_MS are
 * merged into the previous step. Recording drops what could be redone. */
gboolean px_undo_stack_record (PxUndoStack *self, const char *action, PxAnnotation *before, PxAnnotation *after,
                               const char *merge_key, GError **error);
/* The next change never merges into the steps recorded so far. */
void px_undo_stack_seal (PxUndoStack *self);

/* Each in one transaction. Sets *annotation_id to the annotation that
 * changed, so views can reload it. */
gboolean px_undo_stack_undo (PxUndoStack *self, gint64 *annotation_id, GError **error);
gboolean px_undo_stack_redo (PxUndoStack *self, gint64 *annotation_id, GError **error);

/* Read from the library; "can-undo" and "can-redo" notify after changes
 * made through this object, and after px_undo_stack_refresh(). */
gboolean px_undo_stack_can_undo (PxUndoStack *self);
gboolean px_undo_stack_can_redo (PxUndoStack *self);
/* The action of the step undo (redo) would revert, or NULL. */
char *px_undo_stack_dup_undo_action (PxUndoStack *self);
char *px_undo_stack_dup_redo_action (PxUndoStack *self);
void px_undo_stack_refresh (PxUndoStack *self);

/* Serialized annotation states (GVariant text), exposed for tests. */
char *px_undo_serialize (PxAnnotation *annotation);
PxAnnotation *px_undo_deserialize (const char *text, gint64 id, GError **error);

/* For the store: forgets a document's history (its text changed, so the
 * old positions mean nothing). Joins the caller's transaction. */
gboolean _px_undo_stack_clear_document (PxStore *store, gint64 document_id, GError **error);

G_END_DECLS
