/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-front-matter.h"

#include <string.h>

#include "import/px-date-parse.h"

typedef enum
{
  FIELD_NONE,
  FIELD_TITLE,
  FIELD_OUTLET,
  FIELD_AUTHOR,
  FIELD_DATE,
  FIELD_URL,
  FIELD_SOURCE, /* a URL or an outlet's name */
  FIELD_LANGUAGE,
} Field;

static const struct
{
  const char *key;
  Field field;
} keys[] = {
  { "title", FIELD_TITLE },
  { "headline", FIELD_TITLE },
  { "outlet", FIELD_OUTLET },
  { "site", FIELD_OUTLET },
  { "site_name", FIELD_OUTLET },
  { "sitename", FIELD_OUTLET },
  { "publication", FIELD_OUTLET },
  { "publisher", FIELD_OUTLET },
  { "newspaper", FIELD_OUTLET },
  { "source_name", FIELD_OUTLET },
  { "website", FIELD_OUTLET },
  { "author", FIELD_AUTHOR },
  { "authors", FIELD_AUTHOR },
  { "by", FIELD_AUTHOR },
  { "byline", FIELD_AUTHOR },
  { "creator", FIELD_AUTHOR },
  { "date", FIELD_DATE },
  { "published", FIELD_DATE },
  { "published_at", FIELD_DATE },
  { "publish_date", FIELD_DATE },
  { "published_date", FIELD_DATE },
  { "date_published", FIELD_DATE },
  { "datepublished", FIELD_DATE },
  { "pubdate", FIELD_DATE },
  { "url", FIELD_URL },
  { "link", FIELD_URL },
  { "canonical", FIELD_URL },
  { "canonical_url", FIELD_URL },
  { "source_url", FIELD_URL },
  { "original_url", FIELD_URL },
  { "source", FIELD_SOURCE },
  { "lang", FIELD_LANGUAGE },
  { "language", FIELD_LANGUAGE },
  { "locale", FIELD_LANGUAGE },
};

static Field
lookup_field (const char *key)
{
  g_autofree char *low = g_ascii_strdown (key, -1);

  g_strdelimit (low, "-", '_');
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strcmp (low, keys[i].key) == 0)
      return keys[i].field;
  return FIELD_NONE;
}

/* A scalar without its quotes, escapes resolved, and "[[wiki links]]" of
 * note apps reduced to their text. */
static char *
unquote (const char *raw)
{
  g_autofree char *v = g_strstrip (g_strdup (raw));
  gsize len = strlen (v);
  GString *out;

  if (len >= 2 && v[0] == '"' && v[len - 1] == '"')
    {
      out = g_string_new (NULL);
      for (gsize i = 1; i < len - 1; i++)
        {
          if (v[i] == '\\' && i + 1 < len - 1)
            {
              i++;
              g_string_append_c (out, v[i] == 'n' ? ' ' : v[i]);
            }
          else
            g_string_append_c (out, v[i]);
        }
    }
  else if (len >= 2 && v[0] == '\'' && v[len - 1] == '\'')
    {
      out = g_string_new (NULL);
      for (gsize i = 1; i < len - 1; i++)
        {
          g_string_append_c (out, v[i]);
          if (v[i] == '\'' && v[i + 1] == '\'')
            i++;
        }
    }
  else
    {
      /* A comment after an unquoted value. */
      char *hash = strstr (v, " #");
      if (hash != NULL)
        *hash = '\0';
      out = g_string_new (g_strstrip (v));
    }
  {
    g_autoptr (GRegex) wiki = g_regex_new ("\\[\\[(?:[^\\]|]*\\|)?([^\\]]*)\\]\\]", 0, 0, NULL);
    g_autofree char *s = g_string_free (out, FALSE);
    char *r = g_regex_replace (wiki, s, -1, 0, "\\1", 0, NULL);
    return g_strstrip (r);
  }
}

static void
list_append (GPtrArray *list, const char *raw)
{
  g_autofree char *v = unquote (raw);
  if (*v != '\0')
    g_ptr_array_add (list, g_steal_pointer (&v));
}

static void
set_field (PxFrontMatter *fm, Field field, GPtrArray *values)
{
  g_autofree char *joined = NULL;
  char **slot = NULL;

  if (values->len == 0)
    return;
  g_ptr_array_add (values, NULL);
  joined = g_strjoinv (field == FIELD_AUTHOR ? ", " : " ", (char **)values->pdata);
  g_ptr_array_remove_index (values, values->len - 1);

  switch (field)
    {
    case FIELD_TITLE:
      slot = &fm->title;
      break;
    case FIELD_OUTLET:
      slot = &fm->outlet;
      break;
    case FIELD_AUTHOR:
      slot = &fm->author;
      break;
    case FIELD_DATE:
      if (fm->date == NULL)
        fm->date = px_date_find (joined, NULL, NULL);
      return;
    case FIELD_URL:
      slot = &fm->url;
      break;
    case FIELD_SOURCE:
      slot = g_str_has_prefix (joined, "http://") || g_str_has_prefix (joined, "https://") ? &fm->url : &fm->outlet;
      break;
    case FIELD_LANGUAGE:
      g_strdelimit (joined, "_", '-');
      slot = &fm->language;
      break;
    case FIELD_NONE:
    default:
      return;
    }
  if (*slot == NULL && *joined != '\0')
    *slot = g_steal_pointer (&joined);
}

gsize
px_front_matter_read (const char *text, PxFrontMatter *fm)
{
  const char *p, *body = NULL;
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  Field current = FIELD_NONE;

  g_return_val_if_fail (text != NULL && fm != NULL, 0);
  if (!g_str_has_prefix (text, "---\n") && !g_str_has_prefix (text, "--- \n"))
    return 0;

  /* Find the closing line first: without it this is not front matter. */
  p = strchr (text, '\n') + 1;
  for (const char *line = p; *line;)
    {
      const char *eol = strchr (line, '\n');
      gsize len = eol ? (gsize)(eol - line) : strlen (line);

      while (len > 0 && line[len - 1] == ' ')
        len--;
      if ((len == 3 && (strncmp (line, "---", 3) == 0 || strncmp (line, "...", 3) == 0)))
        {
          body = eol ? eol + 1 : line + strlen (line);
          break;
        }
      if (eol == NULL)
        break;
      line = eol + 1;
    }
  if (body == NULL)
    return 0;

  for (const char *line = p; line < body;)
    {
      const char *eol = strchr (line, '\n');
      g_autofree char *l = g_strndup (line, eol ? (gsize)(eol - line) : strlen (line));
      const char *colon;

      line = eol ? eol + 1 : body;
      if (g_str_has_prefix (l, "---") || g_str_has_prefix (l, "..."))
        break;
      g_strchomp (l);
      {
        const char *first = l;
        while (g_ascii_isspace (*first))
          first++;
        if (*first == '\0' || *first == '#')
          continue;
      }

      /* "  - item" continues the list of the key above. */
      if (g_ascii_isspace (l[0]) || l[0] == '-')
        {
          const char *item = l;
          while (g_ascii_isspace (*item))
            item++;
          if (item[0] == '-' && (item[1] == ' ' || item[1] == '\0') && current != FIELD_NONE)
            list_append (values, item + 1);
          continue;
        }

      set_field (fm, current, values);
      g_ptr_array_set_size (values, 0);
      current = FIELD_NONE;

      colon = strchr (l, ':');
      if (colon == NULL)
        continue;
      {
        g_autofree char *key = g_strstrip (g_strndup (l, colon - l));
        const char *value = colon + 1;

        current = lookup_field (key);
        while (g_ascii_isspace (*value))
          value++;
        if (*value == '[')
          {
            g_autofree char *inner = g_strdup (value + 1);
            char *close = strrchr (inner, ']');
            g_auto (GStrv) items = NULL;
            if (close)
              *close = '\0';
            items = g_strsplit (inner, ",", -1);
            for (guint i = 0; items[i]; i++)
              list_append (values, items[i]);
          }
        else if (*value != '\0' && *value != '|' && *value != '>')
          list_append (values, value);
      }
    }
  set_field (fm, current, values);
  return body - text;
}

void
px_front_matter_clear (PxFrontMatter *fm)
{
  g_clear_pointer (&fm->title, g_free);
  g_clear_pointer (&fm->outlet, g_free);
  g_clear_pointer (&fm->author, g_free);
  g_clear_pointer (&fm->date, g_free);
  g_clear_pointer (&fm->url, g_free);
  g_clear_pointer (&fm->language, g_free);
}
