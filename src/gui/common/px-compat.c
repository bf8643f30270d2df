/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/common/px-compat.h"

#include <string.h>

/* Alerts and dialogs presented and not yet finalized, newest first. */
static GList *alerts;

static void
forget_alert (gpointer data, GObject *where_the_object_was)
{
  alerts = g_list_remove (alerts, where_the_object_was);
}

#if PX_HAVE_ADW_DIALOG
/* A closed AdwDialog may live on (its closing animation, a reference
 * someone keeps): it is no longer shown. */
static void
on_dialog_closed (GtkWidget *dialog)
{
  if (g_list_find (alerts, dialog) == NULL)
    return;
  alerts = g_list_remove (alerts, dialog);
  g_object_weak_unref (G_OBJECT (dialog), forget_alert, NULL);
}
#endif

static void
track_alert (GtkWidget *alert)
{
  if (g_list_find (alerts, alert) != NULL)
    return;
  alerts = g_list_prepend (alerts, alert);
  g_object_weak_ref (G_OBJECT (alert), forget_alert, NULL);
#if PX_HAVE_ADW_DIALOG
  if (ADW_IS_DIALOG (alert) &&
      g_signal_handler_find (alert, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_dialog_closed, NULL) == 0)
    g_signal_connect (alert, "closed", G_CALLBACK (on_dialog_closed), NULL);
#endif
}

#if PX_HAVE_ADW_DIALOG
#define ALERT(w) ADW_ALERT_DIALOG (w)
#define PARENT_KEY "px-alert-parent"

GtkWidget *
px_alert_new (GtkWidget *parent, const char *heading, const char *body)
{
  GtkWidget *alert = GTK_WIDGET (adw_alert_dialog_new (heading, body));

  px_alert_set_parent (alert, parent);
  return alert;
}

void
px_alert_set_parent (GtkWidget *alert, GtkWidget *parent)
{
  g_object_set_data_full (G_OBJECT (alert), PARENT_KEY, parent != NULL ? g_object_ref (parent) : NULL, g_object_unref);
}

void
px_alert_present (GtkWidget *alert)
{
  track_alert (alert);
  adw_dialog_present (ADW_DIALOG (alert), g_object_get_data (G_OBJECT (alert), PARENT_KEY));
}

void
px_dialog_close (GtkWidget *dialog)
{
  if (ADW_IS_DIALOG (dialog) && gtk_widget_get_root (dialog) == NULL)
    {
      /* Never presented: nothing holds it but its floating reference. */
      g_object_ref_sink (dialog);
      g_object_unref (dialog);
    }
  else if (ADW_IS_DIALOG (dialog))
    adw_dialog_force_close (ADW_DIALOG (dialog));
  else
    gtk_window_destroy (GTK_WINDOW (dialog));
}

gboolean
px_is_alert (gpointer object)
{
  return ADW_IS_ALERT_DIALOG (object);
}

const char *
px_alert_get_heading (GtkWidget *alert)
{
  return adw_alert_dialog_get_heading (ALERT (alert));
}

const char *
px_alert_get_body (GtkWidget *alert)
{
  return adw_alert_dialog_get_body (ALERT (alert));
}

void
px_alert_add_response (GtkWidget *alert, const char *id, const char *label)
{
  adw_alert_dialog_add_response (ALERT (alert), id, label);
}

gboolean
px_alert_has_response (GtkWidget *alert, const char *id)
{
  return adw_alert_dialog_has_response (ALERT (alert), id);
}

void
px_alert_set_response_appearance (GtkWidget *alert, const char *id, AdwResponseAppearance appearance)
{
  adw_alert_dialog_set_response_appearance (ALERT (alert), id, appearance);
}

void
px_alert_set_response_enabled (GtkWidget *alert, const char *id, gboolean enabled)
{
  adw_alert_dialog_set_response_enabled (ALERT (alert), id, enabled);
}

gboolean
px_alert_get_response_enabled (GtkWidget *alert, const char *id)
{
  return adw_alert_dialog_get_response_enabled (ALERT (alert), id);
}

void
px_alert_set_default_response (GtkWidget *alert, const char *id)
{
  adw_alert_dialog_set_default_response (ALERT (alert), id);
}

void
px_alert_set_close_response (GtkWidget *alert, const char *id)
{
  adw_alert_dialog_set_close_response (ALERT (alert), id);
}

void
px_alert_set_extra_child (GtkWidget *alert, GtkWidget *child)
{
  adw_alert_dialog_set_extra_child (ALERT (alert), child);
}

GtkWidget *
px_alert_get_extra_child (GtkWidget *alert)
{
  return adw_alert_dialog_get_extra_child (ALERT (alert));
}

void
px_alert_response (GtkWidget *alert, const char *id)
{
  g_signal_emit_by_name (alert, "response", id);
}

static gboolean
alert_is_shown (GtkWidget *alert)
{
  return gtk_widget_get_root (alert) != NULL;
}

void
px_preferences_add_toast (GtkWidget *dialog, AdwToast *toast)
{
  adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), toast);
}

void
px_preferences_present (GtkWidget *dialog, GtkWidget *parent)
{
  track_alert (dialog);
  adw_dialog_present (ADW_DIALOG (dialog), parent);
}

void
px_preferences_set_size (GtkWidget *dialog, int width, int height)
{
  adw_dialog_set_content_width (ADW_DIALOG (dialog), width);
  adw_dialog_set_content_height (ADW_DIALOG (dialog), height);
}

void
px_show_about (GtkWidget *parent, const char *first_property, ...)
{
  GtkWidget *about = GTK_WIDGET (adw_about_dialog_new ());
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (about), first_property, args);
  va_end (args);
  adw_dialog_present (ADW_DIALOG (about), parent);
}

#else /* libadwaita before 1.6: the dialogs are windows */
#define ALERT(w) ADW_MESSAGE_DIALOG (w)

GtkWidget *
px_alert_new (GtkWidget *parent, const char *heading, const char *body)
{
  return adw_message_dialog_new (parent != NULL ? GTK_WINDOW (parent) : NULL, heading, body);
}

void
px_alert_set_parent (GtkWidget *alert, GtkWidget *parent)
{
  gtk_window_set_transient_for (GTK_WINDOW (alert), parent != NULL ? GTK_WINDOW (parent) : NULL);
  gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
}

void
px_alert_present (GtkWidget *alert)
{
  track_alert (alert);
  gtk_window_present (GTK_WINDOW (alert));
}

void
px_dialog_close (GtkWidget *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

gboolean
px_is_alert (gpointer object)
{
  return ADW_IS_MESSAGE_DIALOG (object);
}

const char *
px_alert_get_heading (GtkWidget *alert)
{
  return adw_message_dialog_get_heading (ALERT (alert));
}

const char *
px_alert_get_body (GtkWidget *alert)
{
  return adw_message_dialog_get_body (ALERT (alert));
}

void
px_alert_add_response (GtkWidget *alert, const char *id, const char *label)
{
  adw_message_dialog_add_response (ALERT (alert), id, label);
}

gboolean
px_alert_has_response (GtkWidget *alert, const char *id)
{
  return adw_message_dialog_has_response (ALERT (alert), id);
}

void
px_alert_set_response_appearance (GtkWidget *alert, const char *id, AdwResponseAppearance appearance)
{
  adw_message_dialog_set_response_appearance (ALERT (alert), id, appearance);
}

void
px_alert_set_response_enabled (GtkWidget *alert, const char *id, gboolean enabled)
{
  adw_message_dialog_set_response_enabled (ALERT (alert), id, enabled);
}

gboolean
px_alert_get_response_enabled (GtkWidget *alert, const char *id)
{
  return adw_message_dialog_get_response_enabled (ALERT (alert), id);
}

void
px_alert_set_default_response (GtkWidget *alert, const char *id)
{
  adw_message_dialog_set_default_response (ALERT (alert), id);
}

void
px_alert_set_close_response (GtkWidget *alert, const char *id)
{
  adw_message_dialog_set_close_response (ALERT (alert), id);
}

void
px_alert_set_extra_child (GtkWidget *alert, GtkWidget *child)
{
  adw_message_dialog_set_extra_child (ALERT (alert), child);
}

GtkWidget *
px_alert_get_extra_child (GtkWidget *alert)
{
  return adw_message_dialog_get_extra_child (ALERT (alert));
}

void
px_alert_response (GtkWidget *alert, const char *id)
{
  adw_message_dialog_response (ALERT (alert), id);
}

static gboolean
alert_is_shown (GtkWidget *alert)
{
  return gtk_widget_get_visible (alert);
}

void
px_preferences_add_toast (GtkWidget *dialog, AdwToast *toast)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (dialog), toast);
}

void
px_preferences_present (GtkWidget *dialog, GtkWidget *parent)
{
  track_alert (dialog);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent != NULL ? GTK_WINDOW (parent) : NULL);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
px_preferences_set_size (GtkWidget *dialog, int width, int height)
{
  gtk_window_set_default_size (GTK_WINDOW (dialog), width, height);
}

void
px_show_about (GtkWidget *parent, const char *first_property, ...)
{
  GtkWidget *about = adw_about_window_new ();
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (about), first_property, args);
  va_end (args);
  gtk_window_set_transient_for (GTK_WINDOW (about), parent != NULL ? GTK_WINDOW (parent) : NULL);
  gtk_window_present (GTK_WINDOW (about));
}
#endif

void
px_alert_add_responses (GtkWidget *alert, const char *first_id, ...)
{
  va_list args;
  const char *id = first_id;

  va_start (args, first_id);
  while (id != NULL)
    {
      const char *label = va_arg (args, const char *);

      px_alert_add_response (alert, id, label);
      id = va_arg (args, const char *);
    }
  va_end (args);
}

GList *
px_dialog_list_visible (void)
{
  GList *shown = NULL;

  for (GList *l = g_list_last (alerts); l != NULL; l = l->prev)
    if (alert_is_shown (l->data))
      shown = g_list_prepend (shown, l->data);
  return shown;
}

void
px_compat_set_template (GtkWidgetClass *widget_class, const char *resource)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_return_if_fail (bytes != NULL);
#if PX_HAVE_ADW_DIALOG
  {
    g_autoptr (GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_string_replace (text, "parent=\"AdwMessageDialog\"", "parent=\"AdwAlertDialog\"", 1);
    g_string_replace (text, "parent=\"AdwPreferencesWindow\"", "parent=\"AdwPreferencesDialog\"", 1);
    g_bytes_unref (bytes);
    bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  }
#endif
  gtk_widget_class_set_template (widget_class, bytes);
}

/* File choosers. */

static GListModel *
one_file (GFile *file)
{
  GListStore *store = g_list_store_new (G_TYPE_FILE);

  g_list_store_append (store, file);
  return G_LIST_MODEL (store);
}

#if PX_HAVE_GTK_FILE_DIALOG
static void
on_file_dialog_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  PxFileMode mode = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  GListModel *files = NULL;

  switch (mode)
    {
    case PX_FILE_OPEN:
      file = gtk_file_dialog_open_finish (dialog, result, &error);
      break;
    case PX_FILE_OPEN_MULTIPLE:
      files = gtk_file_dialog_open_multiple_finish (dialog, result, &error);
      break;
    case PX_FILE_SAVE:
      file = gtk_file_dialog_save_finish (dialog, result, &error);
      break;
    case PX_FILE_SELECT_FOLDER:
      file = gtk_file_dialog_select_folder_finish (dialog, result, &error);
      break;
    case PX_FILE_SELECT_FOLDERS:
      files = gtk_file_dialog_select_multiple_folders_finish (dialog, result, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (file != NULL)
    files = one_file (file);
  if (files != NULL)
    g_task_return_pointer (task, files, g_object_unref);
  else if (error != NULL && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
           !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
}

void
px_file_choose (GtkWindow *parent, const PxFileRequest *request, GCancellable *cancellable,
                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, px_file_choose);
  g_task_set_task_data (task, GINT_TO_POINTER (request->mode), NULL);
  gtk_file_dialog_set_title (dialog, request->title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (request->accept_label != NULL)
    gtk_file_dialog_set_accept_label (dialog, request->accept_label);
  if (request->filters != NULL && g_list_model_get_n_items (request->filters) > 0)
    {
      g_autoptr (GtkFileFilter) first = g_list_model_get_item (request->filters, 0);

      gtk_file_dialog_set_filters (dialog, request->filters);
      gtk_file_dialog_set_default_filter (dialog, first);
    }
  if (request->initial_folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, request->initial_folder);
  if (request->initial_name != NULL)
    gtk_file_dialog_set_initial_name (dialog, request->initial_name);
  switch (request->mode)
    {
    case PX_FILE_OPEN:
      gtk_file_dialog_open (dialog, parent, cancellable, on_file_dialog_done, task);
      break;
    case PX_FILE_OPEN_MULTIPLE:
      gtk_file_dialog_open_multiple (dialog, parent, cancellable, on_file_dialog_done, task);
      break;
    case PX_FILE_SAVE:
      gtk_file_dialog_save (dialog, parent, cancellable, on_file_dialog_done, task);
      break;
    case PX_FILE_SELECT_FOLDER:
      gtk_file_dialog_select_folder (dialog, parent, cancellable, on_file_dialog_done, task);
      break;
    case PX_FILE_SELECT_FOLDERS:
      gtk_file_dialog_select_multiple_folders (dialog, parent, cancellable, on_file_dialog_done, task);
      break;
    default:
      g_assert_not_reached ();
    }
}

#else /* GTK before 4.10: GtkFileChooserNative */
static void
on_chooser_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      PxFileMode mode = GPOINTER_TO_INT (g_task_get_task_data (task));
      GListModel *files;

      if (mode == PX_FILE_OPEN_MULTIPLE || mode == PX_FILE_SELECT_FOLDERS)
        files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      else
        {
          g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

          files = file != NULL ? one_file (file) : NULL;
        }
      if (files != NULL)
        g_task_return_pointer (task, files, g_object_unref);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
    }
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
px_file_choose (GtkWindow *parent, const PxFileRequest *request, GCancellable *cancellable,
                GAsyncReadyCallback callback, gpointer user_data)
{
  GtkFileChooserAction action;
  GtkFileChooserNative *chooser;
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, px_file_choose);
  g_task_set_task_data (task, GINT_TO_POINTER (request->mode), NULL);
  switch (request->mode)
    {
    case PX_FILE_SAVE:
      action = GTK_FILE_CHOOSER_ACTION_SAVE;
      break;
    case PX_FILE_SELECT_FOLDER:
    case PX_FILE_SELECT_FOLDERS:
      action = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;
      break;
    case PX_FILE_OPEN:
    case PX_FILE_OPEN_MULTIPLE:
    default:
      action = GTK_FILE_CHOOSER_ACTION_OPEN;
      break;
    }
  chooser = gtk_file_chooser_native_new (request->title, parent, action, request->accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), request->mode == PX_FILE_OPEN_MULTIPLE ||
                                                                        request->mode == PX_FILE_SELECT_FOLDERS);
  if (request->filters != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (request->filters); i++)
      {
        g_autoptr (GtkFileFilter) filter = g_list_model_get_item (request->filters, i);

        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      }
  if (request->initial_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), request->initial_folder, NULL);
  if (request->initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), request->initial_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
#endif

GListModel *
px_file_choose_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
px_file_choose_finish_one (GAsyncResult *result, GError **error)
{
  g_autoptr (GListModel) files = px_file_choose_finish (result, error);

  if (files == NULL || g_list_model_get_n_items (files) == 0)
    return NULL;
  return g_list_model_get_item (files, 0);
}

/* Colours. */

void
px_widget_get_color (GtkWidget *widget, GdkRGBA *color)
{
#if PX_HAVE_GTK_WIDGET_COLOR
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

void
px_widget_get_accent_bg (GtkWidget *widget, const GdkRGBA *fallback, GdkRGBA *color)
{
#if PX_HAVE_ADW_ACCENT
  g_autoptr (GdkRGBA) accent = adw_style_manager_get_accent_color_rgba (adw_style_manager_get_default ());

  *color = accent != NULL ? *accent : *fallback;
#else
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color", color))
    *color = *fallback;
#endif
}

/* Shortcuts. The .ui file keeps the floor's GtkShortcutsWindow; its types
 * are looked up by name, so no deprecated symbol is compiled in. */

static gboolean
is_type (gpointer object, const char *name)
{
  GType type = g_type_from_name (name);

  return type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (object, type);
}

/* Calls FUNC (group, shortcut, data) for each shortcut of the sections
 * under WIDGET (the window's search page holds copies: not those). */
static void
each_shortcut (GtkWidget *widget, GtkWidget *group, gboolean in_section,
               void (*func) (GtkWidget *, GtkWidget *, gpointer), gpointer data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (in_section && is_type (child, "GtkShortcutsShortcut"))
        func (group, child, data);
      else
        each_shortcut (child, is_type (child, "GtkShortcutsGroup") ? child : group,
                       in_section || is_type (child, "GtkShortcutsSection"), func, data);
    }
}

static void
add_line (GStrvBuilder *out, const char *group, const char *title, const char *accel)
{
  g_autofree char *line = g_strdup_printf ("%s\t%s\t%s", group, title, accel);

  g_strv_builder_add (out, line);
}

static char *
prop_string (gpointer object, const char *name)
{
  char *value = NULL;

  if (object != NULL)
    g_object_get (object, name, &value, NULL);
  return value;
}

#if PX_HAVE_ADW_SHORTCUTS
typedef struct
{
  AdwDialog *dialog;
  GPtrArray *sections; /* kept on the dialog, for px_shortcuts_list() */
  GtkWidget *group;
  AdwShortcutsSection *section;
} Converter;

static void
convert_shortcut (GtkWidget *group, GtkWidget *shortcut, gpointer data)
{
  Converter *conv = data;
  g_autofree char *title = prop_string (shortcut, "title");
  g_autofree char *accel = prop_string (shortcut, "accelerator");

  if (conv->section == NULL || group != conv->group)
    {
      g_autofree char *group_title = prop_string (group, "title");

      conv->section = adw_shortcuts_section_new (group_title);
      conv->group = group;
      g_ptr_array_add (conv->sections, conv->section);
      adw_shortcuts_dialog_add (ADW_SHORTCUTS_DIALOG (conv->dialog), g_object_ref (conv->section));
    }
  adw_shortcuts_section_add (conv->section, adw_shortcuts_item_new (title, accel));
}

GtkWidget *
px_shortcuts_new_from_resource (const char *resource, const char *id)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (resource);
  GtkWidget *window = GTK_WIDGET (gtk_builder_get_object (builder, id));
  Converter conv = { adw_shortcuts_dialog_new (), g_ptr_array_new_with_free_func (g_object_unref), NULL, NULL };

  g_object_set_data_full (G_OBJECT (conv.dialog), "px-sections", conv.sections, (GDestroyNotify)g_ptr_array_unref);
  each_shortcut (window, NULL, FALSE, convert_shortcut, &conv);
  gtk_window_destroy (GTK_WINDOW (window));
  return GTK_WIDGET (conv.dialog);
}

void
px_shortcuts_present (GtkWidget *shortcuts, GtkWidget *parent)
{
  track_alert (shortcuts);
  adw_dialog_present (ADW_DIALOG (shortcuts), parent);
}

gboolean
px_is_shortcuts (gpointer object)
{
  return ADW_IS_SHORTCUTS_DIALOG (object);
}

GStrv
px_shortcuts_list (GtkWidget *shortcuts)
{
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();
  GPtrArray *sections = g_object_get_data (G_OBJECT (shortcuts), "px-sections");

  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      AdwShortcutsSection *section = g_ptr_array_index (sections, i);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (section)); j++)
        {
          g_autoptr (AdwShortcutsItem) item = g_list_model_get_item (G_LIST_MODEL (section), j);

          add_line (out, adw_shortcuts_section_get_title (section), adw_shortcuts_item_get_title (item),
                    adw_shortcuts_item_get_accelerator (item));
        }
    }
  return g_strv_builder_end (out);
}
#else
GtkWidget *
px_shortcuts_new_from_resource (const char *resource, const char *id)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (resource);

  return GTK_WIDGET (gtk_builder_get_object (builder, id));
}

void
px_shortcuts_present (GtkWidget *shortcuts, GtkWidget *parent)
{
  track_alert (shortcuts);
  gtk_window_set_transient_for (GTK_WINDOW (shortcuts), parent != NULL ? GTK_WINDOW (parent) : NULL);
  gtk_window_present (GTK_WINDOW (shortcuts));
}

gboolean
px_is_shortcuts (gpointer object)
{
  return is_type (object, "GtkShortcutsWindow");
}

static void
list_shortcut (GtkWidget *group, GtkWidget *shortcut, gpointer data)
{
  g_autofree char *group_title = prop_string (group, "title");
  g_autofree char *title = prop_string (shortcut, "title");
  g_autofree char *accel = prop_string (shortcut, "accelerator");

  add_line (data, group_title, title, accel);
}

GStrv
px_shortcuts_list (GtkWidget *shortcuts)
{
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();

  each_shortcut (shortcuts, NULL, FALSE, list_shortcut, out);
  return g_strv_builder_end (out);
}
#endif

GWeakRef *
px_weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

gpointer
px_weak_ref_steal (GWeakRef *ref)
{
  gpointer object = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return object;
}
