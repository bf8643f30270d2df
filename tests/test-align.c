/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sentence alignment, word diff, claims and the JSON of a comparison. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "compare/px-align-ngrams.h"
#include "compare/px-align-terms.h"
#include "text/px-word-diff.h"
#include "text/px-word-vectors.h"
#include "config.h"

#include "compare/px-compare-json.h"
#include "compare-fixtures.h"

static PxComparison *
library (void)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (docs, px_test_load_compare_fixture ("library-wire", 11));
  g_ptr_array_add (docs, px_test_load_compare_fixture ("library-gazette", 12));
  g_ptr_array_add (docs, px_test_load_compare_fixture ("library-radio", 13));
  return px_comparison_new (docs, NULL);
}

/* The sentence of @doc that contains @needle. */
static guint
sentence_with (PxComparison *c, guint doc, const char *needle)
{
  PxTextUnits *u = px_comparison_get_units (c, doc);

  for (guint s = 0; s < px_text_units_get_n_sentences (u); s++)
    {
      g_autofree char *text = px_text_units_sentence_text (u, s, s);
      if (strstr (text, needle) != NULL)
        return s;
    }
  g_assert_not_reached ();
}

static char *
match_text (PxComparison *c, const PxMatch *m)
{
  guint start, end;

  g_assert_true (px_alignment_get_match_span (px_comparison_get_alignment (c), m, &start, &end));
  return px_text_units_slice (px_comparison_get_units (c, m->other), start, end);
}

static void
test_labels (void)
{
  g_autoptr (PxComparison) c = library ();
  PxAlignment *al = px_comparison_get_alignment (c);
  const PxMatch *m;
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autofree char *t3 = NULL;

  /* Wire copy taken over word for word. */
  m = px_alignment_get_match (al, 0, sentence_with (c, 0, "reopened on Monday"), 1);
  g_assert_cmpint (m->label, ==, PX_MATCH_VERBATIM);
  t1 = match_text (c, m);
  g_assert_nonnull (strstr (t1, "reopened on Monday after eight months"));

  /* One word added. */
  m = px_alignment_get_match (al, 0, sentence_with (c, 0, "thanked the volunteers"), 2);
  g_assert_cmpint (m->label, ==, PX_MATCH_CLOSE);
  g_assert_cmpfloat (m->ratio, <, 1.0);

  /* Told in part, in other words: the wire adds who reads, so by the
   * standard of real paraphrase pairs (MSRP) this is a weaker candidate,
   * which omissions show as "Maybe". */
  m = px_alignment_get_match (al, 0, sentence_with (c, 0, "children's section would open"), 2);
  g_assert_cmpint (m->label, ==, PX_MATCH_RELATED);
  t2 = match_text (c, m);
  g_assert_nonnull (strstr (t2, "children's section opens on Saturday"));

  /* Nothing like it elsewhere. */
  m = px_alignment_get_match (al, 1, sentence_with (c, 1, "Parking on Mill Road"), 0);
  g_assert_cmpint (m->label, ==, PX_MATCH_NONE);
  g_assert_cmpuint (m->first, ==, G_MAXUINT);
  g_assert_false (px_alignment_get_match_span (al, m, NULL, NULL));

  /* The GUI asks by offset. */
  {
    const PxSentence *s =
        px_text_units_get_sentence (px_comparison_get_units (c, 0), sentence_with (c, 0, "reopened on Monday"));
    g_autoptr (GArray) at = px_alignment_matches_at (al, 0, s->start + 5);
    g_assert_cmpuint (at->len, ==, 2);
    g_assert_cmpuint (g_array_index (at, PxMatch, 0).other, ==, 1);
    t3 = match_text (c, &g_array_index (at, PxMatch, 1));
    g_assert_nonnull (strstr (t3, "Readers returned"));
  }
}

static void
test_pair (void)
{
  /* One outlet says in two sentences what the other says in one. */
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxAlignment) al = NULL;
  const PxMatch *m;

  g_ptr_array_add (units, px_text_units_new ("The harbour crane collapsed on Friday and injured two dock workers. "
                                             "Nobody else was hurt.",
                                             "en", NULL));
  g_ptr_array_add (units, px_text_units_new ("Weather was calm all week. The harbour crane collapsed on Friday. "
                                             "It injured two dock workers. Nobody else was hurt.",
                                             "en", NULL));
  al = px_alignment_new (units, NULL);
  m = px_alignment_get_match (al, 0, 0, 1);
  g_assert_cmpuint (m->first, ==, 1);
  g_assert_cmpuint (m->last, ==, 2);
  g_assert_cmpint (m->label, >=, PX_MATCH_CLOSE);
  m = px_alignment_get_match (al, 0, 1, 1);
  g_assert_cmpuint (m->first, ==, 3);
  g_assert_cmpint (m->label, ==, PX_MATCH_VERBATIM);
}

static void
test_word_vectors (void)
{
  PxWordVectors *v = px_word_vectors_get_default ();
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  int fd;
  gint safety, security, the, mitigate;

  /* The shipped file: known words, their ranks and near-synonyms. */
  g_assert_nonnull (v);
  safety = px_word_vectors_lookup (v, "safety");
  security = px_word_vectors_lookup (v, "security");
  the = px_word_vectors_lookup (v, "the");
  mitigate = px_word_vectors_lookup (v, "mitigate");
  g_assert_cmpint (safety, >=, 0);
  g_assert_cmpint (security, >=, 0);
  g_assert_cmpint (px_word_vectors_lookup (v, "qqxqzzyq"), ==, -1);
  g_assert_cmpuint (px_word_vectors_get_rank (v, the), <, px_word_vectors_get_rank (v, mitigate));
  g_assert_cmpuint (px_word_vectors_get_rank (v, -1), >, px_word_vectors_get_rank (v, mitigate));
  g_assert_cmpfloat (px_word_vectors_cosine (v, safety, security), >=, 0.6);
  g_assert_cmpfloat_with_epsilon (px_word_vectors_cosine (v, safety, safety), 1.0, 1e-4);

  /* A missing file and a cut one are refused with a message. */
  g_assert_null (px_word_vectors_load ("/nonexistent/px-word-vectors.bin", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (PX_SOURCE_DATADIR "/px-word-vectors.bin", &contents, &length, NULL));
  fd = g_file_open_tmp ("px-vectors-XXXXXX", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, (gssize)length / 2, NULL));
  g_assert_null (px_word_vectors_load (path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);
  contents[0] = 'X';
  g_assert_true (g_file_set_contents (path, contents, (gssize)length, NULL));
  g_assert_null (px_word_vectors_load (path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_unlink (path);
}

/* The best match of the first sentence of @a in @b. */
static PxMatch
match_of (const char *a, const char *b)
{
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxAlignment) al = NULL;

  g_ptr_array_add (units, px_text_units_new (a, "en", NULL));
  g_ptr_array_add (units, px_text_units_new (b, "en", NULL));
  al = px_alignment_new (units, NULL);
  return *px_alignment_get_match (al, 0, 0, 1);
}

static void
test_paraphrase (void)
{
  PxMatch m;

  /* Other words for the same claim: near-synonyms from the word vectors
   * (safety ~ security, mitigate ~ reduce) and one name for a country. */
  m = match_of ("The firm said it was willing to mitigate safety fears in the United States.",
                "The company is prepared to reduce U.S. security concerns, it said.");
  g_assert_cmpint (m.label, >=, PX_MATCH_PARAPHRASE);
  m = match_of ("Officials said the roll-out of the tram line would be delayed by twelve months.",
                "The tram line's rollout will be delayed by 12 months, officials said.");
  g_assert_cmpint (m.label, >=, PX_MATCH_PARAPHRASE);

  /* Nearly the same words, other places and figures: not close. */
  m = match_of ("Oslo shares were flat and Helsinki lost 0.4 percent on Tuesday.",
                "Helsinki shares were flat and Tallinn lost 0.6 percent on Tuesday.");
  g_assert_true (m.disagree);
  g_assert_cmpint (m.label, <, PX_MATCH_CLOSE);

  /* A claim told over several sentences is matched by a window of them. */
  m = match_of ("The ferry operator cancelled every crossing on Sunday because storm winds damaged the pier.",
                "Gulls circled the harbour. Storm winds damaged the pier overnight. "
                "The ferry operator then cancelled every crossing. That happened on Sunday. Cafes stayed open.");
  g_assert_cmpuint (m.first, ==, 1);
  g_assert_cmpuint (m.last, >=, 2);
  g_assert_cmpint (m.label, >=, PX_MATCH_PARAPHRASE);
}

static void
test_ngrams (void)
{
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxAlignNgrams) ng = NULL;
  PxNgramOverlap o;

  /* Running words with their function words; "the" twice on one side is
   * met once (clipped counts); bigrams keep the order. */
  g_ptr_array_add (units, px_text_units_new ("The cat sat on the mat.", "en", NULL));
  g_ptr_array_add (units, px_text_units_new ("A cat sat on the mat. On the mat sat a cat.", "en", NULL));
  ng = px_align_ngrams_new (units);
  px_align_ngrams_overlap (ng, 0, 1, 1, &o);
  g_assert_cmpfloat_with_epsilon (o.uni_p, 5.0 / 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (o.uni_r, 5.0 / 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (o.bi_p, 4.0 / 5, 1e-9);
  /* The same words in another order share fewer bigrams. */
  px_align_ngrams_overlap (ng, 0, 2, 2, &o);
  g_assert_cmpfloat_with_epsilon (o.uni_p, 5.0 / 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (o.bi_p, 2.0 / 5, 1e-9);
  /* A window of both sentences: all six words of the first are met. */
  px_align_ngrams_overlap (ng, 0, 1, 2, &o);
  g_assert_cmpfloat_with_epsilon (o.uni_p, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (o.uni_r, 6.0 / 12, 1e-9);
}

/* The word diff's ratio of sentence @g with the window @h0 .. @h1 of
 * document 1, from the tokens (the reference). */
static double
token_diff_ratio (GPtrArray *units, guint g, guint h0, guint h1)
{
  const PxSentence *a = px_text_units_get_sentence (units->pdata[0], g);
  const PxSentence *b0 = px_text_units_get_sentence (units->pdata[1], h0);
  const PxSentence *b1 = px_text_units_get_sentence (units->pdata[1], h1);

  return px_word_diff_ratio (px_text_units_get_tokens (units->pdata[0], NULL) + a->first_token, a->n_tokens,
                             px_text_units_get_tokens (units->pdata[1], NULL) + b0->first_token,
                             b1->first_token + b1->n_tokens - b0->first_token);
}

static void
test_ngrams_cached (void)
{
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxAlignNgrams) ng = NULL;
  PxNgramOverlap fresh, again;
  guint n_a;

  /* Each text with its own stemmer: equal words are different strings,
   * so the ids must come from the words themselves. */
  g_ptr_array_add (units, px_text_units_new ("The cat sat on the mat. Dogs bark at the moon all night.", "en", NULL));
  g_ptr_array_add (units, px_text_units_new ("A cat sat on the mat. On the mat sat a cat. The dogs barked at the moon.",
                                             "en", NULL));
  n_a = px_text_units_get_n_sentences (units->pdata[0]);
  g_assert_cmpuint (n_a, ==, 2);
  ng = px_align_ngrams_new (units);
  px_align_ngrams_overlap (ng, 0, n_a, n_a + 1, &fresh);
  /* Another sentence in between: the counts of the first are not left
   * behind, and those of the second do not leak into the next. */
  px_align_ngrams_overlap (ng, 1, n_a + 2, n_a + 2, &again);
  g_assert_cmpfloat (again.uni_p, >, 0.5);
  px_align_ngrams_overlap (ng, 0, n_a, n_a + 1, &again);
  g_assert_cmpfloat (again.uni_p, ==, fresh.uni_p);
  g_assert_cmpfloat (again.uni_r, ==, fresh.uni_r);
  g_assert_cmpfloat (again.bi_p, ==, fresh.bi_p);
  g_assert_cmpfloat (again.bi_r, ==, fresh.bi_r);
  px_align_ngrams_overlap (ng, 0, n_a + 2, n_a + 2, &again);
  g_assert_cmpfloat (again.uni_p, <, 0.5);

  /* The word diff on ids is the word diff on tokens, window or not. */
  for (guint g = 0; g < n_a; g++)
    for (guint h0 = 0; h0 < 3; h0++)
      for (guint h1 = h0; h1 < 3; h1++)
        g_assert_cmpfloat (px_align_ngrams_diff_ratio (ng, g, n_a + h0, n_a + h1), ==,
                           token_diff_ratio (units, g, h0, h1));
  g_assert_cmpfloat (px_align_ngrams_diff_ratio (ng, 0, n_a, n_a), >, 0.8);
}

/* The score of sentence 0 of document 0 against sentence 0 of document 1. */
static double
pair_score (GPtrArray *units)
{
  g_autoptr (PxAlignTerms) terms = px_align_terms_new (units, px_word_vectors_get_default ());
  guint first_b = px_text_units_get_n_sentences (units->pdata[0]);
  PxPairFeatures f;

  px_align_terms_compare (terms, 0, first_b, first_b, &f);
  return px_pair_features_score (&f);
}

static void
test_topic_words (void)
{
  g_autoptr (GPtrArray) pair = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) event = g_ptr_array_new_with_free_func (g_object_unref);
  const char *a = "Kessling Bridge inspectors met the council on Tuesday.";
  const char *b = "Kessling Bridge inspectors will publish a report in March.";
  g_autofree char *text_a = g_strconcat (a,
                                         " Kessling Bridge inspectors found cracks. Kessling Bridge inspectors "
                                         "closed the road. Kessling Bridge inspectors called the city.",
                                         NULL);
  g_autofree char *text_b = g_strconcat (b,
                                         " Kessling Bridge inspectors saw rust. Kessling Bridge inspectors want "
                                         "steel. Kessling Bridge inspectors blamed salt.",
                                         NULL);
  double alone, in_event;

  /* Two sentences that share only the event's subject: on their own,
   * their shared words weigh fully; in an event where every sentence
   * names the bridge and its inspectors, those words say little. */
  g_ptr_array_add (pair, px_text_units_new (a, "en", NULL));
  g_ptr_array_add (pair, px_text_units_new (b, "en", NULL));
  alone = pair_score (pair);
  g_ptr_array_add (event, px_text_units_new (text_a, "en", NULL));
  g_ptr_array_add (event, px_text_units_new (text_b, "en", NULL));
  in_event = pair_score (event);
  g_assert_cmpfloat (in_event, <, alone);
  g_assert_cmpfloat (in_event, <, PX_RELATED_SCORE);
}

static void
test_menu_run (void)
{
  g_autoptr (GPtrArray) pair = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GString) menu = g_string_new ("Home News Harbour Council Budget");
  static const char *const items[] = { "Sport",   "Weather", "Culture", "Travel", "Opinion", "Video",
                                       "Podcast", "Jobs",    "Motors",  "Homes",  "Puzzles", "Archive" };

  /* A site's menu read as one long sentence shares a few words with
   * everything; it must not pass for a match of every sentence. */
  for (guint i = 0; i < 20; i++)
    for (guint k = 0; k < G_N_ELEMENTS (items); k++)
      g_string_append_printf (menu, " %s %u", items[k], i * 100 + k);
  g_string_append (menu, ".");
  g_ptr_array_add (pair, px_text_units_new ("The harbour council approved the budget on Tuesday.", "en", NULL));
  g_ptr_array_add (pair, px_text_units_new (menu->str, "en", NULL));
  g_assert_cmpfloat (pair_score (pair), <, PX_RELATED_SCORE);
}

static void
test_diff (void)
{
  g_autoptr (PxTextUnits) a =
      px_text_units_new ("Mayor Ruth Okonjo thanked the volunteers who dried books.", "en", NULL);
  g_autoptr (PxTextUnits) b =
      px_text_units_new ("MAYOR Ruth Okonjo thanked volunteers who had dried books.", "en", NULL);
  guint na, nb;
  const PxToken *ta = px_text_units_get_tokens (a, &na);
  const PxToken *tb = px_text_units_get_tokens (b, &nb);
  double ratio;
  g_autoptr (GArray) ops = px_word_diff (ta, na, tb, nb, &ratio);
  const PxDiffOp *op;
  g_autofree char *removed = NULL;
  g_autofree char *added = NULL;

  /* same(Mayor … thanked) removed(the) same(volunteers who) added(had)
   * same(dried books); case does not count. */
  g_assert_cmpuint (ops->len, ==, 5);
  op = &g_array_index (ops, PxDiffOp, 0);
  g_assert_cmpint (op->kind, ==, PX_DIFF_SAME);
  g_assert_cmpuint (op->a_start, ==, 0);
  g_assert_cmpuint (op->b_end, ==, 25);
  op = &g_array_index (ops, PxDiffOp, 1);
  g_assert_cmpint (op->kind, ==, PX_DIFF_REMOVED);
  removed = px_text_units_slice (a, op->a_start, op->a_end);
  g_assert_cmpstr (removed, ==, "the");
  g_assert_cmpuint (op->b_start, ==, op->b_end);
  op = &g_array_index (ops, PxDiffOp, 3);
  g_assert_cmpint (op->kind, ==, PX_DIFF_ADDED);
  added = px_text_units_slice (b, op->b_start, op->b_end);
  g_assert_cmpstr (added, ==, "had");
  g_assert_cmpstr (px_diff_kind_to_string (op->kind), ==, "added");
  g_assert_cmpfloat_with_epsilon (ratio, 2.0 * 8 / 18, 1e-9);
  g_assert_cmpfloat_with_epsilon (px_word_diff_ratio (ta, na, tb, nb), ratio, 1e-9);
}

static void
test_claims (void)
{
  g_autoptr (PxComparison) c = library ();
  PxClaimSet *claims = px_comparison_get_claims (c);
  guint reopened = px_claim_set_find (claims, 0, sentence_with (c, 0, "reopened on Monday"));
  guint parking = px_claim_set_find (claims, 1, sentence_with (c, 1, "Parking on Mill Road"));
  guint children = px_claim_set_find (claims, 0, sentence_with (c, 0, "children's section"));
  const PxClaim *claim;
  g_autoptr (GArray) only = px_claim_set_only_here (claims, 1);
  g_autoptr (GArray) missing = px_claim_set_missing_here (claims, 1);
  gboolean found = FALSE;

  g_assert_cmpuint (reopened, !=, G_MAXUINT);
  claim = px_claim_set_get_claim (claims, reopened);
  g_assert_cmpuint (claim->n_documents, ==, 3);
  for (guint d = 0; d < 3; d++)
    g_assert_true (px_claim_set_covers (claims, reopened, d));
  for (guint i = 0; i < claim->passages->len; i++)
    {
      const PxPassage *p = &g_array_index (claim->passages, PxPassage, i);
      g_assert_cmpuint (p->start, <, p->end);
      g_assert_cmpint (p->label, >=, PX_MATCH_PARAPHRASE);
    }
  /* Claims are sorted by support. */
  g_assert_cmpuint (px_claim_set_get_claim (claims, 0)->n_documents, ==, 3);

  /* Only the gazette mentions parking; the radio and the wire tell of the
   * children's section, the gazette does not. */
  for (guint i = 0; i < only->len; i++)
    found |= g_array_index (only, guint, i) == parking;
  g_assert_true (found);
  found = FALSE;
  for (guint i = 0; i < missing->len; i++)
    found |= g_array_index (missing, guint, i) == children;
  g_assert_true (found);
  g_assert_false (px_claim_set_covers (claims, children, 1));
}

static void
test_maybe (void)
{
  /* The wire and the gazette state the closure word for word; the radio
   * only mentions the pier (a weaker candidate: "Maybe"); the blog says
   * nothing of it (an omission to trust). */
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxAlignment) al = NULL;
  g_autoptr (PxClaimSet) claims = NULL;
  g_autoptr (GArray) missing_radio = NULL;
  g_autoptr (GArray) maybe_radio = NULL;
  g_autoptr (GArray) missing_blog = NULL;
  PxPassage maybe;
  guint claim;

  g_ptr_array_add (units, px_text_units_new ("The harbour authority will close the north pier for repairs from March. "
                                             "Ferries keep running as usual.",
                                             "en", NULL));
  g_ptr_array_add (units, px_text_units_new ("The harbour authority will close the north pier for repairs from March. "
                                             "Gulls nest on the roofs of the old sheds.",
                                             "en", NULL));
  g_ptr_array_add (units, px_text_units_new ("Fishermen complained about the north pier at the harbour meeting. "
                                             "The weather was mild for the season.",
                                             "en", NULL));
  g_ptr_array_add (units, px_text_units_new ("A new bakery opened on Quay Street last week. "
                                             "Its rye bread sells out by noon.",
                                             "en", NULL));
  al = px_alignment_new (units, NULL);
  claims = px_claim_set_new (al, 2);
  claim = px_claim_set_find (claims, 0, 0);
  g_assert_cmpuint (claim, !=, G_MAXUINT);
  g_assert_cmpuint (px_claim_set_get_claim (claims, claim)->n_documents, ==, 2);

  g_assert_true (px_claim_set_maybe (claims, claim, 2, &maybe));
  g_assert_cmpuint (maybe.doc, ==, 2);
  g_assert_cmpuint (maybe.first, ==, 0);
  g_assert_cmpuint (maybe.start, ==, 0);
  g_assert_cmpint (maybe.label, ==, PX_MATCH_RELATED);
  g_assert_cmpfloat (maybe.score, <, px_alignment_get_params (al)->paraphrase_score);
  g_assert_cmpfloat (maybe.score, >=, px_alignment_get_params (al)->related_score);
  missing_radio = px_claim_set_missing_here (claims, 2);
  maybe_radio = px_claim_set_maybe_here (claims, 2);
  for (guint i = 0; i < missing_radio->len; i++)
    g_assert_cmpuint (g_array_index (missing_radio, guint, i), !=, claim);
  g_assert_cmpuint (maybe_radio->len, ==, 1);
  g_assert_cmpuint (g_array_index (maybe_radio, guint, 0), ==, claim);

  g_assert_false (px_claim_set_maybe (claims, claim, 3, NULL));
  g_assert_false (px_claim_set_maybe (claims, claim, 1, NULL)); /* reports it */
  missing_blog = px_claim_set_missing_here (claims, 3);
  g_assert_cmpuint (missing_blog->len, ==, 1);
  g_assert_cmpuint (g_array_index (missing_blog, guint, 0), ==, claim);
}

static void
test_json (void)
{
  g_autoptr (PxComparison) c = library ();
  g_autoptr (PxComparison) again = library ();
  g_autofree char *json = px_compare_to_json (c, 5, "Lakeside library", FALSE);
  g_autofree char *json2 = px_compare_to_json (again, 5, "Lakeside library", FALSE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *passage, *quote = NULL;
  JsonArray *claims, *docs, *quotes;
  g_autofree char *slice = NULL;

  g_assert_cmpstr (json, ==, json2);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "event"), "id"), ==, 5);
  docs = json_object_get_array_member (root, "documents");
  g_assert_cmpuint (json_array_get_length (docs), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (docs, 1), "id"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (docs, 1), "outlet"), ==,
                   "Lakeside Gazette");
  g_assert_true (json_object_has_member (json_array_get_object_element (docs, 1), "only_here"));
  g_assert_true (json_object_has_member (json_array_get_object_element (docs, 1), "missing_here"));

  claims = json_object_get_array_member (root, "claims");
  g_assert_cmpuint (json_array_get_length (claims), ==, px_claim_set_get_n_claims (px_comparison_get_claims (c)));
  passage = json_array_get_object_element (
      json_object_get_array_member (json_array_get_object_element (claims, 0), "passages"), 0);
  /* Offsets point at the text they come with. */
  slice = px_document_get_slice (px_comparison_get_document (c, 0), json_object_get_int_member (passage, "start"),
                                 json_object_get_int_member (passage, "end"));
  g_assert_cmpstr (slice, ==, json_object_get_string_member (passage, "text"));
  g_assert_cmpint (json_object_get_int_member (passage, "document"), ==, 11);
  g_assert_nonnull (json_object_get_string_member (passage, "label"));

  quotes = json_object_get_array_member (root, "quotes");
  g_assert_cmpuint (json_array_get_length (quotes), >, 0);
  /* The first direct quote (reported speech, "…, librarian Nora
   * Castell said.", comes before it). */
  for (guint i = 0; i < json_array_get_length (quotes); i++)
    {
      quote = json_array_get_object_element (quotes, i);
      if (g_strcmp0 (json_object_get_string_member (quote, "kind"), "direct") == 0)
        break;
    }
  g_assert_cmpstr (json_object_get_string_member (quote, "kind"), ==, "direct");
  g_assert_cmpstr (json_object_get_string_member (quote, "speaker"), ==, "Nora Castell");
  g_assert_cmpstr (json_object_get_string_member (quote, "cue"), ==, "said");
  g_clear_pointer (&slice, g_free);
  slice = px_document_get_slice (px_comparison_get_document (c, 0), json_object_get_int_member (quote, "start"),
                                 json_object_get_int_member (quote, "end"));
  g_assert_true (g_str_has_prefix (slice, "We lost four thousand books"));
  g_assert_true (json_object_has_member (root, "speakers"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/align/labels", test_labels);
  g_test_add_func ("/align/pair", test_pair);
  g_test_add_func ("/align/word-vectors", test_word_vectors);
  g_test_add_func ("/align/paraphrase", test_paraphrase);
  g_test_add_func ("/align/ngrams", test_ngrams);
  g_test_add_func ("/align/ngrams-cached", test_ngrams_cached);
  g_test_add_func ("/align/topic-words", test_topic_words);
  g_test_add_func ("/align/menu-run", test_menu_run);
  g_test_add_func ("/align/diff", test_diff);
  g_test_add_func ("/align/claims", test_claims);
  g_test_add_func ("/align/maybe", test_maybe);
  g_test_add_func ("/align/json", test_json);
  return g_test_run ();
}
