/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "compare/px-outlet-name.h"
#include "export/px-export-private.h"
#include "export/px-markdown.h"

/* What the event export knows of each document. */
typedef struct
{
  PxComparison *comparison;
  GHashTable *meanings;
  const PxExportOptions *options;
  GPtrArray *names;    /* char*, per document: unique within the event */
  GPtrArray *selected; /* GPtrArray* of PxAnnotation*, per document */
} EventExport;

/* One line of text, for a list item or a table cell: whitespace runs
 * (the "\n\n" between paragraphs included) become one space. */
static char *
flatten (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
append_flat (GString *out, const char *text)
{
  g_autofree char *flat = flatten (text);

  px_markdown_append_escaped (out, flat, -1, PX_MARKDOWN_ESCAPE_NONE);
}

/* Outlet names as the Compare panel gives them, made unique: "Outlet",
 * "Outlet (2)". */
static GPtrArray *
document_names (PxComparison *c)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) count = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < px_comparison_get_n_documents (c); i++)
    {
      PxDocument *doc = px_comparison_get_document (c, i);
      g_autofree char *source = px_outlet_short_source (px_document_get_source (doc));
      g_autofree char *name =
          px_outlet_display_name (px_document_get_outlet (doc), source, px_document_get_title (doc));
      g_autofree char *base = flatten (name);
      g_autofree char *folded = g_utf8_casefold (base, -1);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (count, folded)) + 1;

      g_hash_table_replace (count, g_strdup (folded), GUINT_TO_POINTER (n));
      g_ptr_array_add (names, n == 1 ? g_strdup (base) : g_strdup_printf ("%s (%u)", base, n));
    }
  return names;
}

static void
append_front_matter (GString *out, EventExport *e, gint64 event_id, const char *title)
{
  g_autoptr (GPtrArray) outlets = g_ptr_array_new ();
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  g_autoptr (GPtrArray) tags = NULL;
  guint n_highlights = 0;

  for (guint i = 0; i < e->names->len; i++)
    {
      GPtrArray *selected = g_ptr_array_index (e->selected, i);

      g_ptr_array_add (outlets, g_ptr_array_index (e->names, i));
      for (guint k = 0; k < selected->len; k++)
        g_ptr_array_add (all, g_ptr_array_index (selected, k));
      n_highlights += selected->len;
    }
  tags = _px_export_collect_tags (all);

  _px_export_yaml_begin (out);
  _px_export_yaml_string (out, "title", title);
  _px_export_yaml_list (out, "outlets", (const char *const *)outlets->pdata, outlets->len);
  _px_export_yaml_int (out, "articles", e->names->len);
  _px_export_yaml_int (out, "highlights", n_highlights);
  _px_export_yaml_list (out, "tags", (const char *const *)tags->pdata, tags->len);
  _px_export_yaml_int (out, "parallax_event", event_id);
  _px_export_yaml_end (out);
}

static void
append_cell (GString *out, const char *text)
{
  g_string_append (out, " ");
  append_flat (out, text);
  g_string_append (out, " |");
}

static void
append_outlets (GString *out, EventExport *e)
{
  _px_export_append_heading (out, 2, _ ("Outlets"));
  PxProvenance *prov = px_comparison_get_provenance (e->comparison);

  /* Translated like the headings. */
  g_string_append (out, "|");
  append_cell (out, C_ ("export column", "Outlet"));
  append_cell (out, C_ ("export column", "Title"));
  append_cell (out, C_ ("export column", "Date"));
  append_cell (out, C_ ("export column", "Author"));
  append_cell (out, C_ ("export column", "Own text"));
  append_cell (out, C_ ("export column", "Copy of"));
  append_cell (out, C_ ("export column", "Highlights"));
  g_string_append (out, "\n| --- | --- | --- | --- | ---: | --- | ---: |\n");
  for (guint i = 0; i < e->names->len; i++)
    {
      PxDocument *doc = px_comparison_get_document (e->comparison, i);
      g_autofree char *date = px_markdown_format_date (px_document_get_published (doc));
      GPtrArray *selected = g_ptr_array_index (e->selected, i);

      g_string_append (out, "|");
      append_cell (out, g_ptr_array_index (e->names, i));
      append_cell (out, px_document_get_title (doc));
      append_cell (out, date);
      guint copy_of = px_provenance_get_copy_of (prov, i);

      append_cell (out, px_document_get_author (doc));
      /* The share of its words the outlet wrote itself. */
      g_string_append_printf (out, " %.0f%% |", 100.0 * px_provenance_get_share (prov, i, PX_PROVENANCE_ORIGINAL));
      append_cell (out, copy_of != G_MAXUINT ? g_ptr_array_index (e->names, copy_of) : "");
      g_string_append_printf (out, " %u |\n", selected->len);
    }
  g_string_append_c (out, '\n');
}

/* "**Outlet** (close, ¶3): wording" */
static void
append_passage (GString *out, EventExport *e, const PxPassage *p)
{
  PxDocument *doc = px_comparison_get_document (e->comparison, p->doc);
  g_autofree char *text = px_document_get_slice (doc, p->start, p->end);
  g_autofree char *where = _px_export_paragraph_label (doc, p->start, p->end);

  g_string_append (out, "- **");
  append_flat (out, g_ptr_array_index (e->names, p->doc));
  guint source;
  PxProvenanceKind kind =
      px_provenance_passage (px_comparison_get_provenance (e->comparison), p->doc, p->first, p->last, &source);

  g_string_append_printf (out, "** (%s", p->reference ? "reference" : px_match_label_to_string (p->label));
  if (where != NULL)
    g_string_append_printf (out, ", %s", where);
  if (kind != PX_PROVENANCE_ORIGINAL)
    {
      const char *word = kind == PX_PROVENANCE_AGENCY ? C_ ("provenance", "agency") : C_ ("provenance", "copied");

      if (source != G_MAXUINT)
        {
          g_autoptr (GString) name = g_string_new (NULL);

          append_flat (name, g_ptr_array_index (e->names, source));
          /* TRANSLATORS: "copied from Harbour Gazette": how a passage
           * came into an article, then the article it came from. */
          g_string_append_printf (out, C_ ("provenance", ", %s from %s"), word, name->str);
        }
      else
        g_string_append_printf (out, ", %s", word);
    }
  g_string_append (out, "): ");
  append_flat (out, text);
  g_string_append_c (out, '\n');
}

static void
append_claims (GString *out, EventExport *e)
{
  PxClaimSet *claims = px_comparison_get_claims (e->comparison);
  guint n_docs = px_comparison_get_n_documents (e->comparison), number = 0;

  _px_export_append_heading (out, 2, _ ("Claims"));
  for (guint i = 0; i < px_claim_set_get_n_claims (claims); i++)
    {
      const PxClaim *claim = px_claim_set_get_claim (claims, i);

      if (claim->n_documents < 2)
        continue;
      number++;
      {
        /* TRANSLATORS: a heading of the Markdown export: claim number, outlets that report it, all outlets */
        g_autofree char *heading =
            claim->n_outlets < claim->n_documents
                /* TRANSLATORS: as above, then how many of those outlets reported it themselves (not copied) */
                ? g_strdup_printf (_ ("Claim %u · %u of %u outlets, %u independent"), number, claim->n_documents,
                                   n_docs, claim->n_outlets)
                : g_strdup_printf (_ ("Claim %u · %u of %u outlets"), number, claim->n_documents, n_docs);
        guint first = px_provenance_first_of_claim (px_comparison_get_provenance (e->comparison), claim);

        _px_export_append_heading (out, 3, heading);
        if (first != G_MAXUINT)
          {
            /* TRANSLATORS: in the Markdown export, before the outlet that published a claim first */
            g_string_append_printf (out, "*%s* ", _ ("First reported by"));
            append_flat (out, g_ptr_array_index (e->names, first));
            g_string_append (out, "\n\n");
          }
      }
      for (guint k = 0; k < claim->passages->len; k++)
        append_passage (out, e, &g_array_index (claim->passages, PxPassage, k));
      for (guint d = 0; d < n_docs; d++)
        if (!px_claim_set_covers (claims, i, d))
          {
            PxPassage maybe;
            g_string_append (out, "- **");
            append_flat (out, g_ptr_array_index (e->names, d));
            if (px_claim_set_maybe (claims, i, d, &maybe))
              {
                /* A weaker candidate: the reader decides. */
                g_autofree char *text = px_text_units_slice (
                    px_alignment_get_units (px_claim_set_get_alignment (claims), d), maybe.start, maybe.end);
                char score[G_ASCII_DTOSTR_BUF_SIZE];
                g_string_append_printf (out, "**: maybe (score %s): “",
                                        g_ascii_formatd (score, sizeof score, "%.2f", maybe.score));
                append_flat (out, text);
                g_string_append (out, "”\n");
              }
            else
              g_string_append (out, "**: not reported\n");
          }
      g_string_append_c (out, '\n');
    }
  if (number == 0)
    g_string_append (out, "*No statement appears in more than one outlet.*\n\n");
}

static int
compare_passages (gconstpointer a, gconstpointer b)
{
  const PxPassage *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return 0;
}

static void
append_only_here (GString *out, EventExport *e)
{
  PxClaimSet *claims = px_comparison_get_claims (e->comparison);

  _px_export_append_heading (out, 2, _ ("Reported by one outlet only"));
  for (guint d = 0; d < px_comparison_get_n_documents (e->comparison); d++)
    {
      g_autoptr (GArray) only = px_claim_set_only_here (claims, d);
      PxDocument *doc = px_comparison_get_document (e->comparison, d);
      g_autoptr (GArray) passages = g_array_new (FALSE, FALSE, sizeof (PxPassage));
      guint last_block = G_MAXUINT;
      gboolean item_open = FALSE;

      _px_export_append_heading (out, 3, g_ptr_array_index (e->names, d));
      if (only->len == 0)
        {
          g_string_append (out, "*Everything here was also reported elsewhere.*\n\n");
          continue;
        }
      /* One item per paragraph: its sentences that no one else reported,
       * in text order. */
      for (guint k = 0; k < only->len; k++)
        {
          const PxClaim *claim = px_claim_set_get_claim (claims, g_array_index (only, guint, k));

          /* Copies of it by others are not this outlet's text. */
          for (guint j = 0; j < claim->passages->len; j++)
            if (g_array_index (claim->passages, PxPassage, j).doc == d)
              g_array_append_val (passages, g_array_index (claim->passages, PxPassage, j));
        }
      g_array_sort (passages, compare_passages);
      for (guint j = 0; j < passages->len; j++)
        {
          const PxPassage *p = &g_array_index (passages, PxPassage, j);
          g_autofree char *text = px_document_get_slice (doc, p->start, p->end);
          g_autofree char *flat = flatten (text);
          guint block = px_document_get_n_blocks (doc) > 0 ? px_document_find_block (doc, p->start) : 0;

          if (block == last_block && item_open)
            g_string_append_c (out, ' ');
          else
            {
              if (item_open)
                g_string_append_c (out, '\n');
              g_string_append_printf (out, "- ¶%u: ", block + 1);
              last_block = block;
              item_open = TRUE;
            }
          px_markdown_append_escaped (out, flat, -1, PX_MARKDOWN_ESCAPE_NONE);
        }
      if (item_open)
        g_string_append_c (out, '\n');
      g_string_append_c (out, '\n');
    }
}

static void
append_quote_entry (GString *out, EventExport *e, PxSpeakerSet *set, guint index, const char *indent)
{
  const PxQuoteEntry *entry = px_speaker_set_get_entry (set, index);
  g_auto (GStrv) drift = px_drift_flags_to_strv (entry->drift);

  g_string_append_printf (out, "%s- **", indent);
  append_flat (out, g_ptr_array_index (e->names, entry->doc));
  g_string_append_printf (out, "** (%s", px_quote_kind_to_string (entry->quote->kind));
  for (guint k = 0; drift[k] != NULL; k++)
    g_string_append_printf (out, ", %s", drift[k]);
  g_string_append (out, "): “");
  append_flat (out, entry->quote->text);
  g_string_append (out, "”\n");
}

/* One utterance: alone, one item; reported by several outlets, the
 * reference wording with each outlet's version under it. */
static void
append_group (GString *out, EventExport *e, PxSpeakerSet *set, const PxQuoteGroup *group)
{
  const PxQuoteEntry *ref = px_speaker_set_get_entry (set, group->reference);
  g_autoptr (GHashTable) outlets = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint n_outlets, first;

  if (group->entries->len == 1)
    {
      append_quote_entry (out, e, set, g_array_index (group->entries, guint, 0), "");
      return;
    }
  for (guint k = 0; k < group->entries->len; k++)
    {
      const PxQuoteEntry *entry = px_speaker_set_get_entry (set, g_array_index (group->entries, guint, k));
      g_hash_table_add (outlets, GUINT_TO_POINTER (entry->doc + 1));
    }
  n_outlets = g_hash_table_size (outlets);
  first = px_comparison_first_of_quote_group (e->comparison, ref->group);
  g_string_append (out, "- “");
  append_flat (out, ref->quote->text);
  g_string_append_printf (out, "” · %u %s", n_outlets, n_outlets == 1 ? "outlet" : "outlets");
  if (first != G_MAXUINT && n_outlets > 1)
    {
      /* TRANSLATORS: in the Markdown export, after how many outlets carry a quotation, before the outlet that
       * published it first */
      g_string_append_printf (out, " · *%s* ", _ ("First reported by"));
      append_flat (out, g_ptr_array_index (e->names, first));
    }
  g_string_append_c (out, '\n');
  for (guint k = 0; k < group->entries->len; k++)
    append_quote_entry (out, e, set, g_array_index (group->entries, guint, k), "  ");
}

static void
append_quotes (GString *out, EventExport *e)
{
  PxSpeakerSet *set = px_comparison_get_speakers (e->comparison);
  guint n_speakers = px_speaker_set_get_n_speakers (set);
  guint n_groups = px_speaker_set_get_n_groups (set);

  _px_export_append_heading (out, 2, _ ("Quotes"));
  if (n_groups == 0)
    {
      g_string_append (out, "*No quotations found.*\n\n");
      return;
    }
  /* Speakers in the set's order, then the quotes nobody is named for. */
  for (guint s = 0; s <= n_speakers; s++)
    {
      guint speaker = s < n_speakers ? s : G_MAXUINT;
      gboolean any = FALSE;

      for (guint g = 0; g < n_groups; g++)
        {
          const PxQuoteGroup *group = px_speaker_set_get_group (set, g);

          if (group->speaker != speaker)
            continue;
          if (!any)
            {
              if (speaker != G_MAXUINT)
                {
                  const PxSpeaker *sp = px_speaker_set_get_speaker (set, speaker);

                  _px_export_append_heading (out, 3, sp->name);
                  if (sp->roles->len > 0)
                    {
                      g_string_append (out, "*");
                      for (guint r = 0; r < sp->roles->len; r++)
                        {
                          if (r > 0)
                            g_string_append (out, "; ");
                          append_flat (out, sp->roles->pdata[r]);
                        }
                      g_string_append (out, "*\n\n");
                    }
                }
              else
                _px_export_append_heading (out, 3, _ ("Speaker not named"));
              any = TRUE;
            }
          append_group (out, e, set, group);
        }
      if (any)
        g_string_append_c (out, '\n');
    }
}

static void
append_articles (GString *out, EventExport *e)
{
  _px_export_append_heading (out, 2, _ ("Highlights"));
  for (guint d = 0; d < px_comparison_get_n_documents (e->comparison); d++)
    {
      PxDocument *doc = px_comparison_get_document (e->comparison, d);
      const char *title = px_document_get_title (doc);
      const char *name = g_ptr_array_index (e->names, d);
      g_autofree char *heading = NULL;

      if (title == NULL || *title == '\0')
        title = "Untitled";
      /* Without an outlet, the name is the title already. */
      heading = g_str_has_prefix (name, title) ? g_strdup (name) : g_strdup_printf ("%s — %s", name, title);

      _px_export_append_heading (out, 3, heading);
      _px_export_append_citation (out, doc);
      _px_export_append_highlights (out, doc, g_ptr_array_index (e->selected, d), e->meanings, e->options, 4);
      if (e->options->full_text)
        {
          _px_export_append_heading (out, 4, _ ("Full text"));
          _px_export_append_full_text (out, doc, g_ptr_array_index (e->selected, d), 4);
        }
    }
}

char *
px_export_event (gint64 event_id, const char *title, PxComparison *comparison, GPtrArray *annotations,
                 GPtrArray *colors, const PxExportOptions *options)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GHashTable) meanings = NULL;
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) selected = NULL;
  g_autoptr (PxExportOptions) defaults = NULL;
  g_autofree char *event_title = NULL;
  guint n_docs;
  EventExport e;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);
  n_docs = px_comparison_get_n_documents (comparison);
  g_return_val_if_fail (annotations == NULL || annotations->len == n_docs, NULL);

  if (options == NULL)
    options = defaults = px_export_options_new ();
  event_title =
      title != NULL && *title != '\0' ? flatten (title) : g_strdup_printf ("Event %" G_GINT64_FORMAT, event_id);
  meanings = _px_export_meanings_new (colors);
  names = document_names (comparison);
  selected = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < n_docs; i++)
    g_ptr_array_add (selected, _px_export_select (annotations ? g_ptr_array_index (annotations, i) : NULL, options));
  e = (EventExport){ comparison, meanings, options, names, selected };

  /* The front matter keeps the title as it is (escaped there), as an
   * article's does; the heading, one line, flattens it. */
  append_front_matter (out, &e, event_id, title != NULL && *title != '\0' ? title : event_title);
  _px_export_append_heading (out, 1, event_title);
  g_string_append_printf (out, "%u %s compared.\n\n", n_docs, n_docs == 1 ? "article" : "articles");
  append_outlets (out, &e);
  if (n_docs > 1)
    {
      append_claims (out, &e);
      append_only_here (out, &e);
    }
  append_quotes (out, &e);
  append_articles (out, &e);

  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}
