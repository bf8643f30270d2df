/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "compare/px-alignment.h"

G_BEGIN_DECLS

/* One outlet's wording of a claim: sentences @first .. @last of document
 * @doc, code points [@start, @end) of its text. @label and @score say how
 * it matches the claim's reference passage (the one most linked to the
 * others, @reference TRUE; its own label is its best link's). */
typedef struct
{
  guint doc;
  guint first;
  guint last;
  guint start;
  guint end;
  PxMatchLabel label;
  double score;
  gboolean reference;
} PxPassage;

/* What several outlets (or just one) state: passages linked by
 * paraphrase-or-better matches. @passages (PxPassage) is sorted by
 * document; @n_documents counts distinct documents, @n_outlets the
 * independent ones (a copy of another's text counts for that one: see
 * PxClaimOriginFunc), and @origin is the one document whose reporting it
 * is when @n_outlets is 1, else G_MAXUINT. */
typedef struct
{
  guint id;
  GArray *passages;
  guint n_documents;
  guint n_outlets;
  guint origin;
} PxClaim;

/* The document whose reporting sentences @first..@last of @doc are:
 * @doc itself, or the one it copied them from. */
typedef guint (*PxClaimOriginFunc) (guint doc, guint first, guint last, gpointer user_data);

/* The claims of an event, built from an alignment: connected groups of
 * sentences whose matches are paraphrase or better (mutual best matches
 * for paraphrases, so that one loose link cannot chain two claims).
 * Sentences too short to match form no claim. */
#define PX_TYPE_CLAIM_SET (px_claim_set_get_type ())
G_DECLARE_FINAL_TYPE (PxClaimSet, px_claim_set, PX, CLAIM_SET, GObject)

/* A claim counts as missing from a document when at least @min_support
 * other documents report it (capped at the number of other documents);
 * 0 means 2. */
PxClaimSet *px_claim_set_new (PxAlignment *alignment, guint min_support);

/* Two sentences that state the same thing whatever their words: sentence
 * @sentence of @doc and sentence @other_sentence of @other carry the same
 * quotation. */
typedef struct
{
  guint doc;
  guint sentence;
  guint other;
  guint other_sentence;
} PxClaimLink;

/* As px_claim_set_new(), with @links (PxClaimLink, may be NULL) joining
 * sentences into claims besides the alignment's matches. */
PxClaimSet *px_claim_set_new_with_links (PxAlignment *alignment, guint min_support, GArray *links);
/* As px_claim_set_new_with_links(), counting outlets by @origin (NULL:
 * every document is independent). Claims are then ordered by
 * independent outlets, "only here" and omissions count those. */
PxClaimSet *px_claim_set_new_full (PxAlignment *alignment, guint min_support, GArray *links, PxClaimOriginFunc origin,
                                   gpointer user_data);

PxAlignment *px_claim_set_get_alignment (PxClaimSet *self);
/* Claims are ordered by how many independent outlets report them, then
 * how many documents, most first, then by where they first appear. */
guint px_claim_set_get_n_claims (PxClaimSet *self);
const PxClaim *px_claim_set_get_claim (PxClaimSet *self, guint index);
/* Index of the claim holding sentence @sentence of @doc, or G_MAXUINT. */
guint px_claim_set_find (PxClaimSet *self, guint doc, guint sentence);
/* Whether @doc reports claim @index (the coverage matrix). */
gboolean px_claim_set_covers (PxClaimSet *self, guint index, guint doc);
/* Claim indices (guint) that only @doc reports. */
GArray *px_claim_set_only_here (PxClaimSet *self, guint doc);
/* Claim indices (guint) that enough other documents report but @doc
 * does not, not even in a weaker candidate passage: omissions to trust. */
GArray *px_claim_set_missing_here (PxClaimSet *self, guint doc);
/* The weaker candidate of @doc for claim @index: when @doc does not report
 * the claim but has a passage scoring at least the related threshold
 * against one of its passages (the best such, label PX_MATCH_RELATED or a
 * paraphrase that was not mutual), fills @out and returns TRUE: "Maybe". */
gboolean px_claim_set_maybe (PxClaimSet *self, guint index, guint doc, PxPassage *out);
/* Claim indices (guint) that enough other documents report and @doc has
 * only a weaker candidate for. */
GArray *px_claim_set_maybe_here (PxClaimSet *self, guint doc);

G_END_DECLS
