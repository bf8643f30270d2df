/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/px-cli.h"
#include "import/px-import-job.h"
#include "import/px-url-fetch.h"

static const char *const status_words[] = { "imported", "duplicate", "failed", "updated" };

/* stdout: one TSV line per file (status, id, source) for scripts, printed
 * as soon as its transaction is committed, so that a script (or the crash
 * test) knows what is saved even if the batch stops; stderr: the reason
 * for each failure, what fetching a page again did to its highlights, and
 * how a page's text was found when the usual rules found none. */
static void
print_result (guint done, guint total, const PxImportResult *r, gpointer user_data)
{
  if (r->status == PX_IMPORT_FAILED)
    px_cli_error ("%s: %s", r->source, r->message);
  else
    {
      /* A near duplicate is imported and flagged: a fourth column names
       * the document it resembles, so the first three stay stable. */
      printf ("%s\t%" G_GINT64_FORMAT "\t", status_words[r->status], r->document_id);
      px_cli_print_tsv_field (r->source);
      if (r->near_duplicate_of != 0)
        printf ("\tnear-duplicate-of=%" G_GINT64_FORMAT, r->near_duplicate_of);
      putchar ('\n');
      fflush (stdout);
      if (r->message != NULL)
        {
          g_autofree char *source = px_cli_escape_field (r->source, FALSE);
          g_printerr ("%s: %s\n", source, r->message);
        }
    }
}

int
px_cli_import (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)px_import_result_free);
  g_autoptr (GError) error = NULL;
  guint imported, duplicates, failed, n_missing = 0;

  if (!px_cli_parse_options ("import", _ ("PATH|URL…"), NULL, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc < 2)
    {
      px_cli_error (_ ("import needs at least one file, folder or web address"));
      return PX_EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GFile) file = NULL;

      if (px_url_is_web (argv[i]))
        {
          g_ptr_array_add (urls, g_strdup (argv[i]));
          continue;
        }
      if (px_url_has_scheme (argv[i]) && g_ascii_strncasecmp (argv[i], "file:", 5) != 0)
        {
          px_cli_error (_ ("%s: only web addresses starting with http:// or https:// can be imported"), argv[i]);
          n_missing++;
          continue;
        }
      file = g_file_new_for_commandline_arg (argv[i]);
      /* One bad path fails itself; the others are imported. */
      if (!g_file_query_exists (file, NULL))
        {
          px_cli_error (_ ("%s: no such file or folder"), argv[i]);
          n_missing++;
          continue;
        }
      g_ptr_array_add (roots, g_steal_pointer (&file));
    }

  if (roots->len == 0 && urls->len == 0)
    return PX_EXIT_FAILED;
  store = px_cli_open_store (ctx, PX_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return PX_EXIT_LIBRARY;

  for (guint i = 0; i < urls->len; i++)
    {
      PxImportResult *r = px_import_url (store, g_ptr_array_index (urls, i), NULL, &error);
      /* NULL: the library itself failed (full disk, damage): stop. */
      if (r == NULL)
        {
          px_cli_error ("%s", error->message);
          return PX_EXIT_FAILED;
        }
      print_result (i + 1, urls->len, r, NULL);
      g_ptr_array_add (results, r);
    }
  if (roots->len > 0)
    {
      g_autoptr (GPtrArray) from_files =
          px_import_run (store, (GFile *const *)roots->pdata, roots->len, print_result, NULL, NULL, &error);
      if (from_files == NULL)
        {
          px_cli_error ("%s", error->message);
          return PX_EXIT_FAILED;
        }
      g_ptr_array_extend_and_steal (results, g_steal_pointer (&from_files));
    }

  px_import_count (results, &imported, &duplicates, &failed);
  if (results->len == 0 && n_missing == 0)
    {
      px_cli_error (_ ("No files were found to import"));
      return PX_EXIT_FAILED;
    }
  return failed > 0 || n_missing > 0 ? PX_EXIT_FAILED : PX_EXIT_OK;
}
