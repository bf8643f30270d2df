/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Blocking for the alignment of very long articles. Its first pass scores
 * every sentence of one document against every sentence of another: for
 * two articles of a few hundred sentences that is cheap, for two of 7,000
 * it is 49 million pairs (minutes). Above PX_ALIGN_BLOCK_PAIRS sentence
 * pairs between two documents, a sentence's candidates are instead the
 * sentences of the other document that share one of its
 * PX_ALIGN_BLOCK_TERMS rarest content words, at most
 * PX_ALIGN_BLOCK_PER_TERM per word (the first ones in reading order): at
 * most PX_ALIGN_BLOCK_MAX_CANDIDATES, whatever the length. Pairs of
 * documents below the bound are aligned as before, every pair scored. */
#define PX_ALIGN_BLOCK_PAIRS 1000000
#define PX_ALIGN_BLOCK_TERMS 16
#define PX_ALIGN_BLOCK_PER_TERM 64
#define PX_ALIGN_BLOCK_MAX_CANDIDATES (PX_ALIGN_BLOCK_TERMS * PX_ALIGN_BLOCK_PER_TERM)

typedef struct _PxAlignBlock PxAlignBlock;

/* An inverted index of the sentence vectors: @n sentences, the terms of
 * sentence g are @vterm[@vstart[g] .. @vstart[g + 1]) (sorted, each
 * once), ids below @n_terms. The arrays are kept, not copied: they must
 * outlive the index. */
PxAlignBlock *px_align_block_new (const guint *vstart, const guint *vterm, guint n, guint n_terms);
void px_align_block_free (PxAlignBlock *self);

/* TRUE when the pairs of two documents of @n_a and @n_b sentences are
 * blocked. */
gboolean px_align_block_needed (guint n_a, guint n_b);

/* The candidates for sentence @g among the sentences [@lo, @hi) of another
 * document, ascending; *@n_out of them (at most
 * PX_ALIGN_BLOCK_MAX_CANDIDATES). The array belongs to @self and is
 * valid until the next call. */
const guint *px_align_block_candidates (PxAlignBlock *self, guint g, guint lo, guint hi, guint *n_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxAlignBlock, px_align_block_free)

G_END_DECLS
