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
 * and acronyms) and whether it is a stop word. @norm_id and @stem_id are
 * the ids of the two interned strings (px_stemmer_intern()), @norm_chars
 * the length of the norm in code points, @norm_len in bytes. */
typedef struct
{
  const char *norm;
  const char *stem;
  gboolean stop;
  guint norm_id;
  guint stem_id;
  guint norm_chars;
  guint norm_len; /* bytes */
} PxWord;

/* Per interned string, four numbers a caller may use as it likes (see
 * px_stemmer_get_scratch()). */
typedef struct
{
  guint32 v[4];
} PxStemmerScratch;

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
/* The same, with the hash of the word computed by the caller as it read
 * it: PX_WORD_HASH_INIT and px_word_hash_step() over its bytes. */
const PxWord *px_stemmer_word_hashed (PxStemmer *self, const char *word, gsize len, gboolean literal, guint32 hash);

/* Interns @len bytes of @s (no NUL needed) and returns the string's id:
 * ids count from 0 in order of first sight, and every norm and stem the
 * stemmer hands out is interned, so equal strings are one pointer and one
 * id. */
guint px_stemmer_intern (PxStemmer *self, const char *s, gsize len);
/* An interned string: its bytes (NUL-terminated, never moving), length,
 * px_hash_bytes() and first eight bytes as a big-endian number (zeros past
 * the end), which orders strings as strcmp() does when they differ there. */
typedef struct
{
  const char *str;
  guint32 len;
  guint32 hash;
  guint64 prefix;
} PxStemmerString;

/* The interned string of @id. The record (not the bytes) moves when
 * strings are interned. */
const PxStemmerString *px_stemmer_get_string (PxStemmer *self, guint id);

/* Scratch space for an analysis that keeps something per interned string
 * while it reads one text (event features count terms by string id): one
 * PxStemmerScratch per string id, zeroed when first handed out. Entries
 * are valid for a caller when they carry its stamp (px_stemmer_next_stamp()),
 * so nothing needs clearing between texts. The array moves when strings are
 * interned: fetch it again after px_stemmer_intern() or px_stemmer_word(). */
PxStemmerScratch *px_stemmer_get_scratch (PxStemmer *self);
/* A stamp no scratch entry carries yet (never 0). */
guint32 px_stemmer_next_stamp (PxStemmer *self);

/* Working buffers an analysis keeps between texts, one set per @key (a
 * static string of the caller): as a stemmer is used by one thread at a
 * time, so are they, and a text analysed after the last one reuses their
 * memory instead of allocating it again. NULL until set; @destroy frees
 * them with the stemmer, or when they are replaced. */
gpointer px_stemmer_get_buffers (PxStemmer *self, const char *key);
void px_stemmer_set_buffers (PxStemmer *self, const char *key, gpointer buffers, GDestroyNotify destroy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxStemmer, px_stemmer_unref)

G_END_DECLS
