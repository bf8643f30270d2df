/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reader's Versions dialog (gui/reader/px-versions-dialog.h): an article
 * whose page changed, its two versions read and compared, the changed
 * headline, quotation and number listed. */
#include <glib/gstdio.h>
#include <string.h>

#include "gui/reader/px-versions-dialog.h"
#include "provenance/px-version-diff.h"
#include "annotations/px-store-annotations.h"
#include "provenance/px-store-versions.h"
#include "px-test-wait.h"

static PxDocument *
article (const char *title, const char *count, const char *quote)
{
  PxDocument *doc = px_document_new ();
  g_autofree char *first =
      g_strdup_printf ("Engineers counted %s damaged containers at the port of Velmora on Monday.", count);
  g_autofree char *second = g_strdup_printf ("“%s,” the port director said.", quote);

  px_document_set_title (doc, title);
  px_document_set_outlet (doc, "Velmora Post");
  px_document_set_language (doc, "en");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, first);
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, second);
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, "Ferries to the islands will run again on Friday.");
  return doc;
}

/* The listed changes, core only: a quotation found again with other
 * words is altered, not removed and added. */
static void
test_changes (void)
{
  g_autoptr (GPtrArray) changes = px_version_changes (
      "Crane falls", "He said: “The wind measured eighteen times higher than the rating.” Cost: 40 million.",
      "Crane falls", "He said: “The wind measured nearly twenty times higher than the rating.” Cost: 45 million.",
      "en");
  const PxVersionChange *c;

  /* Words for numbers are no number: "eighteen" is in the altered quotation. */
  g_assert_cmpuint (changes->len, ==, 2);
  c = changes->pdata[0];
  g_assert_cmpint (c->kind, ==, PX_VERSION_CHANGE_QUOTE_ALTERED);
  g_assert_cmpstr (c->old_text, ==, "The wind measured eighteen times higher than the rating.");
  g_assert_cmpstr (c->new_text, ==, "The wind measured nearly twenty times higher than the rating.");
  c = changes->pdata[1];
  g_assert_cmpint (c->kind, ==, PX_VERSION_CHANGE_NUMBER);
  g_assert_cmpstr (c->old_text, ==, "40");
  g_assert_cmpstr (c->new_text, ==, "45");
}

/* An article with two versions in @store: its id. */
static gint64
add_two_versions (PxStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) first = article ("Crane falls in Velmora", "40", "We have never seen a storm like this one");
  g_autoptr (PxDocument) second =
      article ("Storm topples crane in Velmora", "45", "We have rarely seen a storm like this one");
  gint64 id;

  g_assert_nonnull (store);
  g_assert_true (px_store_add_document (store, first, NULL, &error));
  id = px_document_get_id (first);
  g_assert_true (px_store_replace_document_version (store, id, second, 4, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_dialog (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-versions-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_autofree char *marked = NULL;
  PxVersionsDialog *dialog;
  const char *changes;
  gint64 id;

  g_assert_no_error (error);
  id = add_two_versions (store);

  dialog = px_versions_dialog_new (NULL, store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  px_test_settle (50);
  g_assert_cmpuint (px_versions_dialog_get_n_versions (dialog), ==, 2);

  /* Opened on the newest version compared with the first. */
  changes = px_versions_dialog_get_changes_text (dialog);
  g_assert_nonnull (strstr (changes, "Headline changed: Crane falls in Velmora → Storm topples crane in Velmora\n"));
  g_assert_nonnull (strstr (changes, "Quotation altered: We have never seen a storm like this one, → We have rarely "
                                     "seen a storm like this one,\n"));
  g_assert_nonnull (strstr (changes, "Number changed: 40 → 45\n"));
  marked = px_versions_dialog_get_marked_text (dialog);
  g_test_message ("%s", marked);
  g_assert_nonnull (strstr (marked, "Engineers counted [-40-] {+45+} damaged containers"));
  g_assert_nonnull (strstr (marked, "We have [-never-] {+rarely+} seen"));
  g_assert_nonnull (strstr (marked, "Ferries to the islands will run again on Friday."));
  g_clear_pointer (&marked, g_free);

  /* One version read alone: its text as it was, nothing marked. */
  px_versions_dialog_show (dialog, 1, 1);
  marked = px_versions_dialog_get_marked_text (dialog);
  g_assert_cmpstr (px_versions_dialog_get_changes_text (dialog), ==, "");
  g_assert_null (strstr (marked, "{+"));
  g_assert_null (strstr (marked, "[-"));
  g_assert_nonnull (strstr (marked, "Engineers counted 40 damaged containers"));
  g_clear_pointer (&marked, g_free);

  /* Compared the other way round: what the first had that the second
   * lost is now added. */
  px_versions_dialog_show (dialog, 1, 2);
  marked = px_versions_dialog_get_marked_text (dialog);
  g_assert_nonnull (strstr (marked, "[-45-] {+40+}"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  px_test_settle (50);
  g_assert_null (px_versions_dialog_new (NULL, store, 9999, &error));
  g_assert_nonnull (error);
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Removed words follow the theme: a dark style gives them a colour
 * readable on dark, not the light style's red. */
static void
test_dark_removed_color (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-versions-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  GdkRGBA light, *dark = NULL;
  PxVersionsDialog *dialog;
  GtkTextTag *removed;
  gint64 id;

  g_assert_no_error (error);
  id = add_two_versions (store);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  dialog = px_versions_dialog_new (NULL, store, id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  px_test_settle (50);
  removed = gtk_text_tag_table_lookup (
      gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_text_view (GTK_WIDGET (dialog))))),
      "removed");
  g_assert_nonnull (removed);
  g_object_get (removed, "foreground-rgba", &dark, NULL);
  g_assert_nonnull (dark);
  g_assert_true (gdk_rgba_parse (&light, "#c01c28"));
  g_assert_false (gdk_rgba_equal (dark, &light));
  gdk_rgba_free (dark);
  gtk_window_destroy (GTK_WINDOW (dialog));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  px_test_settle (50);
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/versions-dialog/dark-removed-color", test_dark_removed_color);
  g_test_add_func ("/versions-dialog/changes", test_changes);
  g_test_add_func ("/versions-dialog/dialog", test_dialog);
  return g_test_run ();
}
