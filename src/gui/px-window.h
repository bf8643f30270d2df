/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gui/px-application.h"
#include "gui/px-reader-view.h"

G_BEGIN_DECLS

#define PX_TYPE_WINDOW (px_window_get_type ())
G_DECLARE_FINAL_TYPE (PxWindow, px_window, PX, WINDOW, AdwApplicationWindow)

PxWindow *px_window_new (PxApplication *app, const char *library_path, gint64 open_id);

/* Imports files in a worker thread; results come back as toasts. */
void px_window_import_files (PxWindow *self, GFile *const *files, guint n_files);
/* Shows a document in the reader. */
void px_window_open_document (PxWindow *self, gint64 id);
/* For tests and the screenshot tool. */
PxReaderView *px_window_get_reader (PxWindow *self);

G_END_DECLS
