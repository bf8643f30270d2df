/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes what an export killed while writing left in @dir: temporaries
 * "NAME.md.XXXXXX" that are empty or begin as an export does. Anything
 * else is left alone. */
void px_cli_export_clean_temporaries (const char *dir);

/* The path in @dir for an export of @title whose text is @markdown: the
 * title's file name, unless a file there was not written by Parallax for
 * the same document, event or tag; then "NAME (2).md", "NAME (3).md"…
 * Parallax never overwrites what it did not write. */
char *px_cli_export_pick_path (const char *dir, const char *title, const char *markdown);

G_END_DECLS
