/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Agreement between coders on nominal values (docs/agreement.md).
 * @values holds @n_units rows of @n_coders values: values[u * n_coders + c]
 * is what coder c gave unit u, PX_AGREEMENT_MISSING when c did not code u.
 * Values are small non-negative integers (0 and 1 for "code absent" and
 * "code present"). */
#define PX_AGREEMENT_MISSING (-1)

/* Krippendorff's alpha for nominal data, from the coincidence matrix:
 * units with fewer than two values are left out, as the coefficient
 * requires. NAN when it is not defined (no pairable values, or all values
 * the same: no variation to agree on). @n_pairable, when not NULL, gets
 * the number of units with two values or more. */
double px_krippendorff_alpha (const int *values, guint n_units, guint n_coders, guint *n_pairable);

/* Cohen's kappa of coders @a and @b over the units both coded. NAN when
 * not defined (no such unit, or chance agreement is total). @n_both,
 * when not NULL, gets the number of units both coded. */
double px_cohen_kappa (const int *values, guint n_units, guint n_coders, guint a, guint b, guint *n_both);

G_END_DECLS
