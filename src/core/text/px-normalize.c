/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "text/px-normalize.h"

#include <string.h>

gboolean
px_unichar_is_open_quote (gunichar c)
{
  switch (c)
    {
    case '"':
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x00AB: /* « */
    case 0x2018: /* ‘ */
    case 0x201A: /* ‚ */
    case 0x2039: /* ‹ */
    case 0x300C: /* 「 */
    case 0x201F: /* ‟ */
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
px_unichar_is_close_quote (gunichar c)
{
  switch (c)
    {
    case '"':
    case 0x201D: /* ” */
    case 0x201C: /* “ closes „ in German */
    case 0x00BB: /* » */
    case 0x2019: /* ’ */
    case 0x2018: /* ‘ closes ‚ in German */
    case 0x203A: /* › */
    case 0x300D: /* 」 */
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
px_unichar_is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

gboolean
px_unichar_is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

char *
px_normalize_typography (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2026)
        g_string_append (out, "...");
      else if (c == '"' || c == '\'' || c == '-')
        g_string_append_c (out, (char)c);
      else if (px_unichar_is_apostrophe (c) || c == 0x2018 || c == 0x201A || c == 0x2039 || c == 0x203A)
        g_string_append_c (out, '\'');
      else if (px_unichar_is_open_quote (c) || px_unichar_is_close_quote (c))
        g_string_append_c (out, '"');
      else if (px_unichar_is_dash (c))
        g_string_append_c (out, '-');
      else if (c != '\n' && g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else if (c == 0x00A0 || c == 0x202F || c == 0x2009)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
px_normalize_word (const char *word, gssize len)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean has_digit = FALSE;

  g_return_val_if_fail (word != NULL, NULL);

  if (len < 0)
    len = strlen (word);

  /* Fast path: plain ASCII needs no Unicode case folding. */
  out = g_string_sized_new (len);
  for (gssize i = 0; i < len; i++)
    {
      if ((guchar)word[i] >= 0x80)
        {
          g_string_free (out, TRUE);
          out = NULL;
          break;
        }
      if (g_ascii_isdigit (word[i]))
        has_digit = TRUE;
    }

  if (out != NULL)
    {
      for (gssize i = 0; i < len; i++)
        {
          char c = word[i];
          /* Dots only survive between digits ("3.5"); commas never do in a
           * word, which only holds them as thousands separators. */
          if (c == '.' &&
              !(has_digit && i > 0 && i + 1 < len && g_ascii_isdigit (word[i - 1]) && g_ascii_isdigit (word[i + 1])))
            continue;
          if (c == ',')
            continue;
          g_string_append_c (out, g_ascii_tolower (c));
        }
      return g_string_free (out, FALSE);
    }

  folded = g_utf8_casefold (word, len);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (px_unichar_is_apostrophe (c))
        g_string_append_c (out, '\'');
      else if (c == '.' || c == ',')
        {
          const char *next = g_utf8_next_char (p);
          if (c == '.' && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]) && g_ascii_isdigit (*next))
            g_string_append_c (out, '.');
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gsize
px_utf8_byte_offset (const char *text, guint cp_offset)
{
  const char *p = text;

  g_return_val_if_fail (text != NULL, 0);

  for (guint i = 0; i < cp_offset && *p; i++)
    p = g_utf8_next_char (p);
  return p - text;
}

char *
px_utf8_slice (const char *text, guint start, guint end)
{
  gsize b0, b1;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  b0 = px_utf8_byte_offset (text, start);
  b1 = b0 + px_utf8_byte_offset (text + b0, end - start);
  return g_strndup (text + b0, b1 - b0);
}
