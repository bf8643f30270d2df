/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gui/annotations/px-note-editor.h"
#include "annotations/px-annotation.h"
#include "library/px-store.h"

G_BEGIN_DECLS

/* The small popover at a selection or a highlight: six colour swatches
 * (with their meanings as tooltips), Add Note, Tag…, Copy and, for a
 * highlight, Delete; then pages to write the note (spell checked) and to
 * edit the tags (with completion from the codebook). It only reports what
 * the user did, through signals; the caller changes the library. */
#define PX_TYPE_HIGHLIGHT_POPOVER (px_highlight_popover_get_type ())
G_DECLARE_FINAL_TYPE (PxHighlightPopover, px_highlight_popover, PX, HIGHLIGHT_POPOVER, GtkPopover)

PxHighlightPopover *px_highlight_popover_new (void);
/* The library: colour meanings and tag completion come from it. */
void px_highlight_popover_set_store (PxHighlightPopover *self, PxStore *store);
/* While @reason is set (why the library cannot be changed), colours,
 * note, tags and delete are disabled with @reason as their tooltip; Copy
 * still works. NULL enables them again. */
void px_highlight_popover_set_read_only_reason (PxHighlightPopover *self, const char *reason);
const char *px_highlight_popover_get_read_only_reason (PxHighlightPopover *self);
/* The highlight the popover is about; NULL for a fresh selection. */
void px_highlight_popover_set_annotation (PxHighlightPopover *self, PxAnnotation *annotation);
PxAnnotation *px_highlight_popover_get_annotation (PxHighlightPopover *self);
/* The document's language, the default for spelling notes. */
void px_highlight_popover_set_document_language (PxHighlightPopover *self, const char *language);
/* "main", "note" or "tags". */
void px_highlight_popover_show_page (PxHighlightPopover *self, const char *page);
/* Opens below the passage it points at when it fits inside the window,
 * else above it (when there is more room there). */
void px_highlight_popover_place (PxHighlightPopover *self);
const char *px_highlight_popover_get_page (PxHighlightPopover *self);
/* Saves a note being typed at once (before the popover goes away). */
void px_highlight_popover_flush (PxHighlightPopover *self);

GtkWidget *px_highlight_popover_get_swatch (PxHighlightPopover *self, const char *color);
PxNoteEditor *px_highlight_popover_get_note_editor (PxHighlightPopover *self);

G_END_DECLS
