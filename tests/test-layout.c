/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The adaptive window, under Xvfb, at 1400, 800 and 360 px: which panes
 * show, Back, and where the keyboard focus goes. */
#include <glib/gstdio.h>

#include "gui/window/px-application.h"
#include "gui/common/px-compat.h"
#include "gui/window/px-window-private.h"
#include "px-test-wait.h"

static PxApplication *app;

typedef struct
{
  char *dir;
  char *library;
  gint64 id;
  PxWindow *window;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxDocument) doc = px_document_new ();

  f->dir = g_dir_make_tmp ("px-layout-XXXXXX", NULL);
  f->library = g_build_filename (f->dir, "library.db", NULL);
  store = px_store_open (f->library, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  px_document_set_title (doc, "Tram line reopens after repairs");
  px_document_set_outlet (doc, "Riverside Herald");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, "The tram line to the harbour reopened on Monday.");
  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  f->id = px_document_get_id (doc);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->library, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->library, "-shm", NULL);

  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  px_test_settle (20);
  g_unlink (f->library);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->library);
  g_free (f->dir);
}

typedef struct
{
  PxWindow *window;
  PxWindowLayout layout;
} Want;

static gboolean
has_layout (gpointer data)
{
  Want *want = data;

  return px_window_get_layout (want->window) == want->layout && want->window->layout_tick == 0;
}

static PxWindow *
open_window (Fixture *f, int width, PxWindowLayout layout)
{
  Want want;

  f->window = px_window_new (app, f->library, 0);
  px_window_set_side_panel_visible (f->window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  want = (Want){ f->window, layout };
  g_assert_true (px_test_wait_for (has_layout, &want, 10000));
  px_test_settle (50);
  return f->window;
}

static gboolean
shown (gpointer widget)
{
  return gtk_widget_is_visible (widget);
}

/* Which panes are on screen: "L" library, "R" reader, "S" side panel. */
static char *
panes (PxWindow *w)
{
  px_test_settle (30);
  return g_strdup_printf ("%s%s%s", shown (w->sidebar) ? "L" : "", shown (w->reader_stack) ? "R" : "",
                          shown (w->side_panel) ? "S" : "");
}

static gboolean
focus_in (PxWindow *w, gpointer pane)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (w));

  return focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

static void
assert_panes (PxWindow *w, const char *expected)
{
  g_autofree char *got = panes (w);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_wide (Fixture *f, gconstpointer data)
{
  PxWindow *w = open_window (f, 1400, PX_WINDOW_LAYOUT_WIDE);

  assert_panes (w, "LR");
  px_window_set_side_panel_visible (w, TRUE);
  assert_panes (w, "LRS");
  g_assert_false (gtk_widget_get_visible (w->back_button));
  g_assert_false (gtk_widget_is_sensitive (w->back_button) && gtk_widget_get_visible (w->back_button));
}

static void
test_medium (Fixture *f, gconstpointer data)
{
  PxWindow *w = open_window (f, 800, PX_WINDOW_LAYOUT_MEDIUM);

  assert_panes (w, "LR");
  /* The side panel takes the library's place. */
  px_window_set_side_panel_visible (w, TRUE);
  assert_panes (w, "RS");
  px_window_set_side_panel_visible (w, FALSE);
  assert_panes (w, "LR");
  g_assert_false (gtk_widget_get_visible (w->back_button));
}

static GtkGridView *
find_grid_view (GtkWidget *widget)
{
  if (GTK_IS_GRID_VIEW (widget))
    return GTK_GRID_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkGridView *found = find_grid_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* As a click on the library's first row does. */
static void
choose_first_row (PxWindow *w)
{
  GtkGridView *list = find_grid_view (GTK_WIDGET (w->sidebar));

  g_assert_nonnull (list);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_grid_view_get_model (list)), 0);
}

static void
test_narrow (Fixture *f, gconstpointer data)
{
  PxWindow *w = open_window (f, 360, PX_WINDOW_LAYOUT_NARROW);
  int min = 0;

  /* The window itself fits in 360 px. */
  gtk_widget_measure (GTK_WIDGET (w), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (w)), <=, 360);

  /* One pane: the library first. */
  assert_panes (w, "L");
  g_assert_false (gtk_widget_get_visible (w->back_button));

  /* Choosing an article shows it, with Back, and the focus goes with it. */
  g_signal_emit_by_name (w->sidebar, "document-selected", f->id);
  assert_panes (w, "R");
  g_assert_cmpint (px_window_get_pane (w), ==, PX_WINDOW_PANE_READER);
  g_assert_true (gtk_widget_get_visible (w->back_button));
  g_assert_true (focus_in (w, w->reader_stack));

  /* F9's action: the side panel covers the reader; Back returns. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "win.toggle-side-panel", NULL));
  assert_panes (w, "S");
  g_assert_true (focus_in (w, w->side_panel));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "win.navigate-back", NULL));
  assert_panes (w, "R");
  g_assert_false (px_window_get_side_panel_visible (w));

  /* Back again: the library, focused; Back is gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "win.navigate-back", NULL));
  assert_panes (w, "L");
  g_assert_true (focus_in (w, w->sidebar));
  g_assert_false (gtk_widget_get_visible (w->back_button));

  /* Choosing the article just read shows it again. */
  choose_first_row (w);
  assert_panes (w, "R");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "win.navigate-back", NULL));
  assert_panes (w, "L");

  /* Find (Ctrl+F) with an article open shows the reader; searching the
   * library (Ctrl+Shift+F) shows the library. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "win.find", NULL));
  assert_panes (w, "R");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "win.search", NULL));
  assert_panes (w, "L");
  g_assert_true (focus_in (w, w->sidebar));

  /* Widening the window shows the panes side by side again. */
  gtk_window_set_default_size (GTK_WINDOW (w), 1400, 700);
  {
    Want want = { w, PX_WINDOW_LAYOUT_WIDE };
    g_assert_true (px_test_wait_for (has_layout, &want, 10000));
  }
  assert_panes (w, "LR");
}

/* An article open in a wide window with the side panel: narrowing shows
 * the article alone, widening brings the side panel back. */
static void
resize (PxWindow *w, int width, PxWindowLayout layout)
{
  Want want = { w, layout };

  gtk_window_set_default_size (GTK_WINDOW (w), width, 700);
  g_assert_true (px_test_wait_for (has_layout, &want, 10000));
}

static void
test_narrow_keeps_reading (Fixture *f, gconstpointer data)
{
  PxWindow *w = open_window (f, 1400, PX_WINDOW_LAYOUT_WIDE);

  px_window_open_document (w, f->id);
  px_window_set_side_panel_visible (w, TRUE);
  assert_panes (w, "LRS");
  resize (w, 360, PX_WINDOW_LAYOUT_NARROW);
  assert_panes (w, "R");
  resize (w, 1400, PX_WINDOW_LAYOUT_WIDE);
  assert_panes (w, "LRS");
}

/* Deleting the article shown from the one-pane library opens the next
 * one, and shows it. */
static void
test_narrow_delete_shows_next (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (f->library, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr (PxDocument) doc = px_document_new ();
  g_autoptr (GList) shown = NULL;
  PxWindow *w;
  GtkWidget *alert = NULL;

  g_assert_no_error (error);
  px_document_set_title (doc, "Harbour bridge closes for a week");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, "The bridge closes on Friday for repairs.");
  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  g_clear_object (&store);
  w = open_window (f, 360, PX_WINDOW_LAYOUT_NARROW);
  g_signal_emit_by_name (w->sidebar, "document-selected", f->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "win.navigate-back", NULL));
  assert_panes (w, "L");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "win.delete-document", NULL));
  shown = px_dialog_list_visible ();
  for (GList *l = shown; l != NULL && alert == NULL; l = l->next)
    if (px_is_alert (l->data))
      alert = l->data;
  g_assert_nonnull (alert);
  px_alert_response (alert, "delete");
  px_test_settle (20);
  g_assert_cmpint (px_document_get_id (px_window_get_document (w)), ==, px_document_get_id (doc));
  assert_panes (w, "R");
}

/* The focus in the library when narrowing shows the article alone goes
 * to the article, not nowhere. */
static void
test_narrow_moves_focus (Fixture *f, gconstpointer data)
{
  PxWindow *w = open_window (f, 1400, PX_WINDOW_LAYOUT_WIDE);

  px_window_open_document (w, f->id);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (w->sidebar), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_in (w, w->sidebar));
  resize (w, 360, PX_WINDOW_LAYOUT_NARROW);
  assert_panes (w, "R");
  g_assert_true (focus_in (w, w->reader_stack));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  app = px_application_new ("unused.db", 0);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_test_add ("/layout/1400", Fixture, NULL, fixture_setup, test_wide, fixture_teardown);
  g_test_add ("/layout/800", Fixture, NULL, fixture_setup, test_medium, fixture_teardown);
  g_test_add ("/layout/360", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/layout/narrow-keeps-reading", Fixture, NULL, fixture_setup, test_narrow_keeps_reading,
              fixture_teardown);
  g_test_add ("/layout/narrow-moves-focus", Fixture, NULL, fixture_setup, test_narrow_moves_focus, fixture_teardown);
  g_test_add ("/layout/narrow-delete-shows-next", Fixture, NULL, fixture_setup, test_narrow_delete_shows_next,
              fixture_teardown);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
