/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "library/px-store.h"

G_BEGIN_DECLS

/* What some events were before an edit (their documents, their names and
 * whether the user gave them), so the edit can be undone: rename, merge,
 * split, move an article, new event from an article. The library's undo
 * log keeps it serialized (px_undo_stack_record_events()), so the edit
 * can be undone after a restart. */
typedef struct _PxEventSnapshot PxEventSnapshot;

/* Records the events @event_ids (ids that name no event are skipped).
 * NULL with @error set when the library cannot be read. */
PxEventSnapshot *px_event_snapshot_new (PxStore *store, const gint64 *event_ids, guint n_events, GError **error);

/* Records what the edit made of them, once it is made (in the same
 * transaction): where each of their documents went, with its content hash,
 * and their names after. */
gboolean px_event_snapshot_record_after (PxEventSnapshot *self, PxStore *store, GError **error);

/* Undoes the edit, and only what it changed: each document it moved that
 * is still where it put it (and still the same article: a document that
 * took a deleted one's id is left alone) goes back into its event (made
 * again when it went away: the new event gets a new id), and each event it
 * renamed that still has that name gets its name back (its automatic title
 * when the user had not named it). A document moved or an event renamed
 * again since keeps that later change; *@partial (may be NULL) then says
 * that only part of the edit was undone. Documents moved back count as
 * placed by the user, like any move. */
gboolean px_event_snapshot_restore (PxEventSnapshot *self, PxStore *store, gboolean *partial, GError **error);

/* After @undone was restored: the events it made again under new ids
 * stand for the old ones in @self, an older edit's snapshot (its documents
 * moved into such an event are now in the new one). Whether @self
 * changed. */
gboolean px_event_snapshot_follow (PxEventSnapshot *self, const PxEventSnapshot *undone);

/* As GVariant text, for the undo log (after
 * px_event_snapshot_record_after()); NULL with @error set when @text is
 * not one (or one of an older format). */
char *px_event_snapshot_serialize (PxEventSnapshot *self);
PxEventSnapshot *px_event_snapshot_deserialize (const char *text, GError **error);

void px_event_snapshot_free (PxEventSnapshot *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxEventSnapshot, px_event_snapshot_free)

G_END_DECLS
