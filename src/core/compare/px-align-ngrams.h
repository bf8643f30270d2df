/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "text/px-text-units.h"

G_BEGIN_DECLS

/* The running words of an event's sentences, function words included, as
 * word and word-pair (bigram) ids: how much of one passage's wording, in
 * its order, recurs in another (the overlap machine-translation metrics
 * such as BLEU count). Words compare by stem. Sentences are numbered
 * globally, document after document, as in PxAlignTerms. Not thread-safe
 * (scratch counts inside). */
typedef struct _PxAlignNgrams PxAlignNgrams;

/* @units: PxTextUnits*, one per document. */
PxAlignNgrams *px_align_ngrams_new (GPtrArray *units);
void px_align_ngrams_free (PxAlignNgrams *self);

/* Word and bigram overlap of sentence @g with the window @h0 .. @h1:
 * shares (clipped counts) of @g's words and bigrams found in the window
 * (@uni_p, @bi_p) and of the window's found in @g (@uni_r, @bi_r); 0 when
 * a side has none. */
typedef struct
{
  double uni_p;
  double uni_r;
  double bi_p;
  double bi_r;
} PxNgramOverlap;

void px_align_ngrams_overlap (PxAlignNgrams *self, guint g, guint h0, guint h1, PxNgramOverlap *out);

/* px_word_diff_ratio() of sentence @g and the window @h0 .. @h1 (words
 * compare by their comparison form), on word ids: the same value, without
 * comparing strings. -1 when the windows' tokens are not one run (some
 * tokens between sentences): then call px_word_diff_ratio() itself. */
double px_align_ngrams_diff_ratio (PxAlignNgrams *self, guint g, guint h0, guint h1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxAlignNgrams, px_align_ngrams_free)

G_END_DECLS
