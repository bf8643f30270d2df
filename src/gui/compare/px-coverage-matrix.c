/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/compare/px-coverage-matrix.h"

#include <glib/gi18n.h>

#include "gui/common/px-compat.h"
#include "gui/compare/px-passage-card.h"

#define CELL 22       /* height of a row */
#define COLUMN 30     /* width of an outlet's column: room for two capitals */
#define HEADER 28     /* height of the outlet row */
#define GAP 8         /* between the claim text and the cells */
#define MIN_TEXT 80   /* narrowest claim text column */
#define MARK_RADIUS 6 /* of the circle in a cell */

struct _PxCoverageMatrix
{
  GtkWidget parent_instance;

  PxEventComparison *comparison;
  guint current;
};

G_DEFINE_FINAL_TYPE (PxCoverageMatrix, px_coverage_matrix, GTK_TYPE_WIDGET)

enum
{
  PASSAGE_ACTIVATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

PxCoverage
px_coverage_of (PxEventComparison *cmp, guint claim, guint doc)
{
  const PxComparePassage *p = px_event_comparison_claim_passage (cmp, claim, doc);
  const PxCompareClaim *c;

  if (p == NULL)
    return px_event_comparison_claim_maybe (cmp, claim, doc) != NULL ? PX_COVERAGE_MAYBE : PX_COVERAGE_ABSENT;
  c = px_event_comparison_get_claim (cmp, claim);
  /* A claim only one outlet makes is that outlet's own wording. */
  if (c->n_documents < 2 || p->label >= PX_MATCH_CLOSE)
    return PX_COVERAGE_PRESENT;
  return PX_COVERAGE_ALTERED;
}

static guint
n_docs (PxCoverageMatrix *self)
{
  return self->comparison != NULL ? px_event_comparison_get_n_documents (self->comparison) : 0;
}

static guint
n_claims (PxCoverageMatrix *self)
{
  return self->comparison != NULL ? px_event_comparison_get_n_claims (self->comparison) : 0;
}

/* The cells sit at the right; the claim text takes the rest. */
static double
cells_left (PxCoverageMatrix *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  return MAX (width - (double)n_docs (self) * COLUMN, MIN_TEXT + GAP);
}

gboolean
px_coverage_matrix_cell_at (PxCoverageMatrix *self, double x, double y, guint *claim, guint *doc)
{
  double left;
  int col, row;

  g_return_val_if_fail (PX_IS_COVERAGE_MATRIX (self), FALSE);
  left = cells_left (self);
  if (y < HEADER || n_docs (self) == 0)
    return FALSE;
  row = (int)((y - HEADER) / CELL);
  if (row < 0 || (guint)row >= n_claims (self))
    return FALSE;
  *claim = (guint)row;
  if (x < left)
    {
      /* The text of a row stands for its reference wording. */
      *doc = G_MAXUINT;
      return TRUE;
    }
  col = (int)((x - left) / COLUMN);
  if (col < 0 || (guint)col >= n_docs (self))
    return FALSE;
  *doc = (guint)col;
  return TRUE;
}

gboolean
px_coverage_matrix_cell_center (PxCoverageMatrix *self, guint claim, guint doc, double *x, double *y)
{
  g_return_val_if_fail (PX_IS_COVERAGE_MATRIX (self), FALSE);
  if (claim >= n_claims (self) || doc >= n_docs (self))
    return FALSE;
  *x = cells_left (self) + doc * COLUMN + COLUMN / 2.0;
  *y = HEADER + claim * CELL + CELL / 2.0;
  return TRUE;
}

static const PxComparePassage *
reference_passage (PxEventComparison *cmp, guint claim)
{
  const PxCompareClaim *c = px_event_comparison_get_claim (cmp, claim);

  for (guint k = 0; k < c->passages->len; k++)
    if (g_array_index (c->passages, PxComparePassage, k).reference)
      return &g_array_index (c->passages, PxComparePassage, k);
  return c->passages->len > 0 ? &g_array_index (c->passages, PxComparePassage, 0) : NULL;
}

/* Two letters for a column head: initials ("Valley Radio" -> "VR"), or the
 * first letters. Three would not fit a column beside its neighbours. */
static char *
initials (const char *name)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean start = TRUE;

  for (const char *p = name; *p && out->len < 8; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (start && g_unichar_isalnum (c) && g_unichar_isupper (c))
        g_string_append_unichar (out, c);
      start = g_unichar_isspace (c) || c == '-';
    }
  if (g_utf8_strlen (out->str, -1) < 2)
    {
      g_autofree char *two = g_utf8_substring (name, 0, MIN (2, g_utf8_strlen (name, -1)));
      g_string_assign (out, two);
    }
  if (g_utf8_strlen (out->str, -1) > 2)
    {
      g_autofree char *two = g_utf8_substring (out->str, 0, 2);
      g_string_assign (out, two);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
draw_text (GtkSnapshot *snapshot, PangoLayout *layout, double x, double y, const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_circle (GtkSnapshot *snapshot, double cx, double cy, double r, const GdkRGBA *fill, const GdkRGBA *border,
               double border_width)
{
  GskRoundedRect rr;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - r, cy - r, 2 * r, 2 * r);
  float widths[4] = { border_width, border_width, border_width, border_width };
  GdkRGBA colors[4] = { *border, *border, *border, *border };

  gsk_rounded_rect_init_from_rect (&rr, &bounds, r);
  if (fill != NULL)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &rr);
      gtk_snapshot_append_color (snapshot, fill, &bounds);
      gtk_snapshot_pop (snapshot);
    }
  if (border_width > 0)
    gtk_snapshot_append_border (snapshot, &rr, widths, colors);
}

/* Left half filled: said, in other words. */
static void
append_half (GtkSnapshot *snapshot, double cx, double cy, double r, const GdkRGBA *fill)
{
  GskRoundedRect rr;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - r, cy - r, 2 * r, 2 * r);

  float widths[4] = { r, r, r, r };
  GdkRGBA colors[4] = { *fill, *fill, *fill, *fill };

  /* A disc drawn as a border as thick as its radius, cut to its left half
   * by a plain clip: GTK 4.8's GL renderer fills a rounded clip of a color
   * node whole, whatever the node's bounds. */
  gsk_rounded_rect_init_from_rect (&rr, &bounds, r);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (cx - r, cy - r, r, 2 * r));
  gtk_snapshot_append_border (snapshot, &rr, widths, colors);
  gtk_snapshot_pop (snapshot);
  append_circle (snapshot, cx, cy, r, NULL, fill, 1.5);
}

static void
px_coverage_matrix_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PxCoverageMatrix *self = PX_COVERAGE_MATRIX (widget);
  GdkRGBA fg, accent, dim, faint;
  double left = cells_left (self);
  guint n = n_docs (self);
  int width = gtk_widget_get_width (widget);

  if (self->comparison == NULL)
    return;
  px_widget_get_color (widget, &fg);
  px_widget_get_accent_bg (widget, &fg, &accent);
  dim = fg;
  dim.alpha *= 0.55;
  faint = fg;
  faint.alpha *= 0.08;

  /* The column of the document being read. */
  if (self->current < n)
    gtk_snapshot_append_color (
        snapshot, &faint,
        &GRAPHENE_RECT_INIT (left + self->current * COLUMN, 0, COLUMN, HEADER + n_claims (self) * CELL));

  for (guint d = 0; d < n; d++)
    {
      const PxCompareDocument *doc = px_event_comparison_get_document (self->comparison, d);
      g_autofree char *abbrev = initials (px_compare_outlet_name (doc));
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, abbrev);
      int tw, th;

      pango_layout_get_pixel_size (layout, &tw, &th);
      draw_text (snapshot, layout, left + d * COLUMN + (COLUMN - tw) / 2.0, (HEADER - th) / 2.0,
                 d == self->current ? &fg : &dim);
      g_object_unref (layout);
    }

  for (guint c = 0; c < n_claims (self); c++)
    {
      const PxComparePassage *ref = reference_passage (self->comparison, c);
      double y = HEADER + c * CELL;
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, ref != NULL ? ref->text : "");
      int th;

      if (c % 2 == 1)
        gtk_snapshot_append_color (snapshot, &faint, &GRAPHENE_RECT_INIT (0, y, width, CELL));
      pango_layout_set_width (layout, (int)((left - GAP) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_get_pixel_size (layout, NULL, &th);
      draw_text (snapshot, layout, 0, y + (CELL - th) / 2.0, &fg);
      g_object_unref (layout);

      for (guint d = 0; d < n; d++)
        {
          double cx = left + d * COLUMN + COLUMN / 2.0, cy = y + CELL / 2.0;

          switch (px_coverage_of (self->comparison, c, d))
            {
            case PX_COVERAGE_PRESENT:
              append_circle (snapshot, cx, cy, MARK_RADIUS, &accent, &accent, 0);
              break;
            case PX_COVERAGE_ALTERED:
              append_half (snapshot, cx, cy, MARK_RADIUS, &accent);
              break;
            case PX_COVERAGE_MAYBE:
              /* An empty ring with a small dot: perhaps, look. */
              append_circle (snapshot, cx, cy, MARK_RADIUS - 2, NULL, &dim, 1);
              append_circle (snapshot, cx, cy, MARK_RADIUS / 3.0, &dim, &dim, 0);
              break;
            case PX_COVERAGE_ABSENT:
            default:
              append_circle (snapshot, cx, cy, MARK_RADIUS - 2, NULL, &dim, 1);
              break;
            }
        }
    }
}

static void
px_coverage_matrix_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                            int *minimum_baseline, int *natural_baseline)
{
  PxCoverageMatrix *self = PX_COVERAGE_MATRIX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_TEXT + GAP + n_docs (self) * COLUMN;
      *natural = *minimum + 200;
    }
  else
    *minimum = *natural = self->comparison != NULL ? HEADER + n_claims (self) * CELL : 0;
}

/* Passages are long: a tooltip of one line would cross the screen. */
static void
set_wrapped_tooltip (GtkTooltip *tooltip, const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_tooltip_set_custom (tooltip, label);
}

char *
px_coverage_matrix_describe_claim (PxEventComparison *cmp, guint claim)
{
  const PxComparePassage *ref = reference_passage (cmp, claim);
  const PxCompareClaim *c = px_event_comparison_get_claim (cmp, claim);

  if (c->n_outlets < c->n_documents)
    /* TRANSLATORS: independent outlets; then all articles reporting it, copies of another's text included */
    return g_strdup_printf (ngettext ("Reported by %u outlet (%u articles, copies included):\n%s",
                                      "Reported by %u outlets (%u articles, copies included):\n%s", c->n_outlets),
                            c->n_outlets, c->n_documents, ref != NULL ? ref->text : "");
  return g_strdup_printf (ngettext ("Reported by %u outlet:\n%s", "Reported by %u outlets:\n%s", c->n_documents),
                          c->n_documents, ref != NULL ? ref->text : "");
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  PxCoverageMatrix *self = PX_COVERAGE_MATRIX (widget);
  g_autofree char *text = NULL;
  guint claim, doc;

  if (self->comparison == NULL)
    return FALSE;
  if (y < HEADER && x >= cells_left (self))
    {
      guint col = (guint)((x - cells_left (self)) / COLUMN);
      if (col >= n_docs (self))
        return FALSE;
      gtk_tooltip_set_text (tooltip, px_compare_outlet_name (px_event_comparison_get_document (self->comparison, col)));
      return TRUE;
    }
  if (!px_coverage_matrix_cell_at (self, x, y, &claim, &doc))
    return FALSE;
  if (doc == G_MAXUINT)
    {
      text = px_coverage_matrix_describe_claim (self->comparison, claim);
    }
  else
    {
      const PxComparePassage *p = px_event_comparison_claim_passage (self->comparison, claim, doc);
      const char *outlet = px_compare_outlet_name (px_event_comparison_get_document (self->comparison, doc));

      const PxComparePassage *maybe = p == NULL ? px_event_comparison_claim_maybe (self->comparison, claim, doc) : NULL;

      if (maybe != NULL)
        /* Translators: a weaker candidate passage; %.2f is its score (0-1). */
        text = g_strdup_printf (_ ("Maybe in %s (score %.2f):\n%s"), outlet, maybe->score, maybe->text);
      else if (p == NULL)
        text = g_strdup_printf (_ ("Not reported by %s"), outlet);
      else
        text = g_strdup_printf ("%s (%s):\n%s", outlet, px_match_label_display (p->label), p->text);
    }
  set_wrapped_tooltip (tooltip, text);
  return TRUE;
}

static void
on_pressed (GtkGestureClick *gesture, int n_press, double x, double y, PxCoverageMatrix *self)
{
  const PxComparePassage *p;
  guint claim, doc;

  if (!px_coverage_matrix_cell_at (self, x, y, &claim, &doc))
    return;
  p = doc == G_MAXUINT ? reference_passage (self->comparison, claim)
                       : px_event_comparison_claim_passage (self->comparison, claim, doc);
  if (p == NULL && doc != G_MAXUINT)
    p = px_event_comparison_claim_maybe (self->comparison, claim, doc);
  if (p == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, px_event_comparison_get_document (self->comparison, p->doc)->id,
                 p->start, p->end);
}

static void
px_coverage_matrix_dispose (GObject *object)
{
  g_clear_object (&PX_COVERAGE_MATRIX (object)->comparison);
  G_OBJECT_CLASS (px_coverage_matrix_parent_class)->dispose (object);
}

static void
px_coverage_matrix_class_init (PxCoverageMatrixClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_coverage_matrix_dispose;
  widget_class->snapshot = px_coverage_matrix_snapshot;
  widget_class->measure = px_coverage_matrix_measure;
  widget_class->query_tooltip = on_query_tooltip;
  signals[PASSAGE_ACTIVATED] = g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                             NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);
  gtk_widget_class_set_css_name (widget_class, "coveragematrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
px_coverage_matrix_init (PxCoverageMatrix *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->current = G_MAXUINT;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

GtkWidget *
px_coverage_matrix_new (void)
{
  return g_object_new (PX_TYPE_COVERAGE_MATRIX, NULL);
}

void
px_coverage_matrix_set_comparison (PxCoverageMatrix *self, PxEventComparison *comparison, guint current)
{
  g_autofree char *description = NULL;

  g_return_if_fail (PX_IS_COVERAGE_MATRIX (self));
  g_set_object (&self->comparison, comparison);
  self->current = current;
  if (comparison != NULL)
    {
      guint claims = px_event_comparison_get_n_claims (comparison);
      description = g_strdup_printf (ngettext ("%u claim across %u outlets", "%u claims across %u outlets", claims),
                                     claims, px_event_comparison_get_n_documents (comparison));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Coverage"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
