/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Publication time from visible datelines (import/px-dateline-time.h):
 * the time of day and zone written next to the date are kept when the
 * page has no machine-readable time; an update's time never is. Invented
 * lines and pages. */
#include <string.h>

#include "import/px-date-parse.h"
#include "import/px-dateline-time.h"
#include "import/px-import.h"

static void
test_date_lines (void)
{
  static const struct
  {
    const char *line, *expected;
    gboolean update;
  } lines[] = {
    /* Eastern Time is daylight time in June, standard time in January. */
    { "June 4, 2019, 3:15 p.m. ET", "2019-06-04T15:15:00-04:00", FALSE },
    { "Jan. 15, 2020, 9:05 a.m. ET", "2020-01-15T09:05:00-05:00", FALSE },
    { "4 June 2019 14:05 BST", "2019-06-04T14:05:00+01:00", FALSE },
    { "Published 4 June 2019, 10:32 GMT", "2019-06-04T10:32:00+00:00", FALSE },
    { "Posted on Tuesday, June 4, 2019 at 11:45 PM PDT", "2019-06-04T23:45:00-07:00", FALSE },
    { "12:05 a.m. EST, March 1, 2021", "2021-03-01T00:05:00-05:00", FALSE },
    { "Veröffentlicht am 4. Juni 2021, 10:15 Uhr CEST", "2021-06-04T10:15:00+02:00", FALSE },
    { "04.06.2019, 15:30 CET", "2019-06-04T15:30:00+01:00", FALSE },
    /* No zone: no instant, the date only. */
    { "Publié le 3 mars 2020 à 14h05", "2020-03-03", FALSE },
    { "June 4, 2019 at 3:15 p.m.", "2019-06-04", FALSE },
    /* No time of day, or none that can be. */
    { "June 4, 2019 GMT", "2019-06-04", FALSE },
    { "June 4, 2019, 13:15 p.m. ET", "2019-06-04", FALSE },
    { "June 4, 2019, 25:10 GMT", "2019-06-04", FALSE },
    /* An update's time is not the publication's. */
    { "Updated: Tuesday, Oct. 5, 2021 at 4:30 p.m. ET", "2021-10-05", TRUE },
    { "Updated 10:32 GMT", NULL, FALSE },
    { "Last modified June 4, 2019 14:05 BST", "2019-06-04", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      gboolean update = FALSE;
      g_autofree char *iso = px_date_parse_line (lines[i].line, &update);

      g_test_message ("%s", lines[i].line);
      g_assert_cmpstr (iso, ==, lines[i].expected);
      if (iso != NULL)
        g_assert_cmpint (update, ==, lines[i].update);
    }
}

static void
test_offsets (void)
{
  static const struct
  {
    const char *line, *expected;
  } lines[] = {
    { "2019-06-04 10:02 UTC+2", "2019-06-04T10:02:00+02:00" },
    { "4 June 2019, 18:40 GMT+5:30", "2019-06-04T18:40:00+05:30" },
    { "June 4, 2019 08:10 -0400", "2019-06-04T08:10:00-04:00" },
    { "4 June 2019 08:10 (GMT-3)", "2019-06-04T08:10:00-03:00" },
    { "4 June 2019 08:10 IST", NULL }, /* India, Ireland or Israel */
    { "4 June 2019 08:10 XYZ", NULL },
    { "4 June 2019 and 08:10 GMT", NULL }, /* not next to the date */
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      gsize start, end;
      g_autofree char *date = px_date_find (lines[i].line, &start, &end);
      g_autofree char *timed = NULL;

      g_test_message ("%s", lines[i].line);
      g_assert_cmpstr (date, ==, "2019-06-04");
      timed = px_dateline_time (lines[i].line, start, end, date);
      g_assert_cmpstr (timed, ==, lines[i].expected);
    }
}

static void
test_time_in (void)
{
  static const struct
  {
    const char *text, *expected;
  } texts[] = {
    { "Jane Doe · June 4, 2019 3:15 pm ET", "2019-06-04T15:15:00-04:00" },
    { "By Jane Doe | 4 June 2019 14:05 BST | 3 min read", "2019-06-04T14:05:00+01:00" },
    /* The time after "Updated" is the update's. */
    { "Published June 4, 2019 | Updated 10:32 GMT", NULL },
    { "June 4, 2019 · Updated June 5, 2019 10:32 GMT", NULL },
    { "June 4, 2019 · mis à jour à 10:32 CEST", NULL },
    /* Two times: which one is not known. */
    { "June 4, 2019 9:00 GMT, 11:00 GMT", NULL },
    { "June 4, 2019", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *timed = px_dateline_time_in (texts[i].text, "2019-06-04");

      g_test_message ("%s", texts[i].text);
      g_assert_cmpstr (timed, ==, texts[i].expected);
    }
}

/* A short article page with @head and @body before its text. */
static char *
published (const char *head, const char *body)
{
  g_autofree char *page = g_strdup_printf ("<html><head>%s</head><body><article><h1>Ferry back on the river</h1>%s"
                                           "<p>The river ferry ran again on Monday after three weeks in dry dock, "
                                           "and the first crossing was full by eight in the morning.</p>"
                                           "<p>The operator said the new engine would cut the noise on the "
                                           "crossing, which residents had complained about for years.</p>"
                                           "</article></body></html>",
                                           head, body);
  g_autoptr (GBytes) bytes = g_bytes_new (page, strlen (page));
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_import_bytes (bytes, "page.html", NULL, &error);

  g_assert_no_error (error);
  return g_strdup (px_document_get_published (doc));
}

static void
test_pages (void)
{
  g_autofree char *dateline = published ("", "<p class=\"date\">June 4, 2019, 3:15 p.m. ET</p>");
  g_autofree char *meta_date =
      published ("<meta name=\"date\" content=\"2019-06-04\">", "<p class=\"date\">4 June 2019 14:05 BST</p>");
  g_autofree char *meta_time = published ("<meta property=\"article:published_time\" content=\"2019-06-04T09:00:00Z\">",
                                          "<p class=\"date\">4 June 2019 14:05 BST</p>");
  g_autofree char *no_zone = published ("", "<p class=\"date\">June 4, 2019 at 3:15 p.m.</p>");
  g_autofree char *updated =
      published ("", "<p class=\"meta\">By Jane Doe · June 4, 2019 · Updated June 5, 2019 10:32 GMT</p>");

  /* No machine-readable date: the dateline's time with its zone. */
  g_assert_cmpstr (dateline, ==, "2019-06-04T15:15:00-04:00");
  /* A machine-readable date without a time: the dateline of that day
   * gives it; a machine-readable time is kept. */
  g_assert_cmpstr (meta_date, ==, "2019-06-04T14:05:00+01:00");
  g_assert_cmpstr (meta_time, ==, "2019-06-04T09:00:00Z");
  g_assert_cmpstr (no_zone, ==, "2019-06-04");
  /* Never the update's time. */
  g_assert_true (updated == NULL || strlen (updated) == 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dateline-time/date-lines", test_date_lines);
  g_test_add_func ("/dateline-time/offsets", test_offsets);
  g_test_add_func ("/dateline-time/time-in", test_time_in);
  g_test_add_func ("/dateline-time/pages", test_pages);
  return g_test_run ();
}
