/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sentences, tokens, normalization and stems. */
#include <string.h>

#include "analysis/px-normalize.h"
#include "analysis/px-stemmer.h"
#include "analysis/px-stopwords.h"
#include "analysis/px-text-units.h"

static char **
split (const char *text)
{
  g_autoptr (PxTextUnits) u = px_text_units_new (text, "en", NULL);
  GStrvBuilder *b = g_strv_builder_new ();
  char **out;

  for (guint i = 0; i < px_text_units_get_n_sentences (u); i++)
    {
      g_autofree char *s = px_text_units_sentence_text (u, i, i);
      g_strv_builder_add (b, s);
    }
  out = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return out;
}

static void
test_abbreviations (void)
{
  g_auto (GStrv) s = split ("Mr. Smith met U.S. officials on Jan. 5 at 3.5 p.m. local time. Dr. J. K. Rowe agreed.");

  g_assert_cmpuint (g_strv_length (s), ==, 2);
  g_assert_cmpstr (s[0], ==, "Mr. Smith met U.S. officials on Jan. 5 at 3.5 p.m. local time.");
  g_assert_cmpstr (s[1], ==, "Dr. J. K. Rowe agreed.");
}

static void
test_acronym_at_end (void)
{
  g_auto (GStrv) s = split ("The firm sells phones in the U.S. The company said so. Apple Inc. shares rose.");

  g_assert_cmpuint (g_strv_length (s), ==, 3);
  g_assert_cmpstr (s[0], ==, "The firm sells phones in the U.S.");
  g_assert_cmpstr (s[2], ==, "Apple Inc. shares rose.");
}

static void
test_quotations (void)
{
  g_auto (GStrv) s =
      split ("\"We are open,\" he said. \"Is it safe?\" she asked. “It is.” Then they left… Nobody came!");

  g_assert_cmpuint (g_strv_length (s), ==, 5);
  g_assert_cmpstr (s[0], ==, "\"We are open,\" he said.");
  g_assert_cmpstr (s[1], ==, "\"Is it safe?\" she asked.");
  g_assert_cmpstr (s[2], ==, "“It is.”");
  g_assert_cmpstr (s[3], ==, "Then they left…");
}

static void
test_blocks_and_offsets (void)
{
  /* Code points, not bytes: "é" and the curly quotes are multibyte. */
  const char *text = "Café “open” now.\n\nSecond block here";
  g_autoptr (PxTextUnits) u = px_text_units_new (text, NULL, NULL);
  const PxSentence *s0, *s1;
  g_autofree char *slice = NULL;

  g_assert_cmpuint (px_text_units_get_n_sentences (u), ==, 2);
  s0 = px_text_units_get_sentence (u, 0);
  s1 = px_text_units_get_sentence (u, 1);
  g_assert_cmpuint (s0->start, ==, 0);
  g_assert_cmpuint (s0->end, ==, 16);
  g_assert_cmpuint (s1->start, ==, 18);
  g_assert_cmpuint (s1->block, ==, 1);
  slice = px_text_units_slice (u, s1->start, s1->end);
  g_assert_cmpstr (slice, ==, "Second block here");
  g_assert_cmpuint (px_text_units_find_sentence (u, 20), ==, 1);
  g_assert_cmpuint (px_text_units_find_sentence (u, 3), ==, 0);
}

static void
test_tokens (void)
{
  g_autoptr (PxTextUnits) u =
      px_text_units_new ("Huawei’s U.S. deal: 1,000 no-spy agreements, the 3.5 rule.", "en", NULL);
  const char *norms[] = { "huawei's", "us", "deal", "1000", "no", "spy", "agreements", "the", "3.5", "rule" };
  const PxToken *t;

  g_assert_cmpuint (px_text_units_get_n_tokens (u), ==, G_N_ELEMENTS (norms));
  for (guint i = 0; i < G_N_ELEMENTS (norms); i++)
    g_assert_cmpstr (px_text_units_get_token (u, i)->norm, ==, norms[i]);

  t = px_text_units_get_token (u, 1);
  g_assert_true (t->flags & PX_TOKEN_ACRONYM);
  g_assert_false (t->flags & PX_TOKEN_STOP); /* the country, not "us" */
  g_assert_cmpuint (t->start, ==, 9);
  g_assert_cmpuint (t->end, ==, 13);
  g_assert_true (px_text_units_get_token (u, 3)->flags & PX_TOKEN_NUMBER);
  g_assert_true (px_text_units_get_token (u, 7)->flags & PX_TOKEN_STOP);
  g_assert_cmpstr (px_text_units_get_token (u, 6)->stem, ==, "agreement");
  g_assert_cmpstr (px_text_units_get_token (u, 0)->stem, ==, "huawei");
  g_assert_true (px_text_units_get_token (u, 0)->flags & PX_TOKEN_CAPITALIZED);
}

static void
test_interned (void)
{
  /* Equal stems are one pointer, whatever word they come from: event
   * features count terms by pointer. */
  g_autoptr (PxTextUnits) u = px_text_units_new ("Sales sale SALE sales", "en", NULL);

  g_assert_cmpuint (px_text_units_get_n_tokens (u), ==, 4);
  for (guint i = 1; i < 4; i++)
    g_assert_true (px_text_units_get_token (u, i)->stem == px_text_units_get_token (u, 0)->stem);
  g_assert_true (px_text_units_get_token (u, 1)->norm == px_text_units_get_token (u, 2)->norm);
}

static void
test_normalize (void)
{
  g_autofree char *t = px_normalize_typography ("“A” — ‘b’ …\u00a0c");
  g_autofree char *w1 = px_normalize_word ("U.S.", -1);
  g_autofree char *w2 = px_normalize_word ("Straße’s", -1);

  g_assert_cmpstr (t, ==, "\"A\" - 'b' ... c");
  g_assert_cmpstr (w1, ==, "us");
  g_assert_cmpstr (w2, ==, "strasse's");
  g_assert_true (px_is_stop_word ("the", NULL));
  g_assert_true (px_is_stop_word ("said", "en"));
  g_assert_false (px_is_stop_word ("bridge", "en"));
}

static void
test_stemmer_languages (void)
{
  g_autoptr (PxStemmer) en = px_stemmer_new (NULL);
  g_autoptr (PxStemmer) de = px_stemmer_new ("de-AT");
  g_autoptr (PxStemmer) xx = px_stemmer_new ("xx");

  g_assert_cmpstr (px_stemmer_get_language (en), ==, "english");
  g_assert_cmpstr (px_stemmer_get_language (de), ==, "de");
  g_assert_cmpstr (px_stemmer_get_language (xx), ==, "english");
  g_assert_cmpstr (px_stemmer_stem (en, "negotiations"), ==, "negoti");
  g_assert_cmpstr (px_stemmer_stem (en, "negotiating"), ==, "negoti");
  g_assert_cmpstr (px_stemmer_stem (de, "verhandlungen"), ==, "verhandl");
  /* The cache hands back the same string. */
  g_assert_true (px_stemmer_stem (en, "negotiations") == px_stemmer_stem (en, "negotiations"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sentences/abbreviations", test_abbreviations);
  g_test_add_func ("/sentences/acronym-at-end", test_acronym_at_end);
  g_test_add_func ("/sentences/quotations", test_quotations);
  g_test_add_func ("/sentences/blocks-and-offsets", test_blocks_and_offsets);
  g_test_add_func ("/tokens/words", test_tokens);
  g_test_add_func ("/tokens/interned", test_interned);
  g_test_add_func ("/tokens/normalize", test_normalize);
  g_test_add_func ("/tokens/stemmer-languages", test_stemmer_languages);
  return g_test_run ();
}
