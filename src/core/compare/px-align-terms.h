/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "compare/px-align-ngrams.h"
#include "text/px-text-units.h"
#include "text/px-word-vectors.h"

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
  double precision;     /* weighted share of @g's words met in the window */
  double recall;        /* weighted share of the window's words met in @g */
  double soft_f;        /* harmonic mean of the two, synonyms counted */
  double exact_f;       /* the same with identical words only */
  double numbers;       /* 1 if each side has a number the other lacks */
  double names;         /* 1 if each side has a name the other lacks */
  double unmet;         /* weight of the words neither side meets, / 10, at most 12 */
  PxNgramOverlap words; /* running words, function words included */
} PxPairFeatures;

/* The inputs of the pair model, in the order of PX_PAIR_MODEL: 1, soft_f,
 * exact_f, min (precision, recall), numbers, names, unmet, then the lesser
 * and the greater share of running words and of bigrams met. */
#define PX_PAIR_N_INPUTS 11
void px_pair_features_inputs (const PxPairFeatures *f, double x[PX_PAIR_N_INPUTS]);

/* Two logistic models over px_pair_features_inputs(), fitted and
 * cross-validated by tools/align-eval/align-eval --fit:
 * - PX_PAIR_MODEL, on MSRP train: is one a paraphrase of the other (all
 *   its information, no more)? PX_PARAPHRASE_SCORE is its threshold;
 * - PX_CLAIM_MODEL, on the SemEval STS news pairs: are the two at least
 *   "roughly equivalent" (gold 3 of 5: one may leave out or add a detail)?
 *   Its probability is a match's score; PX_CLAIM_SCORE the threshold that
 *   makes a paraphrase of it, PX_RELATED_SCORE the score above which 97 %
 *   of the roughly equivalent pairs lie (a weaker candidate, "Maybe"). */
#define PX_PAIR_MODEL -3.7524, 0.8090, -2.0646, 1.2635, 0.2151, 0.2202, -0.2689, 5.1438, 5.2726, 6.4807, -8.5519
#define PX_PARAPHRASE_SCORE 0.459
#define PX_CLAIM_MODEL -7.0446, 8.1284, 1.3747, -1.9273, -1.5094, -0.1894, 0.3397, 0.9834, 3.6138, 0.3020, -1.3793
#define PX_CLAIM_SCORE 0.555
#define PX_RELATED_SCORE 0.176

void px_align_terms_compare (PxAlignTerms *self, guint g, guint h0, guint h1, PxPairFeatures *out);
/* Probability that the two say roughly the same thing (PX_CLAIM_MODEL,
 * fitted on real news pairs: see docs/alignment.md). */
double px_pair_features_score (const PxPairFeatures *f);
/* Probability that each is a paraphrase of the other (PX_PAIR_MODEL). */
double px_pair_features_paraphrase (const PxPairFeatures *f);

/* Cosine of the IDF-weighted mean word vectors of sentences @g and @h
 * (0 without vectors): the cheap first pass that picks candidates. */
double px_align_terms_dense_cosine (PxAlignTerms *self, guint g, guint h);
/* px_word_diff_ratio() of sentence @g and the window @h0 .. @h1, on word
 * ids (px_align_ngrams_diff_ratio(): -1 when it cannot tell). */
double px_align_terms_diff_ratio (PxAlignTerms *self, guint g, guint h0, guint h1);
/* Whether sentence @g has any scored word. */
gboolean px_align_terms_has_words (PxAlignTerms *self, guint g);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxAlignTerms, px_align_terms_free)

G_END_DECLS
