/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "compare/px-event-comparison.h"

G_BEGIN_DECLS

/* Claims × outlets at a glance: one row per claim, most widely reported
 * first, one column per outlet; a cell is filled where the outlet says it
 * in (nearly) the same words, half filled where it says it in other
 * words, and empty where it does not say it. Hovering a cell shows the
 * passage; clicking it emits "passage-activated" (document id, start,
 * end). */
#define PX_TYPE_COVERAGE_MATRIX (px_coverage_matrix_get_type ())
G_DECLARE_FINAL_TYPE (PxCoverageMatrix, px_coverage_matrix, PX, COVERAGE_MATRIX, GtkWidget)

typedef enum
{
  PX_COVERAGE_ABSENT,
  PX_COVERAGE_MAYBE, /* not reported, but a weaker candidate passage exists */
  PX_COVERAGE_ALTERED,
  PX_COVERAGE_PRESENT,
} PxCoverage;

GtkWidget *px_coverage_matrix_new (void);
/* @current: index of the document being read (its column is marked), or
 * G_MAXUINT. */
void px_coverage_matrix_set_comparison (PxCoverageMatrix *self, PxEventComparison *comparison, guint current);

/* What a cell shows: the rule the drawing follows. */
PxCoverage px_coverage_of (PxEventComparison *comparison, guint claim, guint doc);

/* The tooltip of a claim's row: how many outlets report it
 * independently (and how many articles, when some are copies), with its
 * reference wording. */
char *px_coverage_matrix_describe_claim (PxEventComparison *cmp, guint claim);

/* Hit testing, for tests and tooltips: the claim row and document column
 * at a point in widget coordinates; FALSE outside the cells. */
gboolean px_coverage_matrix_cell_at (PxCoverageMatrix *self, double x, double y, guint *claim, guint *doc);
/* The centre of a cell in widget coordinates. */
gboolean px_coverage_matrix_cell_center (PxCoverageMatrix *self, guint claim, guint doc, double *x, double *y);

G_END_DECLS
