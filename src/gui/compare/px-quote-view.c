/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/compare/px-quote-view.h"

#include <glib/gi18n.h>

#include "gui/compare/px-passage-card.h"

struct _PxQuoteView
{
  GtkWidget parent_instance;

  GtkWidget *box;
  guint n_speakers;
};

G_DEFINE_FINAL_TYPE (PxQuoteView, px_quote_view, GTK_TYPE_WIDGET)

enum
{
  PASSAGE_ACTIVATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

char *
px_drift_display (guint drift)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  if (drift & PX_DRIFT_TRUNCATED)
    g_ptr_array_add (parts, (gpointer)_ ("cut"));
  if (drift & PX_DRIFT_MERGED)
    g_ptr_array_add (parts, (gpointer)_ ("merged"));
  if (drift & PX_DRIFT_WORDS_CHANGED)
    g_ptr_array_add (parts, (gpointer)_ ("words changed"));
  if (drift & PX_DRIFT_PARAPHRASED)
    g_ptr_array_add (parts, (gpointer)_ ("paraphrased"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **)parts->pdata);
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, PxQuoteView *self)
{
  gint64 *where = g_object_get_data (G_OBJECT (row), "px-passage");

  if (where != NULL)
    g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, where[0], (guint)where[1], (guint)where[2]);
}

static GtkWidget *
make_label (const char *text, const char *css_class, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
quote_row (PxEventComparison *cmp, const PxCompareQuote *q, guint current)
{
  const PxCompareDocument *doc = px_event_comparison_get_document (cmp, q->doc);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *outlet = make_label (px_compare_outlet_name (doc), "heading", FALSE);
  g_autofree char *drift = px_drift_display (q->drift);
  g_autofree char *quoted = NULL;
  g_autofree char *accessible = NULL;
  gint64 *where = g_new (gint64, 3);

  gtk_label_set_ellipsize (GTK_LABEL (outlet), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (outlet, TRUE);
  gtk_box_append (GTK_BOX (header), outlet);
  if (q->kind == PX_QUOTE_INDIRECT && (q->drift & PX_DRIFT_PARAPHRASED) == 0)
    gtk_box_append (GTK_BOX (header), make_label (_ ("reported speech"), "dim-label", FALSE));
  if (*drift != '\0')
    gtk_box_append (GTK_BOX (header), make_label (drift, "quote-drift", FALSE));
  gtk_box_append (GTK_BOX (box), header);

  quoted = q->kind == PX_QUOTE_INDIRECT ? g_strdup (q->text) : g_strdup_printf (_ ("“%s”"), q->text);
  gtk_box_append (GTK_BOX (box), make_label (quoted, "quote-text", TRUE));
  if (q->cue != NULL && *q->cue != '\0' && q->speaker_as_written != NULL)
    {
      g_autofree char *attribution = g_strdup_printf ("— %s %s", q->speaker_as_written, q->cue);
      gtk_box_append (GTK_BOX (box), make_label (attribution, "dim-label", TRUE));
    }
  gtk_widget_add_css_class (box, "quote-row");
  if (q->doc == current)
    gtk_widget_add_css_class (row, "current-document");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  accessible = g_strdup_printf ("%s: %s", px_compare_outlet_name (doc), q->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (row, _ ("Open the article at this quote"));

  where[0] = doc->id;
  where[1] = q->start;
  where[2] = q->end;
  g_object_set_data_full (G_OBJECT (row), "px-passage", where, g_free);
  return row;
}

typedef struct
{
  guint speaker;
  guint n_outlets;
  guint n_quotes;
} SpeakerOrder;

static int
speaker_cmp (gconstpointer a, gconstpointer b)
{
  const SpeakerOrder *x = a, *y = b;

  if (x->n_outlets != y->n_outlets)
    return x->n_outlets < y->n_outlets ? 1 : -1;
  if (x->n_quotes != y->n_quotes)
    return x->n_quotes < y->n_quotes ? 1 : -1;
  return x->speaker < y->speaker ? -1 : x->speaker > y->speaker;
}

/* "Quoted by A and B; not by C." */
static char *
coverage_line (PxEventComparison *cmp, const gboolean *by)
{
  g_autoptr (GString) yes = g_string_new (NULL);
  g_autoptr (GString) no = g_string_new (NULL);
  guint n = px_event_comparison_get_n_documents (cmp);

  for (guint d = 0; d < n; d++)
    {
      GString *s = by[d] ? yes : no;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, px_compare_outlet_name (px_event_comparison_get_document (cmp, d)));
    }
  if (no->len == 0)
    return g_strdup_printf (_ ("Quoted by every outlet: %s"), yes->str);
  return g_strdup_printf (_ ("Quoted by %s · not by %s"), yes->str, no->str);
}

static void
add_speaker (PxQuoteView *self, PxEventComparison *cmp, guint speaker, guint current)
{
  guint n_quotes = px_event_comparison_get_n_quotes (cmp);
  guint n_docs = px_event_comparison_get_n_documents (cmp);
  g_autofree gboolean *by = g_new0 (gboolean, n_docs);
  g_autoptr (GHashTable) groups_done = g_hash_table_new (NULL, NULL);
  g_autofree char *line = NULL;
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title;

  for (guint q = 0; q < n_quotes; q++)
    {
      const PxCompareQuote *quote = px_event_comparison_get_quote (cmp, q);
      if (quote->speaker == speaker)
        by[quote->doc] = TRUE;
    }
  if (speaker != G_MAXUINT)
    {
      const PxCompareSpeaker *sp = px_event_comparison_get_speaker (cmp, speaker);
      g_autofree char *roles = sp->roles != NULL && sp->roles[0] != NULL ? g_strjoinv (", ", sp->roles) : NULL;
      title = make_label (sp->name, "title-4", TRUE);
      gtk_box_append (GTK_BOX (section), title);
      if (roles != NULL)
        gtk_box_append (GTK_BOX (section), make_label (roles, "dim-label", TRUE));
    }
  else
    gtk_box_append (GTK_BOX (section), make_label (_ ("Speaker not named"), "title-4", TRUE));
  line = coverage_line (cmp, by);
  gtk_box_append (GTK_BOX (section), make_label (line, "caption", TRUE));

  /* One list per utterance, each outlet's wording in it. */
  for (guint q = 0; q < n_quotes; q++)
    {
      const PxCompareQuote *quote = px_event_comparison_get_quote (cmp, q);
      GtkWidget *list;

      if (quote->speaker != speaker || g_hash_table_contains (groups_done, GUINT_TO_POINTER (quote->group + 1)))
        continue;
      g_hash_table_add (groups_done, GUINT_TO_POINTER (quote->group + 1));
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      g_signal_connect (list, "row-activated", G_CALLBACK (on_row_activated), self);
      for (guint k = q; k < n_quotes; k++)
        {
          const PxCompareQuote *other = px_event_comparison_get_quote (cmp, k);
          if (other->speaker == speaker && other->group == quote->group)
            gtk_list_box_append (GTK_LIST_BOX (list), quote_row (cmp, other, current));
        }
      gtk_box_append (GTK_BOX (section), list);
    }
  gtk_widget_add_css_class (section, "speaker-section");
  gtk_box_append (GTK_BOX (self->box), section);
}

void
px_quote_view_set_comparison (PxQuoteView *self, PxEventComparison *cmp, guint current)
{
  g_autoptr (GArray) order = g_array_new (FALSE, TRUE, sizeof (SpeakerOrder));
  GtkWidget *child;
  guint n_speakers, n_docs;

  g_return_if_fail (PX_IS_QUOTE_VIEW (self));
  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  self->n_speakers = 0;
  if (cmp == NULL)
    return;

  n_speakers = px_event_comparison_get_n_speakers (cmp);
  n_docs = px_event_comparison_get_n_documents (cmp);
  /* The last entry stands for quotes nobody is named for. */
  for (guint s = 0; s <= n_speakers; s++)
    {
      SpeakerOrder o = { s < n_speakers ? s : G_MAXUINT, 0, 0 };
      g_autofree gboolean *by = g_new0 (gboolean, n_docs);

      for (guint q = 0; q < px_event_comparison_get_n_quotes (cmp); q++)
        {
          const PxCompareQuote *quote = px_event_comparison_get_quote (cmp, q);
          if (quote->speaker != o.speaker)
            continue;
          o.n_quotes++;
          if (!by[quote->doc])
            o.n_outlets++;
          by[quote->doc] = TRUE;
        }
      if (o.n_quotes > 0)
        g_array_append_val (order, o);
    }
  g_array_sort (order, speaker_cmp);
  for (guint i = 0; i < order->len; i++)
    {
      guint speaker = g_array_index (order, SpeakerOrder, i).speaker;
      add_speaker (self, cmp, speaker, current);
      if (speaker != G_MAXUINT)
        self->n_speakers++;
    }
}

guint
px_quote_view_get_n_speakers (PxQuoteView *self)
{
  g_return_val_if_fail (PX_IS_QUOTE_VIEW (self), 0);
  return self->n_speakers;
}

static void
px_quote_view_dispose (GObject *object)
{
  g_clear_pointer (&PX_QUOTE_VIEW (object)->box, gtk_widget_unparent);
  G_OBJECT_CLASS (px_quote_view_parent_class)->dispose (object);
}

static void
px_quote_view_class_init (PxQuoteViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_quote_view_dispose;
  signals[PASSAGE_ACTIVATED] = g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                             NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "quoteview");
}

static void
px_quote_view_init (PxQuoteView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
px_quote_view_new (void)
{
  return g_object_new (PX_TYPE_QUOTE_VIEW, NULL);
}
