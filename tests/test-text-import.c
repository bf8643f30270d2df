/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "import/px-boilerplate.h"
#include "import/px-date-parse.h"
#include "import/px-front-matter.h"
#include "import/px-import-job.h"
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
  /* The message says where, so that the user can find the bad byte. */
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  doc = import_string ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "image.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_BINARY);
  g_clear_error (&error);

  doc = import_string ("   \n\n \t \n", -1, "blank.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  /* Markdown goes through the same checks. */
  doc = import_string ("# Title\n\n\xFF\xFE broken\n", -1, "bad.md", &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_ENCODING);
}

static void
test_dates (void)
{
  static const struct
  {
    const char *text;
    const char *iso;
  } finds[] = {
    { "2019-06-04", "2019-06-04" },
    { "2023-02-14T08:30:00+01:00", "2023-02-14" },
    { "04 JUN 2019", "2019-06-04" },
    { "June 4, 2019", "2019-06-04" },
    { "Jun. 4 2019", "2019-06-04" },
    { "4 June 2019", "2019-06-04" },
    { "4th of June, 2019", "2019-06-04" },
    { "Tuesday, June 4th, 2019", "2019-06-04" },
    { "4. Juni 2019", "2019-06-04" },
    { "1er juin 2019", "2019-06-01" },
    { "3 mars 2020", "2020-03-03" },
    { "4 de junio de 2019", "2019-06-04" },
    { "4 mei 2019", "2019-05-04" },
    { "04.06.2019", "2019-06-04" },
    { "25/12/2020", "2020-12-25" },
    { "12/25/2020", "2020-12-25" },
    { "Sept. 30, 2020", "2020-09-30" },
    { "published on 29 February 2020 at noon", "2020-02-29" },
    /* not dates, or not whole dates: never guessed */
    { "04/06/2019", NULL },
    { "June 2019", NULL },
    { "31 June 2019", NULL },
    { "29 February 2019", NULL },
    { "Section 12, 2019", NULL },
    { "2019-13-01", NULL },
    { "Route 66 opened in 1926", NULL },
  };
  static const struct
  {
    const char *line;
    const char *iso;
    gboolean update;
  } lines[] = {
    { "June 4, 2019", "2019-06-04", FALSE },
    { "Published 12 March 2022", "2022-03-12", FALSE },
    { "Updated: Tuesday, Oct. 5, 2021 at 4:30 p.m. ET", "2021-10-05", TRUE },
    { "Publié le 3 mars 2020 à 14h05", "2020-03-03", FALSE },
    { "Veröffentlicht am 4. Juni 2021, 10:15 Uhr", "2021-06-04", FALSE },
    { "Mis à jour le 4 mars 2020", "2020-03-04", TRUE },
    { "date 2019-06-04", "2019-06-04", FALSE },
    { "The council met on June 4, 2019", NULL, FALSE },
    { "Opened June 4, 2019 by the mayor", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (finds); i++)
    {
      g_autofree char *iso = px_date_find (finds[i].text, NULL, NULL);
      g_test_message ("%s", finds[i].text);
      g_assert_cmpstr (iso, ==, finds[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      gboolean update = FALSE;
      g_autofree char *iso = px_date_parse_line (lines[i].line, &update);
      g_test_message ("%s", lines[i].line);
      g_assert_cmpstr (iso, ==, lines[i].iso);
      if (iso != NULL)
        g_assert_cmpint (update, ==, lines[i].update);
    }
}

static void
test_bylines (void)
{
  static const struct
  {
    const char *line;
    const char *authors;
    const char *date;
  } cases[] = {
    { "By Priya Lindqvist", "Priya Lindqvist", NULL },
    { "BY JANE DOE-HART", "Jane Doe-Hart", NULL },
    { "By Rosa Kemppainen and Idris Banerjee", "Rosa Kemppainen, Idris Banerjee", NULL },
    { "By Rosa Kemppainen, Staff Writer", "Rosa Kemppainen", NULL },
    { "Marta Okonjo, Staff Writer", "Marta Okonjo", NULL },
    { "By J. R. Castellanos | May 2, 2018 | 3 min read", "J. R. Castellanos", "2018-05-02" },
    { "Posted by Agnes Wolde on September 30, 2020", "Agnes Wolde", "2020-09-30" },
    { "Von Anna Bergmann", "Anna Bergmann", NULL },
    { "Par Camille Duroc et Louis Ferrand", "Camille Duroc, Louis Ferrand", NULL },
    { "By Ana de la Fuente", "Ana de la Fuente", NULL },
    { "By Reuters", "Reuters", NULL },
    /* sentences that start like bylines */
    { "By Tuesday night the council had voted.", NULL, NULL },
    { "By contrast, the harbour stayed open", NULL, NULL },
    { "By 2030 the port will double in size", NULL, NULL },
    { "Marta Okonjo", NULL, NULL },
    { "Harbour Road, Kettlebrook", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = NULL;
      g_autofree char *authors = px_boilerplate_parse_byline (cases[i].line, &date);
      g_test_message ("%s", cases[i].line);
      g_assert_cmpstr (authors, ==, cases[i].authors);
      g_assert_cmpstr (date, ==, cases[i].date);
    }
  g_assert_true (px_boilerplate_is_name ("Susan Van der Berg", FALSE));
  g_assert_true (px_boilerplate_is_name ("Seán Ó Briain", FALSE));
  g_assert_false (px_boilerplate_is_name ("Chinese espionage", FALSE));
  g_assert_false (px_boilerplate_is_name ("Most Popular", FALSE));
  g_assert_false (px_boilerplate_is_name ("June Report", FALSE));
  g_assert_true (px_boilerplate_is_outlet_name ("The Fenwick Courier"));
  g_assert_true (px_boilerplate_is_outlet_name ("Ardmore Evening Star"));
  g_assert_false (px_boilerplate_is_outlet_name ("Jane Doe"));
  g_assert_false (px_boilerplate_is_outlet_name ("Valley Sets New Heat Record"));
}

static void
test_line_classes (void)
{
  static const struct
  {
    const char *line;
    PxLineClass cls;
  } cases[] = {
    { "2 min", PX_LINE_READING_TIME },
    { "5 min read", PX_LINE_READING_TIME },
    { "Lesezeit: 4 Minuten", PX_LINE_READING_TIME },
    { ", , , , ,", PX_LINE_PUNCT_ONLY },
    { "Home", PX_LINE_UI },
    { "Advertisement", PX_LINE_UI },
    { "Sport", PX_LINE_SECTION },
    { "Share: Facebook Twitter Email", PX_LINE_SHARE_BAR },
    { "About Us| Sales & sponsorship| Meet the team| Legal", PX_LINE_MENU_BAR },
    { "message circleSHOW COMMENT (1)chevron", PX_LINE_COMMENTS },
    { "12 Comments", PX_LINE_COMMENTS },
    { "Photo: Lena Voss/Harbour Wire", PX_LINE_CREDIT },
    { "Related: Ardmore opens cooling centres", PX_LINE_TEASER },
    { "Tags in this article", PX_LINE_LIST_MARKER },
    { "Most Popular", PX_LINE_LIST_MARKER },
    { "More Like This:", PX_LINE_END_MARKER },
    { "You May Like These", PX_LINE_END_MARKER },
    { "Related Articles: ", PX_LINE_END_MARKER },
    { "About the Author", PX_LINE_AUTHOR_MARKER },
    { "Über den Autor", PX_LINE_AUTHOR_MARKER },
    { "Copyright ©2019 Marlow Metro Times. All Rights Reserved", PX_LINE_COPYRIGHT },
    { "© 2021 Nordhafener Rundschau GmbH", PX_LINE_COPYRIGHT },
    { "Tous droits réservés", PX_LINE_COPYRIGHT },
    { "Get Our Newsletter", PX_LINE_CALL_TO_ACTION },
    { "Follow Corrick Ledger", PX_LINE_CALL_TO_ACTION },
    /* article text */
    { "Security set-up", PX_LINE_TEXT },
    { "The vote on the harbour wall was close.", PX_LINE_TEXT },
    { "Follow-up inspections found more cracks.", PX_LINE_TEXT },
    { "Share prices fell by 3 percent on Monday", PX_LINE_TEXT },
  };
  static const struct
  {
    const char *line;
    const char *holder;
  } holders[] = {
    { "Copyright ©2019 Marlow Metro Times. All Rights Reserved", "Marlow Metro Times" },
    { "(c) 2019 The Fenwick Courier. All rights reserved.", "The Fenwick Courier" },
    { "© 2021 Nordhafener Rundschau GmbH", "Nordhafener Rundschau" },
    { "© 2010–2021 Valley Tribune Media Ltd, all rights reserved", "Valley Tribune Media" },
    { "Copyright Harbour Wire 2020", "Harbour Wire" },
    { "All rights reserved.", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].line);
      g_assert_cmpint (px_boilerplate_classify (cases[i].line), ==, cases[i].cls);
    }
  for (guint i = 0; i < G_N_ELEMENTS (holders); i++)
    {
      g_autofree char *holder = px_boilerplate_copyright_holder (holders[i].line);
      g_test_message ("%s", holders[i].line);
      g_assert_cmpstr (holder, ==, holders[i].holder);
    }
}

static void
test_front_matter (void)
{
  PxFrontMatter fm = { 0 };
  const char *text = "---\n"
                     "title: 'It''s a \"quoted\" title'\n"
                     "authors: [\"[[Ana Ruiz]]\", Bo Lind]\n"
                     "source: Harbour Wire\n"
                     "published: 4 June 2019\n"
                     "lang: de_AT\n"
                     "nested:\n"
                     "  key: ignored\n"
                     "---\n"
                     "Body\n";
  gsize offset = px_front_matter_read (text, &fm);

  g_assert_cmpstr (text + offset, ==, "Body\n");
  g_assert_cmpstr (fm.title, ==, "It's a \"quoted\" title");
  g_assert_cmpstr (fm.author, ==, "Ana Ruiz, Bo Lind");
  g_assert_cmpstr (fm.outlet, ==, "Harbour Wire");
  g_assert_cmpstr (fm.date, ==, "2019-06-04");
  g_assert_cmpstr (fm.language, ==, "de-AT");
  px_front_matter_clear (&fm);

  /* No closing line: not front matter, nothing consumed. */
  g_assert_cmpuint (px_front_matter_read ("---\ntitle: x\nBody\n", &fm), ==, 0);
  g_assert_null (fm.title);
}

/* The document as the .expected files write it: "key: value" lines, "---",
 * then the blocks, headings as "# ", list items as "- ", quotes as "> ". */
static char *
describe (PxDocument *doc, gboolean with_language)
{
  GString *out = g_string_new (NULL);
  const char *const names[] = { "title", "outlet", "author", "date", "url" };
  const char *values[] = { px_document_get_title (doc), px_document_get_outlet (doc), px_document_get_author (doc),
                           px_document_get_published (doc), px_document_get_url (doc) };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_string_append_printf (out, "%s: %s\n", names[i], values[i] ? values[i] : "");
  if (with_language)
    g_string_append_printf (out, "language: %s\n",
                            px_document_get_language (doc) ? px_document_get_language (doc) : "");
  g_string_append (out, "---\n");
  for (guint b = 0; b < px_document_get_n_blocks (doc); b++)
    {
      const PxBlock *block = px_document_get_block (doc, b);
      g_autofree char *text = px_document_get_slice (doc, block->start, block->end);
      const char *prefix = block->kind == PX_BLOCK_HEADING     ? "# "
                           : block->kind == PX_BLOCK_LIST_ITEM ? "- "
                           : block->kind == PX_BLOCK_QUOTE     ? "> "
                                                               : "";
      g_string_append_printf (out, "%s%s%s\n", b > 0 ? "\n" : "", prefix, text);
    }
  return g_string_free (out, FALSE);
}

/* Brings an .expected file into the shape describe() prints: every key,
 * in order, empty when the file leaves it out. */
static char *
normalize_expected (const char *contents, gboolean *with_language, char **error_kind)
{
  const char *const names[] = { "title", "outlet", "author", "date", "url", "language" };
  char *values[G_N_ELEMENTS (names)] = { NULL };
  const char *sep = strstr (contents, "---\n");
  g_auto (GStrv) lines = NULL;
  g_autofree char *head = NULL;
  GString *out = g_string_new (NULL);

  g_assert_nonnull (sep);
  head = g_strndup (contents, sep - contents);
  lines = g_strsplit (head, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *colon = strchr (lines[i], ':');
      g_autofree char *key = NULL;
      gboolean known = FALSE;

      if (*lines[i] == '\0')
        continue;
      g_assert_nonnull (colon);
      key = g_strndup (lines[i], colon - lines[i]);
      if (strcmp (key, "error") == 0)
        {
          *error_kind = g_strstrip (g_strdup (colon + 1));
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        if (strcmp (key, names[k]) == 0)
          {
            values[k] = g_strstrip (g_strdup (colon + 1));
            known = TRUE;
          }
      if (!known)
        g_error ("unknown key “%s” in an .expected file", key);
    }
  *with_language = values[5] != NULL;
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    if (k < 5 || *with_language)
      g_string_append_printf (out, "%s: %s\n", names[k], values[k] ? values[k] : "");
  g_string_append (out, "---\n");
  g_string_append (out, sep + 4);
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    g_free (values[k]);
  return g_string_free (out, FALSE);
}

static void
test_fixture (gconstpointer data)
{
  const char *path = data;
  g_autofree char *base = g_strndup (path, strrchr (path, '.') - path);
  g_autofree char *expected_path = g_strconcat (base, ".expected", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *error_kind = NULL;
  g_autofree char *actual = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (PxDocument) doc = NULL;
  gboolean with_language = FALSE;

  g_assert_true (g_file_get_contents (expected_path, &contents, NULL, NULL));
  expected = normalize_expected (contents, &with_language, &error_kind);

  doc = px_import_file (file, NULL, &error);
  if (error_kind != NULL)
    {
      const char *kinds[] = {
        [PX_IMPORT_ERROR_EMPTY] = "empty", [PX_IMPORT_ERROR_BINARY] = "binary", [PX_IMPORT_ERROR_ENCODING] = "encoding"
      };
      g_assert_null (doc);
      g_assert_nonnull (error);
      g_assert_true (error->domain == PX_IMPORT_ERROR);
      g_assert_cmpint (error->code, <, (int)G_N_ELEMENTS (kinds));
      g_assert_cmpstr (kinds[error->code], ==, error_kind);
      return;
    }
  g_assert_no_error (error);
  actual = describe (doc, with_language);
  if (g_strcmp0 (actual, expected) != 0)
    g_test_message ("%s\n--- expected ---\n%s\n--- imported ---\n%s", path, expected, actual);
  g_assert_cmpstr (actual, ==, expected);

  /* The text is the same whatever the line ends. */
  {
    g_autofree char *raw = NULL;
    gsize len;
    g_autoptr (GString) crlf = g_string_new (NULL);
    g_autoptr (PxDocument) again = NULL;
    g_autofree char *again_text = NULL;

    g_assert_true (g_file_get_contents (path, &raw, &len, NULL));
    for (gsize i = 0; i < len; i++)
      {
        if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r'))
          g_string_append_c (crlf, '\r');
        g_string_append_c (crlf, raw[i]);
      }
    {
      g_autofree char *name = g_path_get_basename (path);
      again = import_string (crlf->str, crlf->len, name, &error);
    }
    g_assert_no_error (error);
    again_text = describe (again, with_language);
    g_assert_cmpstr (again_text, ==, actual);
  }
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static void
add_fixture_tests (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", "text", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_suffix (name, ".expected") && name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  /* A fixture that is never run protects nothing. */
  g_assert_cmpuint (names->len, >=, 20);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/text-import/fixture/%s", n);
      g_test_add_data_func_full (test_path, g_build_filename (dir_path, n, NULL), test_fixture, g_free);
    }
}

static void
write_file (const char *dir, const char *name, const char *data, gssize len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

/* Which files a folder import takes. */
static void
test_article_names (void)
{
  const char *const taken[] = { "a.txt", "b.TXT",   "c.text", "d.md",          "e.markdown", "f.html",
                                "g.HTM", "h.xhtml", "README", ".profile-less", "notes-2024" };
  const char *const left[] = { "meson.build", "photo.jpg", "report.pdf", "sources.csv", "a.txt.bak", "page.php" };

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    g_assert_true (px_import_name_is_article (taken[i]));
  for (guint i = 0; i < G_N_ELEMENTS (left); i++)
    g_assert_false (px_import_name_is_article (left[i]));
}

static void
test_batch (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-text-import-XXXXXX", NULL);
  g_autofree char *files = g_build_filename (dir, "files", NULL);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GFile) root = NULL;
  const char *article = "Quarry blast rattles windows in Dunmere\n\nBy Ola Brandt\n\n"
                        "A planned blast at the Dunmere quarry shook houses two kilometres away on Friday.\n";
  guint imported, duplicates, failed;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (files, 0700), ==, 0);
  write_file (files, "1-article.txt", article, -1);
  write_file (files, "2-binary.txt",
              "\x7f"
              "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
              16);
  write_file (files, "3-empty.txt", "", 0);
  write_file (files, "4-latin1.txt", "Caf\xe9 owners protest\n\nThe owners met on Monday.\n", -1);
  write_file (files, "5-same-again.txt", article, -1);
  write_file (files, "6-other.md",
              "# Dunmere quarry to pay for repairs\n\nThe quarry's owner agreed on Monday "
              "to pay for cracked plaster in 14 houses.\n",
              -1);
  write_file (files, "7-menu-only.txt", "Home\nNews\nSport\nWeather\nContact\n", -1);
  /* Not articles, so not taken from a folder: a build file and a picture
   * that sit among the articles. */
  write_file (files, "meson.build", "project('x', 'c')\n\nexecutable('x', 'x.c')\n", -1);
  write_file (files, "photo.JPG", "\xff\xd8\xff\xe0", 4);

  store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  root = g_file_new_for_path (files);
  results = px_import_run (store, &root, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 7);

  px_import_count (results, &imported, &duplicates, &failed);
  g_assert_cmpuint (imported, ==, 2);
  g_assert_cmpuint (duplicates, ==, 1);
  g_assert_cmpuint (failed, ==, 4);
  {
    const PxImportResult *r[7];
    for (guint i = 0; i < 7; i++)
      r[i] = g_ptr_array_index (results, i);
    g_assert_cmpint (r[0]->status, ==, PX_IMPORT_IMPORTED);
    g_assert_cmpstr (r[0]->title, ==, "Quarry blast rattles windows in Dunmere");
    g_assert_cmpint (r[1]->status, ==, PX_IMPORT_FAILED);
    g_assert_nonnull (strstr (r[1]->message, "binary"));
    g_assert_cmpint (r[2]->status, ==, PX_IMPORT_FAILED);
    g_assert_nonnull (strstr (r[2]->message, "empty"));
    g_assert_cmpint (r[3]->status, ==, PX_IMPORT_FAILED);
    g_assert_nonnull (strstr (r[3]->message, "UTF-8"));
    g_assert_cmpint (r[4]->status, ==, PX_IMPORT_DUPLICATE);
    g_assert_cmpint (r[4]->document_id, ==, r[0]->document_id);
    g_assert_cmpint (r[5]->status, ==, PX_IMPORT_IMPORTED);
    g_assert_cmpint (r[6]->status, ==, PX_IMPORT_FAILED);
    g_assert_nonnull (strstr (r[6]->message, "No article text"));
  }

  /* The whole folder again: nothing new. */
  again = px_import_run (store, &root, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  px_import_count (again, &imported, &duplicates, &failed);
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (duplicates, ==, 3);
  g_assert_cmpuint (failed, ==, 4);

  g_clear_object (&store);
  {
    const char *const names[] = { "1-article.txt", "2-binary.txt",    "3-empty.txt", "4-latin1.txt", "5-same-again.txt",
                                  "6-other.md",    "7-menu-only.txt", "meson.build", "photo.JPG" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = g_build_filename (files, names[i], NULL);
        g_unlink (p);
      }
    g_rmdir (files);
    {
      g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
      const char *n;
      while (d != NULL && (n = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *p = g_build_filename (dir, n, NULL);
          g_unlink (p);
        }
    }
    g_rmdir (dir);
  }
}

/* The articles behind "Try with sample articles" import with their
 * metadata and without any of their page furniture. */
static void
test_samples (void)
{
  static const struct
  {
    const char *file;
    const char *title;
    const char *outlet;
    const char *author;
    const char *first_words;
  } samples[] = {
    { "baltic-ledger.txt", "Kessling strike: what the crane dispute costs Baltic shipping", "The Baltic Ledger",
      "Ingrid Vasquez", "Dockworkers at the Port of Kessling walked off" },
    { "kessling-evening-post.txt", "Port strike halts Kessling container traffic as crane row escalates",
      "Kessling Evening Post", "Maren Holt", "Container traffic at the Port of Kessling" },
    { "nordwire.txt", "Dockworkers strike at Kessling port over automated cranes", "Nordwire", "Tobias Renner",
      "KESSLING, March 14 (Nordwire) - Dockworkers" },
    { "radio-kessling.txt", "Kessling dockers walk out over cranes", "Radio Kessling", "Jonas Ekberg",
      "Hundreds of dockworkers have stopped work" },
  };
  const char *const furniture[] = { "Related",    "Share",     "©",        "Copyright",    "Tags",   "newsletter",
                                    "Newsletter", "Listen to", "min read", "Reporting by", "Follow", "Home" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", samples[i].file, NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GError) error = NULL;
      g_autoptr (PxDocument) doc = px_import_file (file, NULL, &error);
      const char *text;

      g_test_message ("%s", samples[i].file);
      g_assert_no_error (error);
      g_assert_cmpstr (px_document_get_title (doc), ==, samples[i].title);
      g_assert_cmpstr (px_document_get_outlet (doc), ==, samples[i].outlet);
      g_assert_cmpstr (px_document_get_author (doc), ==, samples[i].author);
      /* nordwire.txt's dateline gives the time with its zone. */
      g_assert_cmpstr (px_document_get_published (doc), ==,
                       g_str_equal (samples[i].file, "nordwire.txt") ? "2024-03-14T21:42:00+00:00" : "2024-03-14");
      g_assert_cmpstr (px_document_get_language (doc), ==, "en");
      text = px_document_get_text (doc);
      g_assert_true (g_str_has_prefix (text, samples[i].first_words));
      g_assert_cmpuint (px_document_get_n_blocks (doc), >=, 10);
      for (guint k = 0; k < G_N_ELEMENTS (furniture); k++)
        if (strstr (text, furniture[k]) != NULL)
          g_error ("%s: “%s” left in the text", samples[i].file, furniture[k]);
    }
}

/* A closing note that speaks as "our" and names a web address: the
 * outlet naming itself. The same address in a paragraph that does not
 * speak for the outlet is only a mention. */
static void
test_self_named_outlet (void)
{
  static const char *const body =
      "Ferry crews walk out as rota talks collapse\n\n"
      "Crews on the island ferries walked out at dawn on Saturday, stranding hundreds of passengers on both sides of "
      "the sound after talks over new rotas collapsed late on Friday night.\n\n"
      "The operator said it had offered a revised schedule with two extra rest days a month, but the union called "
      "the offer an insult to people who kept the service running.\n\n";
  g_autofree char *own = g_strconcat (body,
                                      "This story was translated from Danish to give Soundpost.dk readers a head "
                                      "start. All our background stories are written in English.\n",
                                      NULL);
  g_autofree char *mention =
      g_strconcat (body, "The union posted its demands on Crewvoice.org late on Friday evening.\n", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) a = import_string (own, -1, "ferry.txt", &error);
  g_autoptr (PxDocument) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_outlet (a), ==, "Soundpost.dk");
  b = import_string (mention, -1, "ferry.txt", &error);
  g_assert_no_error (error);
  g_assert_null (px_document_get_outlet (b));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-import/title-and-paragraphs", test_title_and_paragraphs);
  g_test_add_func ("/text-import/bad-input", test_bad_input);
  g_test_add_func ("/text-import/dates", test_dates);
  g_test_add_func ("/text-import/bylines", test_bylines);
  g_test_add_func ("/text-import/self-named-outlet", test_self_named_outlet);
  g_test_add_func ("/text-import/line-classes", test_line_classes);
  g_test_add_func ("/text-import/front-matter", test_front_matter);
  g_test_add_func ("/text-import/batch", test_batch);
  g_test_add_func ("/text-import/article-names", test_article_names);
  g_test_add_func ("/text-import/samples", test_samples);
  add_fixture_tests ();
  return g_test_run ();
}
