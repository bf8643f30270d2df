/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "events/px-event-features.h"
#include "library/px-store.h"

G_BEGIN_DECLS

/* Events: the groups of documents about one story.
 *
 * A new document joins the event whose documents it resembles most, or
 * starts one (px_store_assign_event()). The statistics behind that (a
 * PxEventIndex) are kept with the connection and saved in the library by
 * px_store_flush_events(); a connection that finds them out of date (other
 * connections changed documents or events, or a crash lost the last save)
 * brings them up to date from the documents table, touching only the
 * documents that changed. The documents table is the truth: where a
 * document belongs is always its event_id. */

typedef struct
{
  gint64 id;
  char *title;
  gboolean title_locked; /* named by the user */
  GArray *documents;     /* gint64 ids, by date, then id */
  char *created;         /* ISO 8601: ids are reused, this tells events apart */
} PxEventInfo;

void px_event_info_free (PxEventInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxEventInfo, px_event_info_free)

/* Puts a stored document (id set) into the event it resembles, or a new
 * one, grouping its neighbourhood again (other documents may move), and
 * updates the titles of the events touched unless the user named them.
 * Sets the document's event id. @features may be NULL (they are computed
 * from @doc). */
gboolean px_store_assign_event (PxStore *self, PxDocument *doc, const PxEventFeatures *features, GError **error);

/* Saves the event statistics if they changed since the last save; call
 * after a batch of px_store_assign_event(). Above 1,000 documents it
 * saves only once they grew by a quarter since (px_store_regroup_events()
 * always saves). Nothing is lost without it: the next connection
 * rebuilds what is missing, it only takes longer. */
gboolean px_store_flush_events (PxStore *self, GError **error);

/* Groups every document of the library again as one batch (documents the
 * user placed stay), writes the events that changed and their titles, and
 * saves the statistics. An import calls it once it is done: documents
 * assigned one by one then end in the events a batch of them all would
 * make, whatever their order. */
gboolean px_store_regroup_events (PxStore *self, GError **error);

/* Puts every document that belongs to no event into one (a library made
 * before events existed, or documents added without
 * px_store_assign_event()). Returns how many were placed, -1 on error. */
gint64 px_store_group_unassigned (PxStore *self, GError **error);

/* All events with at least one document, by id. */
GPtrArray *px_store_list_events (PxStore *self, GError **error);
PxEventInfo *px_store_get_event (PxStore *self, gint64 event_id, GError **error);
/* The event's documents (PxDocument*), by date, then id. */
GPtrArray *px_store_load_event_documents (PxStore *self, gint64 event_id, GError **error);

/* Editing. Each is one transaction; documents placed by the user are
 * marked so (event_locked). */
/* Names an event; NULL or "" goes back to the automatic title. */
gboolean px_store_rename_event (PxStore *self, gint64 event_id, const char *title, GError **error);
/* Moves every document of @from into @into; @from goes away. */
gboolean px_store_merge_events (PxStore *self, gint64 into, gint64 from, GError **error);
/* Moves the given documents of @event_id into a new event; returns its
 * id, or 0 with @error set. */
gint64 px_store_split_event (PxStore *self, gint64 event_id, const gint64 *document_ids, guint n_documents,
                             GError **error);
gboolean px_store_move_document (PxStore *self, gint64 document_id, gint64 event_id, GError **error);
/* "Compare these": a new event made of the given documents, wherever
 * they were. Returns its id, or 0 with @error set. */
gint64 px_store_group_documents (PxStore *self, const gint64 *document_ids, guint n_documents, GError **error);

/* Runs @func in one transaction that edits events (several of the
 * calls above, and what goes with them, such as their undo step): when
 * it fails, the event statistics this connection holds are dropped, as
 * they may be ahead of the library. */
gboolean px_store_edit_events (PxStore *self, PxStoreTransactionFunc func, gpointer user_data, GError **error);

/* For tests: how many documents this connection had to read back from
 * the library to bring the event statistics up to date. */
guint _px_store_events_get_n_rebuilt (PxStore *self);

G_END_DECLS
