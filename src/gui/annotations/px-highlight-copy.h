/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "documents/px-document.h"

G_BEGIN_DECLS

/* A passage as it is copied from the highlight popover, with where it
 * comes from: outlet, title, date and the article's address.
 *
 * Markdown:    > the passage
 *              >
 *              > — Outlet, [Title](https://…), 6 June 2019
 * Plain text:  “the passage”
 *              — Outlet, “Title”, 6 June 2019, https://…
 */
char *px_highlight_copy_markdown (const char *quote, PxDocument *doc);
char *px_highlight_copy_plain (const char *quote, PxDocument *doc);
/* Puts both on @clipboard: text/markdown, and text/plain for the rest. */
void px_highlight_copy_to_clipboard (GdkClipboard *clipboard, const char *quote, PxDocument *doc);

G_END_DECLS
