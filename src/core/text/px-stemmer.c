/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "text/px-stemmer.h"

#include <libstemmer.h>
#include <string.h>

#include "text/px-hash.h"
#include "text/px-normalize.h"
#include "text/px-stopwords.h"

/* The tokenizer asks the stemmer about every word of every text, so this
 * is the inner loop of all text analysis: two open-addressing tables with
 * the hash kept beside each entry, and no allocation for a word seen
 * before. */

typedef PxStemmerString Interned;

typedef struct
{
  guint32 hash;
  guint32 len; /* bytes of the word as written, top bit: literal */
  const char *key;
  PxWord *word;
} WordSlot;

#define LITERAL_BIT 0x80000000u
#define WORD_BLOCK 256

struct _PxStemmer
{
  gint ref_count;
  struct sb_stemmer *stemmer;
  char *language;
  /* The bytes of every string below; they never move. */
  GStringChunk *chunk;
  /* Interned strings by id, and the table finding them: id + 1, 0 free. */
  GArray *strings;
  guint32 *string_table;
  guint string_mask;
  /* By string id of a norm: stem id + 1, or 0 when not stemmed yet. The
   * same few thousand words recur in every article, and a lookup is much
   * cheaper than running the Snowball machine again. */
  GArray *stems;
  /* Words as written (plus whether literal) -> PxWord. */
  WordSlot *words;
  guint word_mask;
  guint n_words;
  GPtrArray *word_blocks; /* PxWord[WORD_BLOCK] each */
  PxStemmerScratch *scratch;
  guint n_scratch;
  guint32 stamp;
  GArray *buffers; /* Buffers */
};

typedef struct
{
  const char *key;
  gpointer data;
  GDestroyNotify destroy;
} Buffers;

static void
buffers_clear (gpointer data)
{
  Buffers *b = data;
  if (b->destroy != NULL)
    b->destroy (b->data);
}

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
  self->stemmer = open_stemmer (language, &self->language);
  self->chunk = g_string_chunk_new (16384);
  self->strings = g_array_new (FALSE, FALSE, sizeof (Interned));
  self->string_mask = 1023;
  self->string_table = g_new0 (guint32, self->string_mask + 1);
  self->stems = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->word_mask = 1023;
  self->words = g_new0 (WordSlot, self->word_mask + 1);
  self->word_blocks = g_ptr_array_new_with_free_func (g_free);
  self->buffers = g_array_new (FALSE, FALSE, sizeof (Buffers));
  g_array_set_clear_func (self->buffers, buffers_clear);
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
  sb_stemmer_delete (self->stemmer);
  g_string_chunk_free (self->chunk);
  g_array_unref (self->strings);
  g_free (self->string_table);
  g_array_unref (self->stems);
  g_free (self->words);
  g_ptr_array_unref (self->word_blocks);
  g_free (self->scratch);
  g_array_unref (self->buffers);
  g_free (self->language);
  g_free (self);
}

const char *
px_stemmer_get_language (PxStemmer *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->language;
}

/* --- interned strings ---------------------------------------------------- */

static void
grow_strings (PxStemmer *self)
{
  guint mask = self->string_mask * 2 + 1;
  guint32 *table = g_new0 (guint32, mask + 1);
  const Interned *all = (const Interned *)self->strings->data;

  for (guint id = 0; id < self->strings->len; id++)
    {
      guint i = all[id].hash & mask;
      while (table[i] != 0)
        i = (i + 1) & mask;
      table[i] = id + 1;
    }
  g_free (self->string_table);
  self->string_table = table;
  self->string_mask = mask;
}

static guint
intern_hashed (PxStemmer *self, const char *s, gsize len, guint32 hash)
{
  const Interned *all = (const Interned *)self->strings->data;
  guint i = hash & self->string_mask;
  Interned in;

  for (guint32 slot; (slot = self->string_table[i]) != 0; i = (i + 1) & self->string_mask)
    {
      const Interned *x = &all[slot - 1];
      if (x->hash == hash && x->len == len && px_bytes_equal (x->str, s, len))
        return slot - 1;
    }
  in.str = g_string_chunk_insert_len (self->chunk, s, len);
  in.len = len;
  in.hash = hash;
  in.prefix = 0;
  for (guint k = 0; k < 8 && k < len; k++)
    in.prefix |= (guint64)(guchar)s[k] << (56 - 8 * k);
  g_array_append_val (self->strings, in);
  self->string_table[i] = self->strings->len;
  if (self->strings->len * 2 > self->string_mask)
    grow_strings (self);
  return self->strings->len - 1;
}

guint
px_stemmer_intern (PxStemmer *self, const char *s, gsize len)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (s != NULL, 0);

  return intern_hashed (self, s, len, px_hash_bytes (s, len));
}

const PxStemmerString *
px_stemmer_get_string (PxStemmer *self, guint id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id < self->strings->len, NULL);

  return &g_array_index (self->strings, Interned, id);
}

PxStemmerScratch *
px_stemmer_get_scratch (PxStemmer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_scratch < self->strings->len)
    {
      guint n = MAX (self->strings->len, self->n_scratch * 2);
      self->scratch = g_renew (PxStemmerScratch, self->scratch, n);
      memset (self->scratch + self->n_scratch, 0, (n - self->n_scratch) * sizeof (PxStemmerScratch));
      self->n_scratch = n;
    }
  return self->scratch;
}

guint32
px_stemmer_next_stamp (PxStemmer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (++self->stamp == 0)
    {
      /* Wrapped after four billion texts: old stamps could look current. */
      memset (self->scratch, 0, self->n_scratch * sizeof (PxStemmerScratch));
      self->stamp = 1;
    }
  return self->stamp;
}

gpointer
px_stemmer_get_buffers (PxStemmer *self, const char *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->buffers->len; i++)
    if (strcmp (g_array_index (self->buffers, Buffers, i).key, key) == 0)
      return g_array_index (self->buffers, Buffers, i).data;
  return NULL;
}

void
px_stemmer_set_buffers (PxStemmer *self, const char *key, gpointer buffers, GDestroyNotify destroy)
{
  Buffers b = { key, buffers, destroy };

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  for (guint i = 0; i < self->buffers->len; i++)
    if (strcmp (g_array_index (self->buffers, Buffers, i).key, key) == 0)
      {
        g_array_remove_index_fast (self->buffers, i);
        break;
      }
  g_array_append_val (self->buffers, b);
}

/* --- stems and words ----------------------------------------------------- */

/* Id of the stem of the interned norm @norm_id. */
static guint
stem_of (PxStemmer *self, guint norm_id)
{
  const Interned *norm;
  const sb_symbol *out;
  guint stem_id;

  if (norm_id < self->stems->len && g_array_index (self->stems, guint32, norm_id) != 0)
    return g_array_index (self->stems, guint32, norm_id) - 1;

  norm = &g_array_index (self->strings, Interned, norm_id);
  out = sb_stemmer_stem (self->stemmer, (const sb_symbol *)norm->str, norm->len);
  if (out == NULL) /* out of memory inside libstemmer: keep the word */
    stem_id = norm_id;
  else
    /* Interned like the words: equal stems must be the same pointer,
     * or "sales" and "sale" would count as two terms. */
    stem_id = px_stemmer_intern (self, (const char *)out, sb_stemmer_length (self->stemmer));
  if (self->stems->len < self->strings->len)
    g_array_set_size (self->stems, self->strings->len);
  g_array_index (self->stems, guint32, norm_id) = stem_id + 1;
  return stem_id;
}

const char *
px_stemmer_stem (PxStemmer *self, const char *norm)
{
  guint stem_id;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (norm != NULL, NULL);

  /* The id first: interning may move the array. */
  stem_id = stem_of (self, px_stemmer_intern (self, norm, strlen (norm)));
  return g_array_index (self->strings, Interned, stem_id).str;
}

static void
grow_words (PxStemmer *self)
{
  guint mask = self->word_mask * 2 + 1;
  WordSlot *table = g_new0 (WordSlot, mask + 1);

  for (guint k = 0; k <= self->word_mask; k++)
    {
      guint i;
      if (self->words[k].word == NULL)
        continue;
      i = self->words[k].hash & mask;
      while (table[i].word != NULL)
        i = (i + 1) & mask;
      table[i] = self->words[k];
    }
  g_free (self->words);
  self->words = table;
  self->word_mask = mask;
}

/* A word not seen before: normalize, look up, stem, remember. */
G_NO_INLINE static const PxWord *
add_word (PxStemmer *self, const char *word, gsize len, gboolean literal, guint32 hash, guint32 tag, guint i)
{
  g_autofree char *norm = px_normalize_word (word, len);
  WordSlot *slot;
  PxWord *w;

  if (self->n_words % WORD_BLOCK == 0)
    g_ptr_array_add (self->word_blocks, g_new0 (PxWord, WORD_BLOCK));
  w = &((PxWord *)self->word_blocks->pdata[self->word_blocks->len - 1])[self->n_words % WORD_BLOCK];
  w->norm_id = px_stemmer_intern (self, norm, strlen (norm));
  w->norm = g_array_index (self->strings, Interned, w->norm_id).str;
  w->norm_chars = g_utf8_strlen (w->norm, -1);
  w->norm_len = strlen (w->norm);
  w->stop = !literal && px_is_stop_word (w->norm, self->language);
  w->stem_id = literal || w->stop ? w->norm_id : stem_of (self, w->norm_id);
  w->stem = g_array_index (self->strings, Interned, w->stem_id).str;

  slot = &self->words[i];
  slot->hash = hash;
  slot->len = tag;
  slot->key = g_string_chunk_insert_len (self->chunk, word, len);
  slot->word = w;
  self->n_words++;
  if (self->n_words * 2 > self->word_mask)
    grow_words (self);
  return w;
}

const PxWord *
px_stemmer_word_hashed (PxStemmer *self, const char *word, gsize len, gboolean literal, guint32 hash)
{
  guint32 tag = (guint32)len | (literal ? LITERAL_BIT : 0);
  const WordSlot *slot;
  guint i;

  /* Mix the byte-wise hash so its low bits, which pick the slot, depend
   * on every byte; literal words hash apart ("US" the country is not "us"
   * the pronoun). */
  hash ^= literal ? 0x5bd1e995u : 0;
  hash = (hash ^ (hash >> 16)) * 0x85ebca6bu;
  hash ^= hash >> 13;
  for (i = hash & self->word_mask; (slot = &self->words[i])->word != NULL; i = (i + 1) & self->word_mask)
    if (slot->hash == hash && slot->len == tag && px_bytes_equal (slot->key, word, len))
      return slot->word;
  return add_word (self, word, len, literal, hash, tag, i);
}

const PxWord *
px_stemmer_word (PxStemmer *self, const char *word, gsize len, gboolean literal)
{
  guint32 hash = PX_WORD_HASH_INIT;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (word != NULL, NULL);

  for (gsize i = 0; i < len; i++)
    hash = px_word_hash_step (hash, (guchar)word[i]);
  return px_stemmer_word_hashed (self, word, len, literal, hash);
}
