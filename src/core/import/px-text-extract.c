/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-text-extract.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "import/px-boilerplate.h"
#include "import/px-date-parse.h"
#include "import/px-importer.h"
#include "import/px-language.h"

/* How much a value is to be believed: a later offer replaces an earlier
 * one only when it comes from a better place. */
typedef enum
{
  FROM_NOWHERE,
  FROM_UPDATE, /* "Updated …": better than nothing */
  FROM_FOOTER, /* a copyright line, an author's bio */
  FROM_BODY,   /* a date line or byline further down */
  FROM_SUFFIX, /* "Title - Outlet" */
  FROM_HEAD,   /* byline or date line under the title */
  FROM_HEADER, /* "Date: …" lines at the top of the file */
  FROM_FRONT,  /* front matter */
} Source;

typedef struct
{
  char *value;
  Source source;
} Field;

typedef struct
{
  Field title, outlet, author, date, url, language;
} Meta;

typedef struct
{
  PxTextLine *u;
  PxLineClass cls;
  guint words;
  gboolean prose;
  gboolean nav;      /* part of a menu */
  gboolean shortish; /* a label rather than text */
  char *byline;      /* authors, if the unit is a byline */
  char *byline_date;
  char *date;      /* the date, if the unit is a date line */
  gboolean update; /* … of an update */
  int promo;
  gboolean keep;
  PxBlockKind kind;
} Unit;

static void
offer (Field *f, const char *value, Source source)
{
  if (value == NULL || *value == '\0' || source <= f->source)
    return;
  g_free (f->value);
  f->value = g_strdup (value);
  f->source = source;
}

/* "… to give Techzine.eu a head start. All our stories are …": a web
 * address written as a capitalised name, in a closing paragraph that
 * speaks as "we" or "our", is the outlet naming itself. */
static char *
self_named_site (const char *text)
{
  static GRegex *site_re, *we_re;
  g_autoptr (GMatchInfo) m = NULL;

  if (g_once_init_enter (&site_re))
    {
      GRegex *r = g_regex_new ("(?<![\\w.@/])(\\p{Lu}[\\p{L}\\d-]{2,}\\.(?:co\\.uk|com|[a-z]{2,3}))(?![\\w.]\\w)",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&site_re, r);
    }
  if (g_once_init_enter (&we_re))
    {
      /* Case matters: "US" is a country, not the outlet speaking. */
      GRegex *r = g_regex_new ("\\b(?:[Ww]e|[Oo]ur|us)\\b", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&we_re, r);
    }
  if (!g_regex_match (we_re, text, 0, NULL) || !g_regex_match (site_re, text, 0, &m))
    return NULL;
  return g_match_info_fetch (m, 1);
}

static void
meta_clear (Meta *m)
{
  g_free (m->title.value);
  g_free (m->outlet.value);
  g_free (m->author.value);
  g_free (m->date.value);
  g_free (m->url.value);
  g_free (m->language.value);
}

static void
unit_free (gpointer data)
{
  PxTextLine *u = data;
  g_free (u->text);
  g_free (u);
}

GPtrArray *
px_text_lines_new (void)
{
  return g_ptr_array_new_with_free_func (unit_free);
}

void
px_text_lines_add (GPtrArray *units, const char *text, PxBlockKind kind, gboolean marked, guint group)
{
  PxTextLine *u;
  g_autofree char *t = g_strstrip (g_strdup (text));

  if (*t == '\0')
    return;
  u = g_new0 (PxTextLine, 1);
  u->text = g_steal_pointer (&t);
  u->kind = kind;
  u->marked = marked;
  u->group = group;
  g_ptr_array_add (units, u);
}

char *
px_text_prepare (GBytes *data, GError **error)
{
  gsize len;
  const char *bytes = g_bytes_get_data (data, &len);
  const char *bad = NULL;
  GString *out;

  if (len >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
    {
      bytes += 3;
      len -= 3;
    }
  if (!g_utf8_validate_len (bytes, len, &bad))
    {
      guint line = 1;
      for (const char *p = bytes; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_ENCODING,
                   _ ("The file is not valid UTF-8 text (first bad byte on line %u); save it as UTF-8 and try again"),
                   line);
      return NULL;
    }
  out = g_string_sized_new (len + 1);
  for (gsize i = 0; i < len; i++)
    {
      char c = bytes[i];
      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < len && bytes[i + 1] == '\n')
            i++;
        }
      else if (c == '\f' || c == '\v')
        g_string_append_c (out, '\n');
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
same_text (const char *a, const char *b)
{
  g_autofree char *na = px_boilerplate_normalize (a);
  g_autofree char *nb = px_boilerplate_normalize (b);
  return strcmp (na, nb) == 0;
}

static gunichar
last_char (const char *text)
{
  const char *end = text + strlen (text);
  return end > text ? g_utf8_get_char (g_utf8_prev_char (end)) : 0;
}

static gboolean
is_url (const char *text)
{
  return (g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://")) && strchr (text, ' ') == NULL;
}

/* A headline: a few words on their own, not a sentence or a label. */
static gboolean
is_title_like (const Unit *u)
{
  gunichar last = last_char (u->u->text);

  if (u->cls != PX_LINE_TEXT || u->byline != NULL || u->date != NULL || u->promo >= 3)
    return FALSE;
  if (u->words < 2 || u->words > 30 || strlen (u->u->text) > 300)
    return FALSE;
  if (u->u->marked && u->u->kind != PX_BLOCK_HEADING)
    return FALSE;
  if (last == ':' || last == ',' || last == ';' || is_url (u->u->text))
    return FALSE;
  if (last == '.')
    {
      /* "… in the U.S." is a headline; "A sentence." is not. */
      const char *t = u->u->text;
      gsize n = strlen (t);
      if (!(n >= 3 && g_ascii_isupper (t[n - 2]) && t[n - 3] == '.'))
        return FALSE;
    }
  return !px_boilerplate_is_name (u->u->text, FALSE) && !px_boilerplate_is_outlet_name (u->u->text);
}

/* Splits "Headline - Outlet" or "Headline | Outlet" when the text backs
 * the outlet up; a dash alone is too common in headlines to trust. */
static void
split_title_suffix (const char *title, GPtrArray *units, guint self, Meta *meta, Source source)
{
  static const char *const seps[] = { " | ", " :: ", " · ", " – ", " — ", " - " };
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  const char *sep = NULL;
  const char *at = NULL;
  gboolean confirmed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (seps) && at == NULL; i++)
    {
      const char *p = NULL, *q = title;
      /* pipes: the first one ends the headline; dashes: the last one */
      if (i == 0)
        p = strstr (title, seps[i]);
      else
        while ((q = strstr (q, seps[i])) != NULL)
          p = q++;
      if (p != NULL)
        {
          at = p;
          sep = seps[i];
        }
    }
  if (at == NULL)
    {
      offer (&meta->title, title, source);
      return;
    }
  prefix = g_strstrip (g_strndup (title, at - title));
  suffix = g_strdup (strrchr (title, sep[1]) + 1);
  g_strstrip (suffix);

  if (px_boilerplate_count_words (suffix) < 1 || px_boilerplate_count_words (suffix) > 6 || strlen (suffix) > 60 ||
      px_boilerplate_count_words (prefix) < 2 ||
      !(g_unichar_isupper (g_utf8_get_char (suffix)) || g_unichar_isdigit (g_utf8_get_char (suffix))) ||
      px_boilerplate_is_prose (suffix))
    {
      offer (&meta->title, title, source);
      return;
    }

  confirmed = sep[1] == '|' || sep[1] == ':' || strcmp (sep, " · ") == 0;
  for (guint i = 0; i < units->len && !confirmed; i++)
    {
      const PxTextLine *u = g_ptr_array_index (units, i);
      g_autofree char *folded = NULL;
      g_autofree char *folded_suffix = NULL;

      if (i == self)
        continue;
      if (same_text (u->text, prefix))
        confirmed = TRUE;
      folded = g_utf8_casefold (u->text, -1);
      folded_suffix = g_utf8_casefold (suffix, -1);
      if (strstr (folded, folded_suffix) != NULL)
        confirmed = TRUE;
    }
  if (!confirmed)
    {
      offer (&meta->title, title, source);
      return;
    }
  offer (&meta->title, prefix, source);
  offer (&meta->outlet, suffix, FROM_SUFFIX);
}

/* "Title: …", "Author: …" lines at the very top, read like front matter;
 * also the "date 2019-06-04  Headline" first line of some archives.
 * Returns how many units were used. */
static guint
read_header_lines (Unit *units, guint n, GPtrArray *raw, Meta *meta)
{
  static GRegex *key_line, *date_title;
  static gsize once = 0;
  g_autoptr (GString) yaml = g_string_new ("---\n");
  PxFrontMatter fm = { 0 };
  guint used = 0;

  if (g_once_init_enter (&once))
    {
      key_line = g_regex_new ("^(?:title|headline|author|authors|by|byline|date|published|outlet|site|publication|"
                              "publisher|source|url|link|language|lang)\\s*:\\s*\\S",
                              G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      date_title = g_regex_new ("^date:?\\s+(\\d{4}-\\d{2}-\\d{2})\\s{2,}(\\S.*)$", G_REGEX_CASELESS | G_REGEX_OPTIMIZE,
                                0, NULL);
      g_once_init_leave (&once, 1);
    }

  for (; used < n; used++)
    {
      g_autoptr (GMatchInfo) info = NULL;
      const char *text = units[used].u->text;

      if (used == 0 && g_regex_match (date_title, text, 0, &info))
        {
          g_autofree char *d = g_match_info_fetch (info, 1);
          g_autofree char *t = g_match_info_fetch (info, 2);
          g_autofree char *iso = px_date_find (d, NULL, NULL);

          offer (&meta->date, iso, FROM_HEADER);
          split_title_suffix (g_strstrip (t), raw, used, meta, FROM_HEADER);
          continue;
        }
      if (!g_regex_match (key_line, text, 0, NULL))
        break;
      g_string_append_printf (yaml, "%s\n", text);
    }
  g_string_append (yaml, "---\n");
  if (px_front_matter_read (yaml->str, &fm) > 0)
    {
      if (fm.title != NULL)
        split_title_suffix (fm.title, raw, G_MAXUINT, meta, FROM_HEADER);
      offer (&meta->outlet, fm.outlet, FROM_HEADER);
      offer (&meta->author, fm.author, FROM_HEADER);
      offer (&meta->date, fm.date, FROM_HEADER);
      offer (&meta->url, fm.url, FROM_HEADER);
      offer (&meta->language, fm.language, FROM_HEADER);
    }
  px_front_matter_clear (&fm);
  return used;
}

static gboolean
is_section_or_ui (const Unit *u)
{
  return u->cls == PX_LINE_SECTION || u->cls == PX_LINE_UI || u->cls == PX_LINE_MENU_BAR;
}

/* Menus: three or more labels on consecutive lines, or single words on
 * lines of their own. In the body, a menu must be plainer than that, so
 * that a short list the article introduces ("…include:") survives. */
static gboolean
is_tiny_label (const Unit *u)
{
  return u->shortish && (u->words <= 2 || is_section_or_ui (u));
}

static void
mark_run (Unit *units, guint n, guint i, guint j, guint body_start)
{
  guint len = j - i, ui = 0, tiny = 0;
  gboolean nav;

  for (guint k = i; k < j; k++)
    {
      ui += is_section_or_ui (&units[k]);
      tiny += units[k].words <= 3;
    }
  if (i < body_start)
    nav = len >= 3;
  else
    {
      gboolean introduced = i > 0 && last_char (units[i - 1].u->text) == ':';
      nav = !introduced && ((len >= 5 && tiny == len && !units[i].u->marked) || (len >= 3 && ui * 2 >= len));
    }
  if (nav)
    for (guint k = i; k < j; k++)
      units[k].nav = TRUE;
}

/* Menus: three or more labels on consecutive lines, or single words on
 * lines of their own. In the body, a menu must be plainer than that, so
 * that a short list the article introduces ("…include:") survives. */
static void
mark_nav_runs (Unit *units, guint n, guint body_start)
{
  for (guint i = 0; i < n;)
    {
      guint j = i;
      while (j < n && units[j].shortish && units[j].u->group == units[i].u->group)
        j++;
      if (j > i)
        mark_run (units, n, i, j, body_start);
      i = MAX (j, i + 1);
    }
  for (guint i = 0; i < n;)
    {
      guint j = i;
      while (j < n && is_tiny_label (&units[j]))
        j++;
      if (j > i)
        mark_run (units, n, i, j, body_start);
      i = MAX (j, i + 1);
    }
}

static char *
name_before_verb (const char *text)
{
  static GRegex *re;
  static gsize once = 0;
  g_autoptr (GMatchInfo) info = NULL;

  if (g_once_init_enter (&once))
    {
      re = g_regex_new ("^(\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]+|van|von|de|da|der|del|di|du|le|la)){1,3})"
                        "\\s+(?:is|has|was|covers|writes|joined|reports|ist|schreibt|est|écrit|es|escribe)\\b",
                        G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  if (!g_regex_match (re, text, 0, &info))
    return NULL;
  {
    g_autofree char *name = g_match_info_fetch (info, 1);
    return px_boilerplate_is_name (name, FALSE) ? g_steal_pointer (&name) : NULL;
  }
}

/* After the article: bios and copyright lines still tell who wrote it and
 * where it appeared. */
static void
read_footer (Unit *units, guint from, guint n, Meta *meta)
{
  for (guint i = from; i < n; i++)
    {
      Unit *u = &units[i];

      if (u->cls == PX_LINE_AUTHOR_MARKER)
        {
          for (guint k = i + 1; k < n && k <= i + 3; k++)
            {
              g_autofree char *lead = NULL;
              if (units[k].cls != PX_LINE_TEXT)
                continue;
              if (px_boilerplate_is_name (units[k].u->text, FALSE))
                {
                  offer (&meta->author, units[k].u->text, FROM_FOOTER);
                  break;
                }
              lead = name_before_verb (units[k].u->text);
              if (lead != NULL)
                {
                  offer (&meta->author, lead, FROM_FOOTER);
                  break;
                }
            }
        }
      else if (u->byline != NULL)
        offer (&meta->author, u->byline, FROM_BODY);
      if (u->date != NULL)
        offer (&meta->date, u->date, u->update ? FROM_UPDATE : FROM_BODY);
      if (is_url (u->u->text))
        offer (&meta->url, u->u->text, FROM_FOOTER);
    }
}

static gboolean
strip_bullet (const char *text, const char **rest)
{
  static GRegex *re;
  static gsize once = 0;
  g_autoptr (GMatchInfo) info = NULL;

  if (g_once_init_enter (&once))
    {
      re = g_regex_new ("^(?:[-*+•·–▪◦]|\\d{1,2}[.)])\\s+", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  if (g_regex_match (re, text, 0, &info))
    {
      int end;
      g_match_info_fetch_pos (info, 0, NULL, &end);
      *rest = text + end;
      return TRUE;
    }
  *rest = text;
  return FALSE;
}

PxDocument *
px_text_extract (GPtrArray *raw, const PxFrontMatter *fm, GError **error)
{
  g_autofree Unit *units = NULL;
  g_autoptr (PxDocument) doc = px_document_new ();
  g_autoptr (GString) all_text = g_string_new (NULL);
  Meta meta = { 0 };
  guint n = raw->len, head_start, body_start = G_MAXUINT, title_at = G_MAXUINT, end = n, body_prose = 0;
  guint a = G_MAXUINT, b = G_MAXUINT;

  units = g_new0 (Unit, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      Unit *u = &units[i];
      u->u = g_ptr_array_index (raw, i);
      u->cls = px_boilerplate_classify (u->u->text);
      u->words = px_boilerplate_count_words (u->u->text);
      u->prose = px_boilerplate_is_prose (u->u->text);
      if (u->cls == PX_LINE_TEXT && u->words <= 20)
        {
          u->date = px_date_parse_line (u->u->text, &u->update);
          if (u->date == NULL)
            u->byline = px_boilerplate_parse_byline (u->u->text, &u->byline_date);
        }
      /* Promotions are short, or trail the article; long paragraphs in
       * the middle need no look. */
      if (u->cls == PX_LINE_TEXT && (u->words <= 60 || i + 4 >= n))
        u->promo = px_boilerplate_promo_score (u->u->text);
      u->shortish = !u->prose && u->words <= 8 && u->date == NULL && u->byline == NULL &&
                    (u->cls == PX_LINE_TEXT || u->cls == PX_LINE_SECTION || u->cls == PX_LINE_UI ||
                     u->cls == PX_LINE_MENU_BAR || u->cls == PX_LINE_CALL_TO_ACTION) &&
                    !(u->u->marked && u->u->kind == PX_BLOCK_HEADING);
      u->kind = u->u->kind;
    }

  if (fm != NULL)
    {
      offer (&meta.title, fm->title, FROM_FRONT);
      offer (&meta.outlet, fm->outlet, FROM_FRONT);
      offer (&meta.author, fm->author, FROM_FRONT);
      offer (&meta.date, fm->date, FROM_FRONT);
      offer (&meta.url, fm->url, FROM_FRONT);
      offer (&meta.language, fm->language, FROM_FRONT);
    }
  head_start = read_header_lines (units, n, raw, &meta);

  /* The body starts at the first paragraph that reads as prose. */
  for (guint i = head_start; i < n; i++)
    if (units[i].prose && units[i].cls == PX_LINE_TEXT && units[i].byline == NULL && units[i].date == NULL &&
        units[i].promo < 3)
      {
        body_start = i;
        break;
      }
  if (body_start == G_MAXUINT)
    {
      /* A very short text: take the first plain line after a headline. */
      for (guint i = head_start; i < n; i++)
        if (units[i].cls == PX_LINE_TEXT && units[i].byline == NULL && units[i].date == NULL)
          {
            if (a == G_MAXUINT && i + 1 < n && is_title_like (&units[i]))
              {
                a = i;
                continue;
              }
            body_start = i;
            break;
          }
      a = G_MAXUINT;
    }
  if (body_start == G_MAXUINT)
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_EMPTY,
                   _ ("No article text was found: the file holds only menus, links or other page furniture"));
      meta_clear (&meta);
      goto fail;
    }
  mark_nav_runs (units, n, body_start);

  /* The headline: the first line of the file, or the line right above
   * the article when a menu comes first. */
  for (guint i = head_start; i < body_start; i++)
    {
      PxLineClass c = units[i].cls;
      if (c == PX_LINE_READING_TIME || c == PX_LINE_PUNCT_ONLY || c == PX_LINE_LIST_MARKER || c == PX_LINE_UI ||
          c == PX_LINE_SHARE_BAR || c == PX_LINE_COMMENTS || c == PX_LINE_CREDIT || units[i].date != NULL ||
          units[i].byline != NULL)
        continue;
      if (is_title_like (&units[i]) && (!units[i].nav || units[i].words >= 4))
        a = i;
      break;
    }
  for (guint i = body_start; i-- > head_start;)
    {
      const Unit *u = &units[i];
      if (u->date != NULL || u->byline != NULL || u->cls != PX_LINE_TEXT || px_boilerplate_is_role (u->u->text) ||
          (px_boilerplate_is_name (u->u->text, FALSE) && !u->nav) || px_boilerplate_is_outlet_name (u->u->text))
        continue;
      if (is_title_like (u) && !u->nav)
        b = i;
      break;
    }
  if (meta.title.source >= FROM_HEADER)
    {
      /* The headline may be repeated above the article. */
      for (guint i = head_start; i < body_start; i++)
        if (same_text (units[i].u->text, meta.title.value))
          title_at = i;
    }
  else if (a != G_MAXUINT && b != G_MAXUINT && a != b)
    {
      gboolean nav_between = FALSE, b_alone;
      for (guint k = a + 1; k < b; k++)
        nav_between |= units[k].nav;
      b_alone = (b == 0 || units[b - 1].u->group != units[b].u->group) &&
                (b + 1 >= n || units[b + 1].u->group != units[b].u->group || units[b + 1].date != NULL ||
                 units[b + 1].byline != NULL);
      title_at = nav_between && b_alone ? b : a;
    }
  else
    title_at = a != G_MAXUINT ? a : b;
  if (title_at != G_MAXUINT)
    {
      if (title_at == a)
        split_title_suffix (units[a].u->text, raw, a, &meta, FROM_HEAD);
      else
        {
          offer (&meta.title, units[title_at].u->text, FROM_HEAD);
          /* "Headline | Outlet" on the first line, "Headline" above the text */
          if (a != G_MAXUINT)
            {
              Meta page = { 0 };
              split_title_suffix (units[a].u->text, raw, a, &page, FROM_HEAD);
              if (page.outlet.value != NULL && same_text (page.title.value, units[title_at].u->text))
                offer (&meta.outlet, page.outlet.value, FROM_SUFFIX);
              meta_clear (&page);
            }
        }
    }

  /* Under the headline: byline, date, standfirst. */
  for (guint i = head_start; i < body_start; i++)
    {
      Unit *u = &units[i];
      gboolean after_title = title_at == G_MAXUINT || i > title_at;

      if (i == title_at || (meta.title.value != NULL && same_text (u->u->text, meta.title.value)))
        continue;
      if (u->date != NULL)
        offer (&meta.date, u->date, u->update ? FROM_UPDATE : FROM_HEAD);
      else if (u->byline != NULL && after_title)
        {
          offer (&meta.author, u->byline, FROM_HEAD);
          offer (&meta.date, u->byline_date, FROM_HEAD);
        }
      else if (is_url (u->u->text))
        offer (&meta.url, u->u->text, FROM_HEAD);
      else if (u->cls == PX_LINE_TEXT && !u->nav && after_title && px_boilerplate_is_outlet_name (u->u->text))
        offer (&meta.outlet, u->u->text, FROM_HEAD);
      else if (u->cls == PX_LINE_TEXT && !u->nav && after_title && px_boilerplate_is_name (u->u->text, FALSE))
        offer (&meta.author, u->u->text, FROM_HEAD);
      else if (u->cls == PX_LINE_TEXT && !u->nav && after_title && title_at != G_MAXUINT && u->words >= 5 &&
               u->promo < 3 && !px_boilerplate_is_role (u->u->text))
        u->keep = TRUE; /* a subtitle */
    }

  /* The body, up to the first sign that the article is over. */
  for (guint i = body_start; i < n; i++)
    {
      Unit *u = &units[i];

      if (u->cls == PX_LINE_COPYRIGHT || u->cls == PX_LINE_AUTHOR_MARKER ||
          (u->cls == PX_LINE_END_MARKER && body_prose >= 2))
        {
          end = i;
          break;
        }
      if (u->cls == PX_LINE_LIST_MARKER || u->cls == PX_LINE_END_MARKER)
        {
          /* the links under "Related", "Tags"… */
          guint k = i + 1;
          while (k < n && units[k].words <= 15 && units[k].cls != PX_LINE_COPYRIGHT &&
                 units[k].cls != PX_LINE_AUTHOR_MARKER)
            {
              /* Links listed right under the marker may be questions or
               * sentences; apart from it, a sentence is the article again. */
              if (units[k].prose && units[k].u->group != units[k - 1].u->group)
                break;
              k++;
            }
          i = k - 1;
          continue;
        }
      if (u->cls != PX_LINE_TEXT && !(u->cls == PX_LINE_SECTION && !u->nav))
        continue;
      if (u->nav)
        continue;
      if (u->date != NULL)
        {
          offer (&meta.date, u->date, u->update ? FROM_UPDATE : FROM_BODY);
          continue;
        }
      if (u->byline != NULL)
        {
          offer (&meta.author, u->byline, i <= body_start + 2 ? FROM_HEAD : FROM_BODY);
          offer (&meta.date, u->byline_date, FROM_BODY);
          continue;
        }
      /* A name under the standfirst is its byline. */
      if (i == body_start + 1 && meta.author.source < FROM_HEAD && u->u->group == units[body_start].u->group &&
          px_boilerplate_is_name (u->u->text, FALSE))
        {
          offer (&meta.author, u->u->text, FROM_HEAD);
          continue;
        }
      if (i <= body_start + 3 && px_boilerplate_is_role (u->u->text))
        continue;
      if (u->promo >= 3 && u->words <= 40)
        continue;
      if (i == title_at ||
          (meta.title.value != NULL && i <= body_start + 1 && same_text (u->u->text, meta.title.value)))
        continue;
      u->keep = TRUE;
      body_prose += u->prose;
    }

  /* What trails the article: promotions, publisher's notes, stray
   * labels, unless they finish a list the article introduced. */
  for (guint i = end; i-- > body_start;)
    {
      Unit *u = &units[i];
      gboolean in_list = FALSE;

      if (!u->keep)
        continue;
      if (u->promo >= 3)
        {
          u->keep = FALSE;
          continue;
        }
      if (!u->prose && u->words <= 6)
        {
          for (guint k = i; k-- > body_start;)
            {
              if (!units[k].keep)
                continue;
              if (last_char (units[k].u->text) == ':' || units[k].u->marked)
                in_list = TRUE;
              if (units[k].prose || units[k].u->marked)
                break;
            }
          if (!in_list && !u->u->marked)
            {
              u->keep = FALSE;
              continue;
            }
        }
      break;
    }

  read_footer (units, end, n, &meta);
  /* The closing paragraphs, kept or dropped as the publisher's note. */
  for (guint i = n, seen = 0; i-- > 0 && seen < 3;)
    if (units[i].prose)
      {
        g_autofree char *site = self_named_site (units[i].u->text);
        offer (&meta.outlet, site, FROM_FOOTER);
        seen++;
      }
  for (guint i = 0; i < n; i++)
    if (units[i].cls == PX_LINE_COPYRIGHT)
      {
        g_autofree char *holder = px_boilerplate_copyright_holder (units[i].u->text);
        offer (&meta.outlet, holder, FROM_FOOTER);
      }

  /* Blocks, with headings told from paragraphs by what follows them. */
  for (guint i = 0; i < n; i++)
    {
      Unit *u = &units[i];
      PxBlockKind kind = u->kind;
      const char *text = u->u->text;

      if (!u->keep)
        continue;
      if (!u->u->marked)
        {
          if (strip_bullet (text, &text))
            kind = PX_BLOCK_LIST_ITEM;
          else if (!u->prose && u->words <= 12 && last_char (text) != ':' &&
                   (i == 0 || units[i - 1].u->group != u->u->group))
            {
              for (guint k = i + 1; k < n; k++)
                if (units[k].keep)
                  {
                    if (units[k].prose && !units[k].u->marked)
                      kind = PX_BLOCK_HEADING;
                    break;
                  }
            }
        }
      if (px_document_append_block (doc, kind, text))
        {
          g_string_append (all_text, text);
          g_string_append_c (all_text, '\n');
        }
    }

  if (px_document_get_n_blocks (doc) == 0)
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_EMPTY,
                   _ ("No article text was found: the file holds only menus, links or other page furniture"));
      meta_clear (&meta);
      goto fail;
    }

  offer (&meta.language, px_language_detect (all_text->str), FROM_BODY);
  px_document_set_title (doc, meta.title.value);
  px_document_set_outlet (doc, meta.outlet.value);
  px_document_set_author (doc, meta.author.value);
  px_document_set_published (doc, meta.date.value);
  px_document_set_url (doc, meta.url.value);
  px_document_set_language (doc, meta.language.value);
  meta_clear (&meta);

  for (guint i = 0; i < n; i++)
    {
      g_free (units[i].byline);
      g_free (units[i].byline_date);
      g_free (units[i].date);
    }
  return g_steal_pointer (&doc);

fail:
  for (guint i = 0; i < n; i++)
    {
      g_free (units[i].byline);
      g_free (units[i].byline_date);
      g_free (units[i].date);
    }
  return NULL;
}
