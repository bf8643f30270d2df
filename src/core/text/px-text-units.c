/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "text/px-text-units.h"

#include <string.h>

struct _PxTextUnits
{
  GObject parent_instance;

  char *text;
  char *language;
  GArray *sentences;  /* PxSentence */
  GArray *tokens;     /* PxToken */
  PxStemmer *stemmer; /* owns the tokens' strings */
};

G_DEFINE_FINAL_TYPE (PxTextUnits, px_text_units, G_TYPE_OBJECT)

static void
px_text_units_finalize (GObject *object)
{
  PxTextUnits *self = PX_TEXT_UNITS (object);

  g_free (self->text);
  g_free (self->language);
  g_array_unref (self->sentences);
  g_array_unref (self->tokens);
  px_stemmer_unref (self->stemmer);

  G_OBJECT_CLASS (px_text_units_parent_class)->finalize (object);
}

static void
px_text_units_class_init (PxTextUnitsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_text_units_finalize;
}

static void
px_text_units_init (PxTextUnits *self)
{
}

PxTextUnits *
px_text_units_new (const char *text, const char *language, PxStemmer *stemmer)
{
  PxTextUnits *self;
  guint t = 0;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (PX_TYPE_TEXT_UNITS, NULL);
  self->text = g_strdup (text);
  self->language = g_strdup (language != NULL ? language : "en");
  self->stemmer = stemmer != NULL ? px_stemmer_ref (stemmer) : px_stemmer_new (language);
  self->sentences = px_split_sentences (self->text);
  self->tokens = px_tokenize (self->text, self->stemmer);

  /* Tie tokens to sentences; both are sorted, so one merge pass. A token
   * outside every sentence cannot happen (sentences only drop spaces). */
  for (guint s = 0; s < self->sentences->len; s++)
    {
      PxSentence *sent = &g_array_index (self->sentences, PxSentence, s);

      while (t < self->tokens->len && g_array_index (self->tokens, PxToken, t).start < sent->start)
        g_array_index (self->tokens, PxToken, t++).sentence = s > 0 ? s - 1 : 0;
      sent->first_token = t;
      while (t < self->tokens->len && g_array_index (self->tokens, PxToken, t).start < sent->end)
        g_array_index (self->tokens, PxToken, t++).sentence = s;
      sent->n_tokens = t - sent->first_token;
    }
  for (; t < self->tokens->len; t++)
    g_array_index (self->tokens, PxToken, t).sentence = self->sentences->len > 0 ? self->sentences->len - 1 : 0;

  return self;
}

PxTextUnits *
px_text_units_new_for_document (PxDocument *document, PxStemmer *stemmer)
{
  const char *text;

  g_return_val_if_fail (PX_IS_DOCUMENT (document), NULL);

  text = px_document_get_text (document);
  return px_text_units_new (text != NULL ? text : "", px_document_get_language (document), stemmer);
}

const char *
px_text_units_get_text (PxTextUnits *self)
{
  g_return_val_if_fail (PX_IS_TEXT_UNITS (self), NULL);
  return self->text;
}

const char *
px_text_units_get_language (PxTextUnits *self)
{
  g_return_val_if_fail (PX_IS_TEXT_UNITS (self), NULL);
  return self->language;
}

guint
px_text_units_get_n_sentences (PxTextUnits *self)
{
  g_return_val_if_fail (PX_IS_TEXT_UNITS (self), 0);
  return self->sentences->len;
}

const PxSentence *
px_text_units_get_sentence (PxTextUnits *self, guint index)
{
  g_return_val_if_fail (PX_IS_TEXT_UNITS (self), NULL);
  g_return_val_if_fail (index < self->sentences->len, NULL);
  return &g_array_index (self->sentences, PxSentence, index);
}

guint
px_text_units_get_n_tokens (PxTextUnits *self)
{
  g_return_val_if_fail (PX_IS_TEXT_UNITS (self), 0);
  return self->tokens->len;
}

const PxToken *
px_text_units_get_token (PxTextUnits *self, guint index)
{
  g_return_val_if_fail (PX_IS_TEXT_UNITS (self), NULL);
  g_return_val_if_fail (index < self->tokens->len, NULL);
  return &g_array_index (self->tokens, PxToken, index);
}

const PxToken *
px_text_units_get_tokens (PxTextUnits *self, guint *n_tokens)
{
  g_return_val_if_fail (PX_IS_TEXT_UNITS (self), NULL);
  if (n_tokens != NULL)
    *n_tokens = self->tokens->len;
  return (const PxToken *)self->tokens->data;
}

guint
px_text_units_find_sentence (PxTextUnits *self, guint offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (PX_IS_TEXT_UNITS (self), G_MAXUINT);

  if (self->sentences->len == 0)
    return G_MAXUINT;
  hi = self->sentences->len;
  /* Last sentence whose start is <= offset. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (self->sentences, PxSentence, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* The byte where code point @offset starts: counted from the start of
 * the sentence before it, whose byte offset is known, not from the start
 * of the text (the comparison slices every passage of an article: from
 * the start, that is quadratic in the article's length). */
static gsize
byte_at (PxTextUnits *self, guint offset)
{
  guint s = px_text_units_find_sentence (self, offset);
  const PxSentence *sent;

  if (s == G_MAXUINT || (sent = &g_array_index (self->sentences, PxSentence, s))->start > offset)
    return g_utf8_offset_to_pointer (self->text, offset) - self->text;
  return g_utf8_offset_to_pointer (self->text + sent->byte_start, offset - sent->start) - self->text;
}

char *
px_text_units_slice (PxTextUnits *self, guint start, guint end)
{
  gsize b0, b1;

  g_return_val_if_fail (PX_IS_TEXT_UNITS (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  b0 = byte_at (self, start);
  b1 = g_utf8_offset_to_pointer (self->text + b0, end - start) - self->text;
  return g_strndup (self->text + b0, b1 - b0);
}

char *
px_text_units_sentence_text (PxTextUnits *self, guint first, guint last)
{
  const PxSentence *a, *b;

  g_return_val_if_fail (PX_IS_TEXT_UNITS (self), NULL);
  g_return_val_if_fail (first <= last && last < self->sentences->len, NULL);

  a = &g_array_index (self->sentences, PxSentence, first);
  b = &g_array_index (self->sentences, PxSentence, last);
  return g_strndup (self->text + a->byte_start, b->byte_end - a->byte_start);
}
