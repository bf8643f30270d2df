/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/compare/px-passage-card.h"

#include <glib/gi18n.h>
#include <string.h>

#include "compare/px-outlet-name.h"
#include "gui/common/px-format.h"

struct _PxPassageCard
{
  GtkWidget parent_instance;

  GtkWidget *button;
  gint64 document_id;
  guint start;
  guint end;
  PxMatchLabel label;
  char *outlet;
  char *text;
  char *markup;
  char *leaves_out;
  GtkWidget *set_outlet; /* "Set Outlet…" when the outlet is unknown */
};

G_DEFINE_FINAL_TYPE (PxPassageCard, px_passage_card, GTK_TYPE_WIDGET)

enum
{
  ACTIVATE,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

const char *
px_match_label_display (PxMatchLabel label)
{
  switch (label)
    {
    case PX_MATCH_VERBATIM:
      return C_ ("match", "Verbatim");
    case PX_MATCH_CLOSE:
      return C_ ("match", "Close");
    case PX_MATCH_PARAPHRASE:
      return C_ ("match", "Paraphrase");
    case PX_MATCH_RELATED:
      return C_ ("match", "Related");
    case PX_MATCH_NONE:
    default:
      return C_ ("match", "No match");
    }
}

/* Kept for the program's life, like the names it stands beside. */
const char *
px_compare_outlet_name (const PxCompareDocument *doc)
{
  g_autofree char *name = px_outlet_display_name (doc->outlet, doc->source_name, doc->title);

  return g_intern_string (name);
}

/* Marks of the card; the legend of the Compare panel explains them. */
#define ADDED_OPEN "<span underline=\"single\" weight=\"bold\">"
#define DISAGREE_OPEN \
  "<span underline=\"error\" underline_color=\"#e01b24\" bgcolor=\"#e01b24\" bgalpha=\"22%\" weight=\"bold\">"

typedef enum
{
  WORD_PLAIN,
  WORD_NUMBER,
  WORD_NAME,
} WordKind;

/* A number starts with a digit ("$3.5" too); a name is capitalised where
 * a sentence does not begin (the alignment's sense of both). */
static WordKind
word_kind (const char *word, gboolean sentence_start)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        return WORD_NUMBER;
      if (g_unichar_isalpha (c))
        return g_unichar_isupper (c) && !sentence_start ? WORD_NAME : WORD_PLAIN;
    }
  return WORD_PLAIN;
}

/* @text escaped into @out (if not NULL), its numbers or names of a kind
 * in @disagree (a mask of 1 << WordKind) marked as disagreements, the
 * other words wrapped in @open. Returns the kinds of words it holds. */
static guint
append_run (GString *out, const char *text, gboolean at_start, guint disagree, const char *open)
{
  const char *p = text;
  guint kinds = 0;

  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *word = NULL;
      g_autofree char *escaped = NULL;
      const char *open_with;
      WordKind kind;

      if (g_ascii_isspace (*p))
        {
          if (out != NULL)
            g_string_append_c (out, *p);
          p++;
          continue;
        }
      while (*end != '\0' && !g_ascii_isspace (*end))
        end++;
      word = g_strndup (p, end - p);
      kind = word_kind (word, at_start);
      kinds |= 1u << kind;
      at_start = FALSE;
      p = end;
      if (out == NULL)
        continue;
      escaped = g_markup_escape_text (word, -1);
      if (kind != WORD_PLAIN && (disagree & (1u << kind)))
        open_with = DISAGREE_OPEN;
      else
        open_with = open;
      if (open_with != NULL)
        g_string_append (out, open_with);
      g_string_append (out, escaped);
      if (open_with != NULL)
        g_string_append (out, "</span>");
    }
  return kinds;
}

static void
append_escaped (GString *out, PxEventComparison *cmp, guint doc, guint start, guint end)
{
  g_autofree char *text = NULL;

  if (end <= start)
    return;
  text = px_event_comparison_slice (cmp, doc, start, end);
  append_run (out, text, FALSE, 0, NULL);
}

/* Where the passage being read begins: its first word is no name. */
static guint
first_a (const PxCompareMatch *match)
{
  guint first = G_MAXUINT;

  for (guint i = 0; match->diff != NULL && i < match->diff->len; i++)
    first = MIN (first, g_array_index (match->diff, PxDiffOp, i).a_start);
  return first;
}

/* The kinds of numbers and names each side has that the other lacks:
 * found both among the added and among the left-out words. */
static guint
disagreements (PxEventComparison *cmp, guint doc, const PxCompareMatch *match)
{
  guint added = 0, removed = 0;
  guint a_first = first_a (match);

  for (guint i = 0; match->diff != NULL && i < match->diff->len; i++)
    {
      const PxDiffOp *op = &g_array_index (match->diff, PxDiffOp, i);
      g_autofree char *text = NULL;

      if (op->kind == PX_DIFF_ADDED && op->b_end > op->b_start)
        {
          text = px_event_comparison_slice (cmp, match->other, op->b_start, op->b_end);
          added |= append_run (NULL, text, op->b_start == match->start, 0, NULL);
        }
      else if (op->kind == PX_DIFF_REMOVED && op->a_end > op->a_start)
        {
          text = px_event_comparison_slice (cmp, doc, op->a_start, op->a_end);
          removed |= append_run (NULL, text, op->a_start == a_first, 0, NULL);
        }
    }
  return added & removed & ~(1u << WORD_PLAIN);
}

char *
px_passage_diff_markup (PxEventComparison *cmp, guint doc, const PxCompareMatch *match)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint disagree = disagreements (cmp, doc, match);
  guint at = match->start; /* how far the other passage is written out */

  for (guint i = 0; match->diff != NULL && i < match->diff->len; i++)
    {
      const PxDiffOp *op = &g_array_index (match->diff, PxDiffOp, i);
      g_autofree char *text = NULL;

      if (op->kind != PX_DIFF_ADDED || op->b_start < at || op->b_end > match->end || op->b_end <= op->b_start)
        continue;
      append_escaped (out, cmp, match->other, at, op->b_start);
      text = px_event_comparison_slice (cmp, match->other, op->b_start, op->b_end);
      append_run (out, text, op->b_start == match->start, disagree, ADDED_OPEN);
      at = op->b_end;
    }
  append_escaped (out, cmp, match->other, at, match->end);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
px_passage_leaves_out_markup (PxEventComparison *cmp, guint doc, const PxCompareMatch *match)
{
  g_autoptr (GString) runs = g_string_new (NULL);
  guint disagree = disagreements (cmp, doc, match);
  guint a_first = first_a (match);

  for (guint i = 0; match->diff != NULL && i < match->diff->len; i++)
    {
      const PxDiffOp *op = &g_array_index (match->diff, PxDiffOp, i);
      g_autofree char *text = NULL;

      if (op->kind != PX_DIFF_REMOVED || op->a_end <= op->a_start)
        continue;
      text = px_event_comparison_slice (cmp, doc, op->a_start, op->a_end);
      g_strstrip (text);
      if (*text == '\0')
        continue;
      if (runs->len > 0)
        g_string_append (runs, " · ");
      append_run (runs, text, op->a_start == a_first, disagree, NULL);
    }
  if (runs->len == 0)
    return NULL;
  /* TRANSLATORS: below another outlet's passage, the words of the
   * passage being read that it does not have; %s is the words (markup) */
  return g_strdup_printf (_ ("<b>Leaves out:</b> %s"), runs->str);
}

static void
on_clicked (PxPassageCard *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
px_passage_card_dispose (GObject *object)
{
  PxPassageCard *self = PX_PASSAGE_CARD (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_pointer (&self->set_outlet, gtk_widget_unparent);
  G_OBJECT_CLASS (px_passage_card_parent_class)->dispose (object);
}

static void
px_passage_card_finalize (GObject *object)
{
  PxPassageCard *self = PX_PASSAGE_CARD (object);

  g_free (self->outlet);
  g_free (self->text);
  g_free (self->markup);
  g_free (self->leaves_out);
  G_OBJECT_CLASS (px_passage_card_parent_class)->finalize (object);
}

static void
px_passage_card_class_init (PxPassageCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_passage_card_dispose;
  object_class->finalize = px_passage_card_finalize;
  signals[ACTIVATE] =
      g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "passagecard");
}

static void
px_passage_card_init (PxPassageCard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
}

static GtkWidget *
make_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

PxPassageCard *
px_passage_card_new (PxEventComparison *cmp, guint doc, const PxCompareMatch *match)
{
  PxPassageCard *self;
  const PxCompareDocument *other;
  g_autofree char *date = NULL;
  g_autofree char *class_name = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *box, *header, *outlet, *badge, *passage;

  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (cmp), NULL);
  g_return_val_if_fail (match != NULL, NULL);

  self = g_object_new (PX_TYPE_PASSAGE_CARD, NULL);
  other = px_event_comparison_get_document (cmp, match->other);
  self->document_id = other->id;
  self->start = match->start;
  self->end = match->end;
  self->label = match->label;
  self->outlet = g_strdup (px_compare_outlet_name (other));
  self->text = px_event_comparison_slice (cmp, match->other, match->start, match->end);
  self->markup = px_passage_diff_markup (cmp, doc, match);
  self->leaves_out = px_passage_leaves_out_markup (cmp, doc, match);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  outlet = make_label (self->outlet, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (outlet), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (outlet, TRUE);
  gtk_box_append (GTK_BOX (header), outlet);
  date = px_format_date (other->published, PX_DATE_SHORT);
  if (date != NULL)
    gtk_box_append (GTK_BOX (header), make_label (date, "dim-label"));
  badge = make_label (px_match_label_display (match->label), "match-label");
  class_name = g_strdup_printf ("match-%s", px_match_label_to_string (match->label));
  gtk_widget_add_css_class (badge, class_name);
  gtk_box_append (GTK_BOX (header), badge);
  gtk_box_append (GTK_BOX (box), header);

  passage = make_label (NULL, "passage-text");
  gtk_label_set_markup (GTK_LABEL (passage), self->markup);
  gtk_label_set_wrap (GTK_LABEL (passage), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (passage), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (passage), FALSE);
  gtk_box_append (GTK_BOX (box), passage);
  if (self->leaves_out != NULL)
    {
      GtkWidget *left = make_label (NULL, "leaves-out");

      gtk_label_set_markup (GTK_LABEL (left), self->leaves_out);
      gtk_label_set_wrap (GTK_LABEL (left), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (left), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (left, "caption");
      gtk_box_append (GTK_BOX (box), left);
    }

  if (px_outlet_is_unknown (other->outlet))
    {
      /* Where the made-up name stands, the way to give the real one. */
      GtkWidget *set = gtk_button_new_with_label (_ ("Set Outlet…"));

      gtk_widget_add_css_class (set, "flat");
      gtk_widget_add_css_class (set, "set-outlet");
      gtk_widget_set_tooltip_text (set, _ ("Name the outlet of this article"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (set), "win.set-outlet");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (set), "x", other->id);
      gtk_widget_set_halign (set, GTK_ALIGN_START);
      /* Beside the card, not in it: a button inside its button would
       * open the article instead. */
      self->set_outlet = set;
    }
  self->button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->button), box);
  gtk_widget_add_css_class (self->button, "card");
  gtk_widget_add_css_class (self->button, "passage-card");
  tooltip = g_strdup_printf (_ ("Open “%s” at this passage"), self->outlet);
  gtk_widget_set_tooltip_text (self->button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text, -1);
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (on_clicked), self);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  if (self->set_outlet != NULL)
    gtk_widget_set_parent (self->set_outlet, GTK_WIDGET (self));
  return self;
}

gint64
px_passage_card_get_document_id (PxPassageCard *self)
{
  g_return_val_if_fail (PX_IS_PASSAGE_CARD (self), 0);
  return self->document_id;
}

void
px_passage_card_get_span (PxPassageCard *self, guint *start, guint *end)
{
  g_return_if_fail (PX_IS_PASSAGE_CARD (self));
  if (start != NULL)
    *start = self->start;
  if (end != NULL)
    *end = self->end;
}

const char *
px_passage_card_get_outlet (PxPassageCard *self)
{
  g_return_val_if_fail (PX_IS_PASSAGE_CARD (self), NULL);
  return self->outlet;
}

PxMatchLabel
px_passage_card_get_label (PxPassageCard *self)
{
  g_return_val_if_fail (PX_IS_PASSAGE_CARD (self), PX_MATCH_NONE);
  return self->label;
}

const char *
px_passage_card_get_text (PxPassageCard *self)
{
  g_return_val_if_fail (PX_IS_PASSAGE_CARD (self), NULL);
  return self->text;
}

const char *
px_passage_card_get_markup (PxPassageCard *self)
{
  g_return_val_if_fail (PX_IS_PASSAGE_CARD (self), NULL);
  return self->markup;
}

const char *
px_passage_card_get_leaves_out (PxPassageCard *self)
{
  g_return_val_if_fail (PX_IS_PASSAGE_CARD (self), NULL);
  return self->leaves_out;
}

GtkWidget *
px_passage_card_get_set_outlet_button (PxPassageCard *self)
{
  g_return_val_if_fail (PX_IS_PASSAGE_CARD (self), NULL);
  return self->set_outlet;
}
