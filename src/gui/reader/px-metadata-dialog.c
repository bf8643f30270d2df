/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/reader/px-metadata-dialog.h"

#include <glib/gi18n.h>

#include "gui/common/px-format.h"

struct _PxMetadataDialog
{
  AdwWindow parent_instance;

  GtkWidget *save_button;
  AdwEntryRow *title_row;
  AdwEntryRow *outlet_row;
  AdwEntryRow *author_row;
  AdwEntryRow *published_row;
  AdwEntryRow *url_row;
  GtkLabel *message_label;

  gint64 document_id;
  gboolean edited; /* past the first validation, as the dialog opened */
};

G_DEFINE_FINAL_TYPE (PxMetadataDialog, px_metadata_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVE,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static char *
field_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
url_is_valid (const char *text)
{
  g_autofree char *scheme = NULL;

  if (*text == '\0')
    return TRUE;
  scheme = g_uri_parse_scheme (text);
  return scheme != NULL && g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL);
}

static void
mark (AdwEntryRow *row, gboolean ok)
{
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

/* Marks the fields that are wrong and says why; Save works only when
 * none is. */
static gboolean
validate (PxMetadataDialog *self)
{
  g_autofree char *title = field_text (self->title_row);
  g_autofree char *published = field_text (self->published_row);
  g_autofree char *url = field_text (self->url_row);
  g_autofree char *date = px_format_parse_date (published);
  gboolean title_ok = *title != '\0';
  gboolean date_ok = *published == '\0' || date != NULL;
  gboolean url_ok = url_is_valid (url);
  const char *message = NULL;

  /* A title still missing as the dialog opens is not an error yet: Save
   * waits for it, the message for the first edit. */
  mark (self->title_row, title_ok || !self->edited);
  mark (self->published_row, date_ok);
  mark (self->url_row, url_ok);
  if (!title_ok && self->edited)
    message = _ ("An article needs a title.");
  else if (!date_ok)
    message = _ ("Write the date as year-month-day, for example 2024-03-18.");
  else if (!url_ok)
    message = _ ("The address should be a full URL, for example https://example.org/story.");
  px_metadata_dialog_set_error (self, message);
  gtk_widget_set_sensitive (self->save_button, message == NULL && title_ok);
  return message == NULL && title_ok;
}

static void
px_metadata_dialog_class_init (PxMetadataDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SAVE] =
      g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-metadata-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PxMetadataDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PxMetadataDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, PxMetadataDialog, outlet_row);
  gtk_widget_class_bind_template_child (widget_class, PxMetadataDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, PxMetadataDialog, published_row);
  gtk_widget_class_bind_template_child (widget_class, PxMetadataDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, PxMetadataDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, px_metadata_dialog_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
px_metadata_dialog_init (PxMetadataDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_field (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

PxMetadataDialog *
px_metadata_dialog_new (GtkWindow *parent, PxDocument *doc)
{
  PxMetadataDialog *self;

  g_return_val_if_fail (PX_IS_DOCUMENT (doc), NULL);
  self = g_object_new (PX_TYPE_METADATA_DIALOG, "transient-for", parent, NULL);
  self->document_id = px_document_get_id (doc);
  set_field (self->title_row, px_document_get_title (doc));
  set_field (self->outlet_row, px_document_get_outlet (doc));
  set_field (self->author_row, px_document_get_author (doc));
  set_field (self->published_row, px_document_get_published (doc));
  set_field (self->url_row, px_document_get_url (doc));
  validate (self);
  self->edited = TRUE;
  return self;
}

gint64
px_metadata_dialog_get_document_id (PxMetadataDialog *self)
{
  g_return_val_if_fail (PX_IS_METADATA_DIALOG (self), 0);
  return self->document_id;
}

GtkEditable *
px_metadata_dialog_get_field (PxMetadataDialog *self, const char *name)
{
  g_return_val_if_fail (PX_IS_METADATA_DIALOG (self), NULL);

  if (g_strcmp0 (name, "title") == 0)
    return GTK_EDITABLE (self->title_row);
  if (g_strcmp0 (name, "outlet") == 0)
    return GTK_EDITABLE (self->outlet_row);
  if (g_strcmp0 (name, "author") == 0)
    return GTK_EDITABLE (self->author_row);
  if (g_strcmp0 (name, "published") == 0)
    return GTK_EDITABLE (self->published_row);
  if (g_strcmp0 (name, "url") == 0)
    return GTK_EDITABLE (self->url_row);
  g_return_val_if_reached (NULL);
}

gboolean
px_metadata_dialog_is_valid (PxMetadataDialog *self)
{
  g_return_val_if_fail (PX_IS_METADATA_DIALOG (self), FALSE);
  return validate (self);
}

void
px_metadata_dialog_apply (PxMetadataDialog *self, PxDocument *doc)
{
  g_autofree char *title = field_text (self->title_row);
  g_autofree char *outlet = field_text (self->outlet_row);
  g_autofree char *author = field_text (self->author_row);
  g_autofree char *published = field_text (self->published_row);
  g_autofree char *url = field_text (self->url_row);

  g_return_if_fail (PX_IS_METADATA_DIALOG (self));
  g_return_if_fail (PX_IS_DOCUMENT (doc));

  /* The document setters store empty strings as NULL. */
  px_document_set_title (doc, title);
  px_document_set_outlet (doc, outlet);
  px_document_set_author (doc, author);
  {
    /* As people write dates, stored as year-month-day. */
    g_autofree char *iso = px_format_parse_date (published);
    px_document_set_published (doc, iso != NULL ? iso : published);
  }
  px_document_set_url (doc, url);
}

void
px_metadata_dialog_save (PxMetadataDialog *self)
{
  g_return_if_fail (PX_IS_METADATA_DIALOG (self));
  if (validate (self))
    g_signal_emit (self, signals[SAVE], 0);
}

void
px_metadata_dialog_set_error (PxMetadataDialog *self, const char *message)
{
  g_return_if_fail (PX_IS_METADATA_DIALOG (self));
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

const char *
px_metadata_dialog_get_error (PxMetadataDialog *self)
{
  g_return_val_if_fail (PX_IS_METADATA_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_label (self->message_label) : NULL;
}
