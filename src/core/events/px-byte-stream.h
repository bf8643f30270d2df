/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writing and reading a compact binary record (unsigned LEB128 varints,
 * IEEE doubles little-endian, raw bytes) through a fixed buffer, so that
 * statistics of any size go to and come from their storage in chunks
 * (an SQLite blob handle, a GByteArray) without a copy of the whole in
 * memory. */

/* Takes @len bytes; FALSE with @error set stops the writer. */
typedef gboolean (*PxByteSinkFunc) (const guint8 *data, gsize len, gpointer user_data, GError **error);
/* Fills @buf with up to @len bytes and returns how many (0 at the end),
 * or -1 with @error set. */
typedef gssize (*PxByteSourceFunc) (guint8 *buf, gsize len, gpointer user_data, GError **error);

#define PX_BYTE_STREAM_CHUNK 65536

typedef struct
{
  PxByteSinkFunc sink; /* NULL: only counts */
  gpointer user_data;
  guint8 *buf;
  gsize len;
  guint64 total; /* bytes written so far */
  GError *error; /* the first failure; later writes do nothing */
} PxByteWriter;

void px_byte_writer_init (PxByteWriter *w, PxByteSinkFunc sink, gpointer user_data);
void px_byte_writer_put (PxByteWriter *w, const void *data, gsize len);
void px_byte_writer_put_varint (PxByteWriter *w, guint64 v);
/* A signed value, zigzag-encoded (small negatives stay short). */
void px_byte_writer_put_svarint (PxByteWriter *w, gint64 v);
void px_byte_writer_put_double (PxByteWriter *w, double v);
/* Flushes and frees the buffer; FALSE with the first error. */
gboolean px_byte_writer_finish (PxByteWriter *w, GError **error);

typedef struct
{
  PxByteSourceFunc source;
  gpointer user_data;
  guint8 *buf;
  gsize pos, len;
  gboolean ended;
  GError *error; /* of the source */
} PxByteReader;

void px_byte_reader_init (PxByteReader *r, PxByteSourceFunc source, gpointer user_data);
/* Each getter returns FALSE at the end of the data or on an error of the
 * source (kept for px_byte_reader_clear()), or on a malformed varint. */
gboolean px_byte_reader_get (PxByteReader *r, void *out, gsize len);
gboolean px_byte_reader_get_varint (PxByteReader *r, guint64 *out);
gboolean px_byte_reader_get_svarint (PxByteReader *r, gint64 *out);
gboolean px_byte_reader_get_double (PxByteReader *r, double *out);
/* Whether every byte was read. */
gboolean px_byte_reader_at_end (PxByteReader *r);
/* Frees the buffer; passes on the source's error, if any. */
void px_byte_reader_clear (PxByteReader *r, GError **error);

/* Sink appending to a GByteArray, and source reading a GBytes (its
 * position in a gsize the caller holds at 0 first). */
gboolean px_byte_sink_array (const guint8 *data, gsize len, gpointer byte_array, GError **error);
typedef struct
{
  GBytes *bytes;
  gsize pos;
} PxByteSourceBytes;
gssize px_byte_source_bytes (guint8 *buf, gsize len, gpointer source_bytes, GError **error);

G_END_DECLS
