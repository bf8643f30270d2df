/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "formats/px-format-set.h"

G_BEGIN_DECLS

/* Agreement between coders: per tag and colour, Krippendorff's alpha and
 * Cohen's kappa per pair, and the sentences the coders differ on, for an
 * event's articles or the library's (docs/agreement.md). */
#define PX_TYPE_AGREEMENT_WINDOW (px_agreement_window_get_type ())
G_DECLARE_FINAL_TYPE (PxAgreementWindow, px_agreement_window, PX, AGREEMENT_WINDOW, AdwWindow)

/* @event_id 0: the whole library. */
PxAgreementWindow *px_agreement_window_new (GtkWindow *parent, const char *library_path, gint64 event_id,
                                            const char *event_title);
/* TRUE once the figures are shown (for tests). */
gboolean px_agreement_window_is_ready (PxAgreementWindow *self);

G_END_DECLS
