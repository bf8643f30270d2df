/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "events/px-byte-stream.h"
#include "events/px-event-features.h"

G_BEGIN_DECLS

/* Parameters of event grouping. */
typedef struct
{
  /* Two groups of documents become one event while the average cosine
   * similarity of their documents, pair by pair, reaches this (average
   * link; docs/events.md). */
  double threshold;
  /* Two documents both dated more than this many days apart count as not
   * similar at all; < 0 ignores dates. A document without a date is
   * judged on its words alone. */
  int date_window_days;
  /* Weights of the term kinds relative to plain words. */
  double entity_weight;
  double number_weight;
} PxEventParams;

/* Fills @params with the defaults calibrated on tools/compare-eval. */
void px_event_params_init (PxEventParams *params);

/* Groups documents into events by TF-IDF similarity over stems, names and
 * numbers. The index keeps the statistics (document frequencies, each
 * document's vector, each event's centroid and date range), so one new
 * document is assigned without recomputing the others; the batch call
 * groups many at once. Event ids are chosen by the index (1, 2, …) unless
 * given through px_event_index_add_to_event(). Not thread-safe: use it from
 * one thread at a time (a worker thread is fine). */
#define PX_TYPE_EVENT_INDEX (px_event_index_get_type ())
G_DECLARE_FINAL_TYPE (PxEventIndex, px_event_index, PX, EVENT_INDEX, GObject)

/* @params may be NULL for the defaults. */
PxEventIndex *px_event_index_new (const PxEventParams *params);
const PxEventParams *px_event_index_get_params (PxEventIndex *self);

/* Batch: counts all documents in the document frequencies first, then
 * groups every document of the index again (average link over pairs of
 * documents that share a strong term; pinned documents stay). The result
 * depends on the documents alone, not on their order or on how they were
 * split into batches.
 * @features holds PxEventFeatures*. A large batch of new documents is
 * vectorized on several threads first (see px_event_index_set_threads());
 * the result is the same as on one. */
void px_event_index_group (PxEventIndex *self, GPtrArray *features);

/* How many threads px_event_index_group() may use: 0 (the default) for
 * one per processor, up to four; 1 for the calling thread alone. */
void px_event_index_set_threads (PxEventIndex *self, guint n_threads);

/* Incremental: adds one document and groups again its neighbourhood (the
 * events of the documents it resembles), as a batch would: other
 * documents may change event too (px_event_index_steal_changes()).
 * Returns the document's event id; @similarity, if not NULL, receives its
 * cosine similarity to the event's centroid (0 alone). */
gint64 px_event_index_assign (PxEventIndex *self, const PxEventFeatures *features, double *similarity);

/* Puts a document into a given event without looking at similarity: to
 * rebuild the index from stored events, or after the user moved it. */
void px_event_index_add_to_event (PxEventIndex *self, const PxEventFeatures *features, gint64 event_id);

/* Forgets a document (its event is dropped when it becomes empty). */
void px_event_index_remove_document (PxEventIndex *self, gint64 document_id);

/* Event of a document, or 0 if the index does not know it. */
gint64 px_event_index_get_event (PxEventIndex *self, gint64 document_id);
/* Ids of all non-empty events, ascending (gint64). */
GArray *px_event_index_list_events (PxEventIndex *self);
/* Document ids of an event in the order they joined (gint64), or NULL. */
GArray *px_event_index_get_members (PxEventIndex *self, gint64 event_id);
/* Cosine similarity of a known document to an event's centroid. */
double px_event_index_similarity (PxEventIndex *self, gint64 document_id, gint64 event_id);

/* A pinned document stays in its event whatever later grouping finds,
 * and no document of another event joins it there (the user put it
 * there, or split it off). */
void px_event_index_set_pinned (PxEventIndex *self, gint64 document_id, gboolean pinned);
gboolean px_event_index_get_pinned (PxEventIndex *self, gint64 document_id);

/* How many documents the index holds. */
guint px_event_index_get_n_documents (PxEventIndex *self);

/* Ids of the documents whose event changed since the last call
 * (ascending gint64), and forgets them. */
GArray *px_event_index_steal_changes (PxEventIndex *self);

/* The member most similar to the event's centroid (ties: the lower id),
 * whose headline names the event; 0 for no such event. */
gint64 px_event_index_get_central_document (PxEventIndex *self, gint64 event_id);

/* A readable title from the terms the event's documents share most:
 * names first, then words ("Liang Hua, Huawei: no-spy agreement"). */
char *px_event_index_get_title (PxEventIndex *self, gint64 event_id);

/* Moves every document of @from into @into; @from disappears. */
gboolean px_event_index_merge (PxEventIndex *self, gint64 into, gint64 from);
/* Moves the given documents of @event_id into a new event and returns its
 * id (0 if none of them belonged to @event_id). */
gint64 px_event_index_split (PxEventIndex *self, gint64 event_id, const gint64 *document_ids, guint n_documents);
/* Moves one document into another event (which must exist). */
gboolean px_event_index_move (PxEventIndex *self, gint64 document_id, gint64 event_id);
/* Suggests how to split an event: groups its documents again (average
 * link) with a stricter @threshold. Returns a GPtrArray of GArray (gint64 document ids),
 * largest group first; one group means "no split". */
GPtrArray *px_event_index_suggest_split (PxEventIndex *self, gint64 event_id, double threshold);

/* The statistics as bytes, so a store can keep them between sessions
 * (a versioned binary format, px-event-index-io.c), and back. Writing and
 * reading go through a sink and a source a chunk at a time: the whole
 * never needs to be in memory besides the index. */
gboolean px_event_index_write (PxEventIndex *self, PxByteSinkFunc sink, gpointer user_data, GError **error);
PxEventIndex *px_event_index_read (PxByteSourceFunc source, gpointer user_data, GError **error);
GBytes *px_event_index_serialize (PxEventIndex *self);
PxEventIndex *px_event_index_deserialize (GBytes *bytes, GError **error);

G_END_DECLS
