/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "import/px-import.h"

static PxDocument *
import_string (const char *text, gssize len, const char *name, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize)len);
  return px_import_bytes (bytes, name, NULL, error);
}

static void
test_title_and_paragraphs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = import_string ("\xEF\xBB\xBFLighthouse keepers vote to strike\r\n\r\n"
                                              "The keepers of the northern lights voted on Tuesday.\r\n\r\n"
                                              "Their union said the vote\r\nwas unanimous.\n",
                                              -1, "a.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (doc), ==, "Lighthouse keepers vote to strike");
  g_assert_cmpuint (px_document_get_n_blocks (doc), ==, 2);
  g_assert_cmpstr (px_document_get_text (doc), ==,
                   "The keepers of the northern lights voted on Tuesday.\n\nTheir union said the vote was unanimous.");
}

static void
test_bad_input (void)
{
  g_autoptr (GError) error = NULL;
  PxDocument *doc;

  doc = import_string ("", 0, "empty.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  doc = import_string ("Title\n\nBody \xC3\x28 broken.\n", -1, "bad.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_ENCODING);
  g_clear_error (&error);

  doc = import_string ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "image.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_BINARY);
  g_clear_error (&error);

  doc = import_string ("   \n\n \t \n", -1, "blank.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_EMPTY);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-import/title-and-paragraphs", test_title_and_paragraphs);
  g_test_add_func ("/text-import/bad-input", test_bad_input);
  return g_test_run ();
}
