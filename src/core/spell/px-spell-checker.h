/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A misspelled word: code-point offsets into the checked text. */
typedef struct
{
  guint start;
  guint end;
} PxSpellRange;

/* Spell checking of notes, over enchant-2. One language at a time, a
 * personal word list kept with the user's data (shared by all languages)
 * and words ignored for the session. With no dictionary installed every
 * word counts as correct; px_spell_checker_has_dictionary() tells the UI
 * to show a hint instead. Use from one thread. */
#define PX_TYPE_SPELL_CHECKER (px_spell_checker_get_type ())
G_DECLARE_FINAL_TYPE (PxSpellChecker, px_spell_checker, PX, SPELL_CHECKER, GObject)

/* @data_dir holds the personal word list (NULL: $XDG_DATA_HOME/parallax). */
PxSpellChecker *px_spell_checker_new (const char *data_dir);
/* One checker shared by the application (the dictionaries are large). */
PxSpellChecker *px_spell_checker_get_default (void);

/* Tags of the installed dictionaries ("en_US", "de_DE"…), sorted. */
GStrv px_spell_checker_list_languages (PxSpellChecker *self);
/* The dictionary to use for a note: @preferred (a note's or document's
 * language, "en", "en-GB" or "en_GB"), else the user's locale, matched to
 * what is installed. NULL when nothing fits. */
char *px_spell_checker_pick_language (PxSpellChecker *self, const char *preferred);
/* Switches the dictionary; FALSE (and no dictionary) when @language is
 * not installed. NULL picks the locale's. */
gboolean px_spell_checker_set_language (PxSpellChecker *self, const char *language);
const char *px_spell_checker_get_language (PxSpellChecker *self);
gboolean px_spell_checker_has_dictionary (PxSpellChecker *self);

/* @word is UTF-8 of @len bytes (-1: NUL-terminated). */
gboolean px_spell_checker_check_word (PxSpellChecker *self, const char *word, gssize len);
/* Suggestions, best first; empty when none or no dictionary. */
GStrv px_spell_checker_suggest (PxSpellChecker *self, const char *word, gssize len);
/* Adds to the personal word list (saved at once). */
gboolean px_spell_checker_add_word (PxSpellChecker *self, const char *word, gssize len, GError **error);
/* Ignores the word until the application quits. */
void px_spell_checker_ignore_word (PxSpellChecker *self, const char *word, gssize len);
const char *px_spell_checker_get_personal_path (PxSpellChecker *self);

/* Misspelled words of @text (UTF-8, @len bytes or -1), as code-point
 * ranges into it, in order. Words with digits, single letters and
 * acronyms in capitals are not checked; Markdown marks around a word are not part of it. */
GArray *px_spell_checker_check_text (PxSpellChecker *self, const char *text, gssize len);

/* Widens [*start, *end) (code points of @text) to whole words, so a
 * changed region can be checked alone. */
void px_spell_extend_to_words (const char *text, guint *start, guint *end);

G_END_DECLS
