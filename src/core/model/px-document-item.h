/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "store/px-store.h"

G_BEGIN_DECLS

/* One row of the library list, as an object for list models. */
#define PX_TYPE_DOCUMENT_ITEM (px_document_item_get_type ())
G_DECLARE_FINAL_TYPE (PxDocumentItem, px_document_item, PX, DOCUMENT_ITEM, GObject)

/* Takes ownership of @info. */
PxDocumentItem *px_document_item_new (PxDocumentInfo *info);
const PxDocumentInfo *px_document_item_get_info (PxDocumentItem *self);
gint64 px_document_item_get_id (PxDocumentItem *self);

G_END_DECLS
