/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gui/annotations/px-annotation-controller.h"
#include "gui/window/px-application.h"
#include "gui/library/px-library-banner.h"
#include "gui/library/px-library-sidebar.h"
#include "gui/reader/px-reader-view.h"
#include "gui/window/px-side-panel.h"
#include "session/px-library.h"

G_BEGIN_DECLS

/* The main window: library sidebar, reader, side panel.
 *
 * What its widgets share lives in a PxLibrary (px_window_get_library()):
 * the store, its path and access state, the document in the reader, and
 * the "changed" signal (documents were added, removed or edited; the list
 * has been reloaded). Widgets take that library and bind to it; they do
 * not call back into the window. The window's own "document", "writable"
 * and "library-changed" follow the library's, for tests and tools;
 * px_window_add_side_page() puts a panel in the side panel. */
#define PX_TYPE_WINDOW (px_window_get_type ())
G_DECLARE_FINAL_TYPE (PxWindow, px_window, PX, WINDOW, AdwApplicationWindow)

PxWindow *px_window_new (PxApplication *app, const char *library_path, gint64 open_id);

/* Opens another library file in this window. On failure the window shows
 * the error page and @error is set; the file is never overwritten. */
gboolean px_window_set_library (PxWindow *self, const char *path, GError **error);
/* The same, with px_store_open() flags (PX_STORE_OPEN_READ_ONLY to look
 * without any risk of changing the library). */
gboolean px_window_open_library (PxWindow *self, const char *path, PxStoreOpenFlags flags, GError **error);
/* TRUE while a library from an older version is updated in the
 * background (the window shows a page saying so; the library opens when
 * it is done). px_window_open_library() returns TRUE then. */
gboolean px_window_is_updating_library (PxWindow *self);
const char *px_window_get_library_path (PxWindow *self);
/* The UI thread's connection, or NULL when no library is open. */
PxStore *px_window_get_store (PxWindow *self);
/* The session the window's widgets share: store, path, access, document
 * (what px_window_get_store() and the others below read). */
PxLibrary *px_window_get_library (PxWindow *self);
/* FALSE when no library is open or it cannot be changed (read-only,
 * locked, damaged): everything that would write is disabled then. The
 * "writable" property notifies changes. */
gboolean px_window_get_writable (PxWindow *self);
/* Why the library cannot be changed, for tooltips; NULL when it can. */
const char *px_window_get_read_only_reason (PxWindow *self);
/* Reloads the library list from the store, keeping search and selection. */
void px_window_reload_library (PxWindow *self);

/* Imports files and folders in a worker thread, with progress in the
 * window; results come back as toasts. Queued while another import runs. */
void px_window_import_files (PxWindow *self, GFile *const *files, guint n_files);
/* Imports a coder's annotations (W3C Web Annotation JSON-LD or a
 * Hypothesis export) or a coding package in a worker, then shows what
 * came in (imported, already there, orphaned) in a dialog; what the
 * main menu's "Import Annotations…" and "Import Coding Package…" do. */
void px_window_import_annotations_file (PxWindow *self, GFile *file);
void px_window_import_package_file (PxWindow *self, GFile *file);
gboolean px_window_is_importing (PxWindow *self);
/* Fetches a web page in the background and adds it to the library; a
 * failure is explained in a dialog that offers to try again. */
void px_window_import_url (PxWindow *self, const char *url);
/* The folder of sample articles shipped with Parallax, or NULL. */
char *px_window_find_samples_dir (void);

/* Shows a document in the reader and selects it in the list. */
void px_window_open_document (PxWindow *self, gint64 id);
PxDocument *px_window_get_document (PxWindow *self);

/* Adds a page to the side panel, or replaces the page of that name
 * ("annotations" and "compare" start as placeholders). */
void px_window_add_side_page (PxWindow *self, GtkWidget *page, const char *name, const char *title,
                              const char *icon_name);
void px_window_set_side_panel_visible (PxWindow *self, gboolean visible);
gboolean px_window_get_side_panel_visible (PxWindow *self);

/* How many panes the window's width allows (see px-window-layout.c). */
typedef enum
{
  PX_WINDOW_LAYOUT_WIDE,   /* library | reader | side panel */
  PX_WINDOW_LAYOUT_MEDIUM, /* two of them */
  PX_WINDOW_LAYOUT_NARROW, /* one */
} PxWindowLayout;

typedef enum
{
  PX_WINDOW_PANE_LIBRARY,
  PX_WINDOW_PANE_READER,
} PxWindowPane;

PxWindowLayout px_window_get_layout (PxWindow *self);
/* The pane a narrow layout shows when the side panel is hidden. */
PxWindowPane px_window_get_pane (PxWindow *self);

PxReaderView *px_window_get_reader (PxWindow *self);
PxLibrarySidebar *px_window_get_sidebar (PxWindow *self);
PxSidePanel *px_window_get_side_panel (PxWindow *self);
PxLibraryBanner *px_window_get_banner (PxWindow *self);
/* Highlighting in the reader (for tests). */
PxAnnotationController *px_window_get_annotation_controller (PxWindow *self);

G_END_DECLS
