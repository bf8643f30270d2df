/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "annotations/px-annotation.h"
#include "library/px-store.h"

G_BEGIN_DECLS

/* Annotations. Each call is one transaction (or joins the caller's). */

/* Stores a new annotation (its id must be 0) with its tags, creating tags
 * that do not exist yet; sets id, created and modified. */
gboolean px_store_add_annotation (PxStore *self, PxAnnotation *annotation, GError **error);
/* Stores an annotation again under its own id, as it was when deleted
 * (undo of a delete). */
gboolean px_store_restore_annotation (PxStore *self, PxAnnotation *annotation, GError **error);
/* Saves every value of a stored annotation, tags included; sets modified.
 * Tag names come back as the codebook spells them. */
gboolean px_store_update_annotation (PxStore *self, PxAnnotation *annotation, GError **error);
gboolean px_store_delete_annotation (PxStore *self, gint64 id, GError **error);
PxAnnotation *px_store_get_annotation (PxStore *self, gint64 id, GError **error);
/* The annotations of one document (or of all, for @document_id 0) in
 * text order: start, then outer before inner. */
GPtrArray *px_store_list_annotations (PxStore *self, gint64 document_id, GError **error);
/* Annotations whose quote or note match @query (words, each a prefix,
 * single letters whole), across the whole library, best first: the
 * newest PX_STORE_SEARCH_ANNOTATIONS_MAX of them when more match. */
#define PX_STORE_SEARCH_ANNOTATIONS_MAX 1000
GPtrArray *px_store_search_annotations (PxStore *self, const char *query, GError **error);
/* The same, among the highlights of @colors (NULL-terminated; NULL: any)
 * carrying @tag (NULL: any); the bound applies after these filters. */
GPtrArray *px_store_search_annotations_filtered (PxStore *self, const char *query, const char *const *colors,
                                                 const char *tag, GError **error);

/* What happened to the highlights of a document whose text changed. */
typedef struct
{
  guint n_position;
  guint n_exact;
  guint n_fuzzy;
  guint n_orphaned;
  guint n_changed; /* found, but with other words: flagged (provenance/px-store-versions.h) */
} PxReanchorStats;

/* Replaces the clean text and blocks of a stored document (a re-import of
 * a newer version, an edit) with those of @content, and finds every
 * highlight again (see px_anchor_find). Highlights that cannot be found
 * are kept as orphaned, never dropped. The document's undo history is
 * cleared, as its positions no longer apply. One transaction. */
gboolean px_store_replace_document_text (PxStore *self, gint64 document_id, PxDocument *content, PxReanchorStats *stats,
                                         GError **error);
/* The same, keeping the text it had and @content as versions (see
 * provenance/px-store-versions.h), @changed_words the words removed or added. */
gboolean px_store_replace_document_version (PxStore *self, gint64 document_id, PxDocument *content, guint changed_words,
                                            PxReanchorStats *stats, GError **error);

/* Tags: a codebook shared by the whole library. */
typedef struct
{
  gint64 id;
  char *name;
  char *color; /* "#rrggbb" */
  guint n_annotations;
} PxTagInfo;

void px_tag_info_free (PxTagInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxTagInfo, px_tag_info_free)

/* All tags by name. */
GPtrArray *px_store_list_tags (PxStore *self, GError **error);
PxTagInfo *px_store_get_tag (PxStore *self, gint64 id, GError **error);
/* Fails with PX_STORE_ERROR_DUPLICATE when the name (ignoring case) is
 * taken. @color may be NULL for the default grey. Returns the id, or 0. */
gint64 px_store_create_tag (PxStore *self, const char *name, const char *color, GError **error);
/* Renaming onto another tag's name fails with DUPLICATE: merge instead. */
gboolean px_store_rename_tag (PxStore *self, gint64 id, const char *name, GError **error);
gboolean px_store_set_tag_color (PxStore *self, gint64 id, const char *color, GError **error);
/* Moves every use of @from_id onto @into_id, then deletes @from_id. */
gboolean px_store_merge_tags (PxStore *self, gint64 from_id, gint64 into_id, GError **error);
/* Deletes the tag and takes it off every annotation. */
gboolean px_store_delete_tag (PxStore *self, gint64 id, GError **error);
/* Names starting with @prefix (ignoring case), most used first. */
GStrv px_store_complete_tags (PxStore *self, const char *prefix, guint limit, GError **error);

/* Colour meanings ("claim", "evidence"…), editable by the user. */
typedef struct
{
  char *name;
  char *meaning;
} PxColorInfo;

void px_color_info_free (PxColorInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxColorInfo, px_color_info_free)

/* The six colours in swatch order. */
GPtrArray *px_store_list_colors (PxStore *self, GError **error);
gboolean px_store_set_color_meaning (PxStore *self, const char *name, const char *meaning, GError **error);

G_END_DECLS
