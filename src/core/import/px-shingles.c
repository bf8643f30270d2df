/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-shingles.h"

#include <string.h>

/* SplitMix64: a fixed seed gives every build the same permutations, so
 * signatures stored by one version stay comparable with the next. */
static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

typedef struct
{
  guint64 a[PX_MINHASH_SIZE];
  guint64 b[PX_MINHASH_SIZE];
} Permutations;

static const Permutations *
permutations (void)
{
  static Permutations *perms;

  if (g_once_init_enter (&perms))
    {
      Permutations *p = g_new (Permutations, 1);
      guint64 state = 0x50524C58u; /* "PRLX" */
      for (guint i = 0; i < PX_MINHASH_SIZE; i++)
        {
          p->a[i] = splitmix64 (&state) | 1; /* odd: a bijection mod 2^64 */
          p->b[i] = splitmix64 (&state);
        }
      g_once_init_leave (&perms, p);
    }
  return perms;
}

/* FNV-1a over the shingle's words, then a final mix. */
static guint64
hash_words (const guint64 *word_hashes, guint n)
{
  guint64 h = 0xCBF29CE484222325ull;
  for (guint i = 0; i < n; i++)
    {
      h ^= word_hashes[i];
      h *= 0x100000001B3ull;
    }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  return h;
}

static guint64
hash_word (const char *start, gsize len)
{
  guint64 h = 0xCBF29CE484222325ull;
  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar)start[i];
      h *= 0x100000001B3ull;
    }
  return h;
}

gboolean
px_minhash_compute (const char *text, PxMinHash *out)
{
  const Permutations *perms = permutations ();
  g_autofree char *folded = NULL;
  guint64 window[PX_SHINGLE_WORDS];
  guint n_words = 0;
  g_autoptr (GString) word = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (out != NULL, FALSE);
  for (guint i = 0; i < PX_MINHASH_SIZE; i++)
    out->values[i] = G_MAXUINT32;
  out->n_shingles = 0;
  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  for (p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      /* Words are letters and digits; apostrophes inside a word are
       * dropped so "don't" and "don’t" agree. */
      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (c == '\'' || c == 0x2019)
        continue;
      if (word->len > 0)
        {
          memmove (window, window + 1, (PX_SHINGLE_WORDS - 1) * sizeof window[0]);
          window[PX_SHINGLE_WORDS - 1] = hash_word (word->str, word->len);
          g_string_truncate (word, 0);
          if (++n_words >= PX_SHINGLE_WORDS)
            {
              guint64 h = hash_words (window, PX_SHINGLE_WORDS);
              for (guint i = 0; i < PX_MINHASH_SIZE; i++)
                {
                  guint32 v = (guint32)((perms->a[i] * h + perms->b[i]) >> 32);
                  if (v < out->values[i])
                    out->values[i] = v;
                }
              out->n_shingles++;
            }
        }
      if (c == 0)
        break;
    }
  return out->n_shingles > 0;
}

double
px_minhash_similarity (const PxMinHash *a, const PxMinHash *b)
{
  guint same = 0;

  if (a->n_shingles == 0 || b->n_shingles == 0)
    return 0;
  for (guint i = 0; i < PX_MINHASH_SIZE; i++)
    if (a->values[i] == b->values[i])
      same++;
  return (double)same / PX_MINHASH_SIZE;
}

void
px_minhash_band_keys (const PxMinHash *hash, gint64 keys[PX_MINHASH_BANDS])
{
  for (guint band = 0; band < PX_MINHASH_BANDS; band++)
    {
      guint64 h = 0xCBF29CE484222325ull ^ band;
      for (guint r = 0; r < PX_MINHASH_ROWS; r++)
        {
          h ^= hash->values[band * PX_MINHASH_ROWS + r];
          h *= 0x100000001B3ull;
        }
      keys[band] = (gint64)h;
    }
}

GBytes *
px_minhash_to_bytes (const PxMinHash *hash)
{
  guint8 *buf = g_malloc (4 + PX_MINHASH_SIZE * 4);

  buf[0] = hash->n_shingles & 0xFF;
  buf[1] = (hash->n_shingles >> 8) & 0xFF;
  buf[2] = (hash->n_shingles >> 16) & 0xFF;
  buf[3] = (hash->n_shingles >> 24) & 0xFF;
  for (guint i = 0; i < PX_MINHASH_SIZE; i++)
    for (guint k = 0; k < 4; k++)
      buf[4 + i * 4 + k] = (hash->values[i] >> (8 * k)) & 0xFF;
  return g_bytes_new_take (buf, 4 + PX_MINHASH_SIZE * 4);
}

gboolean
px_minhash_from_bytes (const void *data, gsize len, PxMinHash *out)
{
  const guint8 *buf = data;

  if (buf == NULL || len != 4 + PX_MINHASH_SIZE * 4)
    return FALSE;
  out->n_shingles = buf[0] | (buf[1] << 8) | (buf[2] << 16) | ((guint32)buf[3] << 24);
  for (guint i = 0; i < PX_MINHASH_SIZE; i++)
    out->values[i] =
        buf[4 + i * 4] | (buf[4 + i * 4 + 1] << 8) | (buf[4 + i * 4 + 2] << 16) | ((guint32)buf[4 + i * 4 + 3] << 24);
  return TRUE;
}
