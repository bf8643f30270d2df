/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/px-cli.h"

/* Reads the whole library looking for damage. Scripts and backups use it
 * before trusting a copy: "ok" and exit 0, or one line and exit 3. */
int
px_cli_check (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (!px_cli_parse_options ("check", "", NULL, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc > 1)
    {
      px_cli_error (_ ("check takes no arguments"));
      return PX_EXIT_USAGE;
    }
  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING | PX_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  if (!px_store_check (store, &error))
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_LIBRARY;
    }
  printf ("ok\n");
  return PX_EXIT_OK;
}
