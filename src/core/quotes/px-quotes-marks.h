/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "text/px-text-units.h"

G_BEGIN_DECLS

/* Internal to the quote finder (px-quotes*.c). */

/* The text being searched, its tokens and sentences. */
typedef struct
{
  PxTextUnits *units;
  const char *text;
  const PxToken *tok;
  guint n_tok;
} PxQuoteText;

typedef struct
{
  /* Code points and bytes of the content (inside the marks) and of the
   * marks themselves (open at mark_start, close ending at mark_end). */
  guint start, end, byte_start, byte_end;
  guint mark_start, mark_end, mark_byte_start, mark_byte_end;
  guint block;
  guint first_tok, end_tok; /* tokens inside */
} PxQuoteMark;

/* First token whose start is >= @cp. */
guint px_quote_text_token_at (const PxQuoteText *t, guint cp);

/* Appends to @marks (PxQuoteMark) the quotations of the text, in order. */
void px_quote_find_marks (const PxQuoteText *t, GArray *marks);

/* Does the quotation open speech of its own (a direct quote), rather
 * than quote words inside the writer's sentence? */
gboolean px_quote_mark_opens_speech (const PxQuoteText *t, const PxQuoteMark *m);

/* Is the quotation a title in title case ("Collapse: How Societies
 * Choose")? */
gboolean px_quote_mark_is_title (const PxQuoteText *t, const PxQuoteMark *m, guint n_words);

/* Is the sentence a headline in title case ("Mayor Fosse Slams Bus
 * Plan")? Its names run into its verbs. */
gboolean px_quote_text_is_headline (const PxQuoteText *t, const PxSentence *s);

/* Is the quote (marks @a to @b) all its paragraph holds, no words
 * outside the marks but punctuation? */
gboolean px_quote_is_paragraph (const PxQuoteText *t, const PxQuoteMark *a, const PxQuoteMark *b);

G_END_DECLS
