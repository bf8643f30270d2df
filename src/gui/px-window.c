/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui/px-window.h"

#include <glib/gi18n.h>

#include "gui/px-reader-view.h"
#include "import/px-import-job.h"
#include "model/px-library-model.h"
#include "store/px-store.h"

struct _PxWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toasts;
  GtkStack *main_stack;
  AdwWindowTitle *window_title;
  GtkListView *library_list;
  PxReaderView *reader;

  PxStore *store;
  char *library_path;
  PxLibraryModel *library;
  GtkSingleSelection *selection;
  GCancellable *import_cancellable;
};

G_DEFINE_FINAL_TYPE (PxWindow, px_window, ADW_TYPE_APPLICATION_WINDOW)

static void
toast (PxWindow *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
reload_library (PxWindow *self)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rows;

  if (self->store == NULL)
    return;
  rows = px_store_list_documents (self->store, &error);
  if (rows == NULL)
    {
      toast (self, error->message);
      return;
    }
  px_library_model_set_rows (self->library, rows);
  gtk_stack_set_visible_child_name (self->main_stack, rows->len > 0 ? "library" : "empty");
}

void
px_window_open_document (PxWindow *self, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = NULL;
  guint pos;

  g_return_if_fail (PX_IS_WINDOW (self));
  doc = px_store_load_document (self->store, id, &error);
  if (doc == NULL)
    {
      toast (self, error->message);
      return;
    }
  px_reader_view_set_document (self->reader, doc);
  adw_window_title_set_subtitle (self->window_title, px_document_get_title (doc));
  pos = px_library_model_find (self->library, id);
  if (pos != G_MAXUINT && gtk_single_selection_get_selected (self->selection) != pos)
    gtk_single_selection_set_selected (self->selection, pos);
}

static void
on_selection_changed (GtkSingleSelection *selection, GParamSpec *pspec, PxWindow *self)
{
  PxDocumentItem *item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL)
    px_window_open_document (self, px_document_item_get_id (item));
}

/* Import runs in a worker thread on its own connection to the library. */
typedef struct
{
  char *library_path;
  GPtrArray *files;
} ImportTask;

static void
import_task_free (ImportTask *task)
{
  g_free (task->library_path);
  g_ptr_array_unref (task->files);
  g_free (task);
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ImportTask *data = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (data->library_path, PX_STORE_OPEN_EXISTING, &error);
  GPtrArray *results;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  results =
      px_import_run (store, (GFile *const *)data->files->pdata, data->files->len, NULL, NULL, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, results, (GDestroyNotify)g_ptr_array_unref);
}

static void
import_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PxWindow *self = PX_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = g_task_propagate_pointer (G_TASK (result), &error);
  guint imported, duplicates, failed;
  gint64 first_id = 0;

  if (results == NULL)
    {
      toast (self, error->message);
      return;
    }
  px_import_count (results, &imported, &duplicates, &failed);
  for (guint i = 0; i < results->len && first_id == 0; i++)
    {
      const PxImportResult *r = g_ptr_array_index (results, i);
      if (r->status != PX_IMPORT_FAILED)
        first_id = r->document_id;
    }
  reload_library (self);
  if (first_id != 0)
    px_window_open_document (self, first_id);

  if (imported > 0)
    {
      g_autofree char *msg =
          g_strdup_printf (ngettext ("Imported %u article", "Imported %u articles", imported), imported);
      toast (self, msg);
    }
  if (duplicates > 0)
    {
      g_autofree char *msg = g_strdup_printf (
          ngettext ("%u article was already in the library", "%u articles were already in the library", duplicates),
          duplicates);
      toast (self, msg);
    }
  for (guint i = 0; i < results->len; i++)
    {
      const PxImportResult *r = g_ptr_array_index (results, i);
      if (r->status == PX_IMPORT_FAILED)
        {
          g_autofree char *base = g_path_get_basename (r->source);
          g_autofree char *msg = g_strdup_printf (_ ("Could not import “%s”: %s"), base, r->message);
          toast (self, msg);
        }
    }
}

void
px_window_import_files (PxWindow *self, GFile *const *files, guint n_files)
{
  g_autoptr (GTask) task = NULL;
  ImportTask *data;

  g_return_if_fail (PX_IS_WINDOW (self));
  if (n_files == 0)
    return;

  data = g_new0 (ImportTask, 1);
  data->library_path = g_strdup (self->library_path);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->import_cancellable, import_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify)import_task_free);
  g_task_run_in_thread (task, import_thread);
}

static void
on_import_response (GtkNativeDialog *dialog, int response, PxWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      px_window_import_files (self, (GFile *const *)array->pdata, array->len);
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_ ("Import Articles"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _ ("_Import"), _ ("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "library-row-title");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (box, "library-row");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_next_sibling (title);
  const PxDocumentInfo *info = px_document_item_get_info (gtk_list_item_get_item (list_item));
  g_autofree char *date = info->published ? g_strndup (info->published, 10) : NULL;
  g_autofree char *line = NULL;

  gtk_label_set_label (GTK_LABEL (title), info->title && *info->title ? info->title : _ ("Untitled"));
  if (info->outlet && date)
    line = g_strdup_printf ("%s · %s", info->outlet, date);
  else
    line = g_strdup (info->outlet ? info->outlet : date ? date : "");
  gtk_label_set_label (GTK_LABEL (meta), line);
  gtk_widget_set_visible (meta, *line != '\0');
}

static void
px_window_dispose (GObject *object)
{
  PxWindow *self = PX_WINDOW (object);

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_pointer (&self->library_path, g_free);
  G_OBJECT_CLASS (px_window_parent_class)->dispose (object);
}

static void
px_window_class_init (PxWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_window_dispose;
  g_type_ensure (PX_TYPE_READER_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PxWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, library_list);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, reader);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}

static void
px_window_init (PxWindow *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->library = px_library_model_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->library)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->library_list, factory);
  gtk_list_view_set_model (self->library_list, GTK_SELECTION_MODEL (self->selection));
}

PxReaderView *
px_window_get_reader (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->reader;
}

PxWindow *
px_window_new (PxApplication *app, const char *library_path, gint64 open_id)
{
  PxWindow *self = g_object_new (PX_TYPE_WINDOW, "application", app, NULL);
  g_autoptr (GError) error = NULL;

  self->library_path = g_strdup (library_path);
  self->store = px_store_open (library_path, PX_STORE_OPEN_DEFAULT, &error);
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      toast (self, error->message);
      return self;
    }
  reload_library (self);
  if (open_id > 0)
    px_window_open_document (self, open_id);
  return self;
}
