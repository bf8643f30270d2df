/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "events/px-block-pool.h"

#ifdef __linux__
#include <sys/mman.h>
#endif

/* At the start of every block: the pool's hold (while it is the current
 * block) plus one per piece handed out. */
typedef struct
{
  gint ref;
} BlockHeader;

#define HEADER_SIZE 16 /* BlockHeader, rounded up to the pieces' alignment */

struct _PxBlockPool
{
  char *block; /* the current block, or NULL */
  gsize used;  /* bytes of it handed out, header included */
};

PxBlockPool *
px_block_pool_new (void)
{
  return g_new0 (PxBlockPool, 1);
}

void
px_block_pool_free (PxBlockPool *self)
{
  if (self == NULL)
    return;
  if (self->block != NULL)
    px_block_release (self->block);
  g_free (self);
}

static char *
block_new (void)
{
  char *block = g_aligned_alloc (1, PX_BLOCK_POOL_BLOCK_SIZE, PX_BLOCK_POOL_BLOCK_SIZE);

#if defined(__linux__) && defined(MADV_HUGEPAGE)
  /* Only a hint: without transparent huge pages the block is ordinary
   * memory. */
  madvise (block, PX_BLOCK_POOL_BLOCK_SIZE, MADV_HUGEPAGE);
#endif
  ((BlockHeader *)block)->ref = 1;
  return block;
}

gpointer
px_block_pool_alloc (PxBlockPool *self, gsize size, gpointer *block)
{
  gpointer piece;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (block != NULL, NULL);

  *block = NULL;
  if (size > PX_BLOCK_POOL_BLOCK_SIZE / 4)
    return NULL;
  size = (size + 15) & ~(gsize)15;
  if (self->block == NULL || self->used + size > PX_BLOCK_POOL_BLOCK_SIZE)
    {
      if (self->block != NULL)
        px_block_release (self->block);
      self->block = block_new ();
      self->used = HEADER_SIZE;
    }
  piece = self->block + self->used;
  self->used += size;
  g_atomic_int_inc (&((BlockHeader *)self->block)->ref);
  *block = self->block;
  return piece;
}

void
px_block_release (gpointer block)
{
  g_return_if_fail (block != NULL);

  if (g_atomic_int_dec_and_test (&((BlockHeader *)block)->ref))
    g_aligned_free (block);
}
