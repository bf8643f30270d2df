/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window, under Xvfb: import a fixture and read it. */
#include <glib/gstdio.h>

#include "gui/px-application.h"
#include "gui/px-window.h"

static gboolean
wait_for (gboolean (*condition) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
reader_has_title (gpointer data)
{
  PxReaderView *reader = px_window_get_reader (data);
  return g_strcmp0 (px_reader_view_get_title_text (reader), "Ferry service returns to the islands") == 0;
}

static void
test_import_and_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-window-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *article = g_build_filename (dir, "ferry.txt", NULL);
  g_autoptr (PxApplication) app = px_application_new (library, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  GtkTextBuffer *buffer;
  PxWindow *window;

  g_assert_true (g_file_set_contents (article,
                                      "Ferry service returns to the islands\n\n"
                                      "The morning ferry sailed again after a week of storms.\n\n"
                                      "Islanders cheered on the pier.\n",
                                      -1, NULL));
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = px_window_new (app, library, 0);
  gtk_window_present (GTK_WINDOW (window));

  file = g_file_new_for_path (article);
  px_window_import_files (window, &file, 1);
  g_assert_true (wait_for (reader_has_title, window, 10000));

  buffer = gtk_text_view_get_buffer (px_reader_view_get_text_view (px_window_get_reader (window)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==,
                   "The morning ferry sailed again after a week of storms.\n\nIslanders cheered on the pier.");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (px_window_get_reader (window))));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (article);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/import-and-read", test_import_and_read);
  return g_test_run ();
}
