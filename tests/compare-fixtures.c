/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare-fixtures.h"

#include <string.h>

PxDocument *
px_test_load_article (const char *path, gint64 id, GError **error)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (GString) para = g_string_new (NULL);
  guint i = 0;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  doc = px_document_new ();
  px_document_set_id (doc, id);
  px_document_set_source (doc, path);
  lines = g_strsplit (contents, "\n", -1);
  for (; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      char *colon = strchr (lines[i], ':');
      const char *value;
      if (colon == NULL)
        break;
      *colon = '\0';
      value = g_strstrip (colon + 1);
      if (strcmp (lines[i], "title") == 0)
        px_document_set_title (doc, value);
      else if (strcmp (lines[i], "outlet") == 0)
        px_document_set_outlet (doc, value);
      else if (strcmp (lines[i], "published") == 0)
        px_document_set_published (doc, value);
      else if (strcmp (lines[i], "language") == 0)
        px_document_set_language (doc, value);
      else if (strcmp (lines[i], "author") == 0)
        px_document_set_author (doc, value);
    }
  /* The title is metadata only: importers drop it from the body (the
   * reader shows it above the text). */
  for (; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        {
          if (para->len > 0)
            px_document_append_block (doc, PX_BLOCK_PARAGRAPH, para->str);
          g_string_truncate (para, 0);
          continue;
        }
      if (para->len > 0)
        g_string_append_c (para, ' ');
      g_string_append (para, lines[i]);
    }
  if (para->len > 0)
    px_document_append_block (doc, PX_BLOCK_PARAGRAPH, para->str);
  return g_steal_pointer (&doc);
}

PxDocument *
px_test_load_fixture (const char *folder, const char *name, gint64 id)
{
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", folder, file, NULL);
  g_autoptr (GError) error = NULL;
  PxDocument *doc = px_test_load_article (path, id, &error);

  g_assert_no_error (error);
  return doc;
}

PxDocument *
px_test_load_compare_fixture (const char *name, gint64 id)
{
  return px_test_load_fixture ("compare", name, id);
}
