/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/px-document-item.h"

G_BEGIN_DECLS

/* The library list as a GListModel of PxDocumentItem. It keeps the plain
 * rows and makes an item object only when a list row asks for it, so a
 * library of tens of thousands of documents costs little. */
#define PX_TYPE_LIBRARY_MODEL (px_library_model_get_type ())
G_DECLARE_FINAL_TYPE (PxLibraryModel, px_library_model, PX, LIBRARY_MODEL, GObject)

PxLibraryModel *px_library_model_new (void);
/* Replaces all rows (takes ownership of @infos, an array of
 * PxDocumentInfo), emitting one items-changed. */
void px_library_model_set_rows (PxLibraryModel *self, GPtrArray *infos);
/* Position of a document, or G_MAXUINT. */
guint px_library_model_find (PxLibraryModel *self, gint64 id);

G_END_DECLS
