/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A Snowball stemmer for one language with a cache of the words it has
 * seen. Reference counted. Not thread-safe (neither is libstemmer): give
 * each worker thread its own. The strings it hands out live as long as it
 * does and never move, so texts analysed with it (PxTextUnits) keep a
 * reference and may then be read from any thread. */
typedef struct _PxStemmer PxStemmer;

/* What the stemmer knows about one word as written: its comparison form
 * (px_normalize_word()), its stem (the norm itself for stop words, numbers
 * and acronyms) and whether it is a stop word. */
typedef struct
{
  const char *norm;
  const char *stem;
  gboolean stop;
} PxWord;

/* @language is a BCP 47 tag ("en", "de-AT") or NULL; a language Snowball
 * does not know falls back to English. */
PxStemmer *px_stemmer_new (const char *language);
PxStemmer *px_stemmer_ref (PxStemmer *self);
void px_stemmer_unref (PxStemmer *self);

/* The Snowball language actually used ("english", "german", …). */
const char *px_stemmer_get_language (PxStemmer *self);

/* Stem of @norm (a normalized word). The returned string is owned by the
 * stemmer and lives as long as it does. */
const char *px_stemmer_stem (PxStemmer *self, const char *norm);

/* The analysis of the word @word (@len bytes, as written). @literal (for
 * numbers and acronyms, which the tokenizer recognises) means: neither
 * stemmed nor a stop word. One hash lookup for a word seen before: this
 * is the tokenizer's inner loop. */
const PxWord *px_stemmer_word (PxStemmer *self, const char *word, gsize len, gboolean literal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxStemmer, px_stemmer_unref)

G_END_DECLS
