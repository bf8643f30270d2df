/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "cli/px-cli.h"
#include "coding/px-agreement-table.h"

static void
print_coefficient (double value)
{
  if (isnan (value))
    fputs ("NA", stdout);
  else
    printf ("%.3f", value);
}

/* parallax agreement (--tag NAME | --color NAME | --all) [--event ID]
 * [--disagreements]: TSV, per code one line (code, units, coders, alpha,
 * units nobody marked with it), then one line per pair of coders (empty
 * first field, coder, coder, kappa, units both coded); with
 * --disagreements, each sentence the coders differ on ("disagreement",
 * code, document, start, end, who marked it, who did not, the
 * sentence). */
int
px_cli_agreement (PxCliContext *ctx, int argc, char **argv)
{
  g_autofree char *tag = NULL;
  g_autofree char *color = NULL;
  g_autofree char *event = NULL;
  gboolean all = FALSE, disagreements = FALSE;
  GOptionEntry entries[] = {
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_ ("Agreement on this tag"), N_ ("NAME") },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, N_ ("Agreement on this colour"), N_ ("NAME") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_ ("Agreement on every tag and colour in use"), NULL },
    { "event", 'e', 0, G_OPTION_ARG_STRING, &event, N_ ("Only the articles of this event"), N_ ("ID") },
    { "disagreements", 0, 0, G_OPTION_ARG_NONE, &disagreements, N_ ("Also list the sentences coders differ on"), NULL },
    { NULL },
  };
  PxFormatScope scope = { PX_FORMAT_SCOPE_ALL, 0, NULL };
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxAgreementReport) report = NULL;
  g_autoptr (GError) error = NULL;

  if (!px_cli_parse_options ("agreement", _ ("(--tag NAME | --color NAME | --all)"), entries, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc > 1)
    {
      px_cli_error (_ ("agreement takes no arguments besides its options: unexpected “%s”"), argv[1]);
      return PX_EXIT_USAGE;
    }
  if ((tag != NULL) + (color != NULL) + (all != FALSE) != 1)
    {
      px_cli_error (_ ("agreement needs one of --tag NAME, --color NAME and --all"));
      return PX_EXIT_USAGE;
    }
  if (tag != NULL && (!g_utf8_validate (tag, -1, NULL) || *g_strstrip (tag) == '\0'))
    {
      px_cli_error (_ ("--tag needs a tag name"));
      return PX_EXIT_USAGE;
    }
  if (event != NULL)
    {
      if (!px_cli_parse_event_id (event, &scope.id))
        return PX_EXIT_USAGE;
      scope.kind = PX_FORMAT_SCOPE_EVENT;
    }

  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING | PX_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  report = px_agreement_compute (store, &scope, tag, color, &error);
  if (report == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  for (guint i = 0; i < report->codes->len; i++)
    {
      PxAgreementCode *code = g_ptr_array_index (report->codes, i);

      px_cli_print_tsv_field (code->code);
      printf ("\t%u\t%u\t", code->units, code->coders);
      print_coefficient (code->alpha);
      printf ("\t%u\n", code->uncoded);
      for (guint k = 0; k < code->pairs->len; k++)
        {
          PxAgreementPair *pair = g_ptr_array_index (code->pairs, k);

          putchar ('\t');
          px_cli_print_tsv_field (pair->coder_a);
          putchar ('\t');
          px_cli_print_tsv_field (pair->coder_b);
          putchar ('\t');
          print_coefficient (pair->kappa);
          printf ("\t%u\n", pair->units);
        }
      for (guint k = 0; disagreements && k < code->differs->len; k++)
        {
          PxDisagreement *d = g_ptr_array_index (code->differs, k);
          g_autofree char *with = g_strjoinv (",", d->with_code);
          g_autofree char *without = g_strjoinv (",", d->without_code);

          fputs ("disagreement\t", stdout);
          px_cli_print_tsv_field (code->code);
          printf ("\t%" G_GINT64_FORMAT "\t%u\t%u\t", d->document_id, d->start, d->end);
          px_cli_print_tsv_field (with);
          putchar ('\t');
          px_cli_print_tsv_field (without);
          putchar ('\t');
          px_cli_print_tsv_field (d->sentence);
          putchar ('\n');
        }
    }
  return PX_EXIT_OK;
}
