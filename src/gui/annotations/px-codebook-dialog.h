/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gui/common/px-compat.h"

#include "library/px-store.h"

G_BEGIN_DECLS

/* The library's codebook: what each highlight colour means, and the tags
 * with how many highlights carry each. Tags are created, renamed,
 * recoloured, merged and deleted here; deleting a tag that highlights
 * carry asks first. Every change is saved at once and can be undone
 * (Ctrl+Z, or the toast's Undo) and redone (Ctrl+Shift+Z) while the
 * dialog is open. Emits "changed"
 * after each change, so views of annotations can reload. */
#define PX_TYPE_CODEBOOK_DIALOG (px_codebook_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PxCodebookDialog, px_codebook_dialog, PX, CODEBOOK_DIALOG, PxPreferencesBase)

/* Show it with px_preferences_present(). */
PxCodebookDialog *px_codebook_dialog_new (PxStore *store);

/* The row of the tag named @name (ignoring case), or NULL. */
AdwActionRow *px_codebook_dialog_find_tag_row (PxCodebookDialog *self, const char *name);
/* The entry row of a colour's meaning ("yellow"…). */
AdwEntryRow *px_codebook_dialog_get_meaning_row (PxCodebookDialog *self, const char *color);
/* The row that creates a tag. */
AdwEntryRow *px_codebook_dialog_get_new_tag_row (PxCodebookDialog *self);

/* What the row buttons do. Failures are shown in a toast and return
 * FALSE. Deleting a tag in use opens a confirmation first and returns
 * TRUE; see px_codebook_dialog_get_confirmation(). */
gboolean px_codebook_dialog_rename_tag (PxCodebookDialog *self, gint64 id, const char *name);
gboolean px_codebook_dialog_set_tag_color (PxCodebookDialog *self, gint64 id, const char *color);
gboolean px_codebook_dialog_merge_tags (PxCodebookDialog *self, gint64 from_id, gint64 into_id);
gboolean px_codebook_dialog_delete_tag (PxCodebookDialog *self, gint64 id);
/* Undoes the latest change made in the dialog; FALSE when there is none
 * or it cannot be undone (a toast says why). */
gboolean px_codebook_dialog_undo (PxCodebookDialog *self);
/* Makes the latest undone change again (Ctrl+Shift+Z). */
gboolean px_codebook_dialog_redo (PxCodebookDialog *self);
/* The question shown before a delete, while it is open. */
GtkWidget *px_codebook_dialog_get_confirmation (PxCodebookDialog *self);

G_END_DECLS
