/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/compare/px-compare-panel.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "compare/px-compare-cache.h"
#include "compare/px-independent-outlets.h"
#include "gui/compare/px-coverage-matrix.h"
#include "gui/compare/px-passage-card.h"
#include "gui/compare/px-quote-view.h"
#include "gui/compare/px-timeline-view.h"
#include "session/px-library-ops.h"
#include "events/px-store-events.h"

/* Where the reader was before a passage was opened from the panel. */
typedef struct
{
  gint64 document_id;
  guint offset;
  double scroll; /* the reader's exact scroll position */
} Place;

struct _PxComparePanel
{
  GtkWidget parent_instance;

  GtkWidget *root;
  GtkWidget *back_button;
  GtkLabel *event_label;
  GtkSpinner *header_spinner;
  GtkStack *state_stack;
  AdwStatusPage *single_page;
  GtkSpinner *loading_spinner;
  AdwStatusPage *error_page;
  GtkStack *view_stack;
  GtkLabel *sentence_label;
  GtkBox *cards_box;
  GtkLabel *not_reported_label;
  PxQuoteView *quote_view;
  GtkWidget *no_quotes_label;
  GtkBox *unique_box;
  PxCoverageMatrix *coverage_matrix;
  PxTimelineView *timeline_view;

  PxLibrary *library;
  PxReaderView *reader;
  GtkTextBuffer *buffer;
  gulong cursor_handler;
  gulong mark_handler;

  PxEventComparison *comparison;
  gint64 document_id; /* shown in the reader */
  guint doc_index;    /* its index in the comparison, or G_MAXUINT */
  guint sentence;     /* whose matches the cards show, or G_MAXUINT */

  GCancellable *cancellable;
  gint64 loading_event;
  gint64 load_started;
  double last_load_ms;
  gboolean last_from_cache;

  GArray *history;  /* Place */
  char *provenance; /* the article's own share and what it copies */

  /* The Passage view follows the caret after a click or a selection,
   * else the sentence a third down the view as the reader scrolls. */
  gboolean follow_caret;
  guint scroll_idle;
  guint layout_waits; /* looks for a reading position not laid out yet */
  GtkAdjustment *reader_vadj;
};

G_DEFINE_FINAL_TYPE (PxComparePanel, px_compare_panel, GTK_TYPE_WIDGET)

static void update_passage (PxComparePanel *self, gboolean force);

enum
{
  OPEN_DOCUMENT,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
set_state (PxComparePanel *self, const char *state)
{
  gboolean loading = g_str_equal (state, "loading");

  gtk_stack_set_visible_child_name (self->state_stack, state);
  if (loading)
    gtk_spinner_start (self->loading_spinner);
  else
    gtk_spinner_stop (self->loading_spinner);
}

static void set_header_busy (PxComparePanel *self, gboolean busy);

/* Forgets a comparison being computed: its answer will be dropped. */
static void
stop_load (PxComparePanel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading_event = 0;
  set_header_busy (self, FALSE);
}

static void
set_header_busy (PxComparePanel *self, gboolean busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->header_spinner), busy);
  if (busy)
    gtk_spinner_start (self->header_spinner);
  else
    gtk_spinner_stop (self->header_spinner);
}

/* --- views ----------------------------------------------------------------- */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
make_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void jump_to (PxComparePanel *self, gint64 document_id, guint start, guint end);

static void
on_passage_activated (PxComparePanel *self, gint64 document_id, guint start, guint end)
{
  jump_to (self, document_id, start, end);
}

static void
on_claim_row_activated (GtkListBox *list, GtkListBoxRow *row, PxComparePanel *self)
{
  gint64 *where = g_object_get_data (G_OBJECT (row), "px-passage");

  if (where != NULL)
    jump_to (self, where[0], (guint)where[1], (guint)where[2]);
}

static GtkWidget *
claim_row (PxComparePanel *self, const PxComparePassage *p, const char *caption)
{
  const PxCompareDocument *doc = px_event_comparison_get_document (self->comparison, p->doc);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gint64 *where = g_new (gint64, 3);

  gtk_box_append (GTK_BOX (box), make_label (p->text, NULL));
  if (caption != NULL)
    gtk_box_append (GTK_BOX (box), make_label (caption, "dim-label"));
  gtk_widget_add_css_class (box, "claim-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _ ("Open the article at this passage"));
  where[0] = doc->id;
  where[1] = p->start;
  where[2] = p->end;
  g_object_set_data_full (G_OBJECT (row), "px-passage", where, g_free);
  return row;
}

static const PxComparePassage *
reference_of (PxEventComparison *cmp, guint claim)
{
  const PxCompareClaim *c = px_event_comparison_get_claim (cmp, claim);

  for (guint k = 0; k < c->passages->len; k++)
    if (g_array_index (c->passages, PxComparePassage, k).reference)
      return &g_array_index (c->passages, PxComparePassage, k);
  return c->passages->len > 0 ? &g_array_index (c->passages, PxComparePassage, 0) : NULL;
}

static char *
outlets_of_claim (PxEventComparison *cmp, guint claim)
{
  const PxCompareClaim *c = px_event_comparison_get_claim (cmp, claim);
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint k = 0; k < c->passages->len; k++)
    {
      const PxComparePassage *p = &g_array_index (c->passages, PxComparePassage, k);
      const char *name = px_compare_outlet_name (px_event_comparison_get_document (cmp, p->doc));
      if (names->len > 0)
        g_string_append (names, ", ");
      if (p->provenance == PX_PROVENANCE_COPIED && p->source != G_MAXUINT)
        /* TRANSLATORS: an outlet, and the outlet it copied the passage from */
        g_string_append_printf (names, _ ("%s (copied from %s)"), name,
                                px_compare_outlet_name (px_event_comparison_get_document (cmp, p->source)));
      else
        g_string_append (names, name);
    }
  return g_strdup_printf (_ ("Reported by %s"), names->str);
}

static void
add_claim_section (PxComparePanel *self, const char *title, const char *empty, GArray *claims, gboolean own)
{
  GtkWidget *list;

  gtk_box_append (self->unique_box, make_label (title, "heading"));
  if (claims->len == 0)
    {
      gtk_box_append (self->unique_box, make_label (empty, "dim-label"));
      return;
    }
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect (list, "row-activated", G_CALLBACK (on_claim_row_activated), self);
  for (guint k = 0; k < claims->len; k++)
    {
      guint id = g_array_index (claims, guint, k);
      const PxComparePassage *p = own ? px_event_comparison_claim_passage (self->comparison, id, self->doc_index)
                                      : reference_of (self->comparison, id);
      g_autofree char *caption = own ? NULL : outlets_of_claim (self->comparison, id);

      if (p != NULL)
        gtk_list_box_append (GTK_LIST_BOX (list), claim_row (self, p, caption));
    }
  gtk_box_append (self->unique_box, list);
}

static void
update_unique (PxComparePanel *self)
{
  const PxCompareDocument *doc;
  g_autofree char *only = NULL;
  g_autofree char *missing = NULL;

  clear_box (self->unique_box);
  g_clear_pointer (&self->provenance, g_free);
  if (self->comparison == NULL || self->doc_index == G_MAXUINT)
    return;
  doc = px_event_comparison_get_document (self->comparison, self->doc_index);
  /* Where its text came from (docs/provenance.md). */
  self->provenance =
      doc->copy_of != G_MAXUINT
          /* TRANSLATORS: %s is an outlet; then the share of the article's words the outlet wrote itself */
          ? g_strdup_printf (_ ("Copy of %s · own text: %.0f%% of its words"),
                             px_compare_outlet_name (px_event_comparison_get_document (self->comparison, doc->copy_of)),
                             100.0 * doc->original_share)
          /* TRANSLATORS: the share of the article's words the outlet wrote itself (not agency copy, not copied) */
          : g_strdup_printf (_ ("Own text: %.0f%% of its words"), 100.0 * doc->original_share);
  gtk_box_append (self->unique_box, make_label (self->provenance, "dim-label"));
  only = g_strdup_printf (_ ("Only in %s"), px_compare_outlet_name (doc));
  missing = g_strdup_printf (_ ("Left out by %s"), px_compare_outlet_name (doc));
  add_claim_section (self, only, _ ("Everything this article says, another outlet says too."), doc->only_here, TRUE);
  add_claim_section (self, missing, _ ("This article leaves out nothing the others agree on."), doc->missing_here,
                     FALSE);
}

static void
update_views (PxComparePanel *self)
{
  const char *title = self->comparison ? px_event_comparison_get_title (self->comparison) : NULL;

  gtk_label_set_label (self->event_label, title != NULL ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->event_label), title);
  px_quote_view_set_comparison (self->quote_view, self->comparison, self->doc_index);
  gtk_widget_set_visible (self->no_quotes_label,
                          px_quote_view_get_n_speakers (self->quote_view) == 0 &&
                              (self->comparison == NULL || px_event_comparison_get_n_quotes (self->comparison) == 0));
  px_coverage_matrix_set_comparison (self->coverage_matrix, self->comparison, self->doc_index);
  px_timeline_view_set_comparison (self->timeline_view, self->comparison);
  update_unique (self);
  update_passage (self, TRUE);
}

/* --- following the reader -------------------------------------------------- */

static gboolean follow_scroll (gpointer user_data);

static guint
cursor_offset (PxComparePanel *self)
{
  GtkTextIter start, end;

  if (self->buffer == NULL)
    return 0;
  if (!self->follow_caret && self->reader != NULL)
    {
      guint offset = px_reader_view_get_reading_offset (self->reader);

      /* Looked at again once the text is laid out. */
      if (offset == G_MAXUINT && self->scroll_idle == 0 && self->layout_waits++ < 50)
        self->scroll_idle = g_timeout_add (100, follow_scroll, self);
      else if (offset != G_MAXUINT)
        self->layout_waits = 0;
      return offset == G_MAXUINT ? 0 : offset;
    }
  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    gtk_text_buffer_get_iter_at_mark (self->buffer, &start, gtk_text_buffer_get_insert (self->buffer));
  return gtk_text_iter_get_offset (&start);
}

static void
on_card_activate (PxPassageCard *card, PxComparePanel *self)
{
  guint start, end;

  px_passage_card_get_span (card, &start, &end);
  jump_to (self, px_passage_card_get_document_id (card), start, end);
}

/* For each document, its match for the sentence in @matches (or NULL);
 * @reported gets the outlets that report it in at least one article,
 * this article's own outlet included (it is not left out by itself). */
static const PxCompareMatch **
best_per_outlet (PxComparePanel *self, GArray *matches, GHashTable **reported)
{
  guint n = px_event_comparison_get_n_documents (self->comparison);
  const PxCompareMatch **best = g_new0 (const PxCompareMatch *, MAX (n, 1));

  *reported = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (*reported, (gpointer)px_compare_outlet_name (
                                   px_event_comparison_get_document (self->comparison, self->doc_index)));
  for (guint k = 0; k < matches->len; k++)
    {
      const PxCompareMatch *m = &g_array_index (matches, PxCompareMatch, k);
      if (m->other < n)
        best[m->other] = m;
    }
  for (guint d = 0; d < n; d++)
    if (d != self->doc_index && best[d] != NULL && best[d]->label >= PX_MATCH_PARAPHRASE)
      g_hash_table_add (*reported,
                        (gpointer)px_compare_outlet_name (px_event_comparison_get_document (self->comparison, d)));
  return best;
}

static void
update_passage (PxComparePanel *self, gboolean force)
{
  g_autoptr (GHashTable) reported = NULL;
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const PxCompareMatch **best = NULL;
  g_autoptr (GString) missing = g_string_new (NULL);
  g_autoptr (GString) maybe = g_string_new (NULL);
  g_autofree char *sentence_text = NULL;
  g_autofree char *not_reported = NULL;
  const PxSpan *span;
  GArray *matches;
  guint sentence, n;

  if (self->comparison == NULL || self->doc_index == G_MAXUINT)
    return;
  sentence = px_event_comparison_find_sentence (self->comparison, self->doc_index, cursor_offset (self));
  if (sentence == self->sentence && !force)
    return;
  self->sentence = sentence;
  g_debug ("Compare: the Passage view shows sentence %u, from the %s", sentence,
           self->follow_caret ? "caret" : "reading position");
  clear_box (self->cards_box);
  if (sentence == G_MAXUINT)
    {
      gtk_label_set_label (self->sentence_label, _ ("This article has no text to compare."));
      gtk_label_set_label (self->not_reported_label, "");
      return;
    }
  span = &g_array_index (px_event_comparison_get_document (self->comparison, self->doc_index)->sentences, PxSpan,
                         sentence);
  sentence_text = px_event_comparison_slice (self->comparison, self->doc_index, span->start, span->end);
  gtk_label_set_label (self->sentence_label, sentence_text);

  matches = px_event_comparison_get_matches (self->comparison, self->doc_index, sentence);
  n = px_event_comparison_get_n_documents (self->comparison);
  best = best_per_outlet (self, matches, &reported);
  for (guint d = 0; d < n; d++)
    {
      const PxCompareMatch *found = best[d];
      const char *outlet = px_compare_outlet_name (px_event_comparison_get_document (self->comparison, d));

      if (d == self->doc_index)
        continue;
      /* A passage that is only on the same topic does not report this. */
      if (found != NULL && found->label >= PX_MATCH_PARAPHRASE)
        {
          PxPassageCard *card = px_passage_card_new (self->comparison, self->doc_index, found);
          g_signal_connect (card, "activate", G_CALLBACK (on_card_activate), self);
          gtk_box_append (self->cards_box, GTK_WIDGET (card));
        }
      /* An outlet with several articles in the event reported it when any
       * of them did: it is neither "maybe" nor "not reported" then. */
      else if (g_hash_table_contains (reported, outlet))
        continue;
      else if (found != NULL)
        {
          /* A weaker candidate: not an omission to trust. */
          g_autofree char *text = px_event_comparison_slice (self->comparison, d, found->start, found->end);
          if (maybe->len > 0)
            g_string_append_c (maybe, '\n');
          /* Translators: a weaker candidate passage; %.2f is its score (0-1). */
          g_string_append_printf (maybe, _ ("Maybe in %s (score %.2f): “%s”"), outlet, found->score, text);
        }
      /* A copy leaves out what its source leaves out: no outlet of its own. */
      else if (px_compare_independent_document (self->comparison, d) != d)
        continue;
      else if (!g_hash_table_contains (listed, outlet))
        {
          g_hash_table_add (listed, (gpointer)outlet);
          if (missing->len > 0)
            g_string_append (missing, ", ");
          g_string_append (missing, outlet);
        }
    }
  if (missing->len > 0)
    not_reported = g_strdup_printf (_ ("Not reported by %s"), missing->str);
  if (maybe->len > 0)
    {
      char *both = not_reported != NULL ? g_strconcat (not_reported, "\n", maybe->str, NULL) : g_strdup (maybe->str);
      g_free (not_reported);
      not_reported = both;
    }
  gtk_label_set_label (self->not_reported_label, not_reported != NULL ? not_reported : "");
  gtk_widget_set_visible (GTK_WIDGET (self->not_reported_label), not_reported != NULL);
}

static void
on_cursor_moved (PxComparePanel *self)
{
  self->follow_caret = TRUE;
  update_passage (self, FALSE);
}

static void
on_mark_set (GtkTextBuffer *buffer, const GtkTextIter *location, GtkTextMark *mark, PxComparePanel *self)
{
  if (mark == gtk_text_buffer_get_selection_bound (buffer) || mark == gtk_text_buffer_get_insert (buffer))
    {
      self->follow_caret = TRUE;
      update_passage (self, FALSE);
    }
}

static gboolean
follow_scroll (gpointer user_data)
{
  PxComparePanel *self = user_data;

  self->scroll_idle = 0;
  update_passage (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The reader scrolled: the Passage view follows the reading position,
 * unless the scroll is the reader bringing a passage into view. */
static void
on_reader_scrolled (GtkAdjustment *vadj, PxComparePanel *self)
{
  if (self->reader == NULL || px_reader_view_is_scrolling (self->reader))
    return;
  self->follow_caret = FALSE;
  if (self->scroll_idle == 0)
    self->scroll_idle = g_timeout_add (60, follow_scroll, self);
}

/* The reader's text was laid out further: what is a third down moved. */
static void
on_reader_resized (GtkAdjustment *vadj, PxComparePanel *self)
{
  if (!self->follow_caret && self->scroll_idle == 0)
    self->scroll_idle = g_timeout_add (60, follow_scroll, self);
}

static void
watch_buffer (PxComparePanel *self, GtkTextBuffer *buffer)
{
  if (self->buffer == buffer)
    return;
  if (self->buffer != NULL)
    {
      g_clear_signal_handler (&self->cursor_handler, self->buffer);
      g_clear_signal_handler (&self->mark_handler, self->buffer);
      g_clear_object (&self->buffer);
    }
  if (buffer == NULL)
    return;
  self->buffer = g_object_ref (buffer);
  self->cursor_handler =
      g_signal_connect_swapped (buffer, "notify::cursor-position", G_CALLBACK (on_cursor_moved), self);
  self->mark_handler = g_signal_connect (buffer, "mark-set", G_CALLBACK (on_mark_set), self);
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxComparePanel) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean from_cache = FALSE;
  g_autoptr (PxEventComparison) cmp = px_library_compare_finish (PX_LIBRARY (source), result, &from_cache, &error);
  gint64 event_id = self->loading_event;

  /* Replaced by another, or the panel went away: a late answer for
   * another event is dropped. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  self->loading_event = 0;
  set_header_busy (self, FALSE);
  if (cmp == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      set_state (self, "error");
      return;
    }
  g_set_object (&self->comparison, cmp);
  self->doc_index = px_event_comparison_find_document (cmp, self->document_id);
  self->sentence = G_MAXUINT;
  update_views (self);
  set_state (self, "content");
  self->last_load_ms = (g_get_monotonic_time () - self->load_started) / 1000.0;
  self->last_from_cache = from_cache;
  g_debug ("Compare: event %" G_GINT64_FORMAT " shown in %.1f ms (%s), %u articles", event_id, self->last_load_ms,
           from_cache ? "cached" : "computed", px_event_comparison_get_n_documents (cmp));
}

static void
start_load (PxComparePanel *self, gint64 event_id, gboolean keep_content)
{
  stop_load (self);
  self->loading_event = event_id;
  self->load_started = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();

  px_library_compare_async (self->library, event_id, self->cancellable, load_done, g_object_ref (self));

  if (keep_content)
    set_header_busy (self, TRUE);
  else
    set_state (self, "loading");
}

static void update_back_button (PxComparePanel *self);

/* Back never leads to an article that is gone. */
static void
forget_missing_places (PxComparePanel *self, PxStore *store)
{
  for (guint i = self->history->len; i-- > 0;)
    {
      g_autoptr (PxDocumentInfo) info =
          store ? px_store_get_document_info (store, g_array_index (self->history, Place, i).document_id, NULL) : NULL;
      if (info == NULL)
        g_array_remove_index (self->history, i);
    }
  update_back_button (self);
}

/* Looks at what the reader shows and what the library says about its
 * event, and brings the panel in line, computing in the background. */
static void
refresh (PxComparePanel *self, gboolean library_changed)
{
  PxDocument *doc = self->library ? px_library_get_document (self->library) : NULL;
  PxStore *store = self->library ? px_library_get_store (self->library) : NULL;
  g_autoptr (PxDocumentInfo) info = NULL;
  g_autoptr (PxEventInfo) event = NULL;
  gboolean same_event;

  watch_buffer (self, self->reader ? gtk_text_view_get_buffer (px_reader_view_get_text_view (self->reader)) : NULL);
  if (library_changed)
    forget_missing_places (self, store);
  if (doc == NULL || store == NULL)
    {
      stop_load (self);
      /* An article of it may have gone (deleted): the next opened must
       * not be shown against the old comparison. */
      if (library_changed)
        g_clear_object (&self->comparison);
      self->document_id = 0;
      gtk_label_set_label (self->event_label, "");
      set_state (self, "none");
      return;
    }
  if (self->document_id != px_document_get_id (doc))
    self->follow_caret = FALSE;
  self->document_id = px_document_get_id (doc);
  info = px_store_get_document_info (store, self->document_id, NULL);
  if (info != NULL && info->event_id > 0)
    event = px_store_get_event (store, info->event_id, NULL);
  if (event == NULL || event->documents->len < 2)
    {
      stop_load (self);
      gtk_label_set_label (self->event_label, event != NULL ? event->title : "");
      set_state (self, "single");
      return;
    }

  same_event = self->comparison != NULL && px_event_comparison_get_event_id (self->comparison) == event->id &&
               px_event_comparison_get_n_documents (self->comparison) == event->documents->len;
  if (same_event && !library_changed)
    {
      /* Another article of the event shown: no new comparison. */
      self->doc_index = px_event_comparison_find_document (self->comparison, self->document_id);
      self->sentence = G_MAXUINT;
      if (self->loading_event != event->id)
        {
          update_views (self);
          set_state (self, "content");
        }
      return;
    }
  if (self->loading_event == event->id && !library_changed)
    return;
  /* The cache answers at once when nothing changed; until then the
   * old comparison of the same event stays readable. */
  start_load (self, event->id, same_event && g_str_equal (px_compare_panel_get_state (self), "content"));
}

static void
on_document_changed (PxComparePanel *self)
{
  refresh (self, FALSE);
}

static void
on_library_changed (PxComparePanel *self)
{
  refresh (self, TRUE);
}

/* --- opening passages, and Back -------------------------------------------- */

/* Opens @document_id with [start, end) selected, as a reader expects:
 * centred and marked for a moment, or at @scroll when it is >= 0. */
static void
show_place (PxComparePanel *self, gint64 document_id, guint start, guint end, double scroll)
{
  PxReaderView *reader = self->reader;
  GtkTextView *view = px_reader_view_get_text_view (reader);
  GtkTextBuffer *buffer;
  GtkTextIter a, b;
  PxDocument *doc = px_library_get_document (self->library);

  if (doc == NULL || px_document_get_id (doc) != document_id)
    g_signal_emit (self, signals[OPEN_DOCUMENT], 0, document_id);
  doc = px_library_get_document (self->library);
  if (doc == NULL || px_document_get_id (doc) != document_id)
    return;
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  /* After the new text is laid out. */
  if (scroll >= 0)
    px_reader_view_set_scroll (reader, scroll);
  else
    px_reader_view_show_range (reader, start, end, TRUE);
}

static void
update_back_button (PxComparePanel *self)
{
  gboolean can = self->history->len > 0;

  gtk_widget_set_visible (self->back_button, can);
  if (can)
    {
      const Place *last = &g_array_index (self->history, Place, self->history->len - 1);
      PxStore *store = px_library_get_store (self->library);
      g_autoptr (PxDocumentInfo) info = store ? px_store_get_document_info (store, last->document_id, NULL) : NULL;
      g_autofree char *tip = g_strdup_printf (_ ("Back to “%s”"), info != NULL && info->outlet != NULL ? info->outlet
                                                                  : info != NULL                       ? info->title
                                                                                                       : "");
      gtk_widget_set_tooltip_text (self->back_button, tip);
    }
}

static void
jump_to (PxComparePanel *self, gint64 document_id, guint start, guint end)
{
  Place here = { self->document_id, cursor_offset (self), 0 };

  if (self->library == NULL)
    return;
  here.scroll = px_reader_view_get_scroll (self->reader);
  if (here.document_id > 0)
    g_array_append_val (self->history, here);
  show_place (self, document_id, start, end, -1);
  update_back_button (self);
}

void
px_compare_panel_go_back (PxComparePanel *self)
{
  Place place;

  g_return_if_fail (PX_IS_COMPARE_PANEL (self));
  if (self->history->len == 0 || self->library == NULL)
    return;
  place = g_array_index (self->history, Place, self->history->len - 1);
  g_array_set_size (self->history, self->history->len - 1);
  show_place (self, place.document_id, place.offset, place.offset, place.scroll);
  update_back_button (self);
}

static void
on_back_clicked (PxComparePanel *self)
{
  px_compare_panel_go_back (self);
}

/* --- life cycle ------------------------------------------------------------ */

/* Cards made while the panel was hidden were measured for no width, and
 * the first showing drew them over the "not reported" line: they are made
 * again for the width the panel has now. */
static void
px_compare_panel_map (GtkWidget *widget)
{
  PxComparePanel *self = PX_COMPARE_PANEL (widget);

  GTK_WIDGET_CLASS (px_compare_panel_parent_class)->map (widget);
  if (self->comparison != NULL && self->doc_index != G_MAXUINT)
    update_passage (self, TRUE);
}

static void
px_compare_panel_dispose (GObject *object)
{
  PxComparePanel *self = PX_COMPARE_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  watch_buffer (self, NULL);
  if (self->reader_vadj != NULL)
    g_signal_handlers_disconnect_by_data (self->reader_vadj, self);
  g_clear_object (&self->reader_vadj);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_object (&self->reader);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_COMPARE_PANEL);
  g_clear_object (&self->comparison);
  G_OBJECT_CLASS (px_compare_panel_parent_class)->dispose (object);
}

static void
px_compare_panel_finalize (GObject *object)
{
  g_free (PX_COMPARE_PANEL (object)->provenance);
  g_array_unref (PX_COMPARE_PANEL (object)->history);
  G_OBJECT_CLASS (px_compare_panel_parent_class)->finalize (object);
}

static void
px_compare_panel_class_init (PxComparePanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_compare_panel_dispose;
  G_OBJECT_CLASS (klass)->finalize = px_compare_panel_finalize;
  widget_class->map = px_compare_panel_map;

  g_type_ensure (PX_TYPE_QUOTE_VIEW);
  g_type_ensure (PX_TYPE_COVERAGE_MATRIX);
  g_type_ensure (PX_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-compare-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, root);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, back_button);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, event_label);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, header_spinner);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, state_stack);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, single_page);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, error_page);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, cards_box);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, not_reported_label);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, quote_view);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, no_quotes_label);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, unique_box);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, coverage_matrix);
  gtk_widget_class_bind_template_child (widget_class, PxComparePanel, timeline_view);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_passage_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparepanel");

  signals[OPEN_DOCUMENT] = g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
px_compare_panel_init (PxComparePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->history = g_array_new (FALSE, FALSE, sizeof (Place));
  self->doc_index = G_MAXUINT;
  self->sentence = G_MAXUINT;
}

PxComparePanel *
px_compare_panel_new (PxLibrary *library, PxReaderView *reader)
{
  PxComparePanel *self;

  g_return_val_if_fail (PX_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PX_IS_READER_VIEW (reader), NULL);
  self = g_object_new (PX_TYPE_COMPARE_PANEL, NULL);
  self->library = g_object_ref (library);
  self->reader = g_object_ref (reader);
  g_signal_connect_swapped (library, "notify::document", G_CALLBACK (on_document_changed), self);
  g_signal_connect_swapped (library, "changed", G_CALLBACK (on_library_changed), self);
  self->reader_vadj = g_object_ref (px_reader_view_get_vadjustment (reader));
  g_signal_connect (self->reader_vadj, "value-changed", G_CALLBACK (on_reader_scrolled), self);
  g_signal_connect (self->reader_vadj, "changed", G_CALLBACK (on_reader_resized), self);
  refresh (self, FALSE);
  return self;
}

gboolean
px_compare_panel_is_loading (PxComparePanel *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PANEL (self), FALSE);
  return self->cancellable != NULL;
}

PxEventComparison *
px_compare_panel_get_comparison (PxComparePanel *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PANEL (self), NULL);
  return self->comparison;
}

GList *
px_compare_panel_get_cards (PxComparePanel *self)
{
  GList *cards = NULL;

  g_return_val_if_fail (PX_IS_COMPARE_PANEL (self), NULL);
  for (GtkWidget *c = gtk_widget_get_last_child (GTK_WIDGET (self->cards_box)); c; c = gtk_widget_get_prev_sibling (c))
    cards = g_list_prepend (cards, c);
  return cards;
}

const char *
px_compare_panel_get_sentence (PxComparePanel *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PANEL (self), NULL);
  return gtk_label_get_label (self->sentence_label);
}

const char *
px_compare_panel_get_not_reported (PxComparePanel *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PANEL (self), NULL);
  return gtk_label_get_label (self->not_reported_label);
}

const char *
px_compare_panel_get_provenance (PxComparePanel *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PANEL (self), NULL);
  return self->provenance;
}

const char *
px_compare_panel_get_state (PxComparePanel *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PANEL (self), NULL);
  return gtk_stack_get_visible_child_name (self->state_stack);
}

void
px_compare_panel_set_view (PxComparePanel *self, const char *name)
{
  g_return_if_fail (PX_IS_COMPARE_PANEL (self));
  gtk_stack_set_visible_child_name (self->view_stack, name);
}

gboolean
px_compare_panel_can_go_back (PxComparePanel *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PANEL (self), FALSE);
  return self->history->len > 0;
}

double
px_compare_panel_get_last_load_ms (PxComparePanel *self, gboolean *from_cache)
{
  g_return_val_if_fail (PX_IS_COMPARE_PANEL (self), 0);
  if (from_cache != NULL)
    *from_cache = self->last_from_cache;
  return self->last_load_ms;
}
