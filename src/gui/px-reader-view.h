/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/px-document.h"

G_BEGIN_DECLS

#define PX_TYPE_READER_VIEW (px_reader_view_get_type ())
G_DECLARE_FINAL_TYPE (PxReaderView, px_reader_view, PX, READER_VIEW, GtkWidget)

void px_reader_view_set_document (PxReaderView *self, PxDocument *doc);
PxDocument *px_reader_view_get_document (PxReaderView *self);
GtkTextView *px_reader_view_get_text_view (PxReaderView *self);
const char *px_reader_view_get_title_text (PxReaderView *self);

G_END_DECLS
