/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "export/px-export-options.h"
#include "session/px-library-ops.h"

G_BEGIN_DECLS

/* The Export dialog: what to export (the open article, its event, a tag,
 * the whole library), the options, and a live preview of the Markdown,
 * generated in the background on a connection of its own. "Export…" asks
 * for a file (a folder for the library) with the portal-friendly chooser,
 * writes it in the background and emits "exported" with the path. The
 * last choices are kept in GSettings. */
#define PX_TYPE_EXPORT_DIALOG (px_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PxExportDialog, px_export_dialog, PX, EXPORT_DIALOG, AdwWindow)

/* @library has a store open (read on this thread for the tag list; the
 * preview and the export run with px_library_export_async()); @document
 * may be NULL. */
PxExportDialog *px_export_dialog_new (GtkWindow *parent, PxLibrary *library, PxDocument *document);

void px_export_dialog_set_kind (PxExportDialog *self, PxExportKind kind);
PxExportKind px_export_dialog_get_kind (PxExportDialog *self);
/* An exchange format by its command-line name ("w3c", "qdpx"…; see
 * formats/px-exchange-format.h), or Markdown for anything else. */
void px_export_dialog_set_format (PxExportDialog *self, const char *name);
/* The options as chosen. */
PxExportOptions *px_export_dialog_get_options (PxExportDialog *self);
/* The text the preview shows (for tests). */
char *px_export_dialog_get_preview (PxExportDialog *self);
/* Writes the export to @path (a folder for the library) in the background,
 * as "Export…" does once a file is chosen. */
void px_export_dialog_save_to (PxExportDialog *self, const char *path);

G_END_DECLS
