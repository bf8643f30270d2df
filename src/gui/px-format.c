/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/px-format.h"

#include <glib/gi18n.h>
#include <string.h>
#include <stdio.h>

static gboolean
parse_date (const char *text, int *y, int *m, int *d)
{
  int consumed = 0;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%n", y, m, d, &consumed) != 3 || consumed != 10)
    return FALSE;
  return g_date_valid_dmy (*d, *m, *y);
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
