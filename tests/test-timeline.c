/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Compare panel's timeline (gui/compare/px-timeline-view.h) on the invented
 * harbour event of fixtures/provenance/: articles in order of publication
 * with their time of day and offset, an undated one at its import time,
 * first reports marked, the rewording of a copy shown, arrow keys. */
#include <stdlib.h>
#include <string.h>

#include "compare/px-comparison.h"
#include "compare-fixtures.h"
#include "compare/px-publication-time.h"
#include "gui/compare/px-timeline-view.h"
#include "px-test-wait.h"

enum
{
  ORIGINAL,    /* Velmora Post, 2026-03-02T07:15:00+01:00 */
  SYNDICATED,  /* Coastline Daily, 2026-03-02T11:40:00+01:00, a copy */
  INDEPENDENT, /* Northern Courier, made undated: imported 2026-03-04 */
  AGENCY,      /* Eastern Ledger, 2026-03-03 (a date only) */
};

static PxEventComparison *
harbour (void)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxComparison) comparison = NULL;
  PxDocument *undated;

  g_ptr_array_add (docs, px_test_load_fixture ("provenance", "harbour-original", 1));
  g_ptr_array_add (docs, px_test_load_fixture ("provenance", "harbour-syndicated", 2));
  g_ptr_array_add (docs, undated = px_test_load_fixture ("provenance", "harbour-independent", 3));
  g_ptr_array_add (docs, px_test_load_fixture ("provenance", "harbour-agency", 4));
  px_document_set_published (undated, NULL);
  px_document_set_imported (undated, "2026-03-04T08:30:00Z");
  comparison = px_comparison_new (docs, NULL);
  return px_event_comparison_new (comparison, 9, "Harbour");
}

/* The claim whose passage in @doc holds @needle. */
static guint
claim_with (PxEventComparison *cmp, guint doc, const char *needle)
{
  for (guint c = 0; c < px_event_comparison_get_n_claims (cmp); c++)
    {
      const PxComparePassage *p = px_event_comparison_claim_passage (cmp, c, doc);
      if (p != NULL && strstr (p->text, needle) != NULL)
        return c;
    }
  g_assert_not_reached ();
}

/* The group of the quotes holding @needle. */
static guint
quote_group_with (PxEventComparison *cmp, const char *needle)
{
  for (guint i = 0; i < px_event_comparison_get_n_quotes (cmp); i++)
    {
      const PxCompareQuote *q = px_event_comparison_get_quote (cmp, i);
      if (strstr (q->text, needle) != NULL)
        return q->group;
    }
  g_assert_not_reached ();
}

static void
test_publication_time (void)
{
  g_autoptr (PxPublicationTime) timed = px_publication_time_new ("2026-03-02T23:30:00-05:00", "2026-03-09T10:00:00Z");
  g_autoptr (PxPublicationTime) next_day = px_publication_time_new ("2026-03-03", NULL);
  g_autoptr (PxPublicationTime) same_day = px_publication_time_new ("2026-03-02", NULL);
  g_autoptr (PxPublicationTime) no_offset = px_publication_time_new ("2026-03-02T10:00:00", NULL);
  g_autoptr (PxPublicationTime) undated = px_publication_time_new (NULL, "2026-03-01T10:00:00Z");
  g_autoptr (PxPublicationTime) unknown = px_publication_time_new (NULL, NULL);

  /* The publisher's date is its own: 23:30 at -05:00 is the 2nd there. */
  g_assert_cmpint (timed->kind, ==, PX_PUBLICATION_TIME);
  g_assert_cmpstr (timed->date, ==, "2026-03-02");
  g_assert_cmpint (next_day->kind, ==, PX_PUBLICATION_DATE);
  /* A time without an offset is no instant: its date is kept. */
  g_assert_cmpint (no_offset->kind, ==, PX_PUBLICATION_DATE);
  g_assert_cmpint (undated->kind, ==, PX_PUBLICATION_IMPORTED);
  g_assert_cmpstr (undated->date, ==, "2026-03-01");
  g_assert_cmpint (unknown->kind, ==, PX_PUBLICATION_UNKNOWN);
  /* Dated before undated (whenever imported), a time before the bare date
   * of its day, dates by day. */
  g_assert_cmpint (px_publication_time_compare (timed, undated), <, 0);
  g_assert_cmpint (px_publication_time_compare (timed, same_day), <, 0);
  g_assert_cmpint (px_publication_time_compare (same_day, next_day), <, 0);
  g_assert_cmpint (px_publication_time_compare (timed, next_day), <, 0);
  g_assert_cmpint (px_publication_time_compare (undated, unknown), <, 0);
}

static int
compare_times (gconstpointer a, gconstpointer b)
{
  return px_publication_time_compare (*(PxPublicationTime *const *)a, *(PxPublicationTime *const *)b);
}

/* Two times compared by the instant, a date with a time by the day: these
 * three went round in a cycle (early < late by the instant, late < date by
 * the day, date < early by the day), so the sort depended on the input. */
static void
test_publication_time_total_order (void)
{
  g_autoptr (PxPublicationTime) early = px_publication_time_new ("2024-05-02T01:00:00+10:00", NULL);
  g_autoptr (PxPublicationTime) late = px_publication_time_new ("2024-05-01T20:00:00Z", NULL);
  g_autoptr (PxPublicationTime) date = px_publication_time_new ("2024-05-01", NULL);
  PxPublicationTime *values[] = { early, late, date };
  static const int orders[6][3] = { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };
  PxPublicationTime *first[3] = { NULL };

  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < 3; j++)
      {
        int ij = px_publication_time_compare (values[i], values[j]);
        int ji = px_publication_time_compare (values[j], values[i]);
        g_assert_cmpint ((ij > 0) - (ij < 0), ==, -((ji > 0) - (ji < 0)));
        for (guint k = 0; k < 3; k++)
          if (ij < 0 && px_publication_time_compare (values[j], values[k]) < 0)
            g_assert_cmpint (px_publication_time_compare (values[i], values[k]), <, 0);
      }
  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    {
      PxPublicationTime *sorted[3];

      for (guint i = 0; i < 3; i++)
        sorted[i] = values[orders[o][i]];
      qsort (sorted, 3, sizeof sorted[0], compare_times);
      if (o == 0)
        memcpy (first, sorted, sizeof first);
      for (guint i = 0; i < 3; i++)
        g_assert_true (sorted[i] == first[i]);
    }
  /* By the printed day: the 1st (a time, then the bare date), then the 2nd. */
  g_assert_true (first[0] == late);
  g_assert_true (first[1] == date);
  g_assert_true (first[2] == early);
}

static void
test_lanes_and_first_reports (void)
{
  g_autoptr (PxEventComparison) cmp = harbour ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  PxTimelineView *view = PX_TIMELINE_VIEW (px_timeline_view_new ());
  GtkWidget *first, *copy, *other, *qfirst, *qlater;
  guint roof, toppled, group;
  const char *markup;
  g_autofree char *label = NULL;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 400);
  px_timeline_view_set_comparison (view, cmp);
  gtk_window_present (GTK_WINDOW (window));
  px_test_settle (100);

  /* Columns in order of publication, whatever the event's order. */
  g_assert_cmpuint (px_timeline_view_get_n_columns (view), ==, 4);
  g_assert_cmpuint (px_timeline_view_get_column_document (view, 0), ==, ORIGINAL);
  g_assert_cmpuint (px_timeline_view_get_column_document (view, 1), ==, SYNDICATED);
  g_assert_cmpuint (px_timeline_view_get_column_document (view, 2), ==, AGENCY);
  g_assert_cmpuint (px_timeline_view_get_column_document (view, 3), ==, INDEPENDENT);
  /* Time of day in the publisher's offset; the undated one marked. */
  g_assert_nonnull (strstr (px_timeline_view_get_column_label (view, 0), "07:15 (UTC+01:00)"));
  g_assert_null (strstr (px_timeline_view_get_column_label (view, 2), ":"));
  g_assert_nonnull (strstr (px_timeline_view_get_column_label (view, 3), "08:30 UTC"));
  g_assert_nonnull (strstr (px_timeline_view_get_column_label (view, 3), "import time"));
  g_assert_cmpuint (px_timeline_view_get_n_lanes (view), ==, 4);
  g_assert_cmpstr (px_timeline_view_get_lane_name (view, 0), ==, "Velmora Post");

  /* A claim of the original and its copy: first report, then copied. */
  roof = claim_with (cmp, ORIGINAL, "crushed a warehouse roof");
  first = px_timeline_view_get_mark (view, roof, ORIGINAL);
  copy = px_timeline_view_get_mark (view, roof, SYNDICATED);
  g_assert_nonnull (first);
  g_assert_nonnull (copy);
  g_assert_cmpint (px_timeline_view_get_mark_kind (view, first), ==, PX_TIMELINE_FIRST);
  g_assert_cmpint (px_timeline_view_get_mark_kind (view, copy), ==, PX_TIMELINE_COPIED);
  g_assert_true (gtk_widget_get_focusable (first));
  g_assert_true (gtk_widget_get_mapped (first));

  /* The copy's rewording: "toppled" for "collapsed", shown as a change
   * from the first report, with who reported it first. */
  toppled = claim_with (cmp, SYNDICATED, "toppled");
  other = px_timeline_view_get_mark (view, toppled, SYNDICATED);
  g_assert_nonnull (other);
  px_timeline_view_show_mark (view, other);
  markup = px_timeline_view_get_popover_markup (view);
  g_assert_nonnull (strstr (markup, ">toppled</span>"));
  g_assert_nonnull (strstr (px_timeline_view_get_popover_heading (view), "First reported by Velmora Post"));
  px_timeline_view_show_mark (view, px_timeline_view_get_mark (view, toppled, ORIGINAL));
  g_assert_true (g_str_has_prefix (px_timeline_view_get_popover_heading (view), "First report: Velmora Post"));
  g_assert_null (strstr (px_timeline_view_get_popover_markup (view), "<span"));

  /* Arrow keys: Down goes to the same claim in the next lane, Right
   * along the lane, Up back. */
  gtk_widget_grab_focus (first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.move", "u", GDK_KEY_Down));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == copy);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.move", "u", GDK_KEY_Up));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.move", "u", GDK_KEY_Right));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) != first);

  /* The quotation three outlets carry: square marks after the claims',
   * the original's the first report, the undated article's quoted later;
   * the agency article, which does not quote it, has none. */
  group = quote_group_with (cmp, "eighteen times higher");
  qfirst = px_timeline_view_get_quote_mark (view, group, ORIGINAL);
  qlater = px_timeline_view_get_quote_mark (view, group, INDEPENDENT);
  g_assert_nonnull (qfirst);
  g_assert_nonnull (qlater);
  g_assert_nonnull (px_timeline_view_get_quote_mark (view, group, SYNDICATED));
  g_assert_null (px_timeline_view_get_quote_mark (view, group, AGENCY));
  g_assert_true (qfirst != px_timeline_view_get_mark (view, roof, ORIGINAL));
  g_assert_cmpint (px_timeline_view_get_mark_kind (view, qfirst), ==, PX_TIMELINE_QUOTE_FIRST);
  g_assert_cmpint (px_timeline_view_get_mark_kind (view, qlater), !=, PX_TIMELINE_QUOTE_FIRST);
  g_assert_true (gtk_widget_has_css_class (qfirst, "quote"));
  g_assert_false (gtk_widget_has_css_class (first, "quote"));
  g_assert_true (gtk_widget_get_mapped (qlater));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (qfirst), "First report of the quotation"));
  /* A short quotation: the tooltip has it all, and so the accessible
   * label is the same. */
  label = g_strdup (gtk_widget_get_tooltip_text (qlater));
  g_assert_nonnull (strstr (label, "Northern Courier"));
  g_assert_nonnull (strstr (label, "“The wind measured eighteen times higher"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (qlater), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  px_timeline_view_show_mark (view, qlater);
  g_assert_nonnull (strstr (px_timeline_view_get_popover_heading (view), "First quoted by Velmora Post"));
  g_assert_nonnull (strstr (px_timeline_view_get_popover_markup (view), "eighteen times higher"));
  /* Down from the first report reaches the same quotation below. */
  gtk_widget_grab_focus (qfirst);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.move", "u", GDK_KEY_Down));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == px_timeline_view_get_quote_mark (view, group, SYNDICATED));

  px_timeline_view_set_comparison (view, NULL);
  g_assert_cmpuint (px_timeline_view_get_n_lanes (view), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle (50);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline/publication-time", test_publication_time);
  g_test_add_func ("/timeline/publication-time-total-order", test_publication_time_total_order);
  g_test_add_func ("/timeline/lanes-and-first-reports", test_lanes_and_first_reports);
  return g_test_run ();
}
