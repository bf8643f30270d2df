/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* What an element's class, id and itemprop say about it. A "strong" word
 * marks boilerplate even next to a positive word ("related-articles",
 * "article-share"); a weak one only when nothing positive is there
 * ("sidebar" vs "main-column"). */
typedef struct
{
  gboolean strong;
  gboolean weak;
  gboolean good;
} PxClassHints;

/* Names are split into lower-case tokens, on every character that is not
 * a letter or digit and where a small letter or digit is followed by a
 * capital ("PageBuilder-pageRow" gives page, builder, page, row).
 * Boilerplate words match whole tokens (or a run of them, "read more"),
 * with a plural "s" allowed, never a part of a token: "pager" is not
 * found in "PageBuilder", "hidden" is found in "field--label-hidden".
 * Positive words ("article", "content", ...) may be part of a token
 * ("storycontent"): they only ever protect text. */
PxClassHints px_html_class_hints (xmlNode *node);

/* The tokenizer itself, for tests: the tokens of @name joined by spaces. */
char *px_html_class_tokens (const char *name);

G_END_DECLS
