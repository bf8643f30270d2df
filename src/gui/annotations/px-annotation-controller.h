/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gui/annotations/px-annotations-panel.h"
#include "gui/annotations/px-highlight-layer.h"
#include "gui/annotations/px-highlight-popover.h"
#include "gui/reader/px-reader-view.h"
#include "session/px-library.h"

G_BEGIN_DECLS

/* Highlighting on a reader: it follows the library's document, draws its
 * highlights on the reader (PxHighlightLayer), opens the popover at a
 * selection or a highlight (its store, read-only reason and spelling
 * language bound to the library's), fills the "Highlights" panel, and
 * owns the "annot" actions with their keys in the reader (1–6, N,
 * Delete).
 *
 * Whoever shows it (the window) puts the panel in view, inserts the
 * actions as "annot" where its buttons and keys are, adds
 * px_annotation_controller_window_shortcuts_new() (Ctrl+Z, Ctrl+Shift+Z,
 * Ctrl+T) to its toplevel, and listens to "toast" (an AdwToast to show)
 * and "open-document" (the id of an article to show in the reader). */
#define PX_TYPE_ANNOTATION_CONTROLLER (px_annotation_controller_get_type ())
G_DECLARE_FINAL_TYPE (PxAnnotationController, px_annotation_controller, PX, ANNOTATION_CONTROLLER, GObject)

PxAnnotationController *px_annotation_controller_new (PxLibrary *library, PxReaderView *reader);
/* Lets go of the reader's widgets; its owner calls it first thing when it
 * is disposed, while they still exist. */
void px_annotation_controller_shutdown (PxAnnotationController *self);
GActionGroup *px_annotation_controller_get_actions (PxAnnotationController *self);
GtkEventController *px_annotation_controller_window_shortcuts_new (void);

PxAnnotationList *px_annotation_controller_get_list (PxAnnotationController *self);
PxHighlightLayer *px_annotation_controller_get_layer (PxAnnotationController *self);
/* The highlight popover, made the first time it is needed (or asked for). */
PxHighlightPopover *px_annotation_controller_get_popover (PxAnnotationController *self);
/* The "Highlight deleted" toast while it is shown. */
AdwToast *px_annotation_controller_get_undo_toast (PxAnnotationController *self);
PxAnnotationsPanel *px_annotation_controller_get_panel (PxAnnotationController *self);
/* Reads the open article's highlights and the codebook again (after an
 * import changed them behind the list). */
void px_annotation_controller_reload (PxAnnotationController *self);

/* Highlights the reader's selection in @color; returns the new highlight
 * (borrowed) or NULL, with a toast explaining why. */
PxAnnotation *px_annotation_controller_highlight_selection (PxAnnotationController *self, const char *color);

G_END_DECLS
