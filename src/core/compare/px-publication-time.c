/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-publication-time.h"

#include <stdio.h>
#include <string.h>

static gboolean
is_date (const char *text)
{
  int y, m, d;
  char end;

  return text != NULL && strlen (text) >= 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) >= 3 &&
         g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y) && text[4] == '-' && text[7] == '-';
}

static GDateTime *
date_start (const char *text)
{
  int y, m, d;

  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

PxPublicationTime *
px_publication_time_new (const char *published, const char *imported)
{
  PxPublicationTime *self = g_new0 (PxPublicationTime, 1);
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

  self->kind = PX_PUBLICATION_UNKNOWN;
  if (is_date (published))
    {
      /* A time without an offset is no instant anyone can place: it is
       * kept as its date. */
      if (strlen (published) > 10 && (self->at = g_date_time_new_from_iso8601 (published, NULL)) != NULL)
        self->kind = PX_PUBLICATION_TIME;
      else if ((self->at = date_start (published)) != NULL)
        self->kind = PX_PUBLICATION_DATE;
      if (self->at != NULL)
        self->date = g_strndup (published, 10);
    }
  if (self->at == NULL && imported != NULL && (self->at = g_date_time_new_from_iso8601 (imported, utc)) != NULL)
    {
      g_autoptr (GDateTime) in_utc = g_date_time_to_utc (self->at);
      self->kind = PX_PUBLICATION_IMPORTED;
      self->date = g_date_time_format (in_utc, "%Y-%m-%d");
    }
  return self;
}

void
px_publication_time_free (PxPublicationTime *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self->date);
  g_free (self);
}

static int
group (const PxPublicationTime *t)
{
  switch (t->kind)
    {
    case PX_PUBLICATION_TIME:
    case PX_PUBLICATION_DATE:
      return 0;
    case PX_PUBLICATION_IMPORTED:
      return 1;
    case PX_PUBLICATION_UNKNOWN:
    default:
      return 2;
    }
}

int
px_publication_time_compare (const PxPublicationTime *a, const PxPublicationTime *b)
{
  int c;

  g_return_val_if_fail (a != NULL && b != NULL, 0);
  if ((c = group (a) - group (b)) != 0 || a->at == NULL)
    return c;
  /* One key for every pair, (date as printed, date-only last, instant),
   * so that the order is total: comparing a date with a time by the day
   * but two times by the instant let three values go round in a cycle. */
  if ((c = strcmp (a->date, b->date)) != 0)
    return c;
  if ((c = (a->kind == PX_PUBLICATION_DATE) - (b->kind == PX_PUBLICATION_DATE)) != 0)
    return c;
  return g_date_time_compare (a->at, b->at);
}
