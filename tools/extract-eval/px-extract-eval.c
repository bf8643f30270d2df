/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs Parallax's importer over a folder of pages for tools/extract-eval:
 * one JSON object per page on stdout (title, author, date, outlet, text
 * or error, and the import note when a fallback found the text), then one
 * with the timing. Pages are read into memory first,
 * so the timing covers charset detection, parsing, extraction, metadata
 * and building the document, not disk reads. With --urls FILE (lines
 * NAME<TAB>URL) a page is imported under its address, as a page fetched
 * from the web is, so the URL can give the date and outlet. */
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "import/px-import.h"

static double
cpu_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static void
print_object (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *line = json_to_string (root, FALSE);
  printf ("%s\n", line);
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static PxDocument *
import_page (GPtrArray *pages, GPtrArray *names, GHashTable *urls, guint i, GError **error)
{
  const char *name = g_ptr_array_index (names, i);
  const char *url = g_hash_table_lookup (urls, name);

  if (url != NULL)
    return px_import_bytes (g_ptr_array_index (pages, i), url, "text/html", error);
  return px_import_bytes (g_ptr_array_index (pages, i), name, NULL, error);
}

int
main (int argc, char *argv[])
{
  int repeat = 1;
  g_autofree char *urls_path = NULL;
  g_autoptr (GHashTable) urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GOptionContext) context = g_option_context_new ("FOLDER");
  GOptionEntry entries[] = {
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Import every page this many times for the timing", "N" },
    { "urls", 'u', 0, G_OPTION_ARG_FILENAME, &urls_path, "Page addresses, NAME<TAB>URL per line", "FILE" },
    { NULL },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  const char *name;
  double start, seconds;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      fprintf (stderr, "usage: px-extract-eval [--repeat N] FOLDER\n");
      return 2;
    }
  if (urls_path != NULL)
    {
      g_autofree char *text = NULL;
      g_auto (GStrv) lines = NULL;

      if (!g_file_get_contents (urls_path, &text, NULL, &error))
        {
          fprintf (stderr, "px-extract-eval: %s\n", error->message);
          return 1;
        }
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *tab = strchr (lines[i], '\t');
          if (tab != NULL)
            g_hash_table_replace (urls, g_strndup (lines[i], tab - lines[i]), g_strdup (tab + 1));
        }
    }
  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "px-extract-eval: %s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".html"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (argv[1], g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      gsize len;

      if (!g_file_get_contents (path, &data, &len, &error))
        {
          fprintf (stderr, "px-extract-eval: %s\n", error->message);
          return 1;
        }
      g_ptr_array_add (pages, g_bytes_new_take (g_steal_pointer (&data), len));
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (GError) local_error = NULL;
      g_autoptr (PxDocument) doc = import_page (pages, names, urls, i, &local_error);

      json_builder_begin_object (b);
      add_string (b, "name", g_ptr_array_index (names, i));
      if (doc != NULL)
        {
          add_string (b, "title", px_document_get_title (doc));
          add_string (b, "author", px_document_get_author (doc));
          add_string (b, "date", px_document_get_published (doc));
          add_string (b, "outlet", px_document_get_outlet (doc));
          add_string (b, "text", px_document_get_text (doc));
          add_string (b, "note", px_document_get_import_note (doc));
        }
      else
        add_string (b, "error", local_error->message);
      json_builder_end_object (b);
      print_object (b);
    }

  start = cpu_seconds ();
  for (int r = 0; r < repeat; r++)
    for (guint i = 0; i < pages->len; i++)
      {
        PxDocument *doc = import_page (pages, names, urls, i, NULL);
        g_clear_object (&doc);
      }
  seconds = cpu_seconds () - start;
  {
    g_autoptr (JsonBuilder) b = json_builder_new ();
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "timing");
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "pages");
    json_builder_add_int_value (b, (gint64)pages->len * repeat);
    json_builder_set_member_name (b, "cpu_seconds");
    json_builder_add_double_value (b, seconds);
    json_builder_end_object (b);
    json_builder_end_object (b);
    print_object (b);
  }
  return 0;
}
