/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-import-job.h"

#include <glib/gi18n.h>

#include "import/px-import.h"
#include "import/px-shingles.h"
#include "import/px-url-fetch.h"
#include "provenance/px-versions.h"
#include "annotations/px-store-annotations.h"
#include "events/px-store-events.h"
#include "import/px-store-near-dup.h"
#include "provenance/px-store-versions.h"

void
px_import_result_free (PxImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->source);
  g_free (result->title);
  g_free (result->message);
  g_free (result->near_duplicate_title);
  g_free (result);
}

/* Errors that concern the library rather than one file stop the batch:
 * going on would only fail the same way for every remaining file. */
static gboolean
is_fatal_store_error (const GError *error)
{
  return error->domain == PX_STORE_ERROR &&
         (error->code == PX_STORE_ERROR_FULL || error->code == PX_STORE_ERROR_READ_ONLY ||
          error->code == PX_STORE_ERROR_IO || error->code == PX_STORE_ERROR_CORRUPT ||
          error->code == PX_STORE_ERROR_BUSY);
}

/* Records the signature of document @id and, when an earlier document
 * is similar enough, flags @id as its near duplicate. Only earlier ones:
 * the flag always points back to the first of a pair. */
static gboolean
index_document (PxStore *store, gint64 id, const char *text, gint64 *near_id, double *similarity, GError **error)
{
  PxMinHash hash;
  gint64 keys[PX_MINHASH_BANDS];
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gboolean has_shingles = px_minhash_compute (text, &hash);

  *near_id = 0;
  *similarity = 0;
  px_minhash_band_keys (&hash, keys);
  if (has_shingles)
    {
      candidates = px_store_find_signature_candidates (store, id, keys, PX_MINHASH_BANDS, error);
      if (candidates == NULL)
        return FALSE;
      for (guint i = 0; i < candidates->len; i++)
        {
          PxStoreSignature *sig = g_ptr_array_index (candidates, i);
          PxMinHash other;
          double s;

          if (sig->id >= id || !px_minhash_from_bytes (g_bytes_get_data (sig->signature, NULL),
                                                       g_bytes_get_size (sig->signature), &other))
            continue;
          s = px_minhash_similarity (&hash, &other);
          if (s > *similarity || (s == *similarity && sig->id < *near_id))
            {
              *similarity = s;
              *near_id = sig->id;
            }
        }
      if (*similarity < PX_NEAR_DUPLICATE_THRESHOLD)
        *near_id = 0;
    }
  if (*near_id != 0 && !px_store_set_near_duplicate (store, id, *near_id, error))
    return FALSE;
  /* A text too short for shingles is signed without band keys: it is
   * never a candidate, and never signed again. */
  bytes = px_minhash_to_bytes (&hash);
  return px_store_set_signature (store, id, bytes, keys, has_shingles ? PX_MINHASH_BANDS : 0, error);
}

typedef struct
{
  PxDocument *doc;
  PxEventFeatures *features; /* counted before the write lock is taken */
  gint64 existing;
  gint64 near_id;
  double similarity;
} AddData;

static gboolean
add_txn (PxStore *store, gpointer user_data, GError **error)
{
  AddData *d = user_data;

  /* The document, its signature and its place in an event go in
   * together: a crash never leaves one without the others. */
  if (!px_store_add_document (store, d->doc, &d->existing, error))
    return FALSE;
  if (!index_document (store, px_document_get_id (d->doc), px_document_get_text (d->doc), &d->near_id, &d->similarity,
                       error))
    return FALSE;
  g_assert (d->features != NULL);
  d->features->document_id = px_document_get_id (d->doc);
  return px_store_assign_event (store, d->doc, d->features, error);
}

/* The event statistics are saved once per batch, not per document. They
 * are a cache: statistics that could not be saved (a full disk, say) are
 * reconciled with the documents the next time the library is opened, so
 * the failure is no error of the import, and the user sees the one that
 * matters (the document that could not be saved), not this one too. */
static void
flush_events (PxStore *store)
{
  g_autoptr (GError) error = NULL;

  if (!px_store_flush_events (store, &error))
    g_debug ("Could not save the event statistics: %s", error->message);
}

/* Once an import is done, its documents and the library are grouped again
 * as one batch, so that the events are the same whatever the order the
 * files came in (docs/events.md). Like saving, a failure is no error of
 * the import: the documents are all in events already. */
static void
regroup_events (PxStore *store)
{
  g_autoptr (GError) error = NULL;

  if (!px_store_regroup_events (store, &error))
    g_debug ("Could not group the events again: %s", error->message);
}

/* @result failed with @local_error (taken): a failure of this one
 * document is reported in the result; one of the library itself (a full
 * disk, a damaged file) is the caller's error, and there is no result. */
static PxImportResult *
failed (PxImportResult *result, GError *local_error, GError **error)
{
  if (is_fatal_store_error (local_error))
    {
      px_import_result_free (result);
      g_propagate_error (error, local_error);
      return NULL;
    }
  result->status = PX_IMPORT_FAILED;
  result->message = g_strdup (local_error->message);
  g_error_free (local_error);
  return result;
}

PxImportResult *
px_import_add_document (PxStore *store, PxDocument *doc, const char *source, GError **error)
{
  PxImportResult *result = g_new0 (PxImportResult, 1);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PxEventFeatures) features = NULL;
  AddData d = { doc, NULL, 0, 0, 0 };

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (PX_IS_DOCUMENT (doc), NULL);

  d.features = features = px_event_features_new_for_document (doc, NULL);

  result->source = g_strdup (source);
  result->title = g_strdup (px_document_get_title (doc));
  if (px_store_transaction (store, add_txn, &d, &local_error))
    {
      result->status = PX_IMPORT_IMPORTED;
      result->document_id = px_document_get_id (doc);
      result->message = g_strdup (px_document_get_import_note (doc));
      if (d.near_id != 0)
        {
          g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, d.near_id, NULL);
          result->near_duplicate_of = d.near_id;
          result->similarity = d.similarity;
          result->near_duplicate_title = info != NULL ? g_strdup (info->title) : NULL;
        }
      return result;
    }
  /* The transaction was rolled back: the document has no id after all. */
  px_document_set_id (doc, 0);
  if (g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE))
    {
      result->status = PX_IMPORT_DUPLICATE;
      result->document_id = d.existing;
      return result;
    }
  return failed (result, g_steal_pointer (&local_error), error);
}

/* A text imported again from a source is the same article changed (a
 * correction, an update, a paragraph added), and becomes its version,
 * when at least SAME_ARTICLE_KEPT of the words of both texts are kept
 * (the word diff of px_versions_compare()) and, where both are long
 * enough for shingles, at least SAME_ARTICLE_SHINGLES of their shingles
 * are shared. Another article saved under the same name shares common
 * words, hardly any run of five of them in order: it is a document of
 * its own. */
#define SAME_ARTICLE_KEPT 0.5
#define SAME_ARTICLE_SHINGLES 0.1

static gboolean
same_article (PxDocument *old, PxDocument *doc, guint *changed_words)
{
  PxMinHash a, b;
  guint n_words = 0;

  *changed_words = px_versions_compare (px_document_get_text (old), px_document_get_text (doc),
                                        px_document_get_language (doc), &n_words);
  if (n_words == 0 || *changed_words > (1.0 - SAME_ARTICLE_KEPT) * n_words)
    return FALSE;
  if (px_minhash_compute (px_document_get_text (old), &a) && px_minhash_compute (px_document_get_text (doc), &b))
    return px_minhash_similarity (&a, &b) >= SAME_ARTICLE_SHINGLES;
  return TRUE;
}

/* The document among @ids (imported from @doc's source before) that
 * @doc is a new version of: the same article changed, keeping the most
 * words. 0 when there is none, or when one has @doc's text already
 * (then @same_text is that one, whatever the title says); -1 on error. */
static gint64
version_of (PxStore *store, GArray *ids, PxDocument *doc, guint *changed_words, gint64 *same_text, GError **error)
{
  gint64 best = 0;
  guint fewest = G_MAXUINT;

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (PxDocument) old = px_store_load_document (store, id, &local_error);
      guint changed;

      if (old == NULL)
        {
          /* Deleted meanwhile: no longer a candidate. */
          if (g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -1;
        }
      if (g_strcmp0 (px_document_get_text (old), px_document_get_text (doc)) == 0)
        {
          *same_text = id;
          return 0;
        }
      if (same_article (old, doc, &changed) && changed < fewest)
        {
          best = id;
          fewest = changed;
        }
    }
  *changed_words = fewest;
  return best;
}

typedef struct
{
  gint64 id;
  PxDocument *doc;
  guint changed_words;
  PxReanchorStats stats;
  PxDocument *stored; /* the document as it is afterwards */
} RefetchData;

static gboolean
refetch_txn (PxStore *store, gpointer user_data, GError **error)
{
  RefetchData *d = user_data;
  gint64 near_id;
  double similarity;

  /* The text, its metadata, its signature and its place in an event
   * change together, as when it was added. */
  if (!px_store_replace_from_source (store, d->id, d->doc, d->changed_words, &d->stats, error) ||
      !px_store_set_near_duplicate (store, d->id, 0, error) ||
      !index_document (store, d->id, px_document_get_text (d->doc), &near_id, &similarity, error))
    return FALSE;
  d->stored = px_store_load_document (store, d->id, error);
  if (d->stored == NULL)
    return FALSE;
  /* Placed by the user, or alone in its event: it stays. */
  if (px_document_get_event_id (d->stored) != 0)
    return TRUE;
  return px_store_assign_event (store, d->stored, NULL, error) &&
         px_store_settle_source_version (store, d->id, px_document_get_event_id (d->stored), error);
}

/* A page imported before, fetched again, or a file imported again from
 * the same source, found to be the same article changed (version_of()):
 * the changed text replaces the stored one, the old one is kept as a
 * version, and the document's highlights are found again in it (or kept
 * as orphaned), those whose words changed flagged. Its metadata the user
 * did not edit take the new ones, its near-duplicate signature and event
 * follow the new text. A text another document has is a duplicate. */
static PxImportResult *
refetch (PxStore *store, gint64 existing, PxDocument *doc, guint changed_words, const char *source, gboolean is_file,
         GError **error)
{
  PxImportResult *result = g_new0 (PxImportResult, 1);
  g_autoptr (GError) local_error = NULL;
  RefetchData d = { existing, doc, changed_words, { 0 }, NULL };

  result->source = g_strdup (source);
  result->document_id = existing;
  if (px_store_transaction (store, refetch_txn, &d, &local_error))
    {
      result->status = PX_IMPORT_UPDATED;
      result->title = g_strdup (px_document_get_title (d.stored));
      g_clear_object (&d.stored);
      /* Both versions are kept (`parallax versions`). */
      result->message = is_file
                            ? g_strdup_printf (_ ("The file has changed since it was imported; both versions are kept. "
                                                  "Highlights found again: %u, with changed words: %u; orphaned: %u."),
                                               d.stats.n_position + d.stats.n_exact + d.stats.n_fuzzy,
                                               d.stats.n_changed, d.stats.n_orphaned)
                            : g_strdup_printf (_ ("The page has changed since it was imported; both versions are kept. "
                                                  "Highlights found again: %u, with changed words: %u; orphaned: %u."),
                                               d.stats.n_position + d.stats.n_exact + d.stats.n_fuzzy,
                                               d.stats.n_changed, d.stats.n_orphaned);
      return result;
    }
  g_clear_object (&d.stored);
  /* Another document has the new text under the old title. */
  if (g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE))
    {
      g_autoptr (PxDocument) old = px_store_load_document (store, existing, NULL);
      g_autofree char *hash = NULL;
      guint n_blocks = px_document_get_n_blocks (doc);

      result->status = PX_IMPORT_DUPLICATE;
      result->title = g_strdup (px_document_get_title (doc));
      if (old != NULL)
        {
          px_document_set_content (old, px_document_get_text (doc), n_blocks ? px_document_get_block (doc, 0) : NULL,
                                   n_blocks);
          hash = px_document_compute_hash (old);
          result->document_id = px_store_find_document_by_hash (store, hash);
        }
      return result;
    }
  return failed (result, g_steal_pointer (&local_error), error);
}

/* @doc read from @source, from which @ids were imported before: when it
 * is a new version of one of them, sets @handled and returns its result
 * (NULL on an error of the library); else @doc is a document to add. */
static PxImportResult *
import_again (PxStore *store, GArray *ids, PxDocument *doc, const char *source, gboolean is_file, gboolean *handled,
              GError **error)
{
  guint changed_words = 0;
  g_autofree char *hash = px_document_compute_hash (doc);
  gint64 existing, same_text = 0;
  PxImportResult *result;

  /* Another document has this title and text already: a duplicate as any
   * other (refused by px_store_add_document() before anything is
   * written). */
  *handled = FALSE;
  if (px_store_find_document_by_hash (store, hash) > 0)
    return NULL;
  existing = version_of (store, ids, doc, &changed_words, &same_text, error);
  *handled = existing != 0 || same_text != 0;
  if (existing < 0)
    return NULL;
  /* The same text under another title (a headline changed, nothing
   * else): still the document it was. */
  if (same_text != 0)
    {
      g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, same_text, NULL);

      result = g_new0 (PxImportResult, 1);
      result->source = g_strdup (source);
      result->status = PX_IMPORT_DUPLICATE;
      result->document_id = same_text;
      result->title = g_strdup (info != NULL ? info->title : px_document_get_title (doc));
      return result;
    }
  if (existing == 0)
    return NULL;
  return refetch (store, existing, doc, changed_words, source, is_file, error);
}

PxImportResult *
px_import_url (PxStore *store, const char *url, GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PxDocument) doc = NULL;
  PxImportResult *result;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  doc = px_url_import (url, NULL, cancellable, &local_error);
  if (doc != NULL)
    {
      g_autoptr (GArray) ids = px_store_list_documents_by_source (store, url, error);
      gboolean handled = FALSE;

      if (ids == NULL)
        return NULL;
      result = import_again (store, ids, doc, url, FALSE, &handled, error);
      if (!handled)
        result = px_import_add_document (store, doc, url, error);
      if (result == NULL)
        return NULL;
      flush_events (store);
      regroup_events (store);
      return result;
    }
  result = g_new0 (PxImportResult, 1);
  result->source = g_strdup (url);
  result->status = PX_IMPORT_FAILED;
  result->message = g_strdup (local_error->message);
  return result;
}

gboolean
px_import_index_unsigned (PxStore *store, GCancellable *cancellable, GError **error)
{
  g_autoptr (GArray) ids = px_store_list_unsigned_documents (store, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (PxDocument) doc = NULL;
      gint64 near_id;
      double similarity;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      doc = px_store_load_document (store, id, error);
      if (doc == NULL || !index_document (store, id, px_document_get_text (doc), &near_id, &similarity, error))
        return FALSE;
    }
  return TRUE;
}

/* Files are read and cleaned outside any transaction, a batch at a time,
 * then the batch is stored in one transaction: a commit (and its fsync)
 * per batch rather than per file, and the write lock held only for the
 * inserts. A batch holds whole documents only, and progress is reported
 * after its commit, so whatever was reported as imported is on disk. */
#define BATCH_MAX_FILES 64
#define BATCH_MAX_USEC (250 * 1000)

typedef struct
{
  PxImportResult *result;
  AddData add;    /* add.doc is NULL when reading the file failed */
  gboolean saved; /* committed alone after the batch failed */
} Pending;

static void
pending_clear (gpointer data)
{
  Pending *p = data;
  px_import_result_free (p->result);
  g_clear_object (&p->add.doc);
  g_clear_pointer (&p->add.features, px_event_features_free);
}

static gboolean
store_batch_txn (PxStore *store, gpointer user_data, GError **error)
{
  GArray *batch = user_data;

  for (guint i = 0; i < batch->len; i++)
    {
      Pending *p = &g_array_index (batch, Pending, i);
      g_autoptr (GError) local_error = NULL;

      if (p->add.doc == NULL)
        continue;
      if (add_txn (store, &p->add, &local_error))
        {
          p->result->status = PX_IMPORT_IMPORTED;
          p->result->document_id = px_document_get_id (p->add.doc);
          p->result->message = g_strdup (px_document_get_import_note (p->add.doc));
        }
      /* A duplicate is refused before anything is written. */
      else if (g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE))
        {
          p->result->status = PX_IMPORT_DUPLICATE;
          p->result->document_id = p->add.existing;
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

/* Stores a batch; when it fails as a whole, each document is tried
 * alone, so that one bad document only fails itself and a disk that fills
 * up halfway still takes the documents that fit. Those are marked saved,
 * so they are reported even when the batch stops with an error. */
static gboolean
store_batch (PxStore *store, GArray *batch, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (px_store_transaction (store, store_batch_txn, batch, &local_error))
    {
      for (guint i = 0; i < batch->len; i++)
        {
          Pending *p = &g_array_index (batch, Pending, i);
          if (p->add.doc != NULL && p->result->status == PX_IMPORT_IMPORTED && p->add.near_id != 0)
            {
              g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, p->add.near_id, NULL);
              p->result->near_duplicate_of = p->add.near_id;
              p->result->similarity = p->add.similarity;
              p->result->near_duplicate_title = info != NULL ? g_strdup (info->title) : NULL;
            }
        }
      return TRUE;
    }
  if (is_fatal_store_error (local_error) && !g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_FULL))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; i < batch->len; i++)
    {
      Pending *p = &g_array_index (batch, Pending, i);
      PxImportResult *one;

      if (p->add.doc == NULL)
        continue;
      /* The rolled-back insert had given it an id. */
      px_document_set_id (p->add.doc, 0);
      one = px_import_add_document (store, p->add.doc, p->result->source, error);
      if (one == NULL)
        return FALSE;
      px_import_result_free (p->result);
      p->result = one;
      p->saved = TRUE;
    }
  return TRUE;
}

GPtrArray *
px_import_run (PxStore *store, GFile *const *roots, guint n_roots, PxImportProgressFunc progress, gpointer user_data,
               GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)px_import_result_free);
  g_autoptr (GArray) batch = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_autoptr (GHashTable) sources = NULL;
  guint next = 0, total;
  gboolean imported = FALSE;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_array_set_clear_func (batch, pending_clear);

  files = px_import_collect_files (roots, n_roots, results, cancellable, error);
  if (files == NULL)
    return NULL;
  /* Folders that could not be read come first in the report. */
  total = files->len + results->len;
  for (guint i = 0; progress != NULL && i < results->len; i++)
    progress (i + 1, total, g_ptr_array_index (results, i), user_data);
  if (!px_import_index_unsigned (store, cancellable, error))
    return NULL;
  /* One read of the library, not a query per file. */
  if ((sources = px_store_map_document_sources (store, error)) == NULL)
    return NULL;

  while (next < files->len && !g_cancellable_is_cancelled (cancellable))
    {
      gint64 started = g_get_monotonic_time ();
      gboolean any_doc = FALSE;

      g_array_set_size (batch, 0);
      while (next < files->len && batch->len < BATCH_MAX_FILES &&
             (batch->len == 0 || g_get_monotonic_time () - started < BATCH_MAX_USEC) &&
             !g_cancellable_is_cancelled (cancellable))
        {
          GFile *file = g_ptr_array_index (files, next++);
          g_autoptr (GError) local_error = NULL;
          Pending p = { g_new0 (PxImportResult, 1), { NULL, NULL, 0, 0, 0 }, FALSE };
          GArray *ids;
          PxImportResult *again = NULL;
          gboolean handled = FALSE;

          p.result->source = g_file_get_path (file);
          if (p.result->source == NULL)
            p.result->source = g_file_get_uri (file);
          p.add.doc = px_import_file (file, cancellable, &local_error);
          ids = p.add.doc != NULL ? g_hash_table_lookup (sources, p.result->source) : NULL;
          /* Imported before from this path and the same article changed:
           * a version, at once (its own transaction), reported in its
           * place. */
          if (ids != NULL)
            again = import_again (store, ids, p.add.doc, p.result->source, TRUE, &handled, error);
          if (handled && again == NULL)
            {
              pending_clear (&p);
              return NULL;
            }
          if (handled)
            {
              px_import_result_free (p.result);
              p.result = again;
              g_clear_object (&p.add.doc);
              imported |= again->status == PX_IMPORT_UPDATED;
            }
          else if (p.add.doc != NULL)
            {
              p.result->title = g_strdup (px_document_get_title (p.add.doc));
              p.add.features = px_event_features_new_for_document (p.add.doc, NULL);
              any_doc = TRUE;
            }
          else
            {
              p.result->status = PX_IMPORT_FAILED;
              p.result->message = g_strdup (local_error->message);
            }
          g_array_append_val (batch, p);
        }

      /* A failed batch was rolled back whole, so there are no event
       * statistics of it to save. */
      if (any_doc && !store_batch (store, batch, error))
        {
          for (guint i = 0; i < batch->len; i++)
            {
              Pending *p = &g_array_index (batch, Pending, i);
              if (p->saved && progress != NULL)
                progress (results->len + 1, total, p->result, user_data);
            }
          return NULL;
        }
      if (any_doc)
        flush_events (store);
      imported |= any_doc;

      for (guint i = 0; i < batch->len; i++)
        {
          Pending *p = &g_array_index (batch, Pending, i);
          const PxImportResult *r = p->result;

          g_ptr_array_add (results, g_steal_pointer (&p->result));
          if (progress != NULL)
            progress (results->len, total, r, user_data);
        }
    }
  if (imported)
    regroup_events (store);
  return g_steal_pointer (&results);
}

guint
px_import_count_near_duplicates (GPtrArray *results)
{
  guint n = 0;

  for (guint i = 0; i < results->len; i++)
    {
      const PxImportResult *r = g_ptr_array_index (results, i);
      if (r->status == PX_IMPORT_IMPORTED && r->near_duplicate_of != 0)
        n++;
    }
  return n;
}

void
px_import_count (GPtrArray *results, guint *imported, guint *duplicates, guint *failed)
{
  guint counts[4] = { 0, 0, 0, 0 };

  for (guint i = 0; i < results->len; i++)
    {
      const PxImportResult *r = g_ptr_array_index (results, i);
      counts[r->status]++;
    }
  if (imported)
    *imported = counts[PX_IMPORT_IMPORTED] + counts[PX_IMPORT_UPDATED]; /* new text either way */
  if (duplicates)
    *duplicates = counts[PX_IMPORT_DUPLICATE];
  if (failed)
    *failed = counts[PX_IMPORT_FAILED];
}
