/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-text-importer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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
  if (name != NULL && (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".text")))
    return 50;
  /* Any text is readable as plain text; better importers outbid this. */
  return 1;
}

/* Windows (CRLF) and old Mac (CR) line ends become LF. */
static char *
normalize_newlines (const char *bytes, gsize len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (bytes[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < len && bytes[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, bytes[i]);
    }
  return g_string_free (out, FALSE);
}

/* Splits into paragraphs at blank lines; the first one is the title. */
static PxDocument *
px_text_importer_import (PxImporter *self, GBytes *data, const char *name, const char *content_type, GError **error)
{
  gsize len;
  const char *bytes = g_bytes_get_data (data, &len);
  g_autofree char *text = NULL;
  g_auto (GStrv) paras = NULL;
  g_autoptr (PxDocument) doc = px_document_new ();
  gboolean have_title = FALSE;

  /* A UTF-8 byte order mark is not part of the text. */
  if (len >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
    {
      bytes += 3;
      len -= 3;
    }
  if (!g_utf8_validate_len (bytes, len, NULL))
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_ENCODING, _ ("The file is not valid UTF-8 text"));
      return NULL;
    }

  text = normalize_newlines (bytes, len);
  paras = g_regex_split_simple ("\\n[ \\t]*\\n", text, 0, 0);
  for (guint i = 0; paras[i] != NULL; i++)
    {
      g_strstrip (paras[i]);
      if (*paras[i] == '\0')
        continue;
      if (!have_title)
        {
          g_strdelimit (paras[i], "\n", ' ');
          px_document_set_title (doc, paras[i]);
          have_title = TRUE;
          continue;
        }
      px_document_append_block (doc, PX_BLOCK_PARAGRAPH, paras[i]);
    }

  if (px_document_get_n_blocks (doc) == 0)
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_EMPTY, _ ("No article text was found"));
      return NULL;
    }
  px_document_set_source_kind (doc, "text");
  return g_steal_pointer (&doc);
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
