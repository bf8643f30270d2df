/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Markdown export: the escaper against a real CommonMark parser (cmark),
 * golden files for each kind of export, determinism, and a round trip:
 * every block quote of an export is exactly its highlight's quote and
 * every note is there. Run with PX_UPDATE_GOLDEN=1 to rewrite the golden
 * files after an intended change of the format. */
#include <cmark.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "export/px-export.h"
#include "export/px-markdown.h"
#include "annotations/px-store-annotations.h"

/* ---------- cmark helpers ---------- */

/* The text an inline container renders to; FALSE if it holds anything but
 * text and line breaks (emphasis, code, links, HTML: the escaping failed). */
static gboolean
inline_text (cmark_node *node, GString *out)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
          g_string_append (out, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        default:
          return FALSE;
        }
    }
  return TRUE;
}

/* Paragraphs under @node joined by "\n\n"; NULL if @node holds another
 * kind of block. */
static char *
paragraphs_text (cmark_node *node)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (cmark_node *child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    {
      if (cmark_node_get_type (child) != CMARK_NODE_PARAGRAPH)
        return NULL;
      if (child != cmark_node_first_child (node))
        g_string_append (out, "\n\n");
      if (!inline_text (child, out))
        return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static cmark_node *
parse (const char *markdown)
{
  return cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
}

static char *
normalize_newlines (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static const char *const hostile[] = {
  "",
  " ",
  "\uFEFFa byte order mark first",
  "   leading spaces",
  "trailing spaces   ",
  "\ttab first",
  "a\n\nb",
  "a\n\n\nb",
  "a\n\n\n\nb",
  "\n\nstarts with a break",
  "ends with a break\n\n",
  "x\n",
  "\n",
  "\n\n",
  "line one\nline two",
  "ends with a backslash \\",
  "\\",
  "\\\\",
  "back\\slash\\\nnext",
  "*",
  "**bold** and *em* and ***both***",
  "_under_ __score__ snake_case_name",
  "# heading",
  "#",
  "###### six",
  "#hashtag in text",
  "> quoted",
  ">",
  ">> nested",
  "| a | b |\n| --- | --- |\n| 1 | 2 |",
  "a | b",
  "[link](http://example.com) [ref][x] ![img](x.png)",
  "[x]: /url \"title\"",
  "[^1] footnote",
  "`code` and ``double``",
  "```\nfenced\n```",
  "~~~\nfenced\n~~~",
  "~~strike~~",
  "<script>alert('x')</script>",
  "<div>\nblock html\n</div>",
  "<!-- comment -->",
  "<http://auto.link> www.example.com",
  "&amp; &#42; &copy &#x2A;",
  "1. ordered",
  "1) ordered",
  "2024. A year",
  "- item",
  "+ item",
  "* item",
  "- [ ] task",
  "---",
  "***",
  "___",
  "===",
  "text\n===",
  "text\n---",
  "    indented code",
  "\tindented code",
  "==marked== text",
  "price $5 and $6",
  "a block id ^px-1",
  "%%obsidian comment%%",
  "50% and 100%",
  "ctl \x01\x02\x1f\x7f chars",
  "form\ffeed \vvertical",
  "two spaces  \nthen break",
  "crlf\r\nline\r\n\r\nparagraph",
  "lone\rcr",
  "emoji 🚢⚓ and 👩‍👩‍👧 family",
  "nbsp\u00a0 and line separator\u2028here",
  "right-to-left \u202e text",
  "a\n\n  b\n\n    c",
  "  \n  ",
  "\"quotes\" and 'single' and “curly”",
  "<",
  "&",
  "!",
  "]",
  "[",
};

static void
check_block_quote (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *expected = normalize_newlines (text);
  g_autofree char *got = NULL;
  cmark_node *doc;
  cmark_node *quote;

  px_markdown_append_block_quote (out, text);
  doc = parse (out->str);
  quote = cmark_node_first_child (doc);
  g_assert_nonnull (quote);
  g_assert_cmpint (cmark_node_get_type (quote), ==, CMARK_NODE_BLOCK_QUOTE);
  g_assert_null (cmark_node_next (quote));
  got = paragraphs_text (quote);
  if (g_strcmp0 (got, expected) != 0)
    g_error ("block quote of “%s” wrote\n%s\nwhich reads as “%s”", text, out->str, got ? got : "(not text)");
  cmark_node_free (doc);
}

static void
check_paragraphs (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *expected = normalize_newlines (text);
  g_autofree char *got = NULL;
  cmark_node *doc;

  px_markdown_append_paragraphs (out, "", text);
  doc = parse (out->str);
  got = paragraphs_text (doc);
  if (g_strcmp0 (got, expected) != 0)
    g_error ("paragraphs of “%s” wrote\n%s\nwhich read as “%s”", text, out->str, got ? got : "(not text)");
  cmark_node_free (doc);
}

static void
check_inline (const char *text)
{
  g_autofree char *escaped = px_markdown_escape_inline (text);
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *got = NULL;
  g_autofree char *in_cell = NULL;
  cmark_node *doc;

  g_assert_null (strchr (escaped, '\n'));
  g_assert_null (strchr (escaped, '\r'));
  doc = parse (escaped);
  got = paragraphs_text (doc);
  if (g_strcmp0 (got, valid) != 0)
    g_error ("inline “%s” wrote “%s”, which reads as “%s”", text, escaped, got ? got : "(not text)");
  cmark_node_free (doc);

  /* The same text in the middle of a sentence. */
  in_cell = g_strdup_printf ("Before %s after", escaped);
  doc = parse (in_cell);
  g_free (got);
  got = paragraphs_text (doc);
  {
    g_autofree char *want = g_strdup_printf ("Before %s after", valid);
    g_assert_cmpstr (got, ==, want);
  }
  cmark_node_free (doc);
}

static void
test_escaper_hostile (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      check_block_quote (hostile[i]);
      check_paragraphs (hostile[i]);
      check_inline (hostile[i]);
    }
}

/* Random strings over the characters Markdown cares about. */
static void
test_escaper_random (void)
{
  static const char *const pieces[] = {
    "*", "_", "#",  ">", "|", "[",  "]",  "(",  ")",    "`",    "~", "<",    "&", "!", "\\", "-", "+",  "=", "$",  "^",
    "%", "1", "2.", ")", " ", "  ", "\t", "\n", "\n\n", "\r\n", "a", "word", "é", "🚢", ";",  ":", "\"", "'", "#;",
  };
  GRand *rand = g_rand_new_with_seed (20240305);

  for (guint n = 0; n < 3000; n++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      guint len = g_rand_int_range (rand, 0, 14);

      for (guint k = 0; k < len; k++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      check_block_quote (text->str);
      check_paragraphs (text->str);
      check_inline (text->str);
    }
  g_rand_free (rand);
}

static void
test_escaper_invalid_utf8 (void)
{
  g_autofree char *escaped = px_markdown_escape_inline ("bad \xff\xfe bytes \xc3");
  g_autoptr (GString) out = g_string_new (NULL);

  g_assert_true (g_utf8_validate (escaped, -1, NULL));
  px_markdown_append_block_quote (out, "quote \xff with \xc3\x28 junk");
  g_assert_true (g_utf8_validate (out->str, -1, NULL));
}

static void
test_yaml_quote (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "plain", "\"plain\"" },
    { "", "\"\"" },
    { "say \"hi\"", "\"say \\\"hi\\\"\"" },
    { "back\\slash", "\"back\\\\slash\"" },
    { "two\nlines\r\t", "\"two\\nlines\\r\\t\"" },
    { "<script>", "\"\\x3Cscript>\"" },
    { "ctl\x01\x7f", "\"ctl\\x01\\x7F\"" },
    { "sep\u2028\u2029\xc2\x85", "\"sep\\L\\P\\N\"" },
    { "key: value # comment", "\"key: value # comment\"" },
    { "émoji 🚢", "\"émoji 🚢\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = px_yaml_quote (cases[i].in);
      g_assert_cmpstr (quoted, ==, cases[i].out);
    }
}

static void
test_format_date (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "2019-06-04", "4 June 2019" },
    { "2019-06-04T10:30:00Z", "4 June 2019" },
    { "2019-12-31 23:00", "31 December 2019" },
    { "2019-06", "June 2019" },
    { "2019", "2019" },
    { "2019-13-01", "2019-13-01" },
    { "yesterday", "yesterday" },
    { "2019-02-3", "2019-02-3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = px_markdown_format_date (cases[i].in);
      g_assert_cmpstr (date, ==, cases[i].out);
    }
  g_assert_null (px_markdown_format_date (NULL));
}

static void
test_links (void)
{
  g_autofree char *dest = px_markdown_link_destination ("http://x.org/a b<c>\\d\n");
  g_autofree char *file = px_markdown_file_link ("Ferry strike (day 2) #1 50%.md");

  g_assert_cmpstr (dest, ==, "<http://x.org/a b\\<c\\>\\\\d%0A>");
  g_assert_cmpstr (file, ==, "Ferry%20strike%20%28day%202%29%20%231%2050%25.md");
}

/* ---------- a library of invented articles ---------- */

typedef struct
{
  char *dir;
  char *path;
  PxStore *store;
  gint64 docs[3];
  GPtrArray *quotes; /* char*: every highlight's quote, by id - 1 */
  GPtrArray *notes;  /* char*: every highlight's note, by id - 1 */
} Library;

static PxDocument *
make_document (const char *title, const char *outlet, const char *author, const char *published, const char *url,
               const char *const *blocks)
{
  PxDocument *doc = px_document_new ();

  px_document_set_title (doc, title);
  px_document_set_outlet (doc, outlet);
  px_document_set_author (doc, author);
  px_document_set_published (doc, published);
  px_document_set_url (doc, url);
  px_document_set_language (doc, "en");
  for (guint i = 0; blocks[i] != NULL; i++)
    px_document_append_block (doc, g_str_has_prefix (blocks[i], "H:") ? PX_BLOCK_HEADING : PX_BLOCK_PARAGRAPH,
                              g_str_has_prefix (blocks[i], "H:") ? blocks[i] + 2 : blocks[i]);
  return doc;
}

/* Highlights @needle (its @skip-th character onwards, @len characters;
 * -1 for all) of @doc. */
static gint64
highlight (Library *lib, PxDocument *doc, const char *needle, int skip, int len, const char *color, const char *note,
           const char *const *tags)
{
  const char *text = px_document_get_text (doc);
  const char *found = strstr (text, needle);
  g_autoptr (PxAnnotation) a = NULL;
  g_autoptr (GError) error = NULL;
  guint start, end;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found) + skip;
  end = len < 0 ? g_utf8_pointer_to_offset (text, found + strlen (needle)) : start + len;
  a = px_annotation_new_for_range (doc, start, end, color);
  px_annotation_set_note (a, note);
  if (tags != NULL)
    px_annotation_set_tags (a, tags);
  g_assert_true (px_store_add_annotation (lib->store, a, &error));
  g_assert_no_error (error);
  g_ptr_array_add (lib->quotes, g_strdup (px_annotation_get_quote (a)));
  g_ptr_array_add (lib->notes, g_strdup (note));
  return px_annotation_get_id (a);
}

static void
add (Library *lib, PxDocument *doc, guint index)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (px_store_add_document (lib->store, doc, NULL, &error));
  g_assert_no_error (error);
  lib->docs[index] = px_document_get_id (doc);
}

/* Events belong to the grouping code; the test places documents itself. */
static void
make_event (Library *lib, gint64 event_id, const char *title)
{
  sqlite3 *db;
  g_autofree char *sql = NULL;

  g_assert_cmpint (sqlite3_open (lib->path, &db), ==, SQLITE_OK);
  sql = sqlite3_mprintf ("INSERT INTO events (id, title, created, modified) VALUES (%lld, %Q, 'x', 'x');"
                         "UPDATE documents SET event_id = %lld WHERE id IN (%lld, %lld, %lld);",
                         (long long)event_id, title, (long long)event_id, (long long)lib->docs[0],
                         (long long)lib->docs[1], (long long)lib->docs[2]);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (g_steal_pointer (&sql));
  sqlite3_close (db);
}

static const char *const article_a[] = {
  "Ferry workers on Lake Ostra walked out on Monday, halting all crossings to the islands.",
  "\"We will not sail until the boats are safe,\" said union leader Mira Kovac at the pier.",
  "Costs rose by 5*3% — or *roughly* 15% — under the plan_b budget; see [annex 2] and `table`.",
  "# Not a heading > nor a quote | nor a table <script>alert(1)</script> &amp; done",
  "The old timetable sits in C:\\ferries\\",
  "Emoji 🚢⚓ and 1. not a list",
  "- not a list either",
  NULL,
};
static const char *const article_b[] = {
  "H:Ferries stop",
  "Ferry workers on Lake Ostra went on strike on Monday, halting all crossings to the islands.",
  "\"We will not sail until the boats are safe,\" union leader Mira Kovac told reporters.",
  "The transport minister, Piet Lund, said talks with the union would resume on Friday.",
  NULL,
};
static const char *const article_c[] = {
  "Crossings on Lake Ostra stopped on Monday as ferry workers walked out over safety.",
  "Transport minister Piet Lund said talks with the union would resume on Friday.",
  "Passengers waited for hours at the pier in the rain.",
  NULL,
};

static void
library_init (Library *lib)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) a = NULL;
  g_autoptr (PxDocument) b = NULL;
  g_autoptr (PxDocument) c = NULL;
  g_autoptr (PxAnnotation) orphan = NULL;
  static const char *const strike_timeline[] = { "strike", "timeline", NULL };
  static const char *const odd[] = { "odd tag *name*", NULL };
  static const char *const quote[] = { "Quote", NULL };
  static const char *const strike[] = { "strike", NULL };

  lib->dir = g_dir_make_tmp ("px-export-XXXXXX", &error);
  g_assert_no_error (error);
  lib->path = g_build_filename (lib->dir, "library.db", NULL);
  lib->store = px_store_open (lib->path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  lib->quotes = g_ptr_array_new_with_free_func (g_free);
  lib->notes = g_ptr_array_new_with_free_func (g_free);

  a = make_document ("Ferries *halted* on Lake <b>Ostra</b>", "The Ostra | Courier", "Ana Ruiz, Bo \"B\" Chen",
                     "2024-03-04", "https://example.org/ferry?a=1&b=<2>", article_a);
  b = make_document ("Ferry strike: crossings stop", "Ostra Herald", "Lena Ford", "2024-03-05T08:00:00Z",
                     "https://herald.example/strike", article_b);
  c = make_document ("Lake Ostra ferries idle", "Radio Ostra", NULL, NULL, NULL, article_c);
  add (lib, a, 0);
  add (lib, b, 1);
  add (lib, c, 2);
  make_event (lib, 7, "Lake Ostra \"ferry\" strike");

  g_assert_true (px_store_set_color_meaning (lib->store, "yellow", "claim", &error));
  g_assert_true (px_store_set_color_meaning (lib->store, "red", "doubt *strong* <b>", &error));
  g_assert_no_error (error);

  highlight (lib, a, "walked out on Monday", 0, -1, "yellow", "First *report*.\r\nSecond line ends with \\",
             strike_timeline);
  highlight (lib, a, "Costs rose by 5*3% — or *roughly* 15% — under the plan_b budget; see [annex 2] and `table`.", 0,
             -1, "red",
             "# Heading?\n\n> quote?\n\n    code?\n\n| a | b |\n|---|---|\n\n[link](http://x) <script>x</script> ``` "
             "~~~ 1. 2) - + ==mark== $x$ ^px-9 %%c%%",
             NULL);
  /* From inside the fourth paragraph to the end of the fifth. */
  highlight (lib, a, "nor a table", 0,
             strlen ("nor a table <script>alert(1)</script> &amp; done\n\nThe old "
                     "timetable sits in C:\\ferries\\"),
             "blue", "", odd);
  highlight (lib, a, "C:\\ferries\\", 0, -1, "green", "Ends with a backslash.", NULL);
  /* Starts with a space. */
  highlight (lib, a, " and 1. not a list", 0, -1, "green", "Emoji 🚢 in a note\n\n\n  indented second paragraph", NULL);
  highlight (lib, a, "- not a list either", 0, -1, "purple", "", NULL);
  highlight (lib, b, "\"We will not sail until the boats are safe,\"", 0, -1, "yellow", "Same words as the Courier.",
             quote);
  highlight (lib, c, "Transport minister Piet Lund said talks", 0, -1, "yellow", "", strike);

  /* A highlight whose passage is gone from the text. */
  orphan = px_annotation_new_for_range (c, 0, 9, "grey");
  px_annotation_set_quote (orphan, "Passages vanished");
  px_annotation_set_orphaned (orphan, TRUE);
  px_annotation_set_note (orphan, "Lost after an edit.");
  g_assert_true (px_store_add_annotation (lib->store, orphan, &error));
  g_assert_no_error (error);
  g_ptr_array_add (lib->quotes, g_strdup ("Passages vanished"));
  g_ptr_array_add (lib->notes, g_strdup ("Lost after an edit."));
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
library_clear (Library *lib)
{
  g_clear_object (&lib->store);
  remove_tree (lib->dir);
  g_free (lib->dir);
  g_free (lib->path);
  g_ptr_array_unref (lib->quotes);
  g_ptr_array_unref (lib->notes);
}

/* ---------- golden files ---------- */

static void
check_golden (const char *name, const char *markdown)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "export", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;

  if (g_getenv ("PX_UPDATE_GOLDEN") != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_mkdir_with_parents (dir, 0755);
      g_assert_true (g_file_set_contents (path, markdown, -1, &error));
      return;
    }
  g_assert_true (g_file_get_contents (path, &expected, NULL, &error));
  g_assert_no_error (error);
  if (g_strcmp0 (expected, markdown) != 0)
    {
      g_autofree char *got = g_build_filename (g_get_tmp_dir (), name, NULL);
      g_autofree char *got_dir = g_path_get_dirname (got);

      g_mkdir_with_parents (got_dir, 0755);
      g_file_set_contents (got, markdown, -1, NULL);
      g_error ("%s differs from its golden file (written to %s; PX_UPDATE_GOLDEN=1 updates it)", name, got);
    }
}

/* Every block quote is one highlight's quote, in order, and each note is
 * a run of whole paragraphs somewhere in the file. */
static void
check_round_trip (Library *lib, const char *markdown, const gint64 *ids, guint n_ids)
{
  cmark_node *doc = parse (markdown);
  g_autoptr (GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  guint n_quotes = 0;

  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_BLOCK_QUOTE)
        {
          g_autofree char *text = paragraphs_text (node);

          g_assert_cmpuint (n_quotes, <, n_ids);
          g_assert_cmpstr (text, ==, g_ptr_array_index (lib->quotes, ids[n_quotes] - 1));
          n_quotes++;
        }
      else if (cmark_node_get_type (node) == CMARK_NODE_PARAGRAPH)
        {
          g_autoptr (GString) text = g_string_new (NULL);

          if (inline_text (node, text))
            g_ptr_array_add (paragraphs, g_string_free (g_steal_pointer (&text), FALSE));
        }
    }
  g_assert_cmpuint (n_quotes, ==, n_ids);

  for (guint i = 0; i < n_ids; i++)
    {
      const char *note = g_ptr_array_index (lib->notes, ids[i] - 1);
      g_autofree char *norm = normalize_newlines (note);
      g_autoptr (GString) joined = g_string_new (NULL);
      g_autofree char *needle = NULL;

      g_autofree char *stripped = g_strstrip (g_strdup (norm));

      if (*stripped == '\0')
        continue;
      /* Paragraphs joined as the note separates them. */
      g_string_append (joined, "\x01");
      for (guint k = 0; k < paragraphs->len; k++)
        {
          g_string_append (joined, g_ptr_array_index (paragraphs, k));
          g_string_append (joined, "\x01");
        }
      {
        g_autofree char *flat = g_strdup (norm);
        GString *want = g_string_new ("\x01");
        const char *p = flat;

        /* "\n\n" between paragraphs in the note; the first split only. */
        while (*p)
          {
            const char *body = p;
            const char *split;

            while (*body == '\n')
              body++;
            split = *body ? strstr (body, "\n\n") : NULL;
            if (split == NULL || split[2] == '\0')
              {
                g_string_append (want, p);
                break;
              }
            g_string_append_len (want, p, split - p);
            g_string_append (want, "\x01");
            p = split + 2;
          }
        g_string_append (want, "\x01");
        needle = g_string_free (want, FALSE);
      }
      if (strstr (joined->str, needle) == NULL)
        g_error ("note %" G_GINT64_FORMAT " is missing from the export", ids[i]);
    }
  cmark_node_free (doc);
}

static void
test_article (void)
{
  Library lib = { 0 };
  g_autoptr (PxExportOptions) options = px_export_options_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *md = NULL;
  g_autofree char *again = NULL;
  static const gint64 text_order[] = { 1, 2, 3, 4, 5, 6 };

  library_init (&lib);
  md = px_export_document_from_store (lib.store, lib.docs[0], options, &error);
  g_assert_no_error (error);
  check_golden ("article.md", md);
  check_round_trip (&lib, md, text_order, G_N_ELEMENTS (text_order));
  again = px_export_document_from_store (lib.store, lib.docs[0], options, &error);
  g_assert_cmpstr (md, ==, again);
  library_clear (&lib);
}

static void
test_article_options (void)
{
  Library lib = { 0 };
  g_autoptr (PxExportOptions) options = px_export_options_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *md = NULL;
  static const char *const colors[] = { "green", "red", "yellow", NULL };
  /* Colour order (yellow, green, red), notes only. */
  static const gint64 color_order[] = { 1, 4, 5, 2 };

  library_init (&lib);
  options->order = PX_EXPORT_ORDER_COLOR;
  options->colors = g_strdupv ((char **)colors);
  options->include_unnoted = FALSE;
  options->full_text = TRUE;
  md = px_export_document_from_store (lib.store, lib.docs[0], options, &error);
  g_assert_no_error (error);
  check_golden ("article-options.md", md);
  check_round_trip (&lib, md, color_order, G_N_ELEMENTS (color_order));
  library_clear (&lib);
}

static void
test_article_tag_filter (void)
{
  Library lib = { 0 };
  g_autoptr (PxExportOptions) options = px_export_options_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *md = NULL;
  static const char *const tags[] = { "STRIKE", "nothing", NULL };
  static const gint64 ids[] = { 1 };

  library_init (&lib);
  options->tags = g_strdupv ((char **)tags);
  md = px_export_document_from_store (lib.store, lib.docs[0], options, &error);
  g_assert_no_error (error);
  check_round_trip (&lib, md, ids, G_N_ELEMENTS (ids));
  library_clear (&lib);
}

/* Without an outlet an article goes by the start of its title marked as
 * such, as in the Compare panel; never its whole headline. */
static void
test_event_unknown_outlets (void)
{
  Library lib = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *md = NULL;

  library_init (&lib);
  for (guint i = 1; i <= 2; i++)
    {
      g_autoptr (PxDocument) doc = px_store_load_document (lib.store, lib.docs[i], &error);

      g_assert_no_error (error);
      px_document_set_outlet (doc, NULL);
      g_assert_true (px_store_update_metadata (lib.store, doc, &error));
    }
  md = px_export_event_from_store (lib.store, 7, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (md, "| Ferry strike: crossings… (outlet unknown) | Ferry strike: crossings stop |"));
  g_assert_nonnull (strstr (md, "- **Ferry strike: crossings… (outlet unknown)** (close"));
  g_assert_nonnull (strstr (md, "| Lake Ostra ferries… (outlet unknown) |"));
  g_assert_null (strstr (md, "| Lake Ostra ferries idle | Lake Ostra ferries idle |"));
  library_clear (&lib);
}

static void
test_event (void)
{
  Library lib = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *md = NULL;
  g_autofree char *again = NULL;
  /* Articles by date: the Courier (4 March), the Herald (5 March), then
   * Radio Ostra (no date); the orphan comes last in text order. */
  static const gint64 ids[] = { 1, 2, 3, 4, 5, 6, 7, 9, 8 };

  library_init (&lib);
  md = px_export_event_from_store (lib.store, 7, NULL, &error);
  g_assert_no_error (error);
  check_golden ("event.md", md);
  check_round_trip (&lib, md, ids, G_N_ELEMENTS (ids));
  again = px_export_event_from_store (lib.store, 7, NULL, &error);
  g_assert_cmpstr (md, ==, again);
  /* Who reported what: the shared claim with each outlet's wording. */
  g_assert_nonnull (strstr (md, "**Ostra Herald** ("));
  g_assert_nonnull (strstr (md, "| Radio Ostra |"));

  g_assert_null (px_export_event_from_store (lib.store, 99, NULL, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
  library_clear (&lib);
}

static void
test_tag (void)
{
  Library lib = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *md = NULL;
  static const gint64 ids[] = { 1, 8 };

  library_init (&lib);
  md = px_export_tag_from_store (lib.store, "Strike", NULL, &error);
  g_assert_no_error (error);
  check_golden ("tag.md", md);
  check_round_trip (&lib, md, ids, G_N_ELEMENTS (ids));

  g_assert_null (px_export_tag_from_store (lib.store, "no such tag", NULL, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
  library_clear (&lib);
}

static void
test_library (void)
{
  Library lib = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) written = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *stray = NULL;

  library_init (&lib);
  out = g_build_filename (lib.dir, "notes", "export", NULL);
  written = px_export_library_to_dir (lib.store, out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 4);
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (written, i));
      g_autofree char *golden = g_build_filename ("library", base, NULL);

      g_assert_true (g_file_get_contents (g_ptr_array_index (written, i), &contents, NULL, &error));
      check_golden (golden, contents);
    }
  /* A second export replaces the same files, and leaves others alone. */
  stray = g_build_filename (out, "mine.txt", NULL);
  g_assert_true (g_file_set_contents (stray, "keep", -1, NULL));
  again = px_export_library_to_dir (lib.store, out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, written->len);
  for (guint i = 0; i < written->len; i++)
    g_assert_cmpstr (g_ptr_array_index (again, i), ==, g_ptr_array_index (written, i));
  g_assert_true (g_file_test (stray, G_FILE_TEST_EXISTS));
  library_clear (&lib);
}

static void
test_library_unwritable (void)
{
  Library lib = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *below = NULL;

  library_init (&lib);
  /* A folder path that runs through a file cannot be created. */
  file = g_build_filename (lib.dir, "a-file", NULL);
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  below = g_build_filename (file, "export", NULL);
  g_assert_null (px_export_library_to_dir (lib.store, below, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "export"));
  library_clear (&lib);
}

/* Two libraries built the same way export the same bytes. */
static void
test_deterministic (void)
{
  Library one = { 0 }, two = { 0 };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  library_init (&one);
  library_init (&two);
  a = px_export_event_from_store (one.store, 7, NULL, NULL);
  b = px_export_event_from_store (two.store, 7, NULL, NULL);
  g_assert_nonnull (a);
  g_assert_cmpstr (a, ==, b);
  library_clear (&one);
  library_clear (&two);
}

static void
test_copy_annotation (void)
{
  Library lib = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PxAnnotation) a = NULL;
  g_autoptr (PxDocument) doc = NULL;
  g_autofree char *md = NULL;
  g_autofree char *bare = NULL;
  cmark_node *root;
  g_autofree char *text = NULL;

  library_init (&lib);
  a = px_store_get_annotation (lib.store, 2, &error);
  doc = px_store_load_document (lib.store, lib.docs[0], &error);
  g_assert_no_error (error);
  md = px_export_annotation_markdown (a, doc, "doubt");
  check_golden ("annotation.md", md);
  root = parse (md);
  g_assert_cmpint (cmark_node_get_type (cmark_node_first_child (root)), ==, CMARK_NODE_BLOCK_QUOTE);
  text = paragraphs_text (cmark_node_first_child (root));
  g_assert_cmpstr (text, ==, px_annotation_get_quote (a));
  cmark_node_free (root);

  bare = px_export_annotation_markdown (a, NULL, NULL);
  g_assert_true (g_str_has_prefix (bare, "> Costs rose by 5\\*3%"));
  library_clear (&lib);
}

static void
test_options (void)
{
  g_autoptr (PxExportOptions) options = px_export_options_new ();
  g_autoptr (PxExportOptions) copy = NULL;
  g_autoptr (PxAnnotation) a = px_annotation_new ();
  static const char *const colors[] = { "red", NULL };
  static const char *const tags[] = { "Policy", NULL };
  static const char *const own[] = { "policy", NULL };
  PxExportOrder order;

  g_assert_true (px_export_options_accept (options, a));
  options->include_unnoted = FALSE;
  g_assert_false (px_export_options_accept (options, a));
  px_annotation_set_note (a, " \n ");
  g_assert_false (px_export_options_accept (options, a));
  px_annotation_set_note (a, "x");
  g_assert_true (px_export_options_accept (options, a));
  options->colors = g_strdupv ((char **)colors);
  g_assert_false (px_export_options_accept (options, a));
  px_annotation_set_color (a, "red");
  g_assert_true (px_export_options_accept (options, a));
  options->tags = g_strdupv ((char **)tags);
  g_assert_false (px_export_options_accept (options, a));
  px_annotation_set_tags (a, own);
  g_assert_true (px_export_options_accept (options, a));

  copy = px_export_options_copy (options);
  g_assert_cmpstr (copy->colors[0], ==, "red");
  g_assert_true (copy->colors != options->colors);

  g_assert_true (px_export_order_from_string ("color", &order));
  g_assert_cmpint (order, ==, PX_EXPORT_ORDER_COLOR);
  g_assert_true (px_export_order_from_string ("text", &order));
  g_assert_cmpint (order, ==, PX_EXPORT_ORDER_TEXT);
  g_assert_false (px_export_order_from_string ("size", &order));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/escaper/hostile", test_escaper_hostile);
  g_test_add_func ("/export/escaper/random", test_escaper_random);
  g_test_add_func ("/export/escaper/invalid-utf8", test_escaper_invalid_utf8);
  g_test_add_func ("/export/yaml", test_yaml_quote);
  g_test_add_func ("/export/date", test_format_date);
  g_test_add_func ("/export/links", test_links);
  g_test_add_func ("/export/options", test_options);
  g_test_add_func ("/export/article", test_article);
  g_test_add_func ("/export/article-options", test_article_options);
  g_test_add_func ("/export/article-tag-filter", test_article_tag_filter);
  g_test_add_func ("/export/event", test_event);
  g_test_add_func ("/export/event-unknown-outlets", test_event_unknown_outlets);
  g_test_add_func ("/export/tag", test_tag);
  g_test_add_func ("/export/library", test_library);
  g_test_add_func ("/export/library-unwritable", test_library_unwritable);
  g_test_add_func ("/export/deterministic", test_deterministic);
  g_test_add_func ("/export/copy-annotation", test_copy_annotation);

  return g_test_run ();
}
