/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "compare/px-alignment.h"
#include "compare/px-claims.h"
#include "quotes/px-quotes.h"
#include "quotes/px-speakers.h"
#include "documents/px-document.h"
#include "provenance/px-provenance.h"

G_BEGIN_DECLS

/* Everything the Compare side panel shows for one event: the documents'
 * sentences and words, their alignment, the claims, and the quotes by
 * speaker. Built in one blocking call (run it in a worker thread) and
 * immutable afterwards. Documents are addressed by their index in the
 * array given; offsets are code points into each document's clean text. */
#define PX_TYPE_COMPARISON (px_comparison_get_type ())
G_DECLARE_FINAL_TYPE (PxComparison, px_comparison, PX, COMPARISON, GObject)

/* @documents holds PxDocument*; @params may be NULL for the defaults. */
PxComparison *px_comparison_new (GPtrArray *documents, const PxAlignParams *params);

guint px_comparison_get_n_documents (PxComparison *self);
PxDocument *px_comparison_get_document (PxComparison *self, guint index);
PxTextUnits *px_comparison_get_units (PxComparison *self, guint index);
PxAlignment *px_comparison_get_alignment (PxComparison *self);
PxClaimSet *px_comparison_get_claims (PxComparison *self);
/* The quotes of one document (PxQuote*), in text order. */
GPtrArray *px_comparison_get_quotes (PxComparison *self, guint index);
PxSpeakerSet *px_comparison_get_speakers (PxComparison *self);
/* Where each sentence came from: original, agency copy, or copied from
 * an earlier document; the claims count independent outlets by it. */
PxProvenance *px_comparison_get_provenance (PxComparison *self);
/* The document of @claim's passages published first (publication order
 * as px_provenance_get_rank()), G_MAXUINT for a claim without passages.
 * Here, where claims and provenance meet, so that provenance does not
 * depend on the claims built from it. */
guint px_provenance_first_of_claim (PxProvenance *self, const PxClaim *claim);
/* The document that published quote group @group of the speaker set
 * first (the same order), G_MAXUINT for a group out of range. */
guint px_comparison_first_of_quote_group (PxComparison *self, guint group);
/* Pairs of sentences of different documents that carry the same quotation
 * (PxClaimLink, both ways); the claims include them. */
GArray *px_comparison_get_quote_links (PxComparison *self);

G_END_DECLS
