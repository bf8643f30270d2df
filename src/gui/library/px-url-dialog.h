/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gui/common/px-compat.h"

G_BEGIN_DECLS

/* Asks for the address of a web page to import. The Import response is
 * enabled only for an http:// or https:// address. If the clipboard holds
 * such an address when the dialog opens, it is filled in. */
#define PX_TYPE_URL_DIALOG (px_url_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PxUrlDialog, px_url_dialog, PX, URL_DIALOG, PxAlertBase)

PxUrlDialog *px_url_dialog_new (GtkWindow *parent, const char *url);
/* The address as typed, trimmed. */
char *px_url_dialog_get_url (PxUrlDialog *self);

/* TRUE for text that can be imported as a web page. */
gboolean px_url_dialog_is_importable (const char *text);

G_END_DECLS
