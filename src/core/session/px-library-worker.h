/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "session/px-library.h"

G_BEGIN_DECLS

/* The long operations of a PxLibrary each run in a worker thread on a
 * connection of their own to the library file, opened by
 * px_library_run_async(), the one place that does. They fail at once, in
 * the callback, when no library is open, and those that write when it
 * cannot be changed (with the reason). The callback runs in the
 * thread-default main context of the caller; its source object is the
 * library. */

/* Work done in a worker on @store, a connection of its own. Returns the
 * result (freed with the result_free given) or NULL with @error set. */
typedef gpointer (*PxLibraryWorkFunc) (PxStore *store, gpointer data, GCancellable *cancellable, GError **error);

/* Runs @func in a worker on a connection to the library's file opened
 * with @flags (plus PX_STORE_OPEN_EXISTING). With @keep_result_on_cancel,
 * what the work returns after a cancel still reaches the caller (an import
 * reports what it added before); otherwise a cancelled operation finishes
 * with G_IO_ERROR_CANCELLED. */
void px_library_run_async (PxLibrary *self, PxStoreOpenFlags flags, PxLibraryWorkFunc func, gpointer data,
                           GDestroyNotify data_free, GDestroyNotify result_free, gboolean keep_result_on_cancel,
                           gpointer source_tag, GCancellable *cancellable, GAsyncReadyCallback callback,
                           gpointer user_data);
gpointer px_library_run_finish (PxLibrary *self, GAsyncResult *result, GError **error);
/* When the library cannot be changed, finishes an operation at once with
 * PX_STORE_ERROR_READ_ONLY and the reason, and returns TRUE. */
gboolean px_library_fail_unless_writable (PxLibrary *self, gpointer source_tag, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);

G_END_DECLS
