/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scale benchmark's helper (tools/bench-scale):
 *
 *   px-bench-scale generate LIBRARY N   a library of N generated articles
 *                                       with 5 highlights each
 *   px-bench-scale search LIBRARY RUNS  full-text search times
 *
 * Articles are generated text only: a vocabulary of made-up words with a
 * skewed frequency, as in real prose, so that the full-text index has
 * common and rare terms. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotations/px-store-annotations.h"

#define N_WORDS 4000
#define HIGHLIGHTS_PER_DOC 5

static char *vocabulary[N_WORDS];

static void
make_vocabulary (GRand *rand)
{
  static const char *const syllables[] = {
    "ba",  "ker", "lo",  "mi",  "nor", "ta",  "ven", "sul", "dri", "ca",  "pen", "ro",   "mas", "tel", "fi",  "gu",
    "har", "bo",  "lin", "que", "sa",  "tor", "vi",  "zen", "del", "mon", "ri",  "stra", "po",  "an",  "est", "ul",
  };
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < N_WORDS;)
    {
      GString *w = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 5);
      for (guint s = 0; s < n; s++)
        g_string_append (w, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      if (g_hash_table_contains (seen, w->str))
        {
          g_string_free (w, TRUE);
          continue;
        }
      vocabulary[i] = g_string_free (w, FALSE);
      g_hash_table_add (seen, vocabulary[i]);
      i++;
    }
  g_hash_table_unref (seen);
}

/* Word i is chosen with a probability that falls with i, roughly as in
 * natural text. */
static const char *
pick_word (GRand *rand)
{
  double r = g_rand_double (rand);
  return vocabulary[(guint)(N_WORDS * pow (r, 3.0)) % N_WORDS];
}

static PxDocument *
make_article (GRand *rand, guint index)
{
  static const char *const outlets[] = {
    "Harbour Gazette",  "Valley Courier", "North Star Daily", "Morning Ledger",    "Coastal Times",
    "Riverside Herald", "Summit Post",    "Plains Tribune",   "Lakeside Observer", "Metro Dispatch",
  };
  PxDocument *doc = px_document_new ();
  g_autoptr (GString) para = g_string_new (NULL);
  g_autofree char *title = g_strdup_printf ("Report %u on the %s %s", index, pick_word (rand), pick_word (rand));
  g_autofree char *date = g_strdup_printf ("2031-%02d-%02d", 1 + index % 12, 1 + index % 28);
  guint n_paras = g_rand_int_range (rand, 4, 9);

  px_document_set_title (doc, title);
  px_document_set_outlet (doc, outlets[index % G_N_ELEMENTS (outlets)]);
  px_document_set_published (doc, date);
  for (guint p = 0; p < n_paras; p++)
    {
      guint n_sentences = g_rand_int_range (rand, 2, 5);
      g_string_truncate (para, 0);
      for (guint s = 0; s < n_sentences; s++)
        {
          guint n_words = g_rand_int_range (rand, 8, 22);
          for (guint w = 0; w < n_words; w++)
            {
              const char *word = pick_word (rand);
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
    }
  return doc;
}

typedef struct
{
  GRand *rand;
  guint first;
  guint n;
  guint highlights;
} Batch;

static gboolean
add_batch (PxStore *store, gpointer data, GError **error)
{
  static const char *const colors[] = { "yellow", "green", "blue", "red", "purple", "grey" };
  Batch *b = data;

  for (guint i = b->first; i < b->first + b->n; i++)
    {
      g_autoptr (PxDocument) doc = make_article (b->rand, i);
      g_autoptr (PxAnchorText) text = NULL;
      guint length;

      if (!px_store_add_document (store, doc, NULL, error))
        return FALSE;
      text = px_anchor_text_new (px_document_get_text (doc));
      length = px_document_get_length (doc);
      for (guint h = 0; h < HIGHLIGHTS_PER_DOC; h++)
        {
          guint start = (length / HIGHLIGHTS_PER_DOC) * h + g_rand_int_range (b->rand, 0, 40);
          guint end = MIN (length, start + g_rand_int_range (b->rand, 20, 160));
          g_autoptr (PxAnnotation) a = px_annotation_new_for_text (
              text, px_document_get_id (doc), start, end, colors[g_rand_int_range (b->rand, 0, G_N_ELEMENTS (colors))]);

          if (h == 0)
            px_annotation_set_note (a, "Compare with the council minutes.");
          if (!px_store_add_annotation (store, a, error))
            return FALSE;
          b->highlights++;
        }
    }
  return TRUE;
}

static int
generate (const char *path, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, 0, &error);
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  gint64 start = g_get_monotonic_time ();
  Batch batch = { rand, 0, 0, 0 };

  if (store == NULL)
    {
      fprintf (stderr, "px-bench-scale: %s\n", error->message);
      return 1;
    }
  make_vocabulary (rand);
  /* Batches of 500 documents per transaction: quick, and each batch is
   * still a realistic series of inserts through the store. */
  for (guint first = 0; first < n; first += 500)
    {
      batch.first = first;
      batch.n = MIN (500, n - first);
      if (!px_store_transaction (store, add_batch, &batch, &error))
        {
          fprintf (stderr, "px-bench-scale: %s\n", error->message);
          return 1;
        }
    }
  printf ("generated %u documents and %u highlights in %.1f s\n", n, batch.highlights,
          (g_get_monotonic_time () - start) / 1e6);
  return 0;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int
search (const char *path, guint runs)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_EXISTING, &error);
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  guint64 hits = 0;

  if (store == NULL)
    {
      fprintf (stderr, "px-bench-scale: %s\n", error->message);
      return 1;
    }
  make_vocabulary (rand);
  /* What people type: a common word, a rare one, two words, a prefix, an
   * outlet, a word that is nowhere. */
  g_ptr_array_add (queries, g_strdup (vocabulary[0]));
  g_ptr_array_add (queries, g_strdup (vocabulary[5]));
  g_ptr_array_add (queries, g_strdup (vocabulary[N_WORDS - 7]));
  g_ptr_array_add (queries, g_strdup_printf ("%s %s", vocabulary[3], vocabulary[400]));
  g_ptr_array_add (queries, g_strndup (vocabulary[40], 3));
  g_ptr_array_add (queries, g_strdup ("Harbour Gazette"));
  g_ptr_array_add (queries, g_strdup ("xylophonequark"));

  for (guint r = 0; r < runs; r++)
    for (guint q = 0; q < queries->len; q++)
      {
        gint64 t0 = g_get_monotonic_time ();
        g_autoptr (GArray) ids = px_store_search_documents (store, g_ptr_array_index (queries, q), &error);
        double ms = (g_get_monotonic_time () - t0) / 1000.0;

        if (ids == NULL)
          {
            fprintf (stderr, "px-bench-scale: %s\n", error->message);
            return 1;
          }
        hits += ids->len;
        g_array_append_val (times, ms);
      }
  /* The Highlights panel's search across the library, same words. */
  {
    g_autoptr (GArray) notes = g_array_new (FALSE, FALSE, sizeof (double));
    guint64 found = 0;

    for (guint r = 0; r < runs; r++)
      for (guint q = 0; q < queries->len; q++)
        {
          gint64 t0 = g_get_monotonic_time ();
          g_autoptr (GPtrArray) list = px_store_search_annotations (store, g_ptr_array_index (queries, q), &error);
          double ms = (g_get_monotonic_time () - t0) / 1000.0;

          if (list == NULL)
            {
              fprintf (stderr, "px-bench-scale: %s\n", error->message);
              return 1;
            }
          found += list->len;
          g_array_append_val (notes, ms);
        }
    qsort (notes->data, notes->len, sizeof (double), compare_double);
    printf ("annotation-search-ms: median %.2f, p95 %.2f, max %.2f (%u queries, %" G_GUINT64_FORMAT " hits)\n",
            g_array_index (notes, double, notes->len / 2), g_array_index (notes, double, notes->len * 95 / 100),
            g_array_index (notes, double, notes->len - 1), notes->len, found);
  }
  if (g_getenv ("PX_BENCH_VERBOSE") != NULL)
    for (guint q = 0; q < queries->len; q++)
      {
        g_autoptr (GArray) per = g_array_new (FALSE, FALSE, sizeof (double));
        for (guint r = 0; r < runs; r++)
          g_array_append_val (per, g_array_index (times, double, r * queries->len + q));
        qsort (per->data, per->len, sizeof (double), compare_double);
        fprintf (stderr, "  %-24s median %.2f ms\n", (const char *)g_ptr_array_index (queries, q),
                 g_array_index (per, double, per->len / 2));
      }
  qsort (times->data, times->len, sizeof (double), compare_double);
  printf ("search-ms: median %.2f, p95 %.2f, max %.2f (%u queries, %" G_GUINT64_FORMAT " hits)\n",
          g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len * 95 / 100),
          g_array_index (times, double, times->len - 1), times->len, hits);
  return 0;
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && strcmp (argv[1], "generate") == 0)
    return generate (argv[2], (guint)g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 4 && strcmp (argv[1], "search") == 0)
    return search (argv[2], (guint)g_ascii_strtoull (argv[3], NULL, 10));
  fprintf (stderr, "usage: px-bench-scale generate LIBRARY N | search LIBRARY RUNS\n");
  return 2;
}
