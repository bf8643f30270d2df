/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "events/px-byte-stream.h"

#include <string.h>

void
px_byte_writer_init (PxByteWriter *w, PxByteSinkFunc sink, gpointer user_data)
{
  *w = (PxByteWriter){ sink, user_data, g_malloc (PX_BYTE_STREAM_CHUNK), 0, 0, NULL };
}

static void
flush (PxByteWriter *w)
{
  if (w->len > 0 && w->error == NULL && w->sink != NULL)
    w->sink (w->buf, w->len, w->user_data, &w->error);
  w->len = 0;
}

void
px_byte_writer_put (PxByteWriter *w, const void *data, gsize len)
{
  const guint8 *p = data;

  w->total += len;
  while (len > 0)
    {
      gsize n = MIN (len, PX_BYTE_STREAM_CHUNK - w->len);
      memcpy (w->buf + w->len, p, n);
      w->len += n;
      p += n;
      len -= n;
      if (w->len == PX_BYTE_STREAM_CHUNK)
        flush (w);
    }
}

void
px_byte_writer_put_varint (PxByteWriter *w, guint64 v)
{
  guint8 b[10];
  guint n = 0;

  do
    {
      b[n] = v & 0x7f;
      v >>= 7;
      if (v != 0)
        b[n] |= 0x80;
      n++;
    }
  while (v != 0);
  px_byte_writer_put (w, b, n);
}

void
px_byte_writer_put_svarint (PxByteWriter *w, gint64 v)
{
  px_byte_writer_put_varint (w, ((guint64)v << 1) ^ (guint64)(v >> 63));
}

void
px_byte_writer_put_double (PxByteWriter *w, double v)
{
  guint64 bits;

  memcpy (&bits, &v, sizeof bits);
  bits = GUINT64_TO_LE (bits);
  px_byte_writer_put (w, &bits, sizeof bits);
}

gboolean
px_byte_writer_finish (PxByteWriter *w, GError **error)
{
  flush (w);
  g_clear_pointer (&w->buf, g_free);
  if (w->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&w->error));
      return FALSE;
    }
  return TRUE;
}

void
px_byte_reader_init (PxByteReader *r, PxByteSourceFunc source, gpointer user_data)
{
  *r = (PxByteReader){ source, user_data, g_malloc (PX_BYTE_STREAM_CHUNK), 0, 0, FALSE, NULL };
}

/* Makes sure bytes are waiting, reading the next chunk if needed. */
static gboolean
fill (PxByteReader *r)
{
  gssize n;

  if (r->pos < r->len)
    return TRUE;
  if (r->ended)
    return FALSE;
  n = r->source (r->buf, PX_BYTE_STREAM_CHUNK, r->user_data, &r->error);
  r->pos = 0;
  r->len = n > 0 ? (gsize)n : 0;
  if (n <= 0)
    r->ended = TRUE;
  return n > 0;
}

gboolean
px_byte_reader_get (PxByteReader *r, void *out, gsize len)
{
  guint8 *p = out;

  while (len > 0)
    {
      gsize n;
      if (!fill (r))
        return FALSE;
      n = MIN (len, r->len - r->pos);
      memcpy (p, r->buf + r->pos, n);
      r->pos += n;
      p += n;
      len -= n;
    }
  return TRUE;
}

gboolean
px_byte_reader_get_varint (PxByteReader *r, guint64 *out)
{
  guint64 v = 0;

  for (guint shift = 0; shift < 64; shift += 7)
    {
      guint8 b;
      if (!fill (r))
        return FALSE;
      b = r->buf[r->pos++];
      v |= (guint64)(b & 0x7f) << shift;
      if ((b & 0x80) == 0)
        {
          *out = v;
          return TRUE;
        }
    }
  return FALSE; /* more than ten bytes: not ours */
}

gboolean
px_byte_reader_get_svarint (PxByteReader *r, gint64 *out)
{
  guint64 v;

  if (!px_byte_reader_get_varint (r, &v))
    return FALSE;
  *out = (gint64)(v >> 1) ^ -(gint64)(v & 1);
  return TRUE;
}

gboolean
px_byte_reader_get_double (PxByteReader *r, double *out)
{
  guint64 bits;

  if (!px_byte_reader_get (r, &bits, sizeof bits))
    return FALSE;
  bits = GUINT64_FROM_LE (bits);
  memcpy (out, &bits, sizeof bits);
  return TRUE;
}

gboolean
px_byte_reader_at_end (PxByteReader *r)
{
  return !fill (r) && r->error == NULL;
}

void
px_byte_reader_clear (PxByteReader *r, GError **error)
{
  g_clear_pointer (&r->buf, g_free);
  if (r->error != NULL)
    g_propagate_error (error, g_steal_pointer (&r->error));
}

gboolean
px_byte_sink_array (const guint8 *data, gsize len, gpointer byte_array, GError **error)
{
  g_byte_array_append (byte_array, data, len);
  return TRUE;
}

gssize
px_byte_source_bytes (guint8 *buf, gsize len, gpointer source_bytes, GError **error)
{
  PxByteSourceBytes *s = source_bytes;
  gsize size;
  const guint8 *data = g_bytes_get_data (s->bytes, &size);
  gsize n = MIN (len, size - MIN (s->pos, size));

  if (n > 0)
    memcpy (buf, data + s->pos, n);
  s->pos += n;
  return n;
}
