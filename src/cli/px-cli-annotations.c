/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/px-cli.h"
#include "annotations/px-store-annotations.h"
#include "provenance/px-store-versions.h"

/* parallax annotations [ID]: the highlights of one document, or of the
 * whole library, as TSV: id, document id, start, end, colour, tags, quote,
 * note, state (anchored, orphaned, or changed: found again with other
 * words). */
int
px_cli_annotations (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GPtrArray) annotations = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GHashTable) changed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  if (!px_cli_parse_options ("annotations", _ ("[ID]"), NULL, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc > 2)
    {
      px_cli_error (_ ("annotations takes at most one document id"));
      return PX_EXIT_USAGE;
    }
  if (argc == 2 && !px_cli_parse_id (argv[1], &id))
    return PX_EXIT_USAGE;
  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING | PX_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  if (id > 0)
    {
      g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, id, &error);
      if (info == NULL)
        {
          px_cli_error ("%s", error->message);
          return PX_EXIT_FAILED;
        }
    }
  annotations = px_store_list_annotations (store, id, &error);
  if (annotations == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  changes = px_store_list_annotation_changes (store, id, &error);
  if (changes == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  for (guint i = 0; i < changes->len; i++)
    g_hash_table_add (changed, &((PxAnnotationChange *)changes->pdata[i])->annotation_id);
  for (guint i = 0; i < annotations->len; i++)
    {
      PxAnnotation *a = g_ptr_array_index (annotations, i);
      gint64 aid = px_annotation_get_id (a);

      printf ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%u\t%u\t%s\t", px_annotation_get_id (a),
              px_annotation_get_document_id (a), px_annotation_get_start (a), px_annotation_get_end (a),
              px_annotation_get_color (a));
      px_cli_print_tsv_list ((const char *const *)px_annotation_get_tags (a));
      putchar ('\t');
      px_cli_print_tsv_field (px_annotation_get_quote (a));
      putchar ('\t');
      px_cli_print_tsv_field (px_annotation_get_note (a));
      /* "changed": found again in a newer version with other words
       * (`parallax versions ID --highlights` gives old and new). */
      printf ("\t%s\n", px_annotation_get_orphaned (a)          ? "orphaned"
                        : g_hash_table_contains (changed, &aid) ? "changed"
                                                                : "anchored");
    }
  return PX_EXIT_OK;
}
