/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "compare/px-event-comparison.h"
#include "gui/reader/px-reader-view.h"
#include "session/px-library.h"

G_BEGIN_DECLS

/* The Compare page of the side panel. It follows the reader: for the
 * sentence at the cursor (or the start of the selection) it shows each
 * other outlet's version with the differences marked, and which outlets
 * did not report it; it also shows the quotes by speaker, what only this
 * outlet says and what it leaves out, and the claims × outlets coverage.
 * It follows the library's "document" and "changed"; the comparison is
 * computed in the background (px_library_compare_async()) and cached in
 * the library; the panel shows a spinner meanwhile. Activating a passage
 * emits "open-document" with the id of the article to show (the window
 * opens it in the reader), then selects the passage there; Back
 * returns. */
#define PX_TYPE_COMPARE_PANEL (px_compare_panel_get_type ())
G_DECLARE_FINAL_TYPE (PxComparePanel, px_compare_panel, PX, COMPARE_PANEL, GtkWidget)

/* @reader shows @library's document. */
PxComparePanel *px_compare_panel_new (PxLibrary *library, PxReaderView *reader);

/* For tests and tools. */
gboolean px_compare_panel_is_loading (PxComparePanel *self);
PxEventComparison *px_compare_panel_get_comparison (PxComparePanel *self);
/* The PxPassageCard widgets shown, in order (free the list only). */
GList *px_compare_panel_get_cards (PxComparePanel *self);
/* The "Not reported by …" line, "" when every outlet reports it. */
/* The sentence of the reader whose matches the Passage view shows. */
const char *px_compare_panel_get_sentence (PxComparePanel *self);
const char *px_compare_panel_get_not_reported (PxComparePanel *self);
/* The line on where the article's text came from ("Copy of …", "Own
 * text: …"), NULL when no article of a comparison is shown. */
const char *px_compare_panel_get_provenance (PxComparePanel *self);
/* Which state page shows: "none", "single", "loading", "error" or
 * "content"; and which view of the content. */
const char *px_compare_panel_get_state (PxComparePanel *self);
void px_compare_panel_set_view (PxComparePanel *self, const char *name);
gboolean px_compare_panel_can_go_back (PxComparePanel *self);
void px_compare_panel_go_back (PxComparePanel *self);
/* Milliseconds from asking for the comparison to showing it, the last
 * time, and whether it came from the cache. */
double px_compare_panel_get_last_load_ms (PxComparePanel *self, gboolean *from_cache);

G_END_DECLS
