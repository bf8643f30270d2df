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

/* Puts the recorded events back as they were: each recorded document that
 * still exists goes back into its event (made again when it went away:
 * the new event gets a new id), and each event gets its name back (its
 * automatic title when the user had not named it). Documents moved back
 * count as placed by the user, like any move. */
gboolean px_event_snapshot_restore (PxEventSnapshot *self, PxStore *store, GError **error);

/* As GVariant text, for the undo log; NULL with @error set when @text is
 * not one. */
char *px_event_snapshot_serialize (PxEventSnapshot *self);
PxEventSnapshot *px_event_snapshot_deserialize (const char *text, GError **error);

void px_event_snapshot_free (PxEventSnapshot *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxEventSnapshot, px_event_snapshot_free)

G_END_DECLS
