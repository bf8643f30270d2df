/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "library/px-store.h"

G_BEGIN_DECLS

/* What the Markdown export reads about an event: its title (NULL or "" when
 * it has none) and its documents' ids (gint64), by date, then id. Fails
 * with PX_STORE_ERROR_NOT_FOUND when no document belongs to @event_id. */
gboolean px_store_get_event_documents (PxStore *self, gint64 event_id, char **title, GArray **document_ids,
                                       GError **error);

G_END_DECLS
