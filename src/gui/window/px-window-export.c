/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's export actions: the Export dialog, "Copy as Markdown"
 * for one highlight and for the open article's highlights, the article's
 * citation, and the agreement between coders. */
#include <glib/gi18n.h>

#include "export/px-export.h"
#include "formats/px-citation.h"
#include "gui/coding/px-agreement-window.h"
#include "gui/export/px-export-dialog.h"
#include "gui/window/px-window-private.h"
#include "annotations/px-store-annotations.h"
#include "export/px-store-export.h"

static void
on_exported (PxExportDialog *dialog, const char *path, PxWindow *self)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *message = g_strdup_printf (_ ("Exported to “%s”"), base);

  _px_window_toast (self, message);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  PxExportDialog *dialog;

  if (px_library_get_store (self->library) == NULL)
    return;
  dialog = px_export_dialog_new (GTK_WINDOW (self), self->library, px_library_get_document (self->library));
  /* From a damaged library, save everything that can still be read. */
  if (px_library_get_access (self->library) == PX_STORE_ACCESS_READ_ONLY_DAMAGED)
    px_export_dialog_set_kind (dialog, PX_EXPORT_KIND_LIBRARY);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_text (PxWindow *self, const char *text, const char *message)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  _px_window_toast (self, message);
}

static const char *
meaning_of (GPtrArray *colors, const char *color)
{
  for (guint i = 0; colors != NULL && i < colors->len; i++)
    {
      PxColorInfo *info = g_ptr_array_index (colors, i);

      if (g_strcmp0 (info->name, color) == 0)
        return info->meaning;
    }
  return NULL;
}

/* win.copy-annotation-markdown(int64 id): what the highlight popover and
 * the annotations list call for one highlight. */
static void
copy_annotation_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxAnnotation) annotation = NULL;
  g_autoptr (PxDocument) other = NULL;
  g_autoptr (GPtrArray) colors = NULL;
  g_autofree char *markdown = NULL;
  PxDocument *doc;

  if (px_library_get_store (self->library) == NULL)
    return;
  annotation = px_store_get_annotation (px_library_get_store (self->library), g_variant_get_int64 (param), &error);
  if (annotation == NULL)
    {
      _px_window_toast (self, error->message);
      return;
    }
  doc = px_library_get_document (self->library);
  if (doc == NULL || px_document_get_id (doc) != px_annotation_get_document_id (annotation))
    doc = other =
        px_store_load_document (px_library_get_store (self->library), px_annotation_get_document_id (annotation), NULL);
  colors = px_store_list_colors (px_library_get_store (self->library), NULL);
  markdown = px_export_annotation_markdown (annotation, doc, meaning_of (colors, px_annotation_get_color (annotation)));
  copy_text (self, markdown, _ ("Highlight copied as Markdown"));
}

/* win.copy-annotations-markdown: the open article's highlights, as the
 * article export writes them. */
static void
copy_annotations_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxExportOptions) options = px_export_options_new ();
  g_autofree char *markdown = NULL;

  if (px_library_get_store (self->library) == NULL || px_library_get_document (self->library) == NULL)
    return;
  markdown =
      px_export_document_from_store (px_library_get_store (self->library),
                                     px_document_get_id (px_library_get_document (self->library)), options, &error);
  if (markdown == NULL)
    {
      _px_window_toast (self, error->message);
      return;
    }
  copy_text (self, markdown, _ ("Highlights copied as Markdown"));
}

/* win.copy-citation: the open article as a line to paste into a text. */
static void
copy_citation_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autofree char *accessed = NULL;
  g_autofree char *citation = NULL;

  if (px_library_get_store (self->library) == NULL || px_library_get_document (self->library) == NULL)
    return;
  accessed = px_store_get_document_imported (px_library_get_store (self->library),
                                             px_document_get_id (px_library_get_document (self->library)), NULL);
  citation = px_citation_text (px_library_get_document (self->library), accessed);
  copy_text (self, citation, _ ("Citation copied"));
}

/* win.agreement: for the open article's event, else the whole library. */
static void
agreement_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  gint64 event_id = px_library_get_document (self->library) != NULL
                        ? px_document_get_event_id (px_library_get_document (self->library))
                        : 0;
  g_autofree char *title = NULL;
  PxAgreementWindow *window;

  if (px_library_get_store (self->library) == NULL)
    return;
  if (event_id > 0 &&
      !px_store_get_event_documents (px_library_get_store (self->library), event_id, &title, NULL, NULL))
    event_id = 0;
  window = px_agreement_window_new (GTK_WINDOW (self), px_store_get_path (px_library_get_store (self->library)),
                                    event_id, title);
  gtk_window_present (GTK_WINDOW (window));
}

void
_px_window_update_export_actions (PxWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", px_library_get_store (self->library) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-annotation-markdown",
                                 px_library_get_store (self->library) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-annotations-markdown",
                                 px_library_get_store (self->library) != NULL &&
                                     px_library_get_document (self->library) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-citation",
                                 px_library_get_store (self->library) != NULL &&
                                     px_library_get_document (self->library) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.agreement", px_library_get_store (self->library) != NULL);
}

void
_px_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  /* Ctrl+E edits the article's details already. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_install_action (widget_class, "win.copy-annotation-markdown", "x", copy_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.copy-annotations-markdown", NULL, copy_annotations_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.agreement", NULL, agreement_action);
}
