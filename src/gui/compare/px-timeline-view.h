/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "compare/px-event-comparison.h"

G_BEGIN_DECLS

/* Who reported what when: one lane per outlet, one column per article in
 * order of publication (time of day and offset where the page gave them,
 * else the date, else the import time, marked as such), and in each
 * article's cell one mark per claim it shares with another article, then
 * one square mark per quotation another article carries too (a group of
 * the comparison's quotes). The first report of a claim or quotation is
 * marked; the other marks say whether the wording is that of the first
 * report, reworded, or copied (for a quotation: as quoted elsewhere, or
 * changed). Each mark is
 * a button (focusable, with an accessible label and a tooltip); clicking
 * it shows its wording with the words it changed since the first report,
 * and "Open in Reader" emits "passage-activated" (document id, start,
 * end). Arrow keys move between marks: Left and Right along a lane, Up
 * and Down to the same claim (or the nearest mark) in the lane above or
 * below. */
#define PX_TYPE_TIMELINE_VIEW (px_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (PxTimelineView, px_timeline_view, PX, TIMELINE_VIEW, GtkWidget)

typedef enum
{
  PX_TIMELINE_FIRST,         /* the first report of the claim */
  PX_TIMELINE_SAME,          /* (nearly) the first report's words */
  PX_TIMELINE_REWORDED,      /* the claim in other words */
  PX_TIMELINE_COPIED,        /* copied from an earlier article of the event */
  PX_TIMELINE_QUOTE_FIRST,   /* the first report of a quotation */
  PX_TIMELINE_QUOTE_SAME,    /* the quotation as its group's reference has it */
  PX_TIMELINE_QUOTE_CHANGED, /* the quotation cut, merged, reworded or paraphrased */
} PxTimelineMarkKind;

GtkWidget *px_timeline_view_new (void);
void px_timeline_view_set_comparison (PxTimelineView *self, PxEventComparison *comparison);

guint px_timeline_view_get_n_lanes (PxTimelineView *self);
/* The outlet of a lane (lanes in order of their first article). */
const char *px_timeline_view_get_lane_name (PxTimelineView *self, guint lane);
/* Documents in order of publication (columns). */
guint px_timeline_view_get_n_columns (PxTimelineView *self);
guint px_timeline_view_get_column_document (PxTimelineView *self, guint column);
/* The column's time as shown above it. */
const char *px_timeline_view_get_column_label (PxTimelineView *self, guint column);

/* The mark of @claim in document @doc, or NULL: a GtkButton. */
GtkWidget *px_timeline_view_get_mark (PxTimelineView *self, guint claim, guint doc);
/* The mark of quote group @group in document @doc, or NULL. */
GtkWidget *px_timeline_view_get_quote_mark (PxTimelineView *self, guint group, guint doc);
PxTimelineMarkKind px_timeline_view_get_mark_kind (PxTimelineView *self, GtkWidget *mark);
/* Opens the popover of @mark (as a click does); its texts for tests:
 * the wording as Pango markup with the changes since the first report,
 * and the heading that says who reported it first and when. */
void px_timeline_view_show_mark (PxTimelineView *self, GtkWidget *mark);
const char *px_timeline_view_get_popover_markup (PxTimelineView *self);
const char *px_timeline_view_get_popover_heading (PxTimelineView *self);

G_END_DECLS
