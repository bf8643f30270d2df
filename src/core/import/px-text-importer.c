/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-text-importer.h"

#include <string.h>

#include "import/px-front-matter.h"
#include "import/px-text-extract.h"

struct _PxTextImporter
{
  GObject parent_instance;
};

static void px_text_importer_iface_init (PxImporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxTextImporter, px_text_importer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PX_TYPE_IMPORTER, px_text_importer_iface_init))

static int
px_text_importer_score (PxImporter *self, const char *name, const char *content_type, const guint8 *head,
                        gsize head_len)
{
  if (content_type != NULL && g_str_has_prefix (content_type, "text/plain"))
    return 50;
  if (name != NULL &&
      (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".text") || g_str_has_suffix (name, ".TXT")))
    return 50;
  /* Any text is readable as plain text; better importers outbid this. */
  return 1;
}

static gboolean
starts_lower (const char *text)
{
  return g_unichar_islower (g_utf8_get_char (text));
}

static gboolean
ends_sentence (const GString *s)
{
  char c = s->len > 0 ? s->str[s->len - 1] : 0;
  return c == '.' || c == '!' || c == '?' || c == ':';
}

static gboolean
is_bullet (const char *line)
{
  gunichar c = g_utf8_get_char (line);
  const char *next = g_utf8_next_char (line);

  if ((c == '-' || c == '*' || c == '+' || c == 0x2022 || c == 0x00B7 || c == 0x2013 || c == 0x25AA) && *next == ' ')
    return TRUE;
  if (g_ascii_isdigit (line[0]))
    {
      const char *p = line;
      while (g_ascii_isdigit (*p))
        p++;
      return p - line <= 2 && (*p == '.' || *p == ')') && p[1] == ' ';
    }
  return FALSE;
}

/* One group of lines between blank lines. Lines wrapped at a fixed
 * width, or continued in lower case, are one paragraph; other lines (a
 * menu, a headline over its byline, a heading over its paragraph) stay
 * apart. */
static void
add_group (GPtrArray *units, GPtrArray *lines, guint group)
{
  g_autoptr (GString) current = g_string_new (NULL);
  PxBlockKind kind = PX_BLOCK_PARAGRAPH;
  gboolean marked = FALSE, wrapped = FALSE, current_bullet = FALSE;
  glong width = 0;

  for (guint i = 0; i < lines->len; i++)
    width = MAX (width, g_utf8_strlen (g_ptr_array_index (lines, i), -1));
  if (lines->len >= 2 && width >= 50 && width <= 110)
    {
      guint stops = 0;

      /* Wrapped lines fill the width and mostly break inside sentences;
       * a sentence over a short name is a standfirst over its byline. */
      wrapped = TRUE;
      for (guint i = 0; i + 1 < lines->len && wrapped; i++)
        {
          const char *l = g_ptr_array_index (lines, i);
          gsize len = strlen (l);
          char last = len > 0 ? l[len - 1] : 0;
          wrapped = g_utf8_strlen (l, -1) >= width - 20 && !is_bullet (l + strspn (l, " "));
          stops += last == '.' || last == '!' || last == '?' || last == ':';
        }
      if (stops * 2 >= lines->len - 1)
        wrapped = FALSE;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      gboolean indented = line[0] == ' ';
      const char *text = line + strspn (line, " ");
      gboolean quote = text[0] == '>';
      gboolean bullet = is_bullet (text);

      if (quote)
        text += text[1] == ' ' ? 2 : 1;
      if (current->len > 0 && !bullet && !quote == !(kind == PX_BLOCK_QUOTE && marked) &&
          (wrapped || (starts_lower (text) && !ends_sentence (current)) || (current_bullet && indented) ||
           (quote && kind == PX_BLOCK_QUOTE)))
        {
          g_string_append_c (current, ' ');
          g_string_append (current, text);
          continue;
        }
      px_text_lines_add (units, current->str, kind, marked, group);
      g_string_assign (current, text);
      kind = quote ? PX_BLOCK_QUOTE : PX_BLOCK_PARAGRAPH;
      marked = quote;
      current_bullet = bullet;
    }
  px_text_lines_add (units, current->str, kind, marked, group);
}

static PxDocument *
px_text_importer_import (PxImporter *self, GBytes *data, const char *name, const char *content_type, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) units = px_text_lines_new ();
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  PxFrontMatter fm = { 0 };
  PxDocument *doc;
  char *p;
  guint group = 0;

  text = px_text_prepare (data, error);
  if (text == NULL)
    return NULL;

  p = text + px_front_matter_read (text, &fm);
  while (p != NULL && *p)
    {
      char *eol = strchr (p, '\n');
      char *next = eol ? eol + 1 : NULL;

      if (eol)
        *eol = '\0';
      g_strchomp (p);
      if (*p == '\0' || strspn (p, " ") == strlen (p))
        {
          if (lines->len > 0)
            add_group (units, lines, group++);
          g_ptr_array_set_size (lines, 0);
        }
      else
        g_ptr_array_add (lines, p);
      p = next;
    }
  if (lines->len > 0)
    add_group (units, lines, group);

  doc = px_text_extract (units, &fm, error);
  px_front_matter_clear (&fm);
  if (doc != NULL)
    px_document_set_source_kind (doc, "text");
  return doc;
}

static void
px_text_importer_iface_init (PxImporterInterface *iface)
{
  iface->score = px_text_importer_score;
  iface->import = px_text_importer_import;
}

static void
px_text_importer_class_init (PxTextImporterClass *klass)
{
}

static void
px_text_importer_init (PxTextImporter *self)
{
}

PxImporter *
px_text_importer_new (void)
{
  return g_object_new (PX_TYPE_TEXT_IMPORTER, NULL);
}
