/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PxWindow: importing a web page by its address, fetched in the
 * background (px_library_import_url_async()), in the window's import bar. */
#include "config.h"

#include <glib/gi18n.h>

#include "gui/library/px-url-dialog.h"
#include "gui/window/px-window-private.h"
#include "session/px-library-ops.h"

static void show_url_dialog (PxWindow *self, const char *url);

static void
on_failure_response (GtkWidget *dialog, const char *response, gpointer user_data)
{
  g_autoptr (PxWindow) self = g_weak_ref_get (user_data);
  const char *url = g_object_get_data (G_OBJECT (dialog), "url");

  if (self != NULL && g_strcmp0 (response, "retry") == 0)
    show_url_dialog (self, url);
}

static void
weak_ref_free (gpointer data, GClosure *closure)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
show_failure (PxWindow *self, const char *url, const char *message)
{
  GtkWidget *dialog = px_alert_new (GTK_WIDGET (self), _ ("Could Not Import the Page"), message);
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  px_alert_add_responses (GTK_WIDGET (dialog), "close", _ ("_Close"), "retry", _ ("_Try Again"), NULL);
  px_alert_set_response_appearance (GTK_WIDGET (dialog), "retry", ADW_RESPONSE_SUGGESTED);
  px_alert_set_default_response (GTK_WIDGET (dialog), "retry");
  g_object_set_data_full (G_OBJECT (dialog), "url", g_strdup (url), g_free);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_failure_response), ref, weak_ref_free, 0);
  px_alert_present (dialog);
}

static gboolean
pulse (gpointer user_data)
{
  PxWindow *self = user_data;
  gtk_progress_bar_pulse (self->import_progress);
  return G_SOURCE_CONTINUE;
}

static void
url_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxWindowCall) call = user_data;
  PxWindow *self = call->window;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxImportResult) r = px_library_import_url_finish (PX_LIBRARY (source), result, &error);
  g_autofree char *url = NULL;
  gboolean cancelled;

  /* The window was closed while the page was being fetched. */
  if (self->import_queue == NULL)
    return;
  /* Another library was opened meanwhile: the page, if it came in, stays
   * in the old one, and this one shows nothing of it. */
  if (!_px_window_call_is_current (call))
    {
      if (r != NULL && (r->status == PX_IMPORT_IMPORTED || r->status == PX_IMPORT_UPDATED))
        _px_window_call_toast_elsewhere (call, 1);
      return;
    }
  url = g_steal_pointer (&self->url_importing);
  cancelled = self->import_cancellable && g_cancellable_is_cancelled (self->import_cancellable);
  g_clear_handle_id (&self->url_pulse, g_source_remove);
  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);

  /* Stopped: what was fetched is kept, but not opened over what the
   * reader shows now. */
  if (cancelled && r != NULL && r->status != PX_IMPORT_FAILED)
    {
      px_window_reload_library (self);
      _px_window_toast (self, _ ("Import stopped; the page was already saved in the library"));
    }
  else if (r == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_ ("Could not import: %s"), error->message);
      _px_window_toast (self, msg);
    }
  else if (r->status == PX_IMPORT_FAILED)
    {
      if (cancelled)
        _px_window_toast (self, _ ("Import stopped"));
      else
        show_failure (self, url, r->message);
    }
  else
    {
      g_autofree char *msg = NULL;

      px_window_reload_library (self);
      px_window_open_document (self, r->document_id);
      _px_window_layout_show (self, PX_WINDOW_PANE_READER);
      if (r->status == PX_IMPORT_DUPLICATE)
        msg = g_strdup (_ ("This page is already in the library"));
      else if (r->status == PX_IMPORT_UPDATED)
        msg = g_strdup (r->message);
      else if (r->near_duplicate_of != 0)
        msg = g_strdup_printf (_ ("Imported “%s”, which looks like a copy of “%s”"), r->title ? r->title : "",
                               r->near_duplicate_title ? r->near_duplicate_title : "");
      else
        msg = g_strdup_printf (_ ("Imported “%s”"), r->title ? r->title : "");
      _px_window_toast (self, msg);
    }

  /* Files dropped while the page was fetched. */
  if (self->import_queue->len > 0 && px_library_get_store (self->library) != NULL)
    {
      g_autoptr (GPtrArray) next = g_steal_pointer (&self->import_queue);
      self->import_queue = g_ptr_array_new_with_free_func (g_object_unref);
      px_window_import_files (self, (GFile *const *)next->pdata, next->len);
    }
}

void
px_window_import_url (PxWindow *self, const char *url)
{
  g_autoptr (GUri) uri = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (url != NULL);

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
      _px_window_toast (self, _ ("Wait for the current import to finish"));
      return;
    }
  uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED, NULL);
  label = g_strdup_printf (_ ("Fetching the page from %s…"), uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : url);

  self->import_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->import_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_label), url);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);

  self->url_importing = g_strdup (url);
  self->url_pulse = g_timeout_add (120, pulse, self);
  px_library_import_url_async (self->library, url, self->import_cancellable, url_done, _px_window_call_new (self));
}

static void
on_url_response (GtkWidget *dialog, const char *response, gpointer user_data)
{
  g_autoptr (PxWindow) self = g_weak_ref_get (user_data);
  g_autofree char *url = NULL;

  if (self == NULL || g_strcmp0 (response, "import") != 0)
    return;
  url = px_url_dialog_get_url (PX_URL_DIALOG (dialog));
  px_window_import_url (self, url);
}

static void
show_url_dialog (PxWindow *self, const char *url)
{
  PxUrlDialog *dialog = px_url_dialog_new (GTK_WINDOW (self), url);
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_url_response), ref, weak_ref_free, 0);
  px_alert_present (GTK_WIDGET (dialog));
}

static void
import_url_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  show_url_dialog (PX_WINDOW (widget), NULL);
}

void
_px_window_class_init_url (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-url", NULL, import_url_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.import-url", NULL);
}
