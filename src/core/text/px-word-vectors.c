/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "text/px-word-vectors.h"

#include <string.h>

#include "config.h"

#define MAGIC "PXWVEC01"
#define HEADER (8 + 4 * 4)

struct _PxWordVectors
{
  GMappedFile *file;
  guint n_words;
  guint dims;
  guint source_size;
  const guint32 *offsets; /* n_words + 1, into pool; words sorted bytewise */
  const guint32 *ranks;
  const float *scales; /* 1 / norm of each quantized vector */
  const gint8 *vectors;
  const char *pool;
  gsize pool_size;
};

static guint32
read_u32 (const char *p)
{
  guint32 v;
  memcpy (&v, p, 4);
  return GUINT32_FROM_LE (v);
}

PxWordVectors *
px_word_vectors_load (const char *path, GError **error)
{
  g_autoptr (GMappedFile) file = NULL;
  const char *data;
  gsize size, need;
  PxWordVectors *self;
  guint n, dims, pool;

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;
  data = g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < HEADER || memcmp (data, MAGIC, 8) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s is not a Parallax word-vector file", path);
      return NULL;
    }
  n = read_u32 (data + 8);
  dims = read_u32 (data + 12);
  pool = read_u32 (data + 16);
  need = HEADER + (gsize)(n + 1) * 4 + (gsize)n * 4 + (gsize)n * 4 + (gsize)n * dims + pool;
  if (n == 0 || dims == 0 || dims > 1024 || n > 10000000 || need != size ||
      read_u32 (data + HEADER + (gsize)n * 4) != pool || data[size - 1] != '\0' || G_BYTE_ORDER != G_LITTLE_ENDIAN)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s is damaged (sizes do not add up)", path);
      return NULL;
    }
  self = g_new0 (PxWordVectors, 1);
  self->n_words = n;
  self->dims = dims;
  self->source_size = read_u32 (data + 20);
  self->offsets = (const guint32 *)(data + HEADER);
  self->ranks = self->offsets + n + 1;
  self->scales = (const float *)(self->ranks + n);
  self->vectors = (const gint8 *)(self->scales + n);
  self->pool = (const char *)(self->vectors + (gsize)n * dims);
  self->pool_size = pool;
  for (guint i = 0; i <= n; i++)
    if (self->offsets[i] > pool || (i > 0 && self->offsets[i] < self->offsets[i - 1]))
      {
        g_free (self);
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s is damaged (bad word table)", path);
        return NULL;
      }
  self->file = g_steal_pointer (&file);
  return self;
}

static PxWordVectors *
load_default (void)
{
  const char *env = g_getenv ("PX_WORD_VECTORS");
  const char *candidates[3] = { env, PKGDATADIR "/px-word-vectors.bin", PX_SOURCE_DATADIR "/px-word-vectors.bin" };
  g_autoptr (GError) first_error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr (GError) error = NULL;
      PxWordVectors *v;

      if (candidates[i] == NULL || (i > 0 && env != NULL))
        continue;
      v = px_word_vectors_load (candidates[i], &error);
      if (v != NULL)
        return v;
      if (first_error == NULL)
        first_error = g_steal_pointer (&error);
    }
  g_warning ("No word vectors (%s): passages are aligned on identical words only",
             first_error != NULL ? first_error->message : "no file");
  return NULL;
}

PxWordVectors *
px_word_vectors_get_default (void)
{
  static gsize once = 0;
  static PxWordVectors *vectors = NULL;

  if (g_once_init_enter (&once))
    {
      vectors = load_default ();
      g_once_init_leave (&once, 1);
    }
  return vectors;
}

guint
px_word_vectors_get_dimensions (PxWordVectors *self)
{
  return self->dims;
}

gint
px_word_vectors_lookup (PxWordVectors *self, const char *word)
{
  guint lo = 0, hi = self->n_words;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int c = strcmp (self->pool + self->offsets[mid], word);
      if (c == 0)
        return (gint)mid;
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

guint
px_word_vectors_get_rank (PxWordVectors *self, gint index)
{
  if (index < 0 || (guint)index >= self->n_words)
    return MAX (self->source_size, self->n_words) + 1;
  return self->ranks[index];
}

double
px_word_vectors_cosine (PxWordVectors *self, gint a, gint b)
{
  const gint8 *x = self->vectors + (gsize)a * self->dims;
  const gint8 *y = self->vectors + (gsize)b * self->dims;
  gint32 dot = 0;

  for (guint i = 0; i < self->dims; i++)
    dot += (gint32)x[i] * y[i];
  return dot * (double)self->scales[a] * self->scales[b];
}

void
px_word_vectors_accumulate (PxWordVectors *self, gint index, float weight, float *sum)
{
  const gint8 *x = self->vectors + (gsize)index * self->dims;
  float w = weight * self->scales[index];

  for (guint i = 0; i < self->dims; i++)
    sum[i] += w * x[i];
}
