/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/px-cli.h"

int
px_cli_list (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GError) error = NULL;

  if (!px_cli_parse_options ("list", "", NULL, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc > 1)
    {
      px_cli_error (_ ("list takes no arguments"));
      return PX_EXIT_USAGE;
    }
  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING | PX_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return PX_EXIT_LIBRARY;

  docs = px_store_list_documents (store, &error);
  if (docs == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  for (guint i = 0; i < docs->len; i++)
    {
      const PxDocumentInfo *info = g_ptr_array_index (docs, i);
      g_autofree char *date = info->published ? g_strndup (info->published, 10) : NULL;

      printf ("%" G_GINT64_FORMAT "\t", info->id);
      px_cli_print_tsv_field (info->outlet);
      putchar ('\t');
      px_cli_print_tsv_field (date);
      putchar ('\t');
      px_cli_print_tsv_field (info->title);
      putchar ('\n');
    }
  return PX_EXIT_OK;
}

int
px_cli_show (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (!px_cli_parse_options ("show", _ ("ID"), NULL, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc != 2)
    {
      px_cli_error (_ ("show needs one document id"));
      return PX_EXIT_USAGE;
    }
  if (!px_cli_parse_id (argv[1], &id))
    return PX_EXIT_USAGE;
  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING | PX_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  doc = px_store_load_document (store, id, &error);
  if (doc == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  fputs (px_document_get_text (doc), stdout);
  putchar ('\n');
  return PX_EXIT_OK;
}
