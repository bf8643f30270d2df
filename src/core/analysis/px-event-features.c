/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "analysis/px-event-features.h"

#include <string.h>

#include "analysis/px-sentences.h"
#include "analysis/px-tokens.h"

guint32
px_parse_day (const char *iso)
{
  guint64 y, m, d;
  char *end;
  GDate date;

  if (iso == NULL)
    return 0;
  y = g_ascii_strtoull (iso, &end, 10);
  if (end != iso + 4 || *end != '-')
    return 0;
  m = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != '-')
    return 0;
  d = g_ascii_strtoull (end + 1, &end, 10);
  if (!g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return g_date_get_julian (&date);
}

typedef struct
{
  GHashTable *counts; /* text -> PxEventTerm*, for names and numbers */
  GHashTable *words;  /* interned stem -> PxEventTerm*, pointer keys */
} Collector;

static void
add_term (Collector *c, PxTermKind kind, const char *text, const char *surface, gsize surface_len, guint n)
{
  /* Stems are interned by the stemmer, so their pointers are keys enough;
   * that saves hashing strings for most words of every article. */
  GHashTable *table = kind == PX_TERM_WORD ? c->words : c->counts;
  PxEventTerm *term = g_hash_table_lookup (table, text);

  if (term == NULL)
    {
      term = g_new0 (PxEventTerm, 1);
      term->text = g_strdup (text);
      term->surface = g_strndup (surface, surface_len);
      term->kind = kind;
      g_hash_table_insert (table, kind == PX_TERM_WORD ? (gpointer)text : term->text, term);
    }
  term->count += n;
}

static gboolean
only_spaces (const char *s, const char *e)
{
  for (; s < e; s++)
    if (*s != ' ')
      return FALSE;
  return TRUE;
}

static void
collect (Collector *c, const char *text, const char *language, PxStemmer *stemmer, guint weight)
{
  g_autoptr (GArray) sentences = px_split_sentences (text);
  g_autoptr (GArray) tokens = px_tokenize (text, stemmer);
  g_autoptr (GHashTable) capitalised = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *starts = NULL;
  const PxToken *tok = (const PxToken *)tokens->data;
  guint n = tokens->len;
  g_autoptr (GString) entity = g_string_new (NULL);

  starts = g_new0 (gboolean, n + 1);
  /* Which token indices open a sentence, and which words the text writes
   * capitalised inside a sentence: "Purdy said" at a sentence start is a
   * name because "… said Purdy" occurs too; "Usually" is not. */
  for (guint s = 0, t = 0; s < sentences->len; s++)
    {
      const PxSentence *sent = &g_array_index (sentences, PxSentence, s);
      while (t < n && tok[t].start < sent->start)
        t++;
      if (t < n)
        starts[t] = TRUE;
    }
  for (guint i = 0; i < n; i++)
    if ((tok[i].flags & PX_TOKEN_CAPITALIZED) && !starts[i])
      g_hash_table_add (capitalised, (gpointer)tok[i].norm);

  for (guint i = 0; i < n; i++)
    {
      if (tok[i].flags & PX_TOKEN_NUMBER)
        {
          g_autofree char *key = g_strconcat ("#", tok[i].norm, NULL);
          add_term (c, PX_TERM_NUMBER, key, text + tok[i].byte_start, tok[i].byte_end - tok[i].byte_start, weight);
        }
      else if (!(tok[i].flags & PX_TOKEN_STOP) && g_utf8_strlen (tok[i].norm, -1) > 1)
        add_term (c, PX_TERM_WORD, tok[i].stem, text + tok[i].byte_start, tok[i].byte_end - tok[i].byte_start, weight);
    }

  for (guint i = 0; i < n;)
    {
      guint j = i;

      while (j < n && (tok[j].flags & (PX_TOKEN_CAPITALIZED | PX_TOKEN_ACRONYM)) && !(tok[j].flags & PX_TOKEN_STOP) &&
             (j == i || only_spaces (text + tok[j - 1].byte_end, text + tok[j].byte_start)) &&
             (!starts[j] || g_hash_table_contains (capitalised, tok[j].norm)))
        j++;
      if (j == i)
        {
          i++;
          continue;
        }
      g_string_truncate (entity, 0);
      g_string_append_c (entity, '@');
      for (guint k = i; k < j; k++)
        {
          if (k > i)
            g_string_append_c (entity, ' ');
          g_string_append (entity, tok[k].norm);
        }
      add_term (c, PX_TERM_ENTITY, entity->str, text + tok[i].byte_start, tok[j - 1].byte_end - tok[i].byte_start,
                weight);
      i = j;
    }
}

static int
term_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (((const PxEventTerm *)a)->text, ((const PxEventTerm *)b)->text);
}

PxEventFeatures *
px_event_features_new (gint64 document_id, const char *title, const char *text, const char *language,
                       const char *published, PxStemmer *stemmer)
{
  PxEventFeatures *self;
  Collector c;
  GHashTableIter iter;
  gpointer value;
  g_autoptr (PxStemmer) own_stemmer = NULL;

  if (stemmer == NULL)
    stemmer = own_stemmer = px_stemmer_new (language);

  c.counts = g_hash_table_new (g_str_hash, g_str_equal);
  c.words = g_hash_table_new (g_direct_hash, g_direct_equal);
  if (title != NULL)
    collect (&c, title, language, stemmer, 2);
  if (text != NULL)
    collect (&c, text, language, stemmer, 1);

  self = g_new0 (PxEventFeatures, 1);
  self->document_id = document_id;
  self->day = px_parse_day (published);
  self->terms = g_array_sized_new (FALSE, FALSE, sizeof (PxEventTerm),
                                   g_hash_table_size (c.counts) + g_hash_table_size (c.words));
  for (guint k = 0; k < 2; k++)
    {
      GHashTable *table = k == 0 ? c.words : c.counts;
      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          PxEventTerm *term = value;
          g_array_append_val (self->terms, *term);
          g_free (term); /* the strings moved into the array */
        }
      g_hash_table_unref (table);
    }
  g_array_sort (self->terms, term_cmp);
  return self;
}

PxEventFeatures *
px_event_features_new_for_document (PxDocument *document, PxStemmer *stemmer)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (document), NULL);

  return px_event_features_new (px_document_get_id (document), px_document_get_title (document),
                                px_document_get_text (document), px_document_get_language (document),
                                px_document_get_published (document), stemmer);
}

void
px_event_features_free (PxEventFeatures *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->terms->len; i++)
    {
      PxEventTerm *term = &g_array_index (self->terms, PxEventTerm, i);
      g_free (term->text);
      g_free (term->surface);
    }
  g_array_unref (self->terms);
  g_free (self);
}
