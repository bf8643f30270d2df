/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui/annotations/px-annotation-controller.h"
#include "gui/common/px-compat.h"
#include "gui/window/px-window-private.h"

#include <glib/gi18n.h>

#include "gui/compare/px-compare-panel.h"
#include "gui/common/px-format.h"
#include "gui/reader/px-metadata-dialog.h"
#include "gui/reader/px-versions-dialog.h"
#include "provenance/px-store-versions.h"
#include "session/px-library-ops.h"

#define SETTINGS_SCHEMA "io.github.parallaxapp.Parallax"
#define PX_SHORTCUTS_RESOURCE "/io/github/parallaxapp/Parallax/px-shortcuts-window.ui"

G_DEFINE_FINAL_TYPE (PxWindow, px_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SIDE_PANEL_VISIBLE,
  PROP_WRITABLE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum
{
  LIBRARY_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

void
_px_window_toast (PxWindow *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

gboolean
px_window_get_writable (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  return self->library != NULL && px_library_get_writable (self->library);
}

const char *
px_window_get_read_only_reason (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->library != NULL ? px_library_get_read_only_reason (self->library) : NULL;
}

PxLibrary *
px_window_get_library (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->library;
}

/* Whether the article shown has a version to compare with another (a
 * page fetched again with a new text). */
static gboolean
has_versions (PxWindow *self)
{
  PxStore *store = px_library_get_store (self->library);
  PxDocument *doc = px_library_get_document (self->library);
  g_autoptr (GPtrArray) versions = NULL;

  if (store == NULL || doc == NULL || px_document_get_id (doc) <= 0)
    return FALSE;
  versions = px_store_list_versions (store, px_document_get_id (doc), NULL);
  return versions != NULL && versions->len >= 2;
}

static void
update_actions (PxWindow *self)
{
  gboolean has_store = px_library_get_store (self->library) != NULL;
  gboolean writable = px_library_get_writable (self->library);
  gboolean has_doc = px_library_get_document (self->library) != NULL;
  const char *reason = px_library_get_read_only_reason (self->library);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-details", has_doc && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-versions", has_versions (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-outlet", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-document", has_doc && writable);
  _px_window_update_event_actions (self, has_doc, writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-url", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-samples", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reopen-library", px_library_get_path (self->library) != NULL);
  /* Disabled buttons still show their tooltip: say why. */
  gtk_widget_set_tooltip_text (self->import_button, reason ? reason : _ ("Import Articles (Ctrl+O)"));
  gtk_widget_set_tooltip_text (self->empty_import_button, reason);
  gtk_widget_set_tooltip_text (self->samples_button,
                               reason ? reason
                                      : _ ("Import a few invented articles about one event from several outlets"));
  _px_window_update_export_actions (self);
}

static void
on_writable_changed (PxWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITABLE]);
  /* Damage was found: an import running on its own connection stops too
   * (what it already added stays). */
  if (!px_library_get_writable (self->library))
    g_cancellable_cancel (self->import_cancellable);
  update_actions (self);
}

/* What the reader shows follows the library's document. */
static void
on_document_changed (PxWindow *self)
{
  PxDocument *doc = px_library_get_document (self->library);

  px_reader_view_set_document (self->reader, doc);
  gtk_stack_set_visible_child_name (self->reader_stack, doc ? "reader" : "none");
  if (doc == NULL)
    px_library_sidebar_select (self->sidebar, 0);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
set_document (PxWindow *self, PxDocument *doc)
{
  px_library_set_document (self->library, doc);
}

/* Which page the window shows follows from the library's state. */
static void
update_main_page (PxWindow *self)
{
  PxLibraryModel *model = px_library_sidebar_get_model (self->sidebar);
  guint n = px_library_model_get_n_total (model);

  if (px_library_get_store (self->library) == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, self->updating ? "updating" : "error");
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, n > 0 ? "library" : "empty");
  if (n > 0)
    {
      g_autofree char *subtitle = px_format_article_count (n);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, NULL);
}

void
px_window_reload_library (PxWindow *self)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rows;

  g_return_if_fail (PX_IS_WINDOW (self));
  if (px_library_get_store (self->library) == NULL)
    return;
  rows = px_store_list_documents (px_library_get_store (self->library), &error);
  if (rows == NULL)
    {
      _px_window_toast (self, error->message);
      return;
    }
  px_library_sidebar_set_rows (self->sidebar, rows);
  update_main_page (self);
  px_library_changed (self->library);
  g_signal_emit (self, signals[LIBRARY_CHANGED], 0);
}

void
px_window_open_document (PxWindow *self, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = NULL;

  g_return_if_fail (PX_IS_WINDOW (self));
  if (px_library_get_store (self->library) == NULL)
    return;
  doc = px_store_load_document (px_library_get_store (self->library), id, &error);
  if (doc == NULL)
    {
      _px_window_toast (self, error->message);
      return;
    }
  set_document (self, doc);
  px_library_sidebar_select (self->sidebar, id);
}

static void
on_document_selected (PxWindow *self, gint64 id)
{
  /* Chosen again from the narrow layout's library: shown, not reloaded. */
  if (px_library_get_document (self->library) == NULL ||
      px_document_get_id (px_library_get_document (self->library)) != id)
    px_window_open_document (self, id);
  _px_window_layout_show (self, PX_WINDOW_PANE_READER);
}

/* Library files */

static void
show_library_error (PxWindow *self, const GError *error)
{
  g_autofree char *description = NULL;

  px_library_set_store (self->library, NULL);
  description = g_strdup_printf (_ ("%s\n\nThe file was left as it is. Open another library or create a new one."),
                                 error->message);
  adw_status_page_set_description (self->error_page, description);
  set_document (self, NULL);
  px_library_sidebar_set_rows (self->sidebar, g_ptr_array_new_with_free_func ((GDestroyNotify)px_document_info_free));
  update_main_page (self);
  update_actions (self);
}

gboolean
px_window_set_library (PxWindow *self, const char *path, GError **error)
{
  return px_window_open_library (self, path, PX_STORE_OPEN_DEFAULT, error);
}

/* The window's connection becomes @store: list, banner, actions. */
static void
install_store (PxWindow *self, PxStore *store)
{
  self->updating = FALSE;
  px_library_set_store (self->library, store);
  set_document (self, NULL);
  px_library_sidebar_set_search_text (self->sidebar, "");
  px_window_reload_library (self);
  update_actions (self);
}

/* Updating an older library rebuilds its search indexes, seconds for a
 * large one: in a worker (px_library_update_async()), with the window
 * saying so. The store it opens is handed to the UI thread, which alone
 * uses it from then on. */
static void
update_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_library_update_finish (PX_LIBRARY (source), result, &error);
  gint64 open_id = self->pending_open_id;

  /* The window went away, or another library was opened meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->update_cancellable == NULL ||
      g_cancellable_is_cancelled (self->update_cancellable))
    return;
  g_clear_object (&self->update_cancellable);
  self->updating = FALSE;
  self->pending_open_id = 0;
  if (store == NULL && px_library_get_path (self->library) != NULL)
    {
      /* Updating failed (a damaged page, a full disk): the library may
       * still be read as it is, and what it holds exported. */
      store =
          px_store_open (px_library_get_path (self->library), PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_EXISTING, NULL);
      if (store != NULL)
        px_store_forbid_writes (store, PX_STORE_ACCESS_READ_ONLY_OUTDATED);
    }
  if (store == NULL)
    {
      show_library_error (self, error);
      return;
    }
  install_store (self, store);
  if (open_id > 0)
    px_window_open_document (self, open_id);
  if (error != NULL)
    _px_window_toast (self, error->message);
  else
    _px_window_toast (self, _ ("The library was updated for this version of Parallax; a copy of the old one is "
                               "kept next to it"));
}

static void
start_update (PxWindow *self)
{
  px_library_set_store (self->library, NULL);
  self->updating = TRUE;
  set_document (self, NULL);
  px_library_sidebar_set_rows (self->sidebar, g_ptr_array_new_with_free_func ((GDestroyNotify)px_document_info_free));
  update_main_page (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITABLE]);

  self->update_cancellable = g_cancellable_new ();
  px_library_update_async (self->library, self->update_cancellable, update_done, g_object_ref (self));
}

gboolean
px_window_open_library (PxWindow *self, const char *path, PxStoreOpenFlags flags, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PxStore) store = NULL;

  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  px_library_set_path (self->library, path);
  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);
  self->updating = FALSE;
  self->pending_open_id = 0;
  /* An import running into the library we leave goes on there, but its
   * result is not shown in this one. */
  _px_window_forget_imports (self);

  if ((flags & PX_STORE_OPEN_READ_ONLY) == 0 && px_store_needs_update (path))
    {
      start_update (self);
      return TRUE;
    }
  store = px_store_open (path, flags, &local_error);
  if (store == NULL && g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_BUSY))
    {
      /* Another program holds a lock that stops us writing (a library in
       * rollback-journal mode, mid-write): reading may still work, and is
       * better than nothing. The banner offers to try again. */
      g_autoptr (GError) read_error = NULL;

      store = px_store_open (path, PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_EXISTING, &read_error);
      if (store != NULL)
        {
          g_clear_error (&local_error);
          px_store_forbid_writes (store, PX_STORE_ACCESS_READ_ONLY_LOCKED);
        }
    }
  if (store == NULL)
    {
      show_library_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  install_store (self, store);
  return TRUE;
}

gboolean
px_window_is_updating_library (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  return self->updating;
}

const char *
px_window_get_library_path (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->library != NULL ? px_library_get_path (self->library) : NULL;
}

PxStore *
px_window_get_store (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->library != NULL ? px_library_get_store (self->library) : NULL;
}

static void
on_library_chosen (GObject *source, GAsyncResult *result, gpointer user_data, gboolean create)
{
  g_autoptr (PxWindow) self = px_weak_ref_steal (user_data);
  g_autoptr (GFile) file = px_file_choose_finish_one (result, NULL);

  if (file != NULL && self != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        _px_window_toast (self, _ ("Libraries must be local files"));
      else if (create && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* A new library never replaces a file, whatever the dialog
           * asked. */
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *msg = g_strdup_printf (_ ("“%s” already exists; choose a new name"), base);
          _px_window_toast (self, msg);
        }
      else
        px_window_set_library (self, path, NULL);
    }
}

static void
on_new_library_chosen (GObject *source, GAsyncResult *result, gpointer user_data)
{
  on_library_chosen (source, result, user_data, TRUE);
}

static void
on_open_library_chosen (GObject *source, GAsyncResult *result, gpointer user_data)
{
  on_library_chosen (source, result, user_data, FALSE);
}

static void
choose_library (PxWindow *self, gboolean create)
{
  PxFileRequest request = { 0 };

  if (create)
    {
      request.mode = PX_FILE_SAVE;
      request.title = _ ("New Library");
      request.accept_label = _ ("_Create");
      request.initial_name = _ ("Parallax Library.db");
    }
  else
    {
      request.mode = PX_FILE_OPEN;
      request.title = _ ("Open Library");
      request.accept_label = _ ("_Open");
    }
  px_file_choose (GTK_WINDOW (self), &request, NULL, create ? on_new_library_chosen : on_open_library_chosen,
                  px_weak_ref_new (self));
}

static void
open_library_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  choose_library (PX_WINDOW (widget), FALSE);
}

static void
new_library_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  choose_library (PX_WINDOW (widget), TRUE);
}

static void
reopen_library_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autofree char *path = g_strdup (px_library_get_path (self->library));
  g_autoptr (GError) error = NULL;
  gint64 open_id =
      px_library_get_document (self->library) ? px_document_get_id (px_library_get_document (self->library)) : 0;

  if (path == NULL)
    return;
  if (px_window_set_library (self, path, &error) && open_id > 0)
    px_window_open_document (self, open_id);
  if (px_library_get_store (self->library) != NULL && !px_library_get_writable (self->library))
    _px_window_toast (self, px_library_get_read_only_reason (self->library));
}

/* Editing and deleting */

static void
on_metadata_save (PxMetadataDialog *dialog, PxWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = NULL;
  gint64 id = px_metadata_dialog_get_document_id (dialog);

  /* A fresh copy: if saving fails, what the reader shows stays true. */
  if (px_library_get_store (self->library) != NULL)
    doc = px_store_load_document (px_library_get_store (self->library), id, &error);
  if (doc != NULL)
    {
      px_metadata_dialog_apply (dialog, doc);
      if (px_store_update_metadata (px_library_get_store (self->library), doc, &error))
        {
          px_window_reload_library (self);
          if (px_library_get_document (self->library) != NULL &&
              px_document_get_id (px_library_get_document (self->library)) == id)
            px_window_open_document (self, id);
          gtk_window_destroy (GTK_WINDOW (dialog));
          return;
        }
    }
  px_metadata_dialog_set_error (dialog, error ? error->message : _ ("The library is not open"));
}

/* Edit Details for @doc, the field @focus (NULL for the first) focused. */
static PxMetadataDialog *
edit_details (PxWindow *self, PxDocument *doc, const char *focus)
{
  PxMetadataDialog *dialog = px_metadata_dialog_new (GTK_WINDOW (self), doc);

  g_signal_connect_object (dialog, "save", G_CALLBACK (on_metadata_save), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  if (focus != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (px_metadata_dialog_get_field (dialog, focus)));
  return dialog;
}

static void
edit_details_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);

  if (px_library_get_document (self->library) == NULL)
    return;
  edit_details (self, px_library_get_document (self->library), NULL);
}

static void
show_versions_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  PxDocument *document = px_library_get_document (self->library);
  PxStore *store = px_library_get_store (self->library);
  PxVersionsDialog *dialog;

  if (document == NULL || store == NULL)
    return;
  dialog = px_versions_dialog_new (GTK_WINDOW (self), store, px_document_get_id (document), &error);
  if (dialog == NULL)
    _px_window_toast (self, error->message);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

/* From an "(outlet unknown)" name anywhere: Edit Details of that article
 * (@param its id), on its outlet. */
static void
set_outlet_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = NULL;

  if (px_library_get_store (self->library) == NULL)
    return;
  doc = px_store_load_document (px_library_get_store (self->library), g_variant_get_int64 (param), &error);
  if (doc == NULL)
    {
      _px_window_toast (self, error->message);
      return;
    }
  edit_details (self, doc, "outlet");
}

static void
on_delete_response (GtkWidget *dialog, const char *response, PxWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "px-document-id"));
  g_autoptr (GError) error = NULL;
  gint64 next;

  if (g_strcmp0 (response, "delete") != 0 || px_library_get_store (self->library) == NULL)
    return;
  next = px_library_sidebar_get_neighbour (self->sidebar, id);
  if (!px_store_delete_document (px_library_get_store (self->library), id, &error))
    {
      _px_window_toast (self, error->message);
      return;
    }
  if (px_library_get_document (self->library) != NULL &&
      px_document_get_id (px_library_get_document (self->library)) == id)
    set_document (self, NULL);
  px_window_reload_library (self);
  if (next != 0 && px_library_get_document (self->library) == NULL)
    {
      px_window_open_document (self, next);
      _px_window_layout_show (self, PX_WINDOW_PANE_READER);
    }
  _px_window_toast (self, _ ("Article deleted"));
}

static void
delete_document_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *title;
  gint64 id, n_annotations;
  GtkWidget *dialog;

  if (px_library_get_document (self->library) == NULL || px_library_get_store (self->library) == NULL)
    return;
  id = px_document_get_id (px_library_get_document (self->library));
  n_annotations = px_store_count_document_annotations (px_library_get_store (self->library), id, &error);
  if (n_annotations < 0)
    {
      _px_window_toast (self, error->message);
      return;
    }
  title = px_document_get_title (px_library_get_document (self->library));
  heading = g_strdup_printf (_ ("Delete “%s”?"), title ? title : _ ("Untitled"));
  if (n_annotations > 0)
    body = g_strdup_printf (ngettext ("It has %lld highlight or note, which will be deleted too.",
                                      "It has %lld highlights and notes, which will be deleted too.",
                                      (gulong)n_annotations),
                            (long long)n_annotations);
  else
    body = g_strdup (_ ("It has no highlights or notes. The original file is not touched."));

  dialog = px_alert_new (GTK_WIDGET (self), heading, body);
  px_alert_add_responses (dialog, "cancel", _ ("_Cancel"), "delete", _ ("_Delete"), NULL);
  px_alert_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  px_alert_set_default_response (dialog, "cancel");
  px_alert_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "px-document-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  px_alert_present (dialog);
}

/* Reader and panels */

/* The shortcuts window is built when asked for, not with every window:
 * GtkApplication would parse it for each one before the first frame. */
static void
show_shortcuts_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);

  if (self->shortcuts == NULL)
    {
      self->shortcuts = px_shortcuts_new_from_resource (PX_SHORTCUTS_RESOURCE, "help_overlay");
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts), (gpointer *)&self->shortcuts);
    }
  px_shortcuts_present (self->shortcuts, GTK_WIDGET (self));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  _px_window_layout_show (PX_WINDOW (widget), PX_WINDOW_PANE_LIBRARY);
  px_library_sidebar_focus_search (PX_WINDOW (widget)->sidebar);
}

static void
zoom_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxReaderView *reader = PX_WINDOW (widget)->reader;
  double zoom = px_reader_view_get_zoom (reader);

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom = px_reader_view_zoom_step (zoom, 1);
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom = px_reader_view_zoom_step (zoom, -1);
  else
    zoom = 1.0;
  px_reader_view_set_zoom (reader, zoom);
}

void
px_window_add_side_page (PxWindow *self, GtkWidget *page, const char *name, const char *title, const char *icon_name)
{
  g_return_if_fail (PX_IS_WINDOW (self));
  px_side_panel_add_page (self->side_panel, page, name, title, icon_name);
}

void
px_window_set_side_panel_visible (PxWindow *self, gboolean visible)
{
  g_return_if_fail (PX_IS_WINDOW (self));
  visible = !!visible;
  if (gtk_widget_get_visible (GTK_WIDGET (self->side_panel)) == visible)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->side_panel), visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE_PANEL_VISIBLE]);
}

gboolean
px_window_get_side_panel_visible (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  /* The property action asks before the template is built, and again
   * while it is disposed. */
  return _px_window_side_panel_shown (self);
}

/* Window state */

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  /* Running uninstalled without the compiled schema should still work,
   * just without remembering anything. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; window state will not be kept", SETTINGS_SCHEMA);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* The side panel keeps its width when the window is resized; its paned
 * only knows the reader's width, so the position is set once the paned has
 * a size. */
static void
on_inner_paned_allocated (GtkPaned *paned, GParamSpec *pspec, PxWindow *self)
{
  int max = 0, width = gtk_widget_get_width (GTK_WIDGET (paned));

  g_object_get (paned, "max-position", &max, NULL);
  if (self->side_panel_restored || max <= 0 || width <= 0 || self->settings == NULL)
    return;
  self->side_panel_restored = TRUE;
  /* GtkPaned clamps this so that the panel keeps its minimum width. */
  gtk_paned_set_position (paned, MAX (width - g_settings_get_int (self->settings, "side-panel-width"), 0));
}

static void
restore_state (PxWindow *self)
{
  g_autofree char *page = NULL;

  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->outer_paned, g_settings_get_int (self->settings, "sidebar-width"));
  px_window_set_side_panel_visible (self, g_settings_get_boolean (self->settings, "side-panel-visible"));
  page = g_settings_get_string (self->settings, "side-panel-page");
  px_side_panel_set_visible_page (self->side_panel, page);
  px_reader_view_set_zoom (self->reader, g_settings_get_double (self->settings, "reader-zoom"));
  /* Zoom is saved as it changes: it is a preference, not window state. */
  g_settings_bind (self->settings, "reader-zoom", self->reader, "zoom", G_SETTINGS_BIND_SET);
}

static void
save_state (PxWindow *self)
{
  int width, height;
  gboolean maximized;

  if (self->settings == NULL)
    return;
  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_delay (self->settings);
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  /* Panes that never got a size (an empty library) keep their old
   * values. */
  if (gtk_widget_get_width (GTK_WIDGET (self->outer_paned)) > 0)
    g_settings_set_int (self->settings, "sidebar-width", gtk_paned_get_position (self->outer_paned));
  if (self->side_panel_restored && _px_window_side_panel_shown (self))
    {
      int panel = gtk_widget_get_width (GTK_WIDGET (self->side_panel));
      if (panel > 0)
        g_settings_set_int (self->settings, "side-panel-width", panel);
    }
  g_settings_set_boolean (self->settings, "side-panel-visible", _px_window_side_panel_shown (self));
  if (px_side_panel_get_visible_page (self->side_panel) != NULL)
    g_settings_set_string (self->settings, "side-panel-page", px_side_panel_get_visible_page (self->side_panel));
  /* The next start reopens the article where it was left. */
  g_settings_set_string (self->settings, "last-library",
                         px_library_get_path (self->library) ? px_library_get_path (self->library) : "");
  g_settings_set_int64 (
      self->settings, "last-document",
      px_library_get_document (self->library) ? px_document_get_id (px_library_get_document (self->library)) : 0);
  g_settings_set_double (self->settings, "last-scroll",
                         px_library_get_document (self->library) ? px_reader_view_get_scroll (self->reader) : 0);
  g_settings_apply (self->settings);
}

static gboolean
px_window_close_request (GtkWindow *window)
{
  save_state (PX_WINDOW (window));
  return GTK_WINDOW_CLASS (px_window_parent_class)->close_request (window);
}

static void
px_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PxWindow *self = PX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->library != NULL ? px_library_get_document (self->library) : NULL);
      break;
    case PROP_SIDE_PANEL_VISIBLE:
      g_value_set_boolean (value, _px_window_side_panel_shown (self));
      break;
    case PROP_WRITABLE:
      g_value_set_boolean (value, self->library != NULL && px_library_get_writable (self->library));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PxWindow *self = PX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SIDE_PANEL_VISIBLE:
      px_window_set_side_panel_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_window_dispose (GObject *object)
{
  PxWindow *self = PX_WINDOW (object);

  if (self->annotations != NULL)
    px_annotation_controller_shutdown (self->annotations);
  if (self->shortcuts != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->shortcuts), (gpointer *)&self->shortcuts);
      px_dialog_close (self->shortcuts);
      self->shortcuts = NULL;
    }
  _px_window_dispose_import (self);
  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_WINDOW);
  g_clear_object (&self->annotations);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (px_window_parent_class)->dispose (object);
}

static void
px_window_class_init (PxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_window_dispose;
  object_class->get_property = px_window_get_property;
  object_class->set_property = px_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = px_window_close_request;

  properties[PROP_DOCUMENT] =
      g_param_spec_object ("document", NULL, NULL, PX_TYPE_DOCUMENT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE_PANEL_VISIBLE] = g_param_spec_boolean (
      "side-panel-visible", NULL, NULL, TRUE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WRITABLE] =
      g_param_spec_boolean ("writable", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LIBRARY_CHANGED] = g_signal_new ("library-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                           NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PX_TYPE_LIBRARY_BANNER);
  g_type_ensure (PX_TYPE_LIBRARY_SIDEBAR);
  g_type_ensure (PX_TYPE_READER_VIEW);
  g_type_ensure (PX_TYPE_SIDE_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PxWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, samples_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, reader_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, side_panel);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, drop_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_document_selected);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.search", NULL);
  _px_window_class_init_find (widget_class);
  _px_window_class_init_layout (widget_class);
  _px_window_class_init_events (widget_class);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-side-panel", "side-panel-visible");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-side-panel", NULL);

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.zoom-in",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);

  gtk_widget_class_install_action (widget_class, "win.edit-details", NULL, edit_details_action);
  gtk_widget_class_install_action (widget_class, "win.show-versions", NULL, show_versions_action);
  gtk_widget_class_install_action (widget_class, "win.set-outlet", "x", set_outlet_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-details", NULL);
  gtk_widget_class_install_action (widget_class, "win.delete-document", NULL, delete_document_action);
  gtk_widget_class_install_action (widget_class, "win.open-library", NULL, open_library_action);
  gtk_widget_class_install_action (widget_class, "win.new-library", NULL, new_library_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-library", NULL, reopen_library_action);

  _px_window_class_init_import (widget_class);
  _px_window_class_init_import_coding (widget_class);
  _px_window_class_init_export (widget_class);
  _px_window_class_init_url (widget_class);
}

static void
on_annotations_toast (PxWindow *self, AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toasts, g_object_ref (toast));
}

/* Highlighting on the reader, with its panel, actions and keys. */
static void
attach_annotations (PxWindow *self)
{
  self->annotations = px_annotation_controller_new (self->library, self->reader);
  g_signal_connect_object (self->annotations, "toast", G_CALLBACK (on_annotations_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->annotations, "open-document", G_CALLBACK (px_window_open_document), self,
                           G_CONNECT_SWAPPED);
  px_window_add_side_page (self, GTK_WIDGET (px_annotation_controller_get_panel (self->annotations)), "annotations",
                           _ ("Highlights"), "document-edit-symbolic");
  gtk_widget_insert_action_group (GTK_WIDGET (self), "annot", px_annotation_controller_get_actions (self->annotations));
  gtk_widget_add_controller (GTK_WIDGET (self), px_annotation_controller_window_shortcuts_new ());
}

PxAnnotationController *
px_window_get_annotation_controller (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->annotations;
}

static void
px_window_init (PxWindow *self)
{
  PxComparePanel *compare;

  gtk_widget_init_template (GTK_WIDGET (self));
  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->library = px_library_new ();
  g_signal_connect_object (self->library, "notify::writable", G_CALLBACK (on_writable_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "notify::document", G_CALLBACK (on_document_changed), self,
                           G_CONNECT_SWAPPED);
  /* A page fetched again may have brought a second version. */
  g_signal_connect_object (self->library, "changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  px_library_banner_set_library (self->banner, self->library);
  px_library_sidebar_set_library (self->sidebar, self->library);
  self->settings = settings_new ();
  g_signal_connect (self->inner_paned, "notify::max-position", G_CALLBACK (on_inner_paned_allocated), self);
  compare = px_compare_panel_new (self->library, self->reader);
  g_signal_connect_object (compare, "open-document", G_CALLBACK (px_window_open_document), self, G_CONNECT_SWAPPED);
  px_window_add_side_page (self, GTK_WIDGET (compare), "compare", _ ("Compare"), "view-dual-symbolic");
  restore_state (self);
  _px_window_init_layout (self);
  _px_window_init_import (self);
  _px_window_init_events (self);
  update_actions (self);
  attach_annotations (self);
}

PxWindow *
px_window_new (PxApplication *app, const char *library_path, gint64 open_id)
{
  PxWindow *self = g_object_new (PX_TYPE_WINDOW, "application", app, NULL);
  double scroll = -1;

  /* Nothing asked for: the article open at the last close, where it was. */
  if (open_id <= 0 && self->settings != NULL && library_path != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-library");
      if (g_str_equal (last, library_path))
        {
          open_id = g_settings_get_int64 (self->settings, "last-document");
          scroll = g_settings_get_double (self->settings, "last-scroll");
        }
    }
  if (px_window_set_library (self, library_path, NULL) && open_id > 0)
    {
      g_autoptr (PxDocumentInfo) info = NULL;

      /* The last article may have been deleted since: no error for it. */
      if (scroll >= 0 && px_library_get_store (self->library) != NULL &&
          (info = px_store_get_document_info (px_library_get_store (self->library), open_id, NULL)) == NULL)
        return self;
      if (self->updating)
        self->pending_open_id = open_id;
      else
        {
          px_window_open_document (self, open_id);
          if (scroll > 0 && px_library_get_document (self->library) != NULL &&
              px_document_get_id (px_library_get_document (self->library)) == open_id)
            px_reader_view_set_scroll (self->reader, scroll);
        }
    }
  return self;
}

PxDocument *
px_window_get_document (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->library != NULL ? px_library_get_document (self->library) : NULL;
}

PxReaderView *
px_window_get_reader (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->reader;
}

PxLibrarySidebar *
px_window_get_sidebar (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->sidebar;
}

PxSidePanel *
px_window_get_side_panel (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->side_panel;
}

PxLibraryBanner *
px_window_get_banner (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->banner;
}
