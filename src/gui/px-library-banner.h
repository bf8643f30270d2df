/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/px-store.h"

G_BEGIN_DECLS

typedef enum
{
  PX_LIBRARY_BANNER_NONE,
  PX_LIBRARY_BANNER_READ_ONLY, /* opened read-only: reading works, changes are off */
  PX_LIBRARY_BANNER_DAMAGED,   /* the background check found damaged pages */
} PxLibraryBannerState;

/* A bar under the header bar that says what is wrong with the open
 * library, if anything. Read-only shows at once; damage shows when the
 * check of every page (px_store_check, in a worker thread with its own
 * connection) finds it, so opening a large library stays fast. */
#define PX_TYPE_LIBRARY_BANNER (px_library_banner_get_type ())
G_DECLARE_FINAL_TYPE (PxLibraryBanner, px_library_banner, PX, LIBRARY_BANNER, GtkWidget)

/* The library the window has open (NULL when none): shows its state and
 * starts checking it. */
void px_library_banner_set_store (PxLibraryBanner *self, PxStore *store);
PxLibraryBannerState px_library_banner_get_state (PxLibraryBanner *self);
/* TRUE while the background check runs. */
gboolean px_library_banner_get_checking (PxLibraryBanner *self);
/* The text shown, or NULL when the banner is hidden. */
const char *px_library_banner_get_message (PxLibraryBanner *self);

G_END_DECLS
