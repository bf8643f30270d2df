/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A bin that can be narrower than its child asks for. It reports
 * "min-width" as its minimum and, each time its width changes and before
 * the child is laid out, emits "width-changed" so a handler can rearrange
 * the child (hide panes) to fit; the child is never given less than its
 * own minimum (what does not fit is clipped for that frame). It is what
 * libadwaita 1.4's AdwBreakpointBin does, on libadwaita 1.2. */
#define PX_TYPE_ADAPTIVE_BIN (px_adaptive_bin_get_type ())
G_DECLARE_FINAL_TYPE (PxAdaptiveBin, px_adaptive_bin, PX, ADAPTIVE_BIN, GtkWidget)

GtkWidget *px_adaptive_bin_new (void);
void px_adaptive_bin_set_child (PxAdaptiveBin *self, GtkWidget *child);
GtkWidget *px_adaptive_bin_get_child (PxAdaptiveBin *self);
/* The width last allocated (0 before the first allocation). */
int px_adaptive_bin_get_width (PxAdaptiveBin *self);

G_END_DECLS
