/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds the character set of a web page the way browsers do, in order: a
 * byte order mark, the charset parameter of the HTTP Content-Type header
 * (@content_type, may be NULL), a <meta charset> or <meta http-equiv> near
 * the start, and finally UTF-8 if the bytes are valid UTF-8, else
 * windows-1252. Returns a lower-case label such as "utf-8". */
char *px_charset_detect (const guint8 *data, gsize len, const char *content_type, gsize *bom_len);

/* Decodes @data to UTF-8 using px_charset_detect(). Invalid byte sequences
 * become U+FFFD rather than failing the whole page; only an unknown or
 * unsupported character set is an error. */
char *px_charset_to_utf8 (const guint8 *data, gsize len, const char *content_type, gsize *out_len, char **out_charset,
                          GError **error);

/* The charset parameter of a Content-Type value, lower case, or NULL. */
char *px_charset_from_content_type (const char *content_type);

G_END_DECLS
