/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "annotations/px-anchor.h"

/* An invented article, in the shape of the clean text: paragraphs joined
 * by blank lines. */
#define P1 "The ferry service between Larnow and the island of Vessa resumed on Thursday after a three-week halt."
#define P2 "Engineers replaced the worn hull plates, the operator said, and inspectors signed off on Wednesday night."
#define P3 "Passengers queued from dawn. \"We have waited long enough,\" said one commuter, a teacher from Vessa."
#define P4 "The operator promised a timetable review by the end of the month."
#define ARTICLE P1 "\n\n" P2 "\n\n" P3 "\n\n" P4

static guint
cp_offset (const char *text, const char *needle)
{
  const char *hit = strstr (text, needle);

  g_assert_nonnull (hit);
  return (guint)g_utf8_pointer_to_offset (text, hit);
}

/* Describes @quote in @old_text, anchors it in @new_text and returns the
 * text found there (NULL when orphaned). */
static char *
reanchor (const char *old_text, const char *quote, const char *new_text, PxAnchorMethod *method, gboolean use_map)
{
  g_autoptr (PxAnchorText) old_t = px_anchor_text_new (old_text);
  g_autoptr (PxAnchorText) new_t = px_anchor_text_new (new_text);
  PxAnchorSelector sel = { 0 };
  PxAnchorResult result;
  PxAnchorMap map;
  guint start = cp_offset (old_text, quote);
  gboolean found;
  char *out = NULL;

  px_anchor_describe (old_t, start, start + g_utf8_strlen (quote, -1), &sel);
  g_assert_cmpstr (sel.quote, ==, quote);
  px_anchor_map_init (&map, old_text, new_text);
  found = px_anchor_find (new_t, &sel, use_map ? px_anchor_map_offset (&map, start) : start, &result);
  *method = result.method;
  if (found)
    {
      g_assert_cmpuint (result.start, <=, result.end);
      g_assert_cmpuint (result.end, <=, px_anchor_text_get_length (new_t));
      out = px_anchor_text_slice (new_t, result.start, result.end);
    }
  else
    g_assert_cmpint (result.method, ==, PX_ANCHOR_ORPHANED);
  px_anchor_selector_clear (&sel);
  return out;
}

static void
test_describe (void)
{
  g_autoptr (PxAnchorText) t = px_anchor_text_new (ARTICLE);
  PxAnchorSelector sel = { 0 };
  guint start = cp_offset (ARTICLE, "worn hull plates");

  px_anchor_describe (t, start, start + 16, &sel);
  g_assert_cmpstr (sel.quote, ==, "worn hull plates");
  g_assert_cmpint (g_utf8_strlen (sel.prefix, -1), ==, PX_ANCHOR_CONTEXT);
  g_assert_true (g_str_has_suffix (sel.prefix, "Engineers replaced the "));
  g_assert_true (g_str_has_prefix (sel.suffix, ", the operator said"));
  g_assert_cmpint (g_utf8_strlen (sel.suffix, -1), ==, PX_ANCHOR_CONTEXT);

  /* At the very start and end, the context is shorter; ranges past the
   * end are clamped. */
  px_anchor_describe (t, 0, 3, &sel);
  g_assert_cmpstr (sel.quote, ==, "The");
  g_assert_cmpstr (sel.prefix, ==, "");
  px_anchor_describe (t, px_anchor_text_get_length (t) - 6, px_anchor_text_get_length (t) + 100, &sel);
  g_assert_cmpstr (sel.quote, ==, "month.");
  g_assert_cmpstr (sel.suffix, ==, "");
  px_anchor_selector_clear (&sel);
}

static void
test_unchanged (void)
{
  PxAnchorMethod method;
  g_autofree char *found = reanchor (ARTICLE, "inspectors signed off", ARTICLE, &method, TRUE);

  g_assert_cmpstr (found, ==, "inspectors signed off");
  g_assert_cmpint (method, ==, PX_ANCHOR_POSITION);
}

static void
test_insertion_before (void)
{
  const char *edited = "Update: this story was corrected on Friday.\n\n" ARTICLE;
  PxAnchorMethod method;
  g_autofree char *with_map = reanchor (ARTICLE, "inspectors signed off", edited, &method, TRUE);
  g_autofree char *without_map = NULL;

  g_assert_cmpstr (with_map, ==, "inspectors signed off");
  g_assert_cmpint (method, ==, PX_ANCHOR_POSITION);
  /* Without the hint, the stored position is wrong and the exact quote is
   * searched. */
  without_map = reanchor (ARTICLE, "inspectors signed off", edited, &method, FALSE);
  g_assert_cmpstr (without_map, ==, "inspectors signed off");
  g_assert_cmpint (method, ==, PX_ANCHOR_EXACT);
}

static void
test_edit_inside (void)
{
  const char *quote = "Engineers replaced the worn hull plates, the operator said";
  g_autofree char *edited = g_strdup (ARTICLE);
  g_autofree char *found = NULL;
  GString *s = g_string_new (ARTICLE);
  PxAnchorMethod method;

  /* "worn" → "corroded", "operator" → "ferry company". */
  g_string_replace (s, "the worn hull", "the corroded hull", 1);
  g_string_replace (s, "the operator said", "the ferry company said", 1);
  g_free (edited);
  edited = g_string_free (s, FALSE);
  found = reanchor (ARTICLE, quote, edited, &method, TRUE);
  g_assert_cmpint (method, ==, PX_ANCHOR_FUZZY);
  g_assert_cmpstr (found, ==, "Engineers replaced the corroded hull plates, the ferry company said");
}

static void
test_deleted_paragraph (void)
{
  const char *edited = P1 "\n\n" P3 "\n\n" P4;
  PxAnchorMethod method;
  g_autofree char *gone = reanchor (ARTICLE, "inspectors signed off on Wednesday night", edited, &method, TRUE);
  g_autofree char *kept = NULL;

  g_assert_null (gone);
  g_assert_cmpint (method, ==, PX_ANCHOR_ORPHANED);
  /* The paragraph after it is found again. */
  kept = reanchor (ARTICLE, "Passengers queued from dawn.", edited, &method, TRUE);
  g_assert_cmpstr (kept, ==, "Passengers queued from dawn.");
}

static void
test_repeated_phrase (void)
{
  const char *text = "The council met at noon. The vote was close.\n\n"
                     "Later, residents gathered outside. The vote was close, they said, but fair.";
  const char *edited = "Breaking.\n\nThe council met at noon in the old hall. The vote was close.\n\n"
                       "Later, residents gathered outside. The vote was close, they said, but fair.";
  g_autoptr (PxAnchorText) old_t = px_anchor_text_new (text);
  g_autoptr (PxAnchorText) new_t = px_anchor_text_new (edited);
  PxAnchorSelector sel = { 0 };
  PxAnchorResult result;
  const char *second = strstr (strstr (text, "The vote was close") + 1, "The vote was close");
  guint start = g_utf8_pointer_to_offset (text, second);
  guint expected_start =
      g_utf8_pointer_to_offset (edited, strstr (strstr (edited, "The vote was close") + 1, "The vote was close"));

  /* The second occurrence: found again as the second, with or without
   * the position hint, although the first is nearer the old offset. */
  px_anchor_describe (old_t, start, start + 18, &sel);
  g_assert_true (px_anchor_find (new_t, &sel, start, &result));
  g_assert_cmpint (result.method, ==, PX_ANCHOR_EXACT);
  g_assert_cmpuint (result.start, ==, expected_start);

  /* The first occurrence. */
  start = cp_offset (text, "The vote was close");
  px_anchor_describe (old_t, start, start + 18, &sel);
  g_assert_true (px_anchor_find (new_t, &sel, start, &result));
  g_assert_cmpuint (result.start, ==, cp_offset (edited, "The vote was close"));
  px_anchor_selector_clear (&sel);
}

static void
test_quote_style_and_whitespace (void)
{
  const char *curly = P1 "\n\n" P2 "\n\n"
                         "Passengers queued from dawn. \u201cWe have waited long enough,\u201d said one commuter, a "
                         "teacher from Vessa."
                         "\n\n" P4;
  const char *split = P1 "\n\n" P2 "\n\nPassengers queued from dawn.\n\n\"We have waited long enough,\" said one "
                         "commuter, a teacher from Vessa.\n\n" P4;
  PxAnchorMethod method;
  g_autofree char *a = reanchor (ARTICLE, "\"We have waited long enough,\" said one commuter", curly, &method, TRUE);
  g_autofree char *b = NULL;

  g_assert_cmpstr (a, ==, "\u201cWe have waited long enough,\u201d said one commuter");
  g_assert_cmpint (method, ==, PX_ANCHOR_POSITION);

  /* A paragraph split inside the quote: the space became a blank line. */
  b = reanchor (ARTICLE, "Passengers queued from dawn. \"We have waited", split, &method, TRUE);
  g_assert_cmpint (method, ==, PX_ANCHOR_FUZZY);
  g_assert_cmpstr (b, ==, "Passengers queued from dawn.\n\n\"We have waited");
}

static void
test_long_quote (void)
{
  /* Over 64 code points: several blocks of the bit-parallel matcher. */
  const char *quote = P2;
  GString *s = g_string_new (ARTICLE);
  g_autofree char *edited = NULL;
  g_autofree char *found = NULL;
  PxAnchorMethod method;

  g_string_replace (s, "signed off on Wednesday night", "approved the vessel late on Wednesday", 1);
  g_string_prepend (s, "A new introduction paragraph.\n\n");
  edited = g_string_free (s, FALSE);
  found = reanchor (ARTICLE, quote, edited, &method, TRUE);
  g_assert_cmpint (method, ==, PX_ANCHOR_FUZZY);
  g_assert_cmpstr (found, ==,
                   "Engineers replaced the worn hull plates, the operator said, and inspectors approved the vessel "
                   "late on Wednesday.");
}

static void
test_unicode_offsets (void)
{
  const char *text = "Caf\u00e9 owners \U0001F600 in Z\u00fcrich said the r\u00e9sum\u00e9 was fine.";
  const char *edited = "\U0001F4F0 News: Caf\u00e9 owners \U0001F600 in Z\u00fcrich said the r\u00e9sum\u00e9 was "
                       "fine.";
  PxAnchorMethod method;
  g_autofree char *found = reanchor (text, "r\u00e9sum\u00e9", edited, &method, TRUE);

  g_assert_cmpstr (found, ==, "r\u00e9sum\u00e9");
}

static void
test_short_quote_needs_context (void)
{
  const char *text = "Alpha beta gamma delta. Vessa is small.";
  const char *edited = "Alpha beta gamma delta. Something else entirely now.";
  PxAnchorMethod method;
  g_autofree char *found = reanchor (text, "Vessa", edited, &method, TRUE);

  g_assert_null (found);
}

static void
test_map (void)
{
  PxAnchorMap map;

  px_anchor_map_init (&map, "0123456789", "01234XYZ56789");
  g_assert_cmpuint (map.common_prefix, ==, 5);
  g_assert_cmpuint (map.common_suffix, ==, 5);
  g_assert_cmpuint (px_anchor_map_offset (&map, 2), ==, 2);
  g_assert_cmpuint (px_anchor_map_offset (&map, 7), ==, 10);
  g_assert_cmpuint (px_anchor_map_offset (&map, 10), ==, 13);

  /* Characters, not bytes: "é" and "è" share their first byte. */
  px_anchor_map_init (&map, "ab\u00e9cd", "ab\u00e8cd");
  g_assert_cmpuint (map.common_prefix, ==, 2);
  g_assert_cmpuint (map.common_suffix, ==, 2);
  g_assert_cmpuint (map.old_length, ==, 5);
  px_anchor_map_init (&map, "same", "same");
  g_assert_cmpuint (map.common_prefix, ==, 4);
  g_assert_cmpuint (px_anchor_map_offset (&map, 4), ==, 4);
}

/* The bit-parallel matcher agrees with the textbook dynamic program on
 * random strings, short and long (several 64-bit blocks). */
static int
naive_best (const gunichar *t, guint n, const gunichar *p, guint m)
{
  g_autofree int *col = g_new (int, m + 1);
  int best;

  for (guint i = 0; i <= m; i++)
    col[i] = i;
  best = col[m];
  for (guint j = 1; j <= n; j++)
    {
      int diag = col[0];
      col[0] = 0;
      for (guint i = 1; i <= m; i++)
        {
          int up = col[i];
          int v = diag + (p[i - 1] == t[j - 1] ? 0 : 1);
          v = MIN (v, col[i] + 1);
          v = MIN (v, col[i - 1] + 1);
          col[i] = v;
          diag = up;
        }
      best = MIN (best, col[m]);
    }
  return best;
}

static void
test_myers_matches_naive (void)
{
  const char alphabet[] = "abcd\xc3\xa9";

  for (int round = 0; round < 300; round++)
    {
      guint n = g_test_rand_int_range (1, 300);
      guint m = g_test_rand_int_range (1, round % 3 == 0 ? 200 : 40);
      g_autoptr (GString) t = g_string_new (NULL);
      g_autoptr (GString) p = g_string_new (NULL);
      g_autofree gunichar *tu = NULL;
      g_autofree gunichar *pu = NULL;
      glong tn, pn;
      guint start, end;
      int errors;

      for (guint i = 0; i < n; i++)
        {
          int k = g_test_rand_int_range (0, 5);
          g_string_append_len (t, k == 4 ? "\xc3\xa9" : alphabet + k, k == 4 ? 2 : 1);
        }
      for (guint i = 0; i < m; i++)
        {
          int k = g_test_rand_int_range (0, 5);
          g_string_append_len (p, k == 4 ? "\xc3\xa9" : alphabet + k, k == 4 ? 2 : 1);
        }
      tu = g_utf8_to_ucs4_fast (t->str, -1, &tn);
      pu = g_utf8_to_ucs4_fast (p->str, -1, &pn);
      errors = px_anchor_best_match (t->str, p->str, &start, &end);
      g_assert_cmpint (errors, ==, naive_best (tu, tn, pu, pn));
      g_assert_cmpuint (start, <=, end);
      g_assert_cmpuint (end, <=, (guint)tn);
    }
}

static void
test_empty_inputs (void)
{
  g_autoptr (PxAnchorText) empty = px_anchor_text_new ("");
  PxAnchorSelector sel = { 5, 9, (char *)"ferry", (char *)"", (char *)"" };
  PxAnchorResult result;
  guint s, e;

  g_assert_false (px_anchor_find (empty, &sel, 5, &result));
  g_assert_cmpint (result.method, ==, PX_ANCHOR_ORPHANED);
  g_assert_cmpint (px_anchor_best_match ("abc", "", &s, &e), ==, -1);
  g_assert_cmpint (px_anchor_best_match ("", "abc", &s, &e), ==, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/anchor/describe", test_describe);
  g_test_add_func ("/anchor/unchanged", test_unchanged);
  g_test_add_func ("/anchor/insertion-before", test_insertion_before);
  g_test_add_func ("/anchor/edit-inside", test_edit_inside);
  g_test_add_func ("/anchor/deleted-paragraph", test_deleted_paragraph);
  g_test_add_func ("/anchor/repeated-phrase", test_repeated_phrase);
  g_test_add_func ("/anchor/quote-style-and-whitespace", test_quote_style_and_whitespace);
  g_test_add_func ("/anchor/long-quote", test_long_quote);
  g_test_add_func ("/anchor/unicode-offsets", test_unicode_offsets);
  g_test_add_func ("/anchor/short-quote-needs-context", test_short_quote_needs_context);
  g_test_add_func ("/anchor/map", test_map);
  g_test_add_func ("/anchor/myers-matches-naive", test_myers_matches_naive);
  g_test_add_func ("/anchor/empty-inputs", test_empty_inputs);
  return g_test_run ();
}
