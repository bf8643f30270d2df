/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "documents/px-document.h"
#include "library/px-store.h"

G_BEGIN_DECLS

/* The session: what the window and its widgets share about the library
 * that is open. It owns the UI thread's connection (the "store"), the
 * file's "path", whether it can be changed ("writable", "access",
 * "read-only-reason"), and what the reader shows ("document", "event-id"),
 * all as notifying properties that widgets bind to. "changed" is emitted
 * when documents were added, removed or edited.
 *
 * Long operations run in a worker thread on a connection of their own to
 * the library file (px-library-ops.c); the UI-thread store is never used
 * from a worker. Every one is an _async/_finish pair whose source object
 * is the library; none needs a widget. */
#define PX_TYPE_LIBRARY (px_library_get_type ())
G_DECLARE_FINAL_TYPE (PxLibrary, px_library, PX, LIBRARY, GObject)

PxLibrary *px_library_new (void);

/* The library file, set when it is being opened (also while it cannot be
 * opened, or is being updated), NULL for none. Setting another path drops
 * the store and the document. */
void px_library_set_path (PxLibrary *self, const char *path);
const char *px_library_get_path (PxLibrary *self);
/* The UI thread's connection, or NULL while none is open. Its path
 * becomes the library's path. */
void px_library_set_store (PxLibrary *self, PxStore *store);
PxStore *px_library_get_store (PxLibrary *self);

/* WRITABLE without a store. */
PxStoreAccess px_library_get_access (PxLibrary *self);
/* FALSE when no library is open or it cannot be changed. */
gboolean px_library_get_writable (PxLibrary *self);
/* Why the library cannot be changed, for tooltips; NULL when it can. */
const char *px_library_get_read_only_reason (PxLibrary *self);
/* The reason for each access state (NULL for WRITABLE). */
const char *px_library_reason_for (PxStoreAccess access);
/* Nothing more is written to the library, for @reason (see
 * px_store_forbid_writes()); the access properties notify. */
void px_library_forbid_writes (PxLibrary *self, PxStoreAccess reason);

/* The article the reader shows, or NULL; its event follows. */
void px_library_set_document (PxLibrary *self, PxDocument *document);
PxDocument *px_library_get_document (PxLibrary *self);
/* The event of the document shown, 0 for none. */
gint64 px_library_get_event_id (PxLibrary *self);

/* Says that documents were added, removed or edited: the event of the
 * document shown is looked up again and "changed" is emitted. */
void px_library_changed (PxLibrary *self);

G_END_DECLS
