/* SPDX-License-Identifier: GPL-3.0-or-later */
/* File names made from titles: no way out of the chosen folder. */
#include <glib/gstdio.h>
#include <string.h>

#include "export/px-filename.h"

static void
assert_stem (const char *title, const char *expected)
{
  g_autofree char *stem = px_sanitize_filename (title, NULL);
  g_autofree char *again = px_sanitize_filename (stem, NULL);

  g_assert_cmpstr (stem, ==, expected);
  g_assert_cmpstr (again, ==, stem);
}

static void
test_plain_titles (void)
{
  assert_stem ("Harbour strike ends after nine days", "Harbour strike ends after nine days");
  assert_stem ("  Spaces   inside\tand\naround  ", "Spaces inside and around");
  assert_stem ("Q&A: what happened?", "Q&A what happened");
  assert_stem ("Left/Right\\Centre|Other", "Left-Right-Centre-Other");
  assert_stem ("Grève à Saint-Étienne", "Grève à Saint-Étienne");
  /* "e" + combining acute becomes the precomposed letter. */
  assert_stem ("Cafe\xcc\x81", "Caf\xc3\xa9");
}

static void
test_traversal (void)
{
  assert_stem ("../../etc/passwd", "etc-passwd");
  assert_stem ("..", "Untitled");
  assert_stem (".", "Untitled");
  assert_stem ("/", "Untitled");
  assert_stem (".bashrc", "bashrc");
  assert_stem ("--help", "help");
  assert_stem ("Ends with dots...", "Ends with dots");
  assert_stem ("a\x01"
               "b\x7f"
               "c",
               "a b c");
}

static void
test_disguise_and_devices (void)
{
  /* A right-to-left override would show "reportexe.txt". */
  assert_stem ("report\xe2\x80\xaetxt.exe", "reporttxt.exe");
  assert_stem ("zero\xe2\x80\x8bwidth", "zerowidth");
  assert_stem ("CON", "_CON");
  assert_stem ("con.md", "_con.md");
  assert_stem ("LPT1", "_LPT1");
  assert_stem ("COM0", "COM0");
  assert_stem ("Console", "Console");
}

static void
test_invalid_and_empty (void)
{
  g_autofree char *fallback = px_sanitize_filename ("   ", "Article 12");
  g_autofree char *bad = px_sanitize_filename ("Bad \xc3\x28 bytes", NULL);
  g_autofree char *null = px_sanitize_filename (NULL, NULL);

  g_assert_cmpstr (fallback, ==, "Article 12");
  g_assert_true (g_utf8_validate (bad, -1, NULL));
  g_assert_nonnull (strstr (bad, "Bad"));
  g_assert_cmpstr (null, ==, "Untitled");
}

static void
test_long_titles (void)
{
  g_autoptr (GString) title = g_string_new (NULL);
  g_autofree char *stem = NULL;
  g_autofree char *again = NULL;

  /* Letters with two combining marks (five bytes in NFC): the cut must
   * not split one from its marks. */
  for (int i = 0; i < 300; i++)
    g_string_append (title, "e\xcc\xa3\xcc\x81");
  stem = px_sanitize_filename (title->str, NULL);
  g_assert_cmpuint (strlen (stem), <=, PX_FILENAME_MAX_STEM);
  g_assert_cmpuint (strlen (stem), >, PX_FILENAME_MAX_STEM - 5);
  g_assert_cmpuint (strlen (stem) % 5, ==, 0);
  g_assert_true (g_utf8_validate (stem, -1, NULL));
  again = px_sanitize_filename (stem, NULL);
  g_assert_cmpstr (again, ==, stem);
}

static char *
unique_name (const char *dir, const char *stem)
{
  g_autofree char *path = px_filename_build_unique (dir, stem, "md");
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpstr (parent, ==, dir);
  return g_path_get_basename (path);
}

static void
test_unique (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-filename-XXXXXX", NULL);
  g_autofree char *report = g_build_filename (dir, "Report day one.md", NULL);
  g_autofree char *link = g_build_filename (dir, "Dangling.md", NULL);
  g_autofree char *name = NULL;

  name = unique_name (dir, "Report: day one");
  g_assert_cmpstr (name, ==, "Report day one.md");
  g_assert_true (g_file_set_contents (report, "x", -1, NULL));
  g_free (name);
  name = unique_name (dir, "Report: day one");
  g_assert_cmpstr (name, ==, "Report day one (2).md");

  /* A dangling link counts as taken: writing to it would follow it. */
  g_assert_cmpint (symlink ("/nonexistent/target", link), ==, 0);
  g_free (name);
  name = unique_name (dir, "Dangling");
  g_assert_cmpstr (name, ==, "Dangling (2).md");

  g_free (name);
  name = unique_name (dir, "../outside");
  g_assert_cmpstr (name, ==, "outside.md");

  g_assert_cmpint (g_unlink (report), ==, 0);
  g_assert_cmpint (g_unlink (link), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/filename/plain", test_plain_titles);
  g_test_add_func ("/filename/traversal", test_traversal);
  g_test_add_func ("/filename/disguise-and-devices", test_disguise_and_devices);
  g_test_add_func ("/filename/invalid-and-empty", test_invalid_and_empty);
  g_test_add_func ("/filename/long", test_long_titles);
  g_test_add_func ("/filename/unique", test_unique);
  return g_test_run ();
}
