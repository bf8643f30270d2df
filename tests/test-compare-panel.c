/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Compare panel in the real window, under Xvfb: three invented
 * reports of one event, the cursor in a shared sentence, the cards and
 * the "not reported by" line, a card opening the other article, Back,
 * and the panel following the library when an article moves away. */
#include <glib/gstdio.h>
#include <string.h>

#include "compare-fixtures.h"
#include "gui/window/px-application.h"
#include "gui/compare/px-compare-panel.h"
#include "gui/compare/px-coverage-matrix.h"
#include "gui/reader/px-metadata-dialog.h"
#include "gui/compare/px-passage-card.h"
#include "gui/window/px-window.h"
#include "events/px-store-events.h"
#include "px-test-compare.h"
#include "px-test-wait.h"

static gboolean
showing_expected (gpointer data)
{
  PxDocument *doc = px_window_get_document (data);
  gint64 *expected = g_object_get_data (G_OBJECT (data), "px-test-expect");
  return doc != NULL && px_document_get_id (doc) == *expected;
}

static gint64
add_article (PxStore *store, const char *name)
{
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "compare", file, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_test_load_article (path, 0, &error);

  g_assert_no_error (error);
  px_document_set_id (doc, 0);
  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  g_assert_true (px_store_assign_event (store, doc, NULL, &error));
  g_assert_no_error (error);
  return px_document_get_id (doc);
}

/* Puts the cursor inside @needle, as a click there would. */
static void
place_cursor (PxWindow *window, const char *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_reader_view_get_text_view (px_window_get_reader (window)));
  GtkTextIter start, end, at;
  g_autofree char *text = NULL;
  const char *hit;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  hit = strstr (text, needle);
  g_assert_nonnull (hit);
  gtk_text_buffer_get_iter_at_offset (buffer, &at, g_utf8_pointer_to_offset (text, hit) + 3);
  gtk_text_buffer_place_cursor (buffer, &at);
}

static PxMetadataDialog *
metadata_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (PX_IS_METADATA_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
has_metadata_dialog (gpointer data)
{
  (void)data;
  return metadata_dialog () != NULL;
}

static void
test_follow_the_reader (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-compare-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autoptr (PxApplication) app = px_application_new (library, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (GList) cards = NULL;
  gint64 wire, gazette, radio, budget, ferry;
  guint span_start, span_end;
  PxComparePanel *panel;
  PxWindow *window;
  PxPassageCard *card;

  {
    g_autoptr (PxStore) store = px_store_open (library, PX_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    wire = add_article (store, "library-wire");
    gazette = add_article (store, "library-gazette");
    radio = add_article (store, "library-radio");
    /* The gazette's other article, on the town's budget, put in the same
     * event: the gazette still reports what its first article did. */
    budget = add_article (store, "library-budget");
    ferry = add_article (store, "ferry-fire");
    g_assert_true (px_store_flush_events (store, NULL));
    {
      g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, wire, NULL);
      g_assert_true (px_store_move_document (store, budget, info->event_id, &error));
      g_assert_no_error (error);
    }
  }
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = px_window_new (app, library, wire);
  gtk_window_present (GTK_WINDOW (window));
  px_window_set_side_panel_visible (window, TRUE);
  px_side_panel_set_visible_page (px_window_get_side_panel (window), "compare");
  panel = PX_COMPARE_PANEL (px_side_panel_get_page (px_window_get_side_panel (window), "compare"));
  g_assert_true (PX_IS_COMPARE_PANEL (panel));
  g_assert_true (px_test_wait_for (px_test_compare_ready, panel, 20000));
  /* The wire was first with every word of it. */
  g_assert_cmpstr (px_compare_panel_get_provenance (panel), ==, "Own text: 100% of its words");

  /* A sentence the gazette has word for word; the radio does not say it. */
  place_cursor (window, "We lost four thousand books");
  cards = px_compare_panel_get_cards (panel);
  g_assert_cmpuint (g_list_length (cards), ==, 1);
  card = px_test_card_for (cards, "Lakeside Gazette");
  g_assert_nonnull (card);
  g_assert_cmpint (px_passage_card_get_label (card), ==, PX_MATCH_CLOSE);
  g_assert_nonnull (strstr (px_passage_card_get_text (card), "We lost four thousand books in one night"));
  /* The words the wire has and the gazette does not are listed apart. */
  g_assert_null (strstr (px_passage_card_get_markup (card), "strikethrough"));
  g_assert_null (strstr (px_passage_card_get_markup (card), "gave them back"));
  g_assert_nonnull (strstr (px_passage_card_get_leaves_out (card), "and the town gave them back to us"));
  g_assert_cmpstr (px_compare_panel_get_not_reported (panel), ==, "Not reported by Valley Radio");

  /* The opening sentence: both others report it, one in other words. */
  place_cursor (window, "The Lakeside public library reopened");
  g_clear_pointer (&cards, g_list_free);
  cards = px_compare_panel_get_cards (panel);
  g_assert_cmpuint (g_list_length (cards), ==, 2);
  g_assert_cmpint (px_passage_card_get_label (px_test_card_for (cards, "Lakeside Gazette")), ==, PX_MATCH_VERBATIM);
  g_assert_cmpint (px_passage_card_get_label (px_test_card_for (cards, "Valley Radio")), ==, PX_MATCH_PARAPHRASE);
  g_assert_cmpstr (px_compare_panel_get_not_reported (panel), ==, "");

  /* Clicking the radio's card opens it at its passage; Back returns. */
  card = px_test_card_for (cards, "Valley Radio");
  /* The card goes when the panel follows the reader to the radio. */
  px_passage_card_get_span (card, &span_start, &span_end);
  g_assert_true (gtk_widget_activate (gtk_widget_get_first_child (GTK_WIDGET (card))));
  g_object_set_data (G_OBJECT (window), "px-test-expect", &radio);
  g_assert_true (px_test_wait_for (showing_expected, window, 5000));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_reader_view_get_text_view (px_window_get_reader (window)));
    GtkTextIter a, b;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &a, &b));
    g_assert_cmpuint (gtk_text_iter_get_offset (&a), ==, span_start);
    g_assert_cmpuint (gtk_text_iter_get_offset (&b), ==, span_end);
    selected = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
    g_assert_nonnull (strstr (selected, "eight months after the spring flood"));
  }
  g_assert_true (px_compare_panel_can_go_back (panel));
  g_assert_true (px_test_wait_for (px_test_compare_ready, panel, 20000));
  px_compare_panel_go_back (panel);
  g_assert_cmpint (px_document_get_id (px_window_get_document (window)), ==, wire);
  g_assert_false (px_compare_panel_can_go_back (panel));

  /* The coverage matrix: one row per claim, a cell per outlet. */
  px_compare_panel_set_view (panel, "coverage");
  px_test_settle (200);
  {
    PxEventComparison *cmp = px_compare_panel_get_comparison (panel);
    PxCoverageMatrix *matrix = NULL;
    guint claim, doc, w = px_event_comparison_find_document (cmp, wire);
    double x, y;

    for (GtkWidget *w2 = GTK_WIDGET (panel); w2 != NULL;)
      {
        /* Depth-first search for the matrix. */
        if (PX_IS_COVERAGE_MATRIX (w2))
          {
            matrix = PX_COVERAGE_MATRIX (w2);
            break;
          }
        if (gtk_widget_get_first_child (w2) != NULL)
          w2 = gtk_widget_get_first_child (w2);
        else
          {
            while (w2 != NULL && gtk_widget_get_next_sibling (w2) == NULL)
              w2 = gtk_widget_get_parent (w2);
            w2 = w2 != NULL ? gtk_widget_get_next_sibling (w2) : NULL;
          }
      }
    g_assert_nonnull (matrix);
    g_assert_cmpuint (px_event_comparison_get_n_claims (cmp), >, 0);
    g_assert_true (px_coverage_matrix_cell_center (matrix, 0, w, &x, &y));
    g_assert_true (px_coverage_matrix_cell_at (matrix, x, y, &claim, &doc));
    g_assert_cmpuint (claim, ==, 0);
    g_assert_cmpuint (doc, ==, w);
    /* The most widely reported claim is carried by every report. */
    for (guint d = 0; d < 3; d++)
      g_assert_cmpint (px_coverage_of (cmp, 0, d), !=, PX_COVERAGE_ABSENT);
    /* A weaker candidate is its own cell state: "Maybe", not absent. */
    {
      guint n_maybe = 0;
      for (guint c = 0; c < px_event_comparison_get_n_claims (cmp); c++)
        for (guint d = 0; d < 3; d++)
          if (px_event_comparison_claim_maybe (cmp, c, d) != NULL)
            {
              g_assert_null (px_event_comparison_claim_passage (cmp, c, d));
              g_assert_cmpint (px_coverage_of (cmp, c, d), ==, PX_COVERAGE_MAYBE);
              n_maybe++;
            }
      g_assert_cmpuint (n_maybe, >, 0);
    }
  }

  /* The library changes: the radio report moves to another event. The
   * panel follows, from a fresh comparison. */
  {
    g_autoptr (PxStore) store = px_store_open (library, PX_STORE_OPEN_DEFAULT, &error);
    g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, ferry, NULL);
    g_assert_true (px_store_move_document (store, radio, info->event_id, &error));
    g_assert_no_error (error);
  }
  px_window_reload_library (window);
  g_assert_true (px_test_wait_for (px_test_compare_ready, panel, 20000));
  /* The wire, the gazette and the gazette's budget article. */
  g_assert_cmpuint (px_event_comparison_get_n_documents (px_compare_panel_get_comparison (panel)), ==, 3);
  place_cursor (window, "public library reopened");
  g_clear_pointer (&cards, g_list_free);
  cards = px_compare_panel_get_cards (panel);
  g_assert_cmpuint (g_list_length (cards), ==, 1);
  g_assert_nonnull (px_test_card_for (cards, "Lakeside Gazette"));
  g_assert_null (px_passage_card_get_set_outlet_button (px_test_card_for (cards, "Lakeside Gazette")));

  /* The gazette loses its outlet: its card goes by the start of its title,
   * and its "Set Outlet…" opens Edit Details on the outlet; saving names
   * the card again. */
  {
    g_autoptr (PxStore) store = px_store_open (library, PX_STORE_OPEN_DEFAULT, &error);
    g_autoptr (PxDocument) doc = px_store_load_document (store, gazette, &error);

    g_assert_no_error (error);
    px_document_set_outlet (doc, NULL);
    g_assert_true (px_store_update_metadata (store, doc, &error));
  }
  px_window_reload_library (window);
  g_assert_true (px_test_wait_for (px_test_compare_ready, panel, 20000));
  place_cursor (window, "public library reopened");
  g_clear_pointer (&cards, g_list_free);
  cards = px_compare_panel_get_cards (panel);
  card = px_test_card_for (cards, "Doors open again… (outlet unknown)");
  g_assert_nonnull (card);
  g_assert_nonnull (px_passage_card_get_set_outlet_button (card));
  g_signal_emit_by_name (px_passage_card_get_set_outlet_button (card), "clicked");
  g_assert_true (px_test_wait_for (has_metadata_dialog, NULL, 5000));
  {
    PxMetadataDialog *dialog = metadata_dialog ();
    GtkWidget *outlet = GTK_WIDGET (px_metadata_dialog_get_field (dialog, "outlet"));
    GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));

    g_assert_cmpint (px_metadata_dialog_get_document_id (dialog), ==, gazette);
    g_assert_true (focus != NULL && (focus == outlet || gtk_widget_is_ancestor (focus, outlet)));
    gtk_editable_set_text (GTK_EDITABLE (outlet), "Lakeside Gazette");
    px_metadata_dialog_save (dialog);
  }
  g_assert_true (px_test_wait_for (px_test_compare_ready, panel, 20000));
  px_test_settle (200);
  g_assert_true (px_test_wait_for (px_test_compare_ready, panel, 20000));
  place_cursor (window, "public library reopened");
  g_clear_pointer (&cards, g_list_free);
  cards = px_compare_panel_get_cards (panel);
  g_assert_nonnull (px_test_card_for (cards, "Lakeside Gazette"));

  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle (100);
}

/* The card shows the other passage as written: the words it adds
 * underlined, the number and the name that differ marked on both sides,
 * and what it leaves out listed below, never interleaved. */
static void
test_card_marks (void)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxComparison) comparison = NULL;
  g_autoptr (PxEventComparison) cmp = NULL;
  g_autoptr (PxPassageCard) card = NULL;
  GArray *matches;
  const char *markup, *left;

  g_ptr_array_add (docs, px_test_load_compare_fixture ("bus-north", 1));
  g_ptr_array_add (docs, px_test_load_compare_fixture ("bus-south", 2));
  comparison = px_comparison_new (docs, NULL);
  cmp = px_event_comparison_new (comparison, 7, "Buses");
  matches = px_event_comparison_get_matches (cmp, 0, 0);
  g_assert_nonnull (matches);
  g_assert_cmpuint (matches->len, ==, 1);
  card = g_object_ref_sink (px_passage_card_new (cmp, 0, &g_array_index (matches, PxCompareMatch, 0)));
  markup = px_passage_card_get_markup (card);
  left = px_passage_card_get_leaves_out (card);
  g_assert_cmpstr (px_passage_card_get_text (card), ==,
                   "The harbour council approved 45 new electric buses for the town on Monday, transport chief Karl "
                   "Holm told reporters.");
  /* The other outlet's own sentence, in its order, none of this one's words. */
  g_assert_nonnull (strstr (markup, "The harbour council approved "));
  g_assert_null (strstr (markup, "40"));
  g_assert_null (strstr (markup, "Berg"));
  /* Disagreeing number and names: the wavy mark, on both sides. */
  g_assert_nonnull (strstr (
      markup,
      "underline=\"error\" underline_color=\"#e01b24\" bgcolor=\"#e01b24\" bgalpha=\"22%\" weight=\"bold\">45</span>"));
  g_assert_nonnull (strstr (markup, "weight=\"bold\">Holm</span>"));
  g_assert_nonnull (strstr (
      left,
      "underline=\"error\" underline_color=\"#e01b24\" bgcolor=\"#e01b24\" bgalpha=\"22%\" weight=\"bold\">40</span>"));
  g_assert_nonnull (strstr (left, "weight=\"bold\">Berg</span>"));
  /* A plain added word: underlined, not marked as a disagreement. */
  g_assert_nonnull (strstr (markup, "<span underline=\"single\" weight=\"bold\">reporters</span>."));
  g_assert_nonnull (strstr (left, "said"));
  g_assert_null (strstr (left, "Karl"));
  g_assert_true (g_str_has_prefix (left, "<b>Leaves out:</b> "));
}

/* A syndicated copy (fixtures/provenance/): the comparison read by the
 * panel says what it copies, and the coverage matrix counts it with its
 * original as one outlet. */
static void
test_copies (void)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxComparison) comparison = NULL;
  g_autoptr (PxEventComparison) cmp = NULL;
  const PxCompareDocument *copy;
  gboolean seen = FALSE;

  g_ptr_array_add (docs, px_test_load_fixture ("provenance", "harbour-original", 1));
  g_ptr_array_add (docs, px_test_load_fixture ("provenance", "harbour-syndicated", 2));
  comparison = px_comparison_new (docs, NULL);
  cmp = px_event_comparison_new (comparison, 3, "Crane");
  copy = px_event_comparison_get_document (cmp, 1);
  g_assert_cmpuint (copy->copy_of, ==, 0);
  g_assert_cmpfloat (copy->original_share, <, 0.1);
  g_assert_cmpuint (px_event_comparison_get_document (cmp, 0)->copy_of, ==, G_MAXUINT);
  for (guint c = 0; c < px_event_comparison_get_n_claims (cmp); c++)
    {
      const PxCompareClaim *claim = px_event_comparison_get_claim (cmp, c);
      const PxComparePassage *p = px_event_comparison_claim_passage (cmp, c, 1);
      g_autofree char *text = px_coverage_matrix_describe_claim (cmp, c);

      if (claim->n_documents == 2 && p != NULL && p->provenance == PX_PROVENANCE_COPIED)
        {
          g_assert_cmpuint (claim->n_outlets, ==, 1);
          g_assert_cmpuint (p->source, ==, 0);
          g_assert_cmpuint (claim->first_document, ==, 0);
          g_assert_true (g_str_has_prefix (text, "Reported by 1 outlet (2 articles, copies included):\n"));
          seen = TRUE;
        }
    }
  g_assert_true (seen);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compare-panel/card-marks", test_card_marks);
  g_test_add_func ("/compare-panel/copies", test_copies);
  g_test_add_func ("/compare-panel/follow-the-reader", test_follow_the_reader);
  return g_test_run ();
}
