/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "text/px-stemmer.h"

G_BEGIN_DECLS

typedef enum
{
  PX_TOKEN_STOP = 1 << 0,        /* a function word (px_is_stop_word) */
  PX_TOKEN_NUMBER = 1 << 1,      /* starts with a digit: "3.5", "5G", "1,000" */
  PX_TOKEN_CAPITALIZED = 1 << 2, /* first letter upper case as written */
  PX_TOKEN_ACRONYM = 1 << 3,     /* all capitals or dotted: "US", "U.S." */
} PxTokenFlags;

/* One word. Offsets as in PxSentence (code points, and bytes). @norm is
 * the comparison form (px_normalize_word()), @stem its Snowball stem (the
 * norm itself for stop words and numbers). Both strings belong to the
 * stemmer that tokenized, and are interned there: equal words have equal
 * pointers. @sentence is the index of the sentence holding the token,
 * filled by PxTextUnits. @word is the stemmer's record of the word as
 * written (ids of the norm and stem, among others). */
typedef struct
{
  guint start;
  guint end;
  guint byte_start;
  guint byte_end;
  const char *norm;
  const char *stem;
  guint flags;
  guint sentence;
  const PxWord *word;
} PxToken;

/* Splits @text into words: runs of letters and digits, keeping inner
 * apostrophes ("don't", "Huawei’s"), dotted acronyms ("U.S."), decimals
 * and thousands ("3.5", "1,000"). Hyphens and dashes separate words, so
 * "no-spy" and "no spy" compare equal. The tokens' strings belong to
 * @stemmer (keep a reference while using them). Returns an array of
 * PxToken. */
GArray *px_tokenize (const char *text, PxStemmer *stemmer);
/* The same into @tokens (an array of PxToken, emptied first), whose
 * allocation is reused: for a caller that reads text after text. */
void px_tokenize_into (GArray *tokens, const char *text, PxStemmer *stemmer);

G_END_DECLS
