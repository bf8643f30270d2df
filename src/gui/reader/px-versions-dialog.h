/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "library/px-store.h"

G_BEGIN_DECLS

/* The versions of an article (a page fetched again, a file imported
 * again): pick a version to read, and another to compare it with; the
 * text then shows the words removed (struck through) and added
 * (underlined) since the older one, and above it the changes listed: a
 * changed headline, quotations removed, altered or added, and changed
 * numbers. Reached from the reader (the Versions button by the byline)
 * and the main menu ("Versions of This Article"). */
#define PX_TYPE_VERSIONS_DIALOG (px_versions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PxVersionsDialog, px_versions_dialog, PX, VERSIONS_DIALOG, AdwWindow)

/* Reads every version of @document_id from @store (not kept); NULL with
 * an error when the document is not there. */
PxVersionsDialog *px_versions_dialog_new (GtkWindow *parent, PxStore *store, gint64 document_id, GError **error);

guint px_versions_dialog_get_n_versions (PxVersionsDialog *self);
/* Shows version @shown (1 for the first import) compared with version
 * @base (the same number to read it alone), as the two menus do. */
void px_versions_dialog_show (PxVersionsDialog *self, guint shown, guint base);
/* For tests: the listed changes, one a line, and the text with the
 * removed words in [-…-] and the added ones in {+…+}. */
const char *px_versions_dialog_get_changes_text (PxVersionsDialog *self);
char *px_versions_dialog_get_marked_text (PxVersionsDialog *self);

G_END_DECLS
