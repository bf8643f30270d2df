/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "quotes/px-quotes-marks.h"
#include "quotes/px-quotes-words.h"
#include "quotes/px-quotes.h"

G_BEGIN_DECLS

/* Internal to the quote finder (px-quotes*.c): the state of one search,
 * shared by its files. */

#define WORD_IS(norm, cls) ((px_quote_word_classes ((norm), NULL) & (cls)) != 0)
#define in_pronouns(w) WORD_IS ((w), PX_QW_PRONOUN)
#define in_determiners(w) WORD_IS ((w), PX_QW_DETERMINER)
#define in_org_words(w) WORD_IS ((w), PX_QW_ORG)

typedef PxQuoteMark Mark;

typedef struct
{
  PxQuoteText qt; /* the same text, for px-quotes-marks.c */
  PxTextUnits *units;
  const char *text;
  const PxToken *tok;
  guint n_tok;
  GArray *marks;          /* Mark, the quotation spans */
  GArray *persons;        /* Person, named people in text order */
  GHashTable *gender;     /* surname -> 'm' or 'f' (px-quotes-gender.c) */
  char **subjects;        /* per sentence: the person it opens with, or NULL */
  guint *subject_pos;     /* per sentence: where that name is */
  GHashTable *full_names; /* surname -> full name, "" if two (px-quotes-people.c) */
  /* The speaker of the latest attribution, what "he" or "they" may point
   * back to: never past an attribution to someone else. */
  char *last_speaker;
  char *last_role;
  gboolean last_plural; /* "officials", "the ministry" */
  gboolean last_person; /* a named person, or a singular role ("a spokesman") */
  guint last_pos;
} Ctx;

typedef struct
{
  guint pos; /* code point where the name is mentioned */
  char *name;
  char *role;
  gboolean spoke; /* named as a speaker, not only mentioned */
} Person;

typedef struct
{
  guint first, last; /* tokens, inclusive; first > last when empty */
  char *name;        /* the trailing run of capitalised non-role words */
  char *role;        /* the words before it, or an appositive */
  gboolean pronoun;
  gboolean described; /* "the ad's narrator": a determiner and a common noun */
  char *organisation; /* "the Norvik Group" in "a spokesman for the Norvik Group" */
} Phrase;

/* px-quotes-phrase.c */

gboolean _px_quote_is_possessive (const char *norm);

/* The word without a possessive ending ("company's" -> "company"). */
gboolean _px_quote_base_is (const char *norm, guint cls);

gboolean _px_quote_is_role_word (const char *norm);

/* Skipped between a subject and its cue: "also", "has", and adverbs in
 * -ly ("angrily") — not names ("Kelly", "Connolly") nor the nouns a
 * speaker can be ("family", "assembly", "daily"). */
gboolean _px_quote_is_aux (const PxToken *tok);

gboolean _px_quote_is_nameish (const PxToken *t);

gboolean _px_quote_gap_has (Ctx *c, guint i, const char *chars);

gboolean _px_quote_gap_breaks (Ctx *c, guint i);

char *_px_quote_span_text (Ctx *c, guint first, guint last);

gboolean _px_quote_is_org_name (const char *name);

/* May token @t be part of a speaker phrase ("the company's chief
 * executive Liang Hua")? */
gboolean _px_quote_is_phrase_word (const PxToken *t);

/* Going left from token @k, may token @k - 1 join its speaker phrase? A
 * phrase word, or the "of" of a title ("secretary of state", "minister
 * of finance"), not before @floor. */
gboolean _px_quote_joins_left (Ctx *c, guint k, guint floor);

guint _px_quote_token_at (Ctx *c, guint cp);

void _px_quote_phrase_clear (Phrase *p);

/* Splits tokens first..last into role and name. FALSE if it holds neither
 * (then it is not a speaker). */
gboolean _px_quote_parse_phrase (Ctx *c, guint first, guint last, Phrase *out);

/* Speaker phrase starting at token @i, going right ("said Huawei chairman
 * Liang Hua, while …"); also reads an appositive role ("Liang Hua,
 * Huawei's chairman, said"). Stops at @limit (exclusive). */
gboolean _px_quote_phrase_right (Ctx *c, guint i, guint limit, Phrase *out);

/* Speaker phrase ending at token @j, going left, not before @floor. */
gboolean _px_quote_phrase_left (Ctx *c, guint j, guint floor, Phrase *out);

/* px-quotes-people.c */

void _px_quote_person_clear (gpointer data);

/* People named with a title, before or after a reporting verb: the
 * antecedents that "he", "Liang" and "the chairman" point back to. */
void _px_quote_find_people (Ctx *c);

void _px_quote_find_subjects (Ctx *c);

/* Resolves a phrase into the quote's speaker fields. @reported: the
 * words are reported speech without quotation marks, where only a
 * person-like name is taken as a speaker. */
void _px_quote_resolve (Ctx *c, PxQuote *q, Phrase *ph, guint pos, gboolean reported);

/* px-quotes-attribution.c */

/* The cue as written: the verb, plus the addressee of "told" ("told
 * Reuters"). */
guint _px_quote_cue_last (Ctx *c, guint cue, guint limit);

char *_px_quote_cue_text (Ctx *c, guint cue, guint limit);

/* "according to X" within tokens [from, to). */
gboolean _px_quote_try_according (Ctx *c, PxQuote *q, guint from, guint to, gboolean reported);

/* `"…" ― Ada Moss`: a quote signed with a dash and the speaker's name,
 * ending its paragraph or sentence. */
gboolean _px_quote_try_dash (Ctx *c, PxQuote *q, const Mark *a, guint limit);

/* After the quote: `, said X`, `, X said`, `, X, the chairman, said`. */
gboolean _px_quote_try_right (Ctx *c, PxQuote *q, guint from, guint limit);

/* The subject of the cue at token @j: the phrase right before it, or,
 * when a comma precedes the cue, the name before an appositive ("Jeff
 * Nan, a senior expert at Huawei, told journalists"). */
gboolean _px_quote_subject_before (Ctx *c, guint j, guint floor, Phrase *ph);

/* Before the quote: `X said:`, `X said in an interview that`, `X told
 * Reuters that …`. The last cue with a subject wins. */
gboolean _px_quote_try_left (Ctx *c, PxQuote *q, guint floor, guint to);

G_END_DECLS
