/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmarks of the annotation core (tools/bench-annotations): creating a
 * highlight (from the selection to the commit) and re-anchoring 5,000
 * highlights of a 1 MB article after an edit. Generated text only. */
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "annotations/px-annotation-list.h"
#include "annotations/px-store-annotations.h"

static const char *const words[] = {
  "harbour", "council", "said", "the",      "on",     "Tuesday", "minister", "report", "workers", "strike",
  "bridge",  "of",      "and",  "a",        "new",    "plan",    "would",    "not",    "river",   "budget",
  "vote",    "mayor",   "town", "week",     "police", "market",  "school",   "road",   "in",      "after",
  "before",  "county",  "rail", "election", "court",  "judge",   "ruling",   "water",  "supply",  "officials",
};

/* About @bytes of clean text: paragraphs of generated sentences. */
static PxDocument *
make_article (gsize bytes, GRand *rand, const char *title)
{
  PxDocument *doc = px_document_new ();
  g_autoptr (GString) para = g_string_new (NULL);
  gsize total = 0;

  px_document_set_title (doc, title);
  while (total < bytes)
    {
      guint n_sentences = g_rand_int_range (rand, 3, 7);
      g_string_truncate (para, 0);
      for (guint s = 0; s < n_sentences; s++)
        {
          guint n_words = g_rand_int_range (rand, 8, 25);
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
          g_string_append (para, s + 1 < n_sentences ? ". " : ".");
        }
      px_document_append_block (doc, PX_BLOCK_PARAGRAPH, para->str);
      total += para->len + 2;
    }
  return doc;
}

typedef struct
{
  GRand *rand;
  PxAnchorText *text;
  gint64 document_id;
  guint length;
  guint n;
} SetupData;

static gboolean
add_highlights_txn (PxStore *store, gpointer user_data, GError **error)
{
  SetupData *data = user_data;

  for (guint i = 0; i < data->n; i++)
    {
      guint start = g_rand_int_range (data->rand, 0, data->length - 300);
      guint end = start + g_rand_int_range (data->rand, 10, 250);
      g_autoptr (PxAnnotation) a = px_annotation_new_for_text (data->text, data->document_id, start, end,
                                                               px_annotation_color_names ()[i % PX_N_COLORS]);
      if (i % 5 == 0)
        px_annotation_set_note (a, "A note on this passage, with a few words to index.");
      if (i % 7 == 0)
        px_annotation_set_tags (a, (const char *[]){ "claim", NULL });
      if (!px_store_add_annotation (store, a, error))
        return FALSE;
    }
  return TRUE;
}

/* CPU time of this process, in ms: what the work costs, apart from
 * waiting for the disk or for other processes on a busy machine. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("px-bench-annot-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240305);
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (PxDocument) edited = NULL;
  g_autoptr (PxAnnotationList) list = NULL;
  g_autoptr (PxAnchorText) text = NULL;
  g_autoptr (GArray) create_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) reanchor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) create_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) reanchor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  double c0;
  char load[32] = "unknown";
  g_autoptr (GError) error = NULL;
  guint length, n_highlights = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 5000;
  gint64 t0;

  store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  doc = make_article (1024 * 1024, rand, "Benchmark article");
  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  length = px_document_get_length (doc);
  text = px_anchor_text_new (px_document_get_text (doc));

  /* 5,000 highlights, overlapping and nested at random, a fifth with a
   * note, in batches of one transaction (as an import would). */
  t0 = g_get_monotonic_time ();
  {
    SetupData data = { rand, text, px_document_get_id (doc), length, n_highlights };
    g_assert_true (px_store_transaction (store, add_highlights_txn, &data, &error));
  }
  g_printerr ("setup: %u highlights stored in %.0f ms\n", n_highlights, (g_get_monotonic_time () - t0) / 1000.0);

  /* Creating a highlight as the window does: quote and context from the
   * document, then one transaction with its undo step. */
  list = px_annotation_list_new (store, px_document_get_id (doc), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 50; i++)
    {
      guint start = g_rand_int_range (rand, 0, length - 300);
      g_autoptr (PxAnnotation) a = NULL;

      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      a = px_annotation_new_for_range (doc, start, start + 80, "yellow");
      g_assert_true (px_annotation_list_add (list, a, &error));
      g_array_append_val (create_ms, ((double){ (g_get_monotonic_time () - t0) / 1000.0 }));
      g_array_append_val (create_cpu, ((double){ cpu_ms () - c0 }));
    }
  g_clear_object (&list);

  /* An edit: a paragraph inserted near the start, one sentence rewritten
   * in the middle, one paragraph removed near the end. Timed from the new
   * text to the committed positions, five times back and forth. */
  {
    guint n = px_document_get_n_blocks (doc);
    g_autoptr (GPtrArray) blocks = g_ptr_array_new_with_free_func (g_free);

    for (guint b = 0; b < n; b++)
      {
        const PxBlock *block = px_document_get_block (doc, b);
        g_ptr_array_add (blocks, px_anchor_text_slice (text, block->start, block->end));
      }
    edited = px_document_new ();
    for (guint b = 0; b < n; b++)
      {
        char *para = g_ptr_array_index (blocks, b);
        if (b == 3)
          px_document_append_block (edited, PX_BLOCK_PARAGRAPH, "Correction: an earlier version misnamed the port.");
        if (b == n - 5)
          continue;
        if (b == n / 2)
          {
            g_autoptr (GString) s = g_string_new (para);
            g_string_replace (s, "the", "THE", 3);
            px_document_append_block (edited, PX_BLOCK_PARAGRAPH, s->str);
            continue;
          }
        px_document_append_block (edited, PX_BLOCK_PARAGRAPH, para);
      }
  }
  {
    g_autofree char *contents = NULL;
    if (g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
      {
        contents[strcspn (contents, " ")] = '\0';
        g_strlcpy (load, contents, sizeof load);
      }
  }
  for (guint round = 0; round < 6; round++)
    {
      PxReanchorStats stats;
      PxDocument *target = round % 2 == 0 ? edited : doc;

      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      g_assert_true (px_store_replace_document_text (store, px_document_get_id (doc), target, &stats, &error));
      g_array_append_val (reanchor_ms, ((double){ (g_get_monotonic_time () - t0) / 1000.0 }));
      g_array_append_val (reanchor_cpu, ((double){ cpu_ms () - c0 }));
      if (round == 0)
        g_printerr ("re-anchoring: %u by position, %u exact, %u approximate, %u orphaned\n", stats.n_position,
                    stats.n_exact, stats.n_fuzzy, stats.n_orphaned);
    }

  g_print ("create highlight (selection to commit), median of 50: %.2f ms wall, %.2f ms CPU (target < 10 ms)\n",
           median (create_ms), median (create_cpu));
  g_print ("re-anchor %u highlights of a %.1f MB article after an edit, median of 6: %.1f ms wall, %.1f ms CPU"
           " (target < 200 ms)\n",
           n_highlights + 50, strlen (px_document_get_text (doc)) / 1048576.0, median (reanchor_ms),
           median (reanchor_cpu));
  g_print ("(load average while measuring: %s)\n", load);

  g_clear_object (&store);
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);
        g_remove (child);
      }
    g_rmdir (dir);
  }
  return 0;
}
