/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Export dialog under Xvfb: it opens from the window's action, shows a
 * live preview that follows the options, remembers them, and writes the
 * file. "Copy as Markdown" fills the clipboard. */
#include <glib/gstdio.h>
#include <string.h>

#include "gui/window/px-application.h"
#include "gui/export/px-export-dialog.h"
#include "gui/window/px-window.h"
#include "annotations/px-store-annotations.h"
#include "px-test-clipboard.h"
#include "px-test-wait.h"

typedef struct
{
  PxExportDialog *dialog;
  const char *needle;
  gboolean present;
} PreviewWait;

static gboolean
preview_matches (gpointer data)
{
  PreviewWait *w = data;
  g_autofree char *text = px_export_dialog_get_preview (w->dialog);

  return (strstr (text, w->needle) != NULL) == w->present;
}

static PxExportDialog *
find_dialog (PxWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (PX_IS_EXPORT_DIALOG (item))
        return PX_EXPORT_DIALOG (item);
    }
  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog (data) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog (data) == NULL;
}

/* A mapped label of @root showing @text. */
static GtkLabel *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_dialog (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-export-dialog-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *output = g_build_filename (dir, "out.md", NULL);
  g_autoptr (PxApplication) app = px_application_new (library, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_document_new ();
  g_autoptr (PxAnnotation) first = NULL;
  g_autoptr (PxAnnotation) second = NULL;
  g_autoptr (GSettings) settings = g_settings_new ("io.github.parallaxapp.Parallax");
  g_autoptr (PxExportOptions) options = NULL;
  g_autofree char *written = NULL;
  g_autofree char *copied = NULL;
  PreviewWait w;
  PxExportDialog *dialog;
  PxWindow *window;
  PxStore *store;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = px_window_new (app, library, 0);
  gtk_window_present (GTK_WINDOW (window));
  store = px_window_get_store (window);
  g_assert_nonnull (store);

  px_document_set_title (doc, "Bridge *reopens*");
  px_document_set_outlet (doc, "Valley Times");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, "The river bridge reopened on Friday after repairs.");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, "Drivers # cheered > at the toll gate.");
  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  first = px_annotation_new_for_range (doc, 4, 16, "yellow");
  px_annotation_set_note (first, "Which *bridge*?");
  g_assert_true (px_store_add_annotation (store, first, &error));
  second = px_annotation_new_for_range (doc, 52, 69, "red");
  g_assert_true (px_store_add_annotation (store, second, &error));
  g_assert_no_error (error);
  px_window_open_document (window, px_document_get_id (doc));

  /* Opened from the window, on the open article, with a preview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_true (px_test_wait_for (has_dialog, window, 5000));
  dialog = find_dialog (window);
  g_assert_cmpint (px_export_dialog_get_kind (dialog), ==, PX_EXPORT_KIND_ARTICLE);
  /* The longest scope is shown whole in the narrow options column. */
  px_export_dialog_set_kind (dialog, PX_EXPORT_KIND_LIBRARY);
  px_test_settle (300);
  {
    GtkLabel *shown = find_label (GTK_WIDGET (dialog), "The whole library, one file per article");

    g_assert_nonnull (shown);
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (shown)));
  }
  px_export_dialog_set_kind (dialog, PX_EXPORT_KIND_ARTICLE);
  w = (PreviewWait){ dialog, "> river bridge", TRUE };
  g_assert_true (px_test_wait_for (preview_matches, &w, 10000));
  w = (PreviewWait){ dialog, "> Drivers \\# cheered", TRUE };
  g_assert_true (px_test_wait_for (preview_matches, &w, 10000));

  /* Notes only: the red highlight leaves the preview; the choice is kept. */
  gtk_switch_set_active (
      GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (dialog), PX_TYPE_EXPORT_DIALOG, "unnoted_switch")), FALSE);
  w = (PreviewWait){ dialog, "> Drivers", FALSE };
  g_assert_true (px_test_wait_for (preview_matches, &w, 10000));
  g_assert_false (g_settings_get_boolean (settings, "export-include-unnoted"));
  options = px_export_dialog_get_options (dialog);
  g_assert_false (options->include_unnoted);

  /* Writing the file closes the dialog. */
  px_export_dialog_save_to (dialog, output);
  g_assert_true (px_test_wait_for (file_exists, output, 10000));
  g_assert_true (px_test_wait_for (dialog_gone, window, 10000));
  g_assert_true (g_file_get_contents (output, &written, NULL, &error));
  g_assert_nonnull (strstr (written, "# Bridge \\*reopens\\*"));
  g_assert_null (strstr (written, "> Drivers"));

  /* A new dialog starts from the remembered choices. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_true (px_test_wait_for (has_dialog, window, 5000));
  dialog = find_dialog (window);
  g_clear_pointer (&options, px_export_options_free);
  options = px_export_dialog_get_options (dialog);
  g_assert_false (options->include_unnoted);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "export-include-unnoted");

  /* The exchange formats: W3C annotations previewed and written, every
   * highlight whatever the Markdown options; a REFI-QDA archive. */
  {
    g_autofree char *w3c = g_build_filename (dir, "out.jsonld", NULL);
    g_autofree char *qdpx = g_build_filename (dir, "out.qdpx", NULL);
    g_autofree char *jsonld = NULL;
    g_autofree char *zip = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
    g_assert_true (px_test_wait_for (has_dialog, window, 5000));
    dialog = find_dialog (window);
    px_export_dialog_set_format (dialog, "w3c");
    w = (PreviewWait){ dialog, "\"TextQuoteSelector\"", TRUE };
    g_assert_true (px_test_wait_for (preview_matches, &w, 10000));
    px_export_dialog_save_to (dialog, w3c);
    g_assert_true (px_test_wait_for (dialog_gone, window, 10000));
    g_assert_true (g_file_get_contents (w3c, &jsonld, NULL, &error));
    g_assert_nonnull (strstr (jsonld, "\"exact\" : \"river bridge\""));
    g_assert_nonnull (strstr (jsonld, "\"exact\" : \"Drivers # cheered\""));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
    g_assert_true (px_test_wait_for (has_dialog, window, 5000));
    dialog = find_dialog (window);
    px_export_dialog_set_format (dialog, "qdpx");
    w = (PreviewWait){ dialog, "urn:QDA-XML:project:1.0", TRUE };
    g_assert_true (px_test_wait_for (preview_matches, &w, 10000));
    px_export_dialog_save_to (dialog, qdpx);
    g_assert_true (px_test_wait_for (dialog_gone, window, 10000));
    g_assert_true (g_file_get_contents (qdpx, &zip, NULL, &error));
    g_assert_true (g_str_has_prefix (zip, "PK"));
    g_unlink (w3c);
    g_unlink (qdpx);
  }

  /* Copy as Markdown: one highlight, and the whole list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-annotation-markdown", "x",
                                             px_annotation_get_id (first)));
  copied = px_test_read_clipboard (GTK_WIDGET (window));
  g_assert_true (g_str_has_prefix (copied, "> river bridge\n"));
  g_assert_nonnull (strstr (copied, "Which \\*bridge\\*?"));
  g_free (copied);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-annotations-markdown", NULL));
  copied = px_test_read_clipboard (GTK_WIDGET (window));
  g_assert_nonnull (strstr (copied, "> Drivers \\# cheered"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (output);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-dialog/preview-options-save-copy", test_dialog);
  return g_test_run ();
}
