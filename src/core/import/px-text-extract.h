/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "import/px-front-matter.h"
#include "documents/px-document.h"

G_BEGIN_DECLS

/* One logical line of an article as an importer read it: a paragraph
 * (wrapped lines already joined), a heading, a list item, or a short line
 * such as a menu item or a byline. */
typedef struct
{
  char *text;
  PxBlockKind kind; /* what the markup said; PX_BLOCK_PARAGRAPH when plain */
  gboolean marked;  /* the kind came from markup ("#", "-", ">") */
  guint group;      /* lines between blank lines share a group */
} PxTextLine;

GPtrArray *px_text_lines_new (void);
void px_text_lines_add (GPtrArray *units, const char *text, PxBlockKind kind, gboolean marked, guint group);

/* Checks and normalises the bytes of a text file: drops a UTF-8 byte order
 * mark, refuses invalid UTF-8 with a message that says where, and turns
 * CRLF and CR line ends into LF. */
char *px_text_prepare (GBytes *data, GError **error);

/* Finds the article among the units: its title, outlet, author, date and
 * URL where the text states them (front matter first, when given), and
 * its body without menus, bylines, share bars, "Related" lists, footers,
 * author bios and promotions. Fails with PX_IMPORT_ERROR_EMPTY when no
 * article text is left. */
PxDocument *px_text_extract (GPtrArray *units, const PxFrontMatter *fm, GError **error);

G_END_DECLS
