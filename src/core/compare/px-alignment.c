/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-alignment.h"

#include <math.h>
#include <string.h>

#include "compare/px-align-block.h"
#include "compare/px-align-terms.h"

/* Candidate sentences per (sentence, other document) whose windows are
 * scored in full. */
#define N_CANDIDATES 2
/* Below this share of identical content words, a match is not close and
 * its word diff is not computed. */
#define CLOSE_MIN_EXACT 0.4
/* Up to this many sentences in an event (16 MB of floats), the first
 * pass's vector cosines are computed once per pair and kept. */
#define MEANING_CACHE_MAX 2048

struct _PxAlignment
{
  GObject parent_instance;

  PxAlignParams params;
  GPtrArray *units; /* PxTextUnits* */
  guint n_docs;
  guint *base; /* first global sentence index of each document, n_docs + 1 */

  /* Sentence vectors, all sentences of all documents one after the other:
   * terms/weights of sentence g are [vstart[g], vstart[g + 1]). */
  guint *vstart;
  guint *vterm;
  float *vweight;
  double *vnorm;
  gboolean *matchable;
  guint n_terms;

  PxMatch *matches; /* [global sentence * n_docs + other] */
  PxAlignTerms *terms;
  guint64 n_scored; /* sentence pairs scored by the first pass */
};

G_DEFINE_FINAL_TYPE (PxAlignment, px_alignment, G_TYPE_OBJECT)

void
px_align_params_init (PxAlignParams *params)
{
  g_return_if_fail (params != NULL);

  params->verbatim_ratio = 0.9;
  params->close_ratio = 0.62;
  params->paraphrase_score = PX_PARAPHRASE_SCORE;
  params->claim_score = PX_CLAIM_SCORE;
  params->related_score = PX_RELATED_SCORE;
  params->window_margin = 0.05;
  params->max_window = 3;
  params->min_tokens = 4;
}

const char *
px_match_label_to_string (PxMatchLabel label)
{
  switch (label)
    {
    case PX_MATCH_NONE:
      return "none";
    case PX_MATCH_RELATED:
      return "related";
    case PX_MATCH_PARAPHRASE:
      return "paraphrase";
    case PX_MATCH_CLOSE:
      return "close";
    case PX_MATCH_VERBATIM:
      return "verbatim";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
px_alignment_finalize (GObject *object)
{
  PxAlignment *self = PX_ALIGNMENT (object);

  g_ptr_array_unref (self->units);
  g_free (self->base);
  g_free (self->vstart);
  g_free (self->vterm);
  g_free (self->vweight);
  g_free (self->vnorm);
  g_free (self->matchable);
  g_free (self->matches);
  g_clear_pointer (&self->terms, px_align_terms_free);

  G_OBJECT_CLASS (px_alignment_parent_class)->finalize (object);
}

static void
px_alignment_class_init (PxAlignmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_alignment_finalize;
}

static void
px_alignment_init (PxAlignment *self)
{
}

static inline gboolean
is_content (const PxToken *tok)
{
  return !(tok->flags & PX_TOKEN_STOP) && (tok->norm[1] != '\0' || (tok->flags & PX_TOKEN_NUMBER));
}

typedef struct
{
  guint term;
  float weight;
} Entry;

static int
entry_cmp (gconstpointer a, gconstpointer b)
{
  guint x = ((const Entry *)a)->term, y = ((const Entry *)b)->term;
  return x < y ? -1 : x > y;
}

/* TF-IDF vectors of all sentences, IDF counted over the event's sentences:
 * a word every outlet repeats in every paragraph ("Huawei") says little
 * about which sentence matches which. */
static void
build_vectors (PxAlignment *self)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) df = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autofree guint *raw_start = NULL;
  guint n = self->base[self->n_docs];
  g_autofree guint *last_seen = NULL;

  raw_start = g_new0 (guint, n + 1);
  for (guint d = 0, g = 0; d < self->n_docs; d++)
    {
      PxTextUnits *u = self->units->pdata[d];
      guint n_tok;
      const PxToken *toks = px_text_units_get_tokens (u, &n_tok);

      for (guint s = 0; s < px_text_units_get_n_sentences (u); s++, g++)
        {
          const PxSentence *sent = px_text_units_get_sentence (u, s);
          guint first = entries->len, n_content = 0;

          raw_start[g] = first;
          for (guint t = sent->first_token; t < sent->first_token + sent->n_tokens; t++)
            {
              gpointer id;
              Entry e;

              if (!is_content (&toks[t]))
                continue;
              n_content++;
              id = g_hash_table_lookup (ids, toks[t].stem);
              if (id == NULL)
                {
                  id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
                  g_hash_table_insert (ids, (gpointer)toks[t].stem, id);
                }
              e.term = GPOINTER_TO_UINT (id) - 1;
              e.weight = 1;
              g_array_append_val (entries, e);
            }
          self->matchable[g] = sent->n_tokens >= self->params.min_tokens && n_content >= 2;
        }
    }
  raw_start[n] = entries->len;
  self->n_terms = g_hash_table_size (ids);
  g_array_set_size (df, self->n_terms);

  /* Collapse repeated terms within each sentence into counts, and count
   * document frequencies over sentences. */
  self->vstart = g_new0 (guint, n + 1);
  self->vterm = g_new (guint, entries->len + 1);
  self->vweight = g_new (float, entries->len + 1);
  self->vnorm = g_new0 (double, n);
  last_seen = g_new (guint, self->n_terms + 1);
  memset (last_seen, 0xff, sizeof (guint) * (self->n_terms + 1));
  for (guint g = 0, k = 0; g < n; g++)
    {
      Entry *e = &g_array_index (entries, Entry, 0) + raw_start[g];
      guint len = raw_start[g + 1] - raw_start[g];

      if (len > 1) /* with no words at all, e is NULL */
        qsort (e, len, sizeof (Entry), entry_cmp);
      self->vstart[g] = k;
      for (guint i = 0; i < len; i++)
        {
          if (k > self->vstart[g] && self->vterm[k - 1] == e[i].term)
            {
              self->vweight[k - 1] += 1;
              continue;
            }
          self->vterm[k] = e[i].term;
          self->vweight[k] = 1;
          k++;
          if (last_seen[e[i].term] != g)
            {
              last_seen[e[i].term] = g;
              g_array_index (df, guint, e[i].term)++;
            }
        }
      self->vstart[g + 1] = k;
    }

  for (guint g = 0; g < n; g++)
    {
      double norm = 0;
      for (guint k = self->vstart[g]; k < self->vstart[g + 1]; k++)
        {
          double idf = log ((1.0 + n) / (1.0 + g_array_index (df, guint, self->vterm[k]))) + 1.0;
          self->vweight[k] = (float)((1.0 + log (self->vweight[k])) * idf);
          norm += (double)self->vweight[k] * self->vweight[k];
        }
      self->vnorm[g] = sqrt (norm);
    }
}

static void
label_match (PxAlignment *self, PxMatch *m, double exact_f, double paraphrase)
{
  PxTextUnits *ua = self->units->pdata[m->doc], *ub = self->units->pdata[m->other];
  const PxSentence *sa = px_text_units_get_sentence (ua, m->sentence);
  const PxSentence *b0 = px_text_units_get_sentence (ub, m->first);
  const PxSentence *b1 = px_text_units_get_sentence (ub, m->last);
  const PxToken *ta = px_text_units_get_tokens (ua, NULL);
  const PxToken *tb = px_text_units_get_tokens (ub, NULL);

  /* The word diff only where enough content words are shared for the
   * match to be close (it is the costly part). */
  if (exact_f < CLOSE_MIN_EXACT)
    m->ratio = exact_f;
  else
    {
      m->ratio = px_align_terms_diff_ratio (self->terms, self->base[m->doc] + m->sentence,
                                            self->base[m->other] + m->first, self->base[m->other] + m->last);
      if (m->ratio < 0)
        m->ratio = px_word_diff_ratio (ta + sa->first_token, sa->n_tokens, tb + b0->first_token,
                                       b1->first_token + b1->n_tokens - b0->first_token);
    }
  /* Near-identical wording with another number, place or name is a
   * different fact, not a close copy. */
  if (m->ratio >= self->params.verbatim_ratio && !m->disagree)
    m->label = PX_MATCH_VERBATIM;
  else if (m->ratio >= self->params.close_ratio && !m->disagree)
    m->label = PX_MATCH_CLOSE;
  /* A paraphrase by MSRP's standard (all the information, no more), or one
   * sentence roughly equivalent to one sentence (STS's standard: a detail
   * may differ) whose numbers and names agree. Windows take the first
   * road only: a long window roughly equivalent to one sentence would
   * chain unrelated claims together. */
  else if (paraphrase >= self->params.paraphrase_score ||
           (m->score >= self->params.claim_score && !m->disagree && m->first == m->last))
    m->label = PX_MATCH_PARAPHRASE;
  else
    m->label = PX_MATCH_RELATED;
}

/* Inserts @h with @value into the top list @top/@val of @n entries. */
static void
keep_top (guint *top, double *val, guint n, guint h, double value)
{
  guint i = n;
  if (value <= val[n - 1])
    return;
  while (i > 0 && val[i - 1] < value)
    {
      if (i < n)
        {
          top[i] = top[i - 1];
          val[i] = val[i - 1];
        }
      i--;
    }
  top[i] = h;
  val[i] = value;
}

/* The windows of one document already compared with one sentence: two
 * candidates a sentence apart share most of their windows. */
#define MAX_WINDOWS (N_CANDIDATES * 6)
typedef struct
{
  guint n;
  guint h0[MAX_WINDOWS];
  guint h1[MAX_WINDOWS];
  PxPairFeatures f[MAX_WINDOWS];
} WindowCache;

static void
compare_window (PxAlignment *self, WindowCache *cache, guint g, guint h0, guint h1, PxPairFeatures *f)
{
  for (guint i = 0; i < cache->n; i++)
    if (cache->h0[i] == h0 && cache->h1[i] == h1)
      {
        *f = cache->f[i];
        return;
      }
  px_align_terms_compare (self->terms, g, h0, h1, f);
  if (cache->n < MAX_WINDOWS)
    {
      cache->h0[cache->n] = h0;
      cache->h1[cache->n] = h1;
      cache->f[cache->n++] = *f;
    }
}

/* Scores the windows of up to max_window sentences of document @o that
 * hold candidate @h, and keeps the best in @m: a longer window must add
 * window_margin per extra sentence, so one sentence wins ties, and must
 * be more of a paraphrase too (the score tolerates a side that says more,
 * so extra sentences alone would raise it). */
static void
try_windows (PxAlignment *self, WindowCache *cache, guint g, guint o, guint h, PxMatch *m, double *best,
             double *exact_f, double *paraphrase)
{
  guint lo = self->base[o], hi = self->base[o + 1];
  guint w_max = CLAMP (self->params.max_window, 1, 3);
  PxPairFeatures single;
  double single_p;

  /* Windows grow only around a sentence that is itself near a candidate
   * (half the related score). */
  compare_window (self, cache, g, h, h, &single);
  single_p = px_pair_features_score (&single);
  if (single_p < self->params.related_score / 2)
    w_max = 1;
  for (guint len = 1; len <= w_max; len++)
    for (guint off = 0; off < len; off++)
      {
        PxPairFeatures f;
        double p, adjusted, para;
        guint h0, h1;

        if (h < lo + off || h - off + len > hi)
          continue;
        h0 = h - off;
        h1 = h0 + len - 1;
        if (!self->matchable[h0] || !self->matchable[h1])
          continue;
        /* A score is at most 1: a window that could not beat the best
         * even so is not compared. */
        if (len > 1 && 1.0 - self->params.window_margin * (len - 1) <= *best)
          continue;
        if (len == 1)
          {
            f = single;
            p = single_p;
          }
        else
          {
            compare_window (self, cache, g, h0, h1, &f);
            p = px_pair_features_score (&f);
          }
        adjusted = p - self->params.window_margin * (len - 1);
        if (adjusted <= *best)
          continue;
        para = px_pair_features_paraphrase (&f);
        if (h1 == h0 || m->first == G_MAXUINT || para > *paraphrase)
          {
            *best = adjusted;
            m->score = p;
            m->first = h0 - lo;
            m->last = h1 - lo;
            m->disagree = f.numbers > 0 || f.names > 0;
            *exact_f = f.exact_f;
            *paraphrase = para;
          }
      }
}

static void
align_all (PxAlignment *self)
{
  guint n = self->base[self->n_docs];
  g_autofree float *dense = g_new0 (float, self->n_terms + 1);
  g_autofree float *meaning = NULL;
  g_autoptr (PxAlignBlock) block = NULL;

  /* The cosines of mean word vectors are symmetric: for events of usual
   * size, each pair is computed once. */
  if (n <= MEANING_CACHE_MAX)
    {
      meaning = g_new (float, (gsize)n *n);
      for (guint d = 0; d < self->n_docs; d++)
        for (guint g = self->base[d]; g < self->base[d + 1]; g++)
          for (guint h = self->base[d + 1]; h < n; h++)
            meaning[(gsize)g * n + h] = meaning[(gsize)h * n + g] =
                self->matchable[g] && self->matchable[h] ? (float)px_align_terms_dense_cosine (self->terms, g, h) : 0;
    }

  self->matches = g_new0 (PxMatch, (gsize)n * self->n_docs);
  for (guint d = 0; d < self->n_docs; d++)
    for (guint g = self->base[d]; g < self->base[d + 1]; g++)
      {
        /* Scatter this sentence's TF-IDF vector once; every candidate's
         * dot product is then a gather over its own few terms. */
        for (guint k = self->vstart[g]; k < self->vstart[g + 1]; k++)
          dense[self->vterm[k]] = self->vweight[k];

        for (guint o = 0; o < self->n_docs; o++)
          {
            PxMatch *m = &self->matches[(gsize)g * self->n_docs + o];
            guint top[N_CANDIDATES];
            double val[N_CANDIDATES], best = -1, exact_f = 0, paraphrase = 0;
            WindowCache cache;

            m->doc = d;
            m->sentence = g - self->base[d];
            m->other = o;
            m->first = m->last = G_MAXUINT;
            m->label = PX_MATCH_NONE;
            if (o == d || !self->matchable[g])
              continue;

            /* First pass: shared rare words (TF-IDF) or similar meaning
             * (mean word vectors) pick the candidates. */
            for (guint i = 0; i < N_CANDIDATES; i++)
              {
                top[i] = G_MAXUINT;
                val[i] = 0;
              }
            /* Very long articles: only candidates that share rare words. */
            guint n_cand = self->base[o + 1] - self->base[o];
            const guint *cand = NULL;
            if (px_align_block_needed (self->base[d + 1] - self->base[d], n_cand))
              {
                if (block == NULL)
                  block = px_align_block_new (self->vstart, self->vterm, n, self->n_terms);
                cand = px_align_block_candidates (block, g, self->base[o], self->base[o + 1], &n_cand);
              }
            for (guint c = 0; c < n_cand; c++)
              {
                guint h = cand != NULL ? cand[c] : self->base[o] + c;
                double s = 0, cos = 0;
                if (!self->matchable[h])
                  continue;
                self->n_scored++;
                for (guint k = self->vstart[h]; k < self->vstart[h + 1]; k++)
                  s += (double)dense[self->vterm[k]] * self->vweight[k];
                if (self->vnorm[g] > 0 && self->vnorm[h] > 0)
                  cos = s / (self->vnorm[g] * self->vnorm[h]);
                keep_top (top, val, N_CANDIDATES, h,
                          cos + (meaning != NULL ? meaning[(gsize)g * n + h]
                                                 : px_align_terms_dense_cosine (self->terms, g, h)));
              }
            cache.n = 0;
            for (guint i = 0; i < N_CANDIDATES && top[i] != G_MAXUINT; i++)
              try_windows (self, &cache, g, o, top[i], m, &best, &exact_f, &paraphrase);
            if (m->first == G_MAXUINT || m->score < self->params.related_score)
              {
                m->first = m->last = G_MAXUINT;
                m->disagree = FALSE;
                continue;
              }
            label_match (self, m, exact_f, paraphrase);
          }

        for (guint k = self->vstart[g]; k < self->vstart[g + 1]; k++)
          dense[self->vterm[k]] = 0;
      }
}

PxAlignment *
px_alignment_new (GPtrArray *units, const PxAlignParams *params)
{
  PxAlignment *self;

  g_return_val_if_fail (units != NULL, NULL);

  self = g_object_new (PX_TYPE_ALIGNMENT, NULL);
  if (params != NULL)
    self->params = *params;
  else
    px_align_params_init (&self->params);
  self->units = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < units->len; i++)
    {
      g_return_val_if_fail (PX_IS_TEXT_UNITS (units->pdata[i]), self);
      g_ptr_array_add (self->units, g_object_ref (units->pdata[i]));
    }
  self->n_docs = units->len;
  self->base = g_new0 (guint, self->n_docs + 1);
  for (guint d = 0; d < self->n_docs; d++)
    self->base[d + 1] = self->base[d] + px_text_units_get_n_sentences (self->units->pdata[d]);
  self->matchable = g_new0 (gboolean, self->base[self->n_docs] + 1);

  build_vectors (self);
  self->terms = px_align_terms_new (self->units, px_word_vectors_get_default ());
  for (guint g = 0; g < self->base[self->n_docs]; g++)
    self->matchable[g] = self->matchable[g] && px_align_terms_has_words (self->terms, g);
  align_all (self);
  /* Scratch space inside: not kept, so that the alignment stays
   * immutable and shareable between threads. */
  g_clear_pointer (&self->terms, px_align_terms_free);
  return self;
}

guint
px_alignment_get_n_documents (PxAlignment *self)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), 0);
  return self->n_docs;
}

PxTextUnits *
px_alignment_get_units (PxAlignment *self, guint doc)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), NULL);
  g_return_val_if_fail (doc < self->n_docs, NULL);
  return self->units->pdata[doc];
}

const PxAlignParams *
px_alignment_get_params (PxAlignment *self)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), NULL);
  return &self->params;
}

const PxMatch *
px_alignment_get_match (PxAlignment *self, guint doc, guint sentence, guint other)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), NULL);
  g_return_val_if_fail (doc < self->n_docs && other < self->n_docs, NULL);
  g_return_val_if_fail (self->base[doc] + sentence < self->base[doc + 1], NULL);

  return &self->matches[(gsize)(self->base[doc] + sentence) * self->n_docs + other];
}

guint64
px_alignment_get_n_scored (PxAlignment *self)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), 0);
  return self->n_scored;
}

gboolean
px_alignment_is_matchable (PxAlignment *self, guint doc, guint sentence)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), FALSE);
  g_return_val_if_fail (doc < self->n_docs, FALSE);
  g_return_val_if_fail (self->base[doc] + sentence < self->base[doc + 1], FALSE);

  return self->matchable[self->base[doc] + sentence];
}

gboolean
px_alignment_get_match_span (PxAlignment *self, const PxMatch *match, guint *start, guint *end)
{
  PxTextUnits *u;

  g_return_val_if_fail (PX_IS_ALIGNMENT (self), FALSE);
  g_return_val_if_fail (match != NULL, FALSE);

  if (match->label == PX_MATCH_NONE)
    return FALSE;
  u = self->units->pdata[match->other];
  if (start != NULL)
    *start = px_text_units_get_sentence (u, match->first)->start;
  if (end != NULL)
    *end = px_text_units_get_sentence (u, match->last)->end;
  return TRUE;
}

GArray *
px_alignment_diff (PxAlignment *self, const PxMatch *match)
{
  PxTextUnits *ua, *ub;
  const PxSentence *sa, *b0, *b1;

  g_return_val_if_fail (PX_IS_ALIGNMENT (self), NULL);
  g_return_val_if_fail (match != NULL, NULL);

  if (match->label == PX_MATCH_NONE)
    return NULL;
  ua = self->units->pdata[match->doc];
  ub = self->units->pdata[match->other];
  sa = px_text_units_get_sentence (ua, match->sentence);
  b0 = px_text_units_get_sentence (ub, match->first);
  b1 = px_text_units_get_sentence (ub, match->last);
  return px_word_diff (px_text_units_get_tokens (ua, NULL) + sa->first_token, sa->n_tokens,
                       px_text_units_get_tokens (ub, NULL) + b0->first_token,
                       b1->first_token + b1->n_tokens - b0->first_token, NULL);
}

GArray *
px_alignment_matches_at (PxAlignment *self, guint doc, guint offset)
{
  GArray *out;
  guint s;

  g_return_val_if_fail (PX_IS_ALIGNMENT (self), NULL);
  g_return_val_if_fail (doc < self->n_docs, NULL);

  out = g_array_new (FALSE, FALSE, sizeof (PxMatch));
  s = px_text_units_find_sentence (self->units->pdata[doc], offset);
  if (s == G_MAXUINT)
    return out;
  for (guint o = 0; o < self->n_docs; o++)
    if (o != doc)
      g_array_append_val (out, *px_alignment_get_match (self, doc, s, o));
  return out;
}
