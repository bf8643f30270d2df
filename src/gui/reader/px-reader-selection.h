/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _PxReaderView PxReaderView;

/* How the reader's text is selected, beyond what GtkTextView does:
 * a triple click selects the paragraph (not one wrapped line), a selection
 * made with the mouse snaps to whole words, and Shift with the arrow keys
 * selects from the reading position even without caret mode (F7). */
void px_reader_selection_attach (PxReaderView *reader);

/* [*start, *end) grown to whole words where it cuts one. */
void px_reader_selection_snap (GtkTextBuffer *buffer, GtkTextIter *start, GtkTextIter *end);

/* Selects the paragraph (buffer line) around @offset. */
void px_reader_selection_select_paragraph (GtkTextBuffer *buffer, guint offset);
/* Grows the selection as Shift with a movement key does, from the
 * reading position when there is no selection and the caret is off
 * screen. */
void px_reader_selection_extend (PxReaderView *reader, GtkMovementStep step, int count);

G_END_DECLS
