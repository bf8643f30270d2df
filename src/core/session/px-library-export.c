/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PxLibrary: exporting, in a worker thread. */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "formats/px-qdpx.h"
#include "session/px-library-ops.h"

/* Export */

void
px_library_export_free (PxLibraryExport *job)
{
  if (job == NULL)
    return;
  g_free (job->tag);
  px_export_options_free (job->options);
  g_free (job->output);
  g_free (job);
}

static char *
first_lines (char *text, guint n)
{
  char *p = text;

  for (guint i = 0; p != NULL && i < n; i++)
    if ((p = strchr (p, '\n')) != NULL)
      p++;
  if (p != NULL && *p != '\0')
    {
      *p = '\0';
      return g_strconcat (text, "…\n", NULL);
    }
  return g_strdup (text);
}

/* An exchange format (docs/w3c-annotations.md, citations.md,
 * refi-qda.md): the same scopes as Markdown, a whole library in one file.
 * The preview shows the start of the file (of project.qde for REFI-QDA). */
static char *
run_format_job (PxStore *store, PxLibraryExport *job, GError **error)
{
  static const PxFormatScopeKind scopes[] = { PX_FORMAT_SCOPE_DOCUMENT, PX_FORMAT_SCOPE_EVENT, PX_FORMAT_SCOPE_TAG,
                                              PX_FORMAT_SCOPE_ALL };
  PxFormatScope scope = { scopes[job->kind], job->id, job->tag };
  g_autoptr (PxFormatSet) set = NULL;
  g_autofree char *text = NULL;

  if (job->kind == PX_EXPORT_KIND_TAG && job->tag == NULL)
    return g_strdup ("");
  if ((set = px_format_set_load (store, &scope, error)) == NULL)
    return NULL;
  if (job->output != NULL)
    return px_exchange_format_save (job->format, set, job->output, error) ? g_strdup (job->output) : NULL;
  text = job->format->write != NULL ? job->format->write (set) : px_qdpx_project_xml (set, NULL);
  return first_lines (text, job->preview_lines);
}

static gpointer
export_work (PxStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  PxLibraryExport *job = data;
  g_autofree char *markdown = NULL;

  if (job->format != NULL)
    return run_format_job (store, job, error);
  switch (job->kind)
    {
    case PX_EXPORT_KIND_ARTICLE:
      markdown = px_export_document_from_store (store, job->id, job->options, error);
      break;
    case PX_EXPORT_KIND_EVENT:
      markdown = px_export_event_from_store (store, job->id, job->options, error);
      break;
    case PX_EXPORT_KIND_TAG:
      markdown = px_export_tag_from_store (store, job->tag, job->options, error);
      break;
    case PX_EXPORT_KIND_LIBRARY:
    default:
      if (job->output != NULL)
        {
          g_autoptr (GPtrArray) written =
              px_export_library_to_dir (store, job->output, job->options, cancellable, error);
          return written != NULL ? g_strdup (job->output) : NULL;
        }
      else
        {
          /* The preview of a library export: its first article. */
          g_autoptr (GPtrArray) infos = px_store_list_documents (store, error);

          if (infos == NULL)
            return NULL;
          if (infos->len == 0)
            return g_strdup (_ ("The library is empty."));
          markdown = px_export_document_from_store (store, ((PxDocumentInfo *)g_ptr_array_index (infos, 0))->id,
                                                    job->options, error);
        }
      break;
    }
  if (markdown == NULL)
    return NULL;
  if (job->output == NULL)
    return first_lines (markdown, job->preview_lines);
  if (!g_file_set_contents_full (job->output, markdown, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
    return NULL;
  return g_strdup (job->output);
}

void
px_library_export_async (PxLibrary *self, PxLibraryExport *job, GCancellable *cancellable, GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_return_if_fail (job != NULL);
  /* Export reads only: a damaged or locked library can still be saved. */
  px_library_run_async (self, PX_STORE_OPEN_READ_ONLY, export_work, job, (GDestroyNotify)px_library_export_free, g_free,
                        FALSE, px_library_export_async, cancellable, callback, user_data);
}

char *
px_library_export_finish (PxLibrary *self, GAsyncResult *result, GError **error)
{
  return px_library_run_finish (self, result, error);
}
