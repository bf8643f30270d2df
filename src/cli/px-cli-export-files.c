/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli/px-cli-export-files.h"

#include <glib/gstdio.h>
#include <string.h>

#include "export/px-export.h"

#define FRONT_MATTER_START "---\n"

/* "NAME.md.XXXXXX", as g_file_set_contents() names its temporary. */
static gboolean
is_temporary (const char *entry)
{
  gsize len = strlen (entry);
  const char *suffix;

  if (len < 8 || entry[len - 7] != '.')
    return FALSE;
  suffix = entry + len - 6;
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isalnum (suffix[i]))
      return FALSE;
  return len > 10 && strncmp (entry + len - 10, ".md", 3) == 0;
}

/* The first bytes of @path, up to @max. */
static char *
read_head (const char *path, gsize max, gsize *len)
{
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);

  *len = 0;
  if (file == NULL)
    return NULL;
  *len = MIN (g_mapped_file_get_length (file), max);
  return g_strndup (g_mapped_file_get_contents (file) ? g_mapped_file_get_contents (file) : "", *len);
}

/* The front-matter line that says what @markdown is an export of. */
static char *
identity_of (const char *markdown)
{
  static const char *const keys[] = { "parallax_document: ", "parallax_event: ", "tag: " };
  const char *end;

  if (markdown == NULL || !g_str_has_prefix (markdown, FRONT_MATTER_START))
    return NULL;
  end = strstr (markdown + strlen (FRONT_MATTER_START), "\n---\n");
  for (const char *line = markdown + strlen (FRONT_MATTER_START); line != NULL && end != NULL && line < end;)
    {
      const char *eol = strchr (line, '\n');

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        if (g_str_has_prefix (line, keys[k]))
          return g_strndup (line, (eol ? eol : end) - line + 1);
      line = eol ? eol + 1 : NULL;
    }
  return NULL;
}

void
px_cli_export_clean_temporaries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *head = NULL;
      g_autofree char *identity = NULL;
      gsize len;

      if (!is_temporary (entry))
        continue;
      path = g_build_filename (dir, entry, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      /* Only what Parallax wrote: empty (killed before the first byte),
       * or front matter that names what it is an export of. A user's
       * "notes.md.backup" with front matter of their own stays. */
      head = read_head (path, 64 * 1024, &len);
      if (len == 0 || (identity = identity_of (head)) != NULL)
        g_remove (path);
    }
}

/* Whether the file at @path is an earlier export of the same thing. */
static gboolean
is_same_export (const char *path, const char *identity)
{
  g_autofree char *head = NULL;
  gsize len;
  const char *end;
  const char *found;

  if (identity == NULL)
    return FALSE;
  head = read_head (path, 64 * 1024, &len);
  if (head == NULL || !g_str_has_prefix (head, FRONT_MATTER_START))
    return FALSE;
  end = strstr (head + strlen (FRONT_MATTER_START), "\n---\n");
  found = strstr (head, identity);
  return end != NULL && found != NULL && found < end + 1 && (found == head || found[-1] == '\n');
}

char *
px_cli_export_pick_path (const char *dir, const char *title, const char *markdown)
{
  g_autofree char *identity = identity_of (markdown);
  g_autofree char *name = px_export_file_name (title, "Export");
  g_autofree char *stem = g_str_has_suffix (name, ".md") ? g_strndup (name, strlen (name) - 3) : g_strdup (name);
  char *path = g_build_filename (dir, name, NULL);

  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS) && !is_same_export (path, identity); n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s (%u).md", stem, n);

      g_free (path);
      path = g_build_filename (dir, numbered, NULL);
    }
  return path;
}
