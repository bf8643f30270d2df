/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "export/px-export-private.h"
#include "export/px-filename.h"
#include "export/px-markdown.h"
#include "annotations/px-store-annotations.h"

#define INDEX_NAME "index.md"

/* File names for the documents, in library order: titles made safe, and
 * unique within the export (ignoring case, as some file systems do) by
 * " (2)", " (3)"… The index's name is taken first. The same library gives
 * the same names, so a second export replaces the first one's files. */
static GPtrArray *
file_names (GPtrArray *infos)
{
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_hash_table_add (taken, g_utf8_casefold (INDEX_NAME, -1));
  for (guint i = 0; i < infos->len; i++)
    {
      PxDocumentInfo *info = g_ptr_array_index (infos, i);
      g_autofree char *stem = px_sanitize_filename (info->title, "Untitled");
      char *name = g_strconcat (stem, ".md", NULL);
      char *folded = g_utf8_casefold (name, -1);

      for (guint n = 2; g_hash_table_contains (taken, folded); n++)
        {
          g_free (name);
          g_free (folded);
          name = g_strdup_printf ("%s (%u).md", stem, n);
          folded = g_utf8_casefold (name, -1);
        }
      g_hash_table_add (taken, folded);
      g_ptr_array_add (names, name);
    }
  return names;
}

static gboolean
write_file (const char *path, const char *contents, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    return TRUE;
  g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local->code), _ ("Could not write “%s”: %s"), path,
               local->message);
  return FALSE;
}

static void
append_index_entry (GString *out, PxDocumentInfo *info, const char *file_name, guint n_highlights)
{
  g_autofree char *link = px_markdown_file_link (file_name);
  g_autofree char *date = px_markdown_format_date (info->published);
  g_autofree char *title = g_strdup (info->title != NULL && *info->title != '\0' ? info->title : "Untitled");

  g_strdelimit (title, "\r\n", ' ');
  g_string_append (out, "- [");
  px_markdown_append_escaped (out, title, -1, PX_MARKDOWN_ESCAPE_NONE);
  g_string_append_printf (out, "](%s)", link);
  if (info->outlet != NULL && *info->outlet != '\0')
    {
      g_autofree char *outlet = g_strdup (info->outlet);

      g_strdelimit (outlet, "\r\n", ' ');
      g_string_append (out, " · ");
      px_markdown_append_escaped (out, outlet, -1, PX_MARKDOWN_ESCAPE_NONE);
    }
  if (date != NULL)
    {
      g_string_append (out, " · ");
      px_markdown_append_escaped (out, date, -1, PX_MARKDOWN_ESCAPE_NONE);
    }
  g_string_append_printf (out, " · %u %s\n", n_highlights, n_highlights == 1 ? "highlight" : "highlights");
}

GPtrArray *
px_export_library_to_dir (PxStore *store, const char *dir, const PxExportOptions *options, GCancellable *cancellable,
                          GError **error)
{
  g_autoptr (GPtrArray) infos = NULL;
  g_autoptr (GPtrArray) colors = NULL;
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) index = g_string_new (NULL);
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (PxExportOptions) defaults = NULL;
  g_autofree char *index_path = NULL;
  g_autoptr (GString) unreadable = g_string_new (NULL);
  gint64 section = -1;
  guint total = 0, n_unreadable = 0;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  if (options == NULL)
    options = defaults = px_export_options_new ();
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _ ("Could not create the folder “%s”: %s"), dir,
                   g_strerror (saved));
      return NULL;
    }
  if ((infos = px_store_list_documents (store, error)) == NULL ||
      (colors = px_store_list_colors (store, error)) == NULL)
    return NULL;
  names = file_names (infos);

  for (guint i = 0; i < infos->len; i++)
    {
      PxDocumentInfo *info = g_ptr_array_index (infos, i);
      g_autoptr (PxDocument) doc = NULL;
      g_autoptr (GPtrArray) annotations = NULL;
      g_autoptr (GPtrArray) selected = NULL;
      g_autofree char *markdown = NULL;
      g_autofree char *path = NULL;

      g_autoptr (GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if ((doc = px_store_load_document (store, info->id, &local_error)) == NULL ||
          (annotations = px_store_list_annotations (store, info->id, &local_error)) == NULL)
        {
          /* A damaged library: save what can still be read, and say in
           * the index what could not (a listed article that cannot be
           * found again sits on a damaged page too). */
          if (g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT) ||
              g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
            {
              g_autofree char *title =
                  px_markdown_escape_inline (info->title && *info->title ? info->title : "Untitled");
              g_string_append_printf (unreadable, "- %s\n", title);
              n_unreadable++;
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      markdown = px_export_article (doc, annotations, colors, info->event_title, options);
      path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      if (!write_file (path, markdown, error))
        return NULL;
      g_ptr_array_add (written, g_steal_pointer (&path));

      if (info->event_id != section)
        {
          g_autofree char *heading = NULL;

          if (info->event_id == 0)
            heading = g_strdup (_ ("Not in an event"));
          else if (info->event_title != NULL && *info->event_title != '\0')
            heading = g_strdup (info->event_title);
          else
            heading = g_strdup_printf ("Event %" G_GINT64_FORMAT, info->event_id);
          if (section != -1)
            g_string_append_c (body, '\n');
          _px_export_append_heading (body, 2, heading);
          section = info->event_id;
        }
      selected = _px_export_select (annotations, options);
      append_index_entry (body, info, g_ptr_array_index (names, i), selected->len);
      total += selected->len;
    }

  _px_export_yaml_begin (index);
  _px_export_yaml_string (index, "title", "Parallax library");
  _px_export_yaml_int (index, "articles", infos->len - n_unreadable);
  _px_export_yaml_int (index, "highlights", total);
  _px_export_yaml_end (index);
  _px_export_append_heading (index, 1, _ ("Parallax library"));
  if (infos->len == 0)
    g_string_append (index, "*The library is empty.*\n");
  g_string_append_len (index, body->str, body->len);
  if (n_unreadable > 0)
    {
      g_string_append_c (index, '\n');
      _px_export_append_heading (index, 2, _ ("Could not be read"));
      g_string_append (index, "The library file is damaged; these articles could not be read:\n\n");
      g_string_append_len (index, unreadable->str, unreadable->len);
    }
  index_path = g_build_filename (dir, INDEX_NAME, NULL);
  if (!write_file (index_path, index->str, error))
    return NULL;
  g_ptr_array_add (written, g_steal_pointer (&index_path));
  return g_steal_pointer (&written);
}
