/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "compare/px-event-comparison.h"

G_BEGIN_DECLS

/* Who is quoted in an event and how: for each speaker, which outlets
 * quote them, and for each thing they said, each outlet's wording with
 * what changed (cut, merged, words changed, paraphrased). Activating a
 * version emits "passage-activated" (document id, start, end). */
#define PX_TYPE_QUOTE_VIEW (px_quote_view_get_type ())
G_DECLARE_FINAL_TYPE (PxQuoteView, px_quote_view, PX, QUOTE_VIEW, GtkWidget)

GtkWidget *px_quote_view_new (void);
/* @current: the document being read (marked in the lists), or G_MAXUINT. */
void px_quote_view_set_comparison (PxQuoteView *self, PxEventComparison *comparison, guint current);
/* Number of speakers shown (0 when nobody is quoted). */
guint px_quote_view_get_n_speakers (PxQuoteView *self);

/* "cut, words changed" for a quote's drift flags; "" when none. */
char *px_drift_display (guint drift);

G_END_DECLS
