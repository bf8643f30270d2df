/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Highlighting in the real window, under Xvfb: select, pick a swatch,
 * see it stored and drawn, add a note with spell checking, overlap and
 * undo, then restart the window and find everything again. */
#include <glib/gstdio.h>
#include <string.h>

#include "gui/annotations/px-annotation-controller.h"
#include "gui/window/px-application.h"
#include "gui/common/px-dropdown-tooltip.h"
#include "gui/window/px-window.h"
#include "annotations/px-store-annotations.h"
#include "px-test-wait.h"

#define TITLE "Lighthouse keeper hands over the lamp"
#define BODY1 "The keeper of the Orrin lighthouse handed over the lamp on Sunday after forty years."
#define BODY2 "Villagers gathered on the jetty to watch the new keeper climb the stairs."

/* One application for every test: a second one could not export itself
 * on the session bus while the first lives. Windows name their library. */
static PxApplication *
shared_app (const char *library)
{
  static PxApplication *app;

  if (app == NULL)
    {
      app = px_application_new (library, 0);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
    }
  return app;
}

static gboolean
reader_has_title (gpointer data)
{
  PxReaderView *reader = px_window_get_reader (data);

  /* Shown on screen, so popovers can be placed. */
  return g_strcmp0 (px_reader_view_get_title_text (reader), TITLE) == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (px_reader_view_get_text_view (reader))) &&
         gtk_widget_get_width (GTK_WIDGET (px_reader_view_get_text_view (reader))) > 100;
}

static GtkTextBuffer *
reader_buffer (PxWindow *window)
{
  return gtk_text_view_get_buffer (px_reader_view_get_text_view (px_window_get_reader (window)));
}

static guint
offset_of (PxWindow *window, const char *needle)
{
  const char *text = px_document_get_text (px_window_get_document (window));
  const char *hit = strstr (text, needle);

  g_assert_nonnull (hit);
  return g_utf8_pointer_to_offset (text, hit);
}

static void
select_text (PxWindow *window, const char *needle)
{
  GtkTextBuffer *buffer = reader_buffer (window);
  guint start = offset_of (window, needle);
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, start + g_utf8_strlen (needle, -1));
  gtk_text_buffer_select_range (buffer, &s, &e);
}

static gboolean
drawn_at (PxWindow *window, PxAnnotation *a)
{
  PxAnnotationController *controller = px_window_get_annotation_controller (window);
  GtkTextTag *tag = px_highlight_layer_get_tag (px_annotation_controller_get_layer (controller), a);
  GtkTextIter iter;

  if (tag == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (reader_buffer (window), &iter, px_annotation_get_start (a));
  return gtk_text_iter_has_tag (&iter, tag);
}

static gboolean
list_has_one (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 1;
}

static gboolean
note_checked (gpointer data)
{
  g_autoptr (GArray) ranges = px_note_editor_get_misspelled (data);
  return ranges->len > 0;
}

static void
test_highlight_note_undo_restart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-highlight-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *article = g_build_filename (dir, "lighthouse.txt", NULL);
  g_autofree char *spell_dir = g_build_filename (dir, "data", NULL);
  PxApplication *app;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GArray) misspelled = NULL;
  g_autoptr (GMenuModel) menu = NULL;
  g_autofree char *note = NULL;
  PxAnnotationController *controller;
  PxHighlightPopover *popover;
  PxHighlightLayer *layer;
  PxAnnotation *yellow, *green;
  PxNoteEditor *editor;
  PxWindow *window;
  gint64 doc_id, yellow_id;
  guint start, end;
  GtkTextIter iter;

  /* The personal word list goes to the test's folder, not the user's. */
  g_setenv ("XDG_DATA_HOME", spell_dir, TRUE);
  app = shared_app (library);
  g_assert_true (g_file_set_contents (article, TITLE "\n\n" BODY1 "\n\n" BODY2 "\n", -1, NULL));
  window = px_window_new (app, library, 0);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_path (article);
  px_window_import_files (window, &file, 1);
  g_assert_true (px_test_wait_for (reader_has_title, window, 10000));
  doc_id = px_document_get_id (px_window_get_document (window));

  controller = px_window_get_annotation_controller (window);
  g_assert_nonnull (controller);
  layer = px_annotation_controller_get_layer (controller);
  popover = px_annotation_controller_get_popover (controller);

  /* A selection finished with the mouse opens the popover at it. */
  select_text (window, "handed over the lamp on Sunday");
  g_assert_true (px_highlight_layer_get_selection (layer, &start, &end));
  g_signal_emit_by_name (layer, "selection-finished", start, end);
  px_test_settle (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (px_highlight_popover_get_swatch (popover, "green")));

  /* One click on yellow: stored and drawn. (An activated button clicks
   * after its short pressed look.) */
  gtk_widget_activate (px_highlight_popover_get_swatch (popover, "yellow"));
  g_assert_true (px_test_wait_for (list_has_one, px_annotation_controller_get_list (controller), 3000));
  stored = px_store_list_annotations (px_window_get_store (window), doc_id, &error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (px_annotation_get_quote (g_ptr_array_index (stored, 0)), ==, "handed over the lamp on Sunday");
  g_assert_cmpstr (px_annotation_get_color (g_ptr_array_index (stored, 0)), ==, "yellow");
  yellow_id = px_annotation_get_id (g_ptr_array_index (stored, 0));
  yellow = px_annotation_list_lookup (px_annotation_controller_get_list (controller), yellow_id);
  g_assert_true (drawn_at (window, yellow));
  g_assert_true (px_highlight_layer_get_at (layer, offset_of (window, "lamp")) == yellow);
  g_assert_cmpuint (
      g_list_model_get_n_items (px_annotations_panel_get_model (px_annotation_controller_get_panel (controller))), ==,
      1);

  /* A note with a misspelling: underlined, corrected from the menu. */
  g_signal_emit_by_name (layer, "annotation-clicked", yellow);
  g_assert_true (px_highlight_popover_get_annotation (popover) == yellow);
  g_signal_emit_by_name (popover, "note-requested");
  g_assert_cmpstr (px_highlight_popover_get_page (popover), ==, "note");
  /* Near the top of the window it opens below the passage; pointing at
   * the window's last lines, where it does not fit below, above it. */
  g_assert_cmpint (gtk_popover_get_position (GTK_POPOVER (popover)), ==, GTK_POS_BOTTOM);
  {
    GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (popover));
    GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (parent));
    graphene_point_t bottom = GRAPHENE_POINT_INIT (100, gtk_widget_get_height (native) - 30), at;
    GdkRectangle keep, rect;

    g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (popover), &keep));
    g_assert_true (gtk_widget_compute_point (native, parent, &bottom, &at));
    rect = (GdkRectangle){ (int)at.x, (int)at.y, 40, 16 };
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
    px_highlight_popover_place (popover);
    g_assert_cmpint (gtk_popover_get_position (GTK_POPOVER (popover)), ==, GTK_POS_TOP);
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &keep);
    px_highlight_popover_place (popover);
    g_assert_cmpint (gtk_popover_get_position (GTK_POPOVER (popover)), ==, GTK_POS_BOTTOM);
  }
  editor = px_highlight_popover_get_note_editor (popover);
  px_spell_checker_set_language (px_note_editor_get_checker (editor), "en_US");
  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), &iter);
  gtk_text_buffer_insert (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), &iter, "Forty yeers of service.", -1);
  g_assert_true (px_test_wait_for (note_checked, editor, 3000));
  misspelled = px_note_editor_get_misspelled (editor);
  g_assert_cmpuint (misspelled->len, ==, 1);
  g_assert_cmpuint (g_array_index (misspelled, PxSpellRange, 0).start, ==, 6);
  menu = px_note_editor_build_menu_at (editor, 7);
  g_assert_nonnull (menu);
  gtk_widget_activate_action (GTK_WIDGET (editor), "spell.replace", "s", "years");
  note = px_note_editor_dup_text (editor);
  g_assert_cmpstr (note, ==, "Forty years of service.");
  px_highlight_popover_flush (popover);
  g_assert_cmpstr (px_annotation_get_note (yellow), ==, "Forty years of service.");
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* An overlapping green highlight by key, then undone. */
  select_text (window, "on Sunday after forty years");
  gtk_widget_activate_action (GTK_WIDGET (px_reader_view_get_text_view (px_window_get_reader (window))),
                              "annot.highlight", "s", "green");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (px_annotation_controller_get_list (controller))), ==, 2);
  green = px_highlight_layer_get_at (layer, offset_of (window, "forty"));
  g_assert_nonnull (green);
  g_assert_cmpstr (px_annotation_get_color (green), ==, "green");
  /* Both stay visible where they overlap. */
  g_assert_true (drawn_at (window, yellow));
  gtk_widget_activate_action (GTK_WIDGET (window), "annot.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (px_annotation_controller_get_list (controller))), ==, 1);
  g_assert_null (px_highlight_layer_get_at (layer, offset_of (window, "forty")));

  /* Restart: a new window on the same library finds it all. */
  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle (50);
  window = px_window_new (app, library, doc_id);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (px_test_wait_for (reader_has_title, window, 10000));
  controller = px_window_get_annotation_controller (window);
  yellow = px_annotation_list_lookup (px_annotation_controller_get_list (controller), yellow_id);
  g_assert_nonnull (yellow);
  g_assert_cmpstr (px_annotation_get_note (yellow), ==, "Forty years of service.");
  g_assert_true (drawn_at (window, yellow));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (px_annotation_controller_get_list (controller))), ==, 1);
  /* The undo history survived too: redo brings the green one back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "annot.redo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (px_annotation_controller_get_list (controller))), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle (50);
  g_unlink (article);
}

/* The look classes (colour, note, depth) at each offset of a view's
 * buffer, as one string per offset. */
static GPtrArray *
classes_by_offset (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  GtkTextIter iter;

  for (gtk_text_buffer_get_start_iter (buffer, &iter); !gtk_text_iter_is_end (&iter);
       gtk_text_iter_forward_char (&iter))
    {
      g_autoptr (GString) keys = g_string_new (NULL);
      GSList *tags = gtk_text_iter_get_tags (&iter);

      for (GSList *l = tags; l != NULL; l = l->next)
        {
          guint key = GPOINTER_TO_UINT (g_object_get_data (l->data, "px-class"));
          if (key != 0)
            g_string_append_printf (keys, "%u,", key);
        }
      g_slist_free (tags);
      g_ptr_array_add (out, g_string_free (g_steal_pointer (&keys), FALSE));
    }
  return out;
}

/* Drawing only where highlights change gives what drawing everything
 * again gives: random highlights, nested and overlapping, added, recoloured,
 * noted and deleted, compared with a fresh layer after each step. */
static void
test_incremental_drawing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-layer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, NULL);
  g_autoptr (PxDocument) doc = px_document_new ();
  g_autoptr (PxAnnotationList) list = NULL;
  g_autoptr (PxAnchorText) text = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  g_autoptr (PxHighlightLayer) layer = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *view = g_object_ref_sink (gtk_text_view_new ());
  guint length;

  g_assert_nonnull (store);
  px_document_set_title (doc, "Layers");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, BODY1);
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, BODY2);
  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  length = px_document_get_length (doc);
  text = px_anchor_text_new (px_document_get_text (doc));
  list = px_annotation_list_new (store, px_document_get_id (doc), &error);
  g_assert_no_error (error);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), px_document_get_text (doc), -1);
  layer = px_highlight_layer_new (GTK_TEXT_VIEW (view));
  px_highlight_layer_set_list (layer, list);

  for (guint step = 0; step < 60; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
      guint what = g_rand_int_range (rand, 0, 10);
      g_autoptr (PxAnnotation) pick =
          n ? g_list_model_get_item (G_LIST_MODEL (list), g_rand_int_range (rand, 0, n)) : NULL;
      const char *color = px_annotation_color_names ()[g_rand_int_range (rand, 0, PX_N_COLORS)];

      if (pick == NULL || what < 6)
        {
          guint start = g_rand_int_range (rand, 0, length - 2);
          guint end = MIN (length, start + g_rand_int_range (rand, 1, 60));
          g_autoptr (PxAnnotation) a = px_annotation_new_for_text (text, px_document_get_id (doc), start, end, color);
          g_assert_true (px_annotation_list_add (list, a, &error));
        }
      else if (what == 6)
        g_assert_true (px_annotation_list_set_color (list, pick, color, &error));
      else if (what == 7)
        g_assert_true (px_annotation_list_set_note (list, pick, *px_annotation_get_note (pick) ? "" : "n", &error));
      else if (what == 8)
        g_assert_true (px_annotation_list_remove (list, pick, &error));
      else
        g_assert_true (px_annotation_list_undo (list, NULL, &error));
      g_assert_no_error (error);

      {
        GtkWidget *fresh_view = g_object_ref_sink (gtk_text_view_new ());
        g_autoptr (PxHighlightLayer) fresh = NULL;
        g_autoptr (GPtrArray) got = NULL;
        g_autoptr (GPtrArray) want = NULL;

        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (fresh_view)), px_document_get_text (doc),
                                  -1);
        fresh = px_highlight_layer_new (GTK_TEXT_VIEW (fresh_view));
        px_highlight_layer_set_list (fresh, list);
        got = classes_by_offset (GTK_TEXT_VIEW (view));
        want = classes_by_offset (GTK_TEXT_VIEW (fresh_view));
        g_assert_cmpuint (got->len, ==, want->len);
        for (guint i = 0; i < got->len; i++)
          g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (want, i));
        px_highlight_layer_set_list (fresh, NULL);
        g_object_unref (fresh_view);
      }
    }
  px_highlight_layer_set_list (layer, NULL);
  g_object_unref (view);
}

static gboolean
scrolled_down (gpointer data)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (data), GTK_TYPE_SCROLLED_WINDOW);
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))) > 200;
}

/* The panel: an entry far down the article scrolls the reader to it and
 * flashes it; an orphaned highlight is listed under its own heading and is
 * attached again to the text the user selects. */
static void
test_panel_reveal_and_orphans (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-panel-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autoptr (PxStore) store = px_store_open (library, PX_STORE_OPEN_DEFAULT, NULL);
  g_autoptr (PxDocument) doc = px_document_new ();
  g_autoptr (PxDocument) edited = px_document_new ();
  g_autoptr (PxAnchorText) text = NULL;
  g_autoptr (PxAnnotation) far = NULL;
  g_autoptr (PxAnnotation) lost = NULL;
  PxApplication *app;
  g_autoptr (GError) error = NULL;
  PxAnnotationController *controller;
  PxAnnotationsPanel *panel;
  PxAnnotation *live;
  GListModel *shown;
  GtkTextView *view;
  PxWindow *window;
  const char *body;
  guint start;

  /* Forty paragraphs, the passage to find in the last one. */
  px_document_set_title (doc, TITLE);
  for (guint i = 0; i < 40; i++)
    px_document_append_block (doc, PX_BLOCK_PARAGRAPH, i == 39 ? BODY2 : BODY1);
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, "The harbour master rang the bell at noon.");
  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  body = px_document_get_text (doc);
  text = px_anchor_text_new (body);
  start = g_utf8_pointer_to_offset (body, strstr (body, "climb the stairs"));
  far = px_annotation_new_for_text (text, px_document_get_id (doc), start, start + 16, "blue");
  g_assert_true (px_store_add_annotation (store, far, &error));
  start = g_utf8_pointer_to_offset (body, strstr (body, "rang the bell"));
  lost = px_annotation_new_for_text (text, px_document_get_id (doc), start, start + 13, "red");
  g_assert_true (px_store_add_annotation (store, lost, &error));
  /* The text changes and the bell is gone: that highlight is orphaned. */
  for (guint i = 0; i < 40; i++)
    px_document_append_block (edited, PX_BLOCK_PARAGRAPH, i == 39 ? BODY2 : BODY1);
  px_document_append_block (edited, PX_BLOCK_PARAGRAPH, "Nobody came to the quay that afternoon.");
  g_assert_true (px_store_replace_document_text (store, px_document_get_id (doc), edited, NULL, &error));
  g_assert_no_error (error);

  app = shared_app (library);
  window = px_window_new (app, library, px_document_get_id (doc));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (px_test_wait_for (reader_has_title, window, 10000));
  px_test_settle (300);
  controller = px_window_get_annotation_controller (window);
  panel = px_annotation_controller_get_panel (controller);
  view = px_reader_view_get_text_view (px_window_get_reader (window));

  /* Anchored first, then a heading, then the orphan. */
  shown = px_annotations_panel_get_model (panel);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  {
    g_autoptr (GObject) first = g_list_model_get_item (shown, 0);
    g_autoptr (GObject) heading = g_list_model_get_item (shown, 1);
    g_autoptr (GObject) orphan = g_list_model_get_item (shown, 2);
    g_assert_true (PX_IS_ANNOTATION (first));
    g_assert_true (GTK_IS_STRING_OBJECT (heading));
    g_assert_true (PX_IS_ANNOTATION (orphan) && px_annotation_get_orphaned (PX_ANNOTATION (orphan)));
  }

  /* Activating the far entry scrolls the reader down to it. */
  live = px_annotation_list_lookup (px_annotation_controller_get_list (controller), px_annotation_get_id (far));
  g_assert_true (scrolled_down (view) == FALSE);
  g_signal_emit_by_name (panel, "annotation-activated", live);
  g_assert_true (px_test_wait_for (scrolled_down, view, 3000));

  /* The orphan, activated with text selected, is attached to it. */
  select_text (window, "came to the quay");
  live = px_annotation_list_lookup (px_annotation_controller_get_list (controller), px_annotation_get_id (lost));
  g_signal_emit_by_name (panel, "annotation-activated", live);
  g_assert_false (px_annotation_get_orphaned (live));
  g_assert_cmpuint (px_annotation_get_start (live), ==, offset_of (window, "came to the quay"));
  g_assert_cmpstr (px_annotation_get_quote (live), ==, "came to the quay");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_true (drawn_at (window, live));

  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle (50);
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Search all documents" searches the library as soon as it is open,
 * before any article is. */
static void
test_panel_search_all_without_article (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-panel-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autoptr (PxStore) store = px_store_open (library, PX_STORE_OPEN_DEFAULT, NULL);
  g_autoptr (PxDocument) doc = px_document_new ();
  g_autoptr (PxAnchorText) text = NULL;
  g_autoptr (PxAnnotation) mark = NULL;
  g_autoptr (GError) error = NULL;
  PxAnnotationsPanel *panel;
  GtkWidget *check;
  PxWindow *window;
  const char *body;
  guint start;

  px_document_set_title (doc, TITLE);
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, BODY2);
  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  g_assert_no_error (error);
  body = px_document_get_text (doc);
  text = px_anchor_text_new (body);
  start = g_utf8_pointer_to_offset (body, strstr (body, "jetty"));
  mark = px_annotation_new_for_text (text, px_document_get_id (doc), start, start + 5, "blue");
  g_assert_true (px_store_add_annotation (store, mark, &error));

  window = px_window_new (shared_app (library), library, 0);
  gtk_window_present (GTK_WINDOW (window));
  px_test_settle (300);
  g_assert_null (px_window_get_document (window));
  panel = px_annotation_controller_get_panel (px_window_get_annotation_controller (window));
  check = find_descendant (GTK_WIDGET (panel), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  px_annotations_panel_set_filter_text (panel, "jetty");
  px_test_settle (300);
  g_assert_cmpuint (g_list_model_get_n_items (px_annotations_panel_get_model (panel)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle (50);
  g_clear_object (&store);
  g_unlink (library);
  {
    g_autofree char *wal = g_strconcat (library, "-wal", NULL);
    g_autofree char *shm = g_strconcat (library, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* A drop-down's tooltip is off while its list is open, back after. */
static void
test_dropdown_tooltip (void)
{
  const char *const items[] = { "All Tags", "people", NULL };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);
  GtkWidget *popup = NULL;

  gtk_widget_set_tooltip_text (dropdown, "Show only highlights with this tag");
  px_dropdown_quiet_tooltip (GTK_DROP_DOWN (dropdown));
  gtk_window_set_child (GTK_WINDOW (window), dropdown);
  gtk_window_present (GTK_WINDOW (window));
  px_test_settle (100);
  for (GtkWidget *c = gtk_widget_get_first_child (dropdown); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_POPOVER (c))
      popup = c;
  g_assert_nonnull (popup);
  g_assert_true (gtk_widget_get_has_tooltip (dropdown));
  gtk_popover_popup (GTK_POPOVER (popup));
  px_test_settle (100);
  g_assert_true (gtk_widget_get_visible (popup));
  g_assert_false (gtk_widget_get_has_tooltip (dropdown));
  gtk_popover_popdown (GTK_POPOVER (popup));
  px_test_settle (100);
  g_assert_true (gtk_widget_get_has_tooltip (dropdown));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (dropdown), ==, "Show only highlights with this tag");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/highlight/dropdown-tooltip", test_dropdown_tooltip);
  g_test_add_func ("/highlight/panel-search-all-without-article", test_panel_search_all_without_article);
  g_test_add_func ("/highlight/note-undo-restart", test_highlight_note_undo_restart);
  g_test_add_func ("/highlight/incremental-drawing", test_incremental_drawing);
  g_test_add_func ("/highlight/panel-reveal-and-orphans", test_panel_reveal_and_orphans);
  return g_test_run ();
}
