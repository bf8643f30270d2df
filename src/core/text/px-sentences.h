/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One sentence of a text. @start/@end are Unicode code points into the
 * text (end exclusive), as the rest of Parallax counts; @byte_start and
 * @byte_end are the same span in UTF-8 bytes, for the code that slices.
 * @first_token and @n_tokens are filled by PxTextUnits. */
typedef struct
{
  guint start;
  guint end;
  guint byte_start;
  guint byte_end;
  guint block;
  guint first_token;
  guint n_tokens;
} PxSentence;

/* Splits @text into sentences. A newline always ends a sentence (blocks of
 * clean text are separated by "\n\n"). A ".", "!", "?" or "…" ends one
 * only when followed by space and something that can start a sentence, so
 * titles ("Mr.", "Gov."), initials ("J. K."), months before a date ("Jan.
 * 5"), decimals ("3.5") and a quotation followed by its attribution
 * (`"Is it safe?" he asked.`) stay whole. Acronyms ("U.S.", "Inc.") end a
 * sentence only before a word that typically starts one ("The", "He").
 * Returns an array of PxSentence, without the surrounding spaces. */
GArray *px_split_sentences (const char *text);
/* The same into @sentences (an array of PxSentence, emptied first), whose
 * allocation is reused. */
void px_split_sentences_into (GArray *sentences, const char *text);

G_END_DECLS
