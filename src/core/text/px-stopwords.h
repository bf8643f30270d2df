/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE if @norm (a word as px_normalize_word() returns it) carries no
 * content in @language (a BCP 47 tag; NULL means English). Function words
 * and reporting verbs are listed: "said" occurs in every article about
 * anything, so it must not make two articles look alike. Languages without
 * a list fall back to English, which is harmless for them. */
gboolean px_is_stop_word (const char *norm, const char *language);

G_END_DECLS
