/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "text/px-text-units.h"

G_BEGIN_DECLS

typedef enum
{
  PX_QUOTE_DIRECT,   /* a sentence or more in quotation marks */
  PX_QUOTE_PARTIAL,  /* a few quoted words inside the writer's sentence */
  PX_QUOTE_INDIRECT, /* reported speech without marks: "X said that …" */
} PxQuoteKind;

/* One quotation in one document. All offsets are code points into the
 * document's clean text.
 * - @start/@end: the quoted words without the marks; for a quote split
 *   around its attribution (`"A," he said, "B."`) from A's start to B's
 *   end, with @n_parts 2 and the parts in @parts.
 * - @text: the quoted words; parts of a split quote joined by " ".
 * - @speaker: who said it, resolved within the document ("he" and "the
 *   chairman" point back to a person named before; "Liang" becomes the
 *   full name used before); a descriptive source as written ("a
 *   spokesman", "officials"); NULL when unknown.
 * - @speaker_as_written: the words of the attribution ("he"), NULL if none.
 * - @role: title or role given with the name ("Huawei chairman"), or NULL.
 * - @organisation: for a descriptive speaker ("a Huawei spokesman",
 *   "the ministry"), the organisation the text names for it ("Huawei",
 *   "Ministry of Transport"), or NULL. Organisations may speak ("Huawei
 *   said"): then @speaker is the organisation's name.
 * - @cue: the reporting words ("said", "told Reuters", "according to").
 * - @attribution_start/@attribution_end: where the speaker is named for
 *   this quote (0, 0 when none). */
typedef struct
{
  PxQuoteKind kind;
  guint start;
  guint end;
  guint n_parts;
  guint parts[4][2];
  char *text;
  char *speaker;
  char *speaker_as_written;
  char *role;
  char *cue;
  char *organisation;
  guint attribution_start;
  guint attribution_end;
} PxQuote;

void px_quote_free (PxQuote *quote);

/* Finds the quotations of one text with their speakers: straight, curly,
 * «guillemets», „German“ and ‘single’ quotation marks; attributions
 * before (`X said: "…"`, `X told Reuters that "…"`), after (`"…," said X`,
 * `"…," X said`) or around the quote, `according to X`, and pronouns or
 * roles pointing back. A quote without attribution that follows one of a
 * named speaker is taken as that speaker continuing. Reported speech
 * without marks ("Liang said that …") comes out as PX_QUOTE_INDIRECT.
 * Returns a GPtrArray of PxQuote* in text order. */
GPtrArray *px_find_quotes (PxTextUnits *units);

/* TRUE if @norm is a reporting verb ("said", "told", "added", …). */
gboolean px_is_cue_word (const char *norm);

const char *px_quote_kind_to_string (PxQuoteKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxQuote, px_quote_free)

G_END_DECLS
