/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "text/px-sentences.h"
#include "text/px-stemmer.h"
#include "text/px-tokens.h"
#include "documents/px-document.h"

G_BEGIN_DECLS

/* The sentences and words of one text, the common input of event grouping,
 * alignment and quote finding. Immutable once built, so it may be shared
 * between threads. All offsets are code points into the text it was built
 * from (a document's clean text). */
#define PX_TYPE_TEXT_UNITS (px_text_units_get_type ())
G_DECLARE_FINAL_TYPE (PxTextUnits, px_text_units, PX, TEXT_UNITS, GObject)

/* @language: BCP 47 tag or NULL (English). @stemmer may be NULL, then one
 * is made for @language; pass one to reuse its cache over many texts
 * (stemmers are not thread-safe). */
PxTextUnits *px_text_units_new (const char *text, const char *language, PxStemmer *stemmer);
PxTextUnits *px_text_units_new_for_document (PxDocument *document, PxStemmer *stemmer);

const char *px_text_units_get_text (PxTextUnits *self);
const char *px_text_units_get_language (PxTextUnits *self);

guint px_text_units_get_n_sentences (PxTextUnits *self);
const PxSentence *px_text_units_get_sentence (PxTextUnits *self, guint index);
guint px_text_units_get_n_tokens (PxTextUnits *self);
const PxToken *px_text_units_get_token (PxTextUnits *self, guint index);
/* The token array (PxToken), for loops that walk all of it. */
const PxToken *px_text_units_get_tokens (PxTextUnits *self, guint *n_tokens);

/* Sentence containing code point @offset, or the last one before it;
 * G_MAXUINT if there are no sentences. */
guint px_text_units_find_sentence (PxTextUnits *self, guint offset);
/* Text of a span, by code points, newly allocated. */
char *px_text_units_slice (PxTextUnits *self, guint start, guint end);
/* Text of sentences @first .. @last (inclusive), newly allocated. */
char *px_text_units_sentence_text (PxTextUnits *self, guint first, guint last);

G_END_DECLS
