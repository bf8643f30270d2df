/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The word lists of the quote finder (px-quotes-words.c): what a word
 * can be in an attribution. A word may be in several classes. Words are
 * in the tokeniser's normal form (lower case, no accents stripped). */
typedef enum
{
  PX_QW_CUE = 1 << 0,          /* reporting verb: "said", "fumed", "tweeted" */
  PX_QW_ROLE = 1 << 1,         /* title or role word: "senator", "spokesman", "mr" */
  PX_QW_AUX = 1 << 2,          /* skipped between subject and cue: "also", "has" */
  PX_QW_PRONOUN = 1 << 3,      /* "he", "she", "they", "i", "we" */
  PX_QW_DETERMINER = 1 << 4,   /* "the", "a", "his" */
  PX_QW_ORG = 1 << 5,          /* makes a name an organisation: "ministry", "party" */
  PX_QW_DOTTED_TITLE = 1 << 6, /* written with a full stop: "Mr.", "Sen.", "Del." */
  PX_QW_NOT_SPEECH = 1 << 7,   /* cue reporting an act, not words: "denied", "urged" */
  PX_QW_PLURAL = 1 << 8,       /* a role noun naming several: "officials", "aides" */
  PX_QW_MODIFIER = 1 << 9,     /* adjective before a speaker: "smiling", "visibly" */
  PX_QW_SOURCE = 1 << 10,      /* a descriptive speaker's head noun: "spokesman", "officials", "ministry" */
  PX_QW_MALE = 1 << 11,        /* names a man: "mr", "spokesman", "congressman" */
  PX_QW_FEMALE = 1 << 12,      /* names a woman: "ms", "spokeswoman", "congresswoman" */
} PxQuoteWordClass;

/* The classes of @norm for @language (BCP 47 tag or NULL for English;
 * only English has lists so far, other languages get English's). */
guint px_quote_word_classes (const char *norm, const char *language);

G_END_DECLS
