/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/html/px-html-doctype.h"

#include <string.h>

/* The start of the DOCTYPE, if the page opens with one (after a byte
 * order mark, white space and comments). */
static const char *
find_doctype (const char *p, const char *end)
{
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");
          if (close == NULL)
            return NULL;
          p = close + 3;
          continue;
        }
      break;
    }
  if (end - p >= 9 && g_ascii_strncasecmp (p, "<!doctype", 9) == 0)
    return p;
  return NULL;
}

/* Adds the names of the <!ENTITY NAME …> declarations in [start, end). */
static void
collect_entities (const char *start, const char *end, GHashTable *names)
{
  for (const char *p = start; p < end;)
    {
      const char *decl = g_strstr_len (p, end - p, "<!ENTITY");
      const char *name;

      if (decl == NULL)
        break;
      p = decl + 8;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && *p == '%') /* a parameter entity */
        continue;
      name = p;
      while (p < end && !g_ascii_isspace (*p) && *p != '>' && *p != '"' && *p != '\'')
        p++;
      if (p > name)
        g_hash_table_add (names, g_strndup (name, p - name));
    }
}

/* The end of the subset that opens at @open ("["): the "]" outside any
 * quoted value, or NULL. */
static const char *
subset_end (const char *open, const char *end)
{
  char quote = 0;

  for (const char *p = open + 1; p < end; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == ']')
        return p;
    }
  return NULL;
}

char *
px_html_strip_doctype_subset (const char *utf8, gsize len, gsize *out_len)
{
  const char *end = utf8 + len;
  const char *doctype = find_doctype (utf8, end);
  const char *open = NULL, *close, *gt;
  g_autoptr (GHashTable) names = NULL;
  GString *out;

  if (doctype == NULL)
    return NULL;
  /* The subset's "[", outside the quoted public and system ids. */
  for (const char *p = doctype + 9, *q = NULL; p < end && (q != NULL || *p != '>'); p++)
    if (q != NULL)
      q = *p == *q ? NULL : q;
    else if (*p == '"' || *p == '\'')
      q = p;
    else if (*p == '[')
      {
        open = p;
        break;
      }
  if (open == NULL)
    return NULL;
  /* A subset that never closes is left to the parser: cutting it would
   * take the whole page with it. */
  close = subset_end (open, end);
  if (close == NULL)
    return NULL;
  gt = close + 1;
  while (gt < end && g_ascii_isspace (*gt))
    gt++;
  if (gt < end && *gt == '>')
    gt++;

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  collect_entities (open, close, names);

  out = g_string_sized_new (len);
  g_string_append_len (out, utf8, open - utf8);
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '>');
  for (const char *p = gt; p < end;)
    {
      const char *amp = memchr (p, '&', end - p);
      const char *semi;

      if (amp == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, amp - p);
      semi = amp + 1;
      while (semi < end && semi - amp <= 64 &&
             (g_ascii_isalnum (*semi) || *semi == '_' || *semi == '-' || *semi == '.' || *semi == ':'))
        semi++;
      if (semi < end && *semi == ';' && semi > amp + 1)
        {
          g_autofree char *name = g_strndup (amp + 1, semi - amp - 1);

          if (g_hash_table_contains (names, name))
            {
              p = semi + 1;
              continue;
            }
        }
      g_string_append_c (out, '&');
      p = amp + 1;
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}
