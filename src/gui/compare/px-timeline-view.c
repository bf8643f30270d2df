/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/compare/px-timeline-view.h"

#include <glib/gi18n.h>

#include "compare/px-publication-time.h"
#include "gui/common/px-compat.h"
#include "gui/common/px-format.h"
#include "gui/compare/px-passage-card.h"

/* Geometry, in pixels. A column is wide enough for its time written on
 * two or three lines; its marks wrap in rows. */
#define LANE_WIDTH_MAX 130
#define COLUMN 100
#define MARK 18
#define MARK_GAP 4
#define CELL_PAD 8
#define LANE_MIN 30

typedef struct
{
  guint doc;
  guint lane;
  PxPublicationTime *when;
  char *label;
  GtkWidget *label_widget;
} Column;

typedef struct
{
  char *name;
  GtkWidget *label_widget;
  int height; /* set by size_allocate's caller, measure_lanes() */
} Lane;

/* A claim's mark, or a quotation's: @claim is then the number of claims
 * plus the quote group (one key for "the same item" in both), @quote the
 * index of the quote. */
typedef struct
{
  guint claim;
  guint quote; /* G_MAXUINT for a claim's mark */
  guint doc;
  guint column;
  guint lane;
  guint slot; /* position in its cell */
  PxTimelineMarkKind kind;
  GtkWidget *button;
} Mark;

struct _PxTimelineView
{
  GtkWidget parent_instance;

  PxEventComparison *comparison;
  GArray *columns; /* Column, in order of publication */
  GArray *lanes;   /* Lane */
  GArray *marks;   /* Mark, by column then claim */
  guint active_claim;
  int lane_width;
  int header;

  GtkWidget *popover;
  GtkWidget *popover_heading;
  GtkWidget *popover_text;
  GtkWidget *popover_leaves_out;
  guint popover_mark;
};

G_DEFINE_FINAL_TYPE (PxTimelineView, px_timeline_view, GTK_TYPE_WIDGET)

enum
{
  PASSAGE_ACTIVATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
column_clear (gpointer data)
{
  Column *c = data;

  px_publication_time_free (c->when);
  g_free (c->label);
  g_clear_pointer (&c->label_widget, gtk_widget_unparent);
}

static void
lane_clear (gpointer data)
{
  Lane *l = data;

  g_free (l->name);
  g_clear_pointer (&l->label_widget, gtk_widget_unparent);
}

static void
mark_clear (gpointer data)
{
  Mark *m = data;

  g_clear_pointer (&m->button, gtk_widget_unparent);
}

/* --- what is shown ---------------------------------------------------------- */

static char *
format_when (const PxPublicationTime *when)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *date = NULL;

  switch (when->kind)
    {
    case PX_PUBLICATION_TIME:
      /* Translators: publication date and time with the publisher's UTC
       * offset, see g_date_time_format(). */
      return g_date_time_format (when->at, _ ("%-d %b %Y\n%H:%M (UTC%:z)"));
    case PX_PUBLICATION_DATE:
      return px_format_date (when->date, PX_DATE_SHORT);
    case PX_PUBLICATION_IMPORTED:
      utc = g_date_time_to_utc (when->at);
      /* Translators: an article without publication date is placed at the
       * time it was imported; see g_date_time_format(). */
      date = g_date_time_format (utc, _ ("%-d %b %Y\n%H:%M UTC"));
      /* Translators: %s is the import date and time of an undated article. */
      return g_strdup_printf (_ ("%s\nimport time (no publication date)"), date);
    case PX_PUBLICATION_UNKNOWN:
    default:
      return g_strdup (_ ("No date"));
    }
}

static int
compare_columns (gconstpointer a, gconstpointer b)
{
  const Column *x = a, *y = b;
  int c = px_publication_time_compare (x->when, y->when);

  return c != 0 ? c : (x->doc > y->doc) - (x->doc < y->doc);
}

static const char *
doc_outlet (PxTimelineView *self, guint doc)
{
  return px_compare_outlet_name (px_event_comparison_get_document (self->comparison, doc));
}

static PxTimelineMarkKind
mark_kind (const PxCompareClaim *claim, const PxComparePassage *p)
{
  if (p->doc == claim->first_document)
    return PX_TIMELINE_FIRST;
  if (p->provenance == PX_PROVENANCE_COPIED)
    return PX_TIMELINE_COPIED;
  return p->label >= PX_MATCH_CLOSE ? PX_TIMELINE_SAME : PX_TIMELINE_REWORDED;
}

static const char *
kind_css (PxTimelineMarkKind kind)
{
  switch (kind)
    {
    case PX_TIMELINE_FIRST:
      return "first";
    case PX_TIMELINE_SAME:
      return "same";
    case PX_TIMELINE_COPIED:
      return "copied";
    case PX_TIMELINE_QUOTE_FIRST:
      return "first";
    case PX_TIMELINE_QUOTE_SAME:
      return "same";
    case PX_TIMELINE_QUOTE_CHANGED:
    case PX_TIMELINE_REWORDED:
    default:
      return "reworded";
    }
}

static const char *
kind_display (PxTimelineMarkKind kind)
{
  switch (kind)
    {
    case PX_TIMELINE_FIRST:
      return _ ("First report");
    case PX_TIMELINE_SAME:
      return _ ("Same words as the first report");
    case PX_TIMELINE_COPIED:
      return _ ("Copied from an earlier article");
    case PX_TIMELINE_QUOTE_FIRST:
      return _ ("First report of the quotation");
    case PX_TIMELINE_QUOTE_SAME:
      return _ ("Quotation as others report it");
    case PX_TIMELINE_QUOTE_CHANGED:
      return _ ("Quotation changed (cut, merged or reworded)");
    case PX_TIMELINE_REWORDED:
    default:
      return _ ("Reworded");
    }
}

static gboolean
is_quote_kind (PxTimelineMarkKind kind)
{
  return kind == PX_TIMELINE_QUOTE_FIRST || kind == PX_TIMELINE_QUOTE_SAME || kind == PX_TIMELINE_QUOTE_CHANGED;
}

static Column *
column_of_doc (PxTimelineView *self, guint doc)
{
  for (guint c = 0; c < self->columns->len; c++)
    if (g_array_index (self->columns, Column, c).doc == doc)
      return &g_array_index (self->columns, Column, c);
  return NULL;
}

static char *
one_line (const char *text)
{
  char *copy = g_strdup (text);

  g_strdelimit (copy, "\n", ' ');
  return copy;
}

/* @text cut at a word after at most @max characters, "…" added. */
static char *
shorten (const char *text, glong max)
{
  g_autofree char *head = NULL;
  const char *cut, *space;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  cut = g_utf8_offset_to_pointer (text, max);
  space = g_utf8_strrchr (text, cut - text, ' ');
  head = g_strndup (text, (space != NULL ? space : cut) - text);
  return g_strconcat (head, "…", NULL);
}

static void on_mark_clicked (GtkButton *button, PxTimelineView *self);
static void on_mark_focus (GtkWidget *button, GParamSpec *pspec, PxTimelineView *self);
static void on_mark_enter (GtkEventControllerMotion *motion, double x, double y, PxTimelineView *self);

/* Makes @m's button, with @text as its wording, and keeps @m. */
static void
add_mark_button (PxTimelineView *self, Mark *m, const char *text)
{
  Column *col = &g_array_index (self->columns, Column, m->column);
  g_autofree char *when = one_line (col->label);
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *short_text = shorten (text, 90);
  GtkEventController *motion;

  m->button = gtk_button_new ();
  gtk_widget_add_css_class (m->button, "timeline-mark");
  gtk_widget_add_css_class (m->button, kind_css (m->kind));
  if (is_quote_kind (m->kind))
    gtk_widget_add_css_class (m->button, "quote");
  /* Translators: a mark of the timeline: outlet, time, what the mark
   * means ("First report", "Reworded"…), then the wording. */
  description = g_strdup_printf (_ ("%s, %s: %s\n%s"), doc_outlet (self, m->doc), when, kind_display (m->kind), text);
  /* The tooltip keeps to a few lines; the accessible label has it all. */
  tooltip = g_strdup_printf (_ ("%s, %s: %s\n%s"), doc_outlet (self, m->doc), when, kind_display (m->kind), short_text);
  gtk_widget_set_tooltip_text (m->button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (m->button), "px-mark", GUINT_TO_POINTER (self->marks->len + 1));
  g_signal_connect (m->button, "clicked", G_CALLBACK (on_mark_clicked), self);
  g_signal_connect (m->button, "notify::has-focus", G_CALLBACK (on_mark_focus), self);
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_mark_enter), self);
  gtk_widget_add_controller (m->button, motion);
  gtk_widget_insert_before (m->button, GTK_WIDGET (self), self->popover);
  g_array_append_val (self->marks, *m);
}

static void
add_mark (PxTimelineView *self, guint claim_index, const PxComparePassage *p, guint column, guint slot)
{
  const PxCompareClaim *claim = px_event_comparison_get_claim (self->comparison, claim_index);
  Column *col = &g_array_index (self->columns, Column, column);
  Mark m = { claim_index, G_MAXUINT, p->doc, column, col->lane, slot, mark_kind (claim, p), NULL };

  add_mark_button (self, &m, p->text);
}

/* The mark of quote @index; quoted, so that it reads as a quotation. */
static void
add_quote_mark (PxTimelineView *self, guint index, guint column, guint slot)
{
  const PxCompareQuote *q = px_event_comparison_get_quote (self->comparison, index);
  Column *col = &g_array_index (self->columns, Column, column);
  g_autofree char *text = g_strdup_printf ("“%s”", q->text);
  Mark m = { px_event_comparison_get_n_claims (self->comparison) + q->group,
             index,
             q->doc,
             column,
             col->lane,
             slot,
             q->doc == q->first_document ? PX_TIMELINE_QUOTE_FIRST
             : q->drift == 0             ? PX_TIMELINE_QUOTE_SAME
                                         : PX_TIMELINE_QUOTE_CHANGED,
             NULL };

  add_mark_button (self, &m, text);
}

/* How many documents carry each quote group (guint per group). The
 * quotes come document by document, so a group's documents are counted
 * as they change. */
static GArray *
quote_group_sizes (PxEventComparison *cmp)
{
  GArray *sizes = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr (GArray) last_doc = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint i = 0; i < px_event_comparison_get_n_quotes (cmp); i++)
    {
      const PxCompareQuote *q = px_event_comparison_get_quote (cmp, i);

      if (q->group >= sizes->len)
        {
          guint from = last_doc->len;

          g_array_set_size (sizes, q->group + 1);
          g_array_set_size (last_doc, q->group + 1);
          for (guint g = from; g < last_doc->len; g++)
            g_array_index (last_doc, guint, g) = G_MAXUINT;
        }
      if (g_array_index (last_doc, guint, q->group) != q->doc)
        {
          g_array_index (last_doc, guint, q->group) = q->doc;
          g_array_index (sizes, guint, q->group)++;
        }
    }
  return sizes;
}

static void
rebuild (PxTimelineView *self)
{
  guint n;
  g_autoptr (GHashTable) lane_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) sizes = NULL;

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->columns, 0);
  g_array_set_size (self->lanes, 0);
  self->active_claim = G_MAXUINT;
  self->popover_mark = G_MAXUINT;
  if (self->comparison == NULL)
    {
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  n = px_event_comparison_get_n_documents (self->comparison);
  for (guint d = 0; d < n; d++)
    {
      PxDocument *source = px_event_comparison_get_source (self->comparison, d);
      const PxCompareDocument *doc = px_event_comparison_get_document (self->comparison, d);
      Column c = { d, 0, px_publication_time_new (doc->published, source ? px_document_get_imported (source) : NULL),
                   NULL, NULL };
      g_array_append_val (self->columns, c);
    }
  g_array_sort (self->columns, compare_columns);

  /* Lanes in order of each outlet's first article. */
  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *col = &g_array_index (self->columns, Column, c);
      const char *outlet = doc_outlet (self, col->doc);
      gpointer lane;

      if (!g_hash_table_lookup_extended (lane_of, outlet, NULL, &lane))
        {
          Lane l = { g_strdup (outlet), gtk_label_new (outlet), 0 };

          lane = GUINT_TO_POINTER (self->lanes->len);
          gtk_label_set_xalign (GTK_LABEL (l.label_widget), 0);
          gtk_label_set_ellipsize (GTK_LABEL (l.label_widget), PANGO_ELLIPSIZE_END);
          gtk_widget_set_tooltip_text (l.label_widget, outlet);
          gtk_widget_add_css_class (l.label_widget, "timeline-lane");
          gtk_widget_insert_before (l.label_widget, GTK_WIDGET (self), NULL);
          g_array_append_val (self->lanes, l);
          g_hash_table_insert (lane_of, (gpointer)outlet, lane);
        }
      col->lane = GPOINTER_TO_UINT (lane);
      col->label = format_when (col->when);
      col->label_widget = gtk_label_new (col->label);
      gtk_label_set_wrap (GTK_LABEL (col->label_widget), TRUE);
      gtk_label_set_justify (GTK_LABEL (col->label_widget), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (col->label_widget, "caption");
      if (col->when->kind == PX_PUBLICATION_IMPORTED)
        {
          gtk_widget_add_css_class (col->label_widget, "warning");
          gtk_widget_set_tooltip_text (col->label_widget,
                                       _ ("This article gives no publication date: it is placed at the time it was "
                                          "imported (import-time fallback)."));
        }
      else
        gtk_widget_add_css_class (col->label_widget, "dim-label");
      gtk_widget_insert_before (col->label_widget, GTK_WIDGET (self), NULL);
    }

  /* Marks: the claims reported by more than one article, most widely
   * reported first (the comparison's order), in each article's cell. */
  sizes = quote_group_sizes (self->comparison);
  for (guint c = 0; c < self->columns->len; c++)
    {
      guint doc = g_array_index (self->columns, Column, c).doc;
      guint slot = 0;

      for (guint k = 0; k < px_event_comparison_get_n_claims (self->comparison); k++)
        {
          const PxCompareClaim *claim = px_event_comparison_get_claim (self->comparison, k);
          const PxComparePassage *p = px_event_comparison_claim_passage (self->comparison, k, doc);

          if (p != NULL && claim->n_documents >= 2)
            add_mark (self, k, p, c, slot++);
        }
      /* Then the quotations another article carries too: the first
       * quote of each group in this article. */
      for (guint i = 0; i < px_event_comparison_get_n_quotes (self->comparison); i++)
        {
          const PxCompareQuote *q = px_event_comparison_get_quote (self->comparison, i);

          if (q->doc == doc && g_array_index (sizes, guint, q->group) >= 2 &&
              px_timeline_view_get_quote_mark (self, q->group, doc) == NULL)
            add_quote_mark (self, i, c, slot++);
        }
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* --- layout and drawing ------------------------------------------------------ */

static int
per_row (void)
{
  return (COLUMN - 2 * CELL_PAD + MARK_GAP) / (MARK + MARK_GAP);
}

/* Lane heights (kept in the lanes), the header's and the lane labels'
 * width; returns the total height. */
static int
measure_lanes (PxTimelineView *self)
{
  int total;

  self->lane_width = 0;
  for (guint l = 0; l < self->lanes->len; l++)
    {
      Lane *lane = &g_array_index (self->lanes, Lane, l);
      int nat;

      gtk_widget_measure (lane->label_widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
      self->lane_width = MAX (self->lane_width, MIN (nat, LANE_WIDTH_MAX));
      lane->height = LANE_MIN;
    }
  self->lane_width += 12;
  self->header = 0;
  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *col = &g_array_index (self->columns, Column, c);
      int nat;

      gtk_widget_measure (col->label_widget, GTK_ORIENTATION_VERTICAL, COLUMN - 8, NULL, &nat, NULL, NULL);
      self->header = MAX (self->header, nat + 6);
    }
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *m = &g_array_index (self->marks, Mark, i);
      Lane *lane = &g_array_index (self->lanes, Lane, m->lane);
      int rows = (int)m->slot / per_row () + 1;

      lane->height = MAX (lane->height, rows * (MARK + MARK_GAP) - MARK_GAP + 2 * CELL_PAD);
    }
  total = self->header;
  for (guint l = 0; l < self->lanes->len; l++)
    total += g_array_index (self->lanes, Lane, l).height;
  return total;
}

static int
lane_top (PxTimelineView *self, guint lane)
{
  int y = self->header;

  for (guint l = 0; l < lane; l++)
    y += g_array_index (self->lanes, Lane, l).height;
  return y;
}

static void
mark_rect (PxTimelineView *self, const Mark *m, GdkRectangle *rect)
{
  int row = (int)m->slot / per_row ();
  int col = (int)m->slot % per_row ();

  rect->x = self->lane_width + (int)m->column * COLUMN + CELL_PAD + col * (MARK + MARK_GAP);
  rect->y = lane_top (self, m->lane) + CELL_PAD + row * (MARK + MARK_GAP);
  rect->width = MARK;
  rect->height = MARK;
}

static void
px_timeline_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                          int *minimum_baseline, int *natural_baseline)
{
  PxTimelineView *self = PX_TIMELINE_VIEW (widget);
  int height = measure_lanes (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->lane_width + (int)self->columns->len * COLUMN;
  else
    *minimum = *natural = height;
}

static void
px_timeline_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  PxTimelineView *self = PX_TIMELINE_VIEW (widget);

  measure_lanes (self);
  for (guint l = 0; l < self->lanes->len; l++)
    {
      Lane *lane = &g_array_index (self->lanes, Lane, l);
      GtkAllocation a = { 4, lane_top (self, l), self->lane_width - 8, MIN (lane->height, LANE_MIN) };

      gtk_widget_size_allocate (lane->label_widget, &a, -1);
    }
  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *col = &g_array_index (self->columns, Column, c);
      GtkAllocation a = { self->lane_width + (int)c * COLUMN + 4, 0, COLUMN - 8, self->header - 6 };

      gtk_widget_size_allocate (col->label_widget, &a, -1);
    }
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *m = &g_array_index (self->marks, Mark, i);
      GdkRectangle r;
      int min_w, min_h;

      mark_rect (self, m, &r);
      /* The theme decides a button's least size: keep its centre. */
      gtk_widget_measure (m->button, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (m->button, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      r.x -= (MAX (min_w, MARK) - MARK) / 2;
      r.y -= (MAX (min_h, MARK) - MARK) / 2;
      r.width = MAX (min_w, MARK);
      r.height = MAX (min_h, MARK);
      gtk_widget_size_allocate (m->button, &r, -1);
    }
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
px_timeline_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PxTimelineView *self = PX_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, accent, faint, guide;

  px_widget_get_color (widget, &fg);
  px_widget_get_accent_bg (widget, &fg, &accent);
  faint = fg;
  faint.alpha *= 0.05;
  guide = fg;
  guide.alpha *= 0.15;

  /* Lanes striped, columns ruled. */
  for (guint l = 0; l < self->lanes->len; l += 2)
    gtk_snapshot_append_color (
        snapshot, &faint,
        &GRAPHENE_RECT_INIT (0, lane_top (self, l), width, g_array_index (self->lanes, Lane, l).height));
  for (guint c = 0; c <= self->columns->len; c++)
    gtk_snapshot_append_color (
        snapshot, &guide,
        &GRAPHENE_RECT_INIT (self->lane_width + c * COLUMN, self->header, 1, MAX (height - self->header, 0)));

  /* The claim pointed at or focused: its marks joined, first report to
   * last, so its path through the outlets shows. */
  if (self->active_claim != G_MAXUINT)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gboolean started = FALSE;

      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2);
      for (guint i = 0; i < self->marks->len; i++)
        {
          Mark *m = &g_array_index (self->marks, Mark, i);
          GdkRectangle r;

          if (m->claim != self->active_claim)
            continue;
          mark_rect (self, m, &r);
          if (started)
            cairo_line_to (cr, r.x + r.width / 2.0, r.y + r.height / 2.0);
          else
            cairo_move_to (cr, r.x + r.width / 2.0, r.y + r.height / 2.0);
          started = TRUE;
        }
      cairo_stroke (cr);
      cairo_destroy (cr);
    }
  GTK_WIDGET_CLASS (px_timeline_view_parent_class)->snapshot (widget, snapshot);
}

/* --- marks ------------------------------------------------------------------ */

static Mark *
mark_of (PxTimelineView *self, GtkWidget *button, guint *index)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "px-mark"));

  if (i == 0 || i > self->marks->len || g_array_index (self->marks, Mark, i - 1).button != button)
    return NULL;
  if (index != NULL)
    *index = i - 1;
  return &g_array_index (self->marks, Mark, i - 1);
}

static void
set_active_claim (PxTimelineView *self, guint claim)
{
  if (claim == self->active_claim)
    return;
  self->active_claim = claim;
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *m = &g_array_index (self->marks, Mark, i);
      if (m->claim == claim)
        gtk_widget_add_css_class (m->button, "same-claim");
      else
        gtk_widget_remove_css_class (m->button, "same-claim");
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_mark_focus (GtkWidget *button, GParamSpec *pspec, PxTimelineView *self)
{
  Mark *m = mark_of (self, button, NULL);

  if (m != NULL && gtk_widget_has_focus (button))
    set_active_claim (self, m->claim);
}

static void
on_mark_enter (GtkEventControllerMotion *motion, double x, double y, PxTimelineView *self)
{
  Mark *m = mark_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion)), NULL);

  if (m != NULL)
    set_active_claim (self, m->claim);
}

/* The match of the first report's sentence in @doc: the word diff of what
 * @doc changed. */
static const PxCompareMatch *
match_from_first (PxTimelineView *self, guint claim_index, guint doc)
{
  const PxCompareClaim *claim = px_event_comparison_get_claim (self->comparison, claim_index);
  const PxComparePassage *first =
      px_event_comparison_claim_passage (self->comparison, claim_index, claim->first_document);
  guint sentence;
  GArray *matches;

  if (first == NULL)
    return NULL;
  sentence = px_event_comparison_find_sentence (self->comparison, claim->first_document, first->start);
  if (sentence == G_MAXUINT)
    return NULL;
  matches = px_event_comparison_get_matches (self->comparison, claim->first_document, sentence);
  for (guint k = 0; k < matches->len; k++)
    if (g_array_index (matches, PxCompareMatch, k).other == doc)
      return &g_array_index (matches, PxCompareMatch, k);
  return NULL;
}

/* The popover of a quotation's mark: who quoted it first and when, and
 * the words as this article quotes them. */
static void
show_quote_mark (PxTimelineView *self, const Mark *m)
{
  const PxCompareQuote *q = px_event_comparison_get_quote (self->comparison, m->quote);
  Column *first_col = q->first_document != G_MAXUINT ? column_of_doc (self, q->first_document) : NULL;
  g_autofree char *first_when = first_col != NULL ? one_line (first_col->label) : g_strdup ("");
  g_autofree char *heading = NULL;
  g_autofree char *quoted = g_strdup_printf ("“%s”", q->text);
  g_autofree char *markup = g_markup_escape_text (quoted, -1);

  if (m->kind == PX_TIMELINE_QUOTE_FIRST)
    /* Translators: %s is an outlet, then its publication time. */
    heading = g_strdup_printf (_ ("First report of the quotation: %s, %s"), doc_outlet (self, m->doc), first_when);
  else
    {
      g_autofree char *when = one_line (g_array_index (self->columns, Column, m->column).label);
      /* Translators: this outlet and time; what the mark means; then the
       * outlet that reported the quotation first and when. */
      heading = g_strdup_printf (
          _ ("%s, %s — %s\nFirst quoted by %s, %s"), doc_outlet (self, m->doc), when, kind_display (m->kind),
          q->first_document != G_MAXUINT ? doc_outlet (self, q->first_document) : "", first_when);
    }
  gtk_label_set_label (GTK_LABEL (self->popover_heading), heading);
  gtk_label_set_markup (GTK_LABEL (self->popover_text), markup);
  gtk_label_set_markup (GTK_LABEL (self->popover_leaves_out), "");
  gtk_widget_set_visible (self->popover_leaves_out, FALSE);
}

/* The popover of a claim's mark: who reported it first and when, and
 * this article's wording with what it changed since. */
static void
show_claim_mark (PxTimelineView *self, const Mark *m)
{
  const PxCompareClaim *claim = px_event_comparison_get_claim (self->comparison, m->claim);
  const PxComparePassage *p = px_event_comparison_claim_passage (self->comparison, m->claim, m->doc);
  const PxCompareMatch *match = NULL;
  Column *first_col = column_of_doc (self, claim->first_document);
  g_autofree char *heading = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *leaves = NULL;
  g_autofree char *first_when = first_col != NULL ? one_line (first_col->label) : g_strdup ("");

  if (m->kind == PX_TIMELINE_FIRST)
    /* Translators: %s is an outlet, then its publication time. */
    heading = g_strdup_printf (_ ("First report: %s, %s"), doc_outlet (self, m->doc), first_when);
  else
    {
      g_autofree char *when = one_line (g_array_index (self->columns, Column, m->column).label);
      /* Translators: this outlet and time; what the mark means; then the
       * outlet that reported the claim first and when. */
      heading = g_strdup_printf (_ ("%s, %s — %s\nFirst reported by %s, %s"), doc_outlet (self, m->doc), when,
                                 kind_display (m->kind), doc_outlet (self, claim->first_document), first_when);
      match = match_from_first (self, m->claim, m->doc);
    }
  if (match != NULL)
    {
      markup = px_passage_diff_markup (self->comparison, claim->first_document, match);
      leaves = px_passage_leaves_out_markup (self->comparison, claim->first_document, match);
    }
  else
    markup = g_markup_escape_text (p->text, -1);
  gtk_label_set_label (GTK_LABEL (self->popover_heading), heading);
  gtk_label_set_markup (GTK_LABEL (self->popover_text), markup);
  gtk_label_set_markup (GTK_LABEL (self->popover_leaves_out), leaves != NULL ? leaves : "");
  gtk_widget_set_visible (self->popover_leaves_out, leaves != NULL);
}

void
px_timeline_view_show_mark (PxTimelineView *self, GtkWidget *button)
{
  Mark *m;
  guint index;
  GdkRectangle r;

  g_return_if_fail (PX_IS_TIMELINE_VIEW (self));
  if ((m = mark_of (self, button, &index)) == NULL)
    return;
  if (m->quote != G_MAXUINT)
    show_quote_mark (self, m);
  else
    show_claim_mark (self, m);
  self->popover_mark = index;
  mark_rect (self, m, &r);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &r);
  set_active_claim (self, m->claim);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
on_mark_clicked (GtkButton *button, PxTimelineView *self)
{
  px_timeline_view_show_mark (self, GTK_WIDGET (button));
}

static void
on_open_clicked (GtkButton *button, PxTimelineView *self)
{
  const PxComparePassage *p;
  Mark *m;

  if (self->popover_mark >= self->marks->len)
    return;
  m = &g_array_index (self->marks, Mark, self->popover_mark);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (m->quote != G_MAXUINT)
    {
      const PxCompareQuote *q = px_event_comparison_get_quote (self->comparison, m->quote);

      g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0,
                     px_event_comparison_get_document (self->comparison, m->doc)->id, q->start, q->end);
      return;
    }
  p = px_event_comparison_claim_passage (self->comparison, m->claim, m->doc);
  if (p != NULL)
    g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, px_event_comparison_get_document (self->comparison, m->doc)->id,
                   p->start, p->end);
}

/* --- keyboard ---------------------------------------------------------------- */

/* The mark to go to from @from with @key, or G_MAXUINT. */
static guint
next_mark (PxTimelineView *self, guint from, guint key)
{
  const Mark *m = &g_array_index (self->marks, Mark, from);
  int step = (key == GDK_KEY_Left || key == GDK_KEY_Up) ? -1 : 1;

  if (key == GDK_KEY_Left || key == GDK_KEY_Right)
    {
      /* Along the lane, cell by cell. */
      for (int i = (int)from + step; i >= 0 && i < (int)self->marks->len; i += step)
        if (g_array_index (self->marks, Mark, i).lane == m->lane)
          return (guint)i;
      return G_MAXUINT;
    }
  /* The lane above or below: the same claim there, else its first mark. */
  for (int lane = (int)m->lane + step; lane >= 0 && lane < (int)self->lanes->len; lane += step)
    {
      guint nearest = G_MAXUINT;

      for (guint i = 0; i < self->marks->len; i++)
        {
          const Mark *o = &g_array_index (self->marks, Mark, i);
          if (o->lane != (guint)lane)
            continue;
          if (o->claim == m->claim)
            return i;
          if (nearest == G_MAXUINT)
            nearest = i;
        }
      if (nearest != G_MAXUINT)
        return nearest;
    }
  return G_MAXUINT;
}

/* timeline.move(keyval): Left, Right, Up or Down from the focused mark. */
static void
move_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PxTimelineView *self = PX_TIMELINE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint from, to;

  if (focus == NULL || mark_of (self, focus, &from) == NULL)
    return;
  to = next_mark (self, from, g_variant_get_uint32 (parameter));
  if (to != G_MAXUINT)
    gtk_widget_grab_focus (g_array_index (self->marks, Mark, to).button);
}

/* --- the object ---------------------------------------------------------------- */

static GtkWidget *
popover_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
build_popover (PxTimelineView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *open = gtk_button_new_with_mnemonic (_ ("_Open in Reader"));

  self->popover_heading = popover_label ();
  gtk_widget_add_css_class (self->popover_heading, "heading");
  self->popover_text = popover_label ();
  self->popover_leaves_out = popover_label ();
  gtk_widget_add_css_class (self->popover_leaves_out, "dim-label");
  gtk_widget_set_halign (open, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (open, _ ("Show this passage in its article"));
  g_signal_connect (open, "clicked", G_CALLBACK (on_open_clicked), self);
  gtk_box_append (GTK_BOX (box), self->popover_heading);
  gtk_box_append (GTK_BOX (box), self->popover_text);
  gtk_box_append (GTK_BOX (box), self->popover_leaves_out);
  gtk_box_append (GTK_BOX (box), open);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

static void
px_timeline_view_dispose (GObject *object)
{
  PxTimelineView *self = PX_TIMELINE_VIEW (object);

  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->comparison);
  G_OBJECT_CLASS (px_timeline_view_parent_class)->dispose (object);
}

static void
px_timeline_view_class_init (PxTimelineViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_timeline_view_dispose;
  widget_class->measure = px_timeline_view_measure;
  widget_class->size_allocate = px_timeline_view_size_allocate;
  widget_class->snapshot = px_timeline_view_snapshot;
  signals[PASSAGE_ACTIVATED] = g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                             NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);
  gtk_widget_class_install_action (widget_class, "timeline.move", "u", move_action);
  {
    const guint keys[][2] = {
      { GDK_KEY_Left, GDK_KEY_Left },      { GDK_KEY_KP_Left, GDK_KEY_Left }, { GDK_KEY_Right, GDK_KEY_Right },
      { GDK_KEY_KP_Right, GDK_KEY_Right }, { GDK_KEY_Up, GDK_KEY_Up },        { GDK_KEY_KP_Up, GDK_KEY_Up },
      { GDK_KEY_Down, GDK_KEY_Down },      { GDK_KEY_KP_Down, GDK_KEY_Down },
    };
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      gtk_widget_class_add_binding_action (widget_class, keys[k][0], 0, "timeline.move", "u", keys[k][1]);
  }
  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
px_timeline_view_init (PxTimelineView *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->lanes = g_array_new (FALSE, TRUE, sizeof (Lane));
  g_array_set_clear_func (self->lanes, lane_clear);
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (self->marks, mark_clear);
  self->active_claim = G_MAXUINT;
  self->popover_mark = G_MAXUINT;
  build_popover (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Timeline of the event's articles"), -1);
}

GtkWidget *
px_timeline_view_new (void)
{
  return g_object_new (PX_TYPE_TIMELINE_VIEW, NULL);
}

void
px_timeline_view_set_comparison (PxTimelineView *self, PxEventComparison *comparison)
{
  g_return_if_fail (PX_IS_TIMELINE_VIEW (self));
  g_return_if_fail (comparison == NULL || PX_IS_EVENT_COMPARISON (comparison));
  if (comparison == self->comparison)
    return;
  g_set_object (&self->comparison, comparison);
  rebuild (self);
}

guint
px_timeline_view_get_n_lanes (PxTimelineView *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_VIEW (self), 0);
  return self->lanes->len;
}

const char *
px_timeline_view_get_lane_name (PxTimelineView *self, guint lane)
{
  g_return_val_if_fail (PX_IS_TIMELINE_VIEW (self) && lane < self->lanes->len, NULL);
  return g_array_index (self->lanes, Lane, lane).name;
}

guint
px_timeline_view_get_n_columns (PxTimelineView *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_VIEW (self), 0);
  return self->columns->len;
}

guint
px_timeline_view_get_column_document (PxTimelineView *self, guint column)
{
  g_return_val_if_fail (PX_IS_TIMELINE_VIEW (self) && column < self->columns->len, G_MAXUINT);
  return g_array_index (self->columns, Column, column).doc;
}

const char *
px_timeline_view_get_column_label (PxTimelineView *self, guint column)
{
  g_return_val_if_fail (PX_IS_TIMELINE_VIEW (self) && column < self->columns->len, NULL);
  return g_array_index (self->columns, Column, column).label;
}

GtkWidget *
px_timeline_view_get_mark (PxTimelineView *self, guint claim, guint doc)
{
  g_return_val_if_fail (PX_IS_TIMELINE_VIEW (self), NULL);
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *m = &g_array_index (self->marks, Mark, i);
      if (m->quote == G_MAXUINT && m->claim == claim && m->doc == doc)
        return m->button;
    }
  return NULL;
}

GtkWidget *
px_timeline_view_get_quote_mark (PxTimelineView *self, guint group, guint doc)
{
  g_return_val_if_fail (PX_IS_TIMELINE_VIEW (self), NULL);
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *m = &g_array_index (self->marks, Mark, i);
      if (m->quote != G_MAXUINT && m->doc == doc &&
          px_event_comparison_get_quote (self->comparison, m->quote)->group == group)
        return m->button;
    }
  return NULL;
}

PxTimelineMarkKind
px_timeline_view_get_mark_kind (PxTimelineView *self, GtkWidget *mark)
{
  Mark *m;

  g_return_val_if_fail (PX_IS_TIMELINE_VIEW (self), PX_TIMELINE_REWORDED);
  m = mark_of (self, mark, NULL);
  g_return_val_if_fail (m != NULL, PX_TIMELINE_REWORDED);
  return m->kind;
}

const char *
px_timeline_view_get_popover_markup (PxTimelineView *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_VIEW (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->popover_text));
}

const char *
px_timeline_view_get_popover_heading (PxTimelineView *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_VIEW (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->popover_heading));
}
