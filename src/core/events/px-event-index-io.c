/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "events/px-event-index-private.h"

#include <math.h>
#include <string.h>

/* The statistics as a stream of varints (LEB128) and doubles: the magic,
 * the version, the parameters and the number of documents counted, every
 * term (key, surface or nothing when it is the key, kind, document
 * frequency), then the documents event by event in joining order, so that
 * loading rebuilds the same centroids and member order: id, day, event,
 * pinned, and the vector, each term as its distance from the one before
 * and its weight. Nothing of it is built in memory: the statistics go to
 * their storage through a 64 KiB buffer (docs/events.md). */
#define SERIAL_MAGIC "PXEI"
#define SERIAL_VERSION 4

gboolean
px_event_index_write (PxEventIndex *self, PxByteSinkFunc sink, gpointer user_data, GError **error)
{
  const PxEventParams *params = px_event_index_get_params (self);
  g_autoptr (GArray) events = NULL;
  PxByteWriter w;
  guint64 n_entries = 0;
  guint n_terms;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), FALSE);

  px_byte_writer_init (&w, sink, user_data);
  px_byte_writer_put (&w, SERIAL_MAGIC, 4);
  px_byte_writer_put_varint (&w, SERIAL_VERSION);
  px_byte_writer_put_double (&w, params->threshold);
  px_byte_writer_put_double (&w, params->entity_weight);
  px_byte_writer_put_double (&w, params->number_weight);
  px_byte_writer_put_svarint (&w, params->date_window_days);
  px_byte_writer_put_varint (&w, _px_event_index_get_n_counted (self));
  n_terms = _px_event_index_get_n_terms (self);
  px_byte_writer_put_varint (&w, n_terms);
  for (guint i = 0; i < n_terms; i++)
    {
      PxEventIndexTerm t;
      gsize surface_len;

      _px_event_index_get_term (self, i, &t);
      surface_len = strcmp (t.surface, t.text) == 0 ? 0 : strlen (t.surface);
      px_byte_writer_put_varint (&w, t.len);
      px_byte_writer_put (&w, t.text, t.len);
      px_byte_writer_put_varint (&w, surface_len);
      px_byte_writer_put (&w, t.surface, surface_len);
      px_byte_writer_put_varint (&w, t.kind);
      px_byte_writer_put_varint (&w, t.df);
    }

  events = px_event_index_list_events (self);
  for (guint i = 0; i < events->len; i++)
    {
      g_autoptr (GArray) members = px_event_index_get_members (self, g_array_index (events, gint64, i));
      n_entries += members->len;
    }
  px_byte_writer_put_varint (&w, n_entries);
  for (guint i = 0; i < events->len; i++)
    {
      g_autoptr (GArray) members = px_event_index_get_members (self, g_array_index (events, gint64, i));

      for (guint m = 0; m < members->len; m++)
        {
          PxEventIndexDocument d;

          _px_event_index_get_document (self, g_array_index (members, gint64, m), &d);
          px_byte_writer_put_svarint (&w, d.id);
          px_byte_writer_put_varint (&w, d.day);
          px_byte_writer_put_svarint (&w, d.event);
          px_byte_writer_put_varint (&w, d.pinned ? 1 : 0);
          px_byte_writer_put_varint (&w, d.len);
          for (guint k = 0; k < d.len; k++)
            {
              px_byte_writer_put_varint (&w, d.vec[k].term - (k > 0 ? d.vec[k - 1].term : 0));
              px_byte_writer_put_double (&w, d.vec[k].weight);
            }
        }
    }
  return px_byte_writer_finish (&w, error);
}

GBytes *
px_event_index_serialize (PxEventIndex *self)
{
  GByteArray *out;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), NULL);
  out = g_byte_array_new ();
  px_event_index_write (self, px_byte_sink_array, out, NULL);
  return g_byte_array_free_to_bytes (out);
}

/* Event ids go up to this: a new event takes the highest plus one, which
 * must not overflow. */
#define LOADED_EVENT_ID_MAX (G_MAXINT64 - G_MAXINT32)

/* A string of @len bytes, UTF-8 without NUL, or NULL. The string grows as
 * its bytes come, so that a damaged length never allocates more than the
 * source holds. */
static char *
read_text (PxByteReader *r, guint64 len)
{
  g_autoptr (GByteArray) s = NULL;
  guint8 chunk[4096];

  if (len > PX_EVENT_TERM_MAX_LEN)
    return NULL;
  s = g_byte_array_sized_new (MIN (len, sizeof chunk) + 1);
  for (guint64 left = len; left > 0;)
    {
      gsize n = MIN (left, sizeof chunk);

      if (!px_byte_reader_get (r, chunk, n))
        return NULL;
      g_byte_array_append (s, chunk, n);
      left -= n;
    }
  if (memchr (s->data, '\0', len) != NULL || !g_utf8_validate ((const char *)s->data, len, NULL))
    return NULL;
  g_byte_array_append (s, (const guint8 *)"", 1);
  return (char *)g_byte_array_free (g_steal_pointer (&s), FALSE);
}

static gboolean
read_terms (PxEventIndex *self, PxByteReader *r)
{
  guint64 n_terms, len, surface_len, kind, df;

  if (!px_byte_reader_get_varint (r, &n_terms))
    return FALSE;
  for (guint64 i = 0; i < n_terms; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *surface = NULL;

      if (!px_byte_reader_get_varint (r, &len) || (text = read_text (r, len)) == NULL ||
          !px_byte_reader_get_varint (r, &surface_len) || (surface = read_text (r, surface_len)) == NULL ||
          !px_byte_reader_get_varint (r, &kind) || kind > PX_TERM_NUMBER || !px_byte_reader_get_varint (r, &df) ||
          df > G_MAXUINT)
        return FALSE;
      if (!_px_event_index_add_term (self,
                                     &(PxEventIndexTerm){ text, len, surface_len > 0 ? surface : text, kind, df }))
        return FALSE;
    }
  return TRUE;
}

/* One document, its vector checked: terms known, ascending, weights
 * finite. */
static gboolean
read_document (PxEventIndex *self, PxByteReader *r)
{
  g_autofree PxTermWeight *vec = NULL;
  guint n_terms = _px_event_index_get_n_terms (self);
  guint64 day, pinned, len, delta;
  PxEventIndexDocument d;

  if (!px_byte_reader_get_svarint (r, &d.id) || !px_byte_reader_get_varint (r, &day) || day > G_MAXUINT32 ||
      !px_byte_reader_get_svarint (r, &d.event) || d.event > LOADED_EVENT_ID_MAX ||
      !px_byte_reader_get_varint (r, &pinned) || pinned > 1 || !px_byte_reader_get_varint (r, &len) || len > n_terms)
    return FALSE;
  d.day = day;
  d.pinned = pinned;
  d.len = len;
  vec = g_new (PxTermWeight, MAX (len, 1));
  for (guint k = 0; k < len; k++)
    {
      guint64 term;

      /* A distance past the last term is damage (and would wrap). */
      if (!px_byte_reader_get_varint (r, &delta) || (k > 0 && delta == 0) || delta >= n_terms ||
          (term = (k > 0 ? vec[k - 1].term : 0) + delta) >= n_terms || !px_byte_reader_get_double (r, &vec[k].weight) ||
          !isfinite (vec[k].weight))
        return FALSE;
      vec[k].term = term;
    }
  return _px_event_index_load_document (self, &d, g_steal_pointer (&vec));
}

PxEventIndex *
px_event_index_read (PxByteSourceFunc source, gpointer user_data, GError **error)
{
  g_autoptr (PxEventIndex) self = NULL;
  GError *source_error = NULL;
  PxEventParams params;
  PxByteReader r;
  char magic[4];
  guint64 version = 0, n_docs = 0, n_entries = 0;
  gint64 window = 0;
  gboolean ok;

  g_return_val_if_fail (source != NULL, NULL);

  px_byte_reader_init (&r, source, user_data);
  ok = px_byte_reader_get (&r, magic, sizeof magic) && memcmp (magic, SERIAL_MAGIC, 4) == 0 &&
       px_byte_reader_get_varint (&r, &version);
  if (ok && version != SERIAL_VERSION)
    {
      px_byte_reader_clear (&r, NULL);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "Event statistics of version %" G_GUINT64_FORMAT " are not supported", version);
      return NULL;
    }
  ok = ok && px_byte_reader_get_double (&r, &params.threshold) &&
       px_byte_reader_get_double (&r, &params.entity_weight) && px_byte_reader_get_double (&r, &params.number_weight) &&
       px_byte_reader_get_svarint (&r, &window) && window >= G_MININT && window <= G_MAXINT &&
       px_byte_reader_get_varint (&r, &n_docs) && n_docs <= G_MAXUINT;
  if (ok)
    {
      params.date_window_days = window;
      self = px_event_index_new (&params);
      _px_event_index_set_n_counted (self, n_docs);
      ok = read_terms (self, &r) && px_byte_reader_get_varint (&r, &n_entries);
    }
  for (guint64 i = 0; ok && i < n_entries; i++)
    ok = read_document (self, &r);
  ok = ok && px_byte_reader_at_end (&r);
  px_byte_reader_clear (&r, &source_error);
  if (source_error != NULL)
    {
      g_propagate_error (error, source_error);
      return NULL;
    }
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Event statistics are damaged");
      return NULL;
    }
  return g_steal_pointer (&self);
}

PxEventIndex *
px_event_index_deserialize (GBytes *bytes, GError **error)
{
  PxByteSourceBytes source = { bytes, 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  return px_event_index_read (px_byte_source_bytes, &source, error);
}
