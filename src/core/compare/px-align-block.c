/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-align-block.h"

#include <stdlib.h>
#include <string.h>

struct _PxAlignBlock
{
  const guint *vstart, *vterm;
  guint n, n_terms;
  guint *pstart; /* postings of term t: psent[pstart[t] .. pstart[t + 1]) */
  guint *psent;  /* global sentence ids, ascending within a term */
  guint *seen;   /* stamp of the last call that took each sentence */
  guint stamp;
  GArray *order; /* (count in the other document, term) of one sentence */
  guint out[PX_ALIGN_BLOCK_MAX_CANDIDATES];
};

typedef struct
{
  guint count;
  guint term;
} TermCount;

gboolean
px_align_block_needed (guint n_a, guint n_b)
{
  return (guint64)n_a * n_b > PX_ALIGN_BLOCK_PAIRS;
}

PxAlignBlock *
px_align_block_new (const guint *vstart, const guint *vterm, guint n, guint n_terms)
{
  PxAlignBlock *self = g_new0 (PxAlignBlock, 1);
  g_autofree guint *fill = g_new0 (guint, n_terms + 1);

  self->vstart = vstart;
  self->vterm = vterm;
  self->n = n;
  self->n_terms = n_terms;
  self->pstart = g_new0 (guint, n_terms + 1);
  for (guint k = 0; k < vstart[n]; k++)
    self->pstart[vterm[k] + 1]++;
  for (guint t = 0; t < n_terms; t++)
    self->pstart[t + 1] += self->pstart[t];
  self->psent = g_new (guint, vstart[n] + 1);
  /* Sentences in order: each term's postings come out ascending. */
  for (guint g = 0; g < n; g++)
    for (guint k = vstart[g]; k < vstart[g + 1]; k++)
      self->psent[self->pstart[vterm[k]] + fill[vterm[k]]++] = g;
  self->seen = g_new0 (guint, n + 1);
  self->order = g_array_new (FALSE, FALSE, sizeof (TermCount));
  return self;
}

void
px_align_block_free (PxAlignBlock *self)
{
  if (self == NULL)
    return;
  g_free (self->pstart);
  g_free (self->psent);
  g_free (self->seen);
  g_array_unref (self->order);
  g_free (self);
}

/* First posting of term @t at or after sentence @lo. */
static guint
lower_bound (PxAlignBlock *self, guint t, guint lo)
{
  guint a = self->pstart[t], b = self->pstart[t + 1];

  while (a < b)
    {
      guint mid = a + (b - a) / 2;
      if (self->psent[mid] < lo)
        a = mid + 1;
      else
        b = mid;
    }
  return a;
}

static int
term_count_cmp (gconstpointer a, gconstpointer b)
{
  const TermCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count < y->count ? -1 : 1;
  return x->term < y->term ? -1 : x->term > y->term;
}

static int
guint_cmp (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;
  return x < y ? -1 : x > y;
}

const guint *
px_align_block_candidates (PxAlignBlock *self, guint g, guint lo, guint hi, guint *n_out)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL && g < self->n && lo <= hi && hi <= self->n, NULL);

  if (++self->stamp == 0)
    {
      memset (self->seen, 0, sizeof (guint) * (self->n + 1));
      self->stamp = 1;
    }
  /* The sentence's words that the other document has, rarest there
   * first: a word in few of its sentences points at the few that may say
   * the same thing. */
  g_array_set_size (self->order, 0);
  for (guint k = self->vstart[g]; k < self->vstart[g + 1]; k++)
    {
      guint t = self->vterm[k];
      TermCount tc = { lower_bound (self, t, hi) - lower_bound (self, t, lo), t };

      if (tc.count > 0)
        g_array_append_val (self->order, tc);
    }
  g_array_sort (self->order, term_count_cmp);
  for (guint i = 0; i < MIN (self->order->len, PX_ALIGN_BLOCK_TERMS); i++)
    {
      guint t = g_array_index (self->order, TermCount, i).term;
      guint taken = 0;

      for (guint p = lower_bound (self, t, lo); p < self->pstart[t + 1] && taken < PX_ALIGN_BLOCK_PER_TERM; p++)
        {
          guint h = self->psent[p];

          if (h >= hi)
            break;
          taken++;
          if (self->seen[h] != self->stamp)
            {
              self->seen[h] = self->stamp;
              self->out[n++] = h;
            }
        }
    }
  /* In reading order, as the full scan visits them (ties keep the
   * first). */
  qsort (self->out, n, sizeof (guint), guint_cmp);
  *n_out = n;
  return self->out;
}
