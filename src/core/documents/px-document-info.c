/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "documents/px-document-info.h"

#include <string.h>

static char *
pack (char **at, const char *s, gsize len)
{
  char *out = *at;

  if (s == NULL)
    return NULL;
  memcpy (out, s, len + 1);
  *at += len + 1;
  return out;
}

PxDocumentInfo *
px_document_info_new (gint64 id, const char *title, const char *outlet, const char *published, gint64 event_id,
                      const char *event_title)
{
  gsize lt = title ? strlen (title) : 0, lo = outlet ? strlen (outlet) : 0, lp = published ? strlen (published) : 0,
        le = event_title ? strlen (event_title) : 0;
  PxDocumentInfo *info = g_malloc (sizeof (PxDocumentInfo) + lt + lo + lp + le + 4);
  char *at = (char *)(info + 1);

  info->id = id;
  info->event_id = event_id;
  info->title = pack (&at, title, lt);
  info->outlet = pack (&at, outlet, lo);
  info->published = pack (&at, published, lp);
  info->event_title = pack (&at, event_title, le);
  return info;
}

PxDocumentInfo *
px_document_info_copy (const PxDocumentInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return px_document_info_new (info->id, info->title, info->outlet, info->published, info->event_id, info->event_title);
}

void
px_document_info_free (PxDocumentInfo *info)
{
  g_free (info);
}
