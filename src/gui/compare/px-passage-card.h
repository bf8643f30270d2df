/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "compare/px-event-comparison.h"

G_BEGIN_DECLS

/* One other outlet's version of the passage being read: outlet, date,
 * how it matches, and its words with what it adds and leaves out marked.
 * A button: "activate" asks to open that document at the passage. */
#define PX_TYPE_PASSAGE_CARD (px_passage_card_get_type ())
G_DECLARE_FINAL_TYPE (PxPassageCard, px_passage_card, PX, PASSAGE_CARD, GtkWidget)

/* @match is a match of sentence @sentence of document @doc. */
PxPassageCard *px_passage_card_new (PxEventComparison *comparison, guint doc, const PxCompareMatch *match);

gint64 px_passage_card_get_document_id (PxPassageCard *self);
void px_passage_card_get_span (PxPassageCard *self, guint *start, guint *end);
const char *px_passage_card_get_outlet (PxPassageCard *self);
PxMatchLabel px_passage_card_get_label (PxPassageCard *self);
/* The passage as plain text, and as Pango markup with the differences. */
const char *px_passage_card_get_text (PxPassageCard *self);
const char *px_passage_card_get_markup (PxPassageCard *self);
/* Markup of "Leaves out: …", the words of the passage being read that
 * this outlet does not have; NULL when it has them all. */
const char *px_passage_card_get_leaves_out (PxPassageCard *self);
/* The "Set Outlet…" button (win.set-outlet) of an article whose outlet is
 * unknown, else NULL. */
GtkWidget *px_passage_card_get_set_outlet_button (PxPassageCard *self);

/* Pango markup of @match's passage as the other outlet wrote it, the
 * words it adds underlined, and numbers or names where each side has one
 * the other lacks marked as disagreeing. */
char *px_passage_diff_markup (PxEventComparison *comparison, guint doc, const PxCompareMatch *match);
/* Markup of the words of sentence @doc's passage that @match leaves out,
 * after "Leaves out:", runs apart; NULL when none. */
char *px_passage_leaves_out_markup (PxEventComparison *comparison, guint doc, const PxCompareMatch *match);
/* "Verbatim", "Close", … for people. */
const char *px_match_label_display (PxMatchLabel label);
/* The outlet of a document for display: its outlet, else its title, else
 * where it came from (a web page's host, a file's name). */
const char *px_compare_outlet_name (const PxCompareDocument *doc);

G_END_DECLS
