/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PxWindow: importing a coder's annotations (W3C Web Annotation JSON-LD
 * or a Hypothesis export) and a coding package from the main menu, in the
 * background (px_library_import_coding_async()), with a report of what
 * came in. */
#include "config.h"

#include <glib/gi18n.h>

#include "gui/common/px-compat.h"
#include "gui/window/px-window-private.h"
#include "session/px-library-coding.h"

/* Set on the window while an import of this kind runs. */
#define BUSY_KEY "px-coding-import-busy"

/* What the callback needs to report. */
typedef struct
{
  PxWindowCall *call;
  GFile *file;
  gboolean package;
} Job;

static void
job_free (Job *job)
{
  _px_window_call_free (job->call);
  g_object_unref (job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* One line of the report: @format (translated, with one %u) for @n. */
static void
add_count (GString *body, const char *format, guint n)
{
  if (body->len > 0)
    g_string_append_c (body, '\n');
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_string_append_printf (body, format, n);
#pragma GCC diagnostic pop
}

static char *
describe (const PxCodingImportCounts *c, gboolean package)
{
  GString *body = g_string_new (NULL);

  if (package)
    {
      add_count (body, ngettext ("%u article imported", "%u articles imported", c->imported), c->imported);
      add_count (
          body,
          ngettext ("%u article was already in the library", "%u articles were already in the library", c->duplicate),
          c->duplicate);
      return g_string_free (body, FALSE);
    }
  add_count (body, ngettext ("%u highlight imported", "%u highlights imported", c->imported), c->imported);
  add_count (
      body,
      ngettext ("%u highlight was already in the library", "%u highlights were already in the library", c->duplicate),
      c->duplicate);
  add_count (body,
             ngettext ("%u orphaned: its passage was not found in the article (kept in the Highlights panel)",
                       "%u orphaned: their passages were not found in the articles (kept in the Highlights panel)",
                       c->orphaned),
             c->orphaned);
  if (c->missing > 0)
    add_count (body,
               ngettext ("%u not imported: its article is not in this library",
                         "%u not imported: their articles are not in this library", c->missing),
               c->missing);
  return g_string_free (body, FALSE);
}

static void
set_busy (PxWindow *self, gboolean busy)
{
  g_object_set_data (G_OBJECT (self), BUSY_KEY, GINT_TO_POINTER (busy));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-annotations", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-package", !busy);
}

static void
import_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Job) job = user_data;
  PxWindow *self = job->call->window;
  g_autoptr (GError) error = NULL;
  g_autofree PxCodingImportCounts *counts = px_library_import_coding_finish (PX_LIBRARY (source), result, &error);
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  set_busy (self, FALSE);
  if (self->library == NULL || px_library_get_store (self->library) == NULL)
    return; /* the library was closed meanwhile */
  /* Another library was opened meanwhile: nothing of the old one's import
   * is shown in it. */
  if (!_px_window_call_is_current (job->call))
    {
      if (counts != NULL && job->package)
        _px_window_call_toast_elsewhere (job->call, counts->imported);
      return;
    }
  g_clear_object (&self->coding_cancellable);
  if (counts == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("Could not import “%s”: %s"), name, error->message);
      _px_window_toast (self, message);
      return;
    }
  px_window_reload_library (self);
  if (job->package && counts->first_document != 0)
    {
      px_window_open_document (self, counts->first_document);
      _px_window_layout_show (self, PX_WINDOW_PANE_READER);
    }
  else if (self->annotations != NULL)
    px_annotation_controller_reload (self->annotations);
  body = describe (counts, job->package);
  dialog =
      px_alert_new (GTK_WIDGET (self), job->package ? _ ("Coding Package Imported") : _ ("Annotations Imported"), body);
  gtk_widget_set_tooltip_text (dialog, name);
  px_alert_add_response (GTK_WIDGET (dialog), "close", _ ("_Close"));
  px_alert_present (dialog);
}

static void
start (PxWindow *self, GFile *file, gboolean package)
{
  Job *job;

  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
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
  if (g_object_get_data (G_OBJECT (self), BUSY_KEY) != NULL)
    return;
  job = g_new0 (Job, 1);
  job->call = _px_window_call_new (self);
  job->file = g_object_ref (file);
  job->package = package;
  set_busy (self, TRUE);
  g_clear_object (&self->coding_cancellable);
  self->coding_cancellable = g_cancellable_new ();
  px_library_import_coding_async (self->library, file, package, self->coding_cancellable, import_done, job);
}

void
px_window_import_annotations_file (PxWindow *self, GFile *file)
{
  start (self, file, FALSE);
}

void
px_window_import_package_file (PxWindow *self, GFile *file)
{
  start (self, file, TRUE);
}

static void
on_chosen (GObject *source, GAsyncResult *result, gpointer user_data, gboolean package)
{
  g_autoptr (PxWindow) self = px_weak_ref_steal (user_data);
  g_autoptr (GFile) file = px_file_choose_finish_one (result, NULL);

  if (file != NULL && self != NULL)
    start (self, file, package);
}

static void
on_package_chosen (GObject *source, GAsyncResult *result, gpointer user_data)
{
  on_chosen (source, result, user_data, TRUE);
}

static void
on_annotations_chosen (GObject *source, GAsyncResult *result, gpointer user_data)
{
  on_chosen (source, result, user_data, FALSE);
}

static void
show_chooser (PxWindow *self, gboolean package)
{
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  PxFileRequest request = {
    .mode = PX_FILE_OPEN,
    .title = package ? _ ("Import Coding Package") : _ ("Import Annotations"),
    .accept_label = _ ("_Import"),
    .filters = G_LIST_MODEL (filters),
  };
  g_autoptr (GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, package ? _ ("Coding Packages") : _ ("Web Annotations and Hypothesis Exports"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_mime_type (json, "application/ld+json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_suffix (json, "jsonld");
  gtk_file_filter_set_name (all, _ ("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, json);
  g_list_store_append (filters, all);
  px_file_choose (GTK_WINDOW (self), &request, NULL, package ? on_package_chosen : on_annotations_chosen,
                  px_weak_ref_new (self));
}

static void
import_annotations_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  show_chooser (PX_WINDOW (widget), FALSE);
}

static void
import_package_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  show_chooser (PX_WINDOW (widget), TRUE);
}

void
_px_window_class_init_import_coding (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-annotations", NULL, import_annotations_action);
  gtk_widget_class_install_action (widget_class, "win.import-package", NULL, import_package_action);
}
