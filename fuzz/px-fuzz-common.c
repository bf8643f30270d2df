/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "px-fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
px_fuzz_init (void)
{
  static gboolean done = FALSE;

  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* Importers log what they skip at debug level: keep the fuzzer quiet. */
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
}

void
px_fuzz_fail (const char *file, int line, const char *what)
{
  fprintf (stderr, "%s:%d: fuzz check failed: %s\n", file, line, what);
  abort ();
}

char *
px_fuzz_strndup (const uint8_t *data, size_t size)
{
  char *copy = g_malloc (size + 1);

  if (size > 0)
    memcpy (copy, data, size);
  copy[size] = '\0';
  return copy;
}

void
px_fuzz_check_document (PxDocument *doc)
{
  const char *text = px_document_get_text (doc);
  guint length = px_document_get_length (doc);
  guint n_blocks = px_document_get_n_blocks (doc);
  guint expected_start = 0;
  g_autofree char *serialized = NULL;
  g_autoptr (GArray) parsed = NULL;
  g_autofree char *hash = NULL;

  PX_FUZZ_CHECK (text != NULL);
  PX_FUZZ_CHECK (g_utf8_validate (text, -1, NULL));
  PX_FUZZ_CHECK (length == (guint)g_utf8_strlen (text, -1));
  PX_FUZZ_CHECK (px_document_get_title (doc) == NULL || g_utf8_validate (px_document_get_title (doc), -1, NULL));
  PX_FUZZ_CHECK ((n_blocks == 0) == (length == 0));

  for (guint i = 0; i < n_blocks; i++)
    {
      const PxBlock *b = px_document_get_block (doc, i);
      g_autofree char *slice = NULL;

      PX_FUZZ_CHECK (b->start == expected_start);
      PX_FUZZ_CHECK (b->start < b->end);
      PX_FUZZ_CHECK (b->end <= length);
      slice = px_document_get_slice (doc, b->start, b->end);
      PX_FUZZ_CHECK (slice != NULL && *slice != '\0');
      PX_FUZZ_CHECK (strchr (slice, '\n') == NULL);
      PX_FUZZ_CHECK (!g_ascii_isspace (slice[0]) && !g_ascii_isspace (slice[strlen (slice) - 1]));
      PX_FUZZ_CHECK (px_document_find_block (doc, b->start) == i);
      if (i + 1 < n_blocks)
        {
          g_autofree char *gap = px_document_get_slice (doc, b->end, b->end + 2);
          PX_FUZZ_CHECK (g_strcmp0 (gap, "\n\n") == 0);
        }
      else
        PX_FUZZ_CHECK (b->end == length);
      expected_start = b->end + 2;
    }

  serialized = px_blocks_serialize (n_blocks ? px_document_get_block (doc, 0) : NULL, n_blocks);
  parsed = px_blocks_parse (serialized);
  PX_FUZZ_CHECK (parsed->len == n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    {
      const PxBlock *a = px_document_get_block (doc, i);
      const PxBlock *b = &g_array_index (parsed, PxBlock, i);
      PX_FUZZ_CHECK (a->kind == b->kind && a->start == b->start && a->end == b->end);
    }
  hash = px_document_compute_hash (doc);
  PX_FUZZ_CHECK (hash != NULL && strlen (hash) == 64);
}
