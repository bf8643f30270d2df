/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "library/px-store.h"

G_BEGIN_DECLS

/* How some tags of the codebook were before a change (rename, recolour,
 * merge, delete): their names, colours and which annotations carried
 * them, so that the change can be undone. Codebook changes reach across
 * every document, so they are not steps of a document's undo history
 * (PxUndoStack); the codebook dialog keeps these instead. */
typedef struct _PxTagSnapshot PxTagSnapshot;

/* Takes the state of the tags @ids (n_ids of them); an id that names no
 * tag fails with PX_STORE_ERROR_NOT_FOUND. */
PxTagSnapshot *px_tag_snapshot_new (PxStore *store, const gint64 *ids, guint n_ids, GError **error);
void px_tag_snapshot_free (PxTagSnapshot *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxTagSnapshot, px_tag_snapshot_free)

/* The annotations that carried any of the tags. */
guint px_tag_snapshot_get_n_annotations (PxTagSnapshot *self);
/* The name the first tag had. */
const char *px_tag_snapshot_get_name (PxTagSnapshot *self);

/* Puts the tags back as they were, under their old ids: names and
 * colours, and on exactly the annotations that carried them (those that
 * still exist). Fails with PX_STORE_ERROR_DUPLICATE, changing nothing,
 * when another tag has taken one of the names since. One transaction. */
gboolean px_tag_snapshot_restore (PxTagSnapshot *self, PxStore *store, GError **error);

G_END_DECLS
