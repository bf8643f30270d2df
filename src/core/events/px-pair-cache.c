/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "events/px-pair-cache.h"

/* 2^19 slots of 32 bytes (16 MB, touched only as pairs come): a
 * neighbourhood of 600 documents has at most 180,000 pairs. */
#define LOG2_SLOTS 19

typedef struct
{
  gint64 a, b; /* a < b; a == b (never a pair): free */
  guint32 va, vb;
  double sim;
} Slot;

struct _PxPairCache
{
  Slot *slots;
  guint64 hits, misses;
};

PxPairCache *
px_pair_cache_new (void)
{
  return g_new0 (PxPairCache, 1);
}

void
px_pair_cache_free (PxPairCache *self)
{
  if (self == NULL)
    return;
  g_free (self->slots);
  g_free (self);
}

void
px_pair_cache_clear (PxPairCache *self)
{
  g_clear_pointer (&self->slots, g_free);
}

static inline Slot *
slot_for (PxPairCache *self, gint64 a, gint64 b)
{
  guint64 h =
      (guint64)a * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^ (guint64)b * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);

  if (self->slots == NULL)
    self->slots = g_new0 (Slot, (gsize)1 << LOG2_SLOTS);
  return &self->slots[(h ^ (h >> 29)) >> (64 - LOG2_SLOTS)];
}

gboolean
px_pair_cache_lookup (PxPairCache *self, gint64 a, guint32 va, gint64 b, guint32 vb, double *sim)
{
  const Slot *s;

  if (a > b)
    return px_pair_cache_lookup (self, b, vb, a, va, sim);
  s = slot_for (self, a, b);
  if (a != b && s->a == a && s->b == b && s->va == va && s->vb == vb)
    {
      self->hits++;
      *sim = s->sim;
      return TRUE;
    }
  self->misses++;
  return FALSE;
}

void
px_pair_cache_store (PxPairCache *self, gint64 a, guint32 va, gint64 b, guint32 vb, double sim)
{
  if (a > b)
    {
      px_pair_cache_store (self, b, vb, a, va, sim);
      return;
    }
  if (a != b)
    *slot_for (self, a, b) = (Slot){ a, b, va, vb, sim };
}

guint64
px_pair_cache_get_hits (PxPairCache *self)
{
  return self->hits;
}

guint64
px_pair_cache_get_misses (PxPairCache *self)
{
  return self->misses;
}
