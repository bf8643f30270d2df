/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "export/px-markdown.h"

#include <string.h>

/* Escaped wherever they are: they open inline constructs (emphasis, code,
 * links, HTML, entities), GFM tables and strikethrough, math ($), or, in
 * Obsidian, tags (#), highlights (==) and block ids (^). */
static gboolean
always_escaped (char c)
{
  return strchr ("\\`*_[]<#|~=$^", c) != NULL;
}

static void
append_ref (GString *out, gunichar c)
{
  g_string_append_printf (out, "&#%u;", c);
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Escapes what would start a block at the beginning of a line, and
 * returns how many bytes of @p it wrote: list markers ("-", "+", "1.",
 * "1)") and block quotes (">"). The rest ("#", "*", "`", "~", "<", "=",
 * "|", "_") is escaped everywhere anyway. */
static gsize
escape_line_start (GString *out, const char *p, const char *end)
{
  const char *q = p;

  if (p >= end)
    return 0;
  if (*p == '-' || *p == '+' || *p == '>')
    {
      g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
      return 1;
    }
  while (q < end && q - p < 10 && g_ascii_isdigit (*q))
    q++;
  if (q > p && q < end && (*q == '.' || *q == ')'))
    {
      g_string_append_len (out, p, q - p);
      g_string_append_c (out, '\\');
      g_string_append_c (out, *q);
      return q - p + 1;
    }
  return 0;
}

static void
append_escaped_valid (GString *out, const char *text, gsize len, PxMarkdownEscapeFlags flags)
{
  const char *p = text, *end = text + len, *tail = end;

  if (flags & PX_MARKDOWN_ESCAPE_LINE_END)
    while (tail > p && is_blank (tail[-1]))
      tail--;
  if (flags & PX_MARKDOWN_ESCAPE_LINE_START)
    {
      /* Leading blanks would be stripped, or make an indented code block. */
      while (p < tail && is_blank (*p))
        append_ref (out, (guchar)*p++);
      p += escape_line_start (out, p, tail);
    }

  for (; p < tail; p++)
    {
      char c = *p;

      if (always_escaped (c))
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c == '&' && p + 1 < tail && (g_ascii_isalnum (p[1]) || p[1] == '#'))
        g_string_append (out, "\\&"); /* would start an entity */
      else if (c == '%' && p + 1 < tail && p[1] == '%')
        g_string_append (out, "\\%"); /* an Obsidian comment */
      else if (((guchar)c < 0x20 && c != '\t') || c == 0x7f)
        append_ref (out, (guchar)c); /* line endings, form feeds… */
      else if (tail - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
        {
          /* U+FEFF: a parser drops it as a byte order mark at the start
           * of a document, so it is kept as a reference. */
          append_ref (out, 0xfeff);
          p += 2;
        }
      else
        g_string_append_c (out, c);
    }
  for (; p < end; p++)
    append_ref (out, (guchar)*p);
}

void
px_markdown_append_escaped (GString *out, const char *text, gssize len, PxMarkdownEscapeFlags flags)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  if (len < 0)
    len = strlen (text);
  if (g_utf8_validate_len (text, len, NULL))
    append_escaped_valid (out, text, len, flags);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, len);
      append_escaped_valid (out, valid, strlen (valid), flags);
    }
}

char *
px_markdown_escape_inline (const char *text)
{
  GString *out = g_string_new (NULL);

  px_markdown_append_escaped (out, text, -1, PX_MARKDOWN_ESCAPE_LINE_START | PX_MARKDOWN_ESCAPE_LINE_END);
  return g_string_free (out, FALSE);
}

/* CRLF and CR become LF; invalid UTF-8 becomes U+FFFD. */
static char *
normalize_newlines (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* One paragraph, text[a, b): newlines at its edges would be dropped by
 * Markdown and are kept as references; inside, each "\n" is a hard line
 * break (a backslash at the end of the line). */
static void
append_paragraph (GString *out, const char *prefix, const char *a, const char *b)
{
  const char *lead = a, *trail = b;

  while (lead < b && *lead == '\n')
    lead++;
  while (trail > lead && trail[-1] == '\n')
    trail--;

  g_string_append (out, prefix);
  for (const char *p = a; p < lead; p++)
    append_ref (out, '\n');
  while (lead < trail)
    {
      const char *nl = memchr (lead, '\n', trail - lead);
      const char *line_end = nl != NULL ? nl : trail;

      px_markdown_append_escaped (out, lead, line_end - lead,
                                  PX_MARKDOWN_ESCAPE_LINE_START | PX_MARKDOWN_ESCAPE_LINE_END);
      if (nl == NULL)
        break;
      g_string_append (out, "\\\n");
      g_string_append (out, prefix);
      lead = nl + 1;
    }
  for (const char *p = trail; p < b; p++)
    append_ref (out, '\n');
  g_string_append_c (out, '\n');
}

void
px_markdown_append_paragraphs (GString *out, const char *prefix, const char *text)
{
  g_autofree char *norm = NULL;
  g_autofree char *separator = NULL;
  const char *p, *end;

  g_return_if_fail (out != NULL);
  g_return_if_fail (prefix != NULL);

  if (text == NULL || *text == '\0')
    return;
  norm = normalize_newlines (text);
  separator = g_strchomp (g_strdup (prefix));
  p = norm;
  end = norm + strlen (norm);
  while (p < end)
    {
      const char *body = p, *split;

      /* Newlines that open a paragraph belong to it (as references): a
       * split is only looked for after its first other character. */
      while (body < end && *body == '\n')
        body++;
      split = body < end ? strstr (body, "\n\n") : NULL;
      if (split == NULL || split + 2 >= end)
        {
          append_paragraph (out, prefix, p, end);
          break;
        }
      append_paragraph (out, prefix, p, split);
      g_string_append (out, separator);
      g_string_append_c (out, '\n');
      p = split + 2;
    }
}

void
px_markdown_append_block_quote (GString *out, const char *text)
{
  g_return_if_fail (out != NULL);

  if (text == NULL || *text == '\0')
    {
      g_string_append (out, ">\n");
      return;
    }
  px_markdown_append_paragraphs (out, "> ", text);
}

char *
px_yaml_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_new ("\"");

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '<':
          g_string_append (out, "\\x3C");
          break;
        case 0x85:
          g_string_append (out, "\\N");
          break;
        case 0x2028:
          g_string_append (out, "\\L");
          break;
        case 0x2029:
          g_string_append (out, "\\P");
          break;
        case 0xFEFF:
          g_string_append (out, "\\uFEFF");
          break;
        default:
          if (c < 0x20 || (c >= 0x7f && c < 0xa0))
            g_string_append_printf (out, "\\x%02X", c);
          else
            g_string_append_unichar (out, c);
        }
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

char *
px_markdown_link_destination (const char *url)
{
  g_autofree char *valid = g_utf8_make_valid (url != NULL ? url : "", -1);
  GString *out = g_string_new ("<");

  for (const char *p = valid; *p; p++)
    {
      guchar c = *p;

      if (c == '<' || c == '>' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "%%%02X", c); /* a destination is one line */
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '>');
  return g_string_free (out, FALSE);
}

char *
px_markdown_file_link (const char *file_name)
{
  g_return_val_if_fail (file_name != NULL, NULL);

  /* Unreserved characters and UTF-8 stay readable; spaces, parentheses,
   * "#", "%", "?" and the rest are percent-encoded. */
  return g_uri_escape_string (file_name, "!$&'*+,;=:@", TRUE);
}

static const char *const months[] = {
  "January", "February", "March",     "April",   "May",      "June",
  "July",    "August",   "September", "October", "November", "December",
};

char *
px_markdown_format_date (const char *iso)
{
  guint64 year, month = 0, day = 0;
  char digits[5];

  if (iso == NULL)
    return NULL;
  if (strlen (iso) < 4 || !g_ascii_isdigit (iso[0]) || !g_ascii_isdigit (iso[1]) || !g_ascii_isdigit (iso[2]) ||
      !g_ascii_isdigit (iso[3]))
    return g_strdup (iso);
  memcpy (digits, iso, 4);
  digits[4] = '\0';
  year = g_ascii_strtoull (digits, NULL, 10);
  if (iso[4] == '\0')
    return g_strdup_printf ("%04u", (guint)year);
  if (iso[4] != '-' || !g_ascii_isdigit (iso[5]) || !g_ascii_isdigit (iso[6]))
    return g_strdup (iso);
  month = (iso[5] - '0') * 10 + (iso[6] - '0');
  if (month < 1 || month > 12)
    return g_strdup (iso);
  if (iso[7] == '\0')
    return g_strdup_printf ("%s %04u", months[month - 1], (guint)year);
  if (iso[7] != '-' || !g_ascii_isdigit (iso[8]) || !g_ascii_isdigit (iso[9]) ||
      (iso[10] != '\0' && iso[10] != 'T' && iso[10] != ' '))
    return g_strdup (iso);
  day = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (day < 1 || day > 31)
    return g_strdup (iso);
  return g_strdup_printf ("%u %s %04u", (guint)day, months[month - 1], (guint)year);
}
