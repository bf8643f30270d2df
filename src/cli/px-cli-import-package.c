/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/px-cli.h"
#include "formats/px-coding-package.h"

/* parallax import-package FILE: a coding package's articles and codebook
 * into this library; one TSV line per article: imported or duplicate
 * (already there), its id, its title. */
int
px_cli_import_package (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!px_cli_parse_options ("import-package", _ ("FILE"), NULL, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc != 2)
    {
      px_cli_error (_ ("import-package needs one coding package file"));
      return PX_EXIT_USAGE;
    }
  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  store = px_cli_open_store (ctx, PX_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  articles = px_coding_package_import (store, contents, length, &error);
  if (articles == NULL)
    {
      px_cli_error ("%s: %s", argv[1], error->message);
      return PX_EXIT_FAILED;
    }
  for (guint i = 0; i < articles->len; i++)
    {
      PxPackageArticle *a = g_ptr_array_index (articles, i);

      printf ("%s\t%" G_GINT64_FORMAT "\t", a->duplicate ? "duplicate" : "imported", a->document_id);
      px_cli_print_tsv_field (a->title);
      putchar ('\n');
    }
  return PX_EXIT_OK;
}
