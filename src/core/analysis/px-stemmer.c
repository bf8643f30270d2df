/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "analysis/px-stemmer.h"

#include <libstemmer.h>
#include <string.h>

#include "analysis/px-normalize.h"
#include "analysis/px-stopwords.h"

struct _PxStemmer
{
  gint ref_count;
  struct sb_stemmer *stemmer;
  char *language;
  /* word -> stem; the same few thousand words recur in every article, and a
   * lookup is much cheaper than running the Snowball machine again. */
  GHashTable *cache;
  GStringChunk *strings;
  /* word as written (plus a literal marker) -> PxWord */
  GHashTable *words;
};

static struct sb_stemmer *
open_stemmer (const char *language, char **used)
{
  struct sb_stemmer *st = NULL;

  if (language != NULL && *language)
    {
      /* libstemmer knows ISO 639-1 codes, so "de-AT" -> "de" is enough. */
      g_autofree char *primary = g_ascii_strdown (language, strcspn (language, "-_"));
      st = sb_stemmer_new (primary, "UTF_8");
      if (st != NULL)
        {
          *used = g_steal_pointer (&primary);
          return st;
        }
    }
  *used = g_strdup ("english");
  return sb_stemmer_new ("english", "UTF_8");
}

PxStemmer *
px_stemmer_new (const char *language)
{
  PxStemmer *self = g_new0 (PxStemmer, 1);

  self->ref_count = 1;
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->stemmer = open_stemmer (language, &self->language);
  self->cache = g_hash_table_new (g_str_hash, g_str_equal);
  self->strings = g_string_chunk_new (4096);
  return self;
}

PxStemmer *
px_stemmer_ref (PxStemmer *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
px_stemmer_unref (PxStemmer *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_hash_table_unref (self->words);
  sb_stemmer_delete (self->stemmer);
  g_hash_table_unref (self->cache);
  g_string_chunk_free (self->strings);
  g_free (self->language);
  g_free (self);
}

const char *
px_stemmer_get_language (PxStemmer *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->language;
}

const char *
px_stemmer_stem (PxStemmer *self, const char *norm)
{
  const char *stem;
  const sb_symbol *out;
  char *key;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (norm != NULL, NULL);

  stem = g_hash_table_lookup (self->cache, norm);
  if (stem != NULL)
    return stem;

  out = sb_stemmer_stem (self->stemmer, (const sb_symbol *)norm, strlen (norm));
  key = g_string_chunk_insert_const (self->strings, norm);
  if (out == NULL) /* out of memory inside libstemmer: keep the word */
    stem = key;
  else
    {
      /* Interned like the words: equal stems must be the same pointer,
       * or "sales" and "sale" would count as two terms. */
      g_autofree char *copy = g_strndup ((const char *)out, sb_stemmer_length (self->stemmer));
      stem = g_string_chunk_insert_const (self->strings, copy);
    }
  g_hash_table_insert (self->cache, key, (gpointer)stem);
  return stem;
}

const PxWord *
px_stemmer_word (PxStemmer *self, const char *word, gsize len, gboolean literal)
{
  char stack[96];
  g_autofree char *heap = NULL;
  char *key;
  PxWord *w;
  g_autofree char *norm = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (word != NULL, NULL);

  /* The key is the word as written, with a first byte telling literal
   * words apart ("US" the country is not "us" the pronoun). */
  key = len + 2 <= sizeof stack ? stack : (heap = g_malloc (len + 2));
  key[0] = literal ? 'L' : 'W';
  memcpy (key + 1, word, len);
  key[len + 1] = '\0';
  w = g_hash_table_lookup (self->words, key);
  if (w != NULL)
    return w;

  w = g_new0 (PxWord, 1);
  norm = px_normalize_word (word, len);
  w->norm = g_string_chunk_insert_const (self->strings, norm);
  w->stop = !literal && px_is_stop_word (w->norm, self->language);
  w->stem = literal || w->stop ? w->norm : px_stemmer_stem (self, w->norm);
  g_hash_table_insert (self->words, g_string_chunk_insert_const (self->strings, key), w);
  return w;
}
