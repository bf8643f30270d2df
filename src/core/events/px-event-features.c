/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "events/px-event-features.h"

#include <string.h>

#include "events/px-block-pool.h"
#include "text/px-hash.h"
#include "text/px-sentences.h"
#include "text/px-sort.h"
#include "text/px-tokens.h"

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

/* A term while a document is read: its interned text (an id of the
 * stemmer) and where the document first wrote it. */
typedef struct
{
  guint id;
  PxTermKind kind;
  guint count;
  const char *surface;
  guint surface_len;
  gboolean own_surface;       /* differs from the key (set when laid out) */
  const PxStemmerString *key; /* (set when laid out) */
} Term;

/* Terms are counted by string id: a stemmer's scratch entry per string
 * says, when it carries this document's stamp, where the term is in
 * @terms. No hashing and no allocation per word. */
enum
{
  SLOT_TERM_STAMP,
  SLOT_TERM_INDEX,
  SLOT_CAPITALISED_STAMP,
  SLOT_DOCUMENT_CAPITALISED_STAMP,
};

/* Whether a token's capitals tell a name (Part.telling). */
enum
{
  CAPS_FIRST,    /* a sentence's first word: the title or text must vouch */
  CAPS_TELLING,  /* capitalised mid-sentence: a name */
  CAPS_HEADLINE, /* in title case or all capitals: the document must vouch */
};

typedef struct
{
  PxStemmer *stemmer;
  PxStemmerScratch *scratch; /* fetched again after interning */
  Term *terms;
  guint n_terms, n_alloc;
  guint32 stamp;
  /* The key of a number or name being built. */
  char *key;
  gsize key_len, key_alloc;
} Collector;

static inline void
add_term (Collector *c, guint id, PxTermKind kind, const char *surface, gsize surface_len, guint n)
{
  PxStemmerScratch *slot = &c->scratch[id];

  if (slot->v[SLOT_TERM_STAMP] != c->stamp)
    {
      if (c->n_terms == c->n_alloc)
        {
          c->n_alloc *= 2;
          c->terms = g_renew (Term, c->terms, c->n_alloc);
        }
      c->terms[c->n_terms] = (Term){ id, kind, 0, surface, (guint)surface_len };
      slot->v[SLOT_TERM_STAMP] = c->stamp;
      slot->v[SLOT_TERM_INDEX] = c->n_terms++;
    }
  c->terms[slot->v[SLOT_TERM_INDEX]].count += n;
}

/* Appends @len bytes of @s to @c->key. */
static inline void
key_append (Collector *c, const char *s, gsize len)
{
  if (c->key_len + len > c->key_alloc)
    {
      c->key_alloc = MAX (c->key_alloc * 2, c->key_len + len);
      c->key = g_realloc (c->key, c->key_alloc);
    }
  memcpy (c->key + c->key_len, s, len);
  c->key_len += len;
}

/* Interns @c->key and returns its id. */
static guint
intern_key (Collector *c)
{
  guint id = px_stemmer_intern (c->stemmer, c->key, c->key_len);

  c->scratch = px_stemmer_get_scratch (c->stemmer);
  return id;
}

static gboolean
only_spaces (const char *s, const char *e)
{
  for (; s < e; s++)
    if (*s != ' ')
      return FALSE;
  return TRUE;
}

/* Terms in strcmp() order of their texts, comparing the first eight bytes
 * as one number first. */
typedef struct
{
  guint64 prefix;
  const char *text;
  guint index;
} SortKey;

/* A title or a text while it is read: its tokens, and for each whether its
 * capitals say it is a name. */
typedef struct
{
  const char *text;
  guint weight;
  GArray *tokens;
  guint8 *telling;
  /* The tokens whose capitals tell a name (capitalised, CAPS_TELLING), in
   * order. */
  guint *named;
  guint n_named;
} Part;

/* What one text's features need while they are counted, kept with the
 * stemmer for the next text (px_stemmer_get_buffers()): allocating it
 * anew for every document was a good part of the cost, in the allocator
 * and in fresh pages. */
#define BUFFERS_KEY "px-event-features"
/* Buffers grown past this are given back after the text that needed
 * them, rather than held by the stemmer. */
#define KEEP_BYTES (1u << 20)

typedef struct
{
  GArray *tokens[2]; /* PxToken, of the title and of the text */
  GArray *sentences; /* PxSentence */
  guint8 *telling[2];
  guint *named[2];
  gsize n_marks[2];  /* room in telling and named */
  gsize text_len[2]; /* of the last title and text */
  Term *terms;
  guint n_terms;
  SortKey *keys;
  gsize n_keys;
  char *key;
  gsize key_alloc;
  PxBlockPool *pool; /* for the features themselves */
} Buffers;

static void
buffers_free (gpointer data)
{
  Buffers *b = data;

  for (guint p = 0; p < 2; p++)
    {
      g_array_unref (b->tokens[p]);
      g_free (b->telling[p]);
      g_free (b->named[p]);
    }
  g_array_unref (b->sentences);
  g_free (b->terms);
  g_free (b->keys);
  g_free (b->key);
  px_block_pool_free (b->pool);
  g_free (b);
}

static Buffers *
buffers_get (PxStemmer *stemmer)
{
  Buffers *b = px_stemmer_get_buffers (stemmer, BUFFERS_KEY);

  if (b != NULL)
    return b;
  b = g_new0 (Buffers, 1);
  for (guint p = 0; p < 2; p++)
    b->tokens[p] = g_array_new (FALSE, FALSE, sizeof (PxToken));
  b->sentences = g_array_new (FALSE, FALSE, sizeof (PxSentence));
  b->n_terms = 256;
  b->terms = g_new (Term, b->n_terms);
  b->key_alloc = 64;
  b->key = g_malloc (b->key_alloc);
  b->pool = px_block_pool_new ();
  px_stemmer_set_buffers (stemmer, BUFFERS_KEY, b, buffers_free);
  return b;
}

/* Gives back what a very long text made grow. */
static void
buffers_trim (Buffers *b)
{
  for (guint p = 0; p < 2; p++)
    {
      /* px_tokenize_into() made room for a token per five bytes. */
      if ((b->text_len[p] / 5 + 16) * sizeof (PxToken) > KEEP_BYTES)
        {
          g_array_unref (b->tokens[p]);
          b->tokens[p] = g_array_new (FALSE, FALSE, sizeof (PxToken));
        }
      if (b->n_marks[p] * (sizeof (guint8) + sizeof (guint)) > KEEP_BYTES)
        {
          g_clear_pointer (&b->telling[p], g_free);
          g_clear_pointer (&b->named[p], g_free);
          b->n_marks[p] = 0;
        }
    }
  if (b->sentences->len * sizeof (PxSentence) > KEEP_BYTES)
    {
      g_array_unref (b->sentences);
      b->sentences = g_array_new (FALSE, FALSE, sizeof (PxSentence));
    }
  if (b->n_terms * sizeof (Term) > KEEP_BYTES)
    {
      b->n_terms = 256;
      b->terms = g_renew (Term, b->terms, b->n_terms);
    }
  if (b->n_keys * sizeof (SortKey) > KEEP_BYTES)
    {
      g_clear_pointer (&b->keys, g_free);
      b->n_keys = 0;
    }
  if (b->key_alloc > KEEP_BYTES)
    {
      b->key_alloc = 64;
      b->key = g_realloc (b->key, b->key_alloc);
    }
}

/* A content word, as far as capitals go: not a function word, not a
 * number, more than one letter. */
static inline gboolean
is_content (const PxToken *tok)
{
  return !(tok->flags & (PX_TOKEN_STOP | PX_TOKEN_NUMBER)) && tok->word->norm_chars > 1;
}

/* Marks which tokens of [@from, @to), one sentence, are written
 * capitalised because they are names. The first word of a sentence is
 * capitalised anyway. So is every word of a headline in title case ("Ferry
 * Board Says It Will Reopen The Bridge") and of a stretch in capitals
 * ("LIVE FROM THE HARBOUR SUMMIT"): there capitals tell nothing, and such
 * words count as names only where the document also capitalises them
 * elsewhere. */
static void
mark_telling (Part *part, guint from, guint to)
{
  const PxToken *tok = (const PxToken *)part->tokens->data;
  guint8 *telling = part->telling;
  guint content = 0, capitalised = 0, acronyms = 0, first_named = part->n_named;
  gboolean headline = FALSE;

  for (guint t = from; t < to; t++)
    {
      guint flags = tok[t].flags;

      telling[t] = t > from ? CAPS_TELLING : CAPS_FIRST;
      acronyms += (flags & PX_TOKEN_ACRONYM) != 0;
      if (is_content (&tok[t]))
        {
          content++;
          if (flags & (PX_TOKEN_CAPITALIZED | PX_TOKEN_ACRONYM))
            capitalised++;
        }
      /* A candidate name; the rules below may take it back. */
      if ((flags & (PX_TOKEN_CAPITALIZED | PX_TOKEN_ACRONYM)) && t > from)
        part->named[part->n_named++] = t;
    }
  /* Title case capitalises words, not letters: "NATO" still tells. */
  if (content >= 3 && capitalised == content)
    {
      headline = TRUE;
      for (guint t = from; t < to; t++)
        if (!(tok[t].flags & PX_TOKEN_ACRONYM))
          telling[t] = CAPS_HEADLINE;
    }
  /* Runs of three acronyms or more: a stretch in capitals. */
  if (acronyms >= 3)
    for (guint t = from; t < to;)
      {
        guint e = t;
        while (e < to && (tok[e].flags & PX_TOKEN_ACRONYM) && tok[e].word->norm_chars > 1)
          e++;
        if (e - t >= 3)
          memset (telling + t, CAPS_HEADLINE, e - t);
        t = MAX (e, t + 1);
      }
  if (headline || acronyms >= 3)
    {
      guint n = first_named;
      for (guint k = first_named; k < part->n_named; k++)
        if (telling[part->named[k]] == CAPS_TELLING)
          part->named[n++] = part->named[k];
      part->n_named = n;
    }
}

static void
part_read (Part *part, const char *text, guint weight, PxStemmer *stemmer, Buffers *b, guint p)
{
  GArray *sentences = b->sentences;
  const PxToken *tok;
  guint n, t = 0;

  px_split_sentences_into (sentences, text);
  part->text = text;
  part->weight = weight;
  part->tokens = b->tokens[p];
  px_tokenize_into (part->tokens, text, stemmer);
  b->text_len[p] = strlen (text);
  tok = (const PxToken *)part->tokens->data;
  n = part->tokens->len;
  if (b->n_marks[p] < n + 1)
    {
      b->n_marks[p] = MAX (n + 1, 2 * b->n_marks[p]);
      g_free (b->telling[p]);
      g_free (b->named[p]);
      b->telling[p] = g_new (guint8, b->n_marks[p]);
      b->named[p] = g_new (guint, b->n_marks[p]);
    }
  part->telling = b->telling[p];
  memset (part->telling, 0, n + 1);
  part->named = b->named[p];
  part->n_named = 0;
  for (guint s = 0; s < sentences->len; s++)
    {
      const PxSentence *sent = &g_array_index (sentences, PxSentence, s);
      guint from;

      while (t < n && tok[t].start < sent->start)
        t++;
      from = t;
      while (t < n && tok[t].start < sent->end)
        t++;
      mark_telling (part, from, t);
    }
  /* Tokens outside every sentence (none, as the splitter covers the text)
   * keep telling = 0. */
}

/* "huawei's" -> "huawei": a name's possessive is the name. */
static inline gsize
possessive_len (const char *norm, gsize len, gboolean *possessive)
{
  *possessive = len > 2 && norm[len - 2] == '\'' && norm[len - 1] == 's';
  return *possessive ? len - 2 : len;
}

static void
collect (Collector *c, const Part *part, guint32 capitalised, guint32 document_capitalised)
{
  const char *text = part->text;
  const PxToken *tok = (const PxToken *)part->tokens->data;
  const guint8 *telling = part->telling;
  guint n = part->tokens->len;
  guint weight = part->weight;

  c->scratch = px_stemmer_get_scratch (c->stemmer);
  for (guint i = 0; i < n; i++)
    {
      if (tok[i].flags & PX_TOKEN_NUMBER)
        {
          guint id;
          c->key_len = 0;
          key_append (c, "#", 1);
          key_append (c, tok[i].norm, tok[i].word->norm_len);
          id = intern_key (c);
          add_term (c, id, PX_TERM_NUMBER, text + tok[i].byte_start, tok[i].byte_end - tok[i].byte_start, weight);
        }
      else if (!(tok[i].flags & PX_TOKEN_STOP) && tok[i].word->norm_chars > 1)
        add_term (c, tok[i].word->stem_id, PX_TERM_WORD, text + tok[i].byte_start, tok[i].byte_end - tok[i].byte_start,
                  weight);
    }

  for (guint i = 0; i < n;)
    {
      guint j = i;
      guint id;
      gboolean possessive = FALSE;

      /* A run of names, up to a possessive: "Quillon's Redvale" is two. */
      while (j < n && !possessive && (tok[j].flags & (PX_TOKEN_CAPITALIZED | PX_TOKEN_ACRONYM)) &&
             !(tok[j].flags & PX_TOKEN_STOP) &&
             (j == i || only_spaces (text + tok[j - 1].byte_end, text + tok[j].byte_start)) &&
             (telling[j] == CAPS_TELLING || c->scratch[tok[j].word->norm_id].v[SLOT_CAPITALISED_STAMP] == capitalised ||
              (telling[j] == CAPS_HEADLINE &&
               c->scratch[tok[j].word->norm_id].v[SLOT_DOCUMENT_CAPITALISED_STAMP] == document_capitalised)))
        {
          possessive_len (tok[j].norm, tok[j].word->norm_len, &possessive);
          j++;
        }
      if (j == i)
        {
          i++;
          continue;
        }
      c->key_len = 0;
      key_append (c, "@", 1);
      for (guint k = i; k < j; k++)
        {
          gsize len = tok[k].word->norm_len;
          gboolean p;
          if (k > i)
            key_append (c, " ", 1);
          key_append (c, tok[k].norm, k + 1 == j ? possessive_len (tok[k].norm, len, &p) : len);
        }
      id = intern_key (c);
      add_term (c, id, PX_TERM_ENTITY, text + tok[i].byte_start, tok[j - 1].byte_end - tok[i].byte_start, weight);
      i = j;
    }
}

PX_DEFINE_SORT (sort_keys, SortKey,
                x->prefix != y->prefix ? x->prefix < y->prefix : strcmp (x->text + 8, y->text + 8) < 0)

/* sort_keys() of @n keys, through @tmp (as many): first distributed by
 * their first byte, which leaves a few keys per letter to compare. The
 * keys are distinct, so the order is the one any sort gives. */
static void
sort_keys_bucketed (SortKey *keys, guint n, SortKey *tmp)
{
  guint start[257] = { 0 }, next[256];

  if (n < 64)
    {
      sort_keys (keys, n);
      return;
    }
  for (guint i = 0; i < n; i++)
    start[(keys[i].prefix >> 56) + 1]++;
  for (guint b = 1; b <= 256; b++)
    start[b] += start[b - 1];
  memcpy (next, start, sizeof next);
  for (guint i = 0; i < n; i++)
    tmp[next[keys[i].prefix >> 56]++] = keys[i];
  for (guint b = 0; b < 256; b++)
    if (start[b + 1] - start[b] > 1)
      sort_keys (tmp + start[b], start[b + 1] - start[b]);
  memcpy (keys, tmp, n * sizeof (SortKey));
}

PxEventFeatures *
px_event_features_new (gint64 document_id, const char *title, const char *text, const char *language,
                       const char *published, PxStemmer *stemmer)
{
  PxEventFeatures *self;
  Collector c;
  g_autoptr (PxStemmer) own_stemmer = NULL;
  Buffers *b;
  SortKey *keys;
  gsize size = 0;
  guint n_kept = 0;
  PxEventTerm *terms;
  char *strings, *at;
  Part parts[2];
  guint n_parts = 0;
  guint32 capitalised[2], document_capitalised;

  if (stemmer == NULL)
    stemmer = own_stemmer = px_stemmer_new (language);

  b = buffers_get (stemmer);
  c.stemmer = stemmer;
  c.n_terms = 0;
  c.n_alloc = b->n_terms;
  c.terms = b->terms;
  c.stamp = px_stemmer_next_stamp (stemmer);
  c.key_alloc = b->key_alloc;
  c.key_len = 0;
  c.key = b->key;
  if (title != NULL)
    {
      part_read (&parts[n_parts], title, 2, stemmer, b, n_parts);
      n_parts++;
    }
  if (text != NULL)
    {
      part_read (&parts[n_parts], text, 1, stemmer, b, n_parts);
      n_parts++;
    }
  /* Which words the title, or the text, writes capitalised where capitals
   * tell a name: "Halvorsen said" at a sentence start is a name because
   * "… said Halvorsen" occurs too; "Usually" is not. The title and the
   * text each vouch for their own first words; a headline in title case
   * or capitals needs the whole document. */
  document_capitalised = px_stemmer_next_stamp (stemmer);
  for (guint p = 0; p < n_parts; p++)
    {
      const PxToken *tok = (const PxToken *)parts[p].tokens->data;
      PxStemmerScratch *scratch = px_stemmer_get_scratch (stemmer);

      capitalised[p] = px_stemmer_next_stamp (stemmer);
      for (guint k = 0; k < parts[p].n_named; k++)
        scratch[tok[parts[p].named[k]].word->norm_id].v[SLOT_DOCUMENT_CAPITALISED_STAMP] = document_capitalised;
    }
  for (guint p = 0; p < n_parts; p++)
    {
      const PxToken *tok = (const PxToken *)parts[p].tokens->data;
      PxStemmerScratch *scratch = px_stemmer_get_scratch (stemmer);

      for (guint k = 0; k < parts[p].n_named; k++)
        scratch[tok[parts[p].named[k]].word->norm_id].v[SLOT_CAPITALISED_STAMP] = capitalised[p];
      collect (&c, &parts[p], capitalised[p], document_capitalised);
    }

  /* One block holds the record, the terms, and every key and surface. */
  if (b->n_keys < 2 * c.n_terms + 1)
    {
      b->n_keys = MAX (2 * c.n_terms + 1, 2 * b->n_keys);
      g_free (b->keys);
      b->keys = g_new (SortKey, b->n_keys);
    }
  keys = b->keys;
  for (guint i = 0; i < c.n_terms; i++)
    {
      Term *t = &c.terms[i];
      const PxStemmerString *str = px_stemmer_get_string (stemmer, t->id);

      /* PxEventTerm.len has 30 bits: no document holds a longer name. */
      if (str->len > PX_EVENT_TERM_MAX_LEN)
        continue;
      t->key = str;
      t->own_surface = t->surface_len != str->len || !px_bytes_equal (t->surface, str->str, str->len);
      size += str->len + 1 + 1 + (t->own_surface ? t->surface_len : 0);
      keys[n_kept].prefix = str->prefix;
      keys[n_kept].text = str->str;
      keys[n_kept].index = i;
      n_kept++;
    }
  sort_keys_bucketed (keys, n_kept, keys + n_kept);

  {
    gsize total = sizeof (PxEventFeatures) + n_kept * sizeof (PxEventTerm) + size;
    gpointer block = NULL;

    /* A stemmer made for this call dies with it: its pool would hold a
     * block for one document. */
    self = own_stemmer == NULL ? px_block_pool_alloc (b->pool, total, &block) : NULL;
    if (self == NULL)
      self = g_malloc (total);
    self->block = block;
  }
  terms = (PxEventTerm *)(self + 1);
  strings = at = (char *)(terms + n_kept);
  self->document_id = document_id;
  self->day = px_parse_day (published);
  self->n_terms = n_kept;
  self->terms = terms;
  self->strings = strings;
  for (guint i = 0; i < n_kept; i++)
    {
      const Term *t = &c.terms[keys[i].index];
      PxEventTerm *out = &terms[i];
      /* Nothing was interned since, so the record is still there. */
      const PxStemmerString *str = t->key;

      memcpy (at, str->str, str->len + 1);
      out->text = at - strings;
      out->hash = str->hash;
      out->len = str->len;
      out->kind = t->kind;
      out->count = t->count;
      at += str->len + 1;
      if (t->own_surface)
        {
          memcpy (at, t->surface, t->surface_len);
          at += t->surface_len;
        }
      *at++ = '\0';
    }
  /* The collector may have grown them. */
  b->terms = c.terms;
  b->n_terms = c.n_alloc;
  b->key = c.key;
  b->key_alloc = c.key_alloc;
  buffers_trim (b);
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
  if (self->block != NULL)
    px_block_release (self->block);
  else
    g_free (self);
}
