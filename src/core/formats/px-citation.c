/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <string.h>

#include "formats/px-citation.h"

static void
name_clear (gpointer data)
{
  PxCitationName *name = data;

  g_free (name->family);
  g_free (name->given);
  g_free (name->literal);
}

void
px_citation_names_free (GArray *names)
{
  if (names != NULL)
    g_array_unref (names);
}

/* Words that make a by-line an organisation, not a person. */
static gboolean
looks_like_organisation (const char *name)
{
  static const char *const words[] = { "staff", "agency", "press", "news", "desk", "reuters", "editorial", NULL };
  g_autofree char *lower = g_utf8_strdown (name, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

GArray *
px_citation_split_authors (const char *authors)
{
  GArray *names = g_array_new (FALSE, TRUE, sizeof (PxCitationName));
  g_autofree char *joined = NULL;
  g_auto (GStrv) parts = NULL;

  g_array_set_clear_func (names, name_clear);
  if (authors == NULL)
    return names;
  /* "A, B and C", "A & B": one list. */
  {
    g_autoptr (GString) s = g_string_new (authors);

    g_string_replace (s, " and ", ", ", 0);
    g_string_replace (s, " & ", ", ", 0);
    g_string_replace (s, ";", ",", 0);
    joined = g_string_free (g_steal_pointer (&s), FALSE);
  }
  parts = g_strsplit (joined, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      PxCitationName name = { 0 };
      char *space;

      if (*part == '\0')
        continue;
      space = strrchr (part, ' ');
      if (space == NULL || looks_like_organisation (part))
        name.literal = g_strdup (part);
      else
        {
          name.family = g_strdup (space + 1);
          name.given = g_strndup (part, space - part);
          g_strstrip (name.given);
        }
      g_array_append_val (names, name);
    }
  return names;
}

guint
px_citation_date_parts (const char *date, int parts[3])
{
  guint n = 0;
  const char *p = date;

  if (date == NULL)
    return 0;
  for (; n < 3; n++)
    {
      guint digits = n == 0 ? 4 : 2;
      int value = 0;

      for (guint k = 0; k < digits; k++)
        {
          if (!g_ascii_isdigit (p[k]))
            return n;
          value = value * 10 + (p[k] - '0');
        }
      if ((n == 1 && (value < 1 || value > 12)) || (n == 2 && (value < 1 || value > 31)))
        return n;
      parts[n] = value;
      p += digits;
      if (n < 2 && *p != '-')
        return n + 1;
      p++;
    }
  return n;
}

/* Lower-case ASCII letters and digits of @text, at most @max. */
static void
append_ascii_word (GString *out, const char *text, guint max)
{
  g_autofree char *ascii = text != NULL ? g_str_to_ascii (text, "C") : g_strdup ("");
  guint n = 0;

  for (const char *p = ascii; *p != '\0' && n < max; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          n++;
        }
      else if (n > 0 && *p == ' ')
        break;
    }
}

static const char *
first_title_word (const char *title)
{
  static const char *const skip[] = { "the ", "a ", "an ", NULL };

  if (title == NULL)
    return NULL;
  for (guint i = 0; skip[i] != NULL; i++)
    if (g_ascii_strncasecmp (title, skip[i], strlen (skip[i])) == 0)
      return title + strlen (skip[i]);
  return title;
}

GStrv
px_citation_keys (const PxFormatSet *set)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < set->documents->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (set->documents, i);
      GArray *names = px_citation_split_authors (px_document_get_author (doc));
      g_autoptr (GString) key = g_string_new (NULL);
      g_autofree char *unique = NULL;
      int parts[3];

      if (names->len > 0)
        {
          PxCitationName *first = &g_array_index (names, PxCitationName, 0);
          append_ascii_word (key, first->family != NULL ? first->family : first->literal, 20);
        }
      if (key->len == 0)
        append_ascii_word (key, px_document_get_outlet (doc), 20);
      if (key->len == 0)
        g_string_append (key, "article");
      if (px_citation_date_parts (px_document_get_published (doc), parts) > 0)
        g_string_append_printf (key, "%04d", parts[0]);
      append_ascii_word (key, first_title_word (px_document_get_title (doc)), 20);
      unique = g_strdup (key->str);
      for (guint n = 2; g_hash_table_contains (seen, unique); n++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s-%u", key->str, n);
        }
      g_hash_table_add (seen, g_strdup (unique));
      g_strv_builder_add (builder, unique);
      px_citation_names_free (names);
    }
  return g_strv_builder_end (builder);
}

static void
csl_date (JsonBuilder *b, const char *member, const char *date)
{
  int parts[3];
  guint n = px_citation_date_parts (date, parts);

  if (n == 0)
    return;
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "date-parts");
  json_builder_begin_array (b);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_int_value (b, parts[i]);
  json_builder_end_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
csl_string (JsonBuilder *b, const char *member, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

char *
px_citation_csl_json (const PxFormatSet *set)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_auto (GStrv) keys = px_citation_keys (set);

  json_builder_begin_array (b);
  for (guint i = 0; i < set->documents->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (set->documents, i);
      GArray *names = px_citation_split_authors (px_document_get_author (doc));

      json_builder_begin_object (b);
      csl_string (b, "id", keys[i]);
      csl_string (b, "type", "article-newspaper");
      csl_string (b, "title", px_document_get_title (doc));
      csl_string (b, "container-title", px_document_get_outlet (doc));
      if (names->len > 0)
        {
          json_builder_set_member_name (b, "author");
          json_builder_begin_array (b);
          for (guint k = 0; k < names->len; k++)
            {
              PxCitationName *name = &g_array_index (names, PxCitationName, k);

              json_builder_begin_object (b);
              csl_string (b, "family", name->family);
              csl_string (b, "given", name->given);
              csl_string (b, "literal", name->literal);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      csl_date (b, "issued", px_document_get_published (doc));
      csl_date (b, "accessed", g_ptr_array_index (set->accessed, i));
      csl_string (b, "URL", px_document_get_url (doc));
      csl_string (b, "language", px_document_get_language (doc));
      json_builder_end_object (b);
      px_citation_names_free (names);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  return json_generator_to_data (gen, NULL);
}

/* A BibTeX value: TeX's special characters escaped; other characters
 * stay UTF-8 (biber, Zotero and JabRef read it). */
static void
bibtex_escape (GString *out, const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '{':
        case '}':
        case '%':
        case '&':
        case '$':
        case '#':
        case '_':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\\':
          g_string_append (out, "\\textbackslash{}");
          break;
        case '~':
          g_string_append (out, "\\textasciitilde{}");
          break;
        case '^':
          g_string_append (out, "\\textasciicircum{}");
          break;
        case '\n':
        case '\r':
        case '\t':
          g_string_append_c (out, ' ');
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
bibtex_field (GString *out, const char *field, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, "  %s = {", field);
  bibtex_escape (out, value);
  g_string_append (out, "},\n");
}

static char *
iso_date (const char *date)
{
  int parts[3];
  guint n = px_citation_date_parts (date, parts);

  if (n == 3)
    return g_strdup_printf ("%04d-%02d-%02d", parts[0], parts[1], parts[2]);
  if (n == 2)
    return g_strdup_printf ("%04d-%02d", parts[0], parts[1]);
  if (n == 1)
    return g_strdup_printf ("%04d", parts[0]);
  return NULL;
}

char *
px_citation_bibtex (const PxFormatSet *set)
{
  static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec" };
  g_autoptr (GString) out = g_string_new (NULL);
  g_auto (GStrv) keys = px_citation_keys (set);

  for (guint i = 0; i < set->documents->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (set->documents, i);
      GArray *names = px_citation_split_authors (px_document_get_author (doc));
      g_autoptr (GString) authors = g_string_new (NULL);
      g_autofree char *date = iso_date (px_document_get_published (doc));
      g_autofree char *urldate = iso_date (g_ptr_array_index (set->accessed, i));
      int parts[3];
      guint n = px_citation_date_parts (px_document_get_published (doc), parts);

      for (guint k = 0; k < names->len; k++)
        {
          PxCitationName *name = &g_array_index (names, PxCitationName, k);

          if (k > 0)
            g_string_append (authors, " and ");
          /* "Family, Given"; an organisation in braces stays whole. */
          if (name->literal != NULL)
            {
              g_string_append_c (authors, '{');
              bibtex_escape (authors, name->literal);
              g_string_append_c (authors, '}');
            }
          else
            {
              bibtex_escape (authors, name->family);
              g_string_append (authors, ", ");
              bibtex_escape (authors, name->given);
            }
        }
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "@article{%s,\n", keys[i]);
      bibtex_field (out, "title", px_document_get_title (doc));
      if (authors->len > 0)
        g_string_append_printf (out, "  author = {%s},\n", authors->str);
      bibtex_field (out, "journal", px_document_get_outlet (doc));
      bibtex_field (out, "journaltitle", px_document_get_outlet (doc));
      if (n >= 1)
        g_string_append_printf (out, "  year = {%04d},\n", parts[0]);
      if (n >= 2)
        g_string_append_printf (out, "  month = %s,\n", months[parts[1] - 1]);
      bibtex_field (out, "date", date);
      bibtex_field (out, "url", px_document_get_url (doc));
      bibtex_field (out, "urldate", urldate);
      bibtex_field (out, "langid", px_document_get_language (doc));
      g_string_append (out, "}\n");
      px_citation_names_free (names);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One RIS line: a tag, two spaces, a dash, a space, the value on one
 * line. */
static void
ris_line (GString *out, const char *tag, const char *value)
{
  g_autofree char *flat = NULL;

  if (value == NULL || *value == '\0')
    return;
  flat = g_strdelimit (g_strdup (value), "\r\n\t", ' ');
  g_string_append_printf (out, "%s  - %s\r\n", tag, flat);
}

static char *
ris_date (const char *date)
{
  int parts[3];
  guint n = px_citation_date_parts (date, parts);

  /* YYYY/MM/DD/other; missing parts are left empty. */
  if (n == 0)
    return NULL;
  if (n == 1)
    return g_strdup_printf ("%04d///", parts[0]);
  if (n == 2)
    return g_strdup_printf ("%04d/%02d//", parts[0], parts[1]);
  return g_strdup_printf ("%04d/%02d/%02d/", parts[0], parts[1], parts[2]);
}

char *
px_citation_ris (const PxFormatSet *set)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < set->documents->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (set->documents, i);
      GArray *names = px_citation_split_authors (px_document_get_author (doc));
      g_autofree char *date = ris_date (px_document_get_published (doc));
      g_autofree char *accessed = ris_date (g_ptr_array_index (set->accessed, i));
      int parts[3];

      ris_line (out, "TY", "NEWS");
      ris_line (out, "TI", px_document_get_title (doc));
      for (guint k = 0; k < names->len; k++)
        {
          PxCitationName *name = &g_array_index (names, PxCitationName, k);
          g_autofree char *value =
              name->literal != NULL ? g_strdup (name->literal) : g_strdup_printf ("%s, %s", name->family, name->given);

          ris_line (out, "AU", value);
        }
      ris_line (out, "T2", px_document_get_outlet (doc));
      if (px_citation_date_parts (px_document_get_published (doc), parts) > 0)
        {
          g_autofree char *year = g_strdup_printf ("%04d", parts[0]);
          ris_line (out, "PY", year);
        }
      ris_line (out, "DA", date);
      ris_line (out, "UR", px_document_get_url (doc));
      ris_line (out, "Y2", accessed);
      ris_line (out, "LA", px_document_get_language (doc));
      g_string_append (out, "ER  - \r\n");
      px_citation_names_free (names);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
px_citation_text (PxDocument *doc, const char *accessed)
{
  static const char *const months[] = { "January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December" };
  g_autoptr (GString) out = g_string_new (NULL);
  const char *author = px_document_get_author (doc);
  const char *outlet = px_document_get_outlet (doc);
  const char *url = px_document_get_url (doc);
  gboolean has_outlet = outlet != NULL && *outlet != '\0';
  int parts[3];
  guint n = px_citation_date_parts (px_document_get_published (doc), parts);

  g_return_val_if_fail (PX_IS_DOCUMENT (doc), NULL);
  if (author != NULL && *author != '\0')
    g_string_append_printf (out, "%s. ", author);
  g_string_append_printf (out, "“%s.”", px_document_get_title (doc) ? px_document_get_title (doc) : "");
  if (has_outlet)
    g_string_append_printf (out, " %s", outlet);
  if (n == 3)
    g_string_append_printf (out, "%s %d %s %04d", has_outlet ? "," : "", parts[2], months[parts[1] - 1], parts[0]);
  else if (n == 2)
    g_string_append_printf (out, "%s %s %04d", has_outlet ? "," : "", months[parts[1] - 1], parts[0]);
  else if (n == 1)
    g_string_append_printf (out, "%s %04d", has_outlet ? "," : "", parts[0]);
  /* The title's quotation ends with its own full stop. */
  if (has_outlet || n > 0)
    g_string_append_c (out, '.');
  if (url != NULL && *url != '\0')
    {
      g_string_append_printf (out, " %s", url);
      if (px_citation_date_parts (accessed, parts) == 3)
        g_string_append_printf (out, " (accessed %d %s %04d)", parts[2], months[parts[1] - 1], parts[0]);
      g_string_append_c (out, '.');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
