/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "annotations/px-annotation-list.h"

G_BEGIN_DECLS

/* The "Highlights" page of the side panel: the current document's
 * highlights in text order (colour, quote, note, tags, time), filtered by
 * colour, tag and text, with the ones that could not be found in the
 * current text in a section of their own. It follows the list live. With
 * "Search all documents" it searches quotes and notes of the whole
 * library. Activating an entry emits "annotation-activated". */
#define PX_TYPE_ANNOTATIONS_PANEL (px_annotations_panel_get_type ())
G_DECLARE_FINAL_TYPE (PxAnnotationsPanel, px_annotations_panel, PX, ANNOTATIONS_PANEL, GtkWidget)

PxAnnotationsPanel *px_annotations_panel_new (void);
void px_annotations_panel_set_store (PxAnnotationsPanel *self, PxStore *store);
void px_annotations_panel_set_list (PxAnnotationsPanel *self, PxAnnotationList *list);
/* Reads the tag codebook and colour meanings again. */
void px_annotations_panel_refresh (PxAnnotationsPanel *self);
/* What the list shows: PxAnnotation items, and a GtkStringObject heading
 * before the orphaned ones. */
GListModel *px_annotations_panel_get_model (PxAnnotationsPanel *self);
void px_annotations_panel_set_filter_text (PxAnnotationsPanel *self, const char *text);
void px_annotations_panel_set_filter_color (PxAnnotationsPanel *self, const char *color, gboolean shown);
/* Only the highlights of @coder (NULL: every coder's). */
void px_annotations_panel_set_filter_coder (PxAnnotationsPanel *self, const char *coder);
/* Whether the coder filter lets @annotation through (the reader shows only
 * those; "coder-filter-changed" tells when the answer may change). */
gboolean px_annotations_panel_coder_shown (PxAnnotationsPanel *self, PxAnnotation *annotation);

G_END_DECLS
