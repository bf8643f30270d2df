/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sentences, tokens, normalization and stems. */
#include <string.h>

#include "text/px-normalize.h"
#include "text/px-stemmer.h"
#include "text/px-stopwords.h"
#include "text/px-text-units.h"
#include "text/px-tokens.h"

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
/* A text with the cases the tokenizer and the sentence splitter must keep
 * telling apart: title-case and combining letters, curly and straight
 * apostrophes, dotted acronyms, thousands and decimals, dashes, an
 * ellipsis inside quotes, abbreviations, non-Latin scripts and an emoji.
 * Event features and alignment both read these tokens, so a faster
 * tokenizer must give exactly the same ones. */
static const char pinned_text[] =
    "ǅemal O’Neil of the U.S. Ferry Co. said: “Don't panic…” The 1,000-ton ÉCOLE ship — built in 2019 — carried 3.5 "
    "tonnes of naïve cafe\xcc\x81 beans to İstanbul.\n\nNATO & US officials met Mr. Halvorsen at 5 p.m. Usually "
    "calm, Halvorsen said 5G was fine?! Straße’s rules (see example.com) apply; e.g. U.K.-made parts. 日本語 😀 x";

static void
test_pinned (void)
{
  static const struct
  {
    guint start, end, byte_start, byte_end;
    const char *norm, *stem;
    guint flags;
  } tokens[] = {
    { 0, 5, 0, 6, "ǆemal", "ǆemal", 4 },
    { 6, 12, 7, 15, "o'neil", "o'neil", 4 },
    { 13, 15, 16, 18, "of", "of", 1 },
    { 16, 19, 19, 22, "the", "the", 1 },
    { 20, 24, 23, 27, "us", "us", 12 },
    { 25, 30, 28, 33, "ferry", "ferri", 4 },
    { 31, 33, 34, 36, "co", "co", 4 },
    { 35, 39, 38, 42, "said", "said", 1 },
    { 42, 47, 47, 52, "don't", "don't", 5 },
    { 48, 53, 53, 58, "panic", "panic", 0 },
    { 56, 59, 65, 68, "the", "the", 5 },
    { 60, 65, 69, 74, "1000", "1000", 2 },
    { 66, 69, 75, 78, "ton", "ton", 0 },
    { 70, 75, 79, 85, "école", "école", 12 },
    { 76, 80, 86, 90, "ship", "ship", 0 },
    { 83, 88, 95, 100, "built", "built", 0 },
    { 89, 91, 101, 103, "in", "in", 1 },
    { 92, 96, 104, 108, "2019", "2019", 2 },
    { 99, 106, 113, 120, "carried", "carri", 0 },
    { 107, 110, 121, 124, "3.5", "3.5", 2 },
    { 111, 117, 125, 131, "tonnes", "tonn", 0 },
    { 118, 120, 132, 134, "of", "of", 1 },
    { 121, 126, 135, 141, "naïve", "naïv", 0 },
    { 127, 132, 142, 148, "café", "café", 0 },
    { 133, 138, 149, 154, "beans", "bean", 0 },
    { 139, 141, 155, 157, "to", "to", 1 },
    { 142, 150, 158, 167, "i̇stanbul", "i̇stanbul", 4 },
    { 153, 157, 170, 174, "nato", "nato", 12 },
    { 160, 162, 177, 179, "us", "us", 12 },
    { 163, 172, 180, 189, "officials", "offici", 0 },
    { 173, 176, 190, 193, "met", "met", 0 },
    { 177, 179, 194, 196, "mr", "mr", 5 },
    { 181, 190, 198, 207, "halvorsen", "halvorsen", 4 },
    { 191, 193, 208, 210, "at", "at", 1 },
    { 194, 195, 211, 212, "5", "5", 2 },
    { 196, 197, 213, 214, "p", "p", 0 },
    { 198, 199, 215, 216, "m", "m", 0 },
    { 201, 208, 218, 225, "usually", "usual", 4 },
    { 209, 213, 226, 230, "calm", "calm", 0 },
    { 215, 224, 232, 241, "halvorsen", "halvorsen", 4 },
    { 225, 229, 242, 246, "said", "said", 1 },
    { 230, 232, 247, 249, "5g", "5g", 2 },
    { 233, 236, 250, 253, "was", "was", 1 },
    { 237, 241, 254, 258, "fine", "fine", 0 },
    { 244, 252, 261, 272, "strasse's", "strass", 4 },
    { 253, 258, 273, 278, "rules", "rule", 0 },
    { 260, 263, 280, 283, "see", "see", 0 },
    { 264, 271, 284, 291, "example", "exampl", 0 },
    { 272, 275, 292, 295, "com", "com", 0 },
    { 277, 282, 297, 302, "apply", "appli", 0 },
    { 284, 285, 304, 305, "e", "e", 0 },
    { 286, 287, 306, 307, "g", "g", 0 },
    { 289, 293, 309, 313, "uk", "uk", 12 },
    { 294, 298, 314, 318, "made", "made", 0 },
    { 299, 304, 319, 324, "parts", "part", 0 },
    { 306, 309, 326, 335, "日本語", "日本語", 0 },
    { 312, 313, 341, 342, "x", "x", 0 },
  };
  static const guint sentences[][5] = {
    { 0, 55, 0, 64, 0 },       { 56, 151, 65, 168, 0 },   { 153, 243, 170, 260, 1 },
    { 244, 305, 261, 325, 1 }, { 306, 313, 326, 342, 1 },
  };
  g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");
  g_autoptr (GArray) t = px_tokenize (pinned_text, stemmer);
  g_autoptr (GArray) s = px_split_sentences (pinned_text);

  g_assert_cmpuint (t->len, ==, G_N_ELEMENTS (tokens));
  for (guint i = 0; i < t->len; i++)
    {
      const PxToken *k = &g_array_index (t, PxToken, i);
      g_assert_cmpuint (k->start, ==, tokens[i].start);
      g_assert_cmpuint (k->end, ==, tokens[i].end);
      g_assert_cmpuint (k->byte_start, ==, tokens[i].byte_start);
      g_assert_cmpuint (k->byte_end, ==, tokens[i].byte_end);
      g_assert_cmpstr (k->norm, ==, tokens[i].norm);
      g_assert_cmpstr (k->stem, ==, tokens[i].stem);
      g_assert_cmpuint (k->flags, ==, tokens[i].flags);
    }
  g_assert_cmpuint (s->len, ==, G_N_ELEMENTS (sentences));
  for (guint i = 0; i < s->len; i++)
    {
      const PxSentence *k = &g_array_index (s, PxSentence, i);
      g_assert_cmpuint (k->start, ==, sentences[i][0]);
      g_assert_cmpuint (k->end, ==, sentences[i][1]);
      g_assert_cmpuint (k->byte_start, ==, sentences[i][2]);
      g_assert_cmpuint (k->byte_end, ==, sentences[i][3]);
      g_assert_cmpuint (k->block, ==, sentences[i][4]);
    }
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
  g_test_add_func ("/tokens/pinned", test_pinned);
  return g_test_run ();
}
