/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "documents/px-document-info.h"

G_BEGIN_DECLS

/* One row of the library list, as an object for list models: a document,
 * or the header that starts the documents of one event. */
#define PX_TYPE_DOCUMENT_ITEM (px_document_item_get_type ())
G_DECLARE_FINAL_TYPE (PxDocumentItem, px_document_item, PX, DOCUMENT_ITEM, GObject)

/* Takes ownership of @info. */
PxDocumentItem *px_document_item_new (PxDocumentInfo *info);
/* A group header: @event_title may be NULL for the documents that belong
 * to no event; @n_documents is how many documents follow it. */
PxDocumentItem *px_document_item_new_header (gint64 event_id, const char *event_title, guint n_documents);
gboolean px_document_item_is_header (PxDocumentItem *self);
/* For a header, id is 0 and event_id/event_title describe the group. */
const PxDocumentInfo *px_document_item_get_info (PxDocumentItem *self);
gint64 px_document_item_get_id (PxDocumentItem *self);
guint px_document_item_get_n_documents (PxDocumentItem *self);

G_END_DECLS
