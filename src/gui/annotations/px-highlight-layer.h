/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "annotations/px-annotation-list.h"

G_BEGIN_DECLS

/* The colour of a highlight: its fill (@fill, translucent so that
 * overlapping highlights both show) and its mark (@mark, opaque: notes'
 * underlines and swatches). */
void px_highlight_color_rgba (const char *name, GdkRGBA *fill, GdkRGBA *mark);

/* Draws the highlights of a PxAnnotationList on a GtkTextView whose buffer
 * holds the document's clean text: one GtkTextTag per highlight, nested
 * ones drawn over the outer ones, highlights with a note underlined. It
 * follows the list live, shows a highlight's note on hover, and reports
 * clicks on highlights and finished mouse selections. */
#define PX_TYPE_HIGHLIGHT_LAYER (px_highlight_layer_get_type ())
G_DECLARE_FINAL_TYPE (PxHighlightLayer, px_highlight_layer, PX, HIGHLIGHT_LAYER, GObject)

PxHighlightLayer *px_highlight_layer_new (GtkTextView *view);
GtkTextView *px_highlight_layer_get_view (PxHighlightLayer *self);
/* Shows @list (NULL: none). Call again after the buffer's text changes. */
void px_highlight_layer_set_list (PxHighlightLayer *self, PxAnnotationList *list);
PxAnnotationList *px_highlight_layer_get_list (PxHighlightLayer *self);
/* Which highlights are drawn and answer clicks (TRUE: shown); NULL shows
 * them all. Call again with the same function when what it lets through
 * changes: the layer draws everything again. */
typedef gboolean (*PxHighlightFilterFunc) (PxAnnotation *annotation, gpointer user_data);
void px_highlight_layer_set_filter (PxHighlightLayer *self, PxHighlightFilterFunc filter, gpointer user_data);

/* The innermost highlight containing @offset, or NULL. */
PxAnnotation *px_highlight_layer_get_at (PxHighlightLayer *self, guint offset);
/* Every highlight over @offset, outer first (borrowed). */
GPtrArray *px_highlight_layer_get_all_at (PxHighlightLayer *self, guint offset);
/* Where the last click on the text was. */
guint px_highlight_layer_get_clicked_offset (PxHighlightLayer *self);
/* The tag that draws @annotation, or NULL when it is not drawn. */
GtkTextTag *px_highlight_layer_get_tag (PxHighlightLayer *self, PxAnnotation *annotation);
/* Where [start, end) ends on screen, in the view's widget coordinates. */
gboolean px_highlight_layer_get_range_rect (PxHighlightLayer *self, guint start, guint end, GdkRectangle *rect);
/* Scrolls to the highlight and flashes it briefly. */
void px_highlight_layer_reveal (PxHighlightLayer *self, PxAnnotation *annotation);
/* The selection in the buffer, as offsets; FALSE when empty. */
gboolean px_highlight_layer_get_selection (PxHighlightLayer *self, guint *start, guint *end);

G_END_DECLS
