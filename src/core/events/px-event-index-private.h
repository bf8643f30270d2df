/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "events/px-event-index.h"
#include "events/px-pair-cache.h"
#include "text/px-term-weights.h"

G_BEGIN_DECLS

/* What px-event-index-io.c reads and writes of an index. */
typedef struct
{
  const char *text; /* the key, @len bytes, NUL-terminated */
  guint len;
  const char *surface;
  PxTermKind kind;
  guint df;
} PxEventIndexTerm;

typedef struct
{
  gint64 id;
  guint32 day;
  gint64 event;
  gboolean pinned;
  const PxTermWeight *vec; /* sorted by term */
  guint len;
} PxEventIndexDocument;

guint _px_event_index_get_n_terms (PxEventIndex *self);
void _px_event_index_get_term (PxEventIndex *self, guint id, PxEventIndexTerm *out);
/* Adds the next term (its id is the number of terms before); FALSE when
 * the index knows it already. */
gboolean _px_event_index_add_term (PxEventIndex *self, const PxEventIndexTerm *term);
/* How many documents the document frequencies count. */
guint _px_event_index_get_n_counted (PxEventIndex *self);
void _px_event_index_set_n_counted (PxEventIndex *self, guint n_docs);
gboolean _px_event_index_get_document (PxEventIndex *self, gint64 document_id, PxEventIndexDocument *out);
/* Adds a document with its vector (@vec, @document->len terms, which the
 * index takes) to the end of its event; FALSE (and @vec freed) when its
 * id is known already or its event is not > 0. */
gboolean _px_event_index_load_document (PxEventIndex *self, const PxEventIndexDocument *document, PxTermWeight *vec);

/* The cache of pair similarities that placing documents one by one keeps;
 * with !@keep it is dropped for good (tests compare). NULL when none. */
PxPairCache *_px_event_index_keep_pairs (PxEventIndex *self, gboolean keep);

G_END_DECLS
