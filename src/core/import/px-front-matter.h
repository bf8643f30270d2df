/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The citation fields of a YAML front matter block, as written by static
 * site generators, note apps and web clippers. */
typedef struct
{
  char *title;
  char *outlet;
  char *author; /* several joined by ", " */
  char *date;   /* YYYY-MM-DD */
  char *url;
  char *language;
} PxFrontMatter;

/* If @text (LF line ends) starts with a front matter block between "---"
 * lines, fills @fm with the fields it knows (title; outlet, site,
 * publisher; author, authors; date, published; url, link, source; lang)
 * and returns the byte offset where the body starts. Returns 0 and leaves
 * @fm alone when there is no such block. Only the simple YAML such blocks
 * use is read: "key: value", quoted values, and lists. */
gsize px_front_matter_read (const char *text, PxFrontMatter *fm);

void px_front_matter_clear (PxFrontMatter *fm);

G_END_DECLS
