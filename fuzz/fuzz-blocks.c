/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A document as the store loads it from a row that may be damaged: any
 * text with any serialized blocks must not make offsets, slices or block
 * lookups read outside the text. Input: text, a NUL byte, blocks. */
#include "px-fuzz.h"

#include <string.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const uint8_t *nul = memchr (data, '\0', size);
  size_t text_len = nul ? (size_t)(nul - data) : size;
  g_autofree char *raw_text = px_fuzz_strndup (data, text_len);
  g_autofree char *text = NULL;
  g_autofree char *serialized = NULL;
  g_autoptr (GArray) blocks = NULL;
  g_autoptr (PxDocument) doc = px_document_new ();
  guint length;

  px_fuzz_init ();
  text = g_utf8_make_valid (raw_text, -1);
  serialized = nul ? px_fuzz_strndup (nul + 1, size - text_len - 1) : g_strdup ("");
  blocks = px_blocks_parse (serialized);
  px_document_set_content (doc, text, (const PxBlock *)(void *)blocks->data, blocks->len);

  length = px_document_get_length (doc);
  PX_FUZZ_CHECK (px_document_get_n_blocks (doc) == blocks->len);
  for (guint i = 0; i < px_document_get_n_blocks (doc); i++)
    {
      const PxBlock *b = px_document_get_block (doc, i);
      g_autofree char *slice = NULL;

      PX_FUZZ_CHECK (b->start <= b->end && b->end <= length);
      slice = px_document_get_slice (doc, b->start, b->end);
      PX_FUZZ_CHECK (slice != NULL && g_utf8_validate (slice, -1, NULL));
      PX_FUZZ_CHECK ((guint)g_utf8_strlen (slice, -1) == b->end - b->start);
      PX_FUZZ_CHECK (px_document_find_block (doc, b->start) < px_document_get_n_blocks (doc));
    }
  for (guint offset = 0; offset <= length + 2; offset += 1 + length / 16)
    {
      g_autofree char *tail = px_document_get_slice (doc, offset, length + 5);
      PX_FUZZ_CHECK (tail != NULL && g_utf8_validate (tail, -1, NULL));
      if (px_document_get_n_blocks (doc) > 0)
        PX_FUZZ_CHECK (px_document_find_block (doc, offset) < px_document_get_n_blocks (doc));
    }
  {
    /* And text appended the way importers build documents. */
    g_autoptr (PxDocument) built = px_document_new ();
    g_auto (GStrv) parts = g_strsplit (text, "\x1e", 8);
    for (guint i = 0; parts[i] != NULL; i++)
      px_document_append_block (built, (PxBlockKind)(i % 4), parts[i]);
    px_fuzz_check_document (built);
  }
  return 0;
}
