/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli/px-cli.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

static const PxCliVerb verbs[] = {
  { "agreement", N_ ("(--tag NAME | --color NAME | --all) [--event ID] [--disagreements]"),
    N_ ("Agreement between coders as TSV: code, units, coders, alpha, uncoded; then each pair with kappa"),
    px_cli_agreement },
  { "annotate", N_ ("ID --quote TEXT [--color NAME] [--note TEXT] [--tag TAG]… [--occurrence N]"),
    N_ ("Highlight a passage of a document, found by its exact text"), px_cli_annotate },
  { "annotations", N_ ("[ID]"),
    N_ ("List highlights as TSV: id, document, start, end, colour, tags, quote, note, state"), px_cli_annotations },
  { "coder", N_ ("[NAME]"), N_ ("Show or set the coder of this library's highlights"), px_cli_coder },
  { "compare", N_ ("EVENT_ID [--json]"),
    N_ ("Compare the documents of an event: claims, what each outlet alone or not reports, quotes"), px_cli_compare },
  { "event", N_ ("rename|merge|split|move|new …"), N_ ("Rename, merge or split events, move documents, group some"),
    px_cli_event },
  { "events", "", N_ ("List the events as TSV: id, title, comma-separated document ids"), px_cli_events },
  { "export",
    N_ ("[--format markdown|w3c|csl-json|bibtex|ris|qdpx|package] (--document ID | --event ID | --tag NAME | --all) "
        "[--colors …] [--tags …] [--order text|color] [--full-text] "
        "[-o FILE|DIR]"),
    N_ ("Export highlights as Markdown or another format (stdout by default)"), px_cli_export },
  { "import", N_ ("PATH|URL…"), N_ ("Import files, the files inside folders, or web pages"), px_cli_import },
  { "import-annotations", N_ ("FILE [--coder NAME]"),
    N_ ("Import W3C Web Annotations or a Hypothesis export; TSV: status, highlight id, id in the file"),
    px_cli_import_annotations },
  { "import-package", N_ ("FILE"),
    N_ ("Start coding from a coding package: its articles and codebook; TSV: status, id, title"),
    px_cli_import_package },
  { "list", "", N_ ("List the documents as TSV: id, outlet, date, title"), px_cli_list },
  { "show", N_ ("ID"), N_ ("Print the clean text of a document"), px_cli_show },
  { "note", N_ ("HIGHLIGHT-ID TEXT"), N_ ("Replace the note of a highlight (\"\" clears it)"), px_cli_note },
  { "versions", N_ ("ID [--highlights]"),
    N_ ("List a document's versions as TSV: version, fetched at, title, changed words"), px_cli_versions },
  { "check", "", N_ ("Read the whole library and report any damage"), px_cli_check },
  { "open", N_ ("ID"), N_ ("Open the window on a document"), NULL },
};

const PxCliVerb *
px_cli_find_verb (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_strcmp0 (verbs[i].name, name) == 0)
      return &verbs[i];
  return NULL;
}

/* Pads by characters, not bytes, so translated columns line up; a long
 * left column puts the description on the next line. */
static void
print_row (FILE *out, const char *left, const char *right)
{
  glong width = g_utf8_strlen (left, -1);

  if (width <= 28)
    fprintf (out, "  %s%*s %s\n", left, (int)(28 - width), "", right);
  else
    fprintf (out, "  %s\n  %28s %s\n", left, "", right);
}

void
px_cli_print_help (FILE *out)
{
  fprintf (out, "%s\n  parallax [--library FILE] [COMMAND [ARGS…]]\n\n", _ ("Usage:"));
  fprintf (out, "%s\n", _ ("Without a command, Parallax opens its window."));
  fprintf (out, "\n%s\n", _ ("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      /* _("") would return the catalogue's header. */
      const char *args = verbs[i].args[0] != '\0' ? _ (verbs[i].args) : "";
      g_autofree char *left = g_strdup_printf ("%s %s", verbs[i].name, args);

      print_row (out, left, _ (verbs[i].summary));
    }
  fprintf (out, "\n%s\n", _ ("Options:"));
  print_row (out, "--library FILE", _ ("Use this library instead of the default one"));
  print_row (out, "--version", _ ("Print the version"));
  print_row (out, "-h, --help", _ ("Print this help"));
  {
    g_autofree char *path = px_store_default_path ();
    fprintf (out, "\n%s %s\n", _ ("Default library:"), path);
  }
}

void
px_cli_error (const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;
  g_autofree char *escaped = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* One line, always: scripts read the first line of stderr; titles and
   * file names in it send nothing a terminal would act on. */
  escaped = px_cli_escape_field (msg, FALSE);
  fprintf (stderr, "parallax: %s\n", escaped);
}

PxStore *
px_cli_open_store (PxCliContext *ctx, PxStoreOpenFlags flags)
{
  g_autofree char *default_path = NULL;
  g_autoptr (GError) error = NULL;
  const char *path = ctx->library_path;
  PxStore *store;

  if (path == NULL)
    path = default_path = px_store_default_path ();
  store = px_store_open (path, flags, &error);
  /* A library too old to be read as it is: update it first (after a
   * backup), as opening it in the window would, when it can be written. */
  if (store == NULL && (flags & PX_STORE_OPEN_READ_ONLY) &&
      g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY) && px_store_needs_update (path) &&
      g_access (path, W_OK) == 0)
    {
      g_autoptr (PxStore) updated = NULL;

      g_clear_error (&error);
      updated = px_store_open (path, flags & ~PX_STORE_OPEN_READ_ONLY, &error);
      if (updated != NULL)
        {
          g_clear_object (&updated);
          store = px_store_open (path, flags, &error);
        }
    }
  /* Before a verb writes: a library with damaged pages is only read
   * (export saves what can be), never written to. This reads every page
   * unless the file is as a Parallax process left it after a check. */
  if (store != NULL && !(flags & PX_STORE_OPEN_READ_ONLY) && !px_store_is_read_only (store) &&
      !px_store_check_before_write (store, &error))
    {
      g_clear_object (&store);
      if (g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT))
        {
          px_cli_error (
              _ ("“%s” is damaged, so nothing more is saved to it (parallax export --all -o FOLDER saves what "
                 "can be read)"),
              path);
          return NULL;
        }
    }
  if (store == NULL)
    px_cli_error ("%s", error->message);
  return store;
}

static gboolean
parse_positive (const char *text, gint64 *out_id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out_id = (gint64)value;
  return TRUE;
}

gboolean
px_cli_parse_id (const char *text, gint64 *out_id)
{
  if (parse_positive (text, out_id))
    return TRUE;
  px_cli_error (_ ("“%s” is not a document id"), text ? text : "");
  return FALSE;
}

gboolean
px_cli_parse_event_id (const char *text, gint64 *out_id)
{
  if (parse_positive (text, out_id))
    return TRUE;
  px_cli_error (_ ("“%s” is not an event id"), text ? text : "");
  return FALSE;
}

/* GOption turns an option's text into UTF-8 and, when it cannot, fails
 * without naming the option: name it first. (Arguments that are not
 * options, such as file names, may be in any encoding.) */
static gboolean
check_option_text (GOptionEntry *entries, int argc, char **argv)
{
  for (int i = 1; entries != NULL && i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = NULL;

      if (g_str_equal (arg, "--"))
        break;
      for (GOptionEntry *e = entries; e->long_name != NULL; e++)
        {
          g_autofree char *long_opt = g_strconcat ("--", e->long_name, NULL);
          g_autofree char *long_eq = g_strconcat (long_opt, "=", NULL);
          gboolean short_match = e->short_name != 0 && arg[0] == '-' && arg[1] == e->short_name && arg[2] == '\0';

          if (e->arg != G_OPTION_ARG_STRING && e->arg != G_OPTION_ARG_STRING_ARRAY)
            continue;
          if (g_str_has_prefix (arg, long_eq))
            value = arg + strlen (long_eq);
          else if ((g_str_equal (arg, long_opt) || short_match) && i + 1 < argc)
            value = argv[i + 1];
          if (value != NULL && !g_utf8_validate (value, -1, NULL))
            {
              px_cli_error (_ ("--%s “%s” is not valid UTF-8 text"), e->long_name, value);
              return FALSE;
            }
          if (value != NULL)
            break;
        }
    }
  return TRUE;
}

gboolean
px_cli_parse_options (const char *verb, const char *params, GOptionEntry *entries, int *argc, char ***argv)
{
  g_autofree char *param_string = g_strdup_printf ("%s %s", verb, params);
  g_autoptr (GOptionContext) context = g_option_context_new (param_string);
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!check_option_text (entries, *argc, *argv))
    return FALSE;
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      px_cli_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

int
px_cli_run (const PxCliVerb *verb, PxCliContext *ctx, int argc, char **argv)
{
  g_return_val_if_fail (verb != NULL && verb->run != NULL, PX_EXIT_USAGE);
  return verb->run (ctx, argc, argv);
}
