/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "export/px-store-export.h"
#include "library/px-store-private.h"

gboolean
px_store_get_event_documents (PxStore *self, gint64 event_id, char **title, GArray **document_ids, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *event_title = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);

  stmt = _px_store_prepare (self,
                            "SELECT d.id, e.title FROM documents d LEFT JOIN events e ON e.id = d.event_id"
                            " WHERE d.event_id = ?1 ORDER BY d.published IS NULL, d.published, d.id;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (event_title == NULL)
        event_title = _px_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _px_store_fail (self, rc, error);
  if (ids->len == 0)
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no event %lld"), (long long)event_id);
      return FALSE;
    }
  if (title != NULL)
    *title = g_steal_pointer (&event_title);
  if (document_ids != NULL)
    *document_ids = g_steal_pointer (&ids);
  return TRUE;
}
