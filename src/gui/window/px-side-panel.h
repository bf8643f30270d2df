/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The right-hand panel: named pages (highlights, comparison, …) with a
 * switcher on top. It starts with placeholder pages "annotations" and
 * "compare" that the real panels replace. */
#define PX_TYPE_SIDE_PANEL (px_side_panel_get_type ())
G_DECLARE_FINAL_TYPE (PxSidePanel, px_side_panel, PX, SIDE_PANEL, GtkWidget)

/* Adds a page, or replaces the page of the same name. */
void px_side_panel_add_page (PxSidePanel *self, GtkWidget *page, const char *name, const char *title,
                             const char *icon_name);
GtkWidget *px_side_panel_get_page (PxSidePanel *self, const char *name);
AdwViewStack *px_side_panel_get_stack (PxSidePanel *self);
const char *px_side_panel_get_visible_page (PxSidePanel *self);
void px_side_panel_set_visible_page (PxSidePanel *self, const char *name);

G_END_DECLS
