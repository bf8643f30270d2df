/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PxWindow: importing from file choosers, dropped files and the samples,
 * in the background (px_library_import_async()) with progress in the
 * window. */
#include "config.h"

#include <glib/gi18n.h>

#include "gui/common/px-compat.h"
#include "gui/window/px-window-private.h"
#include "session/px-library-ops.h"

/* Where the worker's progress goes: a weak reference, so that the task
 * data, freed on whichever thread drops the task last, never owns the
 * window. */
typedef struct
{
  GWeakRef window;
  guint serial;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *p = data;
  g_weak_ref_clear (&p->window);
  g_free (p);
}

/* A progress report from the worker, in the UI thread. */
static void
show_progress (guint done, guint total, const char *last_name, gpointer user_data)
{
  Progress *p = user_data;
  g_autoptr (PxWindow) self = g_weak_ref_get (&p->window);

  if (self != NULL && self->import_cancellable != NULL && p->serial == self->library_serial)
    {
      g_autofree char *label = g_strdup_printf (_ ("Importing %u of %u…"), MIN (done + 1, total), total);
      gtk_label_set_label (self->import_label, label);
      gtk_progress_bar_set_fraction (self->import_progress, total ? (double)done / total : 0);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_label), last_name);
    }
}

PxWindowCall *
_px_window_call_new (PxWindow *self)
{
  PxWindowCall *call = g_new0 (PxWindowCall, 1);
  const char *path = px_library_get_path (self->library);

  call->window = g_object_ref (self);
  call->serial = self->library_serial;
  call->library_name = path != NULL ? g_path_get_basename (path) : g_strdup ("");
  return call;
}

void
_px_window_call_free (PxWindowCall *call)
{
  g_object_unref (call->window);
  g_free (call->library_name);
  g_free (call);
}

gboolean
_px_window_call_is_current (const PxWindowCall *call)
{
  return call->serial == call->window->library_serial;
}

void
_px_window_call_toast_elsewhere (const PxWindowCall *call, guint n)
{
  g_autofree char *msg = NULL;

  if (n == 0)
    return;
  msg = g_strdup_printf (ngettext ("%u article was imported into “%s”", "%u articles were imported into “%s”", n), n,
                         call->library_name);
  _px_window_toast (call->window, msg);
}

void
_px_window_forget_imports (PxWindow *self)
{
  self->library_serial++;
  if (self->import_queue != NULL)
    g_ptr_array_set_size (self->import_queue, 0);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_cancellable_cancel (self->coding_cancellable);
  g_clear_object (&self->coding_cancellable);
  g_clear_handle_id (&self->url_pulse, g_source_remove);
  g_clear_pointer (&self->url_importing, g_free);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  gtk_widget_set_sensitive (gtk_stack_get_child_by_name (self->main_stack, "empty"), TRUE);
}

static void start_import (PxWindow *self, GPtrArray *files);

static void
report_results (PxWindow *self, GPtrArray *results, gboolean cancelled)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  guint imported, duplicates, failed;
  AdwToast *toast;

  px_import_count (results, &imported, &duplicates, &failed);
  g_ptr_array_set_size (self->import_failures, 0);
  for (guint i = 0; i < results->len; i++)
    {
      PxImportResult *r = g_ptr_array_index (results, i);
      if (r->status == PX_IMPORT_FAILED)
        {
          PxImportResult *copy = g_new0 (PxImportResult, 1);
          copy->source = g_strdup (r->source);
          copy->status = r->status;
          copy->message = g_strdup (r->message);
          g_ptr_array_add (self->import_failures, copy);
        }
    }

  if (imported > 0 || (duplicates == 0 && failed == 0))
    g_ptr_array_add (parts,
                     g_strdup_printf (ngettext ("Imported %u article", "Imported %u articles", imported), imported));
  if (duplicates > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u was already in the library",
                                                       "%u were already in the library", duplicates),
                                             duplicates));
  if (failed > 0)
    g_ptr_array_add (
        parts, g_strdup_printf (ngettext ("%u could not be imported", "%u could not be imported", failed), failed));
  g_ptr_array_add (parts, NULL);
  /* Translators: joins the parts of an import summary. */
  message = g_strjoinv (_ (", "), (char **)parts->pdata);
  if (cancelled)
    {
      g_autofree char *full = g_strdup_printf (_ ("Import stopped. %s"), message);
      g_free (message);
      message = g_steal_pointer (&full);
    }

  toast = adw_toast_new (message);
  if (failed > 0)
    {
      adw_toast_set_button_label (toast, _ ("_Details"));
      adw_toast_set_action_name (toast, "win.import-details");
      adw_toast_set_timeout (toast, 10);
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
  /* The toast goes; the report stays in the main menu until the next. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-details", failed > 0);
}

static void
import_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxWindowCall) call = user_data;
  PxWindow *self = call->window;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = px_library_import_finish (PX_LIBRARY (source), result, &error);
  gboolean cancelled;
  gint64 first_id = 0;

  /* The window was closed while the worker finished. */
  if (self->import_queue == NULL)
    return;
  /* Another library was opened meanwhile: what came in stays in the old
   * one, and nothing of it is shown in this. */
  if (!_px_window_call_is_current (call))
    {
      guint imported = 0, duplicates, failed;

      if (results != NULL)
        px_import_count (results, &imported, &duplicates, &failed);
      _px_window_call_toast_elsewhere (call, imported);
      return;
    }
  cancelled = self->import_cancellable && g_cancellable_is_cancelled (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  gtk_widget_set_sensitive (gtk_stack_get_child_by_name (self->main_stack, "empty"), TRUE);

  if (results == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_ ("Could not import: %s"), error->message);
      _px_window_toast (self, msg);
    }
  else
    {
      for (guint i = 0; i < results->len && first_id == 0; i++)
        {
          const PxImportResult *r = g_ptr_array_index (results, i);
          if (r->status != PX_IMPORT_FAILED)
            first_id = r->document_id;
        }
      px_window_reload_library (self);
      if (first_id != 0)
        {
          px_window_open_document (self, first_id);
          _px_window_layout_show (self, PX_WINDOW_PANE_READER);
        }
      report_results (self, results, cancelled);
    }

  if (self->import_queue->len > 0 && px_library_get_store (self->library) != NULL)
    {
      g_autoptr (GPtrArray) next = g_steal_pointer (&self->import_queue);
      self->import_queue = g_ptr_array_new_with_free_func (g_object_unref);
      start_import (self, next);
    }
}

static void
start_import (PxWindow *self, GPtrArray *files)
{
  Progress *progress;

  self->import_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->import_label, _ ("Preparing to import…"));
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  /* Its buttons would start another import behind this one. */
  gtk_widget_set_sensitive (gtk_stack_get_child_by_name (self->main_stack, "empty"), FALSE);
  /* What was imported before a cancel is kept and reported. */
  progress = g_new0 (Progress, 1);
  g_weak_ref_init (&progress->window, self);
  progress->serial = self->library_serial;
  px_library_import_async (self->library, (GFile *const *)files->pdata, files->len, show_progress, progress,
                           progress_free, self->import_cancellable, import_done, _px_window_call_new (self));
}

void
px_window_import_files (PxWindow *self, GFile *const *files, guint n_files)
{
  g_autoptr (GPtrArray) array = NULL;

  g_return_if_fail (PX_IS_WINDOW (self));
  if (n_files == 0)
    return;
  if (px_library_get_store (self->library) == NULL)
    {
      _px_window_toast (self, _ ("Open a library before importing"));
      return;
    }
  if (!px_library_get_writable (self->library))
    {
      _px_window_toast (self, px_library_get_read_only_reason (self->library));
      return;
    }
  if (self->import_cancellable != NULL)
    {
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (self->import_queue, g_object_ref (files[i]));
      return;
    }
  array = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (array, g_object_ref (files[i]));
  start_import (self, array);
}

gboolean
px_window_is_importing (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  return self->import_cancellable != NULL || self->import_queue->len > 0;
}

static void
cancel_import_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);

  g_ptr_array_set_size (self->import_queue, 0);
  g_cancellable_cancel (self->import_cancellable);
  gtk_label_set_label (self->import_label, _ ("Stopping…"));
}

static void
import_details_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  GtkWidget *dialog, *list, *scroller;

  if (self->import_failures->len == 0)
    return;
  dialog = px_alert_new (
      GTK_WIDGET (self),
      ngettext ("One File Could Not Be Imported", "Some Files Could Not Be Imported", self->import_failures->len),
      NULL);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < self->import_failures->len; i++)
    {
      const PxImportResult *r = g_ptr_array_index (self->import_failures, i);
      g_autofree char *base = g_path_get_basename (r->source);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), base);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), r->message ? r->message : "");
      gtk_widget_set_tooltip_text (row, r->source);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  px_alert_set_extra_child (GTK_WIDGET (dialog), scroller);
  px_alert_add_response (GTK_WIDGET (dialog), "close", _ ("_Close"));
  px_alert_present (dialog);
}

/* File choosers */

static void
on_import_chosen (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxWindow) self = px_weak_ref_steal (user_data);
  g_autoptr (GListModel) files = px_file_choose_finish (result, NULL);

  if (files != NULL && self != NULL)
    {
      g_autoptr (GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      px_window_import_files (self, (GFile *const *)array->pdata, array->len);
    }
}

static void
show_chooser (PxWindow *self, gboolean folders)
{
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  PxFileRequest request = {
    .mode = folders ? PX_FILE_SELECT_FOLDERS : PX_FILE_OPEN_MULTIPLE,
    .title = folders ? _ ("Import Folders") : _ ("Import Articles"),
    .accept_label = _ ("_Import"),
  };

  if (!folders)
    {
      g_autoptr (GtkFileFilter) articles = gtk_file_filter_new ();
      g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (articles, _ ("Articles"));
      gtk_file_filter_add_mime_type (articles, "text/plain");
      gtk_file_filter_add_mime_type (articles, "text/html");
      gtk_file_filter_add_mime_type (articles, "application/xhtml+xml");
      gtk_file_filter_add_suffix (articles, "txt");
      gtk_file_filter_add_suffix (articles, "md");
      gtk_file_filter_add_suffix (articles, "html");
      gtk_file_filter_add_suffix (articles, "htm");
      gtk_file_filter_set_name (all, _ ("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      g_list_store_append (filters, articles);
      g_list_store_append (filters, all);
      request.filters = G_LIST_MODEL (filters);
    }
  px_file_choose (GTK_WINDOW (self), &request, NULL, on_import_chosen, px_weak_ref_new (self));
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  show_chooser (PX_WINDOW (widget), FALSE);
}

static void
import_folder_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  show_chooser (PX_WINDOW (widget), TRUE);
}

/* Samples */

char *
px_window_find_samples_dir (void)
{
  const char *env = g_getenv ("PARALLAX_SAMPLES_DIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "samples", NULL);

  if (env != NULL && *env != '\0')
    return g_file_test (env, G_FILE_TEST_IS_DIR) ? g_strdup (env) : NULL;
  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);
#ifdef PX_SOURCE_SAMPLES_DIR
  /* Running from the build tree. */
  if (g_file_test (PX_SOURCE_SAMPLES_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (PX_SOURCE_SAMPLES_DIR);
#endif
  return NULL;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static void
import_samples_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autofree char *dir = px_window_find_samples_dir ();

  if (dir == NULL)
    {
      _px_window_toast (self, _ ("The sample articles are not installed"));
      return;
    }
  /* The articles only: in the source tree the folder also holds its
   * README and meson.build. */
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      if (g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (names, g_strdup (name));
    g_ptr_array_sort (names, compare_names);
    for (guint i = 0; i < names->len; i++)
      g_ptr_array_add (files, g_file_new_build_filename (dir, g_ptr_array_index (names, i), NULL));
    if (files->len == 0)
      {
        _px_window_toast (self, _ ("The sample articles are not installed"));
        return;
      }
    px_window_import_files (self, (GFile **)files->pdata, files->len);
  }
}

/* Drag and drop */

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, PxWindow *self)
{
  GSList *list;
  g_autoptr (GPtrArray) files = g_ptr_array_new ();

  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  px_window_import_files (self, (GFile *const *)files->pdata, files->len);
  return TRUE;
}

static GdkDragAction
on_drop_enter (GtkDropTarget *target, double x, double y, PxWindow *self)
{
  if (!px_library_get_writable (self->library))
    return 0;
  gtk_revealer_set_reveal_child (self->drop_revealer, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget *target, PxWindow *self)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
}

void
_px_window_init_import (PxWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_autofree char *samples = px_window_find_samples_dir ();

  self->import_queue = g_ptr_array_new_with_free_func (g_object_unref);
  self->import_failures = g_ptr_array_new_with_free_func ((GDestroyNotify)px_import_result_free);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_enter), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toasts), GTK_EVENT_CONTROLLER (target));
  gtk_widget_set_visible (self->samples_button, samples != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-details", FALSE);
}

void
_px_window_dispose_import (PxWindow *self)
{
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_cancellable_cancel (self->coding_cancellable);
  g_clear_object (&self->coding_cancellable);
  g_clear_pointer (&self->import_queue, g_ptr_array_unref);
  g_clear_pointer (&self->import_failures, g_ptr_array_unref);
  g_clear_handle_id (&self->url_pulse, g_source_remove);
  g_clear_pointer (&self->url_importing, g_free);
}

void
_px_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.import-folder",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.import-samples", NULL, import_samples_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.import-details", NULL, import_details_action);
}
