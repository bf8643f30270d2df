/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gui/reader/px-find-bar.h"
#include "documents/px-document.h"

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

/* Find in the article, above the text. */
PxFindBar *px_reader_view_get_find_bar (PxReaderView *self);

/* How long a passage opened from elsewhere stays marked. */
#define PX_READER_FLASH_MS 1500

/* Brings [start, end) to the middle of the view once the text is laid
 * out, and with @flash marks it for a moment. */
void px_reader_view_show_range (PxReaderView *self, guint start, guint end, gboolean flash);
gboolean px_reader_view_is_flashing (PxReaderView *self);
/* The scroll position, exactly; setting it waits for the text's layout. */
double px_reader_view_get_scroll (PxReaderView *self);
void px_reader_view_set_scroll (PxReaderView *self, double value);
/* Whether a place asked for above is still being reached. */
gboolean px_reader_view_is_scrolling (PxReaderView *self);
void px_reader_view_cancel_scroll (PxReaderView *self);
GtkAdjustment *px_reader_view_get_vadjustment (PxReaderView *self);
/* The offset of the text a third of the way down the view: where the
 * reader is reading; G_MAXUINT while the text is not laid out. */
guint px_reader_view_get_reading_offset (PxReaderView *self);
/* Whether the line of @offset is (partly) in view. */
gboolean px_reader_view_offset_on_screen (PxReaderView *self, guint offset);

G_END_DECLS
