/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the widget tests of the Compare panel share. */
#pragma once

#include "gui/compare/px-compare-panel.h"
#include "gui/compare/px-passage-card.h"

G_BEGIN_DECLS

/* TRUE once @panel (a PxComparePanel) shows a comparison it has finished
 * loading (for px_test_wait_for()). */
gboolean px_test_compare_ready (gpointer panel);
/* The card of @outlet among @cards (from px_compare_panel_get_cards()),
 * or NULL. */
PxPassageCard *px_test_card_for (GList *cards, const char *outlet);

G_END_DECLS
