/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/px-document.h"

G_BEGIN_DECLS

/* The reading column: title, "outlet · author · date", then the clean
 * text in a read-only GtkTextView whose buffer offsets are the
 * document's code-point offsets, so other parts can tag ranges of it. */
#define PX_TYPE_READER_VIEW (px_reader_view_get_type ())
G_DECLARE_FINAL_TYPE (PxReaderView, px_reader_view, PX, READER_VIEW, GtkWidget)

#define PX_READER_ZOOM_MIN 0.5
#define PX_READER_ZOOM_MAX 3.0

void px_reader_view_set_document (PxReaderView *self, PxDocument *doc);
PxDocument *px_reader_view_get_document (PxReaderView *self);
GtkTextView *px_reader_view_get_text_view (PxReaderView *self);
const char *px_reader_view_get_title_text (PxReaderView *self);
const char *px_reader_view_get_byline_text (PxReaderView *self);
/* Text size relative to the default, clamped to the range above. */
void px_reader_view_set_zoom (PxReaderView *self, double zoom);
double px_reader_view_get_zoom (PxReaderView *self);
/* The next size up or down from @zoom. */
double px_reader_view_zoom_step (double zoom, int direction);

G_END_DECLS
