/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Comparing very long articles stays bounded: the alignment's first pass
 * scores a bounded number of candidates per sentence (counted, not
 * timed), copies are still found, and slicing a passage does not walk the
 * text from its start. */
#include <string.h>

#include "compare/px-align-block.h"
#include "compare/px-alignment.h"

#define N_SENTENCES 2000

/* An invented word: letters from a number, so each is its own word. */
static void
append_word (GString *s, guint n)
{
  g_string_append_c (s, 'z');
  do
    {
      g_string_append_c (s, (char)('a' + n % 26));
      n /= 26;
    }
  while (n > 0);
  g_string_append_c (s, 'o');
}

/* Sentence @i of an article: eight words, some shared with nearby
 * sentences (a vocabulary of 3,000), as in a long text on one subject. */
static void
append_sentence (GString *s, guint i, guint salt)
{
  g_string_append (s, "Then ");
  for (guint j = 0; j < 8; j++)
    {
      append_word (s, (i * 7 + j * 13 + salt * 101) % 3000);
      g_string_append_c (s, j == 7 ? '.' : ' ');
    }
  g_string_append_c (s, i % 5 == 4 ? '\n' : ' ');
}

static PxTextUnits *
article (guint salt, guint copy_from, guint copy_at)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < N_SENTENCES; i++)
    {
      if (i == copy_at)
        append_sentence (s, copy_from, 0);
      else
        append_sentence (s, i, salt);
    }
  return px_text_units_new (s->str, "en", NULL);
}

static void
test_bounded_pairs (void)
{
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxAlignment) al = NULL;
  const PxMatch *m;
  guint copy_from = 321, copy_at = 1700;

  g_ptr_array_add (units, article (0, G_MAXUINT, G_MAXUINT));
  /* The second article repeats sentence 321 of the first at 1700. */
  g_ptr_array_add (units, article (1, copy_from, copy_at));
  al = px_alignment_new (units, NULL);

  /* Every pair would be 2 × 2,000 × 2,000 = 8 million. */
  g_assert_cmpuint (px_alignment_get_n_scored (al), <=, (guint64)2 * N_SENTENCES * PX_ALIGN_BLOCK_MAX_CANDIDATES);
  m = px_alignment_get_match (al, 0, copy_from, 1);
  g_assert_cmpint (m->label, ==, PX_MATCH_VERBATIM);
  g_assert_cmpuint (m->first, ==, copy_at);
  m = px_alignment_get_match (al, 1, copy_at, 0);
  g_assert_cmpint (m->label, ==, PX_MATCH_VERBATIM);
  g_assert_cmpuint (m->first, ==, copy_from);
}

/* Below the bound, every pair is scored, as before. */
static void
test_small_unblocked (void)
{
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PxAlignment) al = NULL;
  guint64 matchable[2] = { 0, 0 };

  g_ptr_array_add (units, px_text_units_new ("The storm closed the harbour at noon on Monday. "
                                             "Fishing boats stayed in port until the wind dropped.",
                                             "en", NULL));
  g_ptr_array_add (units, px_text_units_new ("Fishing boats stayed in port on Monday. "
                                             "The harbour was closed by the storm at noon.",
                                             "en", NULL));
  al = px_alignment_new (units, NULL);
  for (guint d = 0; d < 2; d++)
    for (guint s = 0; s < px_text_units_get_n_sentences (units->pdata[d]); s++)
      matchable[d] += px_alignment_is_matchable (al, d, s);
  g_assert_false (px_align_block_needed (1000, 1000));
  g_assert_cmpuint (px_alignment_get_n_scored (al), ==, 2 * matchable[0] * matchable[1]);
}

/* Slices anywhere in a long text with multi-byte characters, before,
 * inside and between sentences, are the text's own characters. */
static void
test_slice (void)
{
  g_autoptr (GString) s = g_string_new ("  ");
  g_autoptr (PxTextUnits) u = NULL;
  glong length;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (s, "Zoë saw %u cafés — «déjà vu».%s", i, i % 3 == 2 ? "\n\n" : " ");
  u = px_text_units_new (s->str, "en", NULL);
  length = g_utf8_strlen (s->str, -1);
  for (glong start = 0; start < length; start += 37)
    for (glong len = 0; len < 90 && start + len <= length; len += 29)
      {
        g_autofree char *got = px_text_units_slice (u, start, start + len);
        g_autofree char *want = g_utf8_substring (s->str, start, start + len);

        g_assert_cmpstr (got, ==, want);
      }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/align-scale/bounded-pairs", test_bounded_pairs);
  g_test_add_func ("/align-scale/small-unblocked", test_small_unblocked);
  g_test_add_func ("/align-scale/slice", test_slice);
  return g_test_run ();
}
