/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "library/px-store.h"

G_BEGIN_DECLS

/* The near-duplicate index: a MinHash signature per document and one key
 * per band of it (see import/px-shingles.h), and documents.near_duplicate_of.
 * The store keeps the bytes and keys without knowing how they are made. */

typedef struct
{
  gint64 id;
  GBytes *signature;
} PxStoreSignature;

void px_store_signature_free (PxStoreSignature *sig);

/* Replaces the signature and band keys of a document. */
gboolean px_store_set_signature (PxStore *self, gint64 document_id, GBytes *signature, const gint64 *band_keys,
                                 guint n_keys, GError **error);

/* Documents other than @exclude_id sharing at least one band key, with
 * their signatures (PxStoreSignature), by id. */
GPtrArray *px_store_find_signature_candidates (PxStore *self, gint64 exclude_id, const gint64 *band_keys, guint n_keys,
                                               GError **error);

/* Marks @document_id as a near duplicate of @of_id (0: of none). */
gboolean px_store_set_near_duplicate (PxStore *self, gint64 document_id, gint64 of_id, GError **error);
/* The document it is a near duplicate of, or 0. */
gint64 px_store_get_near_duplicate (PxStore *self, gint64 document_id, GError **error);

/* Ids of documents that have no signature yet (imported before the
 * index existed), oldest first. */
GArray *px_store_list_unsigned_documents (PxStore *self, GError **error);

G_END_DECLS
