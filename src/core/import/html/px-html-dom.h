/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Small helpers over libxml2's HTML tree shared by the extractor and the
 * metadata reader. Every walk is iterative: a hostile page can nest
 * elements 100,000 deep, and recursion would overflow the stack. */

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Parses UTF-8 HTML leniently. Never fetches anything (no network, no
 * external entities). NULL only when libxml2 could not build a tree. */
htmlDocPtr px_html_parse (const char *utf8, gsize len);

/* TRUE if @node is an element named @name (lower-case, as libxml2's HTML
 * parser stores names). */
gboolean px_html_is (xmlNode *node, const char *name);

/* An attribute's value (owned by the caller's g_autofree), or NULL. */
char *px_html_attr (xmlNode *node, const char *name);

/* The next node in document order (pre-order), not entering @node's
 * children when @skip_children; NULL after the last node under @root. */
xmlNode *px_html_next (xmlNode *node, xmlNode *root, gboolean skip_children);

/* The visible text under @node with whitespace collapsed and trimmed,
 * skipping scripts and styles; at most @max_bytes (0: no limit). */
char *px_html_text (xmlNode *node, gsize max_bytes);

/* Whitespace collapsed to single spaces and trimmed; NULL if empty. */
char *px_html_clean_space (const char *text);

G_END_DECLS
