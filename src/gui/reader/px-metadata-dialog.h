/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "documents/px-document.h"

G_BEGIN_DECLS

/* Edits a document's title, outlet, author, date and URL. It only checks
 * the values; whoever opened it saves them on "save" and then closes it,
 * or shows why saving failed with px_metadata_dialog_set_error(). */
#define PX_TYPE_METADATA_DIALOG (px_metadata_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PxMetadataDialog, px_metadata_dialog, PX, METADATA_DIALOG, AdwWindow)

PxMetadataDialog *px_metadata_dialog_new (GtkWindow *parent, PxDocument *doc);
gint64 px_metadata_dialog_get_document_id (PxMetadataDialog *self);
/* One of "title", "outlet", "author", "published", "url". */
GtkEditable *px_metadata_dialog_get_field (PxMetadataDialog *self, const char *name);
/* TRUE when every field holds an acceptable value. */
gboolean px_metadata_dialog_is_valid (PxMetadataDialog *self);
/* Copies the fields into @doc (empty fields become NULL). */
void px_metadata_dialog_apply (PxMetadataDialog *self, PxDocument *doc);
/* What the Save button does: emits "save" if the values are valid. */
void px_metadata_dialog_save (PxMetadataDialog *self);
void px_metadata_dialog_set_error (PxMetadataDialog *self, const char *message);

/* The message shown under the fields, or NULL. */
const char *px_metadata_dialog_get_error (PxMetadataDialog *self);

G_END_DECLS
