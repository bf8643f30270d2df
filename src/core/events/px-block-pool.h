/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Hands out pieces of 2 MiB blocks for many small records that live about
 * as long as each other (a batch's event features): a piece costs a bump
 * of an offset, and the kernel may back a block with one huge page
 * instead of 512 small ones, each of which costs a page fault when first
 * written (about 12 µs on a virtual machine). A block is freed when the
 * pool has moved on from it and its last piece is released. The pool
 * belongs to one thread; pieces may be released from any. */
typedef struct _PxBlockPool PxBlockPool;

#define PX_BLOCK_POOL_BLOCK_SIZE (2u << 20)

PxBlockPool *px_block_pool_new (void);
/* Lets go of the current block; pieces still held keep theirs alive. */
void px_block_pool_free (PxBlockPool *self);

/* @size bytes aligned to 16 from the current block, or a new one when it
 * is full; *@block receives the block to release the piece with. NULL
 * (and *@block NULL) when @size is more than a quarter of a block: the
 * caller allocates it itself. */
gpointer px_block_pool_alloc (PxBlockPool *self, gsize size, gpointer *block);

/* Releases a piece of @block (from any thread). */
void px_block_release (gpointer block);

G_END_DECLS
