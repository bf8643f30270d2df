/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The driver of tools/provenance-eval: "copied from" scored on
 *   fixtures DIR  invented articles and their rewrites, DIR/gold.tsv
 *                 (document, copy of or -); stories by name prefix;
 *   msrp FILE [--false-positives]
 *                 MSRP pairs at sentence level: the second sentence
 *                 "copied" from the first, against the paraphrase gold
 *                 (the pairs called copied that are not paraphrases);
 *   speed DIR N   provenance for events of N pages of DIR (*.html.gz or
 *                 *.txt): milliseconds, median of repeated runs. */
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "quotes/px-quotes.h"
#include "compare-fixtures.h"
#include "import/px-import.h"
#include "import/px-shingles.h"
#include "provenance/px-provenance.h"

typedef struct
{
  GPtrArray *docs;   /* PxDocument* */
  GPtrArray *units;  /* PxTextUnits* */
  GPtrArray *quotes; /* GPtrArray* of PxQuote* */
} Event;

static void
event_init (Event *e)
{
  e->docs = g_ptr_array_new_with_free_func (g_object_unref);
  e->units = g_ptr_array_new_with_free_func (g_object_unref);
  e->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
}

static void
event_clear (Event *e)
{
  g_ptr_array_unref (e->docs);
  g_ptr_array_unref (e->units);
  g_ptr_array_unref (e->quotes);
}

static void
event_add (Event *e, PxDocument *doc, PxStemmer *stemmer)
{
  g_ptr_array_add (e->docs, doc);
  g_ptr_array_add (e->units, px_text_units_new_for_document (doc, stemmer));
  g_ptr_array_add (e->quotes, px_find_quotes (e->units->pdata[e->units->len - 1]));
}

static PxDocument *
one_sentence (const char *text, const char *published)
{
  PxDocument *doc = px_document_new ();

  px_document_set_published (doc, published);
  px_document_set_language (doc, "en");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, text);
  return doc;
}

static void
print_prf (const char *what, guint tp, guint fp, guint fn)
{
  double p = tp + fp > 0 ? (double)tp / (tp + fp) : 0, r = tp + fn > 0 ? (double)tp / (tp + fn) : 0;

  printf ("%s\tprecision %.3f\trecall %.3f\tF1 %.3f\t(tp %u, fp %u, fn %u)\n", what, p, r,
          p + r > 0 ? 2 * p * r / (p + r) : 0, tp, fp, fn);
}

static int
run_fixtures (const char *dir)
{
  g_autofree char *gold_path = g_build_filename (dir, "gold.tsv", NULL);
  g_autofree char *gold_text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GHashTable) gold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) stories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");
  g_autoptr (GList) names = NULL;
  guint tp = 0, fp = 0, fn = 0, stp = 0, sfp = 0, sfn = 0, btp = 0, bfp = 0, bfn = 0;
  g_autoptr (GError) error = NULL;

  if (!g_file_get_contents (gold_path, &gold_text, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  lines = g_strsplit (gold_text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", 2);
      char *dash;

      if (lines[i][0] == '#' || f[0] == NULL || f[1] == NULL)
        continue;
      g_hash_table_insert (gold, g_strdup (f[0]), g_strdup (f[1]));
      dash = strchr (f[0], '-');
      g_hash_table_add (stories, g_strndup (f[0], dash != NULL ? (gsize)(dash - f[0]) : strlen (f[0])));
    }
  names = g_list_sort (g_hash_table_get_keys (stories), (GCompareFunc)strcmp);
  for (GList *l = names; l != NULL; l = l->next)
    {
      Event e;
      g_autoptr (GPtrArray) doc_names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GList) all = g_list_sort (g_hash_table_get_keys (gold), (GCompareFunc)strcmp);
      g_autoptr (PxProvenance) prov = NULL;

      event_init (&e);
      for (GList *k = all; k != NULL; k = k->next)
        if (g_str_has_prefix (k->data, l->data) && ((char *)k->data)[strlen (l->data)] == '-')
          {
            g_autofree char *file = g_strconcat (k->data, ".txt", NULL);
            g_autofree char *path = g_build_filename (dir, file, NULL);
            PxDocument *doc = px_test_load_article (path, e.docs->len + 1, &error);

            if (doc == NULL)
              {
                fprintf (stderr, "%s\n", error->message);
                return 1;
              }
            g_ptr_array_add (doc_names, g_strdup (k->data));
            event_add (&e, doc, stemmer);
          }
      prov = px_provenance_new (e.units, e.docs, e.quotes);
      for (guint d = 0; d < e.docs->len; d++)
        {
          const char *want = g_hash_table_lookup (gold, doc_names->pdata[d]);
          guint got = px_provenance_get_copy_of (prov, d);
          const char *got_name = got != G_MAXUINT ? doc_names->pdata[got] : "-";
          gboolean is_copy = strcmp (want, "-") != 0;
          PxTextUnits *u = e.units->pdata[d];

          /* The baseline: the import's near-duplicate flag (MinHash of
           * 5-word shingles, estimated Jaccard >= 0.5) against the most
           * similar article published before. */
          {
            PxMinHash mine, other;
            guint best = G_MAXUINT;
            double best_sim = PX_NEAR_DUPLICATE_THRESHOLD;

            if (px_minhash_compute (px_document_get_text (e.docs->pdata[d]), &mine))
              for (guint o = 0; o < e.docs->len; o++)
                if (px_provenance_get_rank (prov, o) < px_provenance_get_rank (prov, d) &&
                    px_minhash_compute (px_document_get_text (e.docs->pdata[o]), &other) &&
                    px_minhash_similarity (&mine, &other) >= best_sim)
                  {
                    best_sim = px_minhash_similarity (&mine, &other);
                    best = o;
                  }
            if (best != G_MAXUINT && strcmp (doc_names->pdata[best], want) == 0)
              btp++;
            else
              {
                bfp += best != G_MAXUINT;
                bfn += is_copy;
              }
          }
          printf ("%s\tgold %s\tfound %s\town %.2f\n", (char *)doc_names->pdata[d], want, got_name,
                  px_provenance_get_share (prov, d, PX_PROVENANCE_ORIGINAL));
          if (got != G_MAXUINT && strcmp (got_name, want) == 0)
            tp++;
          else
            {
              fp += got != G_MAXUINT;
              fn += is_copy;
            }
          /* Sentences: every sentence of a copy counts as copied (its
           * added paragraphs aside: they are not in the original). */
          for (guint s = 0; s < px_text_units_get_n_sentences (u); s++)
            {
              const PxSentenceProvenance *sp = px_provenance_get_sentence (prov, d, s);
              g_autofree char *text = px_text_units_sentence_text (u, s, s);
              gboolean copied = sp->kind != PX_PROVENANCE_ORIGINAL;
              gboolean gold_copied = FALSE;

              /* A sentence of a copy is gold-copied when its original
               * has a sentence sharing its first four words, or it is a
               * rewrite of the whole article (the translated kind). */
              if (is_copy)
                {
                  guint orig = G_MAXUINT;
                  for (guint o = 0; o < doc_names->len; o++)
                    if (strcmp (doc_names->pdata[o], want) == 0)
                      orig = o;
                  gold_copied = strstr (doc_names->pdata[d], "translated") != NULL;
                  if (!gold_copied && orig != G_MAXUINT)
                    {
                      g_auto (GStrv) words = g_strsplit (text, " ", 5);
                      g_autofree char *head = NULL;
                      if (g_strv_length (words) >= 4)
                        {
                          head = g_strjoin (" ", words[0], words[1], words[2], words[3], NULL);
                          gold_copied = strstr (px_text_units_get_text (e.units->pdata[orig]), head) != NULL;
                        }
                    }
                }
              stp += copied && gold_copied;
              sfp += copied && !gold_copied;
              sfn += !copied && gold_copied;
            }
        }
      event_clear (&e);
    }
  print_prf ("documents: copy of", tp, fp, fn);
  print_prf ("baseline: import near-duplicate flag", btp, bfp, bfn);
  print_prf ("sentences: copied", stp, sfp, sfn);
  return 0;
}

static int
run_msrp (const char *path, gboolean show_fp)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");
  g_autoptr (GError) error = NULL;
  guint tp = 0, fp = 0, fn = 0, tn = 0, btp = 0, bfp = 0, bfn = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", 5);
      g_autoptr (PxProvenance) prov = NULL;
      gboolean copied = FALSE, gold;
      Event e;

      if (g_strv_length (f) < 5)
        continue;
      gold = f[0][0] == '1';
      event_init (&e);
      event_add (&e, one_sentence (f[3], "2020-01-01T10:00:00Z"), stemmer);
      event_add (&e, one_sentence (f[4], "2020-01-01T11:00:00Z"), stemmer);
      prov = px_provenance_new (e.units, e.docs, e.quotes);
      for (guint s = 0; s < px_text_units_get_n_sentences (e.units->pdata[1]); s++)
        copied |= px_provenance_get_sentence (prov, 1, s)->kind == PX_PROVENANCE_COPIED;
      {
        PxMinHash a, b;
        gboolean near = px_minhash_compute (f[3], &a) && px_minhash_compute (f[4], &b) &&
                        px_minhash_similarity (&a, &b) >= PX_NEAR_DUPLICATE_THRESHOLD;
        btp += near && gold;
        bfp += near && !gold;
        bfn += !near && gold;
      }
      if (show_fp && copied && !gold)
        printf ("FP\t%s\t%s\n", f[3], f[4]);
      tp += copied && gold;
      fp += copied && !gold;
      fn += !copied && gold;
      tn += !copied && !gold;
      event_clear (&e);
    }
  print_prf ("MSRP train: copied vs paraphrase", tp, fp, fn);
  print_prf ("baseline: near-duplicate flag (MinHash Jaccard >= 0.5)", btp, bfp, bfn);
  printf ("pairs %u, called copied %u, true negatives %u\n", tp + fp + fn + tn, tp + fp, tn);
  return 0;
}

static PxDocument *
load_page (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GBytes) bytes = NULL;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (g_str_has_suffix (path, ".gz"))
    {
      g_autoptr (GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      g_autoptr (GInputStream) raw = g_memory_input_stream_new_from_data (data, len, NULL);
      g_autoptr (GInputStream) in = g_converter_input_stream_new (raw, G_CONVERTER (z));
      g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
      return px_import_bytes (bytes, "page.html", "text/html", error);
    }
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  return px_import_bytes (bytes, path, NULL, error);
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int
run_speed (const char *dir, guint n)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  double times[15];
  guint words = 0;
  Event e;

  if (d == NULL)
    {
      fprintf (stderr, "%s: cannot read\n", dir);
      return 1;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".html.gz") || g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, (GCompareFunc)g_strcmp0);
  event_init (&e);
  for (guint i = 0; i < files->len && e.docs->len < n; i++)
    {
      g_autoptr (GError) error = NULL;
      PxDocument *doc = load_page (((char **)files->pdata)[i], &error);

      if (doc == NULL)
        continue;
      event_add (&e, doc, stemmer);
      words += px_text_units_get_n_tokens (e.units->pdata[e.units->len - 1]);
    }
  for (guint r = 0; r < G_N_ELEMENTS (times); r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (PxProvenance) prov = px_provenance_new (e.units, e.docs, e.quotes);
      times[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_double);
  printf ("provenance of %u articles (%u words): median %.2f ms, max %.2f ms\n", e.docs->len, words,
          times[G_N_ELEMENTS (times) / 2], times[G_N_ELEMENTS (times) - 1]);
  event_clear (&e);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc >= 3 && strcmp (argv[1], "fixtures") == 0)
    return run_fixtures (argv[2]);
  if (argc >= 3 && strcmp (argv[1], "msrp") == 0)
    return run_msrp (argv[2], argc >= 4 && strcmp (argv[3], "--false-positives") == 0);
  if (argc >= 4 && strcmp (argv[1], "speed") == 0)
    return run_speed (argv[2], (guint)g_ascii_strtoull (argv[3], NULL, 10));
  fprintf (stderr, "usage: %s fixtures DIR | msrp FILE | speed DIR N\n", argv[0]);
  return 2;
}
