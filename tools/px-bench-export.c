/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of the Markdown export (tools/bench-export): an event of
 * generated articles with 1,000 highlights in all, exported as the command
 * line does it (load, compare, write) and, apart, the writing alone from
 * a comparison already built (what the Export dialog's preview repeats). */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "export/px-export.h"
#include "annotations/px-store-annotations.h"

static const char *const words[] = {
  "ferry",  "council", "said",      "the",   "on",     "Monday", "minister", "report", "workers",    "strike",
  "island", "of",      "and",       "a",     "new",    "plan",   "would",    "not",    "crossing",   "budget",
  "vote",   "mayor",   "harbour",   "week",  "police", "market", "union",    "pier",   "in",         "after",
  "before", "safety",  "timetable", "boats", "court",  "judge",  "ruling",   "lake",   "passengers", "officials",
};

static void
append_sentence (GString *para, GRand *rand)
{
  guint n_words = g_rand_int_range (rand, 8, 22);

  for (guint w = 0; w < n_words; w++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (w == 0)
        {
          g_string_append_c (para, g_ascii_toupper (word[0]));
          g_string_append (para, word + 1);
        }
      else
        g_string_append_printf (para, " %s", word);
    }
  g_string_append_c (para, '.');
}

/* ~@n_words words; shared sentences (same seed for every article) give the
 * comparison claims to find, and a quotation gives it a speaker. */
static PxDocument *
make_article (guint index, guint n_words, GRand *rand)
{
  PxDocument *doc = px_document_new ();
  g_autoptr (GString) para = g_string_new (NULL);
  g_autoptr (GRand) shared = g_rand_new_with_seed (42);
  g_autofree char *title = g_strdup_printf ("Ferry strike, report %u", index + 1);
  g_autofree char *outlet = g_strdup_printf ("Outlet %u", index + 1);
  g_autofree char *date = g_strdup_printf ("2024-03-%02u", index % 28 + 1);
  guint total = 0;

  px_document_set_title (doc, title);
  px_document_set_outlet (doc, outlet);
  px_document_set_published (doc, date);
  px_document_set_language (doc, "en");
  while (total < n_words)
    {
      guint n_sentences = g_rand_int_range (rand, 3, 6);

      g_string_truncate (para, 0);
      for (guint s = 0; s < n_sentences; s++)
        {
          if (s > 0)
            g_string_append_c (para, ' ');
          append_sentence (para, g_rand_int_range (rand, 0, 3) == 0 ? shared : rand);
        }
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append (para, " \"We will not sail until the boats are safe,\" said union leader Mira Kovac.");
      total += n_sentences * 15;
      px_document_append_block (doc, PX_BLOCK_PARAGRAPH, para->str);
    }
  return doc;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

int
main (int argc, char *argv[])
{
  guint n_docs = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 10;
  guint n_highlights = argc > 2 ? (guint)g_ascii_strtoull (argv[2], NULL, 10) : 1000;
  guint n_words = argc > 3 ? (guint)g_ascii_strtoull (argv[3], NULL, 10) : 800;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("px-bench-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) annotations = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr (GPtrArray) colors = NULL;
  g_autoptr (PxComparison) comparison = NULL;
  g_autoptr (GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) write = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) compare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *sql = NULL;
  gsize bytes = 0;
  sqlite3 *db;

  if (dir == NULL || n_docs == 0 || n_docs > 1000)
    {
      g_printerr ("usage: px-bench-export [DOCUMENTS [HIGHLIGHTS [WORDS]]]\n");
      return 2;
    }
  path = g_build_filename (dir, "library.db", NULL);
  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < n_docs; i++)
    {
      PxDocument *doc = make_article (i, n_words, rand);

      if (!px_store_add_document (store, doc, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_ptr_array_add (docs, doc);
    }
  for (guint i = 0; i < n_highlights; i++)
    {
      PxDocument *doc = g_ptr_array_index (docs, i % n_docs);
      guint length = px_document_get_length (doc);
      guint start = g_rand_int_range (rand, 0, length - 200);
      g_autoptr (PxAnnotation) a = px_annotation_new_for_range (doc, start, start + g_rand_int_range (rand, 10, 190),
                                                                px_annotation_color_names ()[i % PX_N_COLORS]);

      if (i % 3 == 0)
        px_annotation_set_note (a, "A note on *this* passage.\n\nWith a second paragraph.");
      if (i % 4 == 0)
        px_annotation_set_tags (a, (const char *[]){ "claim", "safety", NULL });
      if (!px_store_add_annotation (store, a, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  /* Events belong to the grouping code: place the documents directly. */
  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  sql = g_strdup ("INSERT INTO events (id, title, created, modified) VALUES (1, 'Ferry strike', 'x', 'x');"
                  "UPDATE documents SET event_id = 1;");
  g_assert (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK);
  sqlite3_close (db);

  for (guint run = 0; run < 7; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autofree char *md = px_export_event_from_store (store, 1, NULL, &error);
      double ms = (g_get_monotonic_time () - t0) / 1000.0;

      if (md == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      bytes = strlen (md);
      g_array_append_val (full, ms);
    }

  colors = px_store_list_colors (store, NULL);
  for (guint i = 0; i < n_docs; i++)
    g_ptr_array_add (annotations,
                     px_store_list_annotations (store, px_document_get_id (g_ptr_array_index (docs, i)), NULL));
  for (guint run = 0; run < 7; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      PxComparison *c = px_comparison_new (docs, NULL);
      double ms = (g_get_monotonic_time () - t0) / 1000.0;

      g_array_append_val (compare, ms);
      g_clear_object (&comparison);
      comparison = c;
    }
  for (guint run = 0; run < 15; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      char *md = px_export_event (1, "Ferry strike", comparison, annotations, colors, NULL);
      double ms = (g_get_monotonic_time () - t0) / 1000.0;

      g_free (md);

      g_array_append_val (write, ms);
    }

  g_print ("event export, %u articles of ~%u words, %u highlights (%.0f KB of Markdown): %.1f ms "
           "(target < 100 ms; load + compare + write, median of 7)\n",
           n_docs, n_words, n_highlights, bytes / 1024.0, median (full));
  g_print ("  of which comparing the articles: %.1f ms; writing the Markdown alone: %.1f ms (median of 15)\n",
           median (compare), median (write));

  g_clear_object (&store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
