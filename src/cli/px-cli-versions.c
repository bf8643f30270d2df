/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/px-cli.h"
#include "provenance/px-store-versions.h"

/* parallax versions ID [--highlights]: the versions of a document as
 * TSV: version, fetched at, title, changed words (since the version
 * before). With --highlights, the highlights whose words changed
 * instead: highlight id, version, old quote, new quote. */
int
px_cli_versions (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  gboolean highlights = FALSE;
  gint64 id = 0;
  GOptionEntry entries[] = {
    { "highlights", 0, 0, G_OPTION_ARG_NONE, &highlights,
      N_ ("List the highlights whose words changed: id, version, old quote, new quote"), NULL },
    { NULL },
  };

  if (!px_cli_parse_options ("versions", _ ("ID"), entries, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc != 2)
    {
      px_cli_error (_ ("versions takes one document id"));
      return PX_EXIT_USAGE;
    }
  if (!px_cli_parse_id (argv[1], &id))
    return PX_EXIT_USAGE;
  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING | PX_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  rows = px_store_list_versions (store, id, &error);
  if (rows != NULL && highlights)
    {
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = px_store_list_annotation_changes (store, id, &error);
    }
  if (rows == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      if (highlights)
        {
          const PxAnnotationChange *c = rows->pdata[i];

          printf ("%" G_GINT64_FORMAT "\t%u\t", c->annotation_id, c->version);
          px_cli_print_tsv_field (c->old_quote);
          putchar ('\t');
          px_cli_print_tsv_field (c->new_quote);
          putchar ('\n');
        }
      else
        {
          const PxDocumentVersion *v = rows->pdata[i];

          printf ("%u\t", v->version);
          px_cli_print_tsv_field (v->fetched);
          putchar ('\t');
          px_cli_print_tsv_field (v->title);
          printf ("\t%u\n", v->changed_words);
        }
    }
  return PX_EXIT_OK;
}
