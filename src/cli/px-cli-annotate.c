/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/px-cli.h"
#include "annotations/px-annotation-list.h"

/* parallax annotate ID --quote TEXT [--color NAME] [--note TEXT]
 * [--tag TAG]… [--occurrence N]: highlights a passage found by its exact
 * text, and prints the new highlight's id. */
int
px_cli_annotate (PxCliContext *ctx, int argc, char **argv)
{
  g_autofree char *quote = NULL;
  g_autofree char *color = NULL;
  g_autofree char *note = NULL;
  g_auto (GStrv) tags = NULL;
  int occurrence = 1;
  GOptionEntry entries[] = {
    { "quote", 'q', 0, G_OPTION_ARG_STRING, &quote, N_ ("The exact text to highlight"), N_ ("TEXT") },
    { "color", 'c', 0, G_OPTION_ARG_STRING, &color, N_ ("yellow, green, blue, red, purple or grey"), N_ ("NAME") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_ ("A note on the highlight"), N_ ("TEXT") },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_ ("A tag (repeat for several)"), N_ ("TAG") },
    { "occurrence", 'o', 0, G_OPTION_ARG_INT, &occurrence,
      N_ ("Which match to take when the text occurs several times"), N_ ("N") },
    { NULL },
  };
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (PxAnchorText) text = NULL;
  g_autoptr (GArray) matches = NULL;
  g_autoptr (PxAnnotationList) list = NULL;
  g_autoptr (PxAnnotation) annotation = NULL;
  g_autoptr (GError) error = NULL;
  guint start;
  gint64 id;

  if (!px_cli_parse_options ("annotate", _ ("ID --quote TEXT"), entries, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc != 2)
    {
      px_cli_error (_ ("annotate needs one document id"));
      return PX_EXIT_USAGE;
    }
  if (!px_cli_parse_id (argv[1], &id))
    return PX_EXIT_USAGE;
  if (quote == NULL || *quote == '\0')
    {
      px_cli_error (_ ("annotate needs the text to highlight: --quote TEXT"));
      return PX_EXIT_USAGE;
    }
  if (!g_utf8_validate (quote, -1, NULL))
    {
      px_cli_error (_ ("--quote must be valid UTF-8 text"));
      return PX_EXIT_USAGE;
    }
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      px_cli_error (_ ("--note must be valid UTF-8 text"));
      return PX_EXIT_USAGE;
    }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (!g_utf8_validate (tags[i], -1, NULL))
      {
        px_cli_error (_ ("--tag “%s” is not valid UTF-8 text"), tags[i]);
        return PX_EXIT_USAGE;
      }
  if (color == NULL)
    color = g_strdup ("yellow");
  if (!px_annotation_color_is_valid (color))
    {
      px_cli_error (_ ("“%s” is not a highlight colour; use yellow, green, blue, red, purple or grey"), color);
      return PX_EXIT_USAGE;
    }
  if (occurrence < 1)
    {
      px_cli_error (_ ("--occurrence counts from 1"));
      return PX_EXIT_USAGE;
    }

  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  doc = px_store_load_document (store, id, &error);
  if (doc == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  text = px_anchor_text_new (px_document_get_text (doc));
  matches = px_anchor_find_all (text, quote);
  if (matches->len == 0)
    {
      px_cli_error (_ ("“%s” does not occur in document %lld"), quote, (long long)id);
      return PX_EXIT_FAILED;
    }
  if ((guint)occurrence > matches->len)
    {
      px_cli_error (ngettext ("“%s” occurs only %u time in document %lld", "“%s” occurs only %u times in document %lld",
                              matches->len),
                    quote, matches->len, (long long)id);
      return PX_EXIT_FAILED;
    }
  start = g_array_index (matches, guint, occurrence - 1);
  annotation = px_annotation_new_for_text (text, id, start, start + g_utf8_strlen (quote, -1), color);
  if (note != NULL)
    px_annotation_set_note (annotation, note);
  px_annotation_set_tags (annotation, (const char *const *)tags);

  /* Through the document's annotation list, so that the window can undo
   * it like its own. */
  list = px_annotation_list_new (store, id, &error);
  if (list == NULL || !px_annotation_list_add (list, annotation, &error))
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  printf ("%" G_GINT64_FORMAT "\n", px_annotation_get_id (annotation));
  return PX_EXIT_OK;
}
