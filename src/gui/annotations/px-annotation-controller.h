/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gui/annotations/px-annotations-panel.h"
#include "gui/annotations/px-highlight-layer.h"
#include "gui/annotations/px-highlight-popover.h"
#include "gui/px-window.h"

G_BEGIN_DECLS

/* Highlighting in a window: it follows the window's document, draws its
 * highlights on the reader (PxHighlightLayer), opens the popover at a
 * selection or a highlight, fills the "Highlights" side page, and owns the
 * "annot" actions with their keys (1–6, N, Delete in the reader; Ctrl+Z
 * and Ctrl+Shift+Z in the window). The window keeps it alive. */
#define PX_TYPE_ANNOTATION_CONTROLLER (px_annotation_controller_get_type ())
G_DECLARE_FINAL_TYPE (PxAnnotationController, px_annotation_controller, PX, ANNOTATION_CONTROLLER, GObject)

/* Creates the controller of @window (once). */
PxAnnotationController *px_annotation_controller_attach (PxWindow *window);
PxAnnotationController *px_annotation_controller_get (PxWindow *window);
/* Lets go of the window's widgets; the window calls it first thing when
 * it is disposed, while its widgets still exist. */
void px_annotation_controller_detach (PxWindow *window);

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
