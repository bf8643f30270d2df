/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "text/px-word-diff.h"

#include <string.h>

#define MAX_WORDS PX_WORD_DIFF_MAX_WORDS

static inline gboolean
same_word (const PxToken *x, const PxToken *y)
{
  /* Tokens of one stemmer share interned strings, so most equal words
   * are one pointer; most different words differ in their first byte,
   * which spares the call. */
  return x->norm == y->norm || (x->norm[0] == y->norm[0] && strcmp (x->norm, y->norm) == 0);
}

/* LCS lengths of suffixes: table[i][j] = LCS (a[i..], b[j..]). */
static guint16 *
lcs_table (const PxToken *a, guint n_a, const PxToken *b, guint n_b)
{
  guint16 *t = g_new0 (guint16, (gsize)(n_a + 1) * (n_b + 1));

  for (guint i = n_a; i-- > 0;)
    for (guint j = n_b; j-- > 0;)
      {
        guint16 *cell = &t[i * (n_b + 1) + j];
        if (same_word (&a[i], &b[j]))
          *cell = t[(i + 1) * (n_b + 1) + j + 1] + 1;
        else
          *cell = MAX (t[(i + 1) * (n_b + 1) + j], t[i * (n_b + 1) + j + 1]);
      }
  return t;
}

double
px_word_diff_ratio (const PxToken *a, guint n_a, const PxToken *b, guint n_b)
{
  g_autofree guint16 *prev = NULL;
  g_autofree guint16 *cur = NULL;

  if (n_a + n_b == 0)
    return 1.0;
  n_a = MIN (n_a, MAX_WORDS);
  n_b = MIN (n_b, MAX_WORDS);
  /* Two rows suffice for the length alone. */
  prev = g_new0 (guint16, n_b + 1);
  cur = g_new0 (guint16, n_b + 1);
  for (guint i = 0; i < n_a; i++)
    {
      guint16 *swap;
      for (guint j = 0; j < n_b; j++)
        cur[j + 1] = same_word (&a[i], &b[j]) ? prev[j] + 1 : MAX (prev[j + 1], cur[j]);
      swap = prev;
      prev = cur;
      cur = swap;
    }
  return 2.0 * prev[n_b] / (n_a + n_b);
}

static void
push_op (GArray *ops, PxDiffKind kind, guint a_start, guint a_end, guint b_start, guint b_end)
{
  if (ops->len > 0)
    {
      PxDiffOp *last = &g_array_index (ops, PxDiffOp, ops->len - 1);
      /* Extend the previous run when it is of the same kind. */
      if (last->kind == kind)
        {
          if (kind != PX_DIFF_ADDED)
            last->a_end = a_end;
          if (kind != PX_DIFF_REMOVED)
            last->b_end = b_end;
          return;
        }
    }
  g_array_append_val (ops, ((PxDiffOp){ kind, a_start, a_end, b_start, b_end }));
}

GArray *
px_word_diff (const PxToken *a, guint n_a, const PxToken *b, guint n_b, double *ratio)
{
  GArray *ops = g_array_new (FALSE, FALSE, sizeof (PxDiffOp));
  g_autofree guint16 *t = NULL;
  guint i = 0, j = 0;

  g_return_val_if_fail (a != NULL || n_a == 0, NULL);
  g_return_val_if_fail (b != NULL || n_b == 0, NULL);

  n_a = MIN (n_a, MAX_WORDS);
  n_b = MIN (n_b, MAX_WORDS);
  t = lcs_table (a, n_a, b, n_b);
  if (ratio != NULL)
    *ratio = n_a + n_b > 0 ? 2.0 * t[0] / (n_a + n_b) : 1.0;

  while (i < n_a || j < n_b)
    {
      /* Where a one-sided run sits on the other side: just before the next
       * word there, or after the last one. */
      guint a_pos = i < n_a ? a[i].start : (n_a > 0 ? a[n_a - 1].end : 0);
      guint b_pos = j < n_b ? b[j].start : (n_b > 0 ? b[n_b - 1].end : 0);

      if (i < n_a && j < n_b && same_word (&a[i], &b[j]))
        {
          push_op (ops, PX_DIFF_SAME, a[i].start, a[i].end, b[j].start, b[j].end);
          i++;
          j++;
        }
      else if (j < n_b && (i >= n_a || t[i * (n_b + 1) + j + 1] >= t[(i + 1) * (n_b + 1) + j]))
        {
          push_op (ops, PX_DIFF_ADDED, a_pos, a_pos, b[j].start, b[j].end);
          j++;
        }
      else
        {
          push_op (ops, PX_DIFF_REMOVED, a[i].start, a[i].end, b_pos, b_pos);
          i++;
        }
    }
  return ops;
}

const char *
px_diff_kind_to_string (PxDiffKind kind)
{
  switch (kind)
    {
    case PX_DIFF_SAME:
      return "same";
    case PX_DIFF_REMOVED:
      return "removed";
    case PX_DIFF_ADDED:
      return "added";
    default:
      g_return_val_if_reached (NULL);
    }
}
