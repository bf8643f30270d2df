/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-dateline-time.h"

#include <stdlib.h>
#include <string.h>

/* Time zones as datelines abbreviate them. A fixed offset in minutes, or
 * for the North American "ET", "CT", "MT" and "PT", which are standard or
 * daylight time by the date, the zone whose rules decide. Abbreviations
 * that name several zones ("IST": India, Ireland, Israel) are left out. */
typedef struct
{
  const char *name;
  int minutes;
  const char *zone;
} Zone;

static const Zone zones[] = {
  { "gmt", 0, NULL },
  { "utc", 0, NULL },
  { "z", 0, NULL },
  { "wet", 0, NULL },
  { "west", 60, NULL },
  { "bst", 60, NULL },
  { "cet", 60, NULL },
  { "mez", 60, NULL },
  { "cest", 120, NULL },
  { "mesz", 120, NULL },
  { "eet", 120, NULL },
  { "eest", 180, NULL },
  { "msk", 180, NULL },
  { "est", -300, NULL },
  { "edt", -240, NULL },
  { "cst", -360, NULL },
  { "cdt", -300, NULL },
  { "mst", -420, NULL },
  { "mdt", -360, NULL },
  { "pst", -480, NULL },
  { "pdt", -420, NULL },
  { "hkt", 480, NULL },
  { "sgt", 480, NULL },
  { "awst", 480, NULL },
  { "jst", 540, NULL },
  { "kst", 540, NULL },
  { "acst", 570, NULL },
  { "aest", 600, NULL },
  { "aedt", 660, NULL },
  { "nzst", 720, NULL },
  { "nzdt", 780, NULL },
  { "et", 0, "America/New_York" },
  { "ct", 0, "America/Chicago" },
  { "mt", 0, "America/Denver" },
  { "pt", 0, "America/Los_Angeles" },
};

#define TIME_RE                                                                          \
  "(?<h>\\d{1,2})(?:[:.h](?<m>\\d{2}))?(?::(?<s>\\d{2}))?"                               \
  "(?:\\s*(?<ap>[ap])\\.?\\s?m\\.?(?!\\p{L}))?(?:\\s*uhr)?"                              \
  "\\s*\\(?\\s*(?:(?<base>utc|gmt)\\s*(?<bsign>[+-])(?<bh>\\d{1,2})(?::?(?<bm>\\d{2}))?" \
  "|(?<sign>[+-])(?<oh>\\d{2}):?(?<om>\\d{2})|(?<abbr>\\p{L}{1,5}))(?![\\p{L}\\d])"

static GRegex *after_regex, *before_regex, *any_regex, *update_regex;

static void
ensure_regexes (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      after_regex = g_regex_new ("^[T\\s,;|·•/–—-]*(?:(?:at|um|à|a las|alle|ore|om|kl\\.?)\\s+)?" TIME_RE,
                                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      before_regex = g_regex_new ("(?<![\\d:.])" TIME_RE "\\)?[\\s,;|·•–—-]*(?:on\\s+)?$",
                                  G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      any_regex = g_regex_new ("(?<![\\d:.])" TIME_RE, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      update_regex = g_regex_new ("updat|modifi|aktualisiert|geändert|mis à jour|mise à jour|actualiz|aggiornat|"
                                  "bijgewerkt|revised|edited",
                                  G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
}

static int
named_int (GMatchInfo *info, const char *name, int fallback)
{
  g_autofree char *s = g_match_info_fetch_named (info, name);
  return s != NULL && *s != '\0' ? atoi (s) : fallback;
}

static gboolean
named_present (GMatchInfo *info, const char *name)
{
  g_autofree char *s = g_match_info_fetch_named (info, name);
  return s != NULL && *s != '\0';
}

/* An offset written as a sign, hours and minutes in the named groups. */
static gboolean
written_offset (GMatchInfo *info, const char *sign_group, const char *hours, const char *minutes, int *offset)
{
  g_autofree char *sign = g_match_info_fetch_named (info, sign_group);
  int h = named_int (info, hours, 0), m = named_int (info, minutes, 0);

  if (h > 14 || m > 59)
    return FALSE;
  *offset = (*sign == '-' ? -1 : 1) * (h * 60 + m);
  return TRUE;
}

/* The UTC offset in minutes of the zone the match names at that local
 * time, FALSE when the zone is unknown. */
static gboolean
zone_offset (GMatchInfo *info, int year, int month, int day, int hour, int minute, int *offset)
{
  g_autofree char *abbr = g_match_info_fetch_named (info, "abbr");

  if (named_present (info, "bsign"))
    return written_offset (info, "bsign", "bh", "bm", offset);
  if (named_present (info, "sign"))
    return written_offset (info, "sign", "oh", "om", offset);
  if (abbr == NULL || *abbr == '\0')
    return FALSE;
  {
    g_autofree char *folded = g_ascii_strdown (abbr, -1);

    for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
      {
        g_autoptr (GTimeZone) tz = NULL;
        g_autoptr (GDateTime) local = NULL;

        if (strcmp (folded, zones[i].name) != 0)
          continue;
        if (zones[i].zone == NULL)
          {
            *offset = zones[i].minutes;
            return TRUE;
          }
        /* Without the zone's rules (no tzdata), no offset is guessed. */
        tz = g_time_zone_new_identifier (zones[i].zone);
        if (tz == NULL)
          return FALSE;
        local = g_date_time_new (tz, year, month, day, hour, minute, 0);
        if (local == NULL)
          return FALSE;
        *offset = (int)(g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE);
        return TRUE;
      }
  }
  return FALSE;
}

/* @date with the time of the match, or NULL when it is no valid time. */
static char *
timed (GMatchInfo *info, const char *date)
{
  int year = atoi (date), month = atoi (date + 5), day = atoi (date + 8);
  int hour = named_int (info, "h", -1), minute = named_int (info, "m", -1), second = named_int (info, "s", 0);
  int offset;
  g_autofree char *ap = g_match_info_fetch_named (info, "ap");

  /* A bare number ("4 June 2019 14 GMT") is no time of day. */
  if (minute < 0 && (ap == NULL || *ap == '\0'))
    return NULL;
  if (minute < 0)
    minute = 0;
  if (ap != NULL && *ap != '\0')
    {
      if (hour < 1 || hour > 12)
        return NULL;
      hour = hour % 12 + (g_ascii_tolower (*ap) == 'p' ? 12 : 0);
    }
  if (hour > 23 || minute > 59 || second > 59)
    return NULL;
  if (!zone_offset (info, year, month, day, hour, minute, &offset))
    return NULL;
  return g_strdup_printf ("%sT%02d:%02d:%02d%c%02d:%02d", date, hour, minute, second, offset < 0 ? '-' : '+',
                          ABS (offset) / 60, ABS (offset) % 60);
}

char *
px_dateline_time (const char *line, gsize start, gsize end, const char *date)
{
  g_autoptr (GMatchInfo) info = NULL;
  const char *after;
  char *result = NULL;

  g_return_val_if_fail (line != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);
  if (strlen (date) != 10 || start > end || end > strlen (line))
    return NULL;
  ensure_regexes ();

  /* An ISO date's match takes a time written with it ("2019-06-04
   * 10:02"): read that time again, with its zone. */
  after = line + end;
  if (end - start > 10 && g_ascii_isdigit (line[start]) && g_ascii_isdigit (line[start + 3]) &&
      !g_ascii_isdigit (line[start + 4]))
    after = line + start + 10;
  if (g_regex_match (after_regex, after, 0, &info))
    result = timed (info, date);
  g_clear_pointer (&info, g_match_info_free);
  if (result == NULL)
    {
      g_autofree char *before = g_strndup (line, start);

      if (g_regex_match (before_regex, before, 0, &info))
        result = timed (info, date);
    }
  return result;
}

char *
px_dateline_time_in (const char *text, const char *date)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *head = NULL;
  char *result = NULL;
  int cut;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);
  if (strlen (date) != 10 || strlen (text) > 160)
    return NULL;
  ensure_regexes ();
  if (g_regex_match (update_regex, text, 0, &info))
    g_match_info_fetch_pos (info, 0, &cut, NULL);
  else
    cut = (int)strlen (text);
  g_clear_pointer (&info, g_match_info_free);
  head = g_strndup (text, cut);
  g_regex_match (any_regex, head, 0, &info);
  while (g_match_info_matches (info))
    {
      char *t = timed (info, date);

      if (t != NULL && result != NULL)
        {
          /* Two times: which is the publication's is not known. */
          g_free (t);
          g_clear_pointer (&result, g_free);
          break;
        }
      if (t != NULL)
        result = t;
      g_match_info_next (info, NULL);
    }
  return result;
}
