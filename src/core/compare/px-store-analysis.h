/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "library/px-store.h"

G_BEGIN_DECLS

/* The comparison cache: one entry per event, saved under a stamp of the
 * event's documents (their ids, texts and metadata) and of the analysis
 * version, so that an entry is only ever returned for exactly the
 * documents it was computed from. */

/* NULL with @error set when the event has no documents. */
char *px_store_event_stamp (PxStore *self, gint64 event_id, const char *version, GError **error);
/* Returns NULL without an error when there is no entry for @stamp. */
GBytes *px_store_get_analysis (PxStore *self, gint64 event_id, const char *stamp, GError **error);
gboolean px_store_put_analysis (PxStore *self, gint64 event_id, const char *stamp, GBytes *data, GError **error);

G_END_DECLS
