/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

#include "documents/px-document.h"

G_BEGIN_DECLS

/* One block of an article's body, in reading order. */
typedef struct
{
  PxBlockKind kind;
  char *text; /* UTF-8, whitespace not yet collapsed */
} PxHtmlBlock;

void px_html_block_free (PxHtmlBlock *block);

typedef struct
{
  GPtrArray *blocks; /* of PxHtmlBlock */
  char *byline;      /* a "By …" line found at the top of the body, or NULL */
  char *dateline;    /* a date line found at the top of the body, or NULL */
  char *headline;    /* the heading that starts the article (not a repeat of the title), or NULL */
  guint level;       /* 0: found by the strict pass; else the fallback that found it */
} PxHtmlExtract;

void px_html_extract_free (PxHtmlExtract *extract);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxHtmlExtract, px_html_extract_free)

/* Finds the main article of a page: every run of text is scored on its
 * length, commas and link density, the scores flow up to the containers,
 * containers are weighted by their class, id, role and tag, and the best
 * one (with its siblings that look like article text) is kept. Scripts,
 * styles, navigation, asides, forms, share widgets, captions, comments
 * and "related" lists are dropped, and so are a heading that repeats
 * @title and a line that only names the @author (both may be NULL).
 *
 * When that strict pass finds less than a short article's worth of text,
 * fallbacks are tried in turn, and the first that finds enough is kept
 * (its number in ->level): weak class words and landmark roles ignored;
 * no class words or roles at all, forms and aria-hidden wrappers looked
 * into; the block holding the most prose; all readable text of the page.
 * Never fails: returns an empty list only when the page has no readable
 * text at all. */
PxHtmlExtract *px_html_extract (htmlDocPtr doc, const char *title, const char *author);

/* A short stable name of fallback @level ("relaxed", "wrappers",
 * "densest", "body"); NULL for the strict pass. */
const char *px_html_extract_fallback_name (guint level);

G_END_DECLS
