/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/library/px-url-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "import/px-url-fetch.h"

struct _PxUrlDialog
{
  PxAlertBase parent_instance;

  GtkEntry *entry;
};

G_DEFINE_FINAL_TYPE (PxUrlDialog, px_url_dialog, PX_TYPE_ALERT_BASE)

gboolean
px_url_dialog_is_importable (const char *text)
{
  g_autofree char *trimmed = NULL;
  g_autoptr (GUri) uri = NULL;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (!px_url_is_web (trimmed) || strpbrk (trimmed, " \t\n") != NULL)
    return FALSE;
  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

char *
px_url_dialog_get_url (PxUrlDialog *self)
{
  g_return_val_if_fail (PX_IS_URL_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}

static void
on_text_changed (PxUrlDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  gboolean ok = px_url_dialog_is_importable (text);

  px_alert_set_response_enabled (GTK_WIDGET (self), "import", ok);
  /* Say why Import is greyed out, but not while the field is empty. */
  if (*text != '\0' && !ok)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry),
                                   _ ("Only web addresses starting with http:// or https:// can be imported"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), NULL);
    }
}

static void
on_activate (PxUrlDialog *self)
{
  /* Enter in the field imports, as the default response would; unlike a
   * click, emitting the response does not close the dialog by itself. */
  if (px_alert_get_response_enabled (GTK_WIDGET (self), "import"))
    {
      px_alert_response (GTK_WIDGET (self), "import");
      px_dialog_close (GTK_WIDGET (self));
    }
}

static void
on_clipboard_text (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxUrlDialog) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  /* "Paste URL": an address on the clipboard is what the user came for,
   * unless they started typing already. */
  if (px_url_dialog_is_importable (text) && *gtk_editable_get_text (GTK_EDITABLE (self->entry)) == '\0')
    {
      g_strstrip (text);
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
      gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
    }
}

static void
px_url_dialog_class_init (PxUrlDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  px_compat_set_template (widget_class, "/io/github/parallaxapp/Parallax/px-url-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PxUrlDialog, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
px_url_dialog_init (PxUrlDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  px_alert_set_response_enabled (GTK_WIDGET (self), "import", FALSE);
}

PxUrlDialog *
px_url_dialog_new (GtkWindow *parent, const char *url)
{
  PxUrlDialog *self = g_object_new (PX_TYPE_URL_DIALOG, NULL);

  px_alert_set_parent (GTK_WIDGET (self), GTK_WIDGET (parent));

  if (url != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), url);
  else
    gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL, on_clipboard_text,
                                   g_object_ref (self));
  return self;
}
