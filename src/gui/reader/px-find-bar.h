/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

typedef struct _PxReaderView PxReaderView;

G_BEGIN_DECLS

/* Find in the article: a search bar over the reader that marks every
 * match in its text, the current one more strongly, and steps through
 * them (Enter, Shift+Enter, Ctrl+G, Shift+Ctrl+G), bringing each into
 * the middle of the reader. The first is the first from where the reader
 * is reading. Case is ignored. */
#define PX_TYPE_FIND_BAR (px_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (PxFindBar, px_find_bar, PX, FIND_BAR, GtkWidget)

/* At most this many matches are marked. */
#define PX_FIND_MAX_MATCHES 5000

PxFindBar *px_find_bar_new (PxReaderView *reader);
/* Shows the bar with the focus in its entry (the selection, if short and
 * on one line, becomes the text to find). */
void px_find_bar_open (PxFindBar *self);
void px_find_bar_close (PxFindBar *self);
gboolean px_find_bar_is_open (PxFindBar *self);
void px_find_bar_set_text (PxFindBar *self, const char *text);
/* Next (+1) or previous (-1) match, wrapping around. */
void px_find_bar_step (PxFindBar *self, int direction);
guint px_find_bar_get_n_matches (PxFindBar *self);
/* The current match, 0-based, or -1; its offsets. */
int px_find_bar_get_current (PxFindBar *self, guint *start, guint *end);
const char *px_find_bar_get_status (PxFindBar *self);
/* The text changed (another article): the matches are found again. */
void px_find_bar_refresh (PxFindBar *self);

G_END_DECLS
