/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* A fast hash of a short byte string (stems, terms), eight bytes at a
 * time: the stemmer, event features and the event index share it, so a
 * term's hash is computed once when the term is first seen. */
static inline guint32
px_hash_bytes (const char *s, gsize len)
{
  guint64 h = 0x9e3779b97f4a7c15ull ^ (len * 0xc2b2ae3d27d4eb4full);
  guint64 v = 0;

  for (; len > 8; s += 8, len -= 8)
    {
      memcpy (&v, s, 8);
      h = (h ^ v) * 0xff51afd7ed558ccdull;
      h ^= h >> 32;
    }
  /* The last one to eight bytes, in at most two overlapping loads. */
  if (len >= 4)
    {
      guint32 lo, hi;
      memcpy (&lo, s, 4);
      memcpy (&hi, s + len - 4, 4);
      v = (guint64)lo | ((guint64)hi << 32);
    }
  else if (len > 0)
    v = (guint64)(guchar)s[0] | ((guint64)(guchar)s[len / 2] << 8) | ((guint64)(guchar)s[len - 1] << 16);
  h = (h ^ v) * 0xff51afd7ed558ccdull;
  h ^= h >> 32;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  return (guint32)h;
}

/* The hash of a word as written, built byte by byte while a tokenizer
 * reads it (FNV-1a): start from PX_WORD_HASH_INIT. */
#define PX_WORD_HASH_INIT 2166136261u

static inline guint32
px_word_hash_step (guint32 h, guchar byte)
{
  return (h ^ byte) * 16777619u;
}

/* memcmp () == 0 for the short strings of the tables, without a call. */
static inline gboolean
px_bytes_equal (const char *a, const char *b, gsize len)
{
  if (len >= 8)
    {
      guint64 x, y;
      for (gsize i = 0; i + 8 < len; i += 8)
        {
          memcpy (&x, a + i, 8);
          memcpy (&y, b + i, 8);
          if (x != y)
            return FALSE;
        }
      memcpy (&x, a + len - 8, 8);
      memcpy (&y, b + len - 8, 8);
      return x == y;
    }
  if (len >= 4)
    {
      guint32 x, y, z, w;
      memcpy (&x, a, 4);
      memcpy (&y, b, 4);
      memcpy (&z, a + len - 4, 4);
      memcpy (&w, b + len - 4, 4);
      return x == y && z == w;
    }
  for (gsize i = 0; i < len; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

G_END_DECLS
