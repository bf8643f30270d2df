/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-import.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "import/html/px-html-importer.h"
#include "import/px-import-job.h"
#include "import/px-markdown-importer.h"
#include "import/px-text-importer.h"

static GPtrArray *importers;
G_LOCK_DEFINE_STATIC (importers);

void
px_import_register (PxImporter *importer)
{
  G_LOCK (importers);
  if (importers == NULL)
    importers = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (importers, g_object_ref (importer));
  G_UNLOCK (importers);
}

static void
ensure_builtin_importers (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_autoptr (PxImporter) text = px_text_importer_new ();
      g_autoptr (PxImporter) html = px_html_importer_new ();
      g_autoptr (PxImporter) markdown = px_markdown_importer_new ();
      px_import_register (text);
      px_import_register (html);
      px_import_register (markdown);
      g_once_init_leave (&once, 1);
    }
}

gboolean
px_import_looks_binary (const guint8 *data, gsize len)
{
  gsize n = MIN (len, 8192);
  gsize controls = 0;

  /* A NUL byte never appears in UTF-8 text. UTF-16 has many, so it is
   * text only when a byte order mark says so (pages saved by old Windows
   * browsers); the importer decodes it. */
  if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      if (data[i] == 0)
        return TRUE;
      if (data[i] < 0x20 && data[i] != '\n' && data[i] != '\r' && data[i] != '\t' && data[i] != '\f')
        controls++;
    }
  return n > 0 && controls * 10 > n;
}

static PxDocument *
too_long (GError **error, gsize bytes)
{
  g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_TOO_LARGE,
               _ ("The article is too long: %.1f MB of text (at most %d MB are imported)"), bytes / (1024.0 * 1024.0),
               PX_IMPORT_MAX_TEXT_BYTES / (1024 * 1024));
  return NULL;
}

/* Start tags in @bytes ('<' then a letter; one NUL byte between them is
 * skipped, for UTF-16): a linear scan, far cheaper than parsing. */
static gsize
count_start_tags (const guint8 *bytes, gsize len)
{
  gsize n = 0;

  for (const guint8 *p = memchr (bytes, '<', len); p != NULL; p = memchr (p + 1, '<', len - (gsize)(p + 1 - bytes)))
    {
      gsize i = (gsize)(p - bytes) + 1;

      if (i < len && bytes[i] == 0)
        i++;
      if (i < len && g_ascii_isalpha (bytes[i]))
        n++;
    }
  return n;
}

PxDocument *
px_import_bytes (GBytes *data, const char *name, const char *content_type, GError **error)
{
  gsize len;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  PxImporter *best = NULL;
  int best_score = 0;

  g_return_val_if_fail (data != NULL, NULL);
  ensure_builtin_importers ();

  if (len == 0)
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_EMPTY, _ ("The file is empty"));
      return NULL;
    }
  if (len > PX_IMPORT_MAX_BYTES)
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_TOO_LARGE, _ ("The file is larger than %d MB"),
                   PX_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (px_import_looks_binary (bytes, len))
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_BINARY, _ ("This is a binary file, not an article"));
      return NULL;
    }

  G_LOCK (importers);
  for (guint i = 0; i < importers->len; i++)
    {
      PxImporter *imp = g_ptr_array_index (importers, i);
      int score = px_importer_score (imp, name, content_type, bytes, MIN (len, 4096));
      if (score > best_score)
        {
          best_score = score;
          best = imp;
        }
    }
  if (best != NULL)
    g_object_ref (best);
  G_UNLOCK (importers);

  if (best == NULL)
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_UNSUPPORTED, _ ("This kind of file cannot be imported"));
      return NULL;
    }

  {
    g_autoptr (PxImporter) imp = best;
    g_autoptr (PxDocument) doc = NULL;
    gboolean is_html = PX_IS_HTML_IMPORTER (imp);

    /* Text and Markdown are their own text: too long is known before
     * parsing (which costs far more memory than the bytes). */
    if (!is_html && len > PX_IMPORT_MAX_TEXT_BYTES)
      return too_long (error, len);
    if (is_html)
      {
        gsize tags = count_start_tags (bytes, len);

        if (tags > PX_IMPORT_MAX_ELEMENTS)
          {
            g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_TOO_LARGE,
                         _ ("The page is too complex: %" G_GSIZE_FORMAT " HTML elements (at most %d are read)"), tags,
                         PX_IMPORT_MAX_ELEMENTS);
            return NULL;
          }
      }
    doc = px_importer_import (imp, data, name, content_type, error);
    if (doc == NULL)
      return NULL;
    if (strlen (px_document_get_text (doc)) > PX_IMPORT_MAX_TEXT_BYTES)
      return too_long (error, strlen (px_document_get_text (doc)));
    if (px_document_get_n_blocks (doc) > PX_IMPORT_MAX_BLOCKS)
      {
        g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_TOO_LARGE,
                     _ ("The article is too long: %u paragraphs (at most %d are imported)"),
                     px_document_get_n_blocks (doc), PX_IMPORT_MAX_BLOCKS);
        return NULL;
      }
    return g_steal_pointer (&doc);
  }
}

PxDocument *
px_import_file (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  PxDocument *doc;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE, 0, cancellable,
                            error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_UNSUPPORTED, _ ("Not a regular file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > PX_IMPORT_MAX_BYTES)
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_TOO_LARGE, _ ("The file is larger than %d MB"),
                   PX_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_basename (file);
  doc = px_import_bytes (bytes, name, NULL, error);
  if (doc == NULL)
    return NULL;

  uri = g_file_get_path (file);
  if (uri == NULL)
    uri = g_file_get_uri (file);
  px_document_set_source (doc, uri);
  return doc;
}

/* Inside a folder, only files that can be articles are taken: those named
 * as text, Markdown or web pages, and those without an extension (which
 * are sniffed). A folder of articles often holds other things too (images,
 * PDFs, a build file, a spreadsheet of sources), and a file of those kinds
 * read as plain text would become a nonsense article. A file the user
 * names directly is always tried. */
gboolean
px_import_name_is_article (const char *name)
{
  static const char *const extensions[] = { "txt", "text", "md",  "markdown", "mdown",
                                            "mkd", "html", "htm", "xhtml",    "shtml" };
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A folder or link that cannot be read: reported like a file that could
 * not be imported, and the rest of the import goes on. */
static void
add_problem (GPtrArray *problems, GFile *file, const char *message)
{
  PxImportResult *r = g_new0 (PxImportResult, 1);

  r->source = g_file_get_path (file);
  if (r->source == NULL)
    r->source = g_file_get_uri (file);
  r->status = PX_IMPORT_FAILED;
  r->message = g_strdup (message);
  g_ptr_array_add (problems, r);
}

/* Symbolic links are followed; @seen (file ids of the folders walked)
 * keeps a link to a folder above from looping. */
static gboolean
collect_recursive (GFile *dir, GPtrArray *out, GPtrArray *problems, GHashTable *seen, GCancellable *cancellable,
                   GError **error)
{
  g_autoptr (GFileEnumerator) en = NULL;
  g_autoptr (GError) local_error = NULL;

  en = g_file_enumerate_children (dir,
                                  G_FILE_ATTRIBUTE_STANDARD_NAME
                                  "," G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN
                                  "," G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK "," G_FILE_ATTRIBUTE_ID_FILE,
                                  G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (en == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      add_problem (problems, dir, local_error->message);
      return TRUE;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      const char *name;
      GFileType type;

      if (!g_file_enumerator_iterate (en, &info, &child, cancellable, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          add_problem (problems, dir, local_error->message);
          return TRUE;
        }
      if (info == NULL)
        break;
      name = g_file_info_get_name (info);
      if (g_file_info_get_is_hidden (info) || name[0] == '.')
        continue;
      type = g_file_info_get_file_type (info);
      if (type == G_FILE_TYPE_DIRECTORY)
        {
          const char *id = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE);

          /* "Web page, complete" saves images and scripts next to the page. */
          if (g_str_has_suffix (name, "_files"))
            continue;
          if (id != NULL && !g_hash_table_add (seen, g_strdup (id)))
            continue; /* walked already: a link back up, or twice linked */
          if (!collect_recursive (child, out, problems, seen, cancellable, error))
            return FALSE;
        }
      else if (type == G_FILE_TYPE_REGULAR && px_import_name_is_article (name))
        g_ptr_array_add (out, g_object_ref (child));
      else if (type == G_FILE_TYPE_SYMBOLIC_LINK && px_import_name_is_article (name))
        add_problem (problems, child, _ ("The link points to nothing"));
    }
  return TRUE;
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile **)a);
  g_autofree char *pb = g_file_get_path (*(GFile **)b);
  return g_strcmp0 (pa, pb);
}

GPtrArray *
px_import_collect_files (GFile *const *roots, guint n_roots, GPtrArray *problems, GCancellable *cancellable,
                         GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (problems != NULL, NULL);
  for (guint i = 0; i < n_roots; i++)
    {
      GFileType type = g_file_query_file_type (roots[i], 0, cancellable);

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr (GPtrArray) sub = g_ptr_array_new_with_free_func (g_object_unref);
          g_autoptr (GFileInfo) info = g_file_query_info (roots[i], G_FILE_ATTRIBUTE_ID_FILE, 0, cancellable, NULL);
          const char *id = info != NULL ? g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE) : NULL;

          if (id != NULL && !g_hash_table_add (seen, g_strdup (id)))
            continue;
          if (!collect_recursive (roots[i], sub, problems, seen, cancellable, error))
            return NULL;
          g_ptr_array_sort (sub, compare_paths);
          for (guint k = 0; k < sub->len; k++)
            g_ptr_array_add (out, g_object_ref (g_ptr_array_index (sub, k)));
        }
      else
        g_ptr_array_add (out, g_object_ref (roots[i]));
    }
  return g_steal_pointer (&out);
}
