/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pages that lie about themselves: a charset that cannot describe their
 * bytes, a DOCTYPE with an internal subset. */
#include <string.h>

#include "import/px-charset.h"
#include "import/px-import.h"

static const char body[] = "<p>The café on the quay reopened after the storm, the owner said on Tuesday morning.</p>"
                           "<p>Fishermen and ferry crews came back for breakfast before the first sailing.</p>";

static PxDocument *
import_html (const char *html, const char *content_type)
{
  g_autoptr (GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr (GError) error = NULL;
  PxDocument *doc = px_import_bytes (bytes, "page.html", content_type, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Issue 15.9: ASCII-incompatible charsets declared in a <meta> or in the
 * HTTP header of a page in ASCII-based bytes are ignored; the bytes are
 * detected (UTF-8 here), not turned into mojibake. */
static void
test_charset_lies (void)
{
  const char *labels[] = { "cp037", "ibm500", "ebcdic-us", "ucs-2", "utf-32", "utf-16", "ibm037" };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    for (int where = 0; where < 2; where++)
      {
        g_autofree char *html = NULL;
        g_autofree char *content_type = NULL;
        g_autoptr (PxDocument) doc = NULL;

        if (where == 0)
          html = g_strdup_printf ("<html><head><meta charset=\"%s\"><title>Quay café</title></head><body>%s</body>"
                                  "</html>",
                                  labels[i], body);
        else
          {
            html = g_strdup_printf ("<html><head><title>Quay café</title></head><body>%s</body></html>", body);
            content_type = g_strdup_printf ("text/html; charset=%s", labels[i]);
          }
        doc = import_html (html, content_type);
        g_assert_cmpstr (px_document_get_title (doc), ==, "Quay café");
        g_assert_nonnull (strstr (px_document_get_text (doc), "The café on the quay reopened"));
      }
}

/* An honest declaration is still followed. */
static void
test_charset_honest (void)
{
  const char latin1[] = "<html><head><meta charset=\"iso-8859-1\"><title>Quay caf\xe9</title></head><body>"
                        "<p>The caf\xe9 on the quay reopened after the storm, the owner said on Tuesday.</p>"
                        "<p>Fishermen and ferry crews came back for breakfast before the first sailing.</p>"
                        "</body></html>";
  g_autoptr (GBytes) bytes = g_bytes_new (latin1, strlen (latin1));
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_import_bytes (bytes, "page.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (doc), ==, "Quay café");
}

/* Issue 15.10: a DOCTYPE with an internal subset leaks neither "]>" nor
 * the entities it declared into the title or the text. */
static void
test_doctype_subset (void)
{
  g_autofree char *html = g_strdup_printf (
      "<!DOCTYPE html [\n"
      "  <!ENTITY lol \"lol\">\n"
      "  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      "  <!ENTITY lol9 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
      "  <!ENTITY quote \"a ] in quotes\">\n"
      "]>\n"
      "<html><head><title>&lol9;Quay café</title></head><body><p>&lol9;</p>%s<p>Fish &amp; chips.</p></body></html>",
      body);
  g_autoptr (PxDocument) doc = import_html (html, NULL);
  const char *text = px_document_get_text (doc);

  g_assert_cmpstr (px_document_get_title (doc), ==, "Quay café");
  g_assert_null (strstr (text, "]>"));
  g_assert_null (strstr (text, "lol"));
  g_assert_null (strstr (text, "ENTITY"));
  g_assert_nonnull (strstr (text, "The café on the quay reopened"));
  g_assert_nonnull (strstr (text, "Fish & chips."));
}

/* A "[" inside the DOCTYPE's quoted ids, or a subset that never closes,
 * must not take the page with it. */
static void
test_doctype_no_subset (void)
{
  const char *heads[] = {
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD [odd] 1.0//EN\" \"about:legacy[1]\">",
    "<!DOCTYPE html [ <!ENTITY x \"y\">",
  };

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      g_autofree char *html =
          g_strdup_printf ("%s<html><head><title>Quay café</title></head><body>%s</body></html>", heads[i], body);
      g_autoptr (PxDocument) doc = import_html (html, NULL);

      g_assert_nonnull (strstr (px_document_get_text (doc), "The café on the quay reopened"));
    }
}

/* Blank structured data (found by the fuzzer) is no data, not a crash. */
static void
test_blank_json_ld (void)
{
  g_autofree char *html =
      g_strdup_printf ("<html><head><title>Quay café</title>"
                       "<script type=\"application/ld+json\"> \n </script></head><body>%s</body></html>",
                       body);
  g_autoptr (PxDocument) doc = import_html (html, NULL);

  g_assert_nonnull (strstr (px_document_get_text (doc), "The café on the quay reopened"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hostile-html/charset-lies", test_charset_lies);
  g_test_add_func ("/hostile-html/charset-honest", test_charset_honest);
  g_test_add_func ("/hostile-html/doctype-subset", test_doctype_subset);
  g_test_add_func ("/hostile-html/doctype-no-subset", test_doctype_no_subset);
  g_test_add_func ("/hostile-html/blank-json-ld", test_blank_json_ld);
  return g_test_run ();
}
