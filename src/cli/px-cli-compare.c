/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/px-cli.h"
#include "compare/px-compare-cache.h"

static const char *
outlet_of (const PxCompareDocument *doc)
{
  if (doc->outlet != NULL && *doc->outlet != '\0')
    return doc->outlet;
  return doc->title != NULL && *doc->title != '\0' ? doc->title : _ ("Untitled");
}

/* A passage may run across paragraphs; in this listing each stays on its
 * own line, its paragraph breaks shown as " ¶ ". */
static char *
one_line (const char *text)
{
  g_auto (GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n\n", -1);
  char *joined = g_strjoinv (" ¶ ", paragraphs);

  return g_strdelimit (joined, "\n", ' ');
}

static void
print_claim_list (PxEventComparison *cmp, GArray *claims, guint doc, gboolean own_wording)
{
  for (guint k = 0; k < claims->len; k++)
    {
      guint id = g_array_index (claims, guint, k);
      const PxCompareClaim *claim = px_event_comparison_get_claim (cmp, id);
      const PxComparePassage *p = px_event_comparison_claim_passage (cmp, id, doc);

      /* A claim this document leaves out is shown in the words of the
       * outlet the others are compared with. */
      for (guint i = 0; !own_wording && i < claim->passages->len; i++)
        if (g_array_index (claim->passages, PxComparePassage, i).reference || p == NULL)
          p = &g_array_index (claim->passages, PxComparePassage, i);
      if (p != NULL)
        {
          g_autofree char *text = one_line (p->text);
          printf ("      [%u] %s\n", id, text);
        }
    }
}

/* The comparison for people: what `--json` says, in reading order. */
static void
print_text (PxEventComparison *cmp)
{
  guint n = px_event_comparison_get_n_documents (cmp);
  guint n_claims = px_event_comparison_get_n_claims (cmp);

  printf (_ ("Event %lld: %s\n"), (long long)px_event_comparison_get_event_id (cmp),
          px_event_comparison_get_title (cmp) ? px_event_comparison_get_title (cmp) : "");
  printf ("\n%s\n", _ ("Documents:"));
  for (guint d = 0; d < n; d++)
    {
      const PxCompareDocument *doc = px_event_comparison_get_document (cmp, d);
      printf ("  %" G_GINT64_FORMAT "\t%s\t%s\t%s\n", doc->id, doc->outlet ? doc->outlet : "",
              doc->published ? doc->published : "", doc->title ? doc->title : "");
    }

  printf ("\n%s\n", _ ("Claims reported by more than one outlet:"));
  for (guint c = 0; c < n_claims; c++)
    {
      const PxCompareClaim *claim = px_event_comparison_get_claim (cmp, c);
      if (claim->n_documents < 2)
        break;
      printf ("  [%u] %u/%u\n", c, claim->n_documents, n);
      for (guint k = 0; k < claim->passages->len; k++)
        {
          const PxComparePassage *p = &g_array_index (claim->passages, PxComparePassage, k);
          g_autofree char *text = one_line (p->text);
          printf ("      %s (%s): %s\n", outlet_of (px_event_comparison_get_document (cmp, p->doc)),
                  px_match_label_to_string (p->label), text);
        }
    }

  for (guint d = 0; d < n; d++)
    {
      const PxCompareDocument *doc = px_event_comparison_get_document (cmp, d);

      printf ("\n%s\n", outlet_of (doc));
      printf ("    %s\n", _ ("Only here:"));
      print_claim_list (cmp, doc->only_here, d, TRUE);
      printf ("    %s\n", _ ("Left out here:"));
      print_claim_list (cmp, doc->missing_here, d, FALSE);
    }

  printf ("\n%s\n", _ ("Quotes by speaker:"));
  for (guint s = 0; s <= px_event_comparison_get_n_speakers (cmp); s++)
    {
      gboolean header = FALSE;
      guint speaker = s < px_event_comparison_get_n_speakers (cmp) ? s : G_MAXUINT;

      for (guint q = 0; q < px_event_comparison_get_n_quotes (cmp); q++)
        {
          const PxCompareQuote *quote = px_event_comparison_get_quote (cmp, q);
          g_auto (GStrv) drift = NULL;
          g_autofree char *drift_text = NULL;
          g_autofree char *text = NULL;

          if (quote->speaker != speaker)
            continue;
          if (!header)
            printf ("  %s\n", speaker != G_MAXUINT ? px_event_comparison_get_speaker (cmp, s)->name : _ ("Unknown"));
          header = TRUE;
          drift = px_drift_flags_to_strv (quote->drift);
          drift_text = g_strjoinv (", ", drift);
          text = one_line (quote->text);
          printf ("      %s: “%s”%s%s%s\n", outlet_of (px_event_comparison_get_document (cmp, quote->doc)), text,
                  *drift_text ? " [" : "", drift_text, *drift_text ? "]" : "");
        }
    }
}

int
px_cli_compare (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxEventComparison) cmp = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE;
  gint64 id;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON (see docs/compare-json.md)"), NULL },
    { NULL },
  };

  if (!px_cli_parse_options ("compare", _ ("EVENT_ID"), entries, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc != 2)
    {
      px_cli_error (_ ("compare needs one event id"));
      return PX_EXIT_USAGE;
    }
  if (!px_cli_parse_event_id (argv[1], &id))
    return PX_EXIT_USAGE;
  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  cmp = px_compare_cache_load (store, id, NULL, &error);
  if (cmp == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  if (json)
    {
      g_autofree char *out = px_event_comparison_to_json (cmp, TRUE);
      printf ("%s\n", out);
    }
  else
    print_text (cmp);
  return PX_EXIT_OK;
}
