/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

G_BEGIN_DECLS

/* What a page says about itself, each field NULL when unknown. */
typedef struct
{
  char *title;             /* the headline, without " | Outlet" */
  char *outlet;            /* "The Example Times" */
  char *author;            /* "Jane Doe, John Roe" */
  char *published;         /* ISO 8601, see px-html-date.h */
  char *url;               /* canonical http(s) URL */
  char *language;          /* BCP 47 as declared by the page */
  char *h1;                /* the page's main heading, as written */
  gboolean title_from_tag; /* the title is only the page's <title>, cleaned */
  char *updated;           /* a date the page names as its last update: never the publication */
  gboolean date_withheld;  /* the page's dates contradict each other: no date rather than a wrong one */
} PxHtmlMetadata;

void px_html_metadata_free (PxHtmlMetadata *meta);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxHtmlMetadata, px_html_metadata_free)

/* Reads Open Graph and other meta tags, JSON-LD (NewsArticle, Article,
 * BlogPosting… with their publisher), <link rel=canonical>, bylines,
 * <time> elements and the URL. @page_url is where the page came from
 * (may be NULL). Scripts are read as data, never run. */
PxHtmlMetadata *px_html_metadata_read (htmlDocPtr doc, const char *page_url);

/* Fills what is still missing from what the extractor found at the top
 * of the body: a "By …" line and a date line; and replaces a title that
 * is only the page's <title> by the @headline the page shows above the
 * article, when there is one (all may be NULL). */
void px_html_metadata_finish (PxHtmlMetadata *meta, const char *byline, const char *dateline, const char *headline);

/* A readable outlet name for a host: "www.example-times.co.uk" →
 * "Example Times", "npr.org" → "NPR". */
char *px_html_outlet_from_host (const char *host);

/* The host's name as @text spells it: "theguardian.com" in "… | The
 * Guardian" → "The Guardian". NULL when @text does not spell it. */
char *px_html_outlet_spelled_in (const char *host, const char *text);

/* Cuts a site name off a title ("Headline | Outlet", "Outlet - Headline").
 * @outlet and @host help recognise it; @aggressive also cuts short
 * title-cased segments after " | ", as <title> usually has them. */
char *px_html_clean_title (const char *title, const char *outlet, const char *host, gboolean aggressive);

/* "By Jane Doe and John Roe, Staff Writers | 4 June" → "Jane Doe, John Roe".
 * Names equal to @outlet are dropped. NULL when no name is left. */
char *px_html_clean_authors (const char *byline, const char *outlet);

/* "Jane Doe · 4 June 2019" → "Jane Doe": the names before a separator
 * on a line that also gives the date. NULL when there are none. */
char *px_html_authors_before_date (const char *line, const char *outlet);

G_END_DECLS
