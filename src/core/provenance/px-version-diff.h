/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "text/px-word-diff.h"

G_BEGIN_DECLS

/* What changed between two versions of an article, for the reader's
 * Versions dialog: the word diff of the whole text, and the changes a
 * researcher looks for first, listed: the headline, quotations removed or
 * altered (or added), and numbers changed. */

/* The word diff of two texts (PxDiffOp, offsets in code points into each
 * text), covering both from start to end: the common beginning and end
 * are runs of the same words, and what lies between is diffed word by
 * word when each side has at most PX_VERSIONS_DIFF_WORDS words (see
 * px-versions.h), else given as removed and added whole. @language may be
 * NULL (English). */
GArray *px_versions_diff (const char *old_text, const char *new_text, const char *language);

typedef enum
{
  PX_VERSION_CHANGE_HEADLINE, /* the title changed */
  PX_VERSION_CHANGE_QUOTE_REMOVED,
  PX_VERSION_CHANGE_QUOTE_ALTERED, /* a quotation with other words */
  PX_VERSION_CHANGE_QUOTE_ADDED,
  PX_VERSION_CHANGE_NUMBER, /* a changed run of words holding a number */
} PxVersionChangeKind;

typedef struct
{
  PxVersionChangeKind kind;
  char *old_text; /* NULL for an added quotation */
  char *new_text; /* NULL for a removed quotation */
} PxVersionChange;

void px_version_change_free (PxVersionChange *change);

/* The listed changes (PxVersionChange), headline first, then quotations
 * in the order of the old text (added ones last), then numbers. A
 * quotation is the text between quotation marks (“…”, "…", «…», „…“) of
 * at least three words; one found in the other version with a word ratio
 * of at least 0.5 is altered, else removed or added. */
GPtrArray *px_version_changes (const char *old_title, const char *old_text, const char *new_title, const char *new_text,
                               const char *language);

G_END_DECLS
