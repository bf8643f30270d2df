/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A term of a TF-IDF vector: the event index's term id and its weight.
 * Vectors and centroid sums are arrays of them sorted by term. */
typedef struct
{
  guint term;
  double weight;
} PxTermWeight;

/* Sorts @a (@n records, every term below @n_ids) by term. The terms of a
 * vector are distinct, so the order is the one any sort gives. *@scratch
 * (*@n_scratch records) is working space, grown as needed; the caller
 * frees it. */
void px_term_weights_sort (PxTermWeight *a, guint n, guint n_ids, PxTermWeight **scratch, guint *n_scratch);

/* The @k strongest terms of the @n of @vec into @out, strongest first
 * (equal weights: lower term first); returns how many. Scratch as above. */
guint px_term_weights_top (const PxTermWeight *vec, guint n, PxTermWeight *out, guint k, PxTermWeight **scratch,
                           guint *n_scratch);

/* The dot product of two vectors sorted by term. */
double px_term_weights_dot (const PxTermWeight *x, guint nx, const PxTermWeight *y, guint ny);

/* A new array of @sum (PxTermWeight sorted by term) plus @sign times the
 * @ny terms of @y, without the terms it leaves at rounding noise;
 * *@norm_out, if not NULL, receives its Euclidean norm. */
GArray *px_term_weights_add (GArray *sum, const PxTermWeight *y, guint ny, double sign, double *norm_out);

G_END_DECLS
