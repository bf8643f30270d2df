/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/html/px-html-importer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "import/px-charset.h"
#include "import/html/px-html-dom.h"
#include "import/html/px-html-extract.h"
#include "import/html/px-html-metadata.h"
#include "import/px-language.h"

struct _PxHtmlImporter
{
  GObject parent_instance;
};

static void px_html_importer_iface_init (PxImporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxHtmlImporter, px_html_importer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PX_TYPE_IMPORTER, px_html_importer_iface_init))

static gboolean
has_suffix_ci (const char *name, const char *suffix)
{
  gsize n = strlen (name), s = strlen (suffix);
  return n >= s && g_ascii_strcasecmp (name + n - s, suffix) == 0;
}

gboolean
px_html_looks_like_html (const guint8 *head, gsize len)
{
  static const char *const starts[] = { "<!doctype html", "<html", "<head", "<body", "<meta", "<title", NULL };
  gsize i = 0;

  if (len >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  for (;;)
    {
      while (i < len && g_ascii_isspace (head[i]))
        i++;
      /* Skip comments and an XML declaration (XHTML). */
      if (i + 4 <= len && memcmp (head + i, "<!--", 4) == 0)
        {
          const guint8 *end = memmem (head + i, len - i, "-->", 3);
          if (end == NULL)
            return FALSE;
          i = end - head + 3;
          continue;
        }
      if (i + 5 <= len && memcmp (head + i, "<?xml", 5) == 0)
        {
          const guint8 *end = memmem (head + i, len - i, "?>", 2);
          if (end == NULL)
            return FALSE;
          i = end - head + 2;
          continue;
        }
      break;
    }
  for (guint k = 0; starts[k]; k++)
    {
      gsize n = strlen (starts[k]);
      if (i + n <= len && g_ascii_strncasecmp ((const char *)head + i, starts[k], n) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
px_html_importer_score (PxImporter *self, const char *name, const char *content_type, const guint8 *head,
                        gsize head_len)
{
  if (content_type != NULL &&
      (g_str_has_prefix (content_type, "text/html") || g_str_has_prefix (content_type, "application/xhtml")))
    return 100;
  if (name != NULL && (has_suffix_ci (name, ".html") || has_suffix_ci (name, ".htm") ||
                       has_suffix_ci (name, ".xhtml") || has_suffix_ci (name, ".shtml")))
    return 100;
  if (px_html_looks_like_html (head, head_len))
    return 90;
  return 0;
}

static gboolean
is_url (const char *name)
{
  return name != NULL && (g_str_has_prefix (name, "http://") || g_str_has_prefix (name, "https://"));
}

static char *
title_from_name (const char *name)
{
  g_autofree char *base = NULL;
  char *dot;

  if (name == NULL || is_url (name))
    return NULL;
  base = g_path_get_basename (name);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  g_strdelimit (base, "_", ' ');
  return px_html_clean_space (base);
}

/* For the import report: which fallback of px_html_extract() found the
 * text, in words. */
static const char *
fallback_note (guint level)
{
  const char *name = px_html_extract_fallback_name (level);

  if (name == NULL)
    return NULL;
  if (strcmp (name, "relaxed") == 0)
    return _ ("Article found with relaxed rules: parts named like sidebars, banners or paywalls were kept");
  if (strcmp (name, "wrappers") == 0)
    return _ ("Article found inside a form or a wrapper that usually holds page furniture: check the text");
  if (strcmp (name, "densest") == 0)
    return _ ("No article layout was recognised: the page's largest block of text was kept");
  return _ ("No article layout was recognised: all readable text of the page was kept");
}

static PxDocument *
px_html_importer_import (PxImporter *self, GBytes *data, const char *name, const char *content_type, GError **error)
{
  gsize len, utf8_len = 0;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  g_autofree char *utf8 = NULL;
  g_autoptr (PxHtmlMetadata) meta = NULL;
  g_autoptr (PxHtmlExtract) extract = NULL;
  g_autoptr (PxDocument) doc = NULL;
  htmlDocPtr html;

  utf8 = px_charset_to_utf8 (bytes, len, content_type, &utf8_len, NULL, error);
  if (utf8 == NULL)
    return NULL;

  html = px_html_parse (utf8, utf8_len);
  g_clear_pointer (&utf8, g_free);
  if (html == NULL)
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_MALFORMED, _ ("The page could not be read as HTML"));
      return NULL;
    }
  meta = px_html_metadata_read (html, is_url (name) ? name : NULL);
  extract = px_html_extract (html, meta->title != NULL ? meta->title : meta->h1, meta->author);
  xmlFreeDoc (html);
  px_html_metadata_finish (meta, extract->byline, extract->dateline, extract->headline);

  doc = px_document_new ();
  for (guint i = 0; i < extract->blocks->len; i++)
    {
      PxHtmlBlock *block = g_ptr_array_index (extract->blocks, i);

      /* The headline became the title: it is not body text. */
      if (i == 0 && block->kind == PX_BLOCK_HEADING && extract->headline != NULL &&
          g_strcmp0 (meta->title, extract->headline) == 0)
        continue;
      px_document_append_block (doc, block->kind, block->text);
    }
  if (px_document_get_n_blocks (doc) == 0)
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_EMPTY, _ ("No article text was found in this page"));
      return NULL;
    }

  if (meta->title == NULL)
    meta->title = meta->h1 != NULL ? px_html_clean_space (meta->h1) : title_from_name (name);
  px_document_set_title (doc, meta->title);
  px_document_set_outlet (doc, meta->outlet);
  px_document_set_author (doc, meta->author);
  px_document_set_published (doc, meta->published);
  px_document_set_url (doc, meta->url);
  if (meta->language == NULL)
    meta->language = g_strdup (px_language_detect (px_document_get_text (doc)));
  px_document_set_language (doc, meta->language);
  px_document_set_raw (doc, data);
  px_document_set_source_kind (doc, "html");
  px_document_set_import_note (doc, fallback_note (extract->level));
  if (is_url (name))
    px_document_set_source (doc, name);
  return g_steal_pointer (&doc);
}

static void
px_html_importer_iface_init (PxImporterInterface *iface)
{
  iface->score = px_html_importer_score;
  iface->import = px_html_importer_import;
}

static void
px_html_importer_class_init (PxHtmlImporterClass *klass)
{
}

static void
px_html_importer_init (PxHtmlImporter *self)
{
}

PxImporter *
px_html_importer_new (void)
{
  return g_object_new (PX_TYPE_HTML_IMPORTER, NULL);
}
