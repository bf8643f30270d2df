/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/html/px-html-date.h"

#include <stdlib.h>
#include <string.h>

static char *
format_date (int y, int m, int d)
{
  if (y < 1900 || y > 2200 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static GRegex *
compile_once (GRegex **slot, const char *pattern)
{
  if (g_once_init_enter (slot))
    {
      GRegex *re = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (re != NULL);
      g_once_init_leave (slot, re);
    }
  return *slot;
}

static int
group_int (GMatchInfo *m, int group)
{
  g_autofree char *s = g_match_info_fetch (m, group);
  return s != NULL && *s ? atoi (s) : -1;
}

/* ISO 8601: 2019-06-04, 2019-06-04T10:02, 2019-06-04 10:02:00.123+02:00 */
static char *
parse_iso (const char *value, gboolean anchored)
{
  static GRegex *anchored_re, *loose_re;
  GRegex *re = anchored ? compile_once (&anchored_re, "^\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                                                      "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?\\s*"
                                                      "(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?")
                        : compile_once (&loose_re, "(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})"
                                                   "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?"
                                                   "(Z|[+-]\\d{2}:?\\d{2})?)?(?!\\d)");
  g_autoptr (GMatchInfo) m = NULL;
  g_autofree char *date = NULL;
  g_autofree char *zone = NULL;
  int hh, mm, ss;

  if (!g_regex_match (re, value, 0, &m))
    return NULL;
  date = format_date (group_int (m, 1), group_int (m, 2), group_int (m, 3));
  if (date == NULL)
    return NULL;
  hh = group_int (m, 4);
  mm = group_int (m, 5);
  ss = group_int (m, 6);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss > 60)
    return g_steal_pointer (&date);
  zone = g_match_info_fetch (m, 7);
  if (zone != NULL && (g_ascii_strcasecmp (zone, "utc") == 0 || g_ascii_strcasecmp (zone, "gmt") == 0))
    {
      g_free (zone);
      zone = g_strdup ("Z");
    }
  else if (zone != NULL && (zone[0] == '+' || zone[0] == '-'))
    {
      /* +0200, +02 and +02:00 all become +02:00. */
      char digits[5] = "0000";
      char sign = zone[0];
      int k = 0;
      for (const char *p = zone + 1; *p && k < 4; p++)
        if (g_ascii_isdigit (*p))
          digits[k++] = *p;
      g_free (zone);
      zone = g_strdup_printf ("%c%c%c:%c%c", sign, digits[0], digits[1], digits[2], digits[3]);
    }
  return g_strdup_printf ("%sT%02d:%02d:%02d%s", date, hh, mm, MAX (ss, 0), zone ? zone : "");
}

static int
month_from_name (const char *word)
{
  /* Full names and the usual abbreviations in English, German, French,
   * Spanish, Italian, Dutch and Portuguese. Exact words only: "market"
   * or "marine" must not read as March. */
  static const char *const names[12] = {
    "january januar janvier enero gennaio januari janeiro jan jän jänner janv ene gen",
    "february februar février fevrier febrero febbraio februari fevereiro feb febr févr fév fev",
    "march märz mars marzo maart março mar mär mrt",
    "april avril abril aprile apr avr abr",
    "may mai mayo maggio mei maio mag",
    "june juni juin junio giugno junho jun giu",
    "july juli juillet julio luglio julho jul juil lug",
    "august août aout agosto augustus aug ago",
    "september septembre septiembre setiembre settembre setembro sep sept set",
    "october oktober octobre octubre ottobre outubro oct okt ott out",
    "november novembre noviembre novembro nov",
    "december dezember décembre decembre diciembre dicembre dezembro dec dez déc dic",
  };
  static GHashTable *table;
  g_autofree char *lower = NULL;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (int m = 0; m < 12; m++)
        {
          g_auto (GStrv) words = g_strsplit (names[m], " ", -1);
          for (guint i = 0; words[i]; i++)
            g_hash_table_insert (t, g_strdup (words[i]), GINT_TO_POINTER (m + 1));
        }
      g_once_init_leave (&table, t);
    }
  lower = g_utf8_strdown (word, -1);
  return GPOINTER_TO_INT (g_hash_table_lookup (table, lower));
}

static char *
parse_written (const char *text)
{
  static GRegex *mdy_re, *dmy_re, *dotted_re;
  GRegex *mdy = compile_once (&mdy_re, "(?<![\\p{L}\\d])(\\p{L}{3,10})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
                                       "(?!\\d)");
  GRegex *dmy = compile_once (&dmy_re, "(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?"
                                       "(\\p{L}{3,10})\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})(?!\\d)");
  GRegex *dotted = compile_once (&dotted_re, "(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d])");
  g_autoptr (GMatchInfo) m1 = NULL;
  g_autoptr (GMatchInfo) m2 = NULL;
  g_autoptr (GMatchInfo) m3 = NULL;
  int pos1 = G_MAXINT, pos2 = G_MAXINT, pos3 = G_MAXINT;
  char *best = NULL;
  int best_pos = G_MAXINT;

  /* Take whichever shape appears first in the text. */
  for (g_regex_match (mdy, text, 0, &m1); g_match_info_matches (m1); g_match_info_next (m1, NULL))
    {
      g_autofree char *word = g_match_info_fetch (m1, 1);
      int month = month_from_name (word);
      if (month > 0)
        {
          g_autofree char *d = format_date (group_int (m1, 3), month, group_int (m1, 2));
          if (d != NULL)
            {
              g_match_info_fetch_pos (m1, 0, &pos1, NULL);
              best = g_steal_pointer (&d);
              best_pos = pos1;
              break;
            }
        }
    }
  for (g_regex_match (dmy, text, 0, &m2); g_match_info_matches (m2); g_match_info_next (m2, NULL))
    {
      g_autofree char *word = g_match_info_fetch (m2, 2);
      int month = month_from_name (word);
      if (month > 0)
        {
          g_autofree char *d = format_date (group_int (m2, 3), month, group_int (m2, 1));
          if (d != NULL)
            {
              g_match_info_fetch_pos (m2, 0, &pos2, NULL);
              if (pos2 < best_pos)
                {
                  g_free (best);
                  best = g_steal_pointer (&d);
                  best_pos = pos2;
                }
              break;
            }
        }
    }
  if (g_regex_match (dotted, text, 0, &m3))
    {
      g_autofree char *d = format_date (group_int (m3, 3), group_int (m3, 2), group_int (m3, 1));
      g_match_info_fetch_pos (m3, 0, &pos3, NULL);
      if (d != NULL && pos3 < best_pos)
        {
          g_free (best);
          best = g_steal_pointer (&d);
        }
    }
  return best;
}

char *
px_html_date_normalize (const char *value)
{
  char *iso;

  if (value == NULL || *value == '\0' || strlen (value) > 200)
    return NULL;
  iso = parse_iso (value, TRUE);
  if (iso != NULL)
    return iso;
  /* 20190604 */
  if (strlen (value) == 8 && strspn (value, "0123456789") == 8)
    {
      int n = atoi (value);
      return format_date (n / 10000, (n / 100) % 100, n % 100);
    }
  return px_html_date_from_text (value);
}

char *
px_html_date_from_text (const char *text)
{
  g_autofree char *written = NULL;
  char *iso;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  written = parse_written (text);
  if (written != NULL)
    return g_steal_pointer (&written);
  iso = parse_iso (text, FALSE);
  return iso;
}

char *
px_html_date_from_url (const char *url)
{
  static GRegex *slash_re, *dash_re, *compact_re, *month_re, *dmy_re;
  GRegex *slash = compile_once (&slash_re, "/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})(?:/|$)");
  GRegex *dash = compile_once (&dash_re, "[/_-]((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?!\\d)");
  GRegex *compact = compile_once (&compact_re, "/((?:19|20)\\d{2})(\\d{2})(\\d{2})(?:/|-|_|\\.)");
  GRegex *month = compile_once (&month_re, "/((?:19|20)\\d{2})-(\\d{2})/(\\d{2})/");
  GRegex *res[] = { slash, dash, compact, month };
  GRegex *dmy = compile_once (&dmy_re, "/(\\d{2})-(\\d{2})-((?:19|20)\\d{2})(?:/|-|_|\\.|$)");
  const char *archived;

  if (url == NULL)
    return NULL;
  /* An archived copy: the date of the original address, not of the copy
   * (web.archive.org/web/20160218174457/http://…). */
  archived = strstr (url, "://web.archive.org/web/");
  if (archived != NULL)
    {
      const char *inner = strstr (archived + 3, "/http");
      if (inner == NULL)
        return NULL;
      url = inner + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (res); i++)
    {
      g_autoptr (GMatchInfo) m = NULL;
      if (g_regex_match (res[i], url, 0, &m))
        {
          char *d = format_date (group_int (m, 1), group_int (m, 2), group_int (m, 3));
          if (d != NULL)
            return d;
        }
    }
  /* "/23-01-2022-slug": day first, as most of the world writes it, but
   * only when the day cannot be a month (04-05-2022 stays unread). */
  {
    g_autoptr (GMatchInfo) m = NULL;
    if (g_regex_match (dmy, url, 0, &m) && group_int (m, 1) > 12)
      return format_date (group_int (m, 3), group_int (m, 2), group_int (m, 1));
  }
  return NULL;
}
