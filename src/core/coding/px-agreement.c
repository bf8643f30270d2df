/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "coding/px-agreement.h"

/* The largest value in the table, + 1: the size of the matrices. */
static guint
n_categories (const int *values, gsize n)
{
  int max = -1;

  for (gsize i = 0; i < n; i++)
    max = MAX (max, values[i]);
  return (guint)(max + 1);
}

double
px_krippendorff_alpha (const int *values, guint n_units, guint n_coders, guint *n_pairable)
{
  guint k = n_categories (values, (gsize)n_units * n_coders);
  g_autofree double *coincidence = NULL;
  g_autofree double *marginal = NULL;
  g_autofree guint *count = NULL;
  double n = 0, observed = 0, expected = 0;
  guint pairable = 0;

  if (n_pairable != NULL)
    *n_pairable = 0;
  if (k == 0)
    return NAN;
  coincidence = g_new0 (double, (gsize)k *k);
  marginal = g_new0 (double, k);
  count = g_new0 (guint, k);
  for (guint u = 0; u < n_units; u++)
    {
      const int *row = values + (gsize)u * n_coders;
      guint m = 0;

      memset (count, 0, k * sizeof (guint));
      for (guint c = 0; c < n_coders; c++)
        if (row[c] >= 0)
          {
            count[row[c]]++;
            m++;
          }
      if (m < 2)
        continue;
      pairable++;
      /* Each ordered pair of values of the unit, coders distinct, weighs
       * 1 / (m - 1). */
      for (guint a = 0; a < k; a++)
        for (guint b = 0; b < k; b++)
          {
            double pairs = a == b ? (double)count[a] * (count[a] - 1) : (double)count[a] * count[b];
            coincidence[a * k + b] += pairs / (m - 1);
          }
    }
  if (n_pairable != NULL)
    *n_pairable = pairable;
  for (guint a = 0; a < k; a++)
    for (guint b = 0; b < k; b++)
      {
        marginal[a] += coincidence[a * k + b];
        n += coincidence[a * k + b];
      }
  if (n <= 1)
    return NAN;
  for (guint a = 0; a < k; a++)
    for (guint b = 0; b < k; b++)
      if (a != b)
        {
          observed += coincidence[a * k + b];
          expected += marginal[a] * marginal[b];
        }
  if (expected == 0)
    return NAN;
  return 1.0 - (n - 1) * observed / expected;
}

double
px_cohen_kappa (const int *values, guint n_units, guint n_coders, guint a, guint b, guint *n_both)
{
  guint k = n_categories (values, (gsize)n_units * n_coders);
  g_autofree double *row_total = NULL;
  g_autofree double *col_total = NULL;
  double n = 0, agree = 0, chance = 0;

  g_return_val_if_fail (a < n_coders && b < n_coders, NAN);
  if (n_both != NULL)
    *n_both = 0;
  if (k == 0)
    return NAN;
  row_total = g_new0 (double, k);
  col_total = g_new0 (double, k);
  for (guint u = 0; u < n_units; u++)
    {
      int va = values[(gsize)u * n_coders + a], vb = values[(gsize)u * n_coders + b];

      if (va < 0 || vb < 0)
        continue;
      n++;
      agree += va == vb;
      row_total[va]++;
      col_total[vb]++;
    }
  if (n_both != NULL)
    *n_both = (guint)n;
  if (n == 0)
    return NAN;
  for (guint c = 0; c < k; c++)
    chance += (row_total[c] / n) * (col_total[c] / n);
  if (chance >= 1.0)
    return NAN;
  return (agree / n - chance) / (1.0 - chance);
}
