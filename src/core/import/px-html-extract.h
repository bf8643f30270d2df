/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

#include "model/px-document.h"

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
} PxHtmlExtract;

void px_html_extract_free (PxHtmlExtract *extract);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxHtmlExtract, px_html_extract_free)

/* Finds the main article of a page: every run of text is scored on its
 * length, commas and link density, the scores flow up to the containers,
 * containers are weighted by their class, id, role and tag, and the best
 * one (with its siblings that look like article text) is kept. Scripts,
 * styles, navigation, asides, forms, share widgets, captions, comments
 * and "related" lists are dropped, and so are a heading that repeats
 * @title and a line that only names the @author (both may be NULL). Never fails: returns an empty list when nothing looks like an
 * article. */
PxHtmlExtract *px_html_extract (htmlDocPtr doc, const char *title, const char *author);

G_END_DECLS
