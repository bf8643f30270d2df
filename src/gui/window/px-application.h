/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PX_TYPE_APPLICATION (px_application_get_type ())
G_DECLARE_FINAL_TYPE (PxApplication, px_application, PX, APPLICATION, AdwApplication)

/* @library: the library file, NULL for the default one; @open_id: a
 * document to show first, or 0. */
PxApplication *px_application_new (const char *library, gint64 open_id);
const char *px_application_get_library_path (PxApplication *self);

G_END_DECLS
