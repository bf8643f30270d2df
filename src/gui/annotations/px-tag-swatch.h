/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A round swatch of a tag's colour ("#rrggbb"), @size pixels across. Tag
 * colours are any colour the user picks, so they are drawn rather than
 * styled in CSS. */
GtkWidget *px_tag_swatch_new (const char *color, int size);

G_END_DECLS
