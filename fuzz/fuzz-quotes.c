/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quote extractor on any text: every quote and attribution lies
 * inside the text, parts are in order, and every string it returns is
 * valid UTF-8. */
#include "px-fuzz.h"

#include "quotes/px-quotes.h"
#include "text/px-text-units.h"

static void
check_string (const char *s)
{
  PX_FUZZ_CHECK (s == NULL || g_utf8_validate (s, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr (PxTextUnits) units = NULL;
  g_autoptr (GPtrArray) quotes = NULL;
  guint length;

  px_fuzz_init ();
  raw = px_fuzz_strndup (data, size);
  text = g_utf8_make_valid (raw, -1);
  length = (guint)g_utf8_strlen (text, -1);
  units = px_text_units_new (text, NULL, NULL);
  quotes = px_find_quotes (units);
  PX_FUZZ_CHECK (quotes != NULL);

  for (guint i = 0; i < quotes->len; i++)
    {
      const PxQuote *q = g_ptr_array_index (quotes, i);

      PX_FUZZ_CHECK (q->start <= q->end && q->end <= length);
      PX_FUZZ_CHECK (q->n_parts <= G_N_ELEMENTS (q->parts));
      for (guint p = 0; p < q->n_parts; p++)
        {
          PX_FUZZ_CHECK (q->parts[p][0] <= q->parts[p][1] && q->parts[p][1] <= length);
          PX_FUZZ_CHECK (q->parts[p][0] >= q->start && q->parts[p][1] <= q->end);
          if (p > 0)
            PX_FUZZ_CHECK (q->parts[p][0] >= q->parts[p - 1][1]);
        }
      PX_FUZZ_CHECK (q->attribution_start <= q->attribution_end && q->attribution_end <= length);
      PX_FUZZ_CHECK (q->text != NULL);
      check_string (q->text);
      check_string (q->speaker);
      check_string (q->speaker_as_written);
      check_string (q->role);
      check_string (q->cue);
      PX_FUZZ_CHECK (px_quote_kind_to_string (q->kind) != NULL);
    }
  return 0;
}
