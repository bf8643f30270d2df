/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* PX_DEFINE_SORT (name, Type, less) defines
 *   static void name (Type *a, gsize n);
 * an in-place introsort (quicksort with median of three, heapsort past
 * 2 log n levels, insertion sort for short runs) with the comparison
 * inlined: g_array_sort() calls a function for every comparison, which
 * is most of its cost for the small records of text analysis. @less is an
 * expression in the pointers `x` and `y` (const Type *). Not stable: give
 * @less a tie-breaker where the order of equal keys matters. */
#define PX_DEFINE_SORT(name, Type, less)                             \
  static inline gboolean name##_less (const Type *x, const Type *y)  \
  {                                                                  \
    return (less);                                                   \
  }                                                                  \
                                                                     \
  static void name##_sift (Type *a, gsize root, gsize n)             \
  {                                                                  \
    for (;;)                                                         \
      {                                                              \
        gsize child = 2 * root + 1;                                  \
        Type t;                                                      \
        if (child >= n)                                              \
          return;                                                    \
        if (child + 1 < n && name##_less (&a[child], &a[child + 1])) \
          child++;                                                   \
        if (!name##_less (&a[root], &a[child]))                      \
          return;                                                    \
        t = a[root];                                                 \
        a[root] = a[child];                                          \
        a[child] = t;                                                \
        root = child;                                                \
      }                                                              \
  }                                                                  \
                                                                     \
  static void name##_rec (Type *a, gsize n, guint depth)             \
  {                                                                  \
    while (n > 12)                                                   \
      {                                                              \
        gsize mid = n / 2, i, j;                                     \
        Type t, pivot;                                               \
        if (depth-- == 0)                                            \
          {                                                          \
            for (gsize k = n / 2; k-- > 0;)                          \
              name##_sift (a, k, n);                                 \
            for (gsize k = n; k-- > 1;)                              \
              {                                                      \
                t = a[0];                                            \
                a[0] = a[k];                                         \
                a[k] = t;                                            \
                name##_sift (a, 0, k);                               \
              }                                                      \
            return;                                                  \
          }                                                          \
        /* Median of three into a[0]. */                             \
        if (name##_less (&a[mid], &a[0]))                            \
          {                                                          \
            t = a[mid];                                              \
            a[mid] = a[0];                                           \
            a[0] = t;                                                \
          }                                                          \
        if (name##_less (&a[n - 1], &a[mid]))                        \
          {                                                          \
            t = a[n - 1];                                            \
            a[n - 1] = a[mid];                                       \
            a[mid] = t;                                              \
            if (name##_less (&a[mid], &a[0]))                        \
              {                                                      \
                t = a[mid];                                          \
                a[mid] = a[0];                                       \
                a[0] = t;                                            \
              }                                                      \
          }                                                          \
        t = a[mid];                                                  \
        a[mid] = a[0];                                               \
        a[0] = t;                                                    \
        pivot = a[0];                                                \
        i = 0;                                                       \
        j = n;                                                       \
        for (;;)                                                     \
          {                                                          \
            do                                                       \
              i++;                                                   \
            while (i < n && name##_less (&a[i], &pivot));            \
            do                                                       \
              j--;                                                   \
            while (name##_less (&pivot, &a[j]));                     \
            if (i >= j)                                              \
              break;                                                 \
            t = a[i];                                                \
            a[i] = a[j];                                             \
            a[j] = t;                                                \
          }                                                          \
        a[0] = a[j];                                                 \
        a[j] = pivot;                                                \
        /* Recurse into the smaller side, loop on the larger. */     \
        if (j < n - j - 1)                                           \
          {                                                          \
            name##_rec (a, j, depth);                                \
            a += j + 1;                                              \
            n -= j + 1;                                              \
          }                                                          \
        else                                                         \
          {                                                          \
            name##_rec (a + j + 1, n - j - 1, depth);                \
            n = j;                                                   \
          }                                                          \
      }                                                              \
    for (gsize k = 1; k < n; k++)                                    \
      {                                                              \
        Type t = a[k];                                               \
        gsize m = k;                                                 \
        while (m > 0 && name##_less (&t, &a[m - 1]))                 \
          {                                                          \
            a[m] = a[m - 1];                                         \
            m--;                                                     \
          }                                                          \
        a[m] = t;                                                    \
      }                                                              \
  }                                                                  \
                                                                     \
  static void G_GNUC_UNUSED name (Type *a, gsize n)                  \
  {                                                                  \
    guint depth = 0;                                                 \
    for (gsize m = n; m > 1; m >>= 1)                                \
      depth += 2;                                                    \
    name##_rec (a, n, depth);                                        \
  }
