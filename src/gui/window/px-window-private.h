/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared between the files that make up PxWindow. */
#include "gui/window/px-adaptive-bin.h"
#include "gui/library/px-library-banner.h"
#include "gui/window/px-window.h"
#include "gui/annotations/px-annotation-controller.h"

G_BEGIN_DECLS

struct _PxWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toasts;
  AdwWindowTitle *window_title;
  PxLibraryBanner *banner;
  GtkWidget *import_button;
  GtkWidget *empty_import_button;
  GtkStack *main_stack;
  AdwStatusPage *error_page;
  GtkWidget *samples_button;
  PxAdaptiveBin *adaptive;
  GtkWidget *back_button;
  PxWindowLayout layout;
  PxWindowPane pane;             /* which one a narrow layout shows */
  guint layout_tick;             /* a change of layout waiting for the next frame */
  gboolean side_panel_set_aside; /* hidden by a narrow layout, to come back */
  GtkPaned *outer_paned;
  GtkPaned *inner_paned;
  PxLibrarySidebar *sidebar;
  GtkStack *reader_stack;
  PxReaderView *reader;
  PxSidePanel *side_panel;
  GtkRevealer *import_revealer;
  GtkLabel *import_label;
  GtkProgressBar *import_progress;
  GtkRevealer *drop_revealer;

  GSettings *settings;
  PxLibrary *library; /* store, path, access, document */
  PxAnnotationController *annotations;
  gboolean side_panel_restored;
  GCancellable *update_cancellable;
  gboolean updating;      /* an older library is being updated in a worker */
  gint64 pending_open_id; /* the article to show once it is done */
  GtkWidget *shortcuts;   /* the open shortcuts window or dialog (weak) */
  guint library_serial;   /* counts the libraries opened, to tell a late
                           * result of an older one */

  /* Import */
  GCancellable *import_cancellable;
  GPtrArray *import_queue;          /* GFile waiting for the running import */
  GPtrArray *import_failures;       /* PxImportResult of the last import */
  char *url_importing;              /* the address being fetched */
  guint url_pulse;                  /* pulses its progress bar */
  GCancellable *coding_cancellable; /* the running annotations or package import */
};

/* Which library a background operation was started for: its result is
 * shown only while that library is still the one in the window. */
typedef struct
{
  PxWindow *window; /* a strong reference, dropped in the main context */
  guint serial;
  char *library_name;
} PxWindowCall;

PxWindowCall *_px_window_call_new (PxWindow *self);
void _px_window_call_free (PxWindowCall *call);
gboolean _px_window_call_is_current (const PxWindowCall *call);
/* Says that @n articles went into the library @call was started for,
 * now that another is shown. */
void _px_window_call_toast_elsewhere (const PxWindowCall *call, guint n);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxWindowCall, _px_window_call_free)

void _px_window_toast (PxWindow *self, const char *message);
/* What px_window_get_side_panel_visible() answers, for the window's own
 * files (FALSE before the template is built and while it is disposed). */
static inline gboolean
_px_window_side_panel_shown (PxWindow *self)
{
  return self->side_panel != NULL && gtk_widget_get_visible (GTK_WIDGET (self->side_panel));
}
void _px_window_class_init_layout (GtkWidgetClass *widget_class);
void _px_window_init_layout (PxWindow *self);
void _px_window_layout_show (PxWindow *self, PxWindowPane pane);
void _px_window_init_import (PxWindow *self);
void _px_window_dispose_import (PxWindow *self);
/* Drops what the window shows of an import into the library it leaves. */
void _px_window_forget_imports (PxWindow *self);
void _px_window_class_init_import (GtkWidgetClass *widget_class);
void _px_window_class_init_import_coding (GtkWidgetClass *widget_class);
void _px_window_class_init_export (GtkWidgetClass *widget_class);
void _px_window_update_export_actions (PxWindow *self);
void _px_window_class_init_url (GtkWidgetClass *widget_class);
void _px_window_class_init_find (GtkWidgetClass *widget_class);
void _px_window_class_init_events (GtkWidgetClass *widget_class);
void _px_window_init_events (PxWindow *self);
void _px_window_update_event_actions (PxWindow *self, gboolean has_doc, gboolean writable);

G_END_DECLS
