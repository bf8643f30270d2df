/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "text/px-tokens.h"

G_BEGIN_DECLS

/* The word diff and its ratio read at most this many words a side. */
#define PX_WORD_DIFF_MAX_WORDS 600

typedef enum
{
  PX_DIFF_SAME,    /* the words are in both passages */
  PX_DIFF_REMOVED, /* only in passage A */
  PX_DIFF_ADDED,   /* only in passage B */
} PxDiffKind;

/* One run of words. Offsets are code points into each passage's own
 * document text: [a_start, a_end) in A and [b_start, b_end) in B. A run
 * that exists on one side only has an empty span on the other, placed
 * where it would go. */
typedef struct
{
  PxDiffKind kind;
  guint a_start;
  guint a_end;
  guint b_start;
  guint b_end;
} PxDiffOp;

/* Word-level diff of two token runs (longest common subsequence over the
 * normalized words, so case, curly quotes and "U.S."/"US" do not count as
 * changes). Returns an array of PxDiffOp in reading order; @ratio, if not
 * NULL, receives 2·common / (|A| + |B|), 1.0 for identical wording.
 * Runs longer than 600 words are compared by their first 600. */
GArray *px_word_diff (const PxToken *a, guint n_a, const PxToken *b, guint n_b, double *ratio);

/* Only the ratio, without building the runs. */
double px_word_diff_ratio (const PxToken *a, guint n_a, const PxToken *b, guint n_b);

const char *px_diff_kind_to_string (PxDiffKind kind);

G_END_DECLS
