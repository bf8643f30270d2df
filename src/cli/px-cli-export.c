/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "cli/px-cli-export-files.h"
#include "cli/px-cli.h"
#include "export/px-export.h"
#include "export/px-filename.h"
#include "export/px-store-export.h"

/* Values of a repeatable option that also takes commas: "--colors
 * red,blue --colors green". Empty items are dropped. */
static GStrv
split_list (GStrv values)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint k = 0; parts[k] != NULL; k++)
        if (*g_strstrip (parts[k]) != '\0')
          g_strv_builder_add (builder, parts[k]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
write_output (const char *markdown, const char *output, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (output == NULL || g_strcmp0 (output, "-") == 0)
    {
      if (fputs (markdown, stdout) == EOF || fflush (stdout) != 0)
        {
          px_cli_error (_ ("Could not write the export: %s"), g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  /* -o DIR: a file named after what is exported, never over a file that
   * is not an earlier export of the same thing. */
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    path = px_cli_export_pick_path (output, title, markdown);
  else
    path = g_strdup (output);
  {
    g_autofree char *dir = g_path_get_dirname (path);
    px_cli_export_clean_temporaries (dir);
  }
  if (!g_file_set_contents_full (path, markdown, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    {
      px_cli_error (_ ("Could not write “%s”: %s"), path, error->message);
      return FALSE;
    }
  return TRUE;
}

/* parallax export [--format FORMAT] (--document ID | --event ID | --tag NAME | --all)
 * [--colors …] [--tags …] [--order text|color] [--full-text]
 * [--noted-only] [-o FILE|DIR]: Markdown on stdout, or into a file. */
int
px_cli_export (PxCliContext *ctx, int argc, char **argv)
{
  g_autofree char *document = NULL;
  g_autofree char *event = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *order = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_auto (GStrv) color_args = NULL;
  g_auto (GStrv) tag_args = NULL;
  gboolean all = FALSE, full_text = FALSE, noted_only = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_ ("markdown (the default), w3c, csl-json, bibtex, ris, qdpx or package"), N_ ("FORMAT") },
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document, N_ ("Export one article"), N_ ("ID") },
    { "event", 'e', 0, G_OPTION_ARG_STRING, &event, N_ ("Export an event with its comparison"), N_ ("ID") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_ ("Export every highlight with this tag"), N_ ("NAME") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_ ("Export the whole library into a folder (needs -o DIR)"), NULL },
    { "colors", 0, 0, G_OPTION_ARG_STRING_ARRAY, &color_args, N_ ("Only highlights of these colours (comma-separated)"),
      N_ ("NAMES") },
    { "tags", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tag_args, N_ ("Only highlights with one of these tags"), N_ ("NAMES") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, N_ ("Order of the highlights: text or color"), N_ ("ORDER") },
    { "full-text", 0, 0, G_OPTION_ARG_NONE, &full_text, N_ ("Include the article text, highlights marked"), NULL },
    { "noted-only", 0, 0, G_OPTION_ARG_NONE, &noted_only, N_ ("Leave out highlights without a note"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write to this file or folder instead of stdout"),
      N_ ("FILE|DIR") },
    { NULL },
  };
  g_autoptr (PxExportOptions) options = px_export_options_new ();
  g_autoptr (PxStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *title = NULL;
  gint64 id = 0;
  int n_kinds;

  if (!px_cli_parse_options ("export", _ ("(--document ID | --event ID | --tag NAME | --all)"), entries, &argc, &argv))
    return PX_EXIT_USAGE;
  if (argc > 1)
    {
      px_cli_error (_ ("export takes no arguments besides its options: unexpected “%s”"), argv[1]);
      return PX_EXIT_USAGE;
    }
  n_kinds = (document != NULL) + (event != NULL) + (tag != NULL) + (all != FALSE);
  if (n_kinds != 1)
    {
      px_cli_error (n_kinds == 0 ? _ ("export needs what to export: --document ID, --event ID, --tag NAME or --all")
                                 : _ ("export takes only one of --document, --event, --tag and --all"));
      return PX_EXIT_USAGE;
    }
  if (document != NULL && !px_cli_parse_id (document, &id))
    return PX_EXIT_USAGE;
  if (format != NULL && g_strcmp0 (format, "markdown") != 0)
    {
      if (color_args != NULL || tag_args != NULL || order != NULL || full_text || noted_only)
        {
          px_cli_error (_ ("--colors, --tags, --order, --full-text and --noted-only apply to Markdown only"));
          return PX_EXIT_USAGE;
        }
      return px_cli_export_format (ctx, format, document, event, tag, all, output);
    }
  if (event != NULL && !px_cli_parse_event_id (event, &id))
    return PX_EXIT_USAGE;
  if (tag != NULL && (*g_strstrip (tag) == '\0' || !g_utf8_validate (tag, -1, NULL)))
    {
      px_cli_error (_ ("--tag needs a tag name"));
      return PX_EXIT_USAGE;
    }
  if (all && output == NULL)
    {
      px_cli_error (_ ("--all writes one file per article: give a folder with -o DIR"));
      return PX_EXIT_USAGE;
    }
  if (all && g_file_test (output, G_FILE_TEST_EXISTS) && !g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      px_cli_error (_ ("“%s” is a file: --all needs a folder"), output);
      return PX_EXIT_USAGE;
    }
  if (full_text && tag != NULL)
    {
      px_cli_error (_ ("--full-text applies to --document, --event and --all, not to --tag"));
      return PX_EXIT_USAGE;
    }
  if (order != NULL && !px_export_order_from_string (order, &options->order))
    {
      px_cli_error (_ ("--order is “text” or “color”, not “%s”"), order);
      return PX_EXIT_USAGE;
    }
  options->colors = split_list (color_args);
  for (guint i = 0; options->colors[i] != NULL; i++)
    if (!px_annotation_color_is_valid (options->colors[i]))
      {
        px_cli_error (_ ("unknown colour “%s” (yellow, green, blue, red, purple or grey)"), options->colors[i]);
        return PX_EXIT_USAGE;
      }
  options->tags = split_list (tag_args);
  for (guint i = 0; options->tags[i] != NULL; i++)
    if (!g_utf8_validate (options->tags[i], -1, NULL))
      {
        px_cli_error (_ ("Tag names must be valid UTF-8 text"));
        return PX_EXIT_USAGE;
      }
  options->full_text = full_text;
  options->include_unnoted = !noted_only;

  store = px_cli_open_store (ctx, PX_STORE_OPEN_EXISTING | PX_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return PX_EXIT_LIBRARY;

  if (all)
    {
      g_autoptr (GPtrArray) written = NULL;

      px_cli_export_clean_temporaries (output);
      written = px_export_library_to_dir (store, output, options, NULL, &error);

      if (written == NULL)
        {
          px_cli_error ("%s", error->message);
          return PX_EXIT_FAILED;
        }
      /* The index, for scripts that open it next. */
      printf ("%s\n", (char *)g_ptr_array_index (written, written->len - 1));
      {
        gint64 total = px_store_count_documents (store, NULL);
        gint64 missing = total - (gint64)(written->len - 1);

        /* A damaged library exports what it can; say what it could not. */
        if (total > 0 && missing > 0)
          {
            px_cli_error (ngettext ("%lld article could not be read (the library is damaged); the index lists it",
                                    "%lld articles could not be read (the library is damaged); the index lists them",
                                    (gulong)missing),
                          (long long)missing);
            return PX_EXIT_LIBRARY;
          }
        /* Damage where no article was lost (an index): still exit 3. */
        if (!px_store_check (store, NULL))
          {
            px_cli_error (_ ("The library is damaged; every article it lists could be read and was exported"));
            return PX_EXIT_LIBRARY;
          }
      }
      return PX_EXIT_OK;
    }
  if (document != NULL)
    {
      g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, id, &error);

      if (info != NULL)
        {
          title = g_strdup (info->title);
          markdown = px_export_document_from_store (store, id, options, &error);
        }
    }
  else if (event != NULL)
    {
      markdown = px_export_event_from_store (store, id, options, &error);
      if (markdown != NULL &&
          (!px_store_get_event_documents (store, id, &title, NULL, NULL) || title == NULL || *title == '\0'))
        {
          g_free (title);
          title = g_strdup_printf ("Event %" G_GINT64_FORMAT, id);
        }
    }
  else
    {
      markdown = px_export_tag_from_store (store, tag, options, &error);
      title = g_strdup (tag);
    }
  if (markdown == NULL)
    {
      px_cli_error ("%s", error->message);
      return PX_EXIT_FAILED;
    }
  return write_output (markdown, output, title) ? PX_EXIT_OK : PX_EXIT_FAILED;
}
