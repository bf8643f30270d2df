/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/export/px-export-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "export/px-export.h"
#include "formats/px-exchange-format.h"
#include "gui/common/px-compat.h"
#include "annotations/px-store-annotations.h"

#define SETTINGS_SCHEMA "io.github.parallaxapp.Parallax"
/* The preview shows the start of the file: enough to judge the options. */
#define PREVIEW_LINES 120
#define PREVIEW_DELAY_MS 150

struct _PxExportDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toasts;
  GtkWidget *export_button;
  AdwComboRow *format_row;
  GtkWidget *highlights_group;
  AdwComboRow *kind_row;
  AdwComboRow *tag_row;
  AdwComboRow *order_row;
  AdwExpanderRow *colors_row;
  AdwEntryRow *tags_row;
  GtkSwitch *unnoted_switch;
  GtkWidget *full_text_row;
  GtkSwitch *full_text_switch;
  GtkLabel *preview_label;
  GtkSpinner *spinner;
  GtkTextView *preview;
  GtkSwitch *color_switches[PX_N_COLORS];

  GSettings *settings;
  PxLibrary *library;
  gint64 document_id;
  char *document_title;
  gint64 event_id;
  char *event_title;
  GArray *kinds; /* PxExportKind per row of kind_row */
  GStrv tag_names;
  gboolean loading; /* restoring settings: no previews, no saving */
  guint preview_source;
  GCancellable *preview_cancellable;
  GCancellable *save_cancellable;
};

G_DEFINE_FINAL_TYPE (PxExportDialog, px_export_dialog, ADW_TYPE_WINDOW)

enum
{
  EXPORTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static PxExportKind
current_kind (PxExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->kinds->len == 0 || selected >= self->kinds->len)
    return PX_EXPORT_KIND_LIBRARY;
  return g_array_index (self->kinds, PxExportKind, selected);
}

/* NULL: Markdown (the first row). */
static const PxExchangeFormat *
current_format (PxExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  if (selected == 0 || selected > px_exchange_format_count ())
    return NULL;
  return px_exchange_format_get (selected - 1);
}

static const char *
current_tag (PxExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->tag_row);

  if (self->tag_names == NULL || selected >= g_strv_length (self->tag_names))
    return NULL;
  return self->tag_names[selected];
}

PxExportOptions *
px_export_dialog_get_options (PxExportDialog *self)
{
  PxExportOptions *options = px_export_options_new ();
  const char *const *names = px_annotation_color_names ();
  g_autoptr (GStrvBuilder) colors = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_auto (GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)), ",", -1);
  gboolean all = TRUE;

  g_return_val_if_fail (PX_IS_EXPORT_DIALOG (self), NULL);

  options->order = adw_combo_row_get_selected (self->order_row) == 1 ? PX_EXPORT_ORDER_COLOR : PX_EXPORT_ORDER_TEXT;
  for (guint i = 0; i < PX_N_COLORS; i++)
    {
      if (gtk_switch_get_active (self->color_switches[i]))
        g_strv_builder_add (colors, names[i]);
      else
        all = FALSE;
    }
  /* Every colour on means no colour filter (and none on exports nothing,
   * which the preview makes plain). */
  options->colors = g_strv_builder_end (colors);
  if (all)
    g_clear_pointer (&options->colors, g_strfreev);
  else if (options->colors[0] == NULL)
    {
      g_strfreev (options->colors);
      options->colors = g_strdupv ((char *[]){ "none", NULL });
    }
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (tags, parts[i]);
  options->tags = g_strv_builder_end (tags);
  options->include_unnoted = gtk_switch_get_active (self->unnoted_switch);
  options->full_text = gtk_switch_get_active (self->full_text_switch) && current_kind (self) != PX_EXPORT_KIND_TAG;
  return options;
}

static PxLibraryExport *
make_job (PxExportDialog *self, const char *output)
{
  PxLibraryExport *job = g_new0 (PxLibraryExport, 1);

  job->preview_lines = PREVIEW_LINES;
  job->kind = current_kind (self);
  job->id = job->kind == PX_EXPORT_KIND_EVENT ? self->event_id : self->document_id;
  job->tag = g_strdup (current_tag (self));
  job->options = px_export_dialog_get_options (self);
  job->format = current_format (self);
  job->output = g_strdup (output);
  return job;
}

static void
set_preview (PxExportDialog *self, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->preview), text, -1);
}

static void
on_preview_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = px_library_export_finish (PX_LIBRARY (source), result, &error);

  /* A newer preview replaced this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  if (text == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("No preview: %s"), error->message);
      set_preview (self, message);
      return;
    }
  set_preview (self, text);
}

static gboolean
start_preview (gpointer user_data)
{
  PxExportDialog *self = user_data;

  self->preview_source = 0;
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  if (current_kind (self) == PX_EXPORT_KIND_TAG && current_tag (self) == NULL)
    {
      set_preview (self, _ ("No highlight has a tag yet."));
      return G_SOURCE_REMOVE;
    }
  self->preview_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  px_library_export_async (self->library, make_job (self, NULL), self->preview_cancellable, on_preview_done,
                           g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
save_settings (PxExportDialog *self)
{
  g_autoptr (PxExportOptions) options = NULL;
  g_autoptr (GStrvBuilder) colors = g_strv_builder_new ();
  g_auto (GStrv) color_list = NULL;
  const char *const *names = px_annotation_color_names ();

  if (self->settings == NULL || self->loading)
    return;
  options = px_export_dialog_get_options (self);
  for (guint i = 0; i < PX_N_COLORS; i++)
    if (gtk_switch_get_active (self->color_switches[i]))
      g_strv_builder_add (colors, names[i]);
  color_list = g_strv_builder_end (colors);
  g_settings_set_string (self->settings, "export-order", px_export_order_to_string (options->order));
  g_settings_set_strv (self->settings, "export-colors", (const char *const *)color_list);
  g_settings_set_string (self->settings, "export-tags", gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
  g_settings_set_boolean (self->settings, "export-include-unnoted", options->include_unnoted);
  g_settings_set_boolean (self->settings, "export-full-text", gtk_switch_get_active (self->full_text_switch));
}

static void
update_rows (PxExportDialog *self)
{
  PxExportKind kind = current_kind (self);
  guint n_on = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->tag_row), kind == PX_EXPORT_KIND_TAG);
  gtk_widget_set_sensitive (self->full_text_row, kind != PX_EXPORT_KIND_TAG);
  /* The other formats carry every highlight of what is exported. */
  gtk_widget_set_sensitive (self->highlights_group, current_format (self) == NULL);
  for (guint i = 0; i < PX_N_COLORS; i++)
    n_on += gtk_switch_get_active (self->color_switches[i]);
  adw_expander_row_set_subtitle (self->colors_row, n_on == PX_N_COLORS ? _ ("All colours")
                                                   : n_on == 0         ? _ ("None")
                                                                       : _ ("Some colours"));
  gtk_label_set_label (self->preview_label, kind == PX_EXPORT_KIND_LIBRARY && current_format (self) == NULL
                                                ? _ ("Preview of the first article")
                                                : _ ("Preview"));
  gtk_widget_set_sensitive (self->export_button, !(kind == PX_EXPORT_KIND_TAG && current_tag (self) == NULL));
}

static void
on_option_changed (PxExportDialog *self)
{
  if (self->kinds == NULL)
    return; /* still building */
  update_rows (self);
  save_settings (self);
  if (self->loading)
    return;
  /* Typing a tag list should not start an export per key. */
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, start_preview, self);
}

static void
on_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = px_library_export_finish (PX_LIBRARY (source), result, &error);

  /* Closed while writing: the file is written all the same. */
  if (self->export_button == NULL)
    return;
  gtk_widget_set_sensitive (self->export_button, TRUE);
  if (path == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_ ("Could not export: %s"), error->message);
          AdwToast *toast = adw_toast_new (message);

          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (self->toasts, toast);
        }
      return;
    }
  g_signal_emit (self, signals[EXPORTED], 0, path);
  gtk_window_close (GTK_WINDOW (self));
}

void
px_export_dialog_save_to (PxExportDialog *self, const char *path)
{
  g_return_if_fail (PX_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  self->save_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->export_button, FALSE);
  px_library_export_async (self->library, make_job (self, path), self->save_cancellable, on_saved, g_object_ref (self));
}

static void
on_file_chosen (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxExportDialog) self = px_weak_ref_steal (user_data);
  g_autoptr (GFile) file = px_file_choose_finish_one (result, NULL);

  if (file != NULL && self != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_ ("Exports must be saved to a local folder")));
      else
        {
          if (self->settings != NULL)
            {
              g_autofree char *folder = current_kind (self) == PX_EXPORT_KIND_LIBRARY && current_format (self) == NULL
                                            ? g_strdup (path)
                                            : g_path_get_dirname (path);
              g_settings_set_string (self->settings, "export-folder", folder);
            }
          px_export_dialog_save_to (self, path);
        }
    }
}

static void
on_export_clicked (PxExportDialog *self)
{
  PxExportKind kind = current_kind (self);
  const PxExchangeFormat *format = current_format (self);
  gboolean folder = kind == PX_EXPORT_KIND_LIBRARY && format == NULL;
  g_autofree char *chooser_title =
      format != NULL ? g_strdup_printf (_ ("Export as %s"), _ (format->label)) : g_strdup (_ ("Export as Markdown"));
  g_autofree char *last = self->settings ? g_settings_get_string (self->settings, "export-folder") : NULL;
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr (GFile) dir = NULL;
  g_autofree char *name = NULL;
  PxFileRequest request = {
    .mode = folder ? PX_FILE_SELECT_FOLDER : PX_FILE_SAVE,
    .title = folder ? _ ("Export Library to Folder") : chooser_title,
    .accept_label = _ ("_Export"),
  };

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    {
      dir = g_file_new_for_path (last);
      request.initial_folder = dir;
    }
  if (!folder)
    {
      const char *title = kind == PX_EXPORT_KIND_ARTICLE ? self->document_title
                          : kind == PX_EXPORT_KIND_EVENT ? self->event_title
                          : kind == PX_EXPORT_KIND_TAG   ? current_tag (self)
                                                         : _ ("Library");
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

      name = px_export_file_name (title, _ ("Export"));
      /* The Markdown name, with the format's extension. */
      if (format != NULL && g_str_has_suffix (name, ".md"))
        {
          g_autofree char *stem = g_strndup (name, strlen (name) - 3);

          g_free (name);
          name = g_strconcat (stem, format->extension, NULL);
        }
      request.initial_name = name;
      gtk_file_filter_set_name (filter, format != NULL ? _ (format->label) : _ ("Markdown"));
      gtk_file_filter_add_mime_type (filter, format != NULL ? format->mime_type : "text/markdown");
      gtk_file_filter_add_suffix (filter, format != NULL ? strrchr (format->extension, '.') + 1 : "md");
      g_list_store_append (filters, filter);
      request.filters = G_LIST_MODEL (filters);
    }
  px_file_choose (GTK_WINDOW (self), &request, NULL, on_file_chosen, px_weak_ref_new (self));
}

static void
px_export_dialog_dispose (GObject *object)
{
  PxExportDialog *self = PX_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->save_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  gtk_widget_dispose_template (GTK_WIDGET (object), PX_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (px_export_dialog_parent_class)->dispose (object);
}

static void
px_export_dialog_finalize (GObject *object)
{
  PxExportDialog *self = PX_EXPORT_DIALOG (object);

  g_free (self->document_title);
  g_free (self->event_title);
  g_clear_pointer (&self->kinds, g_array_unref);
  g_strfreev (self->tag_names);
  G_OBJECT_CLASS (px_export_dialog_parent_class)->finalize (object);
}

static void
px_export_dialog_class_init (PxExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_export_dialog_dispose;
  object_class->finalize = px_export_dialog_finalize;

  /* The path of the file (or folder) written. */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, highlights_group);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, order_row);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, colors_row);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, tags_row);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, unnoted_switch);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, full_text_row);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, full_text_switch);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PxExportDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
px_export_dialog_init (PxExportDialog *self)
{
  const char *const *names = px_annotation_color_names ();

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    g_autoptr (GtkStringList) formats = gtk_string_list_new (NULL);

    gtk_string_list_append (formats, _ ("Markdown"));
    for (guint i = 0; i < px_exchange_format_count (); i++)
      gtk_string_list_append (formats, _ (px_exchange_format_get (i)->label));
    adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  }
  for (guint i = 0; i < PX_N_COLORS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      g_autofree char *css = g_strdup_printf ("swatch-%s", names[i]);
      GtkWidget *swatch = gtk_image_new_from_icon_name ("media-record-symbolic");

      gtk_widget_add_css_class (swatch, "export-swatch");
      gtk_widget_add_css_class (swatch, css);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), px_annotation_color_label (names[i]));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (on_option_changed), self);
      adw_expander_row_add_row (self->colors_row, row);
      self->color_switches[i] = GTK_SWITCH (sw);
    }
}

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "export-order"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
restore_settings (PxExportDialog *self)
{
  g_autofree char *order = NULL;
  g_auto (GStrv) colors = NULL;
  g_autofree char *tags = NULL;
  const char *const *names = px_annotation_color_names ();

  if (self->settings == NULL)
    return;
  order = g_settings_get_string (self->settings, "export-order");
  adw_combo_row_set_selected (self->order_row, g_strcmp0 (order, "color") == 0 ? 1 : 0);
  colors = g_settings_get_strv (self->settings, "export-colors");
  for (guint i = 0; i < PX_N_COLORS; i++)
    gtk_switch_set_active (self->color_switches[i], g_strv_contains ((const char *const *)colors, names[i]));
  tags = g_settings_get_string (self->settings, "export-tags");
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_switch_set_active (self->unnoted_switch, g_settings_get_boolean (self->settings, "export-include-unnoted"));
  gtk_switch_set_active (self->full_text_switch, g_settings_get_boolean (self->settings, "export-full-text"));
}

PxExportDialog *
px_export_dialog_new (GtkWindow *parent, PxLibrary *library, PxDocument *document)
{
  PxStore *store;
  PxExportDialog *self;
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) tags = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) tag_infos = NULL;
  g_autoptr (GStrvBuilder) tag_names = g_strv_builder_new ();
  PxExportKind kind;

  g_return_val_if_fail (PX_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PX_IS_STORE (px_library_get_store (library)), NULL);
  g_return_val_if_fail (document == NULL || PX_IS_DOCUMENT (document), NULL);

  self = g_object_new (PX_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  store = px_library_get_store (library);
  self->kinds = g_array_new (FALSE, FALSE, sizeof (PxExportKind));
  self->loading = TRUE;

  if (document != NULL && px_document_get_id (document) > 0)
    {
      g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, px_document_get_id (document), NULL);

      self->document_id = px_document_get_id (document);
      self->document_title = g_strdup (px_document_get_title (document));
      kind = PX_EXPORT_KIND_ARTICLE;
      g_array_append_val (self->kinds, kind);
      gtk_string_list_append (kinds, _ ("This article"));
      if (info != NULL && info->event_id > 0)
        {
          self->event_id = info->event_id;
          self->event_title = g_strdup (info->event_title);
          kind = PX_EXPORT_KIND_EVENT;
          g_array_append_val (self->kinds, kind);
          gtk_string_list_append (kinds, _ ("Its event, with the comparison"));
        }
    }
  tag_infos = px_store_list_tags (store, NULL);
  for (guint i = 0; tag_infos != NULL && i < tag_infos->len; i++)
    {
      PxTagInfo *info = g_ptr_array_index (tag_infos, i);

      g_strv_builder_add (tag_names, info->name);
      gtk_string_list_append (tags, info->name);
    }
  self->tag_names = g_strv_builder_end (tag_names);
  kind = PX_EXPORT_KIND_TAG;
  g_array_append_val (self->kinds, kind);
  gtk_string_list_append (kinds, _ ("Highlights with a tag"));
  kind = PX_EXPORT_KIND_LIBRARY;
  g_array_append_val (self->kinds, kind);
  gtk_string_list_append (kinds, _ ("The whole library, one file per article"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->tag_row, G_LIST_MODEL (tags));

  self->settings = settings_new ();
  restore_settings (self);
  self->loading = FALSE;
  update_rows (self);
  start_preview (self);
  return self;
}

void
px_export_dialog_set_kind (PxExportDialog *self, PxExportKind kind)
{
  g_return_if_fail (PX_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->kinds->len; i++)
    if (g_array_index (self->kinds, PxExportKind, i) == kind)
      adw_combo_row_set_selected (self->kind_row, i);
}

PxExportKind
px_export_dialog_get_kind (PxExportDialog *self)
{
  g_return_val_if_fail (PX_IS_EXPORT_DIALOG (self), PX_EXPORT_KIND_LIBRARY);
  return current_kind (self);
}

char *
px_export_dialog_get_preview (PxExportDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PX_IS_EXPORT_DIALOG (self), NULL);
  buffer = gtk_text_view_get_buffer (self->preview);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
px_export_dialog_set_format (PxExportDialog *self, const char *name)
{
  g_return_if_fail (PX_IS_EXPORT_DIALOG (self));
  for (guint i = 0; i < px_exchange_format_count (); i++)
    if (g_strcmp0 (px_exchange_format_get (i)->name, name) == 0)
      {
        adw_combo_row_set_selected (self->format_row, i + 1);
        return;
      }
  adw_combo_row_set_selected (self->format_row, 0);
}
