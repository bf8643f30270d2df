/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/px-cli.h"
#include "annotations/px-annotation-list.h"
#include "annotations/px-store-annotations.h"

/* parallax note HIGHLIGHT-ID TEXT: replaces the note of a highlight ("" to
 * clear it) and prints the highlight's id once the change is saved. */
int
px_cli_note (PxCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxAnnotation) stored = NULL;
  g_autoptr (PxAnnotationList) list = NULL;
  g_autoptr (GError) error = NULL;
  PxAnnotation *annotation;
  guint64 value;
  gint64 id;

  if (!px_cli_parse_options ("note", _ ("HIGHLIGHT-ID TEXT"), NULL, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc != 3)
    {
      px_cli_error (_ ("note needs a highlight id and the text of the note"));
      return PX_EXIT_USAGE;
    }
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &value, NULL))
    {
      px_cli_error (_ ("“%s” is not a highlight id"), argv[1]);
      return PX_EXIT_USAGE;
    }
  id = (gint64)value;
  if (!g_utf8_validate (argv[2], -1, NULL))
    {
      px_cli_error (_ ("The note must be valid UTF-8 text"));
      return PX_EXIT_USAGE;
    }

  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  stored = px_store_get_annotation (store, id, &error);
  if (stored == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  /* Through the document's annotation list, as the window edits notes. */
  list = px_annotation_list_new (store, px_annotation_get_document_id (stored), &error);
  annotation = list ? px_annotation_list_lookup (list, id) : NULL;
  if (list != NULL && annotation == NULL)
    g_set_error (&error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no highlight %lld"), (long long)id);
  if (annotation == NULL || !px_annotation_list_set_note (list, annotation, argv[2], &error))
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  printf ("%" G_GINT64_FORMAT "\n", id);
  return PX_EXIT_OK;
}
