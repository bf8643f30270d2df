/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sentence splitter on any text: sentences in order, inside the
 * text, never across a newline, with code-point and byte offsets that
 * agree. */
#include "px-fuzz.h"

#include <string.h>

#include "text/px-sentences.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GArray) sentences = NULL;
  glong length;
  guint previous_end = 0;

  px_fuzz_init ();
  raw = px_fuzz_strndup (data, size);
  text = g_utf8_make_valid (raw, -1);
  length = g_utf8_strlen (text, -1);
  sentences = px_split_sentences (text);
  PX_FUZZ_CHECK (sentences != NULL);

  for (guint i = 0; i < sentences->len; i++)
    {
      const PxSentence *s = &g_array_index (sentences, PxSentence, i);
      const char *from = g_utf8_offset_to_pointer (text, s->start);
      const char *to = g_utf8_offset_to_pointer (text, s->end);

      PX_FUZZ_CHECK (s->start < s->end);
      PX_FUZZ_CHECK ((glong)s->end <= length);
      PX_FUZZ_CHECK (s->start >= previous_end);
      PX_FUZZ_CHECK ((gsize)(from - text) == s->byte_start && (gsize)(to - text) == s->byte_end);
      PX_FUZZ_CHECK (memchr (from, '\n', to - from) == NULL);
      PX_FUZZ_CHECK (!g_unichar_isspace (g_utf8_get_char (from)));
      previous_end = s->end;
    }
  return 0;
}
