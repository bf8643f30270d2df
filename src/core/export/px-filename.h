/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest stem px_sanitize_filename() returns, in bytes: room is left
 * for " (999)" and an extension within the usual 255-byte limit. */
#define PX_FILENAME_MAX_STEM 200

/* Turns a title (any bytes, from an imported page) into a file name stem
 * that is safe in any folder: valid UTF-8 in NFC, no path separators, no
 * control or bidirectional-override characters, no leading dot (so never
 * "." or ".." or a hidden file), no characters that FAT or Windows refuse,
 * not a reserved device name, at most PX_FILENAME_MAX_STEM bytes. When
 * nothing usable is left, @fallback (sanitized the same way) is used. */
char *px_sanitize_filename (const char *title, const char *fallback);

/* The path of a file in @dir named @stem (sanitized) with @extension
 * (such as "md"), adding " (2)", " (3)", … so that no existing file is
 * named. Never returns a path outside @dir. */
char *px_filename_build_unique (const char *dir, const char *stem, const char *extension);

G_END_DECLS
