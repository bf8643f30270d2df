/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import Annotations… and Import Coding Package… in the window, under
 * Xvfb: the import runs in a worker, then a dialog says what came in
 * (imported, already there, orphaned), and the reader shows it. */
#include <glib/gstdio.h>
#include <string.h>

#include "formats/px-coding-package.h"
#include "gui/annotations/px-annotation-controller.h"
#include "gui/annotations/px-highlight-layer.h"
#include "gui/window/px-application.h"
#include "gui/common/px-compat.h"
#include "gui/window/px-window.h"
#include "annotations/px-store-annotations.h"
#include "px-test-wait.h"

#define URL "https://harbour.example/2026/05/flood-wall"
#define TEXT "The flood wall at Meren held for a second night. Crews closed the last gap at noon."

static GtkWidget *
find_report (void)
{
  g_autoptr (GList) shown = px_dialog_list_visible ();

  for (GList *l = shown; l != NULL; l = l->next)
    if (px_is_alert (l->data))
      return l->data;
  return NULL;
}

static gboolean
report_shown (gpointer data)
{
  return find_report () != NULL;
}

/* Waits for the report, returns its heading and body, and closes it. */
static char *
take_report (void)
{
  GtkWidget *dialog;
  char *text;

  g_assert_true (px_test_wait_for (report_shown, NULL, 20000));
  dialog = find_report ();
  text = g_strdup_printf ("%s\n%s", px_alert_get_heading (dialog), px_alert_get_body (dialog));
  px_dialog_close (dialog);
  px_test_settle (20);
  return text;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (dir);
}

static PxDocument *
article (void)
{
  PxDocument *doc = px_document_new ();

  px_document_set_title (doc, "Flood wall holds");
  px_document_set_url (doc, URL);
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, TEXT);
  return doc;
}

static void
test_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-import-coding-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *other = g_build_filename (dir, "lead.db", NULL);
  g_autofree char *package_path = g_build_filename (dir, "study.pxcoding.json", NULL);
  g_autofree char *annotations_path = g_build_filename (dir, "ana.jsonld", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autoptr (PxApplication) app = px_application_new (library, 0);
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  PxWindow *window;
  PxStore *store;

  /* The lead's library, and the coding package made from it. */
  {
    g_autoptr (PxStore) lead = px_store_open (other, PX_STORE_OPEN_DEFAULT, &error);
    g_autoptr (PxDocument) doc = article ();
    PxFormatScope all = { PX_FORMAT_SCOPE_ALL, 0, NULL };
    g_autoptr (PxFormatSet) set = NULL;
    g_autofree char *package = NULL;

    g_assert_no_error (error);
    g_assert_true (px_store_add_document (lead, doc, NULL, &error));
    set = px_format_set_load (lead, &all, &error);
    g_assert_no_error (error);
    package = px_coding_package_write (set);
    g_assert_true (g_file_set_contents (package_path, package, -1, &error));
  }
  /* A coder's annotations: one that anchors, one whose passage is not in
   * the article, one on an article this library does not have. */
  g_assert_true (g_file_set_contents (
      annotations_path,
      "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationPage\", \"items\": ["
      "{\"id\": \"urn:t:1\", \"type\": \"Annotation\", \"creator\": {\"type\": \"Person\", \"name\": \"Ana\"},"
      " \"target\": {\"source\": \"" URL "\", \"selector\": {\"type\": \"TextQuoteSelector\","
      " \"exact\": \"held for a second night\"}}},"
      "{\"id\": \"urn:t:2\", \"type\": \"Annotation\", \"target\": {\"source\": \"" URL "\", \"selector\":"
      " {\"type\": \"TextQuoteSelector\", \"exact\": \"a sentence no outlet ever printed\"}}},"
      "{\"id\": \"urn:t:3\", \"type\": \"Annotation\", \"target\": {\"source\": \"https://else.example/x\","
      " \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"wall\"}}}]}",
      -1, &error));
  g_assert_true (g_file_set_contents (bad_path, "{\"hello\": 1}", -1, &error));

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = px_window_new (app, library, 0);
  gtk_window_present (GTK_WINDOW (window));
  store = px_window_get_store (window);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));

  /* The package: its article comes in and opens. */
  {
    g_autoptr (GFile) file = g_file_new_for_path (package_path);
    g_autoptr (GPtrArray) docs = NULL;

    px_window_import_package_file (window, file);
    report = take_report ();
    g_assert_nonnull (strstr (report, "Coding Package Imported"));
    g_assert_nonnull (strstr (report, "1 article imported"));
    g_assert_nonnull (strstr (report, "0 articles were already in the library"));
    docs = px_store_list_documents (store, &error);
    g_assert_cmpuint (docs->len, ==, 1);
    g_assert_nonnull (px_window_get_document (window));
    g_clear_pointer (&report, g_free);
  }

  /* The annotations: one imported and drawn in the reader, one orphaned,
   * one whose article is missing. */
  {
    g_autoptr (GFile) file = g_file_new_for_path (annotations_path);
    PxAnnotationController *controller = px_window_get_annotation_controller (window);
    PxAnnotationList *list;

    px_window_import_annotations_file (window, file);
    report = take_report ();
    g_assert_nonnull (strstr (report, "Annotations Imported"));
    g_assert_nonnull (strstr (report, "1 highlight imported"));
    g_assert_nonnull (strstr (report, "0 highlights were already in the library"));
    g_assert_nonnull (strstr (report, "1 orphaned"));
    g_assert_nonnull (strstr (report, "1 not imported: its article is not in this library"));
    g_clear_pointer (&report, g_free);
    list = px_annotation_controller_get_list (controller);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr (PxAnnotation) a = g_list_model_get_item (G_LIST_MODEL (list), i);
        GtkTextTag *drawn = px_highlight_layer_get_tag (px_annotation_controller_get_layer (controller), a);

        if (px_annotation_get_orphaned (a))
          g_assert_null (drawn);
        else
          {
            g_assert_cmpstr (px_annotation_get_quote (a), ==, "held for a second night");
            g_assert_nonnull (drawn);
          }
      }

    /* Again: nothing is made twice (the orphaned one was kept too). */
    px_window_import_annotations_file (window, file);
    report = take_report ();
    g_assert_nonnull (strstr (report, "0 highlights imported"));
    g_assert_nonnull (strstr (report, "2 highlights were already in the library"));
    g_clear_pointer (&report, g_free);
  }

  /* A file that is neither: a clear message, no report, nothing changed. */
  {
    g_autoptr (GFile) file = g_file_new_for_path (bad_path);
    g_autoptr (GPtrArray) kept = NULL;

    px_window_import_annotations_file (window, file);
    px_test_settle (1500);
    g_assert_null (find_report ());
    kept = px_store_list_annotations (store, px_document_get_id (px_window_get_document (window)), &error);
    g_assert_cmpuint (kept->len, ==, 2);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle (50);
  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-coding-window/annotations-and-package", test_import);
  return g_test_run ();
}
