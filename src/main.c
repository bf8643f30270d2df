/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/px-cli.h"
#include "gui/window/px-application.h"

/* The same binary is the window and the command line. Command-line verbs
 * never initialise GTK, so they run without a display. */
int
main (int argc, char *argv[])
{
  g_autofree char *library = NULL;
  g_autoptr (GPtrArray) rest = g_ptr_array_new ();
  const PxCliVerb *verb = NULL;
  int verb_index = -1;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* PARALLAX_LOCALEDIR lets tools/run and the tests use the catalogues
   * built in the build tree instead of the installed ones. */
  localedir = g_getenv ("PARALLAX_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the verb; everything after the verb is
   * the verb's own. */
  g_ptr_array_add (rest, argv[0]);
  for (int i = 1; i < argc; i++)
    {
      if (verb_index < 0 && strcmp (argv[i], "--library") == 0)
        {
          if (i + 1 >= argc)
            {
              px_cli_error (_ ("--library needs a file name"));
              return PX_EXIT_USAGE;
            }
          g_free (library);
          library = g_strdup (argv[++i]);
        }
      else if (verb_index < 0 && g_str_has_prefix (argv[i], "--library="))
        {
          g_free (library);
          library = g_strdup (argv[i] + strlen ("--library="));
        }
      else if (verb_index < 0 && (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0))
        {
          px_cli_print_help (stdout);
          return PX_EXIT_OK;
        }
      else if (verb_index < 0 && strcmp (argv[i], "--version") == 0)
        {
          printf ("parallax %s\n", PACKAGE_VERSION);
          return PX_EXIT_OK;
        }
      /* An option before the command that Parallax does not know: say
       * so, rather than ignore it or pass it to the window. */
      else if (verb_index < 0 && argv[i][0] == '-' && !g_str_has_prefix (argv[i], "--gapplication-"))
        {
          px_cli_error (_ ("unknown option “%s” (see parallax --help)"), argv[i]);
          return PX_EXIT_USAGE;
        }
      else if (verb_index < 0 && argv[i][0] != '-')
        {
          verb = px_cli_find_verb (argv[i]);
          if (verb == NULL)
            {
              px_cli_error (_ ("unknown command “%s” (see parallax --help)"), argv[i]);
              return PX_EXIT_USAGE;
            }
          verb_index = rest->len;
          g_ptr_array_add (rest, argv[i]);
        }
      else
        g_ptr_array_add (rest, argv[i]);
    }
  g_ptr_array_add (rest, NULL);

  if (verb != NULL && verb->run != NULL)
    {
      PxCliContext ctx = { library };
      return px_cli_run (verb, &ctx, (int)rest->len - 1 - verb_index, (char **)rest->pdata + verb_index);
    }

  {
    g_autoptr (PxApplication) app = NULL;
    gint64 open_id = 0;

    if (verb != NULL) /* "open ID" */
      {
        if ((int)rest->len - 1 - verb_index != 2 || !px_cli_parse_id (rest->pdata[verb_index + 1], &open_id))
          {
            if (open_id == 0 && (int)rest->len - 1 - verb_index != 2)
              px_cli_error (_ ("open needs one document id"));
            return PX_EXIT_USAGE;
          }
        g_ptr_array_remove_range (rest, verb_index, 2);
      }
    app = px_application_new (library, open_id);
    return g_application_run (G_APPLICATION (app), (int)rest->len - 1, (char **)rest->pdata);
  }
}
