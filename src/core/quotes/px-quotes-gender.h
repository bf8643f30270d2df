/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "quotes/px-quotes-marks.h"

G_BEGIN_DECLS

/* Internal to the quote finder: whom "he" and "she" may point back to.
 * Debian ships no list of first names by sex, so the text itself says:
 * a title of one sex right before the name ("Mr. Olin Barth", "Ms.
 * Dahl", "Mrs. Moss"). Titles only: a noun before a name ("first lady
 * Ann Barth") and the writer's own pronouns ("Barth told his staff")
 * were tried and lost more than they won on the attribution corpus
 * (docs/quote-eval.md): relatives share surnames, and a "his" after a
 * name is often someone else's. Returns surname (normal form) ->
 * GINT_TO_POINTER ('m' or 'f', or '?' when titles disagree: "Mr. and
 * Mrs. Moss"). */
GHashTable *px_quote_find_genders (const PxQuoteText *t);

/* 'm', 'f' or 0 (unknown) for a name or a descriptive speaker: its last
 * word looked up in @genders, or a noun of one sex ("a spokesman"). */
char px_quote_gender_of (GHashTable *genders, const char *name);

G_END_DECLS
