/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Character classes with an ASCII fast path, for the tokenizer and the
 * sentence splitter: most characters of most articles are ASCII, and the
 * Unicode tables cost a function call and a lookup per character. */

static inline gunichar
px_get_char (const char *p)
{
  return (guchar)*p < 0x80 ? (gunichar)(guchar)*p : g_utf8_get_char (p);
}

static inline gboolean
px_isalpha (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c);
}

static inline gboolean
px_isdigit (gunichar c)
{
  return c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c);
}

static inline gboolean
px_isupper (gunichar c)
{
  return c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c);
}

static inline gboolean
px_isspace (gunichar c)
{
  return c < 0x80 ? g_ascii_isspace (c) : g_unichar_isspace (c);
}

G_END_DECLS
