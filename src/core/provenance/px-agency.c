/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "provenance/px-agency.h"

#include <string.h>

/* How far into the text a dateline may stand, and how far from the end a
 * credit line, in bytes. */
#define DATELINE_REACH 400
#define CREDIT_REACH 400

typedef struct
{
  const char *canonical;
  /* Spellings, as a regular expression alternative (case matters: "AP"
   * is the agency, "ap" is not). */
  const char *spellings;
} Agency;

static const Agency agencies[] = {
  { "Reuters", "Thomson Reuters|Reuters" },
  { "AP", "The Associated Press|Associated Press|AP" },
  { "AFP", "Agence France-Presse|Agence France Presse|AFP" },
  { "dpa", "Deutsche Presse-Agentur|dpa|DPA" },
  { "Xinhua", "Xinhua News Agency|Xinhua" },
  { "PA Media", "PA Media|Press Association|PA" },
  { "ANSA", "ANSA" },
  { "EFE", "Agencia EFE|EFE" },
  { "Kyodo", "Kyodo News|Kyodo" },
  { "Yonhap", "Yonhap News Agency|Yonhap" },
  { "TASS", "TASS" },
  { "UPI", "United Press International|UPI" },
  { "AAP", "Australian Associated Press|AAP" },
  { "ANP", "ANP" },
};

typedef struct
{
  GRegex *name;     /* the whole string is the agency */
  GRegex *dateline; /* "(Reuters) -", "(AP) —", "(dpa):" */
  GRegex *credit;   /* "— AFP", "Source: Xinhua", "for Reuters", "© dpa" */
  GRegex *byline;   /* "By John Doe, Reuters", "By The Associated Press" */
} Patterns;

static Patterns *
patterns_new (void)
{
  Patterns *p = g_new0 (Patterns, 1);
  g_autoptr (GString) all = g_string_new (NULL);
  g_autofree char *name = NULL, *dateline = NULL, *credit = NULL, *byline = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    g_string_append_printf (all, "%s(?<a%u>%s)", i > 0 ? "|" : "", i, agencies[i].spellings);
  name = g_strdup_printf ("^\\s*(?:by\\s+)?(?:%s)\\s*(?:news\\s+agency|newswire|wire)?\\s*$", all->str);
  dateline = g_strdup_printf ("\\((?:%s)\\)\\s*(?:[-–—:]|$)", all->str);
  credit = g_strdup_printf ("(?:(?:^|\\n)\\s*(?:[-–—]+\\s*|source:\\s*|sources:\\s*|©\\s*|\\(c\\)\\s*)"
                            "|(?:^|\\n)\\s*by\\s+|\\b(?:for|via)\\s+|/)(?:%s)(?:\\s*(?:contributed|$|[.)]|\\n))",
                            all->str);
  byline = g_strdup_printf ("(?:^|[,;/|]|\\bby)\\s*(?:%s)\\s*$", all->str);
  /* Only the agencies' own spellings are case-sensitive; the words
   * around them are matched in any case with (?i) scoped groups. */
  p->name = g_regex_new (name, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
  p->dateline = g_regex_new (dateline, G_REGEX_OPTIMIZE, 0, NULL);
  p->credit = g_regex_new (credit, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
  p->byline = g_regex_new (byline, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
  g_assert (p->name != NULL && p->dateline != NULL && p->credit != NULL && p->byline != NULL);
  return p;
}

static const Patterns *
patterns (void)
{
  static Patterns *p;

  if (g_once_init_enter (&p))
    g_once_init_leave (&p, patterns_new ());
  return p;
}

/* The agency whose named group matched, or NULL. */
static const char *
matched_agency (GMatchInfo *info)
{
  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    {
      char group[8];
      int start = -1, end = -1;

      g_snprintf (group, sizeof group, "a%u", i);
      if (g_match_info_fetch_named_pos (info, group, &start, &end) && start >= 0 && end > start)
        return agencies[i].canonical;
    }
  return NULL;
}

/* The first agency @re finds in @text[@from, @from + @len). Short
 * spellings ("AP", "PA", "AFP") must be written in capitals as agencies
 * write them: the caseless patterns check the case of the match. */
static const char *
search (const GRegex *re, const char *text, gsize from, gsize len)
{
  g_autoptr (GMatchInfo) info = NULL;
  const char *found = NULL;

  if (!g_regex_match_full (re, text + from, (gssize)len, 0, 0, &info, NULL))
    return NULL;
  while (found == NULL && g_match_info_matches (info))
    {
      const char *agency = matched_agency (info);

      for (guint i = 0; agency != NULL && i < G_N_ELEMENTS (agencies); i++)
        if (agencies[i].canonical == agency)
          {
            char group[8];
            int s, e;
            g_autofree char *as_written = NULL;

            g_snprintf (group, sizeof group, "a%u", i);
            g_match_info_fetch_named_pos (info, group, &s, &e);
            as_written = g_strndup (text + from + s, (gsize)(e - s));
            /* Acronyms in capitals, long names in any case ("dpa" and
             * "DPA" are both its spellings). */
            if (e - s > 5 || strstr (agencies[i].spellings, as_written) != NULL)
              found = agency;
          }
      g_match_info_next (info, NULL);
    }
  return found;
}

const char *
px_agency_from_name (const char *name)
{
  if (name == NULL || *name == '\0' || strlen (name) > 80)
    return NULL;
  return search (patterns ()->name, name, 0, strlen (name));
}

/* Moves @pos back to the start of a UTF-8 character. */
static gsize
char_start (const char *text, gsize pos)
{
  while (pos > 0 && (text[pos] & 0xC0) == 0x80)
    pos--;
  return pos;
}

const char *
px_agency_credited (const char *text, const char *byline)
{
  const char *agency = NULL;
  gsize len, tail;

  if (byline != NULL && strlen (byline) <= 200)
    agency = search (patterns ()->byline, byline, 0, strlen (byline));
  if (agency != NULL || text == NULL)
    return agency;
  len = strlen (text);
  agency = search (patterns ()->dateline, text, 0, char_start (text, MIN (len, DATELINE_REACH)));
  if (agency != NULL)
    return agency;
  tail = len > CREDIT_REACH ? char_start (text, len - CREDIT_REACH) : 0;
  return search (patterns ()->credit, text, tail, len - tail);
}
