/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The driver of tools/align-eval/align-eval: reads sentence pairs (TSV,
 * MSRP "quality id id s1 s2" or STS "score s1 s2"), aligns each pair as a
 * two-document event with PxAlignment and prints, one line per pair:
 * gold, the TF-IDF cosine baseline (IDF over all sentences of the file),
 * the paraphrase model's probability for the whole pair, Parallax's score
 * of the best match (the claim model), its label and the inputs of the
 * pair models (for tools/align-eval/align-eval --fit). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "compare/px-align-terms.h"
#include "compare/px-alignment.h"

typedef struct
{
  char *gold;
  PxTextUnits *a;
  PxTextUnits *b;
} Pair;

static gboolean
is_content (const PxToken *tok)
{
  return !(tok->flags & PX_TOKEN_STOP) && (tok->norm[1] != '\0' || (tok->flags & PX_TOKEN_NUMBER));
}

static GHashTable *
term_counts (PxTextUnits *u)
{
  GHashTable *h = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;
  const PxToken *t = px_text_units_get_tokens (u, &n);

  for (guint i = 0; i < n; i++)
    if (is_content (&t[i]))
      {
        guint c = GPOINTER_TO_UINT (g_hash_table_lookup (h, t[i].stem));
        g_hash_table_insert (h, (gpointer)t[i].stem, GUINT_TO_POINTER (c + 1));
      }
  return h;
}

static double
tfidf_cosine (GHashTable *df, double n_sent, GHashTable *x, GHashTable *y)
{
  GHashTableIter it;
  gpointer k, v;
  double dot = 0, nx = 0, ny = 0;

#define W(c, term)                              \
  ((1.0 + log ((double)GPOINTER_TO_UINT (c))) * \
   (log ((1.0 + n_sent) / (1.0 + GPOINTER_TO_UINT (g_hash_table_lookup (df, term)))) + 1.0))
  g_hash_table_iter_init (&it, x);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      double w = W (v, k);
      gpointer c = g_hash_table_lookup (y, k);
      nx += w * w;
      if (c != NULL)
        dot += w * W (c, k);
    }
  g_hash_table_iter_init (&it, y);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      double w = W (v, k);
      ny += w * w;
    }
#undef W
  return nx > 0 && ny > 0 ? dot / sqrt (nx * ny) : 0;
}

int
main (int argc, char **argv)
{
  g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GArray) pairs = g_array_new (FALSE, TRUE, sizeof (Pair));
  g_autoptr (GHashTable) df = g_hash_table_new (g_str_hash, g_str_equal);
  double n_sent = 0;

  if (argc != 3 || (strcmp (argv[1], "msrp") != 0 && strcmp (argv[1], "sts") != 0))
    {
      g_printerr ("usage: px-align-eval msrp|sts FILE.tsv\n");
      return 2;
    }
  if (!g_file_get_contents (argv[2], &contents, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (f), sa = strcmp (argv[1], "msrp") == 0 ? 3 : 1;
      Pair p;

      if (n < sa + 2 || f[0][0] == '\0' || !g_ascii_isdigit (f[0][0]))
        continue; /* header, blank line or a pair without gold */
      p.gold = g_strdup (g_strstrip (f[0]));
      p.a = px_text_units_new (f[sa], "en", stemmer);
      p.b = px_text_units_new (f[sa + 1], "en", stemmer);
      g_array_append_val (pairs, p);
    }

  /* Document frequencies over all sentences, for the baseline. */
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);
      PxTextUnits *side[2] = { p->a, p->b };
      for (guint s = 0; s < 2; s++)
        {
          g_autoptr (GHashTable) tc = term_counts (side[s]);
          GHashTableIter it;
          gpointer k;
          g_hash_table_iter_init (&it, tc);
          while (g_hash_table_iter_next (&it, &k, NULL))
            g_hash_table_insert (df, k, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (df, k)) + 1));
          n_sent++;
        }
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);
      g_autoptr (GHashTable) ta = term_counts (p->a);
      g_autoptr (GHashTable) tb = term_counts (p->b);
      g_autoptr (GPtrArray) units = g_ptr_array_new ();
      g_autoptr (PxAlignment) al = NULL;
      g_autoptr (PxAlignTerms) terms = NULL;
      PxPairFeatures f = { 0 };
      double x[PX_PAIR_N_INPUTS];
      double best = 0;
      PxMatchLabel label = PX_MATCH_NONE;
      guint n_a = px_text_units_get_n_sentences (p->a), n_b = px_text_units_get_n_sentences (p->b);

      g_ptr_array_add (units, p->a);
      g_ptr_array_add (units, p->b);
      al = px_alignment_new (units, NULL);
      terms = px_align_terms_new (units, px_word_vectors_get_default ());
      /* The features of the whole pair (both sides at most three
       * sentences in these sets): the first sentence of A against all of
       * B when A is one sentence. */
      if (n_a > 0 && n_b > 0)
        px_align_terms_compare (terms, 0, n_a, n_a + MIN (n_b, 3) - 1, &f);
      for (guint s = 0; s < n_a; s++)
        {
          const PxMatch *m = px_alignment_get_match (al, 0, s, 1);
          if (m->label > label || (m->label == label && m->score > best))
            {
              label = m->label;
              best = m->score;
            }
        }
      px_pair_features_inputs (&f, x);
      printf ("%s\t%.5f\t%.5f\t%.5f\t%s", p->gold, tfidf_cosine (df, n_sent, ta, tb), px_pair_features_paraphrase (&f),
              best, px_match_label_to_string (label));
      /* The model's inputs after its constant 1. */
      for (guint k = 1; k < PX_PAIR_N_INPUTS; k++)
        printf ("\t%.5f", x[k]);
      printf ("\n");
      g_object_unref (p->a);
      g_object_unref (p->b);
      g_free (p->gold);
    }
  return 0;
}
