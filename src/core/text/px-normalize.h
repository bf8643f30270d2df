/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Character classes and folding shared by the sentence splitter, the
 * tokenizer and the quote finder. Outlets differ in typography more than in
 * wording ("U.S." / "US", ’ / ', — / -), so every comparison goes through
 * these before looking at words. */

/* Opening quotation marks: " “ „ « ‘ ‚ ‹ 「 and the straight ". */
gboolean px_unichar_is_open_quote (gunichar c);
/* Closing quotation marks: " ” “ » ’ › 」 and the straight ". */
gboolean px_unichar_is_close_quote (gunichar c);
/* Any dash or hyphen (- ‐ ‑ ‒ – — ―). */
gboolean px_unichar_is_dash (gunichar c);
/* An apostrophe: ' or ’ (also used as right single quote). */
gboolean px_unichar_is_apostrophe (gunichar c);

/* Folds typography: curly quotes to straight ones, all dashes to "-",
 * ellipsis to "...", non-breaking and other spaces to " ". Keeps one code
 * point per input code point except for the ellipsis, so use it for display
 * and hashing, not for offsets. */
char *px_normalize_typography (const char *text);

/* The comparison form of one word: case folded, apostrophes straightened,
 * dots of acronyms dropped ("U.S." -> "us"), thousands separators of
 * numbers dropped ("1,000" -> "1000"). @len is in bytes, -1 for NUL. */
char *px_normalize_word (const char *word, gssize len);

/* Code-point offset -> byte offset in @text (clamped to the end). */
gsize px_utf8_byte_offset (const char *text, guint cp_offset);
/* A slice of @text by code-point offsets, newly allocated. */
char *px_utf8_slice (const char *text, guint start, guint end);

G_END_DECLS
