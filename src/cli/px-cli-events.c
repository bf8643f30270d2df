/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli/px-cli.h"
#include "events/px-store-events.h"

/* Documents imported before events existed (or stored some other way)
 * are placed first, so that the list covers the whole library. */
static gboolean
place_waiting_documents (PxStore *store)
{
  g_autoptr (GError) error = NULL;

  if (px_store_is_read_only (store))
    return TRUE;
  if (px_store_group_unassigned (store, &error) < 0)
    {
      px_cli_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

int
px_cli_events (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;

  if (!px_cli_parse_options ("events", "", NULL, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc > 1)
    {
      px_cli_error (_ ("events takes no arguments"));
      return PX_EXIT_USAGE;
    }
  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  if (!place_waiting_documents (store))
    return PX_EXIT_FAILED;
  events = px_store_list_events (store, &error);
  if (events == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  for (guint i = 0; i < events->len; i++)
    {
      const PxEventInfo *info = events->pdata[i];

      printf ("%" G_GINT64_FORMAT "\t", info->id);
      px_cli_print_tsv_field (info->title);
      putchar ('\t');
      for (guint d = 0; d < info->documents->len; d++)
        printf ("%s%" G_GINT64_FORMAT, d > 0 ? "," : "", g_array_index (info->documents, gint64, d));
      putchar ('\n');
    }
  return PX_EXIT_OK;
}

static gboolean
parse_ids (char **args, int n, GArray *out)
{
  for (int i = 0; i < n; i++)
    {
      gint64 id;
      if (!px_cli_parse_id (args[i], &id))
        return FALSE;
      g_array_append_val (out, id);
    }
  return TRUE;
}

static void
print_usage_error (void)
{
  px_cli_error (_ ("usage: event rename EVENT TITLE | merge INTO FROM | split EVENT DOCUMENT… | "
                   "move DOCUMENT EVENT | new DOCUMENT…"));
}

/* `parallax event ACTION …`: edits events the way the window does. */
int
px_cli_event (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *action;
  gboolean ok = FALSE, usage_ok = FALSE;
  gint64 result = 0;
  int n_ids = 0;

  if (!px_cli_parse_options ("event", _ ("ACTION ARGUMENTS…"), NULL, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc < 3)
    {
      print_usage_error ();
      return PX_EXIT_USAGE;
    }
  action = argv[1];
  if (g_str_equal (action, "rename"))
    n_ids = 1, usage_ok = argc == 4;
  else if (g_str_equal (action, "merge") || g_str_equal (action, "move"))
    n_ids = 2, usage_ok = argc == 4;
  else if (g_str_equal (action, "split"))
    n_ids = argc - 2, usage_ok = argc >= 4;
  else if (g_str_equal (action, "new"))
    n_ids = argc - 2, usage_ok = TRUE;
  if (!usage_ok)
    {
      print_usage_error ();
      return PX_EXIT_USAGE;
    }
  if (!parse_ids (argv + 2, n_ids, ids))
    return PX_EXIT_USAGE;

  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  if (!place_waiting_documents (store))
    return PX_EXIT_FAILED;

  if (g_str_equal (action, "rename"))
    {
      if (!g_utf8_validate (argv[3], -1, NULL))
        {
          px_cli_error (_ ("The title is not valid UTF-8 text"));
          return PX_EXIT_USAGE;
        }
      ok = px_store_rename_event (store, g_array_index (ids, gint64, 0), argv[3], &error);
    }
  else if (g_str_equal (action, "merge"))
    ok = px_store_merge_events (store, g_array_index (ids, gint64, 0), g_array_index (ids, gint64, 1), &error);
  else if (g_str_equal (action, "move"))
    ok = px_store_move_document (store, g_array_index (ids, gint64, 0), g_array_index (ids, gint64, 1), &error);
  else if (g_str_equal (action, "split"))
    ok = (result = px_store_split_event (store, g_array_index (ids, gint64, 0), (gint64 *)ids->data + 1, ids->len - 1,
                                         &error)) > 0;
  else
    ok = (result = px_store_group_documents (store, (gint64 *)ids->data, ids->len, &error)) > 0;

  if (!ok)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  /* A new event's id, for scripts to go on with. */
  if (result > 0)
    printf ("%" G_GINT64_FORMAT "\n", result);
  return PX_EXIT_OK;
}
