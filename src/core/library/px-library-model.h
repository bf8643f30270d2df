/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "library/px-document-item.h"

G_BEGIN_DECLS

/* The library list as a GListModel of PxDocumentItem. It keeps the plain
 * rows and makes an item object only when a list row asks for it, so a
 * library of tens of thousands of documents costs little.
 *
 * Once some document belongs to an event, the rows are grouped: each
 * event's documents follow a header item, and the documents of no event
 * come last under a header without a title. A filter (the result of a
 * search) hides documents and the headers of groups left empty. */
#define PX_TYPE_LIBRARY_MODEL (px_library_model_get_type ())
G_DECLARE_FINAL_TYPE (PxLibraryModel, px_library_model, PX, LIBRARY_MODEL, GObject)

PxLibraryModel *px_library_model_new (void);
/* Replaces all rows (takes ownership of @infos, an array of
 * PxDocumentInfo ordered by event as px_store_list_documents() returns
 * them), keeping the filter, emitting one items-changed. */
void px_library_model_set_rows (PxLibraryModel *self, GPtrArray *infos);
/* Shows only the documents whose ids are in @ids (an array of gint64), or
 * every document when @ids is NULL. */
void px_library_model_set_filter (PxLibraryModel *self, GArray *ids);
gboolean px_library_model_is_filtered (PxLibraryModel *self);
/* Position of a document in the list as shown, or G_MAXUINT when it is not
 * shown. */
guint px_library_model_find (PxLibraryModel *self, gint64 id);
/* The row at @position, or NULL for a header or a position out of range. */
const PxDocumentInfo *px_library_model_get_info (PxLibraryModel *self, guint position);
/* Documents shown (not counting headers), and documents in all. */
guint px_library_model_get_n_documents (PxLibraryModel *self);
guint px_library_model_get_n_total (PxLibraryModel *self);

G_END_DECLS
