/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What schema.org JSON-LD says about the article on a page. */
typedef struct
{
  char *headline;
  char *authors; /* names joined by ", " */
  char *published;
  char *publisher;
  char *url;
  char *language;
} PxJsonLd;

void px_jsonld_clear (PxJsonLd *ld);

/* Reads one <script type="application/ld+json"> body and fills the
 * fields of @ld that are still NULL from the first article object
 * (NewsArticle, Article, BlogPosting, …; a WebPage only as a last
 * resort), following @graph and @id references to the publisher.
 * Malformed or absurdly nested JSON is ignored. */
void px_jsonld_read (const char *json, gsize len, PxJsonLd *ld);

G_END_DECLS
