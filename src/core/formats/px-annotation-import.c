/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "formats/px-annotation-import.h"
#include "annotations/px-annotation.h"
#include "annotations/px-store-annotations.h"
#include "annotations/px-store-coders.h"

void
px_annotation_import_result_free (PxAnnotationImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->file_id);
  g_free (result);
}

const char *
px_annotation_import_status_to_string (PxAnnotationImportStatus status)
{
  switch (status)
    {
    case PX_IMPORT_IMPORTED:
      return "imported";
    case PX_IMPORT_DUPLICATE:
      return "duplicate";
    case PX_IMPORT_ORPHANED:
      return "orphaned";
    }
  g_return_val_if_reached ("");
}

/* An article of the library, prepared once for all its annotations. */
typedef struct
{
  gint64 id;
  PxAnchorText *text;
  GPtrArray *annotations; /* what it had before this import */
} Target;

static void
target_free (Target *t)
{
  px_anchor_text_free (t->text);
  g_ptr_array_unref (t->annotations);
  g_free (t);
}

typedef struct
{
  GPtrArray *incoming;
  const char *coder;
  GPtrArray *results;
  GHashTable *targets; /* document id → Target */
  GHashTable *coders;  /* highlight id → coder (as stored before this import) */
  char *own;           /* the library's coder */
} ImportData;

static gint64
find_document (PxStore *store, PxIncomingAnnotation *in, GError **error)
{
  gint64 id = 0;

  if (in->content_hash != NULL)
    id = px_store_find_document_by_hash (store, in->content_hash);
  if (id == 0 && in->source != NULL && !g_str_has_prefix (in->source, "urn:"))
    {
      g_autofree char *bare = g_strdup (in->source);
      char *hash = strchr (bare, '#');

      id = px_store_find_document_by_source (store, in->source, error);
      /* A page's URL with a fragment is the same page. */
      if (id == 0 && hash != NULL)
        {
          *hash = '\0';
          id = px_store_find_document_by_source (store, bare, error);
        }
    }
  return id;
}

static Target *
get_target (PxStore *store, ImportData *data, gint64 id, GError **error)
{
  Target *t = g_hash_table_lookup (data->targets, &id);
  g_autoptr (PxDocument) doc = NULL;

  if (t != NULL)
    return t;
  doc = px_store_load_document (store, id, error);
  if (doc == NULL)
    return NULL;
  t = g_new0 (Target, 1);
  t->id = id;
  t->text = px_anchor_text_new (px_document_get_text (doc));
  t->annotations = px_store_list_annotations (store, id, error);
  if (t->annotations == NULL)
    {
      px_anchor_text_free (t->text);
      g_free (t);
      return NULL;
    }
  g_hash_table_insert (data->targets, g_memdup2 (&id, sizeof id), t);
  return t;
}

static const char *
coder_of (ImportData *data, PxAnnotation *a)
{
  gint64 id = px_annotation_get_id (a);
  const char *coder = g_hash_table_lookup (data->coders, &id);

  return coder != NULL ? coder : data->own;
}

/* The highlight @t had before this import that is the same as
 * @candidate: same place (or, orphaned, same quote), colour and coder;
 * NULL when none. Only what was there before counts: a file that holds
 * the same highlight twice (its library had it twice) gives both back. */
static PxAnnotation *
find_duplicate (ImportData *data, Target *t, PxAnnotation *candidate, const char *coder)
{
  for (guint i = 0; i < t->annotations->len; i++)
    {
      PxAnnotation *a = g_ptr_array_index (t->annotations, i);
      gboolean same_place = px_annotation_get_orphaned (candidate)
                                ? px_annotation_get_orphaned (a) &&
                                      g_strcmp0 (px_annotation_get_quote (a), px_annotation_get_quote (candidate)) == 0
                                : !px_annotation_get_orphaned (a) &&
                                      px_annotation_get_start (a) == px_annotation_get_start (candidate) &&
                                      px_annotation_get_end (a) == px_annotation_get_end (candidate);

      if (same_place && g_strcmp0 (px_annotation_get_color (a), px_annotation_get_color (candidate)) == 0 &&
          g_strcmp0 (coder_of (data, a), coder) == 0)
        return a;
    }
  return NULL;
}

/* Anchors @in in @t's text: a new annotation, orphaned when the passage is
 * not found (kept with what the file said, so nothing is lost). */
static PxAnnotation *
anchor (Target *t, PxIncomingAnnotation *in)
{
  const char *color = in->color != NULL ? in->color : px_annotation_color_names ()[0];
  guint length = px_anchor_text_get_length (t->text);
  PxAnchorResult result = { 0 };
  PxAnnotation *a;

  if (in->selector.quote == NULL || *in->selector.quote == '\0')
    {
      /* Only a position: trusted when it fits the text. */
      if (in->has_position && in->selector.end <= length && in->selector.end > in->selector.start)
        return px_annotation_new_for_text (t->text, t->id, in->selector.start, in->selector.end, color);
    }
  else if (px_anchor_find (t->text, &in->selector, in->has_position ? in->selector.start : 0, &result))
    return px_annotation_new_for_text (t->text, t->id, result.start, result.end, color);

  a = px_annotation_new_full (
      0, t->id, MIN (in->selector.start, length), MIN (MAX (in->selector.end, in->selector.start), length),
      in->selector.quote != NULL ? in->selector.quote : "", in->selector.prefix != NULL ? in->selector.prefix : "",
      in->selector.suffix != NULL ? in->selector.suffix : "", color, "", NULL, TRUE, NULL, NULL);
  return a;
}

/* A date of the file in the store's form (UTC, to the second), or NULL
 * when it is not ISO 8601 (the store then keeps the time of the import). */
static char *
normalize_date (const char *date)
{
  g_autoptr (GDateTime) parsed = date != NULL ? g_date_time_new_from_iso8601 (date, NULL) : NULL;
  g_autoptr (GDateTime) utc = parsed != NULL ? g_date_time_to_utc (parsed) : NULL;

  return utc != NULL ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static gboolean
import_one (PxStore *store, ImportData *data, PxIncomingAnnotation *in, PxAnnotationImportResult *result,
            GError **error)
{
  g_autoptr (PxAnnotation) a = NULL;
  g_autofree char *file_coder = in->coder != NULL ? px_store_clean_coder_name (in->coder, NULL) : NULL;
  g_autofree char *created = normalize_date (in->created);
  g_autofree char *modified = normalize_date (in->modified);
  const char *coder = data->coder != NULL ? data->coder : file_coder != NULL ? file_coder : data->own;
  gint64 doc_id = find_document (store, in, error);
  PxAnnotation *existing;
  Target *t;

  if (doc_id < 0)
    return FALSE;
  if (doc_id == 0)
    {
      result->status = PX_IMPORT_ORPHANED;
      return TRUE;
    }
  if ((t = get_target (store, data, doc_id, error)) == NULL)
    return FALSE;
  a = anchor (t, in);
  if ((existing = find_duplicate (data, t, a, coder)) != NULL)
    {
      result->status = PX_IMPORT_DUPLICATE;
      result->annotation_id = px_annotation_get_id (existing);
      return TRUE;
    }
  px_annotation_set_note (a, in->note != NULL ? in->note : "");
  px_annotation_set_note_language (a, in->note_language);
  px_annotation_set_tags (a, (const char *const *)in->tags);
  if (!px_store_add_annotation (store, a, error) ||
      !px_store_set_annotation_origin (store, px_annotation_get_id (a), coder, created, modified, error))
    return FALSE;
  result->status = px_annotation_get_orphaned (a) ? PX_IMPORT_ORPHANED : PX_IMPORT_IMPORTED;
  result->annotation_id = px_annotation_get_id (a);
  return TRUE;
}

static gboolean
import_txn (PxStore *store, gpointer user_data, GError **error)
{
  ImportData *data = user_data;

  for (guint i = 0; i < data->incoming->len; i++)
    {
      PxIncomingAnnotation *in = g_ptr_array_index (data->incoming, i);
      PxAnnotationImportResult *result = g_new0 (PxAnnotationImportResult, 1);

      result->file_id = g_strdup (in->id);
      g_ptr_array_add (data->results, result);
      if (!import_one (store, data, in, result, error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
px_annotation_import (PxStore *store, GPtrArray *incoming, const char *coder, GError **error)
{
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)px_annotation_import_result_free);
  g_autoptr (GHashTable) targets =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)target_free);
  g_autoptr (GHashTable) coders = NULL;
  g_autofree char *own = NULL;
  g_autofree char *clean = NULL;
  ImportData data = { incoming, NULL, results, targets, NULL, NULL };

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (incoming != NULL, NULL);

  if (coder != NULL && (clean = px_store_clean_coder_name (coder, error)) == NULL)
    return NULL;
  if ((own = px_store_get_coder (store, error)) == NULL ||
      (coders = px_store_get_annotation_coders (store, error)) == NULL)
    return NULL;
  data.coder = clean;
  data.coders = coders;
  data.own = own;
  if (!px_store_transaction (store, import_txn, &data, error))
    return NULL;
  return g_steal_pointer (&results);
}
