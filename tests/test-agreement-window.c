/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The agreement window under Xvfb: three coders on an event's two
 * articles give a group per code with alpha, a row per pair with kappa,
 * and the sentences they differ on. And Copy Citation. */
#include <glib/gstdio.h>
#include <string.h>

#include "gui/annotations/px-annotation-controller.h"
#include "gui/annotations/px-annotations-panel.h"
#include "gui/annotations/px-highlight-layer.h"
#include "gui/coding/px-agreement-window.h"
#include "gui/window/px-application.h"
#include "gui/window/px-window.h"
#include "annotations/px-store-annotations.h"
#include "annotations/px-store-coders.h"
#include "events/px-store-events.h"
#include "px-test-clipboard.h"
#include "px-test-wait.h"

static PxAgreementWindow *
find_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (PX_IS_AGREEMENT_WINDOW (item))
        return PX_AGREEMENT_WINDOW (item);
    }
  return NULL;
}

static gboolean
window_ready (gpointer data)
{
  PxAgreementWindow *window = find_window ();

  return window != NULL && px_agreement_window_is_ready (window);
}

/* Every title and subtitle of the rows and groups under @widget. */
static void
collect_text (GtkWidget *widget, GString *out)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (out, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL)
    g_string_append_printf (out, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    g_string_append_printf (out, "%s\n%s\n", adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)),
                            adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/* The open article's four highlights are in the panel. */
static gboolean
article_listed (gpointer data)
{
  return g_list_model_get_n_items (px_annotations_panel_get_model (data)) == 4;
}

/* How many of the reader's highlights are drawn, and the innermost one
 * that answers a click at the first character of @quote. */
static guint
drawn_in_reader (PxHighlightLayer *layer, const char *text, const char *quote, PxAnnotation **at)
{
  GListModel *list = G_LIST_MODEL (px_highlight_layer_get_list (layer));
  guint drawn = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (PxAnnotation) a = g_list_model_get_item (list, i);

      if (px_highlight_layer_get_tag (layer, a) != NULL)
        drawn++;
    }
  *at = px_highlight_layer_get_at (layer, g_utf8_pointer_to_offset (text, strstr (text, quote)));
  return drawn;
}

static void
code (PxStore *store, PxDocument *doc, const char *quote, const char *coder, const char *tag)
{
  const char *hit = strstr (px_document_get_text (doc), quote);
  guint start = g_utf8_pointer_to_offset (px_document_get_text (doc), hit);
  g_autoptr (PxAnnotation) a = px_annotation_new_for_range (doc, start, start + g_utf8_strlen (quote, -1), "yellow");
  const char *tags[] = { tag, NULL };
  g_autoptr (GError) error = NULL;

  px_annotation_set_tags (a, tags);
  g_assert_true (px_store_add_annotation (store, a, &error));
  g_assert_true (px_store_set_annotation_origin (store, px_annotation_get_id (a), coder, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_three_coders (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-agreement-window-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autoptr (PxApplication) app = px_application_new (library, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) one = px_document_new ();
  g_autoptr (PxDocument) two = px_document_new ();
  g_autoptr (GString) text = g_string_new (NULL);
  PxWindow *window;
  PxStore *store;
  gint64 ids[2];

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = px_window_new (app, library, 0);
  gtk_window_present (GTK_WINDOW (window));
  store = px_window_get_store (window);
  px_document_set_title (one, "Dam holds");
  px_document_append_block (one, PX_BLOCK_PARAGRAPH,
                            "The dam at Kessel held through the night. Engineers opened two spillways at dawn.");
  px_document_set_title (two, "Kessel dam");
  px_document_append_block (two, PX_BLOCK_PARAGRAPH, "Kessel’s dam did not break. Farmers lost part of the harvest.");
  g_assert_true (px_store_add_document (store, one, NULL, &error));
  g_assert_true (px_store_add_document (store, two, NULL, &error));
  g_assert_no_error (error);
  ids[0] = px_document_get_id (one);
  ids[1] = px_document_get_id (two);
  g_assert_cmpint (px_store_group_documents (store, ids, 2, &error), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      const char *coder = (const char *[]){ "Ana", "Ben", "Cy" }[i];

      code (store, one, "held through the night", coder, "risk");
      if (i < 2)
        code (store, two, "did not break", coder, "risk");
      if (i == 1)
        code (store, one, "opened two spillways", coder, "risk");
    }
  px_window_open_document (window, ids[0]);

  /* The highlights list filters by coder. */
  {
    PxAnnotationsPanel *panel = px_annotation_controller_get_panel (px_window_get_annotation_controller (window));

    px_annotations_panel_refresh (panel);
    g_assert_true (px_test_wait_for (article_listed, panel, 10000));
    px_annotations_panel_set_filter_coder (panel, "Ben");
    g_assert_cmpuint (g_list_model_get_n_items (px_annotations_panel_get_model (panel)), ==, 2);
    px_annotations_panel_set_filter_coder (panel, "Cy");
    g_assert_cmpuint (g_list_model_get_n_items (px_annotations_panel_get_model (panel)), ==, 1);
    px_annotations_panel_set_filter_coder (panel, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (px_annotations_panel_get_model (panel)), ==, 4);
  }

  /* And the reader shows the chosen coder's highlights only. */
  {
    PxAnnotationController *controller = px_window_get_annotation_controller (window);
    PxAnnotationsPanel *panel = px_annotation_controller_get_panel (controller);
    PxHighlightLayer *layer = px_annotation_controller_get_layer (controller);
    const char *article = px_document_get_text (one);
    PxAnnotation *at = NULL;

    g_assert_cmpuint (drawn_in_reader (layer, article, "opened two spillways", &at), ==, 4);
    g_assert_nonnull (at);
    px_annotations_panel_set_filter_coder (panel, "Cy");
    g_assert_cmpuint (drawn_in_reader (layer, article, "opened two spillways", &at), ==, 1);
    g_assert_null (at); /* Ben's: hidden, and a click there finds nothing */
    g_assert_cmpuint (drawn_in_reader (layer, article, "held through the night", &at), ==, 1);
    g_assert_nonnull (at);
    px_annotations_panel_set_filter_coder (panel, "Ben");
    g_assert_cmpuint (drawn_in_reader (layer, article, "opened two spillways", &at), ==, 2);
    g_assert_nonnull (at);
    px_annotations_panel_set_filter_coder (panel, NULL);
    g_assert_cmpuint (drawn_in_reader (layer, article, "held through the night", &at), ==, 4);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.agreement", NULL));
  g_assert_true (px_test_wait_for (window_ready, NULL, 10000));
  px_test_settle (100);
  collect_text (GTK_WIDGET (find_window ()), text);
  g_assert_nonnull (strstr (text->str, "Ana, Ben, Cy"));
  g_assert_nonnull (strstr (text->str, "Tag “risk”"));
  g_assert_nonnull (strstr (text->str, "α = "));
  g_assert_nonnull (strstr (text->str, "Ana and Ben"));
  g_assert_nonnull (strstr (text->str, "Ben and Cy"));
  g_assert_nonnull (strstr (text->str, "κ = "));
  g_assert_nonnull (strstr (text->str, "1 Disagreement"));
  g_assert_nonnull (strstr (text->str, "Engineers opened two spillways at dawn."));
  g_assert_nonnull (strstr (text->str, "Marked by Ben; not by Ana, Cy · Dam holds"));
  /* The title names the event. */
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (find_window ())), "—"));

  gtk_window_destroy (GTK_WINDOW (find_window ()));

  /* Copy Citation: the open article as a line to paste. */
  {
    g_autofree char *citation = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-citation", NULL));
    citation = px_test_read_clipboard (GTK_WIDGET (window));
    g_assert_cmpstr (citation, ==, "“Dam holds.”");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle (50);
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
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/agreement-window/three-coders", test_three_coders);
  return g_test_run ();
}
