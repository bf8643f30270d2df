/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "formats/px-qdpx.h"
#include "annotations/px-store-annotations.h"

/* The swatches' colours (ui/style.css, the GNOME palette), for other
 * tools' code lists. */
static const char *
color_rgb (const char *name)
{
  static const struct
  {
    const char *name;
    const char *rgb;
  } palette[] = {
    { "yellow", "#F6D32D" }, { "green", "#57E389" },  { "blue", "#62A0EA" },
    { "red", "#F66151" },    { "purple", "#C061CB" }, { "grey", "#9A9996" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (g_strcmp0 (palette[i].name, name) == 0)
      return palette[i].rgb;
  return "#9A9996";
}

/* REFI-QDA wants GUIDs: the same thing gets the same one at every export
 * (a name-based UUID from SHA-256, version 8). */
static char *
guid_for (const char *kind, const char *key)
{
  g_autofree char *input = g_strconcat (kind, "\n", key, NULL);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, input, -1);

  return g_strdup_printf ("%.8s-%.4s-8%.3s-a%.3s-%.12s", sum, sum + 8, sum + 12, sum + 15, sum + 18);
}

static void
attr (xmlTextWriterPtr w, const char *name, const char *value)
{
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value);
}

static void
description (xmlTextWriterPtr w, const char *text)
{
  if (text != NULL && *text != '\0')
    xmlTextWriterWriteElement (w, BAD_CAST "Description", BAD_CAST text);
}

static void
code (xmlTextWriterPtr w, const char *guid, const char *name, const char *rgb, const char *meaning, gboolean codable)
{
  xmlTextWriterStartElement (w, BAD_CAST "Code");
  attr (w, "guid", guid);
  attr (w, "name", name);
  attr (w, "isCodable", codable ? "true" : "false");
  if (rgb != NULL)
    attr (w, "color", rgb);
  description (w, meaning);
}

static char *
tag_rgb (const char *color)
{
  /* Tags are "#rrggbb"; REFI-QDA writes the same, upper case is usual. */
  return g_ascii_strup (color != NULL ? color : "#8F8F8F", -1);
}

static void
codebook (xmlTextWriterPtr w, const PxFormatSet *set)
{
  const char *const *colors = px_annotation_color_names ();
  g_autofree char *colors_guid = guid_for ("codes", "colours");
  g_autofree char *tags_guid = guid_for ("codes", "tags");

  xmlTextWriterStartElement (w, BAD_CAST "CodeBook");
  xmlTextWriterStartElement (w, BAD_CAST "Codes");
  code (w, colors_guid, "Colours", NULL, NULL, FALSE);
  for (guint i = 0; colors[i] != NULL; i++)
    {
      g_autofree char *guid = guid_for ("color", colors[i]);

      code (w, guid, colors[i], color_rgb (colors[i]), px_format_set_get_meaning (set, colors[i]), TRUE);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  code (w, tags_guid, "Tags", NULL, NULL, FALSE);
  for (guint i = 0; i < set->tags->len; i++)
    {
      PxTagInfo *tag = g_ptr_array_index (set->tags, i);
      g_autofree char *folded = g_utf8_casefold (tag->name, -1);
      g_autofree char *guid = guid_for ("tag", folded);
      g_autofree char *rgb = tag_rgb (tag->color);

      code (w, guid, tag->name, rgb, NULL, TRUE);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w); /* Codes */
  xmlTextWriterEndElement (w); /* CodeBook */
}

static void
coding (xmlTextWriterPtr w, const char *selection_guid, const char *code_guid, const char *user, const char *created)
{
  g_autofree char *key = g_strconcat (selection_guid, "/", code_guid, NULL);
  g_autofree char *guid = guid_for ("coding", key);

  xmlTextWriterStartElement (w, BAD_CAST "Coding");
  attr (w, "guid", guid);
  attr (w, "creatingUser", user);
  if (created != NULL)
    attr (w, "creationDateTime", created);
  xmlTextWriterStartElement (w, BAD_CAST "CodeRef");
  attr (w, "targetGUID", code_guid);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

static void
selection (xmlTextWriterPtr w, const PxFormatSet *set, const char *hash, PxAnnotation *a)
{
  g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, hash, px_annotation_get_id (a));
  g_autofree char *guid = guid_for ("selection", key);
  g_autofree char *user = guid_for ("user", px_format_set_get_coder (set, a));
  g_autofree char *color_guid = guid_for ("color", px_annotation_get_color (a));
  g_autofree char *start = g_strdup_printf ("%u", px_annotation_get_start (a));
  g_autofree char *end = g_strdup_printf ("%u", px_annotation_get_end (a));
  const char *created = px_annotation_get_created (a);
  g_autofree char *name =
      g_utf8_substring (px_annotation_get_quote (a), 0, MIN (60, g_utf8_strlen (px_annotation_get_quote (a), -1)));

  xmlTextWriterStartElement (w, BAD_CAST "PlainTextSelection");
  attr (w, "guid", guid);
  attr (w, "name", name);
  attr (w, "startPosition", start);
  attr (w, "endPosition", end);
  attr (w, "creatingUser", user);
  if (created != NULL)
    attr (w, "creationDateTime", created);
  if (px_annotation_get_modified (a) != NULL)
    attr (w, "modifiedDateTime", px_annotation_get_modified (a));
  description (w, px_annotation_get_note (a));
  coding (w, guid, color_guid, user, created);
  for (const char *const *t = px_annotation_get_tags (a); *t != NULL; t++)
    {
      g_autofree char *folded = g_utf8_casefold (*t, -1);
      g_autofree char *tag_guid = guid_for ("tag", folded);

      coding (w, guid, tag_guid, user, created);
    }
  xmlTextWriterEndElement (w);
}

/* Every coder of the set, once, in order of their first highlight. */
static GPtrArray *
collect_users (const PxFormatSet *set)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new ();

  for (guint d = 0; d < set->annotations->len; d++)
    {
      GPtrArray *annotations = g_ptr_array_index (set->annotations, d);

      for (guint i = 0; i < annotations->len; i++)
        {
          const char *coder = px_format_set_get_coder (set, g_ptr_array_index (annotations, i));

          if (g_hash_table_add (seen, (gpointer)coder))
            g_ptr_array_add (names, (gpointer)coder);
        }
    }
  return names;
}

static void
users (xmlTextWriterPtr w, const PxFormatSet *set)
{
  g_autoptr (GPtrArray) names = collect_users (set);

  /* The schema wants at least one User in Users. */
  if (names->len == 0)
    return;
  xmlTextWriterStartElement (w, BAD_CAST "Users");
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *guid = guid_for ("user", g_ptr_array_index (names, i));

      xmlTextWriterStartElement (w, BAD_CAST "User");
      attr (w, "guid", guid);
      attr (w, "name", g_ptr_array_index (names, i));
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
}

char *
px_qdpx_project_xml (const PxFormatSet *set, GPtrArray *source_paths)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buffer, 0);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  char *out;

  g_return_val_if_fail (set != NULL, NULL);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST " ");
  xmlTextWriterStartDocument (w, "1.0", "utf-8", NULL);
  xmlTextWriterStartElementNS (w, NULL, BAD_CAST "Project", BAD_CAST PX_QDPX_NAMESPACE);
  attr (w, "name", set->title);
  attr (w, "origin", "Parallax");
  attr (w, "creationDateTime", created);
  users (w, set);
  codebook (w, set);
  /* The schema wants at least one source in Sources: none, no Sources. */
  if (set->documents->len > 0)
    xmlTextWriterStartElement (w, BAD_CAST "Sources");
  for (guint d = 0; d < set->documents->len; d++)
    {
      PxDocument *doc = g_ptr_array_index (set->documents, d);
      GPtrArray *annotations = g_ptr_array_index (set->annotations, d);
      g_autofree char *hash = px_document_compute_hash (doc);
      g_autofree char *guid = guid_for ("source", hash);
      g_autofree char *path = g_strdup_printf ("internal://%s.txt", guid);
      g_autofree char *about = NULL;

      xmlTextWriterStartElement (w, BAD_CAST "TextSource");
      attr (w, "guid", guid);
      attr (w, "name", px_document_get_title (doc) ? px_document_get_title (doc) : "");
      attr (w, "plainTextPath", path);
      attr (w, "creationDateTime", g_ptr_array_index (set->accessed, d));
      /* Where the article came from, for people opening the project. */
      {
        const char *parts[] = { px_document_get_outlet (doc), px_document_get_published (doc),
                                px_document_get_url (doc) };
        g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
        g_auto (GStrv) present = NULL;

        for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
          if (parts[k] != NULL && *parts[k] != '\0')
            g_strv_builder_add (builder, parts[k]);
        present = g_strv_builder_end (builder);
        about = g_strjoinv (" · ", present);
      }
      description (w, about);
      for (guint i = 0; i < annotations->len; i++)
        if (!px_annotation_get_orphaned (g_ptr_array_index (annotations, i)))
          selection (w, set, hash, g_ptr_array_index (annotations, i));
      xmlTextWriterEndElement (w);
      if (source_paths != NULL)
        g_ptr_array_add (source_paths, g_strdup_printf ("sources/%s.txt", guid));
    }
  if (set->documents->len > 0)
    xmlTextWriterEndElement (w); /* Sources */
  xmlTextWriterEndElement (w);   /* Project */
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  out = g_strdup ((const char *)xmlBufferContent (buffer));
  xmlBufferFree (buffer);
  return out;
}

static gboolean
add_entry (struct archive *a, const char *name, const char *data, gsize length, GError **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gboolean ok;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, (la_int64_t)length);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, (time_t)g_get_real_time () / G_USEC_PER_SEC, 0);
  ok = archive_write_header (a, entry) == ARCHIVE_OK &&
       (length == 0 || archive_write_data (a, data, length) == (la_ssize_t)length);
  archive_entry_free (entry);
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not write the project: %s"),
                 archive_error_string (a) ? archive_error_string (a) : g_strerror (errno));
  return ok;
}

gboolean
px_qdpx_write (const PxFormatSet *set, const char *path, GError **error)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *xml = px_qdpx_project_xml (set, paths);
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  struct archive *a = archive_write_new ();
  gboolean ok;

  /* Written beside, then renamed: a failed export leaves no half file. */
  ok = archive_write_set_format_zip (a) == ARCHIVE_OK && archive_write_open_filename (a, tmp) == ARCHIVE_OK;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not write “%s”: %s"), path,
                 archive_error_string (a) ? archive_error_string (a) : g_strerror (errno));
  ok = ok && add_entry (a, "project.qde", xml, strlen (xml), error);
  for (guint d = 0; ok && d < set->documents->len; d++)
    {
      const char *text = px_document_get_text (g_ptr_array_index (set->documents, d));

      ok = add_entry (a, g_ptr_array_index (paths, d), text, strlen (text), error);
    }
  if (archive_write_close (a) != ARCHIVE_OK && ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not write “%s”: %s"), path,
                   archive_error_string (a) ? archive_error_string (a) : g_strerror (errno));
      ok = FALSE;
    }
  archive_write_free (a);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _ ("Could not write “%s”: %s"), path,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}
