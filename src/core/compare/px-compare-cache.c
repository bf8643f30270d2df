/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-compare-cache.h"

#include <glib/gi18n-lib.h>

#include "compare/px-store-analysis.h"
#include "events/px-store-events.h"

/* The documents and their stamp, read so that they agree: if the event
 * changed between the two reads, read again. */
static GPtrArray *
load_documents (PxStore *store, gint64 event_id, char **stamp_out, GError **error)
{
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      g_autofree char *before = px_store_event_stamp (store, event_id, PX_EVENT_COMPARISON_VERSION, error);
      g_autofree char *after = NULL;
      g_autoptr (GPtrArray) docs = NULL;

      if (before == NULL)
        return NULL;
      docs = px_store_load_event_documents (store, event_id, error);
      if (docs == NULL)
        return NULL;
      after = px_store_event_stamp (store, event_id, PX_EVENT_COMPARISON_VERSION, error);
      if (after == NULL)
        return NULL;
      if (g_str_equal (before, after))
        {
          *stamp_out = g_steal_pointer (&after);
          return g_steal_pointer (&docs);
        }
    }
  g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_BUSY, "The event keeps changing");
  return NULL;
}

/* Roughly how many sentences @text has (ends of sentences and lines):
 * a linear scan, far cheaper than splitting it. */
static guint
estimate_sentences (const char *text)
{
  guint n = 1;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n' || ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || p[1] == '\n' || p[1] == '\0')))
      n++;
  return n;
}

/* Comparing costs more than linear time in an article's sentences: one
 * beyond the limit is refused with a clear message instead of running for
 * minutes. */
static gboolean
check_sizes (GPtrArray *docs, GError **error)
{
  for (guint i = 0; i < docs->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (docs, i);
      guint n = estimate_sentences (px_document_get_text (doc));

      if (n > PX_COMPARE_MAX_SENTENCES)
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID,
                       _ ("“%s” is too long to compare: about %u sentences (at most %d)"), px_document_get_title (doc),
                       n, PX_COMPARE_MAX_SENTENCES);
          return FALSE;
        }
    }
  return TRUE;
}

PxEventComparison *
px_compare_cache_load (PxStore *store, gint64 event_id, gboolean *from_cache, GError **error)
{
  g_autoptr (PxEventInfo) info = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GBytes) cached = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (PxComparison) comparison = NULL;
  g_autoptr (PxEventComparison) result = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  if (from_cache != NULL)
    *from_cache = FALSE;
  info = px_store_get_event (store, event_id, error);
  if (info == NULL)
    return NULL;
  docs = load_documents (store, event_id, &stamp, error);
  if (docs == NULL)
    return NULL;

  cached = px_store_get_analysis (store, event_id, stamp, &local_error);
  if (cached != NULL)
    {
      result = px_event_comparison_deserialize (cached, docs, event_id, info->title, &local_error);
      if (result != NULL)
        {
          if (from_cache != NULL)
            *from_cache = TRUE;
          return g_steal_pointer (&result);
        }
    }
  if (local_error != NULL)
    g_debug ("Comparing event %" G_GINT64_FORMAT " again: %s", event_id, local_error->message);
  g_clear_error (&local_error);

  if (!check_sizes (docs, error))
    return NULL;
  comparison = px_comparison_new (docs, NULL);
  result = px_event_comparison_new (comparison, event_id, info->title);
  if (result == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The comparison failed");
      return NULL;
    }
  bytes = px_event_comparison_serialize (result);
  if (!px_store_is_read_only (store) && !px_store_put_analysis (store, event_id, stamp, bytes, &local_error))
    g_debug ("Could not cache the comparison of event %" G_GINT64_FORMAT ": %s", event_id, local_error->message);
  return g_steal_pointer (&result);
}
