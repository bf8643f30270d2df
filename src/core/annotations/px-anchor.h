/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Anchors tie a highlight to a passage of a document's clean text in two
 * ways at once, as the W3C Web Annotation selectors do: a position
 * (TextPositionSelector: code-point offsets, end exclusive) and a quote
 * (TextQuoteSelector: the exact text with some context either side).
 * When the text changes, the quote finds the passage again. */

/* How many code points of context are kept either side of a quote. */
#define PX_ANCHOR_CONTEXT 32

typedef struct
{
  guint start;
  guint end;
  char *quote;
  char *prefix;
  char *suffix;
} PxAnchorSelector;

void px_anchor_selector_clear (PxAnchorSelector *selector);

typedef enum
{
  PX_ANCHOR_ORPHANED, /* not found well enough */
  PX_ANCHOR_POSITION, /* the text at the stored position still matches */
  PX_ANCHOR_EXACT,    /* the exact quote was found elsewhere */
  PX_ANCHOR_FUZZY,    /* an approximate match scored high enough */
} PxAnchorMethod;

typedef struct
{
  PxAnchorMethod method;
  guint start;
  guint end;
  /* 1.0 for a position or exact match; the weighted similarity of quote,
   * prefix, suffix and position for a fuzzy one. */
  double score;
} PxAnchorResult;

/* A text prepared for anchoring: decoded into code points once, so that
 * thousands of highlights can be anchored without walking UTF-8 again. */
typedef struct _PxAnchorText PxAnchorText;

PxAnchorText *px_anchor_text_new (const char *utf8);
void px_anchor_text_free (PxAnchorText *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxAnchorText, px_anchor_text_free)

guint px_anchor_text_get_length (const PxAnchorText *text);
const char *px_anchor_text_get_utf8 (const PxAnchorText *text);
/* TRUE when @utf8 is written in @text right at (@before: right before)
 * code point @offset, byte for byte. */
gboolean px_anchor_text_has_at (const PxAnchorText *text, guint offset, const char *utf8, gboolean before);
/* The text between two code-point offsets, as UTF-8. */
char *px_anchor_text_slice (const PxAnchorText *text, guint start, guint end);

/* Fills @selector (start, end, quote and context) for a range of @text.
 * The range is clamped to the text. */
void px_anchor_describe (const PxAnchorText *text, guint start, guint end, PxAnchorSelector *selector);

/* Finds @selector in @text. @expected is where the passage is expected to
 * start now (the stored start, moved by what was inserted or removed
 * before it; see px_anchor_map_offset()). In this order: the expected
 * position if the text there matches, then the stored one; the exact quote
 * nearest the expected position (context breaking ties); an approximate
 * match (bit-parallel edit distance) scored on quote, prefix, suffix and
 * distance. Typographic quotes, dashes and kinds of space count as equal.
 * Returns FALSE, with method ORPHANED, when nothing scores above the
 * threshold. */
gboolean px_anchor_find (const PxAnchorText *text, const PxAnchorSelector *selector, guint expected,
                         PxAnchorResult *result);

/* Start offsets of every occurrence of @quote in @text, in order,
 * comparing as px_anchor_find does (typographic variants are equal). */
GArray *px_anchor_find_all (const PxAnchorText *text, const char *quote);

/* Maps offsets of an old text into a new one, assuming the change is one
 * edit: the common beginning and end are matched, offsets after the edit
 * move by the difference in length, offsets inside it stay where they
 * were (clamped). Good enough as the "expected" hint of px_anchor_find. */
typedef struct
{
  guint common_prefix;
  guint common_suffix;
  guint old_length;
  guint new_length;
} PxAnchorMap;

void px_anchor_map_init (PxAnchorMap *map, const char *old_text, const char *new_text);
guint px_anchor_map_offset (const PxAnchorMap *map, guint old_offset);

/* Edit distance helpers, exposed for tests. The best approximate match of
 * @pattern anywhere in @text (Myers' bit-parallel algorithm, any pattern
 * length): returns the number of errors and sets the range. Returns -1
 * when @pattern is empty. */
int px_anchor_best_match (const char *text, const char *pattern, guint *start, guint *end);

G_END_DECLS
