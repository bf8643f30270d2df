/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "events/px-event-index.h"
#include "events/px-event-index-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "events/px-block-pool.h"
#include "events/px-event-cluster.h"
#include "text/px-hash.h"
#include "text/px-sort.h"
#include "text/px-term-weights.h"

/* How many of a document's strongest terms are posted (to find the
 * documents it may resemble), how many of a new document's are looked up,
 * and how many of the newest postings of one term are read: a term in
 * more documents than that is a word of the collection, not of a story. */
#define N_PROBE_TERMS 16
#define N_POSTED_TERMS 24
#define MAX_POSTINGS_READ 400
/* How many of the documents sharing the most of those terms' weight are
 * compared in full. */
#define N_CANDIDATES 48
/* A new document re-clusters the events of the documents it resembles;
 * at most this many documents (the most similar events first). */
#define MAX_NEIGHBOURHOOD 600

/* Document frequencies are counted as if the library held this many more
 * documents without the term: in a library of five articles every word is
 * rare or common by accident, and the IDFs of so few documents would
 * weigh a shared name no more than a word one article happens to use.
 * The prior keeps a small library's weights near term frequency and fades
 * as the library grows (docs/events.md). */
#define IDF_PRIOR_DOCS 100

typedef PxTermWeight TermWeight;

typedef struct
{
  gint64 doc;
  guint32 day; /* of the document, 0 if unknown */
} Posting;

typedef struct
{
  char *text;
  char *surface;
  PxTermKind kind;
  guint df;
  guint32 hash; /* px_hash_bytes() of text */
  guint32 len;  /* of text */
  /* The IDF as last computed, and for which counts. */
  guint idf_docs, idf_df;
  double idf;
} TermInfo;

/* A document's vector: TermWeight sorted by term, unit length. A batch
 * makes them in PxBlockPool blocks (@block), one document elsewhere has
 * its own allocation. */
typedef struct
{
  TermWeight *data; /* NULL until assigned */
  guint len;
  gpointer block;
} Vec;

static void
vec_clear (Vec *vec)
{
  if (vec->data == NULL)
    return;
  if (vec->block != NULL)
    px_block_release (vec->block);
  else
    g_free (vec->data);
  *vec = (Vec){ NULL, 0, NULL };
}

typedef struct
{
  gint64 id;
  guint32 day;
  gint64 event;
  /* The user placed it: re-clustering never moves it, nor puts documents
   * of another event with it. */
  gboolean pinned;
  Vec vec;
  /* The strongest terms of vec, strongest first (ties: lower term first). */
  TermWeight top[N_POSTED_TERMS];
  guint n_top;
  /* Term ids of the features observe() counted, in their order, until
   * vectorize() uses them: saves looking every term up twice. */
  const PxEventFeatures *observed;
  guint *observed_ids;
  /* The PxBlockPool blocks holding the entry and the ids, when a batch
   * made them; NULL when they have their own allocations. */
  gpointer block, ids_block;
  /* The vector a batch computed ahead (its strongest terms are already
   * in @top), until the document takes it. */
  Vec next_vec;
  /* Per term of vec, its weight over its IDF when the vector was made:
   * the vector again for newer document frequencies (revectorize()). */
  float *tf;
  /* How many documents the index counted when vec was made. */
  guint vec_docs;
  /* Which vec this is, for the pair cache: a new one with every change. */
  guint32 vec_version;
} DocEntry;

typedef struct
{
  gint64 id;
  GArray *members; /* gint64 */
  GArray *sum;     /* TermWeight sorted by term: sum of member vectors */
  double norm;
  guint32 day_min, day_max; /* 0 when no member has a date */
} EventEntry;

struct _PxEventIndex
{
  GObject parent_instance;

  PxEventParams params;
  /* Open addressing over term ids + 1 (0: free), by TermInfo.hash. */
  guint32 *vocab;
  guint vocab_mask;
  GPtrArray *terms; /* TermInfo* by id */
  /* By term id: GArray of Posting, the documents that had the term among
   * their strongest (stale entries are possible, and harmless: candidates
   * are checked in full). */
  GPtrArray *postings;
  guint n_docs;
  GHashTable *docs;   /* gint64* -> DocEntry* */
  GHashTable *events; /* gint64* -> EventEntry* */
  gint64 next_event_id;
  /* 1 + log (n) for small term counts n. */
  double log_tf[64];
  /* Documents whose event changed since px_event_index_steal_changes():
   * gint64* -> nothing. */
  GHashTable *changes;
  /* While px_event_index_group() observes a batch: where its entries and,
   * apart (they are freed soon after), their term ids go (see
   * PxBlockPool); else NULL. */
  PxBlockPool *entry_pool, *ids_pool;
  /* Scratch of top_terms(), kept between calls: a fresh allocation per
   * document touches fresh memory, and on a virtual machine every new
   * page is a costly fault. */
  TermWeight *select;
  guint n_select;
  guint n_threads; /* px_event_index_set_threads() */
  /* Pairs recluster() computed, for the next neighbourhood (or NULL), and
   * the last version given to a vector. */
  PxPairCache *pairs;
  guint32 last_vec_version;
};

G_DEFINE_FINAL_TYPE (PxEventIndex, px_event_index, G_TYPE_OBJECT)

void
px_event_params_init (PxEventParams *params)
{
  g_return_if_fail (params != NULL);

  params->threshold = 0.20;
  params->date_window_days = 3;
  params->entity_weight = 1.0;
  params->number_weight = 2.0;
}

static void
term_info_free (gpointer data)
{
  TermInfo *t = data;
  g_free (t->text);
  g_free (t->surface);
  g_free (t);
}

static void
forget_observed (DocEntry *doc)
{
  doc->observed = NULL;
  if (doc->observed_ids != NULL && doc->ids_block != NULL)
    px_block_release (doc->ids_block);
  else
    g_free (doc->observed_ids);
  doc->observed_ids = NULL;
  doc->ids_block = NULL;
}

static void
doc_entry_free (gpointer data)
{
  DocEntry *d = data;
  vec_clear (&d->vec);
  vec_clear (&d->next_vec);
  g_free (d->tf);
  forget_observed (d);
  if (d->block != NULL)
    px_block_release (d->block);
  else
    g_free (d);
}

static void
event_entry_free (gpointer data)
{
  EventEntry *e = data;
  g_array_unref (e->members);
  g_array_unref (e->sum);
  g_free (e);
}

static void
px_event_index_finalize (GObject *object)
{
  PxEventIndex *self = PX_EVENT_INDEX (object);

  g_free (self->vocab);
  g_ptr_array_unref (self->terms);
  g_ptr_array_unref (self->postings);
  g_hash_table_unref (self->docs);
  g_hash_table_unref (self->events);
  g_hash_table_unref (self->changes);
  g_free (self->select);
  px_pair_cache_free (self->pairs);

  G_OBJECT_CLASS (px_event_index_parent_class)->finalize (object);
}

static void
px_event_index_class_init (PxEventIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_event_index_finalize;
}

static void
px_event_index_init (PxEventIndex *self)
{
  px_event_params_init (&self->params);
  self->vocab_mask = 1023;
  self->vocab = g_new0 (guint32, self->vocab_mask + 1);
  self->terms = g_ptr_array_new_with_free_func (term_info_free);
  self->postings = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  self->docs = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, doc_entry_free);
  self->events = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, event_entry_free);
  self->next_event_id = 1;
  for (guint n = 1; n < G_N_ELEMENTS (self->log_tf); n++)
    self->log_tf[n] = 1.0 + log (n);
  self->changes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pairs = px_pair_cache_new ();
}

PxEventIndex *
px_event_index_new (const PxEventParams *params)
{
  PxEventIndex *self = g_object_new (PX_TYPE_EVENT_INDEX, NULL);

  if (params != NULL)
    self->params = *params;
  return self;
}

const PxEventParams *
px_event_index_get_params (PxEventIndex *self)
{
  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), NULL);
  return &self->params;
}

/* --- vocabulary ---------------------------------------------------------- */

/* Id of the term @text (@len bytes, with @hash, its px_hash_bytes()), or
 * -1. */
static gint
lookup_term (PxEventIndex *self, const char *text, guint32 len, guint32 hash)
{
  for (guint i = hash & self->vocab_mask, slot; (slot = self->vocab[i]) != 0; i = (i + 1) & self->vocab_mask)
    {
      const TermInfo *t = self->terms->pdata[slot - 1];
      if (t->hash == hash && t->len == len && px_bytes_equal (t->text, text, len))
        return slot - 1;
    }
  return -1;
}

static void
vocab_insert (guint32 *table, guint mask, guint32 hash, guint id)
{
  guint i = hash & mask;

  while (table[i] != 0)
    i = (i + 1) & mask;
  table[i] = id + 1;
}

static guint
intern_term (PxEventIndex *self, const char *text, guint32 len, guint32 hash, const char *surface, PxTermKind kind)
{
  gint found = lookup_term (self, text, len, hash);
  TermInfo *t;

  if (found >= 0)
    return found;

  t = g_new0 (TermInfo, 1);
  t->text = g_strndup (text, len);
  t->surface = g_strdup (surface);
  t->kind = kind;
  t->hash = hash;
  t->len = len;
  t->idf_docs = G_MAXUINT;
  g_ptr_array_add (self->terms, t);
  g_ptr_array_add (self->postings, g_array_new (FALSE, FALSE, sizeof (Posting)));
  if (self->terms->len * 2 > self->vocab_mask)
    {
      guint mask = self->vocab_mask * 2 + 1;
      guint32 *table = g_new0 (guint32, mask + 1);
      for (guint id = 0; id < self->terms->len; id++)
        vocab_insert (table, mask, ((TermInfo *)self->terms->pdata[id])->hash, id);
      g_free (self->vocab);
      self->vocab = table;
      self->vocab_mask = mask;
    }
  else
    vocab_insert (self->vocab, self->vocab_mask, hash, self->terms->len - 1);
  return self->terms->len - 1;
}

static DocEntry *
observe (PxEventIndex *self, const PxEventFeatures *features)
{
  DocEntry *doc = g_hash_table_lookup (self->docs, &features->document_id);

  if (doc != NULL)
    return doc;

  if (self->entry_pool != NULL)
    {
      gpointer block;
      doc = px_block_pool_alloc (self->entry_pool, sizeof (DocEntry), &block);
      memset (doc, 0, sizeof (DocEntry));
      doc->block = block;
      doc->observed_ids = px_block_pool_alloc (self->ids_pool, (features->n_terms + 1) * sizeof (guint), &block);
      doc->ids_block = block;
    }
  else
    doc = g_new0 (DocEntry, 1);
  if (doc->observed_ids == NULL)
    doc->observed_ids = g_new (guint, features->n_terms + 1);
  doc->id = features->document_id;
  doc->day = features->day;
  g_hash_table_insert (self->docs, &doc->id, doc);
  self->n_docs++;
  doc->observed = features;
  for (guint i = 0; i < features->n_terms; i++)
    {
      const PxEventTerm *term = &features->terms[i];
      guint id = intern_term (self, px_event_term_get_text (features, term), term->len, term->hash,
                              px_event_term_get_surface (features, term), term->kind);
      ((TermInfo *)self->terms->pdata[id])->df++;
      doc->observed_ids[i] = id;
    }
  return doc;
}

static void post_terms (PxEventIndex *self, DocEntry *doc);

/* The document's vector changed: the pairs cached for the old one are
 * not found again (nor any, once the versions wrap around). */
static void
vec_changed (PxEventIndex *self, DocEntry *doc)
{
  if (self->last_vec_version == G_MAXUINT32 && self->pairs != NULL)
    px_pair_cache_clear (self->pairs);
  doc->vec_version = ++self->last_vec_version;
}

static double term_idf (PxEventIndex *self, TermInfo *info);

/* Keeps what revectorize() needs of the document's current vector. */
static void
doc_keep_tf (PxEventIndex *self, DocEntry *doc)
{
  doc->tf = g_renew (float, doc->tf, MAX (doc->vec.len, 1));
  doc->vec_docs = self->n_docs;
  for (guint i = 0; i < doc->vec.len; i++)
    doc->tf[i] = (float)(doc->vec.data[i].weight / term_idf (self, self->terms->pdata[doc->vec.data[i].term]));
}

static void
doc_set_vec (PxEventIndex *self, DocEntry *doc, Vec vec)
{
  vec_clear (&doc->vec);
  doc->vec = vec;
  vec_changed (self, doc);
  doc->n_top = px_term_weights_top (vec.data, vec.len, doc->top, N_POSTED_TERMS, &self->select, &self->n_select);
  doc_keep_tf (self, doc);
  post_terms (self, doc);
}

/* The document's vector for the current document frequencies: the IDFs
 * move as documents come, and a vector made when the library held ten
 * articles would weigh a word of every article as if it were rare.
 * Unless @force, a vector made when the index held at least nine tenths
 * of today's documents is kept (the IDFs moved little). Returns whether
 * it changed. */
static gboolean
revectorize (PxEventIndex *self, DocEntry *doc, gboolean force)
{
  double norm = 0;

  if (!force && (guint64)doc->vec_docs * 10 >= (guint64)self->n_docs * 9)
    return FALSE;
  doc->vec_docs = self->n_docs;
  vec_changed (self, doc);

  for (guint i = 0; i < doc->vec.len; i++)
    {
      double w = doc->tf[i] * term_idf (self, self->terms->pdata[doc->vec.data[i].term]);
      doc->vec.data[i].weight = w;
      norm += w * w;
    }
  norm = sqrt (norm);
  for (guint i = 0; i < doc->vec.len && norm > 0; i++)
    doc->vec.data[i].weight /= norm;
  return TRUE;
}

/* The IDF of a term for the current counts, computed again only when they
 * changed. */
static inline double
term_idf (PxEventIndex *self, TermInfo *info)
{
  if (info->idf_docs != self->n_docs || info->idf_df != info->df)
    {
      info->idf = log ((1.0 + self->n_docs + IDF_PRIOR_DOCS) / (1.0 + info->df)) + 1.0;
      info->idf_docs = self->n_docs;
      info->idf_df = info->df;
    }
  return info->idf;
}

/* Whether a number term ("#212", "#40,000") tells one event from another:
 * not a year, nor a number up to 31, which any date writes (the day of
 * the month, the month) and many counts too. */
static gboolean
telling_number (const char *key)
{
  guint64 v;
  char *end;

  if (*key == '#')
    key++;
  if (!g_ascii_isdigit (*key))
    return TRUE;
  v = g_ascii_strtoull (key, &end, 10);
  if (*end != '\0')
    return TRUE; /* "40,000", "3.5": written out, telling */
  return !(v <= 31 || (v >= 1900 && v <= 2100));
}

/* Sublinear TF times smoothed IDF (as scikit-learn computes it, with
 * IDF_PRIOR_DOCS more documents), times the weight of the term's kind, normalized
 * to unit length. @ids are the term ids of @features when observe() gave
 * them, else NULL. Writes nothing into the index when the IDF of every
 * term is current (term_idf()), so batch workers run it side by side,
 * each with its own @pool (NULL: the vector gets its own allocation). */
static Vec
build_vec (PxEventIndex *self, const guint *ids, const PxEventFeatures *features, TermWeight **scratch,
           guint *n_scratch, PxBlockPool *pool)
{
  Vec vec = { NULL, 0, NULL };
  gsize size = MAX (features->n_terms, 1) * sizeof (TermWeight);
  TermWeight *out;
  guint n = 0;
  double norm = 0;

  if (pool != NULL)
    vec.data = px_block_pool_alloc (pool, size, &vec.block);
  if (vec.data == NULL)
    vec.data = g_malloc (size);
  out = vec.data;
  for (guint i = 0; i < features->n_terms; i++)
    {
      const PxEventTerm *term = &features->terms[i];
      gint id = ids != NULL ? (gint)ids[i]
                            : lookup_term (self, px_event_term_get_text (features, term), term->len, term->hash);
      TermWeight tw;
      double kind = 1.0;

      if (id < 0)
        continue;
      tw.term = id;
      if (term->kind == PX_TERM_ENTITY)
        kind = self->params.entity_weight;
      else if (term->kind == PX_TERM_NUMBER && telling_number (px_event_term_get_text (features, term)))
        kind = self->params.number_weight;
      tw.weight = (term->count < G_N_ELEMENTS (self->log_tf) ? self->log_tf[term->count] : 1.0 + log (term->count)) *
                  term_idf (self, self->terms->pdata[tw.term]) * kind;
      norm += tw.weight * tw.weight;
      out[n++] = tw;
    }
  vec.len = n;
  norm = sqrt (norm);
  for (guint i = 0; i < n && norm > 0; i++)
    out[i].weight /= norm;
  px_term_weights_sort (out, n, self->terms->len, scratch, n_scratch);
  return vec;
}

static Vec
vectorize (PxEventIndex *self, DocEntry *doc, const PxEventFeatures *features)
{
  gboolean observed = doc->observed == features;
  Vec vec = build_vec (self, observed ? doc->observed_ids : NULL, features, &self->select, &self->n_select, NULL);

  if (observed)
    forget_observed (doc);
  return vec;
}

/* --- events -------------------------------------------------------------- */

static EventEntry *
event_new (PxEventIndex *self, gint64 id)
{
  EventEntry *e = g_new0 (EventEntry, 1);

  if (id <= 0)
    id = self->next_event_id;
  self->next_event_id = MAX (self->next_event_id, id + 1);
  e->id = id;
  e->members = g_array_new (FALSE, FALSE, sizeof (gint64));
  e->sum = g_array_new (FALSE, FALSE, sizeof (TermWeight));
  g_hash_table_insert (self->events, &e->id, e);
  return e;
}

static void
event_add_vector (PxEventIndex *self, EventEntry *e, const Vec *vec, double sign)
{
  GArray *sum = px_term_weights_add (e->sum, vec->data, vec->len, sign, &e->norm);

  g_array_unref (e->sum);
  e->sum = sum;
}

/* The sum of the members' vectors again, after they changed. */
static void
event_rebuild_sum (PxEventIndex *self, EventEntry *e)
{
  g_array_set_size (e->sum, 0);
  e->norm = 0;
  for (guint i = 0; i < e->members->len; i++)
    {
      DocEntry *d = g_hash_table_lookup (self->docs, &g_array_index (e->members, gint64, i));
      if (d != NULL && d->vec.data != NULL)
        event_add_vector (self, e, &d->vec, 1.0);
    }
}

static void
event_update_days (PxEventIndex *self, EventEntry *e)
{
  e->day_min = e->day_max = 0;
  for (guint i = 0; i < e->members->len; i++)
    {
      DocEntry *d = g_hash_table_lookup (self->docs, &g_array_index (e->members, gint64, i));
      if (d == NULL || d->day == 0)
        continue;
      if (e->day_min == 0 || d->day < e->day_min)
        e->day_min = d->day;
      if (d->day > e->day_max)
        e->day_max = d->day;
    }
}

/* Posts the document's strongest terms. Posting every term would make
 * the lists of mid-frequency words as long as the number of documents. */
static void
post_terms (PxEventIndex *self, DocEntry *doc)
{
  for (guint i = 0; i < doc->n_top; i++)
    {
      Posting p = { doc->id, doc->day };
      g_array_append_val ((GArray *)self->postings->pdata[doc->top[i].term], p);
    }
}

static void
event_join (PxEventIndex *self, EventEntry *e, DocEntry *doc)
{
  g_array_append_val (e->members, doc->id);
  doc->event = e->id;
  event_add_vector (self, e, &doc->vec, 1.0);
  if (doc->day != 0)
    {
      if (e->day_min == 0 || doc->day < e->day_min)
        e->day_min = doc->day;
      if (doc->day > e->day_max)
        e->day_max = doc->day;
    }
}

static void
event_leave (PxEventIndex *self, DocEntry *doc)
{
  EventEntry *e = g_hash_table_lookup (self->events, &doc->event);

  doc->event = 0;
  if (e == NULL)
    return;
  for (guint i = 0; i < e->members->len; i++)
    if (g_array_index (e->members, gint64, i) == doc->id)
      {
        g_array_remove_index (e->members, i);
        break;
      }
  if (e->members->len == 0)
    {
      g_hash_table_remove (self->events, &e->id);
      return;
    }
  event_add_vector (self, e, &doc->vec, -1.0);
  event_update_days (self, e);
}

static int
weight_desc (gconstpointer a, gconstpointer b)
{
  double x = ((const TermWeight *)a)->weight, y = ((const TermWeight *)b)->weight;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* --- clustering ---------------------------------------------------------- */

static int
doc_id_cmp (gconstpointer a, gconstpointer b)
{
  gint64 x = (*(DocEntry *const *)a)->id, y = (*(DocEntry *const *)b)->id;
  return x < y ? -1 : x > y;
}

static EventEntry *
event_get (PxEventIndex *self, gint64 id)
{
  EventEntry *e = g_hash_table_lookup (self->events, &id);
  return e != NULL ? e : event_new (self, id);
}

static void
place (PxEventIndex *self, DocEntry *doc, gint64 event_id)
{
  if (doc->event == event_id)
    return;
  if (doc->event != 0)
    event_leave (self, doc);
  event_join (self, event_get (self, event_id), doc);
  g_hash_table_add (self->changes, g_memdup2 (&doc->id, sizeof doc->id));
}

typedef struct
{
  guint label;
  guint size;
  gint64 key; /* smallest document id */
} ClusterOrder;

PX_DEFINE_SORT (sort_cluster_order, ClusterOrder, x->size > y->size || (x->size == y->size && x->key < y->key))

/* The event a cluster of documents (linked from @first by @next) takes: a
 * pinned document's, else the one most of them were in that no larger
 * cluster took (ties: the lower id), else 0. */
static gint64
cluster_event (DocEntry **docs, guint first, const guint *next, GHashTable *claimed, GHashTable *votes)
{
  gint64 best = 0;
  guint best_votes = 0;

  g_hash_table_remove_all (votes);
  for (guint i = first; i != G_MAXUINT; i = next[i])
    {
      gint64 ev = docs[i]->event;
      guint count;
      if (docs[i]->pinned && ev != 0)
        return ev;
      if (ev == 0 || g_hash_table_contains (claimed, &ev))
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (votes, &docs[i]->event)) + 1;
      g_hash_table_replace (votes, &docs[i]->event, GUINT_TO_POINTER (count));
      if (count > best_votes || (count == best_votes && ev < best))
        {
          best = ev;
          best_votes = count;
        }
    }
  return best;
}

/* Groups @docs (vectors set, sorted by id) again by average link, and
 * gives each group an event (cluster_event(), or a new one). Documents
 * outside @docs keep their events. */
static void
recluster (PxEventIndex *self, DocEntry **docs, guint n, gboolean force)
{
  g_autofree PxClusterItem *items = g_new0 (PxClusterItem, MAX (n, 1));
  g_autofree guint *labels = NULL;
  g_autofree ClusterOrder *order = NULL;
  g_autofree gint64 *target = NULL;
  g_autofree guint *first = NULL;
  g_autofree guint *next = NULL;
  g_autoptr (GHashTable) claimed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) votes = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_clusters = 0;

  if (n == 0)
    return;
  /* Every vector for today's document frequencies (revectorize(); all of
   * them if @force), and the sums of their events with them (@docs holds
   * whole events). */
  {
    g_autoptr (GHashTable) events = g_hash_table_new (g_int64_hash, g_int64_equal);
    GHashTableIter iter;
    gpointer value;

    for (guint i = 0; i < n; i++)
      {
        EventEntry *e = g_hash_table_lookup (self->events, &docs[i]->event);
        if (revectorize (self, docs[i], force) && e != NULL)
          g_hash_table_insert (events, &e->id, e);
      }
    g_hash_table_iter_init (&iter, events);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      event_rebuild_sum (self, value);
  }
  for (guint i = 0; i < n; i++)
    items[i] = (PxClusterItem){ docs[i]->vec.data,
                                docs[i]->vec.len,
                                docs[i]->top,
                                docs[i]->n_top,
                                docs[i]->day,
                                docs[i]->id,
                                docs[i]->pinned ? docs[i]->event : 0,
                                docs[i]->vec_version };
  /* A neighbourhood shares most of its pairs with the last ones; a forced
   * regroup made every vector again, and would only crowd the cache. */
  labels = px_event_cluster_cached (items, n, self->params.threshold, self->params.date_window_days,
                                    force ? NULL : self->pairs, &n_clusters);

  /* Members of each cluster as linked lists, in id order. */
  first = g_new (guint, MAX (n_clusters, 1));
  next = g_new (guint, n);
  order = g_new0 (ClusterOrder, MAX (n_clusters, 1));
  for (guint c = 0; c < n_clusters; c++)
    {
      first[c] = G_MAXUINT;
      order[c] = (ClusterOrder){ c, 0, G_MAXINT64 };
    }
  for (guint i = n; i-- > 0;)
    {
      guint c = labels[i];
      next[i] = first[c];
      first[c] = i;
      order[c].size++;
      order[c].key = MIN (order[c].key, docs[i]->id);
    }
  sort_cluster_order (order, n_clusters);

  target = g_new0 (gint64, MAX (n_clusters, 1));
  /* Clusters holding a pinned document take its event first, so that no
   * larger cluster claims that event by its votes before them. */
  for (guint c = 0; c < n_clusters; c++)
    for (guint i = first[c]; i != G_MAXUINT; i = next[i])
      if (docs[i]->pinned && docs[i]->event != 0)
        {
          target[c] = docs[i]->event;
          g_hash_table_add (claimed, g_memdup2 (&target[c], sizeof target[c]));
          break;
        }
  for (guint k = 0; k < n_clusters; k++)
    {
      guint c = order[k].label;
      gint64 ev;

      if (target[c] != 0)
        continue;
      ev = cluster_event (docs, first[c], next, claimed, votes);
      if (ev == 0)
        ev = event_new (self, 0)->id;
      g_hash_table_add (claimed, g_memdup2 (&ev, sizeof ev));
      target[c] = ev;
    }
  for (guint i = 0; i < n; i++)
    place (self, docs[i], target[labels[i]]);
}

/* Adds the members of @e not yet in @seen to @out. */
static void
add_members (PxEventIndex *self, EventEntry *e, GHashTable *seen, GPtrArray *out)
{
  for (guint m = 0; m < e->members->len; m++)
    {
      DocEntry *d = g_hash_table_lookup (self->docs, &g_array_index (e->members, gint64, m));
      if (d != NULL && d->vec.data != NULL && !g_hash_table_contains (seen, &d->id))
        {
          g_hash_table_add (seen, &d->id);
          g_ptr_array_add (out, d);
        }
    }
}

typedef struct
{
  gint64 event;
  double sim;
} Near;

PX_DEFINE_SORT (sort_near, Near, x->sim > y->sim || (x->sim == y->sim && x->event < y->event))

typedef struct
{
  DocEntry *doc;
  double score;
} Candidate;

PX_DEFINE_SORT (sort_candidates, Candidate, x->score > y->score || (x->score == y->score && x->doc->id < y->doc->id))

/* @doc and the documents of the events it resembles: those of the
 * documents that share its strongest terms (the N_CANDIDATES sharing the
 * most weight) and some similarity within the date window, most similar
 * first, up to MAX_NEIGHBOURHOOD. */
static GPtrArray *
neighbourhood (PxEventIndex *self, DocEntry *doc)
{
  g_autoptr (GHashTable) scores = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr (GHashTable) best = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr (GArray) near = g_array_new (FALSE, FALSE, sizeof (Near));
  GPtrArray *out = g_ptr_array_new ();
  int window = self->params.date_window_days;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_add (seen, &doc->id);
  g_ptr_array_add (out, doc);
  for (guint i = 0; i < MIN (doc->n_top, N_PROBE_TERMS); i++)
    {
      GArray *post = self->postings->pdata[doc->top[i].term];
      guint stop = post->len > MAX_POSTINGS_READ ? post->len - MAX_POSTINGS_READ : 0;

      for (guint k = post->len; k-- > stop;)
        {
          const Posting *p = &g_array_index (post, Posting, k);
          DocEntry *other;
          Candidate *c;

          if (p->doc == doc->id)
            continue;
          if (window >= 0 && doc->day != 0 && p->day != 0 && ABS ((gint64)doc->day - (gint64)p->day) > window)
            continue;
          c = g_hash_table_lookup (scores, &p->doc);
          if (c == NULL)
            {
              other = g_hash_table_lookup (self->docs, &p->doc);
              if (other == NULL || other->event == 0 || other->vec.data == NULL)
                continue;
              c = g_new (Candidate, 1);
              *c = (Candidate){ other, 0 };
              g_hash_table_insert (scores, &other->id, c);
            }
          c->score += doc->top[i].weight;
        }
    }
  g_hash_table_iter_init (&iter, scores);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_append_val (candidates, *(Candidate *)value);
  sort_candidates ((Candidate *)candidates->data, candidates->len);
  for (guint i = 0; i < MIN (candidates->len, N_CANDIDATES); i++)
    {
      DocEntry *other = g_array_index (candidates, Candidate, i).doc;
      double sim = px_term_weights_dot (doc->vec.data, doc->vec.len, other->vec.data, other->vec.len), *have;

      if (sim <= 0)
        continue;
      have = g_hash_table_lookup (best, &other->event);
      if (have == NULL)
        g_hash_table_insert (best, g_memdup2 (&other->event, sizeof (gint64)), g_memdup2 (&sim, sizeof sim));
      else if (sim > *have)
        *have = sim;
    }
  g_hash_table_iter_init (&iter, best);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Near nr = { *(gint64 *)key, *(double *)value };
      g_array_append_val (near, nr);
    }
  sort_near ((Near *)near->data, near->len);
  for (guint i = 0; i < near->len && out->len < MAX_NEIGHBOURHOOD; i++)
    {
      EventEntry *e = g_hash_table_lookup (self->events, &g_array_index (near, Near, i).event);
      if (e != NULL)
        add_members (self, e, seen, out);
    }
  g_ptr_array_sort (out, doc_id_cmp);
  return out;
}

gint64
px_event_index_assign (PxEventIndex *self, const PxEventFeatures *features, double *similarity)
{
  DocEntry *doc;
  g_autoptr (GPtrArray) near = NULL;
  EventEntry *e;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), 0);
  g_return_val_if_fail (features != NULL, 0);

  doc = observe (self, features);
  /* Seen again: its old vector leaves its event's sums, the new one joins. */
  e = g_hash_table_lookup (self->events, &doc->event);
  if (e != NULL)
    event_add_vector (self, e, &doc->vec, -1.0);
  doc_set_vec (self, doc, vectorize (self, doc, features));
  if (e != NULL)
    {
      event_add_vector (self, e, &doc->vec, 1.0);
      event_update_days (self, e);
    }
  near = neighbourhood (self, doc);
  recluster (self, (DocEntry **)near->pdata, near->len, FALSE);
  e = g_hash_table_lookup (self->events, &doc->event);
  if (similarity != NULL)
    *similarity = e != NULL && e->members->len > 1 ? px_event_index_similarity (self, doc->id, doc->event) : 0;
  return doc->event;
}

/* Batches smaller than this are vectorized on the calling thread alone. */
#define PARALLEL_MIN_DOCUMENTS 256
#define MAX_THREADS 4

typedef struct
{
  PxEventIndex *self;
  DocEntry **docs;
  guint n_docs;
  guint first;
  guint step;
} VectorSlice;

/* One worker of prepare_vectors(): every @step-th document from @first. */
static gpointer
vectorize_slice (gpointer data)
{
  VectorSlice *sl = data;
  TermWeight *select = NULL;
  guint n_select = 0;
  /* The batch's vectors live as long as each other: pieces of big blocks
   * rather than an allocation each (see PxBlockPool). */
  PxBlockPool *pool = px_block_pool_new ();

  for (guint i = sl->first; i < sl->n_docs; i += sl->step)
    {
      DocEntry *doc = sl->docs[i];
      doc->next_vec = build_vec (sl->self, doc->observed_ids, doc->observed, &select, &n_select, pool);
      doc->n_top =
          px_term_weights_top (doc->next_vec.data, doc->next_vec.len, doc->top, N_POSTED_TERMS, &select, &n_select);
    }
  g_free (select);
  px_block_pool_free (pool);
  return NULL;
}

/* Once a batch is observed, every vector depends only on the document
 * frequencies, which no longer change: the documents (all new to the
 * index, each once) are vectorized on several threads before the
 * sequential assignment takes them in order. The IDFs are brought up to
 * date first, so the workers only read the index. */
static void
prepare_vectors (PxEventIndex *self, DocEntry **docs, guint n_docs)
{
  guint n_threads = self->n_threads != 0 ? self->n_threads : (guint)g_get_num_processors ();
  VectorSlice slices[MAX_THREADS];
  GThread *threads[MAX_THREADS];

  n_threads = MIN (n_threads, MAX_THREADS);
  if (n_docs < PARALLEL_MIN_DOCUMENTS || n_threads < 2)
    return;
  for (guint i = 0; i < n_docs; i++)
    for (guint k = 0; k < docs[i]->observed->n_terms; k++)
      term_idf (self, self->terms->pdata[docs[i]->observed_ids[k]]);
  for (guint t = 0; t < n_threads; t++)
    {
      slices[t] = (VectorSlice){ self, docs, n_docs, t, n_threads };
      /* The calling thread takes the last slice, and the slice of any
       * thread that could not be started. */
      threads[t] = t + 1 < n_threads ? g_thread_try_new ("px-event-vectors", vectorize_slice, &slices[t], NULL) : NULL;
    }
  for (guint t = 0; t < n_threads; t++)
    if (threads[t] == NULL)
      vectorize_slice (&slices[t]);
  for (guint t = 0; t + 1 < n_threads; t++)
    if (threads[t] != NULL)
      g_thread_join (threads[t]);
}

void
px_event_index_set_threads (PxEventIndex *self, guint n_threads)
{
  g_return_if_fail (PX_IS_EVENT_INDEX (self));
  self->n_threads = n_threads;
}

void
px_event_index_group (PxEventIndex *self, GPtrArray *features)
{
  g_autofree DocEntry **docs = NULL;
  guint known = self->n_docs;

  g_return_if_fail (PX_IS_EVENT_INDEX (self));
  g_return_if_fail (features != NULL);

  /* Document frequencies over the whole batch first, so that every vector
   * sees the same IDF. */
  docs = g_new (DocEntry *, features->len + 1);
  /* A large batch's entries and term ids are pieces of big blocks, like
   * its vectors. */
  if (features->len >= PARALLEL_MIN_DOCUMENTS)
    {
      self->entry_pool = px_block_pool_new ();
      self->ids_pool = px_block_pool_new ();
    }
  for (guint i = 0; i < features->len; i++)
    docs[i] = observe (self, features->pdata[i]);
  g_clear_pointer (&self->entry_pool, px_block_pool_free);
  g_clear_pointer (&self->ids_pool, px_block_pool_free);
  if (self->n_docs - known == features->len)
    prepare_vectors (self, docs, features->len);

  for (guint i = 0; i < features->len; i++)
    {
      DocEntry *doc = docs[i];

      if (doc->next_vec.data != NULL)
        {
          /* Prepared, with its strongest terms. */
          vec_clear (&doc->vec);
          doc->vec = doc->next_vec;
          vec_changed (self, doc);
          doc->next_vec = (Vec){ NULL, 0, NULL };
          forget_observed (doc);
          doc_keep_tf (self, doc);
          post_terms (self, doc);
        }
      else
        doc_set_vec (self, doc, vectorize (self, doc, features->pdata[i]));
    }

  /* Every document of the index, grouped again as one batch: the result
   * depends on the documents alone, not on the order they came in. */
  {
    g_autofree DocEntry **all = g_new (DocEntry *, MAX (g_hash_table_size (self->docs), 1));
    GHashTableIter iter;
    gpointer value;
    guint n = 0;

    g_hash_table_iter_init (&iter, self->docs);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      if (((DocEntry *)value)->vec.data != NULL)
        all[n++] = value;
    qsort (all, n, sizeof (DocEntry *), doc_id_cmp);
    recluster (self, all, n, TRUE);
  }
}

void
px_event_index_add_to_event (PxEventIndex *self, const PxEventFeatures *features, gint64 event_id)
{
  DocEntry *doc;
  EventEntry *e;

  g_return_if_fail (PX_IS_EVENT_INDEX (self));
  g_return_if_fail (features != NULL);
  g_return_if_fail (event_id > 0);

  doc = observe (self, features);
  if (doc->event != 0)
    event_leave (self, doc);
  doc_set_vec (self, doc, vectorize (self, doc, features));
  e = g_hash_table_lookup (self->events, &event_id);
  if (e == NULL)
    e = event_new (self, event_id);
  event_join (self, e, doc);
}

void
px_event_index_remove_document (PxEventIndex *self, gint64 document_id)
{
  DocEntry *doc;

  g_return_if_fail (PX_IS_EVENT_INDEX (self));

  doc = g_hash_table_lookup (self->docs, &document_id);
  if (doc == NULL)
    return;
  if (doc->event != 0)
    event_leave (self, doc);
  /* Document frequencies keep counting it: they only steer weights, and
   * taking it back would need its terms, which we do not keep by name. */
  g_hash_table_remove (self->docs, &document_id);
}

gint64
px_event_index_get_event (PxEventIndex *self, gint64 document_id)
{
  DocEntry *doc;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), 0);

  doc = g_hash_table_lookup (self->docs, &document_id);
  return doc != NULL ? doc->event : 0;
}

static int
int64_cmp (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
  return x < y ? -1 : x > y;
}

/* The gint64 keys of @table, ascending. */
static GArray *
sorted_keys (GHashTable *table)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (out, *(gint64 *)key);
  g_array_sort (out, int64_cmp);
  return out;
}

GArray *
px_event_index_list_events (PxEventIndex *self)
{
  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), NULL);
  return sorted_keys (self->events);
}

GArray *
px_event_index_get_members (PxEventIndex *self, gint64 event_id)
{
  EventEntry *e;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), NULL);

  e = g_hash_table_lookup (self->events, &event_id);
  return e != NULL ? g_array_copy (e->members) : NULL;
}

double
px_event_index_similarity (PxEventIndex *self, gint64 document_id, gint64 event_id)
{
  DocEntry *doc;
  EventEntry *e;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), 0);

  doc = g_hash_table_lookup (self->docs, &document_id);
  e = g_hash_table_lookup (self->events, &event_id);
  if (doc == NULL || doc->vec.data == NULL || e == NULL || e->norm <= 0)
    return 0;
  return px_term_weights_dot (doc->vec.data, doc->vec.len, (const TermWeight *)e->sum->data, e->sum->len) / e->norm;
}

/* --- titles -------------------------------------------------------------- */

static gboolean
already_named (GPtrArray *chosen, const char *surface)
{
  g_autofree char *low = g_utf8_strdown (surface, -1);

  for (guint i = 0; i < chosen->len; i++)
    {
      g_autofree char *other = g_utf8_strdown (chosen->pdata[i], -1);
      if (strstr (other, low) != NULL || strstr (low, other) != NULL)
        return TRUE;
    }
  return FALSE;
}

char *
px_event_index_get_title (PxEventIndex *self, gint64 event_id)
{
  EventEntry *e;
  g_autoptr (GArray) ranked = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GPtrArray) words = g_ptr_array_new ();
  g_autoptr (GString) title = g_string_new (NULL);

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), NULL);

  e = g_hash_table_lookup (self->events, &event_id);
  if (e == NULL)
    return NULL;

  ranked = g_array_copy (e->sum);
  g_array_sort (ranked, weight_desc);
  for (guint i = 0; i < ranked->len && (names->len < 3 || words->len < 3); i++)
    {
      const TermInfo *t = self->terms->pdata[g_array_index (ranked, TermWeight, i).term];

      if (t->kind == PX_TERM_ENTITY && names->len < 3 && !already_named (names, t->surface))
        g_ptr_array_add (names, t->surface);
      else if (t->kind == PX_TERM_WORD && words->len < 3 && !already_named (names, t->surface) &&
               !already_named (words, t->surface))
        g_ptr_array_add (words, t->surface);
    }

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (title, ", ");
      g_string_append (title, names->pdata[i]);
    }
  if (names->len > 0 && words->len > 0)
    g_string_append (title, ": ");
  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *low = g_utf8_strdown (words->pdata[i], -1);
      if (i > 0)
        g_string_append (title, ", ");
      g_string_append (title, low);
    }
  return g_string_free (g_steal_pointer (&title), FALSE);
}

/* --- editing ------------------------------------------------------------- */

gboolean
px_event_index_move (PxEventIndex *self, gint64 document_id, gint64 event_id)
{
  DocEntry *doc;
  EventEntry *e;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), FALSE);

  doc = g_hash_table_lookup (self->docs, &document_id);
  e = g_hash_table_lookup (self->events, &event_id);
  if (doc == NULL || doc->vec.data == NULL || e == NULL)
    return FALSE;
  if (doc->event == event_id)
    return TRUE;
  event_leave (self, doc);
  event_join (self, e, doc);
  return TRUE;
}

gboolean
px_event_index_merge (PxEventIndex *self, gint64 into, gint64 from)
{
  EventEntry *a, *b;
  g_autoptr (GArray) moving = NULL;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), FALSE);

  a = g_hash_table_lookup (self->events, &into);
  b = g_hash_table_lookup (self->events, &from);
  if (a == NULL || b == NULL || a == b)
    return FALSE;
  moving = g_array_copy (b->members);
  for (guint i = 0; i < moving->len; i++)
    px_event_index_move (self, g_array_index (moving, gint64, i), into);
  return TRUE;
}

gint64
px_event_index_split (PxEventIndex *self, gint64 event_id, const gint64 *document_ids, guint n_documents)
{
  EventEntry *fresh = NULL;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), 0);
  g_return_val_if_fail (document_ids != NULL || n_documents == 0, 0);

  for (guint i = 0; i < n_documents; i++)
    {
      DocEntry *doc = g_hash_table_lookup (self->docs, &document_ids[i]);

      if (doc == NULL || doc->event != event_id || doc->vec.data == NULL)
        continue;
      if (fresh == NULL)
        fresh = event_new (self, 0);
      event_leave (self, doc);
      event_join (self, fresh, doc);
    }
  return fresh != NULL ? fresh->id : 0;
}

static int
array_len_desc (gconstpointer a, gconstpointer b)
{
  guint x = (*(GArray *const *)a)->len, y = (*(GArray *const *)b)->len;
  return x < y ? 1 : x > y ? -1 : 0;
}

GPtrArray *
px_event_index_suggest_split (PxEventIndex *self, gint64 event_id, double threshold)
{
  EventEntry *e;
  GPtrArray *groups;
  g_autofree PxClusterItem *items = NULL;
  g_autofree guint *labels = NULL;
  g_autoptr (GArray) members = NULL;
  guint n_clusters = 0;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), NULL);

  e = g_hash_table_lookup (self->events, &event_id);
  if (e == NULL)
    return NULL;

  /* The same clustering as grouping, on the members alone, stricter. */
  members = g_array_copy (e->members);
  g_array_sort (members, int64_cmp);
  items = g_new0 (PxClusterItem, MAX (members->len, 1));
  for (guint i = 0; i < members->len; i++)
    {
      DocEntry *doc = g_hash_table_lookup (self->docs, &g_array_index (members, gint64, i));
      items[i] = (PxClusterItem){ doc->vec.data, doc->vec.len, doc->top, doc->n_top, doc->day, doc->id, 0 };
    }
  labels = px_event_cluster (items, members->len, threshold, self->params.date_window_days, &n_clusters);
  groups = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (guint c = 0; c < n_clusters; c++)
    g_ptr_array_add (groups, g_array_new (FALSE, FALSE, sizeof (gint64)));
  for (guint i = 0; i < members->len; i++)
    g_array_append_val ((GArray *)groups->pdata[labels[i]], g_array_index (members, gint64, i));
  g_ptr_array_sort (groups, array_len_desc);
  return groups;
}

/* --- pins, changes, centre ----------------------------------------------- */

guint
px_event_index_get_n_documents (PxEventIndex *self)
{
  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), 0);
  return g_hash_table_size (self->docs);
}

void
px_event_index_set_pinned (PxEventIndex *self, gint64 document_id, gboolean pinned)
{
  DocEntry *doc;

  g_return_if_fail (PX_IS_EVENT_INDEX (self));
  doc = g_hash_table_lookup (self->docs, &document_id);
  if (doc != NULL)
    doc->pinned = pinned;
}

gboolean
px_event_index_get_pinned (PxEventIndex *self, gint64 document_id)
{
  DocEntry *doc;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), FALSE);
  doc = g_hash_table_lookup (self->docs, &document_id);
  return doc != NULL && doc->pinned;
}

GArray *
px_event_index_steal_changes (PxEventIndex *self)
{
  GArray *out;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), NULL);
  out = sorted_keys (self->changes);
  g_hash_table_remove_all (self->changes);
  return out;
}

gint64
px_event_index_get_central_document (PxEventIndex *self, gint64 event_id)
{
  EventEntry *e;
  gint64 best = 0;
  double best_sim = -1;

  g_return_val_if_fail (PX_IS_EVENT_INDEX (self), 0);
  e = g_hash_table_lookup (self->events, &event_id);
  if (e == NULL)
    return 0;
  for (guint i = 0; i < e->members->len; i++)
    {
      gint64 id = g_array_index (e->members, gint64, i);
      double sim = px_event_index_similarity (self, id, event_id);
      if (sim > best_sim + 1e-12 || (fabs (sim - best_sim) <= 1e-12 && id < best))
        {
          best_sim = sim;
          best = id;
        }
    }
  return best;
}

/* --- for persistence (px-event-index-io.c) -------------------------------- */

guint
_px_event_index_get_n_terms (PxEventIndex *self)
{
  return self->terms->len;
}

void
_px_event_index_get_term (PxEventIndex *self, guint id, PxEventIndexTerm *out)
{
  const TermInfo *t = self->terms->pdata[id];

  *out = (PxEventIndexTerm){ t->text, t->len, t->surface, t->kind, t->df };
}

gboolean
_px_event_index_add_term (PxEventIndex *self, const PxEventIndexTerm *term)
{
  guint n = self->terms->len;

  if (n >= G_MAXINT ||
      intern_term (self, term->text, term->len, px_hash_bytes (term->text, term->len), term->surface, term->kind) != n)
    return FALSE;
  ((TermInfo *)self->terms->pdata[n])->df = term->df;
  return TRUE;
}

guint
_px_event_index_get_n_counted (PxEventIndex *self)
{
  return self->n_docs;
}

void
_px_event_index_set_n_counted (PxEventIndex *self, guint n_docs)
{
  self->n_docs = n_docs;
}

gboolean
_px_event_index_get_document (PxEventIndex *self, gint64 document_id, PxEventIndexDocument *out)
{
  const DocEntry *d = g_hash_table_lookup (self->docs, &document_id);

  if (d == NULL)
    return FALSE;
  *out = (PxEventIndexDocument){ d->id, d->day, d->event, d->pinned, d->vec.data, d->vec.len };
  return TRUE;
}

gboolean
_px_event_index_load_document (PxEventIndex *self, const PxEventIndexDocument *document, PxTermWeight *vec)
{
  DocEntry *doc;
  EventEntry *e;

  if (document->event <= 0 || g_hash_table_contains (self->docs, &document->id))
    {
      g_free (vec);
      return FALSE;
    }
  doc = g_new0 (DocEntry, 1);
  doc->id = document->id;
  doc->day = document->day;
  doc->pinned = document->pinned;
  doc->vec = (Vec){ vec, document->len, NULL };
  vec_changed (self, doc);
  doc->n_top =
      px_term_weights_top (doc->vec.data, doc->vec.len, doc->top, N_POSTED_TERMS, &self->select, &self->n_select);
  post_terms (self, doc);
  doc_keep_tf (self, doc);
  g_hash_table_insert (self->docs, &doc->id, doc);
  e = g_hash_table_lookup (self->events, &document->event);
  if (e == NULL)
    e = event_new (self, document->event);
  event_join (self, e, doc);
  return TRUE;
}

PxPairCache *
_px_event_index_keep_pairs (PxEventIndex *self, gboolean keep)
{
  if (!keep)
    g_clear_pointer (&self->pairs, px_pair_cache_free);
  return self->pairs;
}
