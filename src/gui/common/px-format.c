/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/common/px-format.h"

#include <glib/gi18n.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

static gboolean
parse_date (const char *text, int *y, int *m, int *d)
{
  int consumed = 0;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%n", y, m, d, &consumed) != 3 || consumed != 10)
    return FALSE;
  return g_date_valid_dmy (*d, *m, *y);
}

/* The month a word names: English, or the language of the user's
 * locale, in full or cut to three letters or more; 0 if none. */
static int
month_of (const char *word)
{
  static const char *const english[] = { "january", "february", "march",     "april",   "may",      "june",
                                         "july",    "august",   "september", "october", "november", "december" };
  g_autofree char *lower = g_utf8_strdown (word, -1);
  size_t len = strlen (lower);

  if (len > 0 && lower[len - 1] == '.')
    lower[--len] = '\0';
  if (g_utf8_strlen (lower, -1) < 3)
    return 0;
  for (int m = 1; m <= 12; m++)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_utc (2000, m, 1, 0, 0, 0);
      g_autofree char *local = g_date_time_format (dt, "%B");
      g_autofree char *local_lower = local ? g_utf8_strdown (local, -1) : NULL;

      if (g_str_has_prefix (english[m - 1], lower) || (local_lower != NULL && g_str_has_prefix (local_lower, lower)))
        return m;
    }
  return 0;
}

char *
px_format_parse_date (const char *text)
{
  g_auto (GStrv) words = NULL;
  g_autofree char *trimmed = NULL;
  int y = 0, m = 0, d = 0;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  if (px_format_is_iso_date (trimmed))
    return g_steal_pointer (&trimmed);
  /* "6 June 2019", "June 6, 2019", "6. Juni 2019" */
  words = g_strsplit_set (trimmed, " ,\t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      char *w = words[i];
      char *end = NULL;
      long n;

      if (*w == '\0')
        continue;
      n = strtol (w, &end, 10);
      if (end != w && (*end == '\0' || g_str_equal (end, ".") || g_str_equal (end, "th") || g_str_equal (end, "st") ||
                       g_str_equal (end, "nd") || g_str_equal (end, "rd")))
        {
          if (n > 31 && y == 0)
            y = (int)n;
          else if (n >= 1 && n <= 31 && d == 0)
            d = (int)n;
          else
            return NULL;
        }
      else if (m == 0 && (m = month_of (w)) != 0)
        ;
      else
        return NULL;
    }
  if (y < 1000 || y > 9999 || m == 0 || d == 0 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

gboolean
px_format_is_iso_date (const char *text)
{
  int y, m, d;

  return text != NULL && strlen (text) == 10 && parse_date (text, &y, &m, &d);
}

char *
px_format_date (const char *published, PxDateStyle style)
{
  g_autoptr (GDateTime) dt = NULL;
  int y, m, d;

  if (published == NULL)
    return NULL;
  if (!parse_date (published, &y, &m, &d))
    return g_strdup (published);
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (style == PX_DATE_SHORT)
    /* Translators: a short date in the library list, see strftime. */
    return g_date_time_format (dt, _ ("%-d %b %Y"));
  /* Translators: the date under an article's title, see strftime. */
  return g_date_time_format (dt, _ ("%-d %B %Y"));
}

char *
px_format_join (const char *const *parts, guint n)
{
  return px_format_join_with (parts, n, " · ");
}

char *
px_format_join_with (const char *const *parts, guint n, const char *separator)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, parts[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
px_format_article_count (guint n)
{
  /* %'u groups digits as the locale does: "10,000", "10.000". */
  return g_strdup_printf (ngettext ("%'u article", "%'u articles", n), n);
}
