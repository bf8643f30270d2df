/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-align-ngrams.h"

#include <string.h>

#include "text/px-word-diff.h"

struct _PxAlignNgrams
{
  guint n_sent;
  guint *start; /* n_sent + 1: sentence g's words are [start[g], start[g + 1]) */
  guint *uni;   /* word id of each word */
  guint *bi;    /* bigram id of each word and the next (G_MAXUINT at a sentence's end) */
  /* The sentence last compared (G_MAXUINT: none) and its counts: an
   * alignment compares one sentence with many windows in a row, so its
   * words are counted once. */
  guint cur;
  guint *count_uni; /* per word id: occurrences in sentence cur */
  guint *count_bi;  /* per bigram id: the same */
  guint n_bi_cur;   /* bigrams of sentence cur */
  guint *taken;     /* scratch: ids of cur met in a window */
  guint *norm;      /* id of each word's comparison form (the word diff's unit) */
  gboolean gapless; /* each document's sentences hold all its tokens in a row */
  guint16 *rows;    /* scratch: two rows of the word diff's table */
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
  g_autoptr (GHashTable) norms = g_hash_table_new (g_str_hash, g_str_equal);
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
  self->norm = g_new (guint, n_tok + 1);
  self->gapless = TRUE;
  for (guint d = 0; d < units->len; d++)
    {
      PxTextUnits *u = units->pdata[d];
      const PxToken *toks = px_text_units_get_tokens (u, NULL);
      guint next_token = 0;
      for (guint s = 0; s < px_text_units_get_n_sentences (u); s++, g++)
        {
          const PxSentence *sent = px_text_units_get_sentence (u, s);
          self->start[g] = k;
          if (s > 0 && sent->first_token != next_token)
            self->gapless = FALSE;
          next_token = sent->first_token + sent->n_tokens;
          for (guint t = sent->first_token; t < sent->first_token + sent->n_tokens; t++)
            {
              self->norm[k] = intern_word (norms, toks[t].norm);
              self->uni[k++] = intern_word (words, toks[t].stem);
            }
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
  self->taken = g_new (guint, n_tok + 1);
  self->cur = G_MAXUINT;
  self->rows = g_new (guint16, 2 * (PX_WORD_DIFF_MAX_WORDS + 1));
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
  g_free (self->taken);
  g_free (self->norm);
  g_free (self->rows);
  g_free (self);
}

/* Counts the words and bigrams of sentence @g (and forgets the last). */
static void
set_current (PxAlignNgrams *self, guint g)
{
  if (self->cur == g)
    return;
  if (self->cur != G_MAXUINT)
    for (guint i = self->start[self->cur]; i < self->start[self->cur + 1]; i++)
      {
        self->count_uni[self->uni[i]] = 0;
        if (self->bi[i] != G_MAXUINT)
          self->count_bi[self->bi[i]] = 0;
      }
  self->cur = g;
  self->n_bi_cur = 0;
  for (guint i = self->start[g]; i < self->start[g + 1]; i++)
    {
      self->count_uni[self->uni[i]]++;
      if (self->bi[i] != G_MAXUINT)
        {
          self->count_bi[self->bi[i]]++;
          self->n_bi_cur++;
        }
    }
}

/* Clipped count of the ids of [b0, b1) found among those of the current
 * sentence (counted in @count, unchanged on return); @n_b gets how many
 * ids [b0, b1) has. */
static guint
clipped_shared (const guint *restrict ids, guint *restrict count, guint *restrict taken, guint b0, guint b1, guint *n_b)
{
  guint shared = 0, n = 0;

  for (guint i = b0; i < b1; i++)
    {
      guint id = ids[i];
      if (id == G_MAXUINT)
        continue;
      n++;
      if (count[id] > 0)
        {
          count[id]--;
          taken[shared++] = id;
        }
    }
  for (guint k = 0; k < shared; k++)
    count[taken[k]]++;
  *n_b = n;
  return shared;
}

void
px_align_ngrams_overlap (PxAlignNgrams *self, guint g, guint h0, guint h1, PxNgramOverlap *out)
{
  guint a0 = self->start[g], a1 = self->start[g + 1], b0 = self->start[h0], b1 = self->start[h1 + 1];
  guint n_uni = 0, n_bi = 0, su, sb;

  set_current (self, g);
  /* The window's sentences are adjacent: its words are one run. */
  su = clipped_shared (self->uni, self->count_uni, self->taken, b0, b1, &n_uni);
  sb = clipped_shared (self->bi, self->count_bi, self->taken, b0, b1, &n_bi);
  out->uni_p = a1 > a0 ? (double)su / (a1 - a0) : 0;
  out->uni_r = n_uni > 0 ? (double)su / n_uni : 0;
  out->bi_p = self->n_bi_cur > 0 ? (double)sb / self->n_bi_cur : 0;
  out->bi_r = n_bi > 0 ? (double)sb / n_bi : 0;
}

double
px_align_ngrams_diff_ratio (PxAlignNgrams *self, guint g, guint h0, guint h1)
{
  const guint *a = self->norm + self->start[g], *b = self->norm + self->start[h0];
  guint n_a = self->start[g + 1] - self->start[g], n_b = self->start[h1 + 1] - self->start[h0];
  guint16 *prev = self->rows, *cur = self->rows + PX_WORD_DIFF_MAX_WORDS + 1;

  if (!self->gapless)
    return -1;
  if (n_a + n_b == 0)
    return 1.0;
  n_a = MIN (n_a, PX_WORD_DIFF_MAX_WORDS);
  n_b = MIN (n_b, PX_WORD_DIFF_MAX_WORDS);
  /* The length of the longest common subsequence, row by row. */
  memset (prev, 0, sizeof (guint16) * (n_b + 1));
  cur[0] = 0;
  for (guint i = 0; i < n_a; i++)
    {
      guint16 *swap;
      guint x = a[i];
      for (guint j = 0; j < n_b; j++)
        cur[j + 1] = x == b[j] ? prev[j] + 1 : MAX (prev[j + 1], cur[j]);
      swap = prev;
      prev = cur;
      cur = swap;
    }
  return 2.0 * prev[n_b] / (n_a + n_b);
}
