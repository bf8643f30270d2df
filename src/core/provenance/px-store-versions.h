/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "library/px-store.h"

G_BEGIN_DECLS

/* The versions of a document: when a page fetched again has another text
 * (px_store_replace_document_text()), the text it had and the new one are
 * both kept, each with the time it was fetched, and every highlight whose
 * words changed with it is listed with its old and new quote. A document
 * never fetched again has one version, its import. */

typedef struct
{
  guint version; /* 1 for the first import */
  char *fetched; /* ISO 8601, UTC */
  char *title;
  char *published;     /* as the page gave it then, may be NULL */
  guint changed_words; /* words removed or added since the version before */
} PxDocumentVersion;

void px_document_version_free (PxDocumentVersion *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxDocumentVersion, px_document_version_free)

/* Oldest first (PxDocumentVersion). NULL with an error for no such
 * document. */
GPtrArray *px_store_list_versions (PxStore *self, gint64 document_id, GError **error);
/* The clean text of one version, NULL with an error if there is none. */
char *px_store_get_version_text (PxStore *self, gint64 document_id, guint version, GError **error);

typedef struct
{
  gint64 annotation_id;
  guint version; /* the version whose text changed its words */
  char *old_quote;
  char *new_quote;
} PxAnnotationChange;

void px_annotation_change_free (PxAnnotationChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxAnnotationChange, px_annotation_change_free)

/* Where each document was imported from: its source (a file's path, a
 * page's address) to its id (gint64*), the oldest document of a source
 * when there are several. Read once per import of files, so that a file
 * imported again with another text becomes a version of its document
 * rather than a document of its own. */
GHashTable *px_store_map_document_sources (PxStore *self, GError **error);

/* The changes of the highlights of a document (PxAnnotationChange), by
 * highlight then version; of all documents for @document_id 0. */
GPtrArray *px_store_list_annotation_changes (PxStore *self, gint64 document_id, GError **error);

G_END_DECLS
