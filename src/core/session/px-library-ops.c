/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PxLibrary: the long operations, in worker threads, each on its own
 * connection to the library file. */
#include "session/px-library-ops.h"

#include <glib/gi18n-lib.h>

#include "compare/px-compare-cache.h"

/* Run */

typedef struct
{
  char *path;
  PxStoreOpenFlags flags;
  PxLibraryWorkFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} Work;

static void
work_free (Work *work)
{
  if (work->data_free != NULL)
    work->data_free (work->data);
  g_free (work->path);
  g_free (work);
}

static void
work_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;
  g_autoptr (PxStore) store = px_store_open (work->path, work->flags | PX_STORE_OPEN_EXISTING, &error);
  gpointer result = NULL;

  if (store != NULL)
    result = work->func (store, work->data, cancellable, &error);
  if (result == NULL && error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The operation failed without saying why"));
  if (result != NULL)
    g_task_return_pointer (task, result, work->result_free);
  else
    g_task_return_error (task, error);
}

void
px_library_run_async (PxLibrary *self, PxStoreOpenFlags flags, PxLibraryWorkFunc func, gpointer data,
                      GDestroyNotify data_free, GDestroyNotify result_free, gboolean keep_result_on_cancel,
                      gpointer source_tag, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Work *work;

  g_return_if_fail (PX_IS_LIBRARY (self));
  g_return_if_fail (func != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, !keep_result_on_cancel);
  if (px_library_get_path (self) == NULL)
    {
      if (data_free != NULL)
        data_free (data);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", _ ("No library is open"));
      return;
    }
  work = g_new0 (Work, 1);
  work->path = g_strdup (px_library_get_path (self));
  work->flags = flags;
  work->func = func;
  work->data = data;
  work->data_free = data_free;
  work->result_free = result_free;
  g_task_set_task_data (task, work, (GDestroyNotify)work_free);
  g_task_run_in_thread (task, work_thread);
}

gpointer
px_library_run_finish (PxLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
px_library_fail_unless_writable (PxLibrary *self, gpointer source_tag, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  const char *reason;

  if (px_library_get_writable (self))
    return FALSE;
  reason = px_library_get_read_only_reason (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_return_new_error (task, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY, "%s",
                           reason != NULL ? reason : _ ("No library is open"));
  return TRUE;
}

/* Search */

static gpointer
search_work (PxStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return px_store_search_documents (store, data, error);
}

void
px_library_search_async (PxLibrary *self, const char *query, GCancellable *cancellable, GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_return_if_fail (query != NULL);
  px_library_run_async (self, PX_STORE_OPEN_READ_ONLY, search_work, g_strdup (query), g_free,
                        (GDestroyNotify)g_array_unref, FALSE, px_library_search_async, cancellable, callback,
                        user_data);
}

GArray *
px_library_search_finish (PxLibrary *self, GAsyncResult *result, GError **error)
{
  return px_library_run_finish (self, result, error);
}

/* Check */

static gpointer
check_work (PxStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return px_store_check (store, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

typedef struct
{
  GTask *task;
  PxStore *store; /* the one checked */
} Check;

static void
check_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PxLibrary *self = PX_LIBRARY (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (PxStore) checked = g_task_get_task_data (task) ? g_object_ref (g_task_get_task_data (task)) : NULL;
  GError *error = NULL;

  if (px_library_run_finish (self, result, &error) != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* Other failures (the file busy or gone for a moment) say nothing about
   * damage. Another library opened meanwhile is not this one's. */
  if ((g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT) ||
       g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_A_LIBRARY)) &&
      checked != NULL && checked == px_library_get_store (self) &&
      !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    px_library_forbid_writes (self, PX_STORE_ACCESS_READ_ONLY_DAMAGED);
  g_task_return_error (task, error);
}

void
px_library_check_async (PxLibrary *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task;

  g_return_if_fail (PX_IS_LIBRARY (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_library_check_async);
  if (px_library_get_store (self) != NULL)
    g_task_set_task_data (task, g_object_ref (px_library_get_store (self)), g_object_unref);
  px_library_run_async (self, PX_STORE_OPEN_READ_ONLY, check_work, NULL, NULL, NULL, FALSE, px_library_check_async,
                        cancellable, check_done, task);
}

gboolean
px_library_check_finish (PxLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Update */

static gpointer
update_work (PxStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  /* Opening it did the update; the connection goes to the UI thread. */
  return g_object_ref (store);
}

void
px_library_update_async (PxLibrary *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  px_library_run_async (self, PX_STORE_OPEN_DEFAULT, update_work, NULL, NULL, g_object_unref, FALSE,
                        px_library_update_async, cancellable, callback, user_data);
}

PxStore *
px_library_update_finish (PxLibrary *self, GAsyncResult *result, GError **error)
{
  return px_library_run_finish (self, result, error);
}

/* Compare */

typedef struct
{
  gint64 event_id;
  gboolean from_cache;
} CompareData;

static gpointer
compare_work (PxStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  CompareData *cd = data;
  return px_compare_cache_load (store, cd->event_id, &cd->from_cache, error);
}

void
px_library_compare_async (PxLibrary *self, gint64 event_id, GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  CompareData *cd = g_new0 (CompareData, 1);

  g_return_if_fail (PX_IS_LIBRARY (self));
  cd->event_id = event_id;
  /* A read-only library is compared without caching the result. */
  px_library_run_async (self, px_library_get_writable (self) ? PX_STORE_OPEN_DEFAULT : PX_STORE_OPEN_READ_ONLY,
                        compare_work, cd, g_free, g_object_unref, FALSE, px_library_compare_async, cancellable,
                        callback, user_data);
}

PxEventComparison *
px_library_compare_finish (PxLibrary *self, GAsyncResult *result, gboolean *from_cache, GError **error)
{
  PxEventComparison *cmp = px_library_run_finish (self, result, error);

  if (from_cache != NULL)
    {
      Work *work = g_task_get_task_data (G_TASK (result));
      *from_cache = cmp != NULL && work != NULL && ((CompareData *)work->data)->from_cache;
    }
  return cmp;
}

/* Import */

/* Where progress goes: shared by the worker and the reports on their way
 * to the caller's main context, freed with the last of them. */
typedef struct
{
  gatomicrefcount ref;
  GMainContext *context;
  PxLibraryProgressFunc func;
  gpointer data;
  GDestroyNotify destroy;
} Sink;

static Sink *
sink_ref (Sink *sink)
{
  g_atomic_ref_count_inc (&sink->ref);
  return sink;
}

static void
sink_unref (Sink *sink)
{
  if (sink == NULL || !g_atomic_ref_count_dec (&sink->ref))
    return;
  if (sink->destroy != NULL)
    sink->destroy (sink->data);
  g_main_context_unref (sink->context);
  g_free (sink);
}

typedef struct
{
  Sink *sink;
  guint done;
  guint total;
  char *last;
} Report;

static gboolean
deliver_report (gpointer user_data)
{
  Report *r = user_data;
  r->sink->func (r->done, r->total, r->last, r->sink->data);
  return G_SOURCE_REMOVE;
}

static void
report_free (gpointer user_data)
{
  Report *r = user_data;
  sink_unref (r->sink);
  g_free (r->last);
  g_free (r);
}

static void
on_import_progress (guint done, guint total, const PxImportResult *last, gpointer user_data)
{
  Sink *sink = user_data;
  Report *r;

  if (sink == NULL)
    return;
  r = g_new0 (Report, 1);
  r->sink = sink_ref (sink);
  r->done = done;
  r->total = total;
  r->last = last && last->source ? g_path_get_basename (last->source) : NULL;
  g_main_context_invoke_full (sink->context, G_PRIORITY_DEFAULT, deliver_report, r, report_free);
}

typedef struct
{
  GPtrArray *files;
  Sink *sink;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_ptr_array_unref (data->files);
  sink_unref (data->sink);
  g_free (data);
}

static gpointer
import_work (PxStore *store, gpointer user_data, GCancellable *cancellable, GError **error)
{
  ImportData *data = user_data;
  return px_import_run (store, (GFile *const *)data->files->pdata, data->files->len, on_import_progress, data->sink,
                        cancellable, error);
}

void
px_library_import_async (PxLibrary *self, GFile *const *files, guint n_files, PxLibraryProgressFunc progress,
                         gpointer progress_data, GDestroyNotify progress_destroy, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  ImportData *data;

  g_return_if_fail (PX_IS_LIBRARY (self));
  if (px_library_fail_unless_writable (self, px_library_import_async, cancellable, callback, user_data))
    {
      if (progress_destroy != NULL)
        progress_destroy (progress_data);
      return;
    }
  data = g_new0 (ImportData, 1);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  if (progress != NULL)
    {
      data->sink = g_new0 (Sink, 1);
      g_atomic_ref_count_init (&data->sink->ref);
      data->sink->context = g_main_context_ref_thread_default ();
      data->sink->func = progress;
      data->sink->data = progress_data;
      data->sink->destroy = progress_destroy;
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);
  px_library_run_async (self, PX_STORE_OPEN_DEFAULT, import_work, data, (GDestroyNotify)import_data_free,
                        (GDestroyNotify)g_ptr_array_unref, TRUE, px_library_import_async, cancellable, callback,
                        user_data);
}

GPtrArray *
px_library_import_finish (PxLibrary *self, GAsyncResult *result, GError **error)
{
  return px_library_run_finish (self, result, error);
}

/* Importing a web page */

static gpointer
url_work (PxStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  return px_import_url (store, data, cancellable, error);
}

void
px_library_import_url_async (PxLibrary *self, const char *url, GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (PX_IS_LIBRARY (self));
  g_return_if_fail (url != NULL);
  if (px_library_fail_unless_writable (self, px_library_import_url_async, cancellable, callback, user_data))
    return;
  /* A failed fetch is a result (PX_IMPORT_FAILED), also after a cancel. */
  px_library_run_async (self, PX_STORE_OPEN_DEFAULT, url_work, g_strdup (url), g_free,
                        (GDestroyNotify)px_import_result_free, TRUE, px_library_import_url_async, cancellable, callback,
                        user_data);
}

PxImportResult *
px_library_import_url_finish (PxLibrary *self, GAsyncResult *result, GError **error)
{
  return px_library_run_finish (self, result, error);
}
