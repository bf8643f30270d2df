/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <string.h>

#include "import/px-charset.h"
#include "import/html/px-html-classes.h"
#include "import/html/px-html-date.h"
#include "import/html/px-html-metadata.h"
#include "import/px-import.h"
#include "import/px-language.h"

static PxDocument *
import_string (const char *text, gssize len, const char *name, const char *content_type, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize)len);
  return px_import_bytes (bytes, name, content_type, error);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "html", name, NULL);
}

static PxDocument *
import_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  PxDocument *doc = px_import_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* A typical news page: navigation, cookie banner, share buttons, a
 * figure, related links, comments and a footer around the article. */
static void
test_news_page (void)
{
  g_autoptr (PxDocument) doc = import_fixture ("harbour-gazette.html");
  const char *text = px_document_get_text (doc);

  g_assert_cmpstr (px_document_get_title (doc), ==, "Ferry crews walk out over rota changes");
  g_assert_cmpstr (px_document_get_outlet (doc), ==, "The Harbour Gazette");
  g_assert_cmpstr (px_document_get_author (doc), ==, "Mara Lindqvist");
  g_assert_cmpstr (px_document_get_published (doc), ==, "2031-04-12T07:45:00+01:00");
  g_assert_cmpstr (px_document_get_url (doc), ==, "https://www.harbour-gazette.co.uk/news/2031/04/12/ferry-strike");
  g_assert_cmpstr (px_document_get_language (doc), ==, "en-GB");
  g_assert_cmpstr (px_document_get_source_kind (doc), ==, "html");
  g_assert_nonnull (px_document_get_raw (doc));

  g_assert_true (g_str_has_prefix (text, "Crews on the island ferries walked out at dawn"));
  g_assert_true (g_str_has_suffix (text, "Talks are expected to resume on Monday, the operator said in a statement."));
  g_assert_nonnull (strstr (text, "\n\nWhat the union wants\n\n"));
  for (const char *const *bad = (const char *const[]){ "cookies", "Share on", "Photo:", "Related", "Ferry fares",
                                                       "Most read", "long comment", "All rights", "never", "evil",
                                                       "color:red", "By Mara", "Sport", NULL };
       *bad; bad++)
    if (strstr (text, *bad) != NULL)
      g_error ("\"%s\" should not be in the text:\n%s", *bad, text);

  /* Kinds of blocks: heading, list items and a block quote. */
  g_assert_cmpuint (px_document_get_n_blocks (doc), ==, 8);
  g_assert_cmpint (px_document_get_block (doc, 2)->kind, ==, PX_BLOCK_HEADING);
  g_assert_cmpint (px_document_get_block (doc, 4)->kind, ==, PX_BLOCK_LIST_ITEM);
  g_assert_cmpint (px_document_get_block (doc, 6)->kind, ==, PX_BLOCK_QUOTE);
}

/* JSON-LD only (in an @graph with an @id reference to the publisher),
 * several authors, and a <title> with the site name first. */
static void
test_json_ld (void)
{
  g_autoptr (PxDocument) doc = import_fixture ("jsonld-graph.html");

  g_assert_cmpstr (px_document_get_title (doc), ==, "Glacier museum opens its doors to the public");
  g_assert_cmpstr (px_document_get_outlet (doc), ==, "Alpine Courier");
  g_assert_cmpstr (px_document_get_author (doc), ==, "Lena Moser, Tomas Berger");
  g_assert_cmpstr (px_document_get_published (doc), ==, "2030-09-03T18:20:00Z");
  g_assert_cmpstr (px_document_get_url (doc), ==, "https://alpine-courier.example/culture/glacier-museum");
  g_assert_cmpstr (px_document_get_language (doc), ==, "de-CH");
}

/* No metadata at all: byline and date in the text, title from <h1>,
 * outlet from the domain, div soup with <br> paragraphs, language
 * detected from the words. */
static void
test_bare_page (void)
{
  g_autoptr (PxDocument) doc = import_fixture ("bare-divs.html");
  const char *text = px_document_get_text (doc);

  g_assert_cmpstr (px_document_get_title (doc), ==, "Night trains return to the valley line");
  g_assert_cmpstr (px_document_get_author (doc), ==, "Pieter van Dam, Ana Costa");
  g_assert_cmpstr (px_document_get_published (doc), ==, "2029-11-05");
  g_assert_cmpstr (px_document_get_outlet (doc), ==, "Valley Post");
  g_assert_cmpstr (px_document_get_language (doc), ==, "en");
  g_assert_cmpuint (px_document_get_n_blocks (doc), ==, 4);
  g_assert_true (g_str_has_prefix (text, "The first night train in twelve years left the capital"));
  g_assert_null (strstr (text, "By Pieter"));
  g_assert_null (strstr (text, "Advertisement"));
}

static void
test_title_cleaning (void)
{
  struct
  {
    const char *title, *outlet, *host;
    gboolean aggressive;
    const char *expected;
  } cases[] = {
    { "Storm closes bridge | The Daily Example", "The Daily Example", NULL, FALSE, "Storm closes bridge" },
    { "Storm closes bridge - Daily Example", NULL, "www.daily-example.com", FALSE, "Storm closes bridge" },
    { "Daily Example :: Storm closes bridge", "Daily Example", NULL, FALSE, "Storm closes bridge" },
    { "Storm closes bridge - hundreds stranded", "Daily Example", NULL, FALSE,
      "Storm closes bridge - hundreds stranded" },
    { "Storm closes bridge | News | Some Site", NULL, NULL, TRUE, "Storm closes bridge" },
    { "Storm closes bridge — example.org", NULL, "example.org", FALSE, "Storm closes bridge" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *t = px_html_clean_title (cases[i].title, cases[i].outlet, cases[i].host, cases[i].aggressive);
      g_assert_cmpstr (t, ==, cases[i].expected);
    }
}

static void
test_authors (void)
{
  struct
  {
    const char *byline, *outlet, *expected;
  } cases[] = {
    { "By Jane Doe", NULL, "Jane Doe" },
    { "by Jane Doe and John Roe", NULL, "Jane Doe, John Roe" },
    { "By JANE DOE, Staff Writer", NULL, "JANE DOE" },
    { "Jane Doe in Berlin", NULL, "Jane Doe" },
    { "By Jane Doe | 4 June 2019 | 5 min read", NULL, "Jane Doe" },
    { "Von Karl Müller und Eva Schmidt", NULL, "Karl Müller, Eva Schmidt" },
    { "Ludwig van Beethoven", NULL, "Ludwig van Beethoven" },
    { "By Harbour Gazette staff", "Harbour Gazette", NULL },
    { "Harbour Gazette", "The Harbour Gazette", NULL },
    { "Seán O’Brien & Zoë Adler", NULL, "Seán O’Brien, Zoë Adler" },
    { "https://example.com/authors/jane", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *a = px_html_clean_authors (cases[i].byline, cases[i].outlet);
      g_assert_cmpstr (a, ==, cases[i].expected);
    }
}

static void
test_outlet_from_host (void)
{
  struct
  {
    const char *host, *expected;
  } cases[] = {
    { "www.theguardian.com", "Theguardian" },
    { "edition.cnn.com", "CNN" },
    { "news.bbc.co.uk", "BBC" },
    { "www.harbour-gazette.co.uk", "Harbour Gazette" },
    { "npr.org", "NPR" },
    { "valleypost.example", "Valleypost" },
    { "localhost", NULL },
    { "127.0.0.1", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *o = px_html_outlet_from_host (cases[i].host);
      g_assert_cmpstr (o, ==, cases[i].expected);
    }
}

/* The host's name as the page itself spells it, with no table of sites. */
static void
test_outlet_spelled (void)
{
  struct
  {
    const char *host, *text, *expected;
  } cases[] = {
    { "www.harbourgazette.example", "Ferry back | Local news | The Harbour Gazette", "Harbour Gazette" },
    { "www.theharbourgazette.example", "Ferry back | The Harbour Gazette", "The Harbour Gazette" },
    { "valleypais.example", "Ferry back – Valley País", "Valley País" },
    { "www.harbourgazette.example", "Ferry back | Local news", NULL },
    { "www.harbourgazette.example", NULL, NULL },
    { "bbc.example", "BBC News", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *o = px_html_outlet_spelled_in (cases[i].host, cases[i].text);
      g_assert_cmpstr (o, ==, cases[i].expected);
    }

  /* On a page with no site name in its metadata. */
  {
    const char *page = "<html><head><title>Ferry back | Harbour Gazette</title></head><body><h1>Ferry "
                       "back</h1><p>The river ferry ran again on Monday after three weeks in dry dock, the council "
                       "said.</p></body></html>";
    g_autoptr (GError) error = NULL;
    g_autoptr (PxDocument) doc =
        import_string (page, -1, "https://www.harbourgazette.example/ferry-back", "text/html", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (px_document_get_outlet (doc), ==, "Harbour Gazette");
  }
}

/* A short article page with @head and @body before its text dates as
 * @expected. */
static void
assert_published (const char *head, const char *body, const char *expected)
{
  g_autofree char *page = g_strdup_printf ("<html><head>%s</head><body><h1>Ferry back</h1>%s<p>The river ferry "
                                           "ran again on Monday after three weeks in dry dock.</p></body></html>",
                                           head, body);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = import_string (page, -1, "page.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_published (doc), ==, expected);
}

static void
test_dates (void)
{
  struct
  {
    const char *in, *expected;
  } norm[] = {
    { "2019-06-04", "2019-06-04" },
    { "2019-06-04T10:02:00Z", "2019-06-04T10:02:00Z" },
    { "2019-06-04T10:02:00.123+0200", "2019-06-04T10:02:00+02:00" },
    { "2019-06-04 10:02", "2019-06-04T10:02:00" },
    { "20190604", "2019-06-04" },
    { "Tue, 04 Jun 2019 10:02:00 GMT", "2019-06-04" },
    { "June 4, 2019", "2019-06-04" },
    { "Published: 4th June 2019, 10:02", "2019-06-04" },
    { "4. Juni 2019", "2019-06-04" },
    { "4 de junio de 2019", "2019-06-04" },
    { "le 4 juin 2019", "2019-06-04" },
    { "04.06.2019", "2019-06-04" },
    { "2019-02-30", NULL },
    { "market 4, 2019", NULL },
    { "yesterday", NULL },
    { "", NULL },
  };
  struct
  {
    const char *url, *expected;
  } urls[] = {
    { "https://example.com/news/2019/06/04/storm", "2019-06-04" },
    { "https://example.com/2019-06-04-storm-hits", "2019-06-04" },
    { "https://example.com/news/20190604/storm", "2019-06-04" },
    { "https://example.com/news/storm-123456", NULL },
    { "https://example.com/local/2019-06/04/c_1234.htm", "2019-06-04" },
    { "https://example.com/newsroom/23-06-2019-storm-hits/17.html", "2019-06-23" },
    { "https://example.com/notes/29-06-2019", "2019-06-29" },
    { "https://example.com/newsroom/04-06-2019-storm-hits/", NULL },
    { "https://web.archive.org/web/20160218174457/http://blog.example/2010/05/18/storm/", "2010-05-18" },
    { "https://web.archive.org/web/20160218174457/http://blog.example/storm/", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (norm); i++)
    {
      g_autofree char *d = px_html_date_normalize (norm[i].in);
      g_assert_cmpstr (d, ==, norm[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *d = px_html_date_from_url (urls[i].url);
      g_assert_cmpstr (d, ==, urls[i].expected);
    }

  /* The day in the address wins over a UTC instant past midnight; a page
   * date on the same day keeps its time of day. */
  for (guint i = 0; i < 2; i++)
    {
      static const char *const stamps[] = { "2031-04-13T01:10:00Z", "2031-04-12T21:10:00-04:00" };
      static const char *const expected[] = { "2031-04-12", "2031-04-12T21:10:00-04:00" };
      g_autofree char *page =
          g_strdup_printf ("<html><head><meta property=\"article:published_time\" content=\"%s\"></head><body>"
                           "<p>The river ferry ran again on Monday after three weeks in dry dock.</p></body></html>",
                           stamps[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (PxDocument) doc =
          import_string (page, -1, "https://post.example/2031/04/12/ferry-back", "text/html", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (px_document_get_published (doc), ==, expected[i]);
    }

  /* Visible dates in elements named for them, in a byline, and never an
   * update taken for the publication. */
  {
    static const struct
    {
      const char *top, *expected;
    } boxes[] = {
      { "<em class=\"post-date\">12.04.2031</em>", "2031-04-12" },
      { "<div class=\"authorDate\"><a href=\"/m\">Mara Lind</a> | 12 April 2031</div>", "2031-04-12" },
      { "<span class=\"entry-date\">Updated 13 April 2031</span>", NULL },
      { "<span class=\"date-modified\">13 April 2031</span>", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
      assert_published ("", boxes[i].top, boxes[i].expected);
  }
}

/* Where a page gives its publication date, by strength: dates named only
 * for the first publication beat generic "date" fields; a UTC instant
 * past midnight yields to the day printed on the page; a date written
 * after a label ("Datum:", "Mise en ligne") is read. */
static void
test_date_sources (void)
{
  static const struct
  {
    const char *head, *body, *expected;
  } cases[] = {
    /* A generic "date" (often the last change) loses to itemprop. */
    { "<meta name=\"date\" content=\"2031-04-19T15:38:44+01:00\">",
      "<time itemprop=\"datePublished\" datetime=\"2031-04-12\">12.04.2031</time>", "2031-04-12" },
    /* …and to an element carrying datePublished in an attribute. */
    { "<meta name=\"dc.date\" content=\"2031-04-19\">",
      "<div itemprop=\"datePublished\" datetime=\"2031-04-12\">12. April 2031</div>", "2031-04-12" },
    /* 22:04 UTC is already the next day where the paper prints it. */
    { "<meta property=\"article:published_time\" content=\"2031-04-11T22:04:00Z\">",
      "<span class=\"date\">12. April 2031, 00:04 Uhr</span>", "2031-04-12" },
    /* Printed two days off: not a zone, so the metadata stands. */
    { "<meta property=\"article:published_time\" content=\"2031-04-11T22:04:00Z\">",
      "<span class=\"date\">13. April 2031</span>", "2031-04-11T22:04:00Z" },
    /* An instant with its own offset is already the outlet's day. */
    { "<meta property=\"article:published_time\" content=\"2031-04-11T22:04:00-04:00\">",
      "<span class=\"date\">12 April 2031</span>", "2031-04-11T22:04:00-04:00" },
    { "", "<dl><dt>Datum</dt><dd>12.04.2031</dd></dl>", "2031-04-12" },
    { "", "<p><span>Mise en ligne :</span> 12 avril 2031</p>", "2031-04-12" },
    { "", "<p><span>Date:</span> <b>April 12, 2031</b></p>", "2031-04-12" },
    /* Class words that join a date word to another. */
    { "", "<span class=\"_publishingdate\">12.04.2031</span>", "2031-04-12" },
    { "", "<p class=\"newsdatum\">Samstag, 12. April 2031</p>", "2031-04-12" },
    { "", "<p class=\"moddate\">13. April 2031</p>", NULL },
    /* A label followed by something else is no date. */
    { "",
      "<p><span>Datum</span> der Sitzung steht noch nicht fest, sagte sie am 12.04.2031 vor der Presse und "
      "vielen anderen Gästen im Saal.</p>",
      NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_published (cases[i].head, cases[i].body, cases[i].expected);
}

/* Sources that contradict each other give no date rather than a wrong
 * one; the date printed on the page settles two publication names;
 * teasers' and comments' dates are not the article's. */
static void
test_date_conflicts (void)
{
  static const struct
  {
    const char *head, *body, *expected;
  } cases[] = {
    /* Two publication names a month apart, nothing printed. */
    { "<meta property=\"article:published_time\" content=\"2031-04-12T09:00:00Z\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2031-03-02\"}</script>",
      "", NULL },
    /* …the printed day says which one is right. */
    { "<meta property=\"article:published_time\" content=\"2031-04-12T09:00:00Z\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2031-03-02\"}</script>",
      "<span class=\"date\">2 March 2031</span>", "2031-03-02" },
    /* The last change under a publication name is not the publication. */
    { "<meta property=\"article:published_time\" content=\"2031-04-12T09:00:00Z\">"
      "<meta property=\"article:modified_time\" content=\"2031-05-20T10:00:00Z\">"
      "<meta itemprop=\"datePublished\" content=\"2031-05-20T10:00:00Z\">",
      "", "2031-04-12T09:00:00Z" },
    /* JSON-LD inside a CDATA section or a comment, as XHTML pages write it. */
    { "<script "
      "type=\"application/ld+json\">\n<![CDATA[\n{\"@type\":\"NewsArticle\",\"datePublished\":\"2031-03-02\"}\n]]>"
      "</script>",
      "", "2031-03-02" },
    { "<script type=\"application/ld+json\"><!-- {\"@type\":\"NewsArticle\",\"datePublished\":\"2031-03-02\"} -->"
      "</script>",
      "", "2031-03-02" },
    /* A generic "date" that is not the day printed. */
    { "<meta name=\"date\" content=\"2031-04-19\">", "<span class=\"date\">12.04.2031</span>", NULL },
    /* …nor the day of the page's <time>. */
    { "<meta name=\"date\" content=\"2031-04-19\">", "<p><time datetime=\"2031-04-12\">12.04.2031</time></p>", NULL },
    /* <time> elements on different days: whose is which is unknown. */
    { "", "<p><time datetime=\"2031-04-12\">12.04.</time> <time datetime=\"2031-02-01\">1.2.</time></p>", NULL },
    /* Another article's date in a link is not this one's. */
    { "", "<ul><li><a href=\"/other\">Dam opens <span class=\"date\">01.03.2031</span></a></li></ul>", NULL },
    /* A reader's comment with its own <time pubdate>. */
    { "<meta property=\"article:published_time\" content=\"2031-04-12\">",
      "<div class=\"comments\"><time pubdate datetime=\"2031-05-20\">20.05.2031</time></div>", "2031-04-12" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_published (cases[i].head, cases[i].body, cases[i].expected);
}

/* A class on <html> or <body> that contains "author" is no byline: the
 * metadata inside the page is still read. */
static void
test_page_wide_author_class (void)
{
  static const struct
  {
    const char *page, *author;
  } cases[] = {
    /* A class on <html> or <body> that contains "author" is no byline:
     * the metadata inside the page is still read. */
    { "<html class=\"flag-moreAuthorSuggestions-on\"><head><meta name=\"author\" content=\"Mara Lind\"><meta "
      "property=\"article:published_time\" content=\"2031-04-12\"></head><body class=\"has-byline\"><h1>Ferry "
      "back</h1>",
      "Mara Lind" },
    /* Inside a box only named "author", the name marked up as the author. */
    { "<html><body><h1>Ferry back</h1><div class=\"authorInfo\"><span>Harbour desk</span> <span>Reporting</span><a "
      "rel=\"author\" href=\"/p/tom\">Tom Ashby</a></div>",
      "Tom Ashby" },
    /* A reader's comment marked up as by its author is not the byline. */
    { "<html><body><h1>Ferry back</h1><div class=\"byline\">By Jane Doe</div><p>The river ferry ran again on Monday "
      "after three weeks in dry dock.</p><section class=\"comments\"><div class=\"comment\"><span "
      "itemprop=\"author\">Bob Commenter</span> Great news.</div></section>",
      "Jane Doe" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = g_strconcat (cases[i].page,
                                           "<p>The river ferry ran again on Monday after three weeks in dry dock, "
                                           "the council said.</p></body></html>",
                                           NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (PxDocument) doc = import_string (page, -1, "page.html", NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (px_document_get_author (doc), ==, cases[i].author);
      if (i == 0)
        g_assert_cmpstr (px_document_get_published (doc), ==, "2031-04-12");
    }
}

static void
test_language_detect (void)
{
  g_assert_cmpstr (px_language_detect ("The council said that the bridge would be closed for repairs, and that it "
                                       "was not clear when it would reopen to traffic from the north."),
                   ==, "en");
  g_assert_cmpstr (px_language_detect ("Der Gemeinderat hat am Dienstag beschlossen, dass die Brücke nicht mehr "
                                       "für den Verkehr geöffnet wird, und auch die Fähre ist eingestellt."),
                   ==, "de");
  g_assert_cmpstr (px_language_detect ("Le conseil a décidé que le pont sera fermé pour des travaux, et que la "
                                       "circulation est déviée par les routes du nord pendant une semaine."),
                   ==, "fr");
  g_assert_cmpstr (px_language_detect ("El ayuntamiento dijo que el puente estará cerrado por obras y que los "
                                       "vehículos deberán usar la carretera del norte según el plan."),
                   ==, "es");
  g_assert_null (px_language_detect ("Hello."));
  g_assert_null (px_language_detect ("12345 67890"));
}

/* The same article in four encodings decodes to the same text. */
static void
test_charsets (void)
{
  const char *expected = "Café owners in Zürich say the “new rules” cost them €40 a day.";
  struct
  {
    const char *html;
    const char *content_type;
  } cases[] = {
    /* windows-1252 declared in <meta charset>: curly quotes and € live in 0x80–0x9F. */
    { "<html><head><meta charset=\"windows-1252\"><title>T</title></head><body><article><p>Caf\xE9 owners in "
      "Z\xFCrich say the \x93new rules\x94 cost them \x80"
      "40 a day.</p></article></body></html>",
      NULL },
    /* ISO-8859-1 declared by http-equiv: browsers read it as windows-1252. */
    { "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>Caf\xE9 "
      "owners in Z\xFCrich say the \x93new rules\x94 cost them \x80"
      "40 a day.</p></body></html>",
      NULL },
    /* The HTTP header wins over a wrong <meta>. */
    { "<html><head><meta charset=\"utf-8\"></head><body><p>Caf\xE9 owners in Z\xFCrich say the \x93new rules\x94 cost "
      "them \x80"
      "40 a day.</p></body></html>",
      "text/html; charset=windows-1252" },
    /* A UTF-8 BOM wins over everything. */
    { "\xEF\xBB\xBF<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xC3\xA9 owners in Z\xC3\xBCrich say "
      "the \xE2\x80\x9Cnew rules\xE2\x80\x9D cost them \xE2\x82\xAC"
      "40 a day.</p></body></html>",
      NULL },
    /* A label written with an underscore is the same label. */
    { "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso8859_1\"></head><body><p>Caf\xE9 "
      "owners in Z\xFCrich say the \x93new rules\x94 cost them \x80"
      "40 a day.</p></body></html>",
      NULL },
    /* Nothing declared, not valid UTF-8: windows-1252. */
    { "<html><body><p>Caf\xE9 owners in Z\xFCrich say the \x93new rules\x94 cost them \x80"
      "40 a day.</p></body></html>",
      NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PxDocument) doc = import_string (cases[i].html, -1, "page.html", cases[i].content_type, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (px_document_get_text (doc), ==, expected);
    }
}

static void
test_utf16 (void)
{
  const char *html = "<html><body><p>Snow closed the pass on Tuesday.</p></body></html>";
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (GBytes) data = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = NULL;

  g_byte_array_append (bytes, (const guint8 *)"\xFF\xFE", 2);
  for (const char *p = html; *p; p++)
    {
      guint8 pair[2] = { (guint8)*p, 0 };
      g_byte_array_append (bytes, pair, 2);
    }
  data = g_bytes_new (bytes->data, bytes->len);
  doc = px_import_bytes (data, "saved.htm", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_text (doc), ==, "Snow closed the pass on Tuesday.");
}

/* Bytes that are not valid in the declared charset become U+FFFD; the
 * page still imports. */
static void
test_invalid_bytes (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc =
      import_string ("<html><head><meta charset=utf-8></head><body><p>Broken \xC3\x28 byte and \xFF more text "
                     "here.</p></body></html>",
                     -1, "broken.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (px_document_get_text (doc), -1, NULL));
  g_assert_nonnull (strstr (px_document_get_text (doc), "more text here."));
}

static void
test_scoring_picks_html (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) by_bytes = NULL;
  g_autoptr (PxDocument) by_type = NULL;
  const char *page = "<!DOCTYPE html><html><head><title>Quiet harbour</title></head><body><p>The harbour was quiet "
                     "all week.</p></body></html>";

  /* No .html name: the bytes say HTML. */
  by_bytes = import_string (page, -1, "download", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_source_kind (by_bytes), ==, "html");
  g_assert_cmpstr (px_document_get_title (by_bytes), ==, "Quiet harbour");

  /* No name at all: the content type says HTML. */
  by_type = import_string ("<p>The harbour was quiet all week.</p>", -1, NULL, "text/html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_source_kind (by_type), ==, "html");
  g_assert_cmpstr (px_document_get_text (by_type), ==, "The harbour was quiet all week.");
}

/* Scripts, styles and event handlers never reach the text. */
static void
test_never_script (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = import_string (
      "<html><head><script>alert('head')</script></head><body onload=\"alert('x')\">"
      "<p>Before <script>document.write('inline')</script>after.<noscript>Enable JavaScript</noscript></p>"
      "<p>Second <style>.x{}</style>paragraph <svg><text>svg text</text></svg>here.</p>"
      "<script type=\"text/template\"><p>template paragraph</p></script>"
      "<template><p>inert template</p></template></body></html>",
      -1, "s.html", NULL, &error);
  const char *text;

  g_assert_no_error (error);
  text = px_document_get_text (doc);
  g_assert_cmpstr (text, ==, "Before after.\n\nSecond paragraph here.");
}

/* Paragraphs of an invented article, for pages built around it. */
#define FALLBACK_ARTICLE                                                                                              \
  "<p>The river ferry at Kessing ran again on Monday after three weeks in dry dock, and the first crossing was full " \
  "of commuters who had spent the closure driving forty minutes round by the bridge.</p>"                             \
  "<p>Repairs to the landing ramp cost more than planned, the operator said, because the old steel had rusted "       \
  "further than the survey showed, and the timetable will stay reduced until the end of the month.</p>"

/* A long comment thread: more text than the article, so that no wrapper
 * of the article is kept only for holding most of the page's text. */
#define FALLBACK_COMMENTS                                                                                        \
  "<div class=\"comments\"><p>I have used this ferry for years and the closure was handled badly from the very " \
  "start, with no notice at all for those of us who cross every day.</p><p>Three weeks is far too long for a "   \
  "ramp, somebody should ask why the survey missed the rust, and who is paying for it in the end.</p><p>At "     \
  "least it is running again, though the reduced timetable is no use to anyone on the early shift.</p></div>"

static PxDocument *
import_page_ok (const char *page)
{
  g_autoptr (GError) error = NULL;
  PxDocument *doc = import_string (page, -1, "page.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_nonnull (strstr (px_document_get_text (doc), "first crossing was full"));
  g_assert_nonnull (strstr (px_document_get_text (doc), "reduced until the end of the month."));
  return doc;
}

/* Class and id words are whole tokens: "pager" is not in "PageBuilder",
 * "nav" not in "canvas-wrap", "ad" not in "head-lines". */
static void
test_class_tokens (void)
{
  static const struct
  {
    const char *name;
    const char *tokens;
  } cases[] = {
    { "PageBuilder-pageRow", "page builder page row" },
    { "field--label-hidden", "field label hidden" },
    { "entry-content-read-more", "entry content read more" },
    { "ctl00_PageWideBannerPlaceHolder", "ctl00 page wide banner place holder" },
    { "HTMLParser2x", "htmlparser2x" },
    { "", "" },
  };
  g_autoptr (PxDocument) doc = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = px_html_class_tokens (cases[i].name);
      g_assert_cmpstr (got, ==, cases[i].tokens);
    }
  /* Substring matching found "pager" and "nav" here and dropped the article. */
  doc = import_page_ok ("<html><body><div class=\"PageBuilder-pageRow\"><div class=\"canvas-wrap\">" FALLBACK_ARTICLE
                        "</div></div>" FALLBACK_COMMENTS "</body></html>");
  g_assert_null (px_document_get_import_note (doc));
  g_assert_null (strstr (px_document_get_text (doc), "early shift"));
}

/* A broken first tag makes libxml2 close <html> at once and open a
 * second root for the page; the article in it is still read, as a
 * browser would read it. */
static void
test_second_root (void)
{
  g_autoptr (PxDocument) doc =
      import_page_ok ("<!DOCTYPE html>\n<html xlogo.png\" alt=\"Harbour News\" width=\"145\" /></a></td>\n"
                      "<table><tr><td><h1>Ferry back</h1>" FALLBACK_ARTICLE "</td></tr></table></body></html>");

  g_assert_nonnull (strstr (px_document_get_text (doc), "landing ramp"));
}

/* libxml2 ignores a </noscript> while a <div> inside is open, and can
 * nest a <main> inside a menu <button>: the article ends up inside an
 * element that is never text. The wrappers fallback reads it and says so. */
static void
test_page_inside_noscript_or_button (void)
{
  static const char *const pages[] = {
    "<html><body><noscript><div class=\"nojs\">Please turn on scripts.</noscript><h1>Ferry back</h1>" FALLBACK_ARTICLE
    "</body></html>",
    "<html><body><header><div class=\"menu\"><button class=\"open\"><span>Menu</span><main><article><h1>Ferry "
    "back</h1>" FALLBACK_ARTICLE "</article></main></body></html>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (PxDocument) doc = import_page_ok (pages[i]);

      g_assert_nonnull (strstr (px_document_get_text (doc), "landing ramp"));
      g_assert_nonnull (px_document_get_import_note (doc));
    }
}

/* When the strict pass finds nothing, the fallbacks find the article and
 * say so in the import note. */
static void
test_fallbacks (void)
{
  static const struct
  {
    const char *page;
    const char *note; /* a word of the expected note */
  } cases[] = {
    /* ASP.NET: the whole body inside one form. */
    { "<html><body><form id=\"aspnetForm\" action=\"/story.aspx\"><div id=\"wrap\"><h1>Ferry back</h1>" FALLBACK_ARTICLE
      "</div></form></body></html>",
      "form" },
    /* A title never closed: libxml2 nests the whole page inside it. */
    { "<html><head><title>Ferry back\n<script>var a = 1;</script><div class=\"page\">" FALLBACK_ARTICLE
      "</div></body></html>",
      "form" },
    /* The visible text inside a "paywall" wrapper, next to a link list. */
    { "<html><body><div class=\"paywall\">" FALLBACK_ARTICLE "</div><ul class=\"links\"><li><a href=\"/a\">Council "
      "votes on the harbour budget after a long debate</a></li><li><a href=\"/b\">Five things to know about the "
      "new timetable this spring</a></li><li><a href=\"/c\">Weather warning for the coast as storms approach the "
      "region</a></li><li><a href=\"/d\">Photos of the week from around the region and beyond</a></li><li><a "
      "href=\"/e\">School holidays: what is open and what is closed in the town this week</a></li><li><a "
      "href=\"/f\">Fishermen protest against the new quota cuts outside the ministry</a></li></ul>" FALLBACK_COMMENTS
      "</body></html>",
      "relaxed" },
    /* An accordion holding the article. */
    { "<html><body><div role=\"tablist\"><section role=\"tabpanel\">" FALLBACK_ARTICLE "</section></div></body></html>",
      "relaxed" },
    /* The article nested inside the banner header (what libxml2's HTML 4
     * parser does to some HTML5 pages). */
    { "<html><body><header role=\"banner\"><a href=\"/\">Home</a><main>" FALLBACK_ARTICLE
      "</main></header></body></html>",
      "relaxed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PxDocument) doc = import_page_ok (cases[i].page);
      const char *note = px_document_get_import_note (doc);

      g_test_message ("case %u: %s", i, note);
      g_assert_nonnull (note);
      g_assert_nonnull (strstr (note, cases[i].note));
    }

  /* Only short lines (a poem): no run is long enough to score, so the
   * block holding the most prose is kept, without the link above it. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PxDocument) doc = import_string (
        "<html><body><div><a href=\"/\">Home page of the river paper</a></div><div class=\"x\">The ferry is back"
        "<br>on the grey water,<br>full of the early<br>and the tired,<br>three weeks of rust<br>ground off the ramp,"
        "<br>forty minutes<br>of the long road<br>given back to us<br>at the turn of a key.<br>Nobody cheered,<br>but "
        "the gulls came<br>down to the rail<br>as they always did.</div></body></html>",
        -1, "poem.html", NULL, &error);
    const char *note;

    g_assert_no_error (error);
    note = px_document_get_import_note (doc);
    g_assert_nonnull (note);
    g_assert_nonnull (strstr (note, "largest"));
    g_assert_nonnull (strstr (px_document_get_text (doc), "three weeks of rust"));
    g_assert_null (strstr (px_document_get_text (doc), "Home page"));
  }
}

/* A page whose <title> is only a section name: the headline over the
 * article is the title, and is not repeated in the body. A short heading
 * ("Top stories") is a label, not a headline. */
static void
test_headline_over_title (void)
{
  g_autoptr (PxDocument) doc = import_page_ok (
      "<html><head><title>Latest News</title></head><body><div class=\"nav\"><a href=\"/\">Home</a></div>"
      "<h3>Kessing ferry back on the water after three weeks</h3><div class=\"story\">" FALLBACK_ARTICLE
      "</div></body></html>");
  g_autoptr (PxDocument) labelled = NULL;

  g_assert_cmpstr (px_document_get_title (doc), ==, "Kessing ferry back on the water after three weeks");
  g_assert_true (g_str_has_prefix (px_document_get_text (doc), "The river ferry"));

  labelled = import_page_ok ("<html><head><title>Ferry back | Kessing Post</title></head><body><h2>Top stories</h2>"
                             "<div class=\"story\">" FALLBACK_ARTICLE "</div></body></html>");
  g_assert_cmpstr (px_document_get_title (labelled), ==, "Ferry back");
}

/* A body in two parts, each wrapped in layers of its own with the same
 * class, an advertisement between them: both parts are kept. */
static void
test_split_body (void)
{
  g_autoptr (PxDocument) doc = import_page_ok (
      "<html><body><div class=\"col\"><section class=\"part\"><div class=\"inner\">" FALLBACK_ARTICLE
      "<p>Passengers queued from six in the morning, and the operator laid on a second boat for the evening "
      "rush, which was also full by the time it left, with cars waiting on the ramp.</p></div></section>"
      "<div class=\"ad-slot\">Advertisement</div><section class=\"part\"><div class=\"inner\"><p>The "
      "harbour master said the new ramp, built of galvanised steel, should last thirty years, and that the old "
      "one will be broken up for scrap over the summer.</p></div></section></div></body></html>");

  g_assert_nonnull (strstr (px_document_get_text (doc), "broken up for scrap"));
  g_assert_null (strstr (px_document_get_text (doc), "Advertisement"));
}

/* Hostile and broken input: a clear error or a best-effort result, never
 * a crash or a hang. */
static void
test_bad_input (void)
{
  g_autoptr (GError) error = NULL;
  PxDocument *doc;

  doc = import_string ("", 0, "empty.html", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  doc = import_string ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20, "photo.html", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_BINARY);
  g_clear_error (&error);

  doc = import_string ("<html><head><title>Only a title</title></head><body><nav><a href=/>Home</a></nav>"
                       "<script>x()</script></body></html>",
                       -1, "nothing.html", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  /* Malformed: unclosed tags, stray closers, attributes without quotes. */
  doc = import_string (
      "<html><body><div><p>First paragraph of a broken page <b>bold<i>both</b> still"
      "</div></span><p class=x id=>Second one, after stray closing tags.</p></td></table><p>Third, never closed.",
      -1, "malformed.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (px_document_get_text (doc), "Second one"));
  g_assert_nonnull (strstr (px_document_get_text (doc), "Third"));
  g_object_unref (doc);

  doc = import_string ("<html><head><meta charset=\"x-no-such-charset\"></head><body><p>Text</p></body></html>", -1,
                       "odd.html", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_ENCODING);
  g_clear_error (&error);

  /* JSON-LD nested far too deep is ignored, not followed. */
  {
    GString *page = g_string_new ("<html><head><script type=\"application/ld+json\">");
    for (int i = 0; i < 100000; i++)
      g_string_append (page, "{\"a\":[");
    g_string_append (page, "</script></head><body><p>The text of a page with hostile JSON-LD.</p></body></html>");
    doc = import_string (page->str, page->len, "json.html", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (px_document_get_text (doc), ==, "The text of a page with hostile JSON-LD.");
    g_object_unref (doc);
    g_string_free (page, TRUE);
  }
}

/* 100,000 nested elements around the article: the whole article is
 * kept and nothing recurses deep enough to overflow the stack. */
static void
test_deep_nesting (void)
{
  GString *page = g_string_new ("<html><body>");
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append (page, i % 2 ? "<div>" : "<span>");
  g_string_append (page, "<article><p>Opening paragraph at the very bottom of the nesting, long enough to count.</p>"
                         "<p>Second paragraph, which a reader still wants to see.</p>"
                         "<p>Closing paragraph, also long enough to count.</p></article>");
  for (int i = 100000 - 1; i >= 0; i--)
    g_string_append (page, i % 2 ? "</div>" : "</span>");
  g_string_append (page, "</body></html>");

  doc = import_string (page->str, page->len, "deep.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_text (doc), ==,
                   "Opening paragraph at the very bottom of the nesting, long enough to count.\n\n"
                   "Second paragraph, which a reader still wants to see.\n\n"
                   "Closing paragraph, also long enough to count.");
  g_string_free (page, TRUE);

  /* Unclosed: every element still open at the end of the file. */
  page = g_string_new ("<html><body><p>A paragraph before a hundred thousand unclosed elements.</p>");
  for (int i = 0; i < 100000; i++)
    g_string_append (page, "<div><b>");
  g_string_append (page, "<p>Text at the bottom of the unclosed nesting.</p>");
  g_clear_object (&doc);
  doc = import_string (page->str, page->len, "unclosed.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (px_document_get_text (doc), "bottom of the unclosed nesting"));
  g_string_free (page, TRUE);
}

/* A 50 MB page is read in reasonable time and memory; its 37 MB of
 * article text is over the article limit (PX_IMPORT_MAX_TEXT_BYTES), which
 * is said clearly (issue 15.7). */
static void
test_huge_page (void)
{
  GString *page = g_string_sized_new (51 * 1024 * 1024);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = NULL;
  guint i = 0;

  g_string_append (page, "<html><head><title>Very long report</title></head><body><nav>");
  while (page->len < 2 * 1024 * 1024)
    g_string_append_printf (page, "<a href=\"/n%u\">Link %u</a> ", i, i), i++;
  g_string_append (page, "</nav><article>");
  /* Long paragraphs: the page stays under the element limit. */
  while (page->len < 50 * 1024 * 1024)
    {
      g_string_append_printf (page, "<p>Paragraph %u of the report.", i++);
      for (guint k = 0; k < 30; k++)
        g_string_append (page, " With some words, commas, and a full stop.");
      g_string_append (page, "</p>\n");
    }
  g_string_append (page, "</article></body></html>");

  doc = import_string (page->str, page->len, "huge.html", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too long"));
  g_string_free (page, TRUE);
}

/* A page of little text and a great many elements is refused before it is
 * parsed (a 64 MB one needed 1.8 GB); one at the limit is read (issue 15.7). */
static void
test_many_elements (void)
{
  const char *head = "<html><head><title>Bridge vote</title></head><body><h1>Bridge vote</h1>"
                     "<p>The council voted on the bridge plan today after a long debate.</p>";
  const char *unit = "<div class=\"c\"><span></span></div>\n";
  GString *page = g_string_new (head);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = NULL;

  /* 6 elements in the head, two per unit and two at the end: the limit
   * exactly. */
  for (guint i = 0; i < (PX_IMPORT_MAX_ELEMENTS - 8) / 2; i++)
    g_string_append (page, unit);
  g_string_append (page, "<br><br></body></html>");
  doc = import_string (page->str, page->len, "many.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_nonnull (strstr (px_document_get_text (doc), "bridge plan"));
  g_clear_object (&doc);

  g_string_truncate (page, page->len - strlen ("</body></html>"));
  g_string_append (page, "<br></body></html>");
  doc = import_string (page->str, page->len, "many.html", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too complex"));
  g_string_free (page, TRUE);
}

/* Fixture pages of many shapes, each with its gold text next to it. */
static void
test_fixture_pages (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", "html", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint checked = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *gold_path = NULL;
      g_autofree char *gold = NULL;
      g_autofree char *base = NULL;
      g_autoptr (PxDocument) doc = NULL;

      if (!g_str_has_suffix (name, ".html"))
        continue;
      base = g_strndup (name, strlen (name) - 5);
      gold_path = g_strdup_printf ("%s/%s.txt", dir_path, base);
      if (!g_file_get_contents (gold_path, &gold, NULL, NULL))
        continue;
      doc = import_fixture (name);
      g_strchomp (gold);
      if (g_strcmp0 (px_document_get_text (doc), gold) != 0)
        g_error ("%s: text differs from the gold.\n--- got:\n%s\n--- expected:\n%s", name, px_document_get_text (doc),
                 gold);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 3);
}

/* Words of a text, case-folded, counted. */
static GHashTable *
bag_of_words (const char *text, guint *total)
{
  GHashTable *bag = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *word = g_string_new (NULL);

  *total = 0;
  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      if (c != 0 && (g_unichar_isalnum (c) || c == '_'))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          gpointer old = g_hash_table_lookup (bag, word->str);
          g_hash_table_insert (bag, g_strdup (word->str), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
          (*total)++;
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return bag;
}

/* Token-level F1 of @got against @gold, as tools/extract-eval scores it. */
static double
token_f1 (const char *gold, const char *got)
{
  guint n_gold, n_got, overlap = 0;
  g_autoptr (GHashTable) g = bag_of_words (gold, &n_gold);
  g_autoptr (GHashTable) p = bag_of_words (got, &n_got);
  GHashTableIter iter;
  gpointer key, value;
  double precision, recall;

  g_hash_table_iter_init (&iter, p);
  while (g_hash_table_iter_next (&iter, &key, &value))
    overlap += MIN (GPOINTER_TO_UINT (value), GPOINTER_TO_UINT (g_hash_table_lookup (g, key)));
  if (n_gold == 0 || n_got == 0 || overlap == 0)
    return 0;
  precision = (double)overlap / n_got;
  recall = (double)overlap / n_gold;
  return 2 * precision * recall / (precision + recall);
}

/* The extraction development set (tools/extract-eval): every page keeps
 * its title and nearly all of its body, and nothing much else. */
static void
test_development_set (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "tools", "extract-eval", "pages", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint pages = 0;
  double sum = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *base = NULL;
      g_autofree char *html_path = NULL;
      g_autofree char *gold_path = NULL;
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      g_autoptr (GFile) file = NULL;
      g_autoptr (PxDocument) doc = NULL;
      g_autoptr (GString) gold_text = g_string_new (NULL);
      JsonObject *gold;
      JsonArray *body;
      double f1;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      base = g_strndup (name, strlen (name) - 5);
      gold_path = g_build_filename (dir_path, name, NULL);
      html_path = g_strdup_printf ("%s/%s.html", dir_path, base);
      g_assert_true (json_parser_load_from_file (parser, gold_path, &error));
      gold = json_node_get_object (json_parser_get_root (parser));
      body = json_object_get_array_member (gold, "body");
      for (guint i = 0; i < json_array_get_length (body); i++)
        g_string_append_printf (gold_text, "%s\n\n", json_array_get_string_element (body, i));

      file = g_file_new_for_path (html_path);
      doc = px_import_file (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (px_document_get_title (doc), ==, json_object_get_string_member (gold, "title"));
      f1 = token_f1 (gold_text->str, px_document_get_text (doc));
      if (f1 < 0.9)
        g_error ("%s: body F1 %.3f\n%s", name, f1, px_document_get_text (doc));
      sum += f1;
      pages++;
    }
  g_assert_cmpuint (pages, >=, 40);
  g_assert_cmpfloat (sum / pages, >=, 0.97);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html-import/news-page", test_news_page);
  g_test_add_func ("/html-import/json-ld", test_json_ld);
  g_test_add_func ("/html-import/bare-page", test_bare_page);
  g_test_add_func ("/html-import/fixture-pages", test_fixture_pages);
  g_test_add_func ("/html-import/development-set", test_development_set);
  g_test_add_func ("/html-import/title-cleaning", test_title_cleaning);
  g_test_add_func ("/html-import/authors", test_authors);
  g_test_add_func ("/html-import/outlet-from-host", test_outlet_from_host);
  g_test_add_func ("/html-import/outlet-spelled", test_outlet_spelled);
  g_test_add_func ("/html-import/dates", test_dates);
  g_test_add_func ("/html-import/date-sources", test_date_sources);
  g_test_add_func ("/html-import/page-wide-author-class", test_page_wide_author_class);
  g_test_add_func ("/html-import/language-detect", test_language_detect);
  g_test_add_func ("/html-import/charsets", test_charsets);
  g_test_add_func ("/html-import/utf16", test_utf16);
  g_test_add_func ("/html-import/invalid-bytes", test_invalid_bytes);
  g_test_add_func ("/html-import/scoring", test_scoring_picks_html);
  g_test_add_func ("/html-import/never-script", test_never_script);
  g_test_add_func ("/html-import/bad-input", test_bad_input);
  g_test_add_func ("/html-import/class-tokens", test_class_tokens);
  g_test_add_func ("/html-import/date-conflicts", test_date_conflicts);
  g_test_add_func ("/html-import/fallbacks", test_fallbacks);
  g_test_add_func ("/html-import/second-root", test_second_root);
  g_test_add_func ("/html-import/page-inside-noscript-or-button", test_page_inside_noscript_or_button);
  g_test_add_func ("/html-import/headline-over-title", test_headline_over_title);
  g_test_add_func ("/html-import/split-body", test_split_body);
  g_test_add_func ("/html-import/deep-nesting", test_deep_nesting);
  g_test_add_func ("/html-import/huge-page", test_huge_page);
  g_test_add_func ("/html-import/many-elements", test_many_elements);
  return g_test_run ();
}
