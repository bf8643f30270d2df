/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When an article came out, as far as it is known: the publication time
 * with its offset where the page gave one (stored published
 * "YYYY-MM-DDTHH:MM:SS±HH:MM"), else the publication date, else the time
 * it was imported (the documents' imported column), marked as such: an
 * undated article is placed at its import, never passed off as
 * published then. */
typedef enum
{
  PX_PUBLICATION_TIME,     /* date and time of day, with offset */
  PX_PUBLICATION_DATE,     /* the date only */
  PX_PUBLICATION_IMPORTED, /* no publication date: the import time */
  PX_PUBLICATION_UNKNOWN,  /* neither */
} PxPublicationKind;

typedef struct
{
  PxPublicationKind kind;
  /* The instant (for a date only: its start, UTC); NULL when unknown. */
  GDateTime *at;
  /* "YYYY-MM-DD" as the publisher printed it (its own offset), or of
   * the import (UTC); NULL when unknown. */
  char *date;
} PxPublicationTime;

/* @published and @imported as the store keeps them, either may be NULL. */
PxPublicationTime *px_publication_time_new (const char *published, const char *imported);
void px_publication_time_free (PxPublicationTime *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxPublicationTime, px_publication_time_free)

/* Order of publication: published before undated ones (placed at their
 * import), unknown last. Within a group, by the date as the publisher
 * printed it, then a time before a date-only value of that day (a date
 * says nothing of the hour), then by the instant. Times on different
 * printed days thus go by the day, even where the offsets would put
 * them the other way round: one total order, never a cycle. */
int px_publication_time_compare (const PxPublicationTime *a, const PxPublicationTime *b);

G_END_DECLS
