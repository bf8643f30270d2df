/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "text/px-text-units.h"
#include "text/px-word-diff.h"

G_BEGIN_DECLS

/* How a passage of one outlet relates to its best match in another. */
typedef enum
{
  PX_MATCH_NONE,       /* nothing in the other document says this */
  PX_MATCH_RELATED,    /* same topic, different statement */
  PX_MATCH_PARAPHRASE, /* the same statement in other words */
  PX_MATCH_CLOSE,      /* the same words with small edits */
  PX_MATCH_VERBATIM,   /* the same words (typography and case aside) */
} PxMatchLabel;

const char *px_match_label_to_string (PxMatchLabel label);

/* Thresholds of the labels, chosen by cross-validation on real news pairs
 * (tools/align-eval, docs/alignment.md). @ratio is the word-diff ratio
 * (shared words), @score the probability that two passages say the same
 * thing (px_pair_features_score()). */
typedef struct
{
  double verbatim_ratio;   /* ratio >= this, no disagreement: verbatim */
  double close_ratio;      /* ratio >= this, no disagreement: close */
  double paraphrase_score; /* px_pair_features_paraphrase() >= this: paraphrase */
  double claim_score;      /* score >= this: paraphrase too (roughly equivalent) */
  double related_score;    /* score >= this: related ("Maybe" for omissions) */
  double window_margin;    /* each extra sentence of a window must add this */
  guint max_window;        /* sentences in a window of the other document, 1-3 */
  guint min_tokens;        /* shorter sentences are not matched ("Most Popular") */
} PxAlignParams;

void px_align_params_init (PxAlignParams *params);

/* The best match of one sentence of document @doc in document @other:
 * sentences @first .. @last (a window of up to three) there. For
 * PX_MATCH_NONE, @first and @last are G_MAXUINT. @score is the
 * probability that the two say the same thing, @ratio the share of
 * identical words, @disagree TRUE when each side has a number or a name
 * the other lacks (then never close nor verbatim). */
typedef struct
{
  guint doc;
  guint sentence;
  guint other;
  guint first;
  guint last;
  double score;
  double ratio;
  PxMatchLabel label;
  gboolean disagree;
} PxMatch;

/* Sentence alignment between all documents of an event: for each sentence
 * of each document, its best match (a window of up to three adjacent
 * sentences) in every other document, with a label. Documents are addressed by their
 * index in the array given at construction. Immutable once built. */
#define PX_TYPE_ALIGNMENT (px_alignment_get_type ())
G_DECLARE_FINAL_TYPE (PxAlignment, px_alignment, PX, ALIGNMENT, GObject)

/* @units holds PxTextUnits*, one per document. @params may be NULL. */
PxAlignment *px_alignment_new (GPtrArray *units, const PxAlignParams *params);

guint px_alignment_get_n_documents (PxAlignment *self);
PxTextUnits *px_alignment_get_units (PxAlignment *self, guint doc);
const PxAlignParams *px_alignment_get_params (PxAlignment *self);

/* Best match of @sentence of @doc in @other (@other != @doc). */
const PxMatch *px_alignment_get_match (PxAlignment *self, guint doc, guint sentence, guint other);
/* Sentence pairs its first pass scored (to bound the work on long
 * articles: see px-align-block.h). */
guint64 px_alignment_get_n_scored (PxAlignment *self);
/* Whether a sentence takes part in matching (has enough words). */
gboolean px_alignment_is_matchable (PxAlignment *self, guint doc, guint sentence);

/* The span in @other's text a match points to (code points). FALSE for
 * PX_MATCH_NONE. */
gboolean px_alignment_get_match_span (PxAlignment *self, const PxMatch *match, guint *start, guint *end);
/* Word diff between the matched sentence (side A) and its match (side B),
 * offsets into each document's text. NULL for PX_MATCH_NONE. */
GArray *px_alignment_diff (PxAlignment *self, const PxMatch *match);

/* For the GUI: the sentence under code point @offset of @doc and its
 * matches in all other documents (PxMatch, one per other document). */
GArray *px_alignment_matches_at (PxAlignment *self, guint doc, guint offset);

G_END_DECLS
