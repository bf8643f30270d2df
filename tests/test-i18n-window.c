/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window in German: LANGUAGE=de with the catalogue built in the
 * build tree (PARALLAX_LOCALEDIR), as tools/run and users get it. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "gui/window/px-application.h"
#include "gui/common/px-format.h"
#include "gui/window/px-window.h"
#include "px-test-wait.h"

/* Depth-first search for a widget of @type (a mapped one if @mapped). */
static GtkWidget *
find_widget (GtkWidget *root, GType type, gboolean mapped)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (!mapped || gtk_widget_get_mapped (root)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, mapped);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_empty_library_in_german (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-i18n-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *wal = g_strconcat (library, "-wal", NULL);
  g_autofree char *shm = g_strconcat (library, "-shm", NULL);
  g_autoptr (PxApplication) app = px_application_new (library, 0);
  g_autoptr (GError) error = NULL;
  PxWindow *window;
  GtkWidget *status, *search;
  g_autofree char *placeholder = NULL;

  /* The catalogue itself: fails if de.mo was not built or not found. */
  g_assert_cmpstr (_ ("No Articles Yet"), ==, "Noch keine Artikel");

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = px_window_new (app, library, 0);
  gtk_window_present (GTK_WINDOW (window));
  px_test_settle (300);

  /* What a user sees first in an empty library: the empty state; and the
   * library's search field (shown once there are articles). Both come
   * from GtkBuilder templates. */
  status = find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, TRUE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Noch keine Artikel");
  search = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, FALSE);
  g_assert_nonnull (search);
  g_object_get (search, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Titel, Medien und Text durchsuchen");

  gtk_window_close (GTK_WINDOW (window));
  px_test_settle (20);
  g_unlink (library);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

/* Switches @category to German; *@old receives what to restore. FALSE,
 * with the test skipped, where that locale is not generated. */
static gboolean
use_german (int category, char **old)
{
  *old = g_strdup (setlocale (category, NULL));
  if (setlocale (category, "de_DE.UTF-8") != NULL)
    return TRUE;
  g_test_skip ("de_DE.UTF-8 is not generated (tools/setup does it)");
  return FALSE;
}

/* Dates follow the translated format and, under a German LC_TIME, use
 * German month names. */
static void
test_dates_in_german (void)
{
  g_autofree char *old = NULL;
  g_autofree char *longd = NULL;
  g_autofree char *shortd = NULL;

  if (!use_german (LC_TIME, &old))
    return;
  longd = px_format_date ("2031-03-04", PX_DATE_LONG);
  shortd = px_format_date ("2031-12-04", PX_DATE_SHORT);
  setlocale (LC_TIME, old);
  g_assert_cmpstr (longd, ==, "4. März 2031");
  g_assert_cmpstr (shortd, ==, "4. Dez 2031");
}

/* The window's article count is grouped the German way. */
static void
test_count_in_german (void)
{
  g_autofree char *old = NULL;
  g_autofree char *one = NULL;
  g_autofree char *many = NULL;

  if (!use_german (LC_NUMERIC, &old))
    return;
  one = px_format_article_count (1);
  many = px_format_article_count (10000);
  setlocale (LC_NUMERIC, old);
  g_assert_cmpstr (one, ==, "1 Artikel");
  g_assert_cmpstr (many, ==, "10.000 Artikel");
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("PARALLAX_LOCALEDIR");

  /* As main.c does it, before GTK reads the locale. */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/window-in-german", test_empty_library_in_german);
  g_test_add_func ("/i18n/dates-in-german", test_dates_in_german);
  g_test_add_func ("/i18n/count-in-german", test_count_in_german);
  return g_test_run ();
}
