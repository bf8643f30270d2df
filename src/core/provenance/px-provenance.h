/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "text/px-text-units.h"
#include "documents/px-document.h"

G_BEGIN_DECLS

/* Where each sentence of the articles of an event came from: written by
 * the outlet itself, agency copy, or copied from an article of the event
 * published earlier. Copies are found by shared runs of
 * PX_PROVENANCE_SHINGLE words (word shingles): a sentence is copied when
 * at least PX_PROVENANCE_COPIED_SHARE of its words lie in runs that an
 * earlier article has too, so a changed verb or an added clause leaves it
 * copied, and reordered paragraphs do not hide a copy. The source is the
 * earliest article holding the words (publication time with its offset
 * where known, else the date, else the event's order). Agency copy is
 * copied text whose source is an agency's own article, or the text of an
 * article that credits an agency (dateline, credit line, byline: see
 * px-agency.h) and is not found earlier. An article is a copy of another
 * when at least PX_PROVENANCE_COPY_OF_SHARE of its words are copied from
 * that one. Documents are addressed by their index in the arrays given. */
#define PX_PROVENANCE_SHINGLE 5
#define PX_PROVENANCE_COPIED_SHARE 0.5
#define PX_PROVENANCE_COPY_OF_SHARE 0.5

typedef enum
{
  PX_PROVENANCE_ORIGINAL,
  PX_PROVENANCE_AGENCY,
  PX_PROVENANCE_COPIED,
} PxProvenanceKind;

/* "original", "agency", "copied" (the compare JSON's words). */
const char *px_provenance_kind_to_string (PxProvenanceKind kind);

typedef struct
{
  PxProvenanceKind kind;
  /* The article it was copied from, G_MAXUINT if none is in the event
   * (agency copy whose agency text is not there, or original). */
  guint source;
  /* Share of its words found in the source, 0…1. */
  double share;
} PxSentenceProvenance;

#define PX_TYPE_PROVENANCE (px_provenance_get_type ())
G_DECLARE_FINAL_TYPE (PxProvenance, px_provenance, PX, PROVENANCE, GObject)

/* @units (PxTextUnits*) and @documents (PxDocument*, for publication
 * time, outlet and byline) are parallel arrays; @quotes, may be NULL,
 * holds each document's quotations (GPtrArray of PxQuote*). Words inside
 * quotation marks are no evidence of copying: outlets quote the same
 * speaker word for word on their own. A sentence that is mostly a
 * quotation is copied only when its words are shared and a sentence next
 * to it is copied from the same source. */
PxProvenance *px_provenance_new (GPtrArray *units, GPtrArray *documents, GPtrArray *quotes);

guint px_provenance_get_n_documents (PxProvenance *self);
const PxSentenceProvenance *px_provenance_get_sentence (PxProvenance *self, guint doc, guint sentence);
/* The article @doc is a copy of, or G_MAXUINT. */
guint px_provenance_get_copy_of (PxProvenance *self, guint doc);
/* Shares of @doc's words by provenance, summing to 1 (0 for a text with
 * no words). */
double px_provenance_get_share (PxProvenance *self, guint doc, PxProvenanceKind kind);
/* The agency @doc credits or is, or NULL. */
const char *px_provenance_get_agency (PxProvenance *self, guint doc);
/* Publication order: 0 for the earliest. */
guint px_provenance_get_rank (PxProvenance *self, guint doc);

/* Provenance of sentences @first..@last of @doc taken together: original
 * if any of them is, else that of the first; @source may be NULL. */
PxProvenanceKind px_provenance_passage (PxProvenance *self, guint doc, guint first, guint last, guint *source);
/* The article whose reporting sentences @first..@last of @doc are, for
 * counting independent outlets: @doc for original text, the source for
 * copied text, the first article crediting the same agency for agency
 * copy with no source in the event. */
guint px_provenance_origin (PxProvenance *self, guint doc, guint first, guint last);

G_END_DECLS
