/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "annotations/px-anchor.h"
#include "documents/px-document.h"

G_BEGIN_DECLS

/* The six highlight colours, in swatch order. */
#define PX_N_COLORS 6
const char *const *px_annotation_color_names (void);
gboolean px_annotation_color_is_valid (const char *name);
/* The colour's name for people ("Yellow"), translated. */
const char *px_annotation_color_label (const char *name);

/* One highlight: a passage of a document (position and quote, see
 * px-anchor.h), a colour, a note and tags. Properties notify, so views and
 * the store can follow changes. */
#define PX_TYPE_ANNOTATION (px_annotation_get_type ())
G_DECLARE_FINAL_TYPE (PxAnnotation, px_annotation, PX, ANNOTATION, GObject)

PxAnnotation *px_annotation_new (void);
/* A new highlight of [start, end) of @doc's text, with its quote and
 * context taken from the text. */
PxAnnotation *px_annotation_new_for_range (PxDocument *doc, guint start, guint end, const char *color);
/* The same, for callers that already decoded the text. */
PxAnnotation *px_annotation_new_for_text (const PxAnchorText *text, gint64 document_id, guint start, guint end,
                                          const char *color);
/* An annotation with all its values at once (for the store, which loads
 * thousands: no notifications). @color must be valid. */
PxAnnotation *px_annotation_new_full (gint64 id, gint64 document_id, guint start, guint end, const char *quote,
                                      const char *prefix, const char *suffix, const char *color, const char *note,
                                      const char *note_language, gboolean orphaned, const char *created,
                                      const char *modified);
/* A copy with the same id and values. */
PxAnnotation *px_annotation_copy (PxAnnotation *self);
/* Copies every value (not the id) from @other; notifies what changed. */
void px_annotation_assign (PxAnnotation *self, PxAnnotation *other);
/* TRUE when every value, the id included, is the same. */
gboolean px_annotation_equal (PxAnnotation *a, PxAnnotation *b);

gint64 px_annotation_get_id (PxAnnotation *self);
void px_annotation_set_id (PxAnnotation *self, gint64 id);
gint64 px_annotation_get_document_id (PxAnnotation *self);
void px_annotation_set_document_id (PxAnnotation *self, gint64 document_id);
guint px_annotation_get_start (PxAnnotation *self);
guint px_annotation_get_end (PxAnnotation *self);
/* Sets start and end together (end >= start). */
void px_annotation_set_range (PxAnnotation *self, guint start, guint end);
const char *px_annotation_get_quote (PxAnnotation *self);
void px_annotation_set_quote (PxAnnotation *self, const char *quote);
const char *px_annotation_get_prefix (PxAnnotation *self);
void px_annotation_set_prefix (PxAnnotation *self, const char *prefix);
const char *px_annotation_get_suffix (PxAnnotation *self);
void px_annotation_set_suffix (PxAnnotation *self, const char *suffix);
const char *px_annotation_get_color (PxAnnotation *self);
void px_annotation_set_color (PxAnnotation *self, const char *color);
/* Plain text with light Markdown, kept as written; "" for none. */
const char *px_annotation_get_note (PxAnnotation *self);
void px_annotation_set_note (PxAnnotation *self, const char *note);
/* The spelling language of the note (e.g. "en_US"); NULL for the default. */
const char *px_annotation_get_note_language (PxAnnotation *self);
void px_annotation_set_note_language (PxAnnotation *self, const char *language);
/* Tag names, sorted, without duplicates; never NULL. */
const char *const *px_annotation_get_tags (PxAnnotation *self);
void px_annotation_set_tags (PxAnnotation *self, const char *const *tags);
gboolean px_annotation_has_tag (PxAnnotation *self, const char *tag);
gboolean px_annotation_get_orphaned (PxAnnotation *self);
void px_annotation_set_orphaned (PxAnnotation *self, gboolean orphaned);
/* ISO 8601 UTC times, set by the store. */
const char *px_annotation_get_created (PxAnnotation *self);
void px_annotation_set_created (PxAnnotation *self, const char *created);
const char *px_annotation_get_modified (PxAnnotation *self);
void px_annotation_set_modified (PxAnnotation *self, const char *modified);

/* The anchor as a selector (strings borrowed from the annotation). */
void px_annotation_get_selector (PxAnnotation *self, PxAnchorSelector *selector);
/* Sets range, quote, prefix and suffix from a selector. */
void px_annotation_set_selector (PxAnnotation *self, const PxAnchorSelector *selector);

/* Orders by start, then longer (outer) first, then id: text order. */
int px_annotation_compare (gconstpointer a, gconstpointer b);

G_END_DECLS
