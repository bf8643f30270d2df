/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Guesses the language of a text from its most common short words.
 * Knows English, German, French, Spanish, Italian, Dutch and Portuguese;
 * returns a static BCP 47 tag ("en", "de", …) or NULL when the text is
 * too short or the evidence too weak. */
const char *px_language_detect (const char *text);

/* Normalizes a declared language ("EN_us", "en-US", "de") to BCP 47
 * casing ("en-US"); NULL when it does not look like a language tag. */
char *px_language_normalize_tag (const char *tag);

G_END_DECLS
