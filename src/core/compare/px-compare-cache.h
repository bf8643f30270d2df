/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "compare/px-event-comparison.h"
#include "library/px-store.h"

G_BEGIN_DECLS

/* The comparison of an event: from the store's cache when it was made
 * from exactly the event's current documents, otherwise computed (this
 * blocks: call it in a worker thread, on the worker's own connection) and
 * saved in the cache. @from_cache, if not NULL, tells which. A cache that
 * cannot be written (a read-only library, a full disk) only costs time. */
/* Articles with more sentences than this are not compared: loading fails
 * with PX_STORE_ERROR_INVALID and a message naming the article. */
#define PX_COMPARE_MAX_SENTENCES 10000

PxEventComparison *px_compare_cache_load (PxStore *store, gint64 event_id, gboolean *from_cache, GError **error);

G_END_DECLS
