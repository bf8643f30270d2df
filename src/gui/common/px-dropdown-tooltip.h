/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Keeps @dropdown's tooltip away while its list is open: the tooltip,
 * shown by the hover before the click, covered the list's first item. */
void px_dropdown_quiet_tooltip (GtkDropDown *dropdown);

G_END_DECLS
