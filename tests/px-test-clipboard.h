/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the clipboard in widget tests. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text on @widget's clipboard, waiting up to 5 s for it (the test
 * fails otherwise). */
char *px_test_read_clipboard (GtkWidget *widget);

G_END_DECLS
