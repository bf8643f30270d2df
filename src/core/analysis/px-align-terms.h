/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "analysis/px-text-units.h"
#include "analysis/px-word-vectors.h"

G_BEGIN_DECLS

/* The words of an event's sentences as alignment compares them: content
 * words only, normalised for comparison (U.S. = US = United States =
 * America, U.K. = Britain, roll-out = rollout, six = 6, possessives and
 * titles dropped), each weighted by its general rarity (IDF estimated
 * from the word's frequency rank), with the event's near-synonyms from
 * the word vectors. Offsets are untouched: this is for scoring only.
 * Sentences are numbered globally, document after document. Not
 * thread-safe (scratch space inside); one per alignment. */
typedef struct _PxAlignTerms PxAlignTerms;

/* @units: PxTextUnits*, one per document. @vectors may be NULL (exact
 * words only). */
PxAlignTerms *px_align_terms_new (GPtrArray *units, PxWordVectors *vectors);
void px_align_terms_free (PxAlignTerms *self);

/* How well sentence @g and the window of sentences @h0 .. @h1 say the
 * same thing. */
typedef struct
{
  double precision; /* weighted share of @g's words met in the window */
  double recall;    /* weighted share of the window's words met in @g */
  double soft_f;    /* harmonic mean of the two, synonyms counted */
  double exact_f;   /* the same with identical words only */
  double numbers;   /* 1 if each side has a number the other lacks */
  double names;     /* 1 if each side has a name the other lacks */
  double unmet;     /* weight of the words neither side meets, / 10 */
} PxPairFeatures;

/* The logistic model over (1, soft_f, exact_f, min (precision, recall),
 * numbers, names, unmet) and the label thresholds on its score, fitted and
 * cross-validated on MSRP train by tools/align-eval/align-eval --fit. */
#define PX_PAIR_MODEL -1.5006, -1.3786, 1.4781, 4.2331, 0.4279, 0.3396, -0.2109
#define PX_PARAPHRASE_SCORE 0.539
#define PX_RELATED_SCORE 0.300

void px_align_terms_compare (PxAlignTerms *self, guint g, guint h0, guint h1, PxPairFeatures *out);
/* Probability that the two say the same thing (a logistic model over the
 * features, fitted on real news pairs: see docs/alignment.md). */
double px_pair_features_score (const PxPairFeatures *f);

/* Cosine of the IDF-weighted mean word vectors of sentences @g and @h
 * (0 without vectors): the cheap first pass that picks candidates. */
double px_align_terms_dense_cosine (PxAlignTerms *self, guint g, guint h);
/* Whether sentence @g has any scored word. */
gboolean px_align_terms_has_words (PxAlignTerms *self, guint g);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxAlignTerms, px_align_terms_free)

G_END_DECLS
