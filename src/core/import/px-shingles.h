/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Near-duplicate detection with word shingles: every run of
 * PX_SHINGLE_WORDS words of the normalized text is hashed, and a MinHash
 * signature of PX_MINHASH_SIZE values summarizes the set, so that the
 * share of equal values estimates the Jaccard similarity of two texts'
 * shingle sets. Signatures are cut into PX_MINHASH_BANDS bands; two
 * documents sharing a band are candidates (locality-sensitive hashing),
 * which keeps detection incremental: a new document is compared with the
 * few that share a band, never with the whole library. */
#define PX_SHINGLE_WORDS 5
#define PX_MINHASH_SIZE 128
#define PX_MINHASH_BANDS 64
#define PX_MINHASH_ROWS (PX_MINHASH_SIZE / PX_MINHASH_BANDS)

/* At or above this estimated similarity, a document is flagged as a near
 * duplicate: the same wire story run by two outlets with a changed
 * headline and a line or two edited, or a page saved twice with
 * different boilerplate around it. */
#define PX_NEAR_DUPLICATE_THRESHOLD 0.5

typedef struct
{
  guint32 values[PX_MINHASH_SIZE];
  guint n_shingles;
} PxMinHash;

/* Computes the signature of @text (words are case-folded, punctuation
 * and quote styles ignored). FALSE when the text has fewer than
 * PX_SHINGLE_WORDS words: too short to call anything a near duplicate. */
gboolean px_minhash_compute (const char *text, PxMinHash *out);

/* Estimated Jaccard similarity of the shingle sets, 0…1. */
double px_minhash_similarity (const PxMinHash *a, const PxMinHash *b);

/* One key per band, for the index. */
void px_minhash_band_keys (const PxMinHash *hash, gint64 keys[PX_MINHASH_BANDS]);

/* The signature as bytes for storage (little-endian) and back. */
GBytes *px_minhash_to_bytes (const PxMinHash *hash);
gboolean px_minhash_from_bytes (const void *data, gsize len, PxMinHash *out);

G_END_DECLS
