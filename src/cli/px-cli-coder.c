/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/px-cli.h"
#include "annotations/px-store-coders.h"

/* parallax coder [NAME]: prints this library's coder, or sets it (and
 * prints the name as stored). */
int
px_cli_coder (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  if (!px_cli_parse_options ("coder", _ ("[NAME]"), NULL, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc > 2)
    {
      px_cli_error (_ ("coder takes at most one name (quote a name with spaces)"));
      return PX_EXIT_USAGE;
    }
  if (argc == 2)
    {
      g_autofree char *clean = px_store_clean_coder_name (argv[1], &error);

      if (clean == NULL)
        {
          px_cli_error ("%s", error->message);
          return PX_EXIT_USAGE;
        }
      store = px_cli_open_store (ctx, PX_STORE_OPEN_DEFAULT);
      if (store == NULL)
        return PX_EXIT_LIBRARY;
      if (!px_store_set_coder (store, clean, &error))
        {
          px_cli_error ("%s", error->message);
          return PX_EXIT_FAILED;
        }
    }
  else
    {
      store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING | PX_STORE_OPEN_READ_ONLY);
      if (store == NULL)
        return PX_EXIT_LIBRARY;
    }
  name = px_store_get_coder (store, &error);
  if (name == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  printf ("%s\n", name);
  return PX_EXIT_OK;
}
