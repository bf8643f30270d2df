/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-markdown-importer.h"

#include <string.h>

#include "import/px-front-matter.h"
#include "import/px-text-extract.h"

struct _PxMarkdownImporter
{
  GObject parent_instance;
};

static void px_markdown_importer_iface_init (PxImporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxMarkdownImporter, px_markdown_importer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PX_TYPE_IMPORTER, px_markdown_importer_iface_init))

static int
px_markdown_importer_score (PxImporter *self, const char *name, const char *content_type, const guint8 *head,
                            gsize head_len)
{
  static const char *const suffixes[] = { ".md", ".markdown", ".mdown", ".mkd", ".MD" };

  if (content_type != NULL &&
      (g_str_has_prefix (content_type, "text/markdown") || g_str_has_prefix (content_type, "text/x-markdown")))
    return 60;
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (name, suffixes[i]))
      return 60;
  return 0;
}

typedef struct
{
  GRegex *re;
  const char *replacement;
} Rule;

static Rule rules[12];
static GRegex *link_definition;

static void
ensure_rules (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      const struct
      {
        const char *pattern;
        const char *replacement;
      } src[] = {
        { "!\\[[^\\]]*\\]\\([^)]*\\)", "" },                          /* images */
        { "!\\[[^\\]]*\\]\\[[^\\]]*\\]", "" },                        /* reference images */
        { "\\[([^\\]]*)\\]\\([^)]*\\)", "\\1" },                      /* links */
        { "\\[([^\\]]+)\\]\\[[^\\]]*\\]", "\\1" },                    /* reference links */
        { "<(https?://[^>\\s]+)>", "\\1" },                           /* autolinks */
        { "</?[A-Za-z][^>]*>", "" },                                  /* inline HTML */
        { "(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1", "\\2" },              /* strong */
        { "(?<![\\w*])\\*(?=\\S)(.+?)(?<=\\S)\\*(?![\\w*])", "\\1" }, /* emphasis */
        { "(?<![\\w_])[_](?=\\S)(.+?)(?<=\\S)[_](?![\\w_])", "\\1" },
        { "~~(.+?)~~", "\\1" },
        { "`+([^`]*)`+", "\\1" },
        { "\\\\([\\\\`*_{}\\[\\]()#+\\-.!>|])", "\\1" }, /* escapes */
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (src) == G_N_ELEMENTS (rules));
      for (guint i = 0; i < G_N_ELEMENTS (src); i++)
        {
          rules[i].re = g_regex_new (src[i].pattern, G_REGEX_OPTIMIZE, 0, NULL);
          rules[i].replacement = src[i].replacement;
        }
      link_definition = g_regex_new ("^\\[[^\\]]+\\]:\\s+\\S+", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
}

char *
px_markdown_strip_inline (const char *text)
{
  static const struct
  {
    const char *entity;
    const char *text;
  } entities[] = { { "&amp;", "&" },   { "&lt;", "<" },  { "&gt;", ">" },
                   { "&quot;", "\"" }, { "&#39;", "'" }, { "&nbsp;", " " } };
  char *s = g_strdup (text);

  ensure_rules ();
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      char *r = g_regex_replace (rules[i].re, s, -1, 0, rules[i].replacement, 0, NULL);
      if (r != NULL)
        {
          g_free (s);
          s = r;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strstr (s, entities[i].entity) != NULL)
      {
        g_auto (GStrv) parts = g_strsplit (s, entities[i].entity, -1);
        g_free (s);
        s = g_strjoinv (entities[i].text, parts);
      }
  return s;
}

typedef struct
{
  GPtrArray *units;
  GString *current;
  PxBlockKind kind;
  gboolean marked;
  guint group;
} Parser;

static void
flush (Parser *p)
{
  if (p->current->len > 0)
    {
      g_autofree char *plain = px_markdown_strip_inline (p->current->str);
      px_text_lines_add (p->units, plain, p->kind, p->marked, p->group);
    }
  g_string_truncate (p->current, 0);
  p->kind = PX_BLOCK_PARAGRAPH;
  p->marked = FALSE;
}

static void
start (Parser *p, PxBlockKind kind, gboolean marked, const char *text)
{
  flush (p);
  p->kind = kind;
  p->marked = marked;
  g_string_assign (p->current, text);
}

static void
append (Parser *p, const char *text)
{
  if (p->current->len > 0)
    g_string_append_c (p->current, ' ');
  g_string_append (p->current, text);
}

static gboolean
is_rule (const char *t)
{
  char c = t[0];
  guint n = 0;

  if (c != '-' && c != '*' && c != '_')
    return FALSE;
  for (; *t; t++)
    {
      if (*t == c)
        n++;
      else if (*t != ' ')
        return FALSE;
    }
  return n >= 3;
}

static int
list_marker_len (const char *t)
{
  const char *p = t;

  if ((*p == '-' || *p == '*' || *p == '+') && p[1] == ' ')
    return 2;
  while (g_ascii_isdigit (*p))
    p++;
  if (p > t && p - t <= 9 && (*p == '.' || *p == ')') && p[1] == ' ')
    return p - t + 2;
  return 0;
}

static void
parse_markdown (Parser *p, char *text)
{
  gboolean in_fence = FALSE;
  char fence = 0;
  gboolean in_html_comment = FALSE;

  ensure_rules ();
  for (char *line = text; line != NULL;)
    {
      char *eol = strchr (line, '\n');
      char *next = eol ? eol + 1 : NULL;
      char *t;
      guint indent;
      int marker;

      if (eol)
        *eol = '\0';
      g_strchomp (line);
      indent = strspn (line, " ");
      t = line + indent;

      if (in_html_comment)
        {
          if (strstr (t, "-->") != NULL)
            in_html_comment = FALSE;
        }
      else if (in_fence)
        {
          if (t[0] == fence && t[1] == fence && t[2] == fence)
            {
              in_fence = FALSE;
              flush (p);
            }
          else
            append (p, t);
        }
      else if ((t[0] == '`' || t[0] == '~') && t[1] == t[0] && t[2] == t[0])
        {
          flush (p);
          in_fence = TRUE;
          fence = t[0];
        }
      else if (g_str_has_prefix (t, "<!--"))
        in_html_comment = strstr (t, "-->") == NULL;
      else if (*t == '\0')
        {
          flush (p);
          p->group++;
        }
      else if (t[0] == '#')
        {
          guint level = strspn (t, "#");
          if (level <= 6 && (t[level] == ' ' || t[level] == '\0'))
            {
              char *h = t + level;
              gsize len = strlen (h);
              while (len > 0 && (h[len - 1] == '#' || h[len - 1] == ' '))
                h[--len] = '\0';
              start (p, PX_BLOCK_HEADING, TRUE, g_strstrip (h));
              flush (p);
            }
          else if (p->current->len > 0)
            append (p, t);
          else
            start (p, PX_BLOCK_PARAGRAPH, FALSE, t);
        }
      else if (p->current->len > 0 && p->kind == PX_BLOCK_PARAGRAPH && !p->marked &&
               strchr (p->current->str, '\n') == NULL &&
               (strspn (t, "=") == strlen (t) || strspn (t, "-") == strlen (t)))
        {
          /* Setext heading: the paragraph above is the heading. */
          p->kind = PX_BLOCK_HEADING;
          p->marked = TRUE;
          flush (p);
        }
      else if (is_rule (t))
        flush (p);
      else if (t[0] == '>')
        {
          char *q = t + 1 + (t[1] == ' ');
          if (p->kind == PX_BLOCK_QUOTE && p->current->len > 0 && *q != '\0')
            append (p, q);
          else if (*q == '\0')
            flush (p);
          else
            start (p, PX_BLOCK_QUOTE, TRUE, q);
        }
      else if ((marker = list_marker_len (t)) > 0)
        start (p, PX_BLOCK_LIST_ITEM, TRUE, t + marker);
      else if (g_regex_match (link_definition, t, 0, NULL))
        ; /* a link reference definition */
      else if (p->current->len > 0 && (p->kind == PX_BLOCK_PARAGRAPH || indent > 0 || p->kind != PX_BLOCK_HEADING))
        append (p, t);
      else
        start (p, PX_BLOCK_PARAGRAPH, FALSE, t);

      line = next;
    }
  flush (p);
}

static PxDocument *
px_markdown_importer_import (PxImporter *self, GBytes *data, const char *name, const char *content_type, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) units = px_text_lines_new ();
  g_autoptr (GString) current = g_string_new (NULL);
  PxFrontMatter fm = { 0 };
  Parser parser = { units, current, PX_BLOCK_PARAGRAPH, FALSE, 0 };
  PxDocument *doc;

  text = px_text_prepare (data, error);
  if (text == NULL)
    return NULL;
  parse_markdown (&parser, text + px_front_matter_read (text, &fm));

  doc = px_text_extract (units, &fm, error);
  px_front_matter_clear (&fm);
  if (doc != NULL)
    px_document_set_source_kind (doc, "markdown");
  return doc;
}

static void
px_markdown_importer_iface_init (PxImporterInterface *iface)
{
  iface->score = px_markdown_importer_score;
  iface->import = px_markdown_importer_import;
}

static void
px_markdown_importer_class_init (PxMarkdownImporterClass *klass)
{
}

static void
px_markdown_importer_init (PxMarkdownImporter *self)
{
}

PxImporter *
px_markdown_importer_new (void)
{
  return g_object_new (PX_TYPE_MARKDOWN_IMPORTER, NULL);
}
