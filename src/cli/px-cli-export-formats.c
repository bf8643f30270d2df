/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli/px-cli.h"
#include "export/px-export.h"
#include "formats/px-exchange-format.h"

/* A file name for @title with @extension, from the Markdown export's
 * sanitizer (which names files "….md"). */
static char *
file_name (const char *title, const char *extension)
{
  g_autofree char *md = px_export_file_name (title, "Export");

  if (g_str_has_suffix (md, ".md"))
    md[strlen (md) - 3] = '\0';
  return g_strconcat (md, extension, NULL);
}

/* -o FILE, or a file named after @title in -o DIR. */
static char *
output_path (const char *output, const char *title, const char *extension)
{
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = file_name (title, extension);
      return g_build_filename (output, name, NULL);
    }
  return g_strdup (output);
}

static gboolean
write_data (const char *data, const char *output, const char *title, const char *extension)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (output == NULL || g_strcmp0 (output, "-") == 0)
    {
      if (fputs (data, stdout) == EOF || fflush (stdout) != 0)
        {
          px_cli_error (_ ("Could not write the export: %s"), g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  path = output_path (output, title, extension);
  if (!g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    {
      px_cli_error (_ ("Could not write “%s”: %s"), path, error->message);
      return FALSE;
    }
  /* Scripts read where it went. */
  printf ("%s\n", path);
  return TRUE;
}

int
px_cli_export_format (PxCliContext *ctx, const char *format, const char *document, const char *event, const char *tag,
                      gboolean all, const char *output)
{
  const PxExchangeFormat *f = px_exchange_format_find (format);
  PxFormatScope scope = { PX_FORMAT_SCOPE_ALL, 0, NULL };
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxFormatSet) set = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  int n_kinds = (document != NULL) + (event != NULL) + (tag != NULL) + (all != FALSE);

  if (f == NULL)
    {
      px_cli_error (_ ("unknown format “%s” (markdown, w3c, csl-json, bibtex, ris, qdpx or package)"), format);
      return PX_EXIT_USAGE;
    }
  if (f->write_file != NULL && (output == NULL || g_strcmp0 (output, "-") == 0))
    {
      px_cli_error (_ ("--format %s writes an archive: give a file or folder with -o"), format);
      return PX_EXIT_USAGE;
    }
  if (n_kinds != 1)
    {
      px_cli_error (n_kinds == 0 ? _ ("export needs what to export: --document ID, --event ID, --tag NAME or --all")
                                 : _ ("export takes only one of --document, --event, --tag and --all"));
      return PX_EXIT_USAGE;
    }
  if (document != NULL)
    {
      scope.kind = PX_FORMAT_SCOPE_DOCUMENT;
      if (!px_cli_parse_id (document, &scope.id))
        return PX_EXIT_USAGE;
    }
  else if (event != NULL)
    {
      if (!px_cli_parse_event_id (event, &scope.id))
        return PX_EXIT_USAGE;
      scope.kind = PX_FORMAT_SCOPE_EVENT;
    }
  else if (tag != NULL)
    {
      scope.kind = PX_FORMAT_SCOPE_TAG;
      scope.tag = tag;
      if (!g_utf8_validate (tag, -1, NULL) || *tag == '\0')
        {
          px_cli_error (_ ("--tag needs a tag name"));
          return PX_EXIT_USAGE;
        }
    }

  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING | PX_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return PX_EXIT_LIBRARY;
  set = px_format_set_load (store, &scope, &error);
  if (set == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  if (f->write_file != NULL)
    {
      g_autofree char *path = output_path (output, set->title, f->extension);

      if (!f->write_file (set, path, &error))
        {
          px_cli_error ("%s", error->message);
          return PX_EXIT_FAILED;
        }
      printf ("%s\n", path);
      return PX_EXIT_OK;
    }
  data = f->write (set);
  return write_data (data, output, set->title, f->extension) ? PX_EXIT_OK : PX_EXIT_FAILED;
}
