/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Names on web pages: outlets from host names, site names cut off titles,
 * and author names out of bylines. */
#include <string.h>

#include "import/html/px-html-dom.h"
#include "import/html/px-html-metadata.h"

/* Second-level suffixes under which the outlet's label is third. */
static const char *const two_part_suffixes[] = { "co.uk",  "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au",
                                                 "co.nz",  "co.jp",  "co.in", "com.br", "co.za",  "com.cn", "com.mx",
                                                 "com.ar", "com.tr", "co.kr", "com.sg", "com.hk", NULL };

static char *
registrable_domain (const char *host, char **label_out)
{
  g_auto (GStrv) parts = g_strsplit (host, ".", -1);
  guint n = g_strv_length (parts);
  guint take = 2;

  if (n < 2)
    {
      *label_out = g_strdup (host);
      return g_strdup (host);
    }
  for (guint i = 0; two_part_suffixes[i]; i++)
    {
      g_autofree char *suffix = g_strconcat (".", two_part_suffixes[i], NULL);
      if (g_str_has_suffix (host, suffix) && n >= 3)
        take = 3;
    }
  *label_out = g_strdup (parts[n - take]);
  return g_strjoinv (".", parts + (n - take));
}

char *
px_html_outlet_from_host (const char *host)
{
  g_autofree char *lower = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *label = NULL;
  GString *out;
  gboolean start = TRUE;

  if (host == NULL || *host == '\0' || strchr (host, '.') == NULL)
    return NULL;
  lower = g_ascii_strdown (host, -1);
  if (g_hostname_is_ip_address (lower))
    return NULL;
  domain = registrable_domain (lower, &label);
  if (label == NULL || *label == '\0')
    return NULL;
  /* Short labels are acronyms: "npr" → "NPR". */
  if (strlen (label) <= 3)
    return g_ascii_strup (label, -1);
  out = g_string_new (NULL);
  for (const char *p = label; *p; p++)
    {
      if (*p == '-' || *p == '_')
        {
          g_string_append_c (out, ' ');
          start = TRUE;
          continue;
        }
      g_string_append_c (out, start ? g_ascii_toupper (*p) : *p);
      start = FALSE;
    }
  return g_string_free (out, FALSE);
}

/* The words of @text whose letters and digits, run together, are the
 * host's label: "theguardian.com" finds "The Guardian" in "Ferry back |
 * World news | The Guardian". Case and spaces are the site's own. */
char *
px_html_outlet_spelled_in (const char *host, const char *text)
{
  g_autofree char *lower = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *label = NULL;
  g_auto (GStrv) words = NULL;
  gsize label_len;

  if (host == NULL || text == NULL || strchr (host, '.') == NULL || g_hostname_is_ip_address (host))
    return NULL;
  lower = g_ascii_strdown (host, -1);
  domain = registrable_domain (lower, &label);
  label_len = label != NULL ? strlen (label) : 0;
  if (label_len < 4)
    return NULL;
  words = g_regex_split_simple ("[\\s|:·•–—]+", text, 0, 0);
  if (words == NULL)
    return NULL;
  for (guint i = 0; words[i]; i++)
    {
      GString *letters = g_string_new (NULL);
      gboolean found = FALSE;
      guint j;

      for (j = i; words[j] && letters->len < label_len; j++)
        {
          /* "País" spells "pais": accents go, as in host names. */
          g_autofree char *ascii = g_str_to_ascii (words[j], "C");
          for (const char *p = ascii; *p; p++)
            if (g_ascii_isalnum (*p))
              g_string_append_c (letters, g_ascii_tolower (*p));
        }
      found = strcmp (letters->str, label) == 0;
      g_string_free (letters, TRUE);
      if (found)
        {
          g_autofree char *joined = NULL;
          char *end = words[j];
          words[j] = NULL;
          joined = g_strjoinv (" ", words + i);
          words[j] = end;
          return px_html_clean_space (joined);
        }
    }
  return NULL;
}

static gboolean
loose_equal (const char *a, const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;
  GString *sa, *sb;
  gboolean eq;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  /* Compare letters and digits only: "The Example-Times" = "example times". */
  sa = g_string_new (NULL);
  sb = g_string_new (NULL);
  for (const char *p = fa; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (sa, g_utf8_get_char (p));
  for (const char *p = fb; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (sb, g_utf8_get_char (p));
  if (g_str_has_prefix (sa->str, "the"))
    g_string_erase (sa, 0, 3);
  if (g_str_has_prefix (sb->str, "the"))
    g_string_erase (sb, 0, 3);
  eq = sa->len > 0 && strcmp (sa->str, sb->str) == 0;
  g_string_free (sa, TRUE);
  g_string_free (sb, TRUE);
  return eq;
}

static gboolean
names_site (const char *segment, const char *outlet, const char *host)
{
  g_autofree char *from_host = px_html_outlet_from_host (host);
  g_autofree char *seg = g_strstrip (g_strdup (segment));

  if (loose_equal (seg, outlet) || loose_equal (seg, from_host) || loose_equal (seg, host))
    return TRUE;
  /* "Example.com", "www.example.com" */
  if (host != NULL && g_strrstr (host, seg) != NULL && strchr (seg, '.') != NULL)
    return TRUE;
  return FALSE;
}

static guint
count_words (const char *s)
{
  guint n = 0;
  gboolean in = FALSE;

  for (; *s; s++)
    {
      gboolean sp = g_ascii_isspace (*s);
      if (!sp && !in)
        n++;
      in = !sp;
    }
  return n;
}

/* "Notes from the Sound", "The Daily Example": every word capitalized
 * except short function words after the first. */
static gboolean
title_cased (const char *s)
{
  static const char *const small[] = { "a",    "an", "and", "at", "by", "de", "del", "der", "des", "di",  "du", "for",
                                       "from", "in", "la",  "le", "of", "on", "the", "to",  "und", "von", NULL };
  g_auto (GStrv) words = g_strsplit (s, " ", -1);
  guint n = 0;

  for (guint i = 0; words[i]; i++)
    {
      gboolean is_small = FALSE;
      if (*words[i] == '\0')
        continue;
      for (guint k = 0; n > 0 && small[k]; k++)
        is_small = is_small || strcmp (words[i], small[k]) == 0;
      if (!is_small && g_unichar_islower (g_utf8_get_char (words[i])))
        return FALSE;
      n++;
    }
  return TRUE;
}

char *
px_html_clean_title (const char *title, const char *outlet, const char *host, gboolean aggressive)
{
  static const char *const seps[] = { " | ", " || ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", NULL };
  g_autofree char *t = px_html_clean_space (title);

  if (t == NULL)
    return NULL;
  for (guint i = 0; seps[i]; i++)
    {
      gboolean bar = strstr (seps[i], "|") != NULL;
      gboolean cut = TRUE;

      /* "Headline | Section | Site" needs two cuts at the same bar. */
      while (cut)
        {
          char *last = g_strrstr (t, seps[i]);
          char *first = strstr (t, seps[i]);

          cut = FALSE;
          if (last != NULL)
            {
              const char *tail = last + strlen (seps[i]);
              g_autofree char *rest = g_strndup (t, last - t);
              if (names_site (tail, outlet, host) ||
                  (aggressive && count_words (tail) <= (bar ? 5 : 4) && count_words (rest) >= (bar ? 2 : 4) &&
                   title_cased (tail) && (bar || !title_cased (rest))))
                {
                  g_free (t);
                  t = px_html_clean_space (rest);
                  if (t == NULL)
                    return NULL;
                  cut = TRUE;
                  continue;
                }
            }
          if (first != NULL)
            {
              g_autofree char *head = g_strndup (t, first - t);
              char *rest = names_site (head, outlet, host) ? px_html_clean_space (first + strlen (seps[i])) : NULL;
              if (rest != NULL)
                {
                  g_free (t);
                  t = rest;
                  cut = TRUE;
                }
            }
        }
    }
  return g_steal_pointer (&t);
}

static gboolean
is_role_word (const char *word)
{
  static const char *const roles[] = {
    "reporter",     "reporters",   "correspondent", "correspondents", "writer",    "writers", "editor", "editors",
    "staff",        "contributor", "columnist",     "journalist",     "senior",    "chief",   "bureau", "news",
    "photographer", "analyst",     "producer",      "updated",        "published", "posted",  "and",    NULL
  };
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gsize len = strlen (lower);

  while (len > 0 && strchr (".,:;", lower[len - 1]))
    lower[--len] = '\0';
  for (guint i = 0; roles[i]; i++)
    if (strcmp (lower, roles[i]) == 0)
      return TRUE;
  return FALSE;
}

/* One name out of a piece of a byline, or NULL. */
static char *
clean_name (const char *piece, const char *outlet)
{
  g_autofree char *s = px_html_clean_space (piece);
  g_auto (GStrv) words = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = 0;

  if (s == NULL)
    return NULL;
  words = g_strsplit (s, " ", -1);
  for (guint i = 0; words[i]; i++)
    {
      gunichar c = g_utf8_get_char (words[i]);
      /* "Jane Doe in Berlin", "Jane Doe for The Times", "Jane Doe, Staff Writer" */
      if (n > 0 && (strcmp (words[i], "in") == 0 || strcmp (words[i], "for") == 0 || strcmp (words[i], "at") == 0 ||
                    strcmp (words[i], "aus") == 0 || strcmp (words[i], "en") == 0 || is_role_word (words[i])))
        break;
      if (is_role_word (words[i]))
        return NULL;
      if (strpbrk (words[i], "0123456789@/") != NULL)
        return NULL;
      /* Names are capitalized, apart from particles (van, de, von, bin…). */
      if (!g_unichar_isupper (c) && !(n > 0 && strlen (words[i]) <= 4 && g_unichar_islower (c)))
        return NULL;
      g_string_append_printf (out, "%s%s", n ? " " : "", words[i]);
      n++;
    }
  if (n == 0 || n > 6 || out->len > 60)
    return NULL;
  if (loose_equal (out->str, outlet))
    return NULL;
  return g_strdup (out->str);
}

char *
px_html_clean_authors (const char *byline, const char *outlet)
{
  g_autofree char *s = px_html_clean_space (byline);
  g_autoptr (GRegex) prefix = NULL;
  g_autoptr (GRegex) split = NULL;
  g_auto (GStrv) pieces = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *body = NULL;

  if (s == NULL || strlen (s) > 400)
    return NULL;
  prefix = g_regex_new ("^\\s*(written\\s+)?(by|von|par|por|di|door|text:|words:)\\s+", G_REGEX_CASELESS, 0, NULL);
  body = g_regex_replace_literal (prefix, s, -1, 0, "", 0, NULL);
  /* "By Jane Doe | 4 June 2019": what follows a bar or dot is not a name. */
  for (const char *const *stop = (const char *const[]){ "|", "·", "•", "—", "–", " - ", NULL }; *stop; stop++)
    {
      char *at = strstr (body, *stop);
      if (at != NULL)
        *at = '\0';
    }
  split = g_regex_new ("\\s*(?:,|;|&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b|\\ben\\b)\\s*", 0, 0, NULL);
  pieces = g_regex_split (split, body, 0);
  for (guint i = 0; pieces[i]; i++)
    {
      char *name = clean_name (pieces[i], outlet);
      gboolean seen = FALSE;

      if (name == NULL)
        continue;
      for (guint k = 0; k < names->len; k++)
        seen = seen || g_strcmp0 (g_ptr_array_index (names, k), name) == 0;
      if (seen)
        g_free (name);
      else
        g_ptr_array_add (names, name);
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **)names->pdata);
}
