/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "text/px-tokens.h"

G_BEGIN_DECLS

/* How many words were removed or added between two versions of a text
 * (words compared as the rest of Parallax compares them: case, accents
 * and quotation styles aside). The common beginning and end are skipped;
 * what lies between is diffed word by word when both sides have at most
 * PX_VERSIONS_DIFF_WORDS words, else counted as the words one side has
 * more often than the other. @language may be NULL (English). */
#define PX_VERSIONS_DIFF_WORDS 600

/* How many words two token runs share at their beginning (@head) and,
 * after it, at their end (@tail): what a diff of versions can skip.
 * Tokens of one stemmer (norms compared by pointer). */
void px_versions_common_ends (const PxToken *a, guint n_a, const PxToken *b, guint n_b, guint *head, guint *tail);

guint px_versions_changed_words (const char *old_text, const char *new_text, const char *language);
/* The same, with the words of both versions together in @n_words (may be
 * NULL): 1 - changed / n_words is the share of words kept. */
guint px_versions_compare (const char *old_text, const char *new_text, const char *language, guint *n_words);

G_END_DECLS
