/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "import/px-importer.h"

G_BEGIN_DECLS

/* Markdown files, as saved by note apps and web clippers: YAML front
 * matter for the citation, headings, lists and block quotes kept as such,
 * inline markup and images dropped, then the same boilerplate removal as
 * plain text. */
#define PX_TYPE_MARKDOWN_IMPORTER (px_markdown_importer_get_type ())
G_DECLARE_FINAL_TYPE (PxMarkdownImporter, px_markdown_importer, PX, MARKDOWN_IMPORTER, GObject)

PxImporter *px_markdown_importer_new (void);

/* Markdown inline markup to plain text: "[a](url)" → "a", "**b**" → "b". */
char *px_markdown_strip_inline (const char *text);

G_END_DECLS
