/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/px-cli.h"
#include "formats/px-annotation-import.h"

/* parallax import-annotations FILE [--coder NAME]: W3C Web Annotations or
 * a Hypothesis export into the library; one TSV line per annotation:
 * status (imported, duplicate, orphaned), the highlight's id in the
 * library (empty when its article is not there), its id in the file. */
int
px_cli_import_annotations (PxCliContext *ctx, int argc, char **argv)
{
  g_autofree char *coder = NULL;
  GOptionEntry entries[] = {
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder, N_ ("Whose highlights these are (default: as the file says)"),
      N_ ("NAME") },
    { NULL },
  };
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) incoming = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n_orphaned = 0;

  if (!px_cli_parse_options ("import-annotations", _ ("FILE [--coder NAME]"), entries, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc != 2)
    {
      px_cli_error (_ ("import-annotations needs one file (W3C Web Annotations or a Hypothesis export)"));
      return PX_EXIT_USAGE;
    }
  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  incoming = px_annotation_file_parse (contents, length, &error);
  if (incoming == NULL)
    {
      px_cli_error ("%s: %s", argv[1], error->message);
      return PX_EXIT_FAILED;
    }
  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  results = px_annotation_import (store, incoming, coder, &error);
  if (results == NULL)
    {
      px_cli_error ("%s", error->message);
      return g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID) && coder != NULL ? PX_EXIT_USAGE
                                                                                              : PX_EXIT_FAILED;
    }
  for (guint i = 0; i < results->len; i++)
    {
      PxAnnotationImportResult *r = g_ptr_array_index (results, i);

      fputs (px_annotation_import_status_to_string (r->status), stdout);
      putchar ('\t');
      if (r->annotation_id > 0)
        printf ("%" G_GINT64_FORMAT, r->annotation_id);
      putchar ('\t');
      px_cli_print_tsv_field (r->file_id);
      putchar ('\n');
      n_orphaned += r->status == PX_IMPORT_ORPHANED;
    }
  if (n_orphaned > 0)
    px_cli_error (ngettext ("%u annotation was not found in its article, or its article is not in the library",
                            "%u annotations were not found in their articles, or their articles are not in the library",
                            n_orphaned),
                  n_orphaned);
  return PX_EXIT_OK;
}
