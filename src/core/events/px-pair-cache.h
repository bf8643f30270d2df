/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Similarities of pairs of documents remembered between groupings: an
 * import places each new file by grouping its neighbourhood again, and
 * consecutive neighbourhoods share most of their pairs. A pair is known
 * by the two document keys and the versions of their vectors (a vector
 * made again gets a new version, so a stale similarity is never found).
 * Direct-mapped: a pair whose slot another took is computed again, so the
 * memory is fixed (allocated on first use) and a result is always the one
 * a computation would give. */
typedef struct _PxPairCache PxPairCache;

PxPairCache *px_pair_cache_new (void);
void px_pair_cache_free (PxPairCache *self);
/* Forgets every pair. */
void px_pair_cache_clear (PxPairCache *self);
gboolean px_pair_cache_lookup (PxPairCache *self, gint64 a, guint32 va, gint64 b, guint32 vb, double *sim);
void px_pair_cache_store (PxPairCache *self, gint64 a, guint32 va, gint64 b, guint32 vb, double sim);
/* How many lookups found their pair, and how many did not. */
guint64 px_pair_cache_get_hits (PxPairCache *self);
guint64 px_pair_cache_get_misses (PxPairCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxPairCache, px_pair_cache_free)

G_END_DECLS
