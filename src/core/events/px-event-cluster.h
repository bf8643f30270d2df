/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "events/px-pair-cache.h"
#include "text/px-term-weights.h"

G_BEGIN_DECLS

/* One document to cluster: its unit TF-IDF vector and its strongest terms
 * (which find the documents it may resemble). */
typedef struct
{
  const PxTermWeight *vec; /* sorted by term */
  guint len;
  const PxTermWeight *top; /* strongest first */
  guint n_top;
  guint32 day;     /* Julian day, 0 when unknown */
  gint64 key;      /* a stable, distinct key (the document id): ties */
  gint64 pinned;   /* > 0: stays with the items pinned to the same value, and
                  * never with items pinned to another */
  guint32 version; /* of vec, for a PxPairCache: another vec, another version */
} PxClusterItem;

/* Average-link agglomerative clustering by cosine similarity: the two
 * clusters whose documents are most similar on average (sum of pairwise
 * cosines / product of sizes) merge while that average reaches
 * @threshold. Pairs of documents dated more than @window days apart (both
 * dates known; @window < 0: no limit) count as 0, as do pairs that share
 * none of their strongest terms (their cosine is small anyway). Equal
 * averages merge in the order of the clusters' smallest keys, so the
 * result depends only on the items, never on their order. Returns one
 * label per item (g_free() it): clusters are numbered 0, 1, … in the order
 * of their smallest key; *@n_clusters receives how many. */
guint *px_event_cluster (const PxClusterItem *items, guint n, double threshold, int window, guint *n_clusters);
/* The same, taking the similarities of pairs @cache knows (by key and
 * version) from it and leaving it those it computed: the same labels. */
guint *px_event_cluster_cached (const PxClusterItem *items, guint n, double threshold, int window, PxPairCache *cache,
                                guint *n_clusters);

G_END_DECLS
