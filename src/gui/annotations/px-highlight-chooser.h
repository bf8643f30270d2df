/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "annotations/px-annotation.h"

G_BEGIN_DECLS

typedef void (*PxHighlightChosen) (PxAnnotation *annotation, gpointer user_data);

/* A click on text under several highlights: a small popover at @rect of
 * @parent lists them (colour and words, outer first) and calls @chosen
 * with the one picked. Returns the popover, which unparents itself when
 * closed. */
GtkPopover *px_highlight_chooser_popup (GtkWidget *parent, const GdkRectangle *rect, GPtrArray *annotations,
                                        PxHighlightChosen chosen, gpointer user_data);

G_END_DECLS
