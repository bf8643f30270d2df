/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "library/px-library-model.h"
#include "session/px-library.h"

G_BEGIN_DECLS

/* The library list with its search field. Emits "document-selected" with
 * the id of the document a user picks. Searches run in the background
 * (px_library_search_async()). */
#define PX_TYPE_LIBRARY_SIDEBAR (px_library_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (PxLibrarySidebar, px_library_sidebar, PX, LIBRARY_SIDEBAR, GtkWidget)

/* The session whose library searches read. */
void px_library_sidebar_set_library (PxLibrarySidebar *self, PxLibrary *library);
/* Replaces the rows (takes ownership of @infos), keeping the search and
 * the selection where possible. */
void px_library_sidebar_set_rows (PxLibrarySidebar *self, GPtrArray *infos);
PxLibraryModel *px_library_sidebar_get_model (PxLibrarySidebar *self);
/* Selects a document and scrolls to it, without emitting
 * "document-selected"; 0 clears the selection. */
void px_library_sidebar_select (PxLibrarySidebar *self, gint64 id);
gint64 px_library_sidebar_get_selected_id (PxLibrarySidebar *self);
/* The document after (or else before) @id in the list as shown, or 0. */
gint64 px_library_sidebar_get_neighbour (PxLibrarySidebar *self, gint64 id);
void px_library_sidebar_focus_search (PxLibrarySidebar *self);
void px_library_sidebar_set_search_text (PxLibrarySidebar *self, const char *text);
/* TRUE while a search runs: the list shows the previous results. */
gboolean px_library_sidebar_is_searching (PxLibrarySidebar *self);
/* The message shown in place of the list when the last search failed
 * (e.g. it was too long), or NULL. */
const char *px_library_sidebar_get_search_error (PxLibrarySidebar *self);

G_END_DECLS
