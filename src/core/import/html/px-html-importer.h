/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "import/px-importer.h"

G_BEGIN_DECLS

/* Web pages: the article's text and metadata out of an HTML file or a
 * fetched page. The document keeps the original bytes (raw) so it can be
 * extracted again later. */
#define PX_TYPE_HTML_IMPORTER (px_html_importer_get_type ())
G_DECLARE_FINAL_TYPE (PxHtmlImporter, px_html_importer, PX, HTML_IMPORTER, GObject)

PxImporter *px_html_importer_new (void);

/* TRUE if @head starts like an HTML document (after a BOM, white space
 * and comments): <!doctype html, <html, <head, <body… */
gboolean px_html_looks_like_html (const guint8 *head, gsize len);

G_END_DECLS
