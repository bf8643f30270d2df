/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* A fast hash of a short byte string (words, stems, terms), eight bytes at
 * a time. The stemmer, event features and the event index share it, so a
 * term's hash is computed once when the term is first seen. */
static inline guint32
px_hash_bytes (const char *s, gsize len)
{
  guint64 h = 0x9e3779b97f4a7c15ull ^ (len * 0xc2b2ae3d27d4eb4full);
  guint64 v = 0;

  for (; len >= 8; s += 8, len -= 8)
    {
      memcpy (&v, s, 8);
      h = (h ^ v) * 0xff51afd7ed558ccdull;
      h ^= h >> 32;
    }
  if (len > 0)
    {
      /* The tail byte by byte: reading past the end could cross a page. */
      v = 0;
      for (gsize i = 0; i < len; i++)
        v |= (guint64)(guchar)s[i] << (8 * i);
      h = (h ^ v) * 0xff51afd7ed558ccdull;
      h ^= h >> 32;
    }
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  return (guint32)h;
}

/* memcmp () == 0 for the short strings of the tables, without a call. */
static inline gboolean
px_bytes_equal (const char *a, const char *b, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

G_END_DECLS
