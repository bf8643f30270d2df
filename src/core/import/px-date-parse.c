/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-date-parse.h"

#include <string.h>

#include "import/px-dateline-time.h"

typedef struct
{
  const char *name;
  int month;
} MonthName;

/* Casefolded, without the trailing dot of abbreviations. */
static const MonthName month_names[] = {
  /* English */
  { "january", 1 },
  { "jan", 1 },
  { "february", 2 },
  { "feb", 2 },
  { "march", 3 },
  { "mar", 3 },
  { "april", 4 },
  { "apr", 4 },
  { "may", 5 },
  { "june", 6 },
  { "jun", 6 },
  { "july", 7 },
  { "jul", 7 },
  { "august", 8 },
  { "aug", 8 },
  { "september", 9 },
  { "sep", 9 },
  { "sept", 9 },
  { "october", 10 },
  { "oct", 10 },
  { "november", 11 },
  { "nov", 11 },
  { "december", 12 },
  { "dec", 12 },
  /* German */
  { "januar", 1 },
  { "jänner", 1 },
  { "jän", 1 },
  { "februar", 2 },
  { "märz", 3 },
  { "maerz", 3 },
  { "mär", 3 },
  { "mai", 5 },
  { "juni", 6 },
  { "juli", 7 },
  { "oktober", 10 },
  { "okt", 10 },
  { "dezember", 12 },
  { "dez", 12 },
  /* French */
  { "janvier", 1 },
  { "janv", 1 },
  { "février", 2 },
  { "fevrier", 2 },
  { "févr", 2 },
  { "fevr", 2 },
  { "mars", 3 },
  { "avril", 4 },
  { "avr", 4 },
  { "juin", 6 },
  { "juillet", 7 },
  { "juil", 7 },
  { "août", 8 },
  { "aout", 8 },
  { "septembre", 9 },
  { "octobre", 10 },
  { "novembre", 11 },
  { "décembre", 12 },
  { "decembre", 12 },
  { "déc", 12 },
  /* Spanish */
  { "enero", 1 },
  { "febrero", 2 },
  { "marzo", 3 },
  { "abril", 4 },
  { "mayo", 5 },
  { "junio", 6 },
  { "julio", 7 },
  { "agosto", 8 },
  { "septiembre", 9 },
  { "setiembre", 9 },
  { "octubre", 10 },
  { "noviembre", 11 },
  { "diciembre", 12 },
  /* Dutch */
  { "januari", 1 },
  { "februari", 2 },
  { "maart", 3 },
  { "mei", 5 },
  { "augustus", 8 },
  /* Italian */
  { "gennaio", 1 },
  { "febbraio", 2 },
  { "aprile", 4 },
  { "maggio", 5 },
  { "giugno", 6 },
  { "luglio", 7 },
  { "settembre", 9 },
  { "ottobre", 10 },
  { "dicembre", 12 },
};

/* Words that may surround a date on a date line. */
static const char *const noise_words[] = {
  "published",
  "publish",
  "posted",
  "updated",
  "last",
  "modified",
  "first",
  "date",
  "dated",
  "on",
  "at",
  "of",
  "the",
  "and",
  "am",
  "pm",
  "a",
  "m",
  "gmt",
  "utc",
  "bst",
  "cet",
  "cest",
  "est",
  "edt",
  "cst",
  "cdt",
  "pst",
  "pdt",
  "mst",
  "mdt",
  "et",
  "pt",
  "ist",
  "jst",
  "aest",
  "z",
  "t",
  "h",
  "uhr",
  "um",
  "veröffentlicht",
  "aktualisiert",
  "stand",
  "vom",
  "publié",
  "publie",
  "le",
  "mis",
  "à",
  "a",
  "jour",
  "modifié",
  "publicado",
  "el",
  "actualizado",
  "de",
  "las",
  "gepubliceerd",
  "op",
  "bijgewerkt",
  "pubblicato",
  "il",
  "aggiornato",
  "alle",
  "ore",
  /* weekdays */
  "monday",
  "mon",
  "tuesday",
  "tue",
  "tues",
  "wednesday",
  "wed",
  "thursday",
  "thu",
  "thur",
  "thurs",
  "friday",
  "fri",
  "saturday",
  "sat",
  "sunday",
  "sun",
  "montag",
  "dienstag",
  "mittwoch",
  "donnerstag",
  "freitag",
  "samstag",
  "sonnabend",
  "sonntag",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
  "lunes",
  "martes",
  "miércoles",
  "jueves",
  "viernes",
  "sábado",
  "domingo",
  "maandag",
  "dinsdag",
  "woensdag",
  "donderdag",
  "vrijdag",
  "zaterdag",
  "zondag",
  "lunedì",
  "martedì",
  "mercoledì",
  "giovedì",
  "venerdì",
  "sabato",
  "domenica",
};

static const char *const update_words[] = { "updated",     "modified",   "aktualisiert", "mis",  "modifié",
                                            "actualizado", "bijgewerkt", "aggiornato",   "stand" };

enum
{
  PAT_ISO,
  PAT_DAY_MONTH_YEAR,
  PAT_MONTH_DAY_YEAR,
  PAT_DOTTED,
  PAT_SLASHED,
  N_PATTERNS
};

static GRegex *patterns[N_PATTERNS];
static GRegex *time_regex;

static void
ensure_patterns (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      const char *sources[N_PATTERNS] = {
        [PAT_ISO] = "(?<![\\d])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d])"
                    "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?",
        [PAT_DAY_MONTH_YEAR] = "(?<![\\d\\p{L}])(\\d{1,2})(?:st|nd|rd|th|er|e|\\.)?\\s*(?:of\\s+|de\\s+)?"
                               "(\\p{L}{3,})\\.?(?:\\s+de)?,?\\s+(\\d{4})(?![\\d])",
        [PAT_MONTH_DAY_YEAR] = "(?<![\\p{L}])(\\p{L}{3,})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?![\\d])",
        [PAT_DOTTED] = "(?<![\\d.])(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})(?![\\d])",
        [PAT_SLASHED] = "(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\d/])",
      };
      for (guint i = 0; i < N_PATTERNS; i++)
        patterns[i] = g_regex_new (sources[i], G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      time_regex = g_regex_new ("\\d{1,2}(?:[:.h]\\d{2}(?::\\d{2})?)?\\s*(?:[ap]\\.?\\s?m\\.?|uhr|h)?"
                                "|[+-]\\d{2}:?\\d{2}",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
}

static int
lookup_month (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize len = strlen (folded);

  if (len > 0 && folded[len - 1] == '.')
    folded[len - 1] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strcmp (folded, month_names[i].name) == 0)
      return month_names[i].month;
  return 0;
}

static char *
format_date (int year, int month, int day)
{
  if (year < 1800 || year > 2200 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static int
group_int (GMatchInfo *info, int n)
{
  g_autofree char *s = g_match_info_fetch (info, n);
  return s ? atoi (s) : 0;
}

/* Turns one match of pattern @which into an ISO date, or NULL. */
static char *
date_from_match (int which, GMatchInfo *info)
{
  switch (which)
    {
    case PAT_ISO:
      return format_date (group_int (info, 1), group_int (info, 3), group_int (info, 4));
    case PAT_DAY_MONTH_YEAR:
      {
        g_autofree char *name = g_match_info_fetch (info, 2);
        return format_date (group_int (info, 3), lookup_month (name), group_int (info, 1));
      }
    case PAT_MONTH_DAY_YEAR:
      {
        g_autofree char *name = g_match_info_fetch (info, 1);
        return format_date (group_int (info, 3), lookup_month (name), group_int (info, 2));
      }
    case PAT_DOTTED:
      return format_date (group_int (info, 3), group_int (info, 2), group_int (info, 1));
    case PAT_SLASHED:
      {
        int a = group_int (info, 1), b = group_int (info, 2);
        /* 04/06/2019 is June in Paris and April in Boston: only read it
         * when one reading is impossible. */
        if (a > 12 && b <= 12)
          return format_date (group_int (info, 3), b, a);
        if (b > 12 && a <= 12)
          return format_date (group_int (info, 3), a, b);
        return NULL;
      }
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

char *
px_date_find (const char *text, gsize *start, gsize *end)
{
  char *best = NULL;
  int best_start = G_MAXINT, best_end = 0;

  g_return_val_if_fail (text != NULL, NULL);
  ensure_patterns ();

  for (int which = 0; which < N_PATTERNS; which++)
    {
      g_autoptr (GMatchInfo) info = NULL;

      g_regex_match (patterns[which], text, 0, &info);
      while (g_match_info_matches (info))
        {
          int s, e;
          char *iso;

          g_match_info_fetch_pos (info, 0, &s, &e);
          if (s >= best_start)
            break;
          iso = date_from_match (which, info);
          if (iso != NULL)
            {
              g_free (best);
              best = iso;
              best_start = s;
              best_end = e;
              break;
            }
          g_match_info_next (info, NULL);
        }
    }
  if (best != NULL)
    {
      if (start)
        *start = best_start;
      if (end)
        *end = best_end;
    }
  return best;
}

static gboolean
is_in (const char *word, const char *const *list, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

char *
px_date_parse_line (const char *text, gboolean *is_update)
{
  g_autofree char *iso = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *folded = NULL;
  g_autoptr (GString) word = g_string_new (NULL);
  gsize start, end;
  gboolean update = FALSE;

  g_return_val_if_fail (text != NULL, NULL);
  if (strlen (text) > 120)
    return NULL;
  iso = px_date_find (text, &start, &end);
  if (iso == NULL)
    return NULL;

  /* Everything but the date must be filler. */
  {
    g_autofree char *before = g_strndup (text, start);
    rest = g_strconcat (before, " ", text + end, NULL);
  }
  {
    char *no_times = g_regex_replace_literal (time_regex, rest, -1, 0, " ", 0, NULL);
    folded = g_utf8_casefold (no_times, -1);
    g_free (no_times);
  }
  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isdigit (c))
        return NULL;
      if (c != 0 && (g_unichar_isalpha (c) || c == '\''))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (!is_in (word->str, noise_words, G_N_ELEMENTS (noise_words)))
            return NULL;
          if (is_in (word->str, update_words, G_N_ELEMENTS (update_words)))
            update = TRUE;
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  if (is_update)
    *is_update = update;
  /* A publication line keeps its time of day with its zone; an update's
   * time is never taken for the publication's. */
  if (!update)
    {
      char *with_time = px_dateline_time (text, start, end, iso);
      if (with_time != NULL)
        {
          g_free (iso);
          iso = with_time;
        }
    }
  return g_steal_pointer (&iso);
}
