/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "spell/px-spell-checker.h"

/* These tests need the hunspell-en-us dictionary (tools/setup installs
 * it); without it they fail rather than pass vacuously. */

typedef struct
{
  char *dir;
  PxSpellChecker *checker;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("px-spell-XXXXXX", NULL);
  f->checker = px_spell_checker_new (f->dir);
  g_assert_true (px_spell_checker_set_language (f->checker, "en_US"));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *file = g_build_filename (f->dir, "dictionary.txt", NULL);

  g_clear_object (&f->checker);
  g_remove (file);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_languages (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) languages = px_spell_checker_list_languages (f->checker);
  g_autofree char *en = NULL;
  g_autofree char *en_gb = NULL;
  g_autofree char *none = NULL;

  g_assert_true (g_strv_contains ((const char *const *)languages, "en_US"));
  en = px_spell_checker_pick_language (f->checker, "en");
  g_assert_cmpstr (en, ==, "en_US");
  /* Another English: the installed one of the same language. */
  en_gb = px_spell_checker_pick_language (f->checker, "en-GB");
  g_assert_true (g_str_has_prefix (en_gb, "en"));
  /* A language without a dictionary falls back to the locale (C: English). */
  none = px_spell_checker_pick_language (f->checker, "xx");
  g_assert_cmpstr (none, ==, "en_US");
  g_assert_cmpstr (px_spell_checker_get_language (f->checker), ==, "en_US");
}

static void
test_check_and_suggest (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) suggestions = NULL;

  g_assert_true (px_spell_checker_check_word (f->checker, "harbour", -1) == FALSE);
  g_assert_true (px_spell_checker_check_word (f->checker, "harbor", -1));
  g_assert_true (px_spell_checker_check_word (f->checker, "journalists", -1));
  g_assert_false (px_spell_checker_check_word (f->checker, "journalistz", -1));
  g_assert_true (px_spell_checker_check_word (f->checker, "recieve and more", 7) == FALSE);
  suggestions = px_spell_checker_suggest (f->checker, "recieve", -1);
  g_assert_true (g_strv_contains ((const char *const *)suggestions, "receive"));
  /* Invalid text is never a crash, and never underlined. */
  g_assert_true (px_spell_checker_check_word (f->checker, "bad \xc3\x28", -1));
  g_clear_pointer (&suggestions, g_strfreev);
  suggestions = px_spell_checker_suggest (f->checker, "bad \xc3\x28", -1);
  g_assert_cmpuint (g_strv_length (suggestions), ==, 0);
}

static void
test_check_text (Fixture *f, gconstpointer data)
{
  const char *text = "Caf\u00e9 \u00e0 la carte? The *goverment* said it won't \u201crecieve\u201d 3rd-party bids "
                     "\u2014 cafe owners' qwzx, says CNBC. A.";
  g_autoptr (GArray) ranges = px_spell_checker_check_text (f->checker, text, -1);
  const char *expected[] = { "Caf\u00e9", "goverment", "recieve", "qwzx" };

  g_assert_cmpuint (ranges->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < ranges->len; i++)
    {
      PxSpellRange *r = &g_array_index (ranges, PxSpellRange, i);
      const char *s = g_utf8_offset_to_pointer (text, r->start);
      const char *e = g_utf8_offset_to_pointer (text, r->end);
      g_autofree char *word = g_strndup (s, e - s);

      g_assert_cmpstr (word, ==, expected[i]);
    }
}

static void
test_personal_and_ignore (Fixture *f, gconstpointer data)
{
  g_autoptr (PxSpellChecker) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_false (px_spell_checker_check_word (f->checker, "Tamskian", -1));
  g_assert_true (px_spell_checker_add_word (f->checker, "Tamskian", -1, &error));
  g_assert_no_error (error);
  g_assert_true (px_spell_checker_check_word (f->checker, "Tamskian", -1));
  g_assert_true (g_file_get_contents (px_spell_checker_get_personal_path (f->checker), &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Tamskian\n");
  g_assert_false (px_spell_checker_add_word (f->checker, "two\nlines", -1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Kept with the user's data: a new checker knows it. */
  again = px_spell_checker_new (f->dir);
  px_spell_checker_set_language (again, "en_US");
  g_assert_true (px_spell_checker_check_word (again, "Tamskian", -1));

  /* Ignored words are forgotten with the checker. */
  px_spell_checker_ignore_word (f->checker, "Vessaport", -1);
  g_assert_true (px_spell_checker_check_word (f->checker, "Vessaport", -1));
  g_assert_false (px_spell_checker_check_word (again, "Vessaport", -1));
}

static void
test_no_dictionary (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-spell-XXXXXX", NULL);
  g_autoptr (PxSpellChecker) checker = px_spell_checker_new (dir);
  g_autoptr (GArray) ranges = NULL;
  g_auto (GStrv) suggestions = NULL;

  g_assert_false (px_spell_checker_set_language (checker, "zz_ZZ"));
  g_assert_false (px_spell_checker_has_dictionary (checker));
  g_assert_null (px_spell_checker_get_language (checker));
  g_assert_true (px_spell_checker_check_word (checker, "qwzx", -1));
  ranges = px_spell_checker_check_text (checker, "qwzx vbnm", -1);
  g_assert_cmpuint (ranges->len, ==, 0);
  suggestions = px_spell_checker_suggest (checker, "qwzx", -1);
  g_assert_cmpuint (g_strv_length (suggestions), ==, 0);
  g_rmdir (dir);
}

static void
test_extend_to_words (void)
{
  const char *text = "one twoo three";
  guint start = 6, end = 7;

  px_spell_extend_to_words (text, &start, &end);
  g_assert_cmpuint (start, ==, 4);
  g_assert_cmpuint (end, ==, 8);
  start = 3;
  end = 100;
  px_spell_extend_to_words (text, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 14);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/spell/languages", test_languages);
  ADD ("/spell/check-and-suggest", test_check_and_suggest);
  ADD ("/spell/check-text", test_check_text);
  ADD ("/spell/personal-and-ignore", test_personal_and_ignore);
  g_test_add_func ("/spell/no-dictionary", test_no_dictionary);
  g_test_add_func ("/spell/extend-to-words", test_extend_to_words);
  return g_test_run ();
}
