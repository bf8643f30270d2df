/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "session/px-library.h"

G_BEGIN_DECLS

/* A bar under the header bar that says why the open library cannot be
 * changed, if it cannot, and what to do about it (libadwaita 1.2 has no
 * AdwBanner). Read-only shows at once. Damage shows when the check of
 * every page (px_library_check_async(), started a moment after opening so
 * that the first frame is not slowed) finds it: the library then stops
 * all writes through the window's connection, so the damage does not
 * spread, and the banner's "access" follows the library's. */
#define PX_TYPE_LIBRARY_BANNER (px_library_banner_get_type ())
G_DECLARE_FINAL_TYPE (PxLibraryBanner, px_library_banner, PX, LIBRARY_BANNER, GtkWidget)

/* What the banner says for @access; NULL for a writable library. */
const char *px_library_banner_message_for (PxStoreAccess access);

/* The session of the window (NULL for none): shows the access state of
 * its library and checks each store it opens for damage
 * (px_library_check_async()). */
void px_library_banner_set_library (PxLibraryBanner *self, PxLibrary *library);
PxStoreAccess px_library_banner_get_access (PxLibraryBanner *self);
/* TRUE from opening until the background check has finished. */
gboolean px_library_banner_get_checking (PxLibraryBanner *self);
/* The text shown, or NULL when the banner is hidden. */
const char *px_library_banner_get_message (PxLibraryBanner *self);
/* How long after opening the check starts, in milliseconds. */
void px_library_banner_set_check_delay (PxLibraryBanner *self, guint delay_ms);

G_END_DECLS
