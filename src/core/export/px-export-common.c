/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "export/px-export-private.h"
#include "export/px-markdown.h"
#include "annotations/px-store-annotations.h"

GHashTable *
_px_export_meanings_new (GPtrArray *colors)
{
  GHashTable *meanings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; colors != NULL && i < colors->len; i++)
    {
      const PxColorInfo *info = g_ptr_array_index (colors, i);

      if (info->name != NULL)
        g_hash_table_replace (meanings, g_strdup (info->name), g_strdup (info->meaning ? info->meaning : ""));
    }
  return meanings;
}

static guint
color_rank (const char *color)
{
  const char *const *names = px_annotation_color_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], color) == 0)
      return i;
  return PX_N_COLORS;
}

static int
compare_text_order (gconstpointer a, gconstpointer b)
{
  return px_annotation_compare (*(PxAnnotation **)a, *(PxAnnotation **)b);
}

static int
compare_color_order (gconstpointer a, gconstpointer b)
{
  PxAnnotation *x = *(PxAnnotation **)a, *y = *(PxAnnotation **)b;
  guint rx = color_rank (px_annotation_get_color (x)), ry = color_rank (px_annotation_get_color (y));

  if (rx != ry)
    return rx < ry ? -1 : 1;
  return px_annotation_compare (x, y);
}

GPtrArray *
_px_export_select (GPtrArray *annotations, const PxExportOptions *options)
{
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      PxAnnotation *a = g_ptr_array_index (annotations, i);

      if (px_export_options_accept (options, a))
        g_ptr_array_add (selected, g_object_ref (a));
    }
  g_ptr_array_sort (selected, options->order == PX_EXPORT_ORDER_COLOR ? compare_color_order : compare_text_order);
  return selected;
}

char *
_px_export_color_title (const char *color)
{
  char *title = g_strdup (color != NULL ? color : "");

  if (title[0] != '\0')
    title[0] = g_ascii_toupper (title[0]);
  return title;
}

void
_px_export_append_heading (GString *out, guint level, const char *text)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  /* A heading is one line: any line break in a title becomes a space. */
  g_strdelimit (flat, "\r\n", ' ');
  for (guint i = 0; i < MIN (level, 6); i++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  px_markdown_append_escaped (out, g_strstrip (flat), -1, PX_MARKDOWN_ESCAPE_LINE_START | PX_MARKDOWN_ESCAPE_LINE_END);
  g_string_append (out, "\n\n");
}

void
_px_export_yaml_begin (GString *out)
{
  g_string_append (out, "---\n");
}

void
_px_export_yaml_string (GString *out, const char *key, const char *value)
{
  g_autofree char *quoted = NULL;

  if (value == NULL || *value == '\0')
    return;
  quoted = px_yaml_quote (value);
  g_string_append_printf (out, "%s: %s\n", key, quoted);
}

void
_px_export_yaml_list (GString *out, const char *key, const char *const *values, guint n_values)
{
  if (n_values == 0)
    return;
  g_string_append_printf (out, "%s: [", key);
  for (guint i = 0; i < n_values; i++)
    {
      g_autofree char *quoted = px_yaml_quote (values[i]);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, quoted);
    }
  g_string_append (out, "]\n");
}

void
_px_export_yaml_int (GString *out, const char *key, gint64 value)
{
  g_string_append_printf (out, "%s: %" G_GINT64_FORMAT "\n", key, value);
}

void
_px_export_yaml_end (GString *out)
{
  g_string_append (out, "---\n\n");
}

/* Case-insensitive, but never locale-dependent: the same bytes anywhere. */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  const char *x = *(const char **)a, *y = *(const char **)b;
  g_autofree char *fx = g_utf8_casefold (x, -1);
  g_autofree char *fy = g_utf8_casefold (y, -1);
  int c = strcmp (fx, fy);

  return c != 0 ? c : strcmp (x, y);
}

GPtrArray *
_px_export_collect_tags (GPtrArray *annotations)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      const char *const *names = px_annotation_get_tags (g_ptr_array_index (annotations, i));

      for (guint k = 0; names[k] != NULL; k++)
        {
          char *folded = g_utf8_casefold (names[k], -1);

          if (g_hash_table_contains (seen, folded))
            {
              g_free (folded);
              continue;
            }
          g_hash_table_add (seen, folded);
          g_ptr_array_add (tags, g_strdup (names[k]));
        }
    }
  g_ptr_array_sort (tags, compare_names);
  return tags;
}

/* A URL that is valid as a CommonMark autolink: a scheme, then no space,
 * "<", ">" or control character. */
static gboolean
is_autolink (const char *url)
{
  const char *p = url;

  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '.' || *p == '-')
    p++;
  if (*p != ':' || p - url < 2 || p - url > 32 || p[1] == '\0')
    return FALSE;
  for (; *p; p++)
    if ((guchar)*p <= 0x20 || *p == '<' || *p == '>' || *p == 0x7f)
      return FALSE;
  return g_utf8_validate (url, -1, NULL);
}

static void
append_url (GString *out, const char *url)
{
  if (is_autolink (url))
    g_string_append_printf (out, "<%s>", url);
  else
    {
      g_autofree char *dest = px_markdown_link_destination (url);

      g_string_append_c (out, '[');
      px_markdown_append_escaped (out, url, -1, PX_MARKDOWN_ESCAPE_NONE);
      g_string_append_printf (out, "](%s)", dest);
    }
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

void
_px_export_append_citation (GString *out, PxDocument *document)
{
  const char *parts[3] = { px_document_get_outlet (document), px_document_get_author (document), NULL };
  g_autofree char *date = px_markdown_format_date (px_document_get_published (document));
  const char *url = px_document_get_url (document);
  gboolean any = FALSE;

  parts[2] = date;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *flat = g_strstrip (g_strdup (parts[i] != NULL ? parts[i] : ""));

      if (*flat == '\0')
        continue;
      g_strdelimit (flat, "\r\n", ' ');
      g_string_append (out, any ? " · " : "*");
      px_markdown_append_escaped (out, flat, -1, PX_MARKDOWN_ESCAPE_NONE);
      any = TRUE;
    }
  if (any)
    g_string_append_c (out, '*');
  if (has_text (url))
    {
      if (any)
        g_string_append (out, " · ");
      append_url (out, url);
      any = TRUE;
    }
  if (any)
    g_string_append (out, "\n\n");
}

char *
_px_export_paragraph_label (PxDocument *document, guint start, guint end)
{
  guint first, last;

  if (document == NULL || px_document_get_n_blocks (document) == 0)
    return NULL;
  first = px_document_find_block (document, start) + 1;
  last = end > start ? px_document_find_block (document, end - 1) + 1 : first;
  if (last > first)
    return g_strdup_printf ("¶%u–%u", first, last);
  return g_strdup_printf ("¶%u", first);
}
