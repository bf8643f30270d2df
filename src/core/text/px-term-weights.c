/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "text/px-term-weights.h"

#include <math.h>
#include <string.h>

#include "text/px-sort.h"

PX_DEFINE_SORT (sort_by_term, PxTermWeight, x->term < y->term)

/* Grows *@scratch to at least @n records. */
static PxTermWeight *
scratch_reserve (PxTermWeight **scratch, guint *n_scratch, guint n)
{
  if (*n_scratch < n)
    {
      *n_scratch = MAX (n, *n_scratch * 2);
      g_free (*scratch);
      *scratch = g_new (PxTermWeight, *n_scratch);
    }
  return *scratch;
}

/* Sorts @a by term id, each below @n_ids: a radix sort, eight bits a pass
 * and as many passes as the largest id needs (two for 65,536 terms),
 * costs a few operations per record where comparisons cost dozens. The
 * ids of a vector are distinct, so the order is the one any sort gives. */
void
px_term_weights_sort (PxTermWeight *a, guint n, guint n_ids, PxTermWeight **scratch, guint *n_scratch)
{
  PxTermWeight *from = a, *to;

  if (n < 64)
    {
      sort_by_term (a, n);
      return;
    }
  to = scratch_reserve (scratch, n_scratch, n);
  for (guint shift = 0; shift < 32 && ((n_ids - 1) >> shift) != 0; shift += 8)
    {
      guint start[257] = { 0 };
      PxTermWeight *t;

      for (guint i = 0; i < n; i++)
        start[((from[i].term >> shift) & 0xff) + 1]++;
      for (guint b = 1; b <= 256; b++)
        start[b] += start[b - 1];
      for (guint i = 0; i < n; i++)
        to[start[(from[i].term >> shift) & 0xff]++] = from[i];
      t = from;
      from = to;
      to = t;
    }
  if (from != a)
    memcpy (a, from, n * sizeof (PxTermWeight));
}

/* Stronger first; equal weights in term order, as a stable sort of a
 * vector (sorted by term) by weight would leave them. */
static inline gboolean
stronger (const PxTermWeight *x, const PxTermWeight *y)
{
  return x->weight > y->weight || (x->weight == y->weight && x->term < y->term);
}

PX_DEFINE_SORT (sort_stronger, PxTermWeight, stronger (x, y))

/* The @k strongest terms of @vec into @out, strongest first: a quickselect
 * puts them first, then only they are sorted. *@scratch (*@n_scratch
 * records) is working space, grown as needed; the caller frees it. */
guint
px_term_weights_top (const PxTermWeight *vec, guint n, PxTermWeight *out, guint k, PxTermWeight **scratch,
                     guint *n_scratch)
{
  PxTermWeight *a;
  guint lo = 0, hi;

  if (n <= k)
    {
      memcpy (out, vec, n * sizeof (PxTermWeight));
      sort_stronger (out, n);
      return n;
    }
  a = scratch_reserve (scratch, n_scratch, n);
  memcpy (a, vec, n * sizeof (PxTermWeight));
  hi = n - 1;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2, i = lo, j = hi;
      PxTermWeight pivot, t;

      /* Median of three as the pivot. */
      if (stronger (&a[mid], &a[lo]))
        t = a[mid], a[mid] = a[lo], a[lo] = t;
      if (stronger (&a[hi], &a[mid]))
        {
          t = a[hi], a[hi] = a[mid], a[mid] = t;
          if (stronger (&a[mid], &a[lo]))
            t = a[mid], a[mid] = a[lo], a[lo] = t;
        }
      pivot = a[mid];
      while (i <= j)
        {
          while (stronger (&a[i], &pivot))
            i++;
          while (stronger (&pivot, &a[j]))
            j--;
          if (i <= j)
            {
              t = a[i], a[i] = a[j], a[j] = t;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      /* Now a[lo..j] are all stronger than a[i..hi]. */
      if (k - 1 <= j)
        hi = j;
      else if (k - 1 >= i)
        lo = i;
      else
        break;
    }
  memcpy (out, a, k * sizeof (PxTermWeight));
  sort_stronger (out, k);
  return k;
}

double
px_term_weights_dot (const PxTermWeight *x, guint nx, const PxTermWeight *y, guint ny)
{
  guint i = 0, j = 0;
  double s = 0;

  /* When one side is much shorter, binary search beats the merge. */
  if (nx * 8 < ny)
    {
      for (i = 0; i < nx; i++)
        {
          guint lo = 0, hi = ny;
          while (lo < hi)
            {
              guint mid = (lo + hi) / 2;
              if (y[mid].term < x[i].term)
                lo = mid + 1;
              else
                hi = mid;
            }
          if (lo < ny && y[lo].term == x[i].term)
            s += x[i].weight * y[lo].weight;
        }
      return s;
    }
  while (i < nx && j < ny)
    {
      if (x[i].term < y[j].term)
        i++;
      else if (x[i].term > y[j].term)
        j++;
      else
        s += x[i++].weight * y[j++].weight;
    }
  return s;
}

/* Appends @tw to @o unless it is rounding noise, which removing a
 * document leaves behind. */
#define KEEP(tw)                           \
  G_STMT_START                             \
  {                                        \
    if ((tw).weight > 1e-9)                \
      {                                    \
        norm += (tw).weight * (tw).weight; \
        o[n++] = (tw);                     \
      }                                    \
  }                                        \
  G_STMT_END

/* Returns sum + sign * vec, both sorted by term. */
GArray *
px_term_weights_add (GArray *sum, const PxTermWeight *y, guint ny, double sign, double *norm_out)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (PxTermWeight), sum->len + ny);
  const PxTermWeight *x = (const PxTermWeight *)sum->data;
  PxTermWeight *o = (PxTermWeight *)out->data;
  guint i = 0, j = 0, n = 0, nx = sum->len;
  double norm = 0;

  /* Both sides first, then what is left of either: the same weights in
   * the same order as one loop testing both ends at every step. */
  while (i < nx && j < ny)
    {
      PxTermWeight tw;
      if (x[i].term < y[j].term)
        tw = x[i++];
      else if (y[j].term < x[i].term)
        {
          tw.term = y[j].term;
          tw.weight = sign * y[j++].weight;
        }
      else
        {
          tw.term = x[i].term;
          tw.weight = x[i++].weight + sign * y[j++].weight;
        }
      KEEP (tw);
    }
  for (; i < nx; i++)
    KEEP (x[i]);
  for (; j < ny; j++)
    {
      PxTermWeight tw = { y[j].term, sign * y[j].weight };
      KEEP (tw);
    }
  out->len = n;
  if (norm_out != NULL)
    *norm_out = sqrt (norm);
  return out;
}

#undef KEEP
