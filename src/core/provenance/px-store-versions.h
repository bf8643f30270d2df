/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "annotations/px-store-annotations.h"
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
 * page's address) to its ids (a GArray of gint64, oldest first: a file
 * that held another article at the same path is a document of its own).
 * Read once per import of files, so that a file imported again with the
 * same article changed becomes a version of its document rather than a
 * document of its own. */
GHashTable *px_store_map_document_sources (PxStore *self, GError **error);
/* The documents (gint64 ids, oldest first) whose source or address is
 * @source: those a page fetched again may be a version of. */
GArray *px_store_list_documents_by_source (PxStore *self, const char *source, GError **error);

/* @content, imported again from the source of @document_id, as its new
 * version (px_store_replace_document_version()), in one transaction with
 * what goes with it: the metadata the user did not edit since the last
 * import take those of @content (title, outlet, author, date; a title
 * or date equal to the one the last import gave counts as not edited),
 * and the document leaves its event, to be placed again by its new text
 * (px_store_assign_event()), unless the user placed it there or it is
 * the event's only document (which keeps its event, and the event
 * statistics its old text). */
gboolean px_store_replace_from_source (PxStore *self, gint64 document_id, PxDocument *content, guint changed_words,
                                       PxReanchorStats *stats, GError **error);
/* Once px_store_assign_event() placed such a document in @event_id, sets
 * its event if it has none: a document that stays in the event it was in
 * is no change to the event statistics, which leave its row alone. */
gboolean px_store_settle_source_version (PxStore *self, gint64 document_id, gint64 event_id, GError **error);

/* The changes of the highlights of a document (PxAnnotationChange), by
 * highlight then version; of all documents for @document_id 0. */
GPtrArray *px_store_list_annotation_changes (PxStore *self, gint64 document_id, GError **error);

G_END_DECLS
