/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "spell/px-spell-checker.h"

G_BEGIN_DECLS

/* A plain-text editor for notes that underlines misspelled words as you
 * type (checking only around what changed) and offers suggestions, "Add
 * to Dictionary" and "Ignore" on right-click. */
#define PX_TYPE_NOTE_EDITOR (px_note_editor_get_type ())
G_DECLARE_FINAL_TYPE (PxNoteEditor, px_note_editor, PX, NOTE_EDITOR, GtkTextView)

PxNoteEditor *px_note_editor_new (void);
/* Uses @checker (NULL: no checking). The checker's language applies. */
void px_note_editor_set_checker (PxNoteEditor *self, PxSpellChecker *checker);
PxSpellChecker *px_note_editor_get_checker (PxNoteEditor *self);
/* Checks the whole text again (after the language changed). */
void px_note_editor_recheck (PxNoteEditor *self);
char *px_note_editor_dup_text (PxNoteEditor *self);
/* Replaces the text without emitting "changed" (loading a note). */
void px_note_editor_set_text (PxNoteEditor *self, const char *text);
/* The misspelled ranges underlined now (code points), for tests. */
GArray *px_note_editor_get_misspelled (PxNoteEditor *self);
/* The suggestions menu the right-click would show for the word at
 * @offset, for tests; NULL when the word is spelled right. */
GMenuModel *px_note_editor_build_menu_at (PxNoteEditor *self, guint offset);

G_END_DECLS
