/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "analysis/px-align-ngrams.h"

struct _PxAlignNgrams
{
  guint n_sent;
  guint *start;     /* n_sent + 1: sentence g's words are [start[g], start[g + 1]) */
  guint *uni;       /* word id of each word */
  guint *bi;        /* bigram id of each word and the next (G_MAXUINT at a sentence's end) */
  guint *count_uni; /* scratch: per word id */
  guint *count_bi;  /* scratch: per bigram id */
};

static guint
intern_word (GHashTable *ids, const char *stem)
{
  gpointer id;
  if (!g_hash_table_lookup_extended (ids, stem, NULL, &id))
    {
      id = GUINT_TO_POINTER (g_hash_table_size (ids));
      g_hash_table_insert (ids, (gpointer)stem, id);
    }
  return GPOINTER_TO_UINT (id);
}

PxAlignNgrams *
px_align_ngrams_new (GPtrArray *units)
{
  PxAlignNgrams *self = g_new0 (PxAlignNgrams, 1);
  /* Stems are compared as strings: texts tokenized by different stemmers
   * intern them apart. */
  g_autoptr (GHashTable) words = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_tok = 0, g = 0, k = 0;

  for (guint d = 0; d < units->len; d++)
    {
      guint n;
      px_text_units_get_tokens (units->pdata[d], &n);
      n_tok += n;
      self->n_sent += px_text_units_get_n_sentences (units->pdata[d]);
    }
  self->start = g_new0 (guint, self->n_sent + 1);
  self->uni = g_new (guint, n_tok + 1);
  self->bi = g_new (guint, n_tok + 1);
  for (guint d = 0; d < units->len; d++)
    {
      PxTextUnits *u = units->pdata[d];
      const PxToken *toks = px_text_units_get_tokens (u, NULL);
      for (guint s = 0; s < px_text_units_get_n_sentences (u); s++, g++)
        {
          const PxSentence *sent = px_text_units_get_sentence (u, s);
          self->start[g] = k;
          for (guint t = sent->first_token; t < sent->first_token + sent->n_tokens; t++)
            self->uni[k++] = intern_word (words, toks[t].stem);
          for (guint i = self->start[g]; i < k; i++)
            {
              gint64 key;
              gpointer id;
              if (i + 1 == k)
                {
                  self->bi[i] = G_MAXUINT;
                  continue;
                }
              key = ((gint64)self->uni[i] << 32) | self->uni[i + 1];
              if (!g_hash_table_lookup_extended (pairs, &key, NULL, &id))
                {
                  id = GUINT_TO_POINTER (g_hash_table_size (pairs));
                  g_hash_table_insert (pairs, g_memdup2 (&key, sizeof key), id);
                }
              self->bi[i] = GPOINTER_TO_UINT (id);
            }
        }
    }
  self->start[self->n_sent] = k;
  self->count_uni = g_new0 (guint, g_hash_table_size (words) + 1);
  self->count_bi = g_new0 (guint, g_hash_table_size (pairs) + 1);
  return self;
}

void
px_align_ngrams_free (PxAlignNgrams *self)
{
  if (self == NULL)
    return;
  g_free (self->start);
  g_free (self->uni);
  g_free (self->bi);
  g_free (self->count_uni);
  g_free (self->count_bi);
  g_free (self);
}

/* Clipped count of the ids of [a0, a1) found among those of [b0, b1)
 * (@count all zero before and after); @n_b gets how many ids [b0, b1)
 * has. */
static guint
clipped_shared (const guint *ids, guint *count, guint a0, guint a1, guint b0, guint b1, guint *n_b)
{
  guint shared = 0;

  for (guint i = b0; i < b1; i++)
    if (ids[i] != G_MAXUINT)
      {
        count[ids[i]]++;
        (*n_b)++;
      }
  for (guint i = a0; i < a1; i++)
    if (ids[i] != G_MAXUINT && count[ids[i]] > 0)
      {
        count[ids[i]]--;
        shared++;
      }
  for (guint i = b0; i < b1; i++)
    if (ids[i] != G_MAXUINT)
      count[ids[i]] = 0;
  return shared;
}

void
px_align_ngrams_overlap (PxAlignNgrams *self, guint g, guint h0, guint h1, PxNgramOverlap *out)
{
  guint a0 = self->start[g], a1 = self->start[g + 1], b0 = self->start[h0], b1 = self->start[h1 + 1];
  guint n_uni = 0, n_bi = 0, n_bi_a = 0, su, sb;

  /* The window's sentences are adjacent: its words are one run. */
  su = clipped_shared (self->uni, self->count_uni, a0, a1, b0, b1, &n_uni);
  sb = clipped_shared (self->bi, self->count_bi, a0, a1, b0, b1, &n_bi);
  for (guint i = a0; i < a1; i++)
    n_bi_a += self->bi[i] != G_MAXUINT;
  out->uni_p = a1 > a0 ? (double)su / (a1 - a0) : 0;
  out->uni_r = n_uni > 0 ? (double)su / n_uni : 0;
  out->bi_p = n_bi_a > 0 ? (double)sb / n_bi_a : 0;
  out->bi_r = n_bi > 0 ? (double)sb / n_bi : 0;
}
