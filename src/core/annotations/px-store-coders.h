/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "library/px-store.h"

G_BEGIN_DECLS

/* Coders: every highlight was made by someone. A library has its own
 * coder (set once, by default the account's real name); highlights
 * imported from other coders keep their names. In the database a NULL
 * coder stands for the library's own, so setting it names the library's
 * highlights at once; when it changes, the highlights made so far keep
 * the old name. */

/* The library's coder: the name set with px_store_set_coder(), or the
 * account's real name (its login name when it has none). */
char *px_store_get_coder (PxStore *self, GError **error);
/* Sets the library's coder: 1–200 bytes of text, no line breaks. */
gboolean px_store_set_coder (PxStore *self, const char *name, GError **error);
/* Checks a coder's name as px_store_set_coder() does; returns the name
 * without surrounding space, or NULL with @error set. */
char *px_store_clean_coder_name (const char *name, GError **error);

/* Marks a stored highlight as made by @coder (NULL: the library's own),
 * at @created and last changed at @modified (ISO 8601; NULL keeps what
 * the store set): for highlights imported from a file. */
gboolean px_store_set_annotation_origin (PxStore *self, gint64 annotation_id, const char *coder, const char *created,
                                         const char *modified, GError **error);
/* Highlight id (gint64 *) → coder's name (char *) for every highlight,
 * the library's own ones under the library's coder. */
GHashTable *px_store_get_annotation_coders (PxStore *self, GError **error);
/* The coders who made highlights, the library's own first, then by name. */
GStrv px_store_list_coders (PxStore *self, GError **error);

G_END_DECLS
