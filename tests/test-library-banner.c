/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window on a library it cannot change, under Xvfb: opened
 * read-only, locked by another program, or found damaged by the check in
 * the background. The banner says why, everything that would write is
 * disabled with the reason as its tooltip, and the file is never
 * touched. A library it cannot open at all (newer, cut off) gets the
 * error page instead. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gui/annotations/px-annotation-controller.h"
#include "gui/window/px-application.h"
#include "gui/export/px-export-dialog.h"
#include "gui/library/px-library-banner.h"
#include "gui/window/px-window.h"
#include "annotations/px-store-annotations.h"
#include "library/px-store-private.h"
#include "px-test-wait.h"

typedef struct
{
  char *dir;
  char *library;
  PxWindow *window;
} Fixture;

static PxApplication *app;

/* Every action that writes, and two that must keep working. */
static const char *const writing_actions[] = {
  "win.import",          "win.import-folder",       "win.import-url", "win.import-samples", "win.edit-details",
  "win.delete-document", "annot.highlight::yellow", "annot.note",     "annot.delete",
};

static PxDocument *
make_doc (int i)
{
  PxDocument *doc = px_document_new ();
  g_autofree char *title = g_strdup_printf ("Lock keeper's log, day %d", i);
  g_autoptr (GString) body = g_string_new (NULL);

  while (body->len < 1500)
    g_string_append_printf (body, "On day %d the canal lock opened %d times for barges and rowing boats. ", i, i + 3);
  px_document_set_title (doc, title);
  px_document_set_outlet (doc, i % 2 ? "Canal Weekly" : "Towpath Times");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, body->str);
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, "The lock keeper signed the page.");
  return doc;
}

/* A closed library of @n documents, the first one highlighted. */
static void
make_library (const char *path, int n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  for (int i = 0; i < n; i++)
    {
      g_autoptr (PxDocument) doc = make_doc (i);
      g_assert_true (px_store_add_document (store, doc, NULL, &error));
      g_assert_no_error (error);
      if (i == 0)
        {
          g_autoptr (PxAnchorText) text = px_anchor_text_new (px_document_get_text (doc));
          g_autoptr (PxAnnotation) a = px_annotation_new_for_text (text, px_document_get_id (doc), 0, 20, "green");

          px_annotation_set_note (a, "Check the barge count.");
          g_assert_true (px_store_add_annotation (store, a, &error));
          g_assert_no_error (error);
        }
    }
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);

  g_assert_nonnull (file);
  return g_mapped_file_get_bytes (file);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("px-banner-XXXXXX", NULL);
  f->library = g_build_filename (f->dir, "library.db", NULL);
}

static void
close_window (Fixture *f)
{
  if (f->window != NULL)
    gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  px_test_settle (20);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  GDir *dir;
  const char *name;

  close_window (f);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (f->dir);
  g_free (f->library);
  g_free (f->dir);
}

/* A side page of buttons bound to the actions: their sensitivity is what
 * a user sees of an action being enabled. */
static GtkWidget *
add_probe (PxWindow *window)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (writing_actions); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (writing_actions[i]);
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), writing_actions[i]);
      gtk_box_append (GTK_BOX (box), button);
    }
  for (const char *const *name = (const char *const[]){ "win.export", "annot.undo", NULL }; *name; name++)
    {
      GtkWidget *button = gtk_button_new_with_label (*name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), *name);
      gtk_box_append (GTK_BOX (box), button);
    }
  px_window_add_side_page (window, box, "probe", "Probe", "dialog-information-symbolic");
  return box;
}

static gboolean
probe_sensitive (GtkWidget *probe, const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (probe); child; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_button_get_label (GTK_BUTTON (child)), action))
      return gtk_widget_get_sensitive (child);
  g_assert_not_reached ();
}

static PxWindow *
open_window (Fixture *f, PxStoreOpenFlags flags, GtkWidget **probe)
{
  g_autoptr (GError) error = NULL;

  f->window = g_object_new (PX_TYPE_WINDOW, "application", app, NULL);
  px_library_banner_set_check_delay (px_window_get_banner (f->window), 0);
  *probe = add_probe (f->window);
  g_assert_true (px_window_open_library (f->window, f->library, flags, &error));
  g_assert_no_error (error);
  px_window_open_document (f->window, 1);
  gtk_window_present (GTK_WINDOW (f->window));
  px_test_settle (50);
  return f->window;
}

static gboolean
check_finished (gpointer data)
{
  return !px_library_banner_get_checking (data);
}

static GtkWidget *
find_button_with_action (GtkWidget *root, const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0 &&
      gtk_widget_get_visible (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_action (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What every library that cannot be changed shares: the banner says so,
 * writing is disabled with the reason in the tooltips, reading and
 * exporting work, and trying to write anyway changes nothing. */
static void
assert_cannot_change (PxWindow *window, GtkWidget *probe, PxStoreAccess access)
{
  PxLibraryBanner *banner = px_window_get_banner (window);
  PxAnnotationController *controller = px_window_get_annotation_controller (window);
  PxHighlightPopover *popover = px_annotation_controller_get_popover (controller);
  GtkTextView *view = px_reader_view_get_text_view (px_window_get_reader (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  const char *reason = px_library_reason_for (access);
  g_autoptr (GError) error = NULL;
  GtkWidget *import_button;
  GtkTextIter start, end;

  g_assert_cmpint (px_library_banner_get_access (banner), ==, access);
  g_assert_cmpstr (px_library_banner_get_message (banner), ==, px_library_banner_message_for (access));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_first_child (GTK_WIDGET (banner)))));
  g_assert_false (px_window_get_writable (window));
  g_assert_cmpstr (px_window_get_read_only_reason (window), ==, reason);

  for (guint i = 0; i < G_N_ELEMENTS (writing_actions); i++)
    {
      if (probe_sensitive (probe, writing_actions[i]))
        g_error ("%s is still enabled", writing_actions[i]);
    }
  g_assert_true (probe_sensitive (probe, "win.export"));
  import_button = find_button_with_action (GTK_WIDGET (window), "win.import");
  g_assert_nonnull (import_button);
  g_assert_false (gtk_widget_get_sensitive (import_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (import_button), ==, reason);

  /* The highlight popover offers only Copy, and says why. */
  g_assert_cmpstr (px_highlight_popover_get_read_only_reason (popover), ==, reason);
  g_assert_false (gtk_widget_get_sensitive (px_highlight_popover_get_swatch (popover, "yellow")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (px_highlight_popover_get_swatch (popover, "yellow")), ==, reason);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (px_highlight_popover_get_note_editor (popover))));

  /* The article is there to read, with its highlight; a selection and the
   * highlight keys change nothing. */
  g_assert_nonnull (px_window_get_document (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (px_annotation_controller_get_list (controller))), ==, 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 30);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 60);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (view), "annot.highlight", "s", "blue");
  px_test_settle (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpint (px_store_count_document_annotations (px_window_get_store (window), 1, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_texts (void)
{
  g_assert_null (px_library_banner_message_for (PX_STORE_ACCESS_WRITABLE));
  g_assert_null (px_library_reason_for (PX_STORE_ACCESS_WRITABLE));
  for (PxStoreAccess a = PX_STORE_ACCESS_READ_ONLY_ASKED; a <= PX_STORE_ACCESS_READ_ONLY_DAMAGED; a++)
    {
      g_assert_nonnull (px_library_banner_message_for (a));
      g_assert_nonnull (px_library_reason_for (a));
    }
  g_assert_nonnull (strstr (px_library_banner_message_for (PX_STORE_ACCESS_READ_ONLY_DAMAGED), "Export"));
}

/* A healthy library: no banner, everything enabled, the check passes. */
static void
test_writable (Fixture *f, gconstpointer data)
{
  GtkWidget *probe;
  PxWindow *window;
  PxLibraryBanner *banner;

  make_library (f->library, 3);
  window = open_window (f, PX_STORE_OPEN_DEFAULT, &probe);
  banner = px_window_get_banner (window);
  g_assert_true (px_test_wait_for (check_finished, banner, 10000));
  g_assert_cmpint (px_library_banner_get_access (banner), ==, PX_STORE_ACCESS_WRITABLE);
  g_assert_null (px_library_banner_get_message (banner));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_first_child (GTK_WIDGET (banner)))));
  g_assert_true (px_window_get_writable (window));
  for (guint i = 0; i < G_N_ELEMENTS (writing_actions); i++)
    if (!g_str_has_prefix (writing_actions[i], "annot.") && !probe_sensitive (probe, writing_actions[i]))
      g_error ("%s is disabled", writing_actions[i]);
  g_assert_true (probe_sensitive (probe, "annot.highlight::yellow"));
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *article = g_build_filename (f->dir, "article.txt", NULL);
  GtkWidget *probe;
  PxWindow *window;

  make_library (f->library, 3);
  before = read_bytes (f->library);
  window = open_window (f, PX_STORE_OPEN_READ_ONLY, &probe);
  assert_cannot_change (window, probe, PX_STORE_ACCESS_READ_ONLY_ASKED);
  g_assert_true (px_test_wait_for (check_finished, px_window_get_banner (window), 10000));

  /* Files dropped on the window are refused with the reason. */
  g_assert_true (g_file_set_contents (article, "A new article.\n\nWith two paragraphs.", -1, NULL));
  file = g_file_new_for_path (article);
  px_window_import_files (window, &file, 1);
  g_assert_false (px_window_is_importing (window));
  close_window (f);
  after = read_bytes (f->library);
  g_assert_true (g_bytes_equal (before, after));
}

/* Damage the check finds after opening: writing stops, even through the
 * store directly, and the banner offers to export what can be read. */
static void
test_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) whole = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = make_doc (99);
  g_autofree char *damaged = NULL;
  PxLibraryBanner *banner;
  GtkWidget *probe, *export_button;
  PxWindow *window;
  gsize len;

  make_library (f->library, 40);
  whole = read_bytes (f->library);
  len = g_bytes_get_size (whole);
  damaged = g_memdup2 (g_bytes_get_data (whole, NULL), len);
  /* The last pages hold the newest articles' text: garbage in them. */
  for (gsize page = len / 4096 - 3; page < len / 4096; page++)
    memset (damaged + page * 4096 + 100, 0x5A, 3000);
  g_assert_true (g_file_set_contents (f->library, damaged, len, NULL));
  g_clear_pointer (&whole, g_bytes_unref);
  whole = read_bytes (f->library);

  window = open_window (f, PX_STORE_OPEN_DEFAULT, &probe);
  banner = px_window_get_banner (window);
  g_assert_true (px_test_wait_for (check_finished, banner, 10000));
  px_test_settle (50);
  assert_cannot_change (window, probe, PX_STORE_ACCESS_READ_ONLY_DAMAGED);

  g_assert_false (px_store_add_document (px_window_get_store (window), doc, NULL, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "damaged"));
  export_button = find_button_with_action (GTK_WIDGET (banner), "win.export");
  g_assert_nonnull (export_button);
  g_assert_true (gtk_widget_get_sensitive (export_button));
  g_assert_nonnull (find_button_with_action (GTK_WIDGET (banner), "win.open-library"));

  /* The offer opens the export of the whole library. */
  g_signal_emit_by_name (export_button, "clicked");
  px_test_settle (50);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    g_autoptr (PxExportDialog) dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
        if (PX_IS_EXPORT_DIALOG (w))
          g_set_object (&dialog, PX_EXPORT_DIALOG (w));
      }
    g_assert_nonnull (dialog);
    g_assert_cmpint (px_export_dialog_get_kind (dialog), ==, PX_EXPORT_KIND_LIBRARY);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  close_window (f);
  after = read_bytes (f->library);
  g_assert_true (g_bytes_equal (whole, after));
}

/* Another program holds a write lock on a library in rollback-journal
 * mode: the window cannot write, so it reads, and tries again when asked. */
static void
test_locked (Fixture *f, gconstpointer data)
{
  PxLibraryBanner *banner;
  GtkWidget *probe;
  PxWindow *window;
  sqlite3 *other = NULL;

  make_library (f->library, 3);
  g_assert_cmpint (sqlite3_open (f->library, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (other, "BEGIN IMMEDIATE; UPDATE documents SET title = title WHERE id = 2;", NULL, NULL, NULL), ==,
      SQLITE_OK);

  window = open_window (f, PX_STORE_OPEN_DEFAULT, &probe);
  banner = px_window_get_banner (window);
  assert_cannot_change (window, probe, PX_STORE_ACCESS_READ_ONLY_LOCKED);
  g_assert_nonnull (find_button_with_action (GTK_WIDGET (banner), "win.reopen-library"));

  g_assert_cmpint (sqlite3_exec (other, "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reopen-library", NULL);
  px_test_settle (50);
  g_assert_true (px_window_get_writable (window));
  g_assert_cmpint (px_library_banner_get_access (banner), ==, PX_STORE_ACCESS_WRITABLE);
  g_assert_true (probe_sensitive (probe, "win.import"));
  /* The article being read stays open. */
  g_assert_nonnull (px_window_get_document (window));
  g_assert_true (probe_sensitive (probe, "annot.highlight::yellow"));
}

static AdwStatusPage *
find_status_page (GtkWidget *root, const char *text)
{
  if (ADW_IS_STATUS_PAGE (root) && adw_status_page_get_description (ADW_STATUS_PAGE (root)) != NULL &&
      strstr (adw_status_page_get_description (ADW_STATUS_PAGE (root)), text) != NULL)
    return ADW_STATUS_PAGE (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Libraries that cannot be opened at all: from a newer Parallax, cut off
 * by a copy that did not finish. The window explains on its error page
 * (with no banner and nothing enabled that writes) and leaves the file
 * exactly as it was. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  const char *cases[] = { "newer", "truncated" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) before = NULL;
      g_autoptr (GBytes) after = NULL;
      PxLibraryBanner *banner;
      AdwStatusPage *page;
      GtkWidget *probe;
      int expected = i == 0 ? PX_STORE_ERROR_NEWER_VERSION : PX_STORE_ERROR_CORRUPT;

      g_unlink (f->library);
      make_library (f->library, 30);
      if (i == 0)
        {
          sqlite3 *db = NULL;
          g_autofree char *pragma =
              g_strdup_printf ("PRAGMA user_version = %d;", px_store_latest_schema_version () + 1);

          g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
          sqlite3_close (db);
        }
      else
        {
          g_autoptr (GBytes) whole = read_bytes (f->library);
          g_assert_true (g_file_set_contents (f->library, g_bytes_get_data (whole, NULL), 3 * 4096, NULL));
        }
      before = read_bytes (f->library);

      f->window = g_object_new (PX_TYPE_WINDOW, "application", app, NULL);
      probe = add_probe (f->window);
      g_assert_false (px_window_open_library (f->window, f->library, PX_STORE_OPEN_DEFAULT, &error));
      g_assert_error (error, PX_STORE_ERROR, expected);
      gtk_window_present (GTK_WINDOW (f->window));
      px_test_settle (50);

      g_assert_null (px_window_get_store (f->window));
      g_assert_false (px_window_get_writable (f->window));
      banner = px_window_get_banner (f->window);
      g_assert_cmpint (px_library_banner_get_access (banner), ==, PX_STORE_ACCESS_WRITABLE);
      g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_first_child (GTK_WIDGET (banner)))));
      page = find_status_page (GTK_WIDGET (f->window), i == 0 ? "newer version" : "damaged");
      g_assert_nonnull (page);
      g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page)));
      g_assert_nonnull (strstr (adw_status_page_get_description (page), "left as it is"));
      for (guint k = 0; k < G_N_ELEMENTS (writing_actions); k++)
        if (probe_sensitive (probe, writing_actions[k]))
          g_error ("%s is enabled without a library", writing_actions[k]);

      close_window (f);
      after = read_bytes (f->library);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static gboolean
has_store (gpointer window)
{
  return px_window_get_store (window) != NULL;
}

/* A library from the previous version: updating it (which rebuilds the
 * search indexes) runs in the background while the window says so, and
 * the library opens when it is done, backed up first. */
static void
test_older_version (Fixture *f, gconstpointer data)
{
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d;", PX_STORE_APPLICATION_ID);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) hits = NULL;
  g_autoptr (GDir) dir = NULL;
  gboolean backup_found = FALSE;
  AdwStatusPage *page;
  const char *name;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, app_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_px_store_schema_migrate (db, 0, px_store_latest_schema_version () - 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO documents (title, text, blocks, content_hash, imported, modified)"
                                 " VALUES ('Sluice gates', 'The sluice gates were oiled.', 'p 0 28\n', 'h1',"
                                 " '2020-01-01', '2020-01-01');",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (px_store_needs_update (f->library));

  f->window = g_object_new (PX_TYPE_WINDOW, "application", app, NULL);
  g_assert_true (px_window_open_library (f->window, f->library, PX_STORE_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->window));
  /* Nothing can be done with it meanwhile, and the window says why. */
  g_assert_true (px_window_is_updating_library (f->window));
  g_assert_null (px_window_get_store (f->window));
  g_assert_false (px_window_get_writable (f->window));
  page = find_status_page (GTK_WIDGET (f->window), "older version");
  g_assert_nonnull (page);
  px_test_settle (20);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page)) || px_window_get_store (f->window) != NULL);
  g_assert_true (px_test_wait_for (has_store, f->window, 20000));
  px_test_settle (50);
  g_assert_false (px_window_is_updating_library (f->window));
  g_assert_true (px_window_get_writable (f->window));
  g_assert_false (px_store_needs_update (f->library));
  g_assert_cmpint (px_store_get_schema_version (px_window_get_store (f->window)), ==,
                   px_store_latest_schema_version ());
  hits = px_store_search_documents (px_window_get_store (f->window), "sl", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    backup_found |= g_str_has_prefix (name, "library.db.v");
  g_assert_true (backup_found);
}

static gboolean
damage_found (gpointer window)
{
  return px_window_get_store (window) != NULL &&
         px_library_banner_get_access (px_window_get_banner (window)) == PX_STORE_ACCESS_READ_ONLY_DAMAGED;
}

/* An older library with a damaged page: updating it fails (rebuilding the
 * search index reads every article), so the window opens it read-only as
 * it is, the check then finds the damage, and what can be read can be
 * exported. */
static void
test_older_and_damaged (Fixture *f, gconstpointer data)
{
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d;", PX_STORE_APPLICATION_ID);
  g_autoptr (GError) error = NULL;
  g_autofree char *damaged = NULL;
  g_autoptr (GBytes) whole = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  GtkWidget *probe;
  int page;

  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, app_id, NULL, NULL, NULL), ==, SQLITE_OK);
  /* Version 6: the step to 7 rebuilds an index of the documents, so the
   * damaged page stops the update (later steps need not read them). */
  g_assert_true (_px_store_schema_migrate (db, 0, 6, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 40; i++)
    {
      g_autoptr (PxDocument) doc = make_doc (i);
      g_autofree char *hash = g_strdup_printf ("h%d", i);

      g_assert_cmpint (
          sqlite3_prepare_v2 (db,
                              "INSERT INTO documents (title, text, blocks, content_hash, imported, modified)"
                              " VALUES (?1, ?2, 'p 0 10\n', ?3, '2020-01-01', '2020-01-01');",
                              -1, &stmt, NULL),
          ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, px_document_get_title (doc), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, px_document_get_text (doc), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'leaf'"
                                       " ORDER BY pageno LIMIT 1 OFFSET 1",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  whole = read_bytes (f->library);
  damaged = g_memdup2 (g_bytes_get_data (whole, NULL), g_bytes_get_size (whole));
  memset (damaged + (page - 1) * 4096 + 8, 0x5A, 3990);
  g_assert_true (g_file_set_contents (f->library, damaged, g_bytes_get_size (whole), NULL));

  f->window = g_object_new (PX_TYPE_WINDOW, "application", app, NULL);
  px_library_banner_set_check_delay (px_window_get_banner (f->window), 0);
  probe = add_probe (f->window);
  g_assert_true (px_window_open_library (f->window, f->library, PX_STORE_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (px_test_wait_for (damage_found, f->window, 20000));
  px_test_settle (50);
  g_assert_false (px_window_get_writable (f->window));
  g_assert_cmpint (px_store_get_schema_version (px_window_get_store (f->window)), ==, 6);
  g_assert_cmpint (px_store_count_documents (px_window_get_store (f->window), NULL), ==, 40);
  g_assert_false (probe_sensitive (probe, "win.import"));
  g_assert_true (probe_sensitive (probe, "win.export"));
  /* Still the old version: the next start tries the update again. */
  g_assert_true (px_store_needs_update (f->library));
}

static void
select_range (PxWindow *window, guint start, guint end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_reader_view_get_text_view (px_window_get_reader (window)));
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
}

/* The disk fills up while highlighting (SQLite's page limit stands in for
 * it): the failing highlight is reported and not shown, the ones before
 * it stay, the window goes on, and the same action works once there is
 * room again. */
static void
test_full_disk (Fixture *f, gconstpointer data)
{
  PxAnnotationController *controller;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) after = NULL;
  sqlite3_stmt *stmt = NULL;
  GtkWidget *probe;
  PxWindow *window;
  PxStore *store;
  guint saved = 1; /* make_library's */
  g_autofree char *limit = NULL;
  PxAnnotation *a = NULL;

  make_library (f->library, 3);
  window = open_window (f, PX_STORE_OPEN_DEFAULT, &probe);
  controller = px_window_get_annotation_controller (window);
  store = px_window_get_store (window);
  g_assert_cmpint (sqlite3_prepare_v2 (_px_store_get_db (store), "PRAGMA page_count;", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d;", sqlite3_column_int (stmt, 0) + 2);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (_px_store_get_db (store), limit, NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < 5000; i++)
    {
      select_range (window, 40 + i % 200, 80 + i % 200);
      if ((a = px_annotation_controller_highlight_selection (controller, "blue")) == NULL)
        break;
      saved++;
    }
  g_assert_null (a);
  g_assert_cmpuint (saved, >, 1);
  /* It was the full disk that stopped it. */
  {
    g_autoptr (PxAnchorText) text = px_anchor_text_new (px_document_get_text (px_window_get_document (window)));
    g_autoptr (PxAnnotation) probe_note = px_annotation_new_for_text (text, 1, 40, 80, "blue");

    g_assert_false (px_store_add_annotation (store, probe_note, &error));
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_FULL);
    g_clear_error (&error);
  }
  /* The list shows what was saved, and no more. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (px_annotation_controller_get_list (controller))), ==,
                    saved);
  g_assert_true (px_window_get_writable (window));
  g_assert_nonnull (px_window_get_document (window));

  g_assert_cmpint (sqlite3_exec (_px_store_get_db (store), "PRAGMA max_page_count = 1000000;", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  select_range (window, 10, 30);
  g_assert_nonnull (px_annotation_controller_highlight_selection (controller, "green"));
  saved++;

  close_window (f);
  after = px_store_open (f->library, PX_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (px_store_count_document_annotations (after, 1, &error), ==, saved);
  g_assert_true (px_store_check (after, &error));
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
  g_test_add_func ("/library-banner/texts", test_texts);
  g_test_add ("/library-banner/writable", Fixture, NULL, fixture_setup, test_writable, fixture_teardown);
  g_test_add ("/library-banner/read-only", Fixture, NULL, fixture_setup, test_read_only, fixture_teardown);
  g_test_add ("/library-banner/damaged", Fixture, NULL, fixture_setup, test_damaged, fixture_teardown);
  g_test_add ("/library-banner/locked", Fixture, NULL, fixture_setup, test_locked, fixture_teardown);
  g_test_add ("/library-banner/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/library-banner/older-version", Fixture, NULL, fixture_setup, test_older_version, fixture_teardown);
  g_test_add ("/library-banner/full-disk", Fixture, NULL, fixture_setup, test_full_disk, fixture_teardown);
  g_test_add ("/library-banner/older-and-damaged", Fixture, NULL, fixture_setup, test_older_and_damaged,
              fixture_teardown);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
