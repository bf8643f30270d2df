/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One row of the library list: enough to show it without loading text. */
typedef struct
{
  gint64 id;
  char *title;
  char *outlet;
  char *published;
  gint64 event_id;
  char *event_title;
} PxDocumentInfo;

/* One block holds the row and its strings (10,000 rows are read at every
 * start): free it only with px_document_info_free(), and never replace a
 * string in it. */
PxDocumentInfo *px_document_info_new (gint64 id, const char *title, const char *outlet, const char *published,
                                      gint64 event_id, const char *event_title);
PxDocumentInfo *px_document_info_copy (const PxDocumentInfo *info);
void px_document_info_free (PxDocumentInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxDocumentInfo, px_document_info_free)

G_END_DECLS
