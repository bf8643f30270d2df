/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The driver of tools/compare-eval: groups or compares invented articles
 * and prints JSON for the script to score against the gold set. */
#include <stdio.h>
#include <string.h>

#include "compare/px-compare-json.h"
#include "events/px-event-index.h"
#include "compare-fixtures.h"

static int
group (int argc, char **argv, double threshold)
{
  g_autoptr (GPtrArray) features = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_features_free);
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");
  g_autoptr (PxEventIndex) index = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *out = NULL;
  g_autoptr (GArray) events = NULL;
  PxEventParams params;

  px_event_params_init (&params);
  if (threshold > 0)
    params.threshold = threshold;
  index = px_event_index_new (&params);
  for (int i = 0; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PxDocument) doc = px_test_load_article (argv[i], i + 1, &error);
      if (doc == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_ptr_array_add (features, px_event_features_new_for_document (doc, stemmer));
      g_ptr_array_add (titles, g_strdup (px_document_get_title (doc)));
    }
  px_event_index_group (index, features);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (int i = 0; i < argc; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "path");
      json_builder_add_string_value (b, argv[i]);
      json_builder_set_member_name (b, "event");
      json_builder_add_int_value (b, px_event_index_get_event (index, i + 1));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  events = px_event_index_list_events (index);
  for (guint e = 0; e < events->len; e++)
    {
      gint64 id = g_array_index (events, gint64, e);
      /* Named by the headline of its most central article, as the
       * library names it. */
      gint64 central = px_event_index_get_central_document (index, id);
      const char *title = titles->pdata[central - 1];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, id);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, title);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  out = json_generator_to_data (gen, NULL);
  printf ("%s\n", out);
  return 0;
}

static int
compare (int argc, char **argv)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxComparison) cmp = NULL;
  g_autofree char *out = NULL;

  for (int i = 0; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      PxDocument *doc = px_test_load_article (argv[i], i + 1, &error);
      if (doc == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_ptr_array_add (docs, doc);
    }
  cmp = px_comparison_new (docs, NULL);
  out = px_compare_to_json (cmp, 1, NULL, TRUE);
  printf ("%s\n", out);
  return 0;
}

int
main (int argc, char **argv)
{
  double threshold = 0;

  if (argc >= 3 && strcmp (argv[1], "--threshold") == 0)
    {
      threshold = g_ascii_strtod (argv[2], NULL);
      argv += 2;
      argc -= 2;
    }
  if (argc < 3)
    {
      g_printerr ("usage: px-compare-tool [--threshold T] group|compare ARTICLE…\n");
      return 2;
    }
  if (strcmp (argv[1], "group") == 0)
    return group (argc - 2, argv + 2, threshold);
  if (strcmp (argv[1], "compare") == 0)
    return compare (argc - 2, argv + 2);
  g_printerr ("unknown command %s\n", argv[1]);
  return 2;
}
