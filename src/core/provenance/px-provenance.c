/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "provenance/px-provenance.h"

#include "quotes/px-quotes.h"
#include "provenance/px-agency.h"

#include <string.h>

typedef struct
{
  GArray *sentences; /* PxSentenceProvenance */
  guint copy_of;
  double share[3];
  const char *agency;
  gboolean agency_own; /* the agency's own article */
  guint rank;
  guint64 *shingles;
  guint n_shingles;
  guint8 *quoted;  /* per token: inside quotation marks */
  GHashTable *set; /* guint64* into shingles */
} DocState;

struct _PxProvenance
{
  GObject parent_instance;

  guint n_docs;
  DocState *docs;
};

G_DEFINE_FINAL_TYPE (PxProvenance, px_provenance, G_TYPE_OBJECT)

const char *
px_provenance_kind_to_string (PxProvenanceKind kind)
{
  switch (kind)
    {
    case PX_PROVENANCE_AGENCY:
      return "agency";
    case PX_PROVENANCE_COPIED:
      return "copied";
    case PX_PROVENANCE_ORIGINAL:
    default:
      return "original";
    }
}

static void
px_provenance_finalize (GObject *object)
{
  PxProvenance *self = PX_PROVENANCE (object);

  for (guint i = 0; i < self->n_docs; i++)
    {
      g_clear_pointer (&self->docs[i].sentences, g_array_unref);
      g_clear_pointer (&self->docs[i].set, g_hash_table_unref);
      g_free (self->docs[i].shingles);
      g_free (self->docs[i].quoted);
    }
  g_free (self->docs);

  G_OBJECT_CLASS (px_provenance_parent_class)->finalize (object);
}

static void
px_provenance_class_init (PxProvenanceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_provenance_finalize;
}

static void
px_provenance_init (PxProvenance *self)
{
}

/* --- publication order ---------------------------------------------------- */

typedef struct
{
  guint index;
  const char *published; /* ISO 8601 as the importers write it, or NULL */
  GDateTime *at;         /* when it gives a time */
} Order;

static int
order_cmp (gconstpointer a, gconstpointer b)
{
  const Order *x = a, *y = b;
  int c;

  /* Undated articles last: nothing says they came first. */
  if ((x->published == NULL) != (y->published == NULL))
    return x->published == NULL ? 1 : -1;
  if (x->at != NULL && y->at != NULL && (c = g_date_time_compare (x->at, y->at)) != 0)
    return c;
  /* One has only a date: the dates decide, the same day is a tie. */
  if (x->published != NULL && (x->at == NULL || y->at == NULL) && (c = strncmp (x->published, y->published, 10)) != 0)
    return c;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
rank_documents (PxProvenance *self, GPtrArray *documents)
{
  g_autofree Order *order = g_new0 (Order, self->n_docs);

  for (guint i = 0; i < self->n_docs; i++)
    {
      const char *published = px_document_get_published (documents->pdata[i]);

      order[i].index = i;
      order[i].published = published != NULL && strlen (published) >= 10 ? published : NULL;
      if (order[i].published != NULL && strlen (published) > 10)
        order[i].at = g_date_time_new_from_iso8601 (published, NULL);
    }
  qsort (order, self->n_docs, sizeof *order, order_cmp);
  for (guint r = 0; r < self->n_docs; r++)
    {
      self->docs[order[r].index].rank = r;
      g_clear_pointer (&order[r].at, g_date_time_unref);
    }
}

/* --- shingles ------------------------------------------------------------- */

static void
make_shingles (DocState *d, PxTextUnits *units)
{
  guint n;
  const PxToken *tokens = px_text_units_get_tokens (units, &n);
  g_autofree guint32 *words = g_new (guint32, n + 1);

  d->set = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (n < PX_PROVENANCE_SHINGLE)
    return;
  for (guint i = 0; i < n; i++)
    words[i] = g_str_hash (tokens[i].norm);
  d->n_shingles = n - PX_PROVENANCE_SHINGLE + 1;
  d->shingles = g_new (guint64, d->n_shingles);
  for (guint i = 0; i < d->n_shingles; i++)
    {
      guint64 h = 1469598103934665603ull;
      for (guint k = 0; k < PX_PROVENANCE_SHINGLE; k++)
        h = (h ^ words[i + k]) * 1099511628211ull;
      d->shingles[i] = h;
      g_hash_table_add (d->set, &d->shingles[i]);
    }
}

/* Marks the words of @units inside the quotation marks of @quotes. */
static void
mark_quoted (DocState *d, PxTextUnits *units, GPtrArray *quotes)
{
  guint n;
  const PxToken *tokens = px_text_units_get_tokens (units, &n);

  d->quoted = g_new0 (guint8, n + 1);
  for (guint q = 0; quotes != NULL && q < quotes->len; q++)
    {
      const PxQuote *quote = quotes->pdata[q];

      if (quote->kind == PX_QUOTE_INDIRECT)
        continue;
      for (guint p = 0; p < quote->n_parts; p++)
        for (guint t = 0; t < n; t++)
          if (tokens[t].start >= quote->parts[p][0] && tokens[t].end <= quote->parts[p][1])
            d->quoted[t] = 1;
    }
}

/* Marks the words of @b that lie in a shingle @a has too. */
static void
mark_shared (const DocState *a, const DocState *b, guint8 *covered, guint n_tokens)
{
  memset (covered, 0, n_tokens);
  for (guint i = 0; i < b->n_shingles; i++)
    if (g_hash_table_contains (a->set, &b->shingles[i]))
      memset (covered + i, 1, PX_PROVENANCE_SHINGLE);
}

/* --- provenance ------------------------------------------------------------ */

static void
set_source (PxProvenance *self, const DocState *d, PxSentenceProvenance *p, guint a, double share)
{
  p->source = a;
  p->share = share;
  p->kind = self->docs[a].agency_own || (d->agency != NULL && !d->agency_own && self->docs[a].agency == d->agency)
                ? PX_PROVENANCE_AGENCY
                : PX_PROVENANCE_COPIED;
}

static void
find_sources (PxProvenance *self, GPtrArray *units, guint b)
{
  DocState *d = &self->docs[b];
  PxTextUnits *u = units->pdata[b];
  guint n_sentences = px_text_units_get_n_sentences (u);
  guint n_tokens = px_text_units_get_n_tokens (u);
  g_autofree guint8 *covered = g_new (guint8, n_tokens + 1);
  g_autofree guint *by_rank = g_new (guint, self->n_docs + 1);
  g_autofree guint *copied_words = g_new0 (guint, self->n_docs + 1);
  g_autofree double *share = g_new0 (double, n_sentences + 1);
  g_autofree guint *candidate = g_new (guint, n_sentences + 1);
  guint words[3] = { 0, 0, 0 }, total = 0, best = G_MAXUINT;

  for (guint s = 0; s < n_sentences; s++)
    candidate[s] = G_MAXUINT;

  d->sentences = g_array_sized_new (FALSE, TRUE, sizeof (PxSentenceProvenance), n_sentences);
  g_array_set_size (d->sentences, n_sentences);
  for (guint s = 0; s < n_sentences; s++)
    g_array_index (d->sentences, PxSentenceProvenance, s).source = G_MAXUINT;
  for (guint i = 0; i < self->n_docs; i++)
    by_rank[self->docs[i].rank] = i;

  /* Earliest first: a sentence takes the first source that holds it. */
  for (guint r = 0; r < d->rank; r++)
    {
      guint a = by_rank[r];

      mark_shared (&self->docs[a], d, covered, n_tokens);
      for (guint s = 0; s < n_sentences; s++)
        {
          const PxSentence *sentence = px_text_units_get_sentence (u, s);
          PxSentenceProvenance *p = &g_array_index (d->sentences, PxSentenceProvenance, s);
          guint shared = 0, own = 0, own_shared = 0;

          if (p->source != G_MAXUINT || sentence->n_tokens == 0)
            continue;
          for (guint t = sentence->first_token; t < sentence->first_token + sentence->n_tokens; t++)
            {
              shared += covered[t];
              own += !d->quoted[t];
              own_shared += covered[t] && !d->quoted[t];
            }
          share[s] = (double)shared / sentence->n_tokens;
          /* Mostly a quotation: decided by its neighbours below. */
          if (own < PX_PROVENANCE_SHINGLE - 1)
            {
              if (share[s] >= PX_PROVENANCE_COPIED_SHARE && candidate[s] == G_MAXUINT)
                candidate[s] = a;
              continue;
            }
          if ((double)own_shared / own >= PX_PROVENANCE_COPIED_SHARE)
            set_source (self, d, p, a, share[s]);
        }
    }
  /* Quotations between sentences copied from the same source are copied
   * with them. */
  for (gboolean changed = TRUE; changed;)
    {
      changed = FALSE;
      for (guint s = 0; s < n_sentences; s++)
        {
          PxSentenceProvenance *p = &g_array_index (d->sentences, PxSentenceProvenance, s);
          guint a = candidate[s];

          if (a == G_MAXUINT || p->source != G_MAXUINT)
            continue;
          if ((s > 0 && g_array_index (d->sentences, PxSentenceProvenance, s - 1).source == a) ||
              (s + 1 < n_sentences && g_array_index (d->sentences, PxSentenceProvenance, s + 1).source == a))
            {
              set_source (self, d, p, a, share[s]);
              changed = TRUE;
            }
        }
    }

  for (guint s = 0; s < n_sentences; s++)
    {
      const PxSentence *sentence = px_text_units_get_sentence (u, s);
      PxSentenceProvenance *p = &g_array_index (d->sentences, PxSentenceProvenance, s);

      if (p->source == G_MAXUINT && d->agency != NULL && !d->agency_own)
        p->kind = PX_PROVENANCE_AGENCY;
      words[p->kind] += sentence->n_tokens;
      total += sentence->n_tokens;
      if (p->source != G_MAXUINT)
        copied_words[p->source] += sentence->n_tokens;
    }
  for (guint k = 0; k < 3; k++)
    d->share[k] = total > 0 ? (double)words[k] / total : 0;
  for (guint a = 0; a < self->n_docs; a++)
    if (copied_words[a] > 0 && (best == G_MAXUINT || copied_words[a] > copied_words[best]))
      best = a;
  d->copy_of = best != G_MAXUINT && total > 0 && (double)copied_words[best] / total >= PX_PROVENANCE_COPY_OF_SHARE
                   ? best
                   : G_MAXUINT;
}

PxProvenance *
px_provenance_new (GPtrArray *units, GPtrArray *documents, GPtrArray *quotes)
{
  PxProvenance *self;

  g_return_val_if_fail (units != NULL && documents != NULL && units->len == documents->len, NULL);
  g_return_val_if_fail (quotes == NULL || quotes->len == units->len, NULL);

  self = g_object_new (PX_TYPE_PROVENANCE, NULL);
  self->n_docs = units->len;
  self->docs = g_new0 (DocState, self->n_docs + 1);
  rank_documents (self, documents);
  for (guint i = 0; i < self->n_docs; i++)
    {
      PxDocument *doc = documents->pdata[i];
      const char *own = px_agency_from_name (px_document_get_outlet (doc));

      self->docs[i].agency_own = own != NULL;
      self->docs[i].agency =
          own != NULL ? own
                      : px_agency_credited (px_text_units_get_text (units->pdata[i]), px_document_get_author (doc));
      make_shingles (&self->docs[i], units->pdata[i]);
      mark_quoted (&self->docs[i], units->pdata[i], quotes != NULL ? quotes->pdata[i] : NULL);
    }
  for (guint i = 0; i < self->n_docs; i++)
    find_sources (self, units, i);
  return self;
}

guint
px_provenance_get_n_documents (PxProvenance *self)
{
  g_return_val_if_fail (PX_IS_PROVENANCE (self), 0);
  return self->n_docs;
}

const PxSentenceProvenance *
px_provenance_get_sentence (PxProvenance *self, guint doc, guint sentence)
{
  g_return_val_if_fail (PX_IS_PROVENANCE (self), NULL);
  g_return_val_if_fail (doc < self->n_docs, NULL);
  g_return_val_if_fail (sentence < self->docs[doc].sentences->len, NULL);
  return &g_array_index (self->docs[doc].sentences, PxSentenceProvenance, sentence);
}

guint
px_provenance_get_copy_of (PxProvenance *self, guint doc)
{
  g_return_val_if_fail (PX_IS_PROVENANCE (self), G_MAXUINT);
  g_return_val_if_fail (doc < self->n_docs, G_MAXUINT);
  return self->docs[doc].copy_of;
}

double
px_provenance_get_share (PxProvenance *self, guint doc, PxProvenanceKind kind)
{
  g_return_val_if_fail (PX_IS_PROVENANCE (self), 0);
  g_return_val_if_fail (doc < self->n_docs && kind <= PX_PROVENANCE_COPIED, 0);
  return self->docs[doc].share[kind];
}

const char *
px_provenance_get_agency (PxProvenance *self, guint doc)
{
  g_return_val_if_fail (PX_IS_PROVENANCE (self), NULL);
  g_return_val_if_fail (doc < self->n_docs, NULL);
  return self->docs[doc].agency;
}

guint
px_provenance_get_rank (PxProvenance *self, guint doc)
{
  g_return_val_if_fail (PX_IS_PROVENANCE (self), 0);
  g_return_val_if_fail (doc < self->n_docs, 0);
  return self->docs[doc].rank;
}

PxProvenanceKind
px_provenance_passage (PxProvenance *self, guint doc, guint first, guint last, guint *source)
{
  const PxSentenceProvenance *p;

  g_return_val_if_fail (PX_IS_PROVENANCE (self), PX_PROVENANCE_ORIGINAL);
  g_return_val_if_fail (doc < self->n_docs && first <= last && last < self->docs[doc].sentences->len,
                        PX_PROVENANCE_ORIGINAL);

  for (guint s = first; s <= last; s++)
    if (g_array_index (self->docs[doc].sentences, PxSentenceProvenance, s).kind == PX_PROVENANCE_ORIGINAL)
      {
        if (source != NULL)
          *source = G_MAXUINT;
        return PX_PROVENANCE_ORIGINAL;
      }
  p = &g_array_index (self->docs[doc].sentences, PxSentenceProvenance, first);
  if (source != NULL)
    *source = p->source;
  return p->kind;
}

guint
px_provenance_origin (PxProvenance *self, guint doc, guint first, guint last)
{
  guint source, origin = doc;

  switch (px_provenance_passage (self, doc, first, last, &source))
    {
    case PX_PROVENANCE_ORIGINAL:
      return doc;
    case PX_PROVENANCE_COPIED:
      return source;
    case PX_PROVENANCE_AGENCY:
    default:
      if (source != G_MAXUINT)
        return source;
      /* The agency's text is not in the event: the first article to run
       * it stands for it. */
      for (guint i = 0; i < self->n_docs; i++)
        if (self->docs[i].agency == self->docs[doc].agency && self->docs[i].rank < self->docs[origin].rank)
          origin = i;
      return origin;
    }
}
