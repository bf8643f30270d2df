/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "analysis/px-alignment.h"

#include <math.h>
#include <string.h>

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
  double *next_dot; /* dot product of sentence g with g + 1 (same document) */
  gboolean *matchable;
  guint n_terms;

  PxMatch *matches; /* [global sentence * n_docs + other] */
};

G_DEFINE_FINAL_TYPE (PxAlignment, px_alignment, G_TYPE_OBJECT)

void
px_align_params_init (PxAlignParams *params)
{
  g_return_if_fail (params != NULL);

  params->verbatim_ratio = 0.9;
  params->close_ratio = 0.62;
  params->paraphrase_cosine = 0.38;
  params->related_cosine = 0.2;
  params->pair_margin = 0.06;
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
  g_free (self->next_dot);
  g_free (self->matchable);
  g_free (self->matches);

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

static double
sparse_dot (PxAlignment *self, guint g, guint h)
{
  guint i = self->vstart[g], j = self->vstart[h];
  double s = 0;

  while (i < self->vstart[g + 1] && j < self->vstart[h + 1])
    {
      if (self->vterm[i] < self->vterm[j])
        i++;
      else if (self->vterm[i] > self->vterm[j])
        j++;
      else
        s += (double)self->vweight[i++] * self->vweight[j++];
    }
  return s;
}

static void
label_match (PxAlignment *self, PxMatch *m)
{
  PxTextUnits *ua = self->units->pdata[m->doc], *ub = self->units->pdata[m->other];
  const PxSentence *sa = px_text_units_get_sentence (ua, m->sentence);
  const PxSentence *b0 = px_text_units_get_sentence (ub, m->first);
  const PxSentence *b1 = px_text_units_get_sentence (ub, m->last);
  const PxToken *ta = px_text_units_get_tokens (ua, NULL);
  const PxToken *tb = px_text_units_get_tokens (ub, NULL);

  m->ratio = px_word_diff_ratio (ta + sa->first_token, sa->n_tokens, tb + b0->first_token,
                                 b1->first_token + b1->n_tokens - b0->first_token);
  if (m->ratio >= self->params.verbatim_ratio)
    m->label = PX_MATCH_VERBATIM;
  else if (m->ratio >= self->params.close_ratio)
    m->label = PX_MATCH_CLOSE;
  else if (m->cosine >= self->params.paraphrase_cosine)
    m->label = PX_MATCH_PARAPHRASE;
  else
    m->label = PX_MATCH_RELATED;
}

static void
align_all (PxAlignment *self)
{
  guint n = self->base[self->n_docs];
  g_autofree float *dense = g_new0 (float, self->n_terms + 1);
  g_autofree double *dots = g_new0 (double, n + 1);

  self->next_dot = g_new0 (double, n + 1);
  for (guint d = 0; d < self->n_docs; d++)
    for (guint g = self->base[d]; g + 1 < self->base[d + 1]; g++)
      self->next_dot[g] = sparse_dot (self, g, g + 1);

  self->matches = g_new0 (PxMatch, (gsize)n * self->n_docs);
  for (guint d = 0; d < self->n_docs; d++)
    for (guint g = self->base[d]; g < self->base[d + 1]; g++)
      {
        /* Scatter this sentence's vector once; every candidate's dot
         * product is then a gather over its own few terms. */
        for (guint k = self->vstart[g]; k < self->vstart[g + 1]; k++)
          dense[self->vterm[k]] = self->vweight[k];

        for (guint o = 0; o < self->n_docs; o++)
          {
            PxMatch *m = &self->matches[(gsize)g * self->n_docs + o];
            double best = 0;

            m->doc = d;
            m->sentence = g - self->base[d];
            m->other = o;
            m->first = m->last = G_MAXUINT;
            m->label = PX_MATCH_NONE;
            if (o == d || !self->matchable[g] || self->vnorm[g] <= 0)
              continue;

            for (guint h = self->base[o]; h < self->base[o + 1]; h++)
              {
                double s = 0;
                for (guint k = self->vstart[h]; k < self->vstart[h + 1]; k++)
                  s += (double)dense[self->vterm[k]] * self->vweight[k];
                dots[h] = s;
              }
            for (guint h = self->base[o]; h < self->base[o + 1]; h++)
              {
                double cos;
                if (!self->matchable[h] || self->vnorm[h] <= 0 || dots[h] <= 0)
                  continue;
                cos = dots[h] / (self->vnorm[g] * self->vnorm[h]);
                if (cos > best)
                  {
                    best = cos;
                    m->first = m->last = h - self->base[o];
                  }
              }
            /* An outlet may say in two sentences what another says in
             * one; the pair wins only if clearly better. */
            for (guint h = self->base[o]; h + 1 < self->base[o + 1]; h++)
              {
                double norm2 =
                    self->vnorm[h] * self->vnorm[h] + self->vnorm[h + 1] * self->vnorm[h + 1] + 2 * self->next_dot[h];
                double cos;
                if (dots[h] <= 0 || dots[h + 1] <= 0 || norm2 <= 0)
                  continue;
                cos = (dots[h] + dots[h + 1]) / (self->vnorm[g] * sqrt (norm2));
                if (cos > best + self->params.pair_margin)
                  {
                    best = cos;
                    m->first = h - self->base[o];
                    m->last = m->first + 1;
                  }
              }
            m->cosine = best;
            if (m->first == G_MAXUINT || best < self->params.related_cosine)
              {
                m->first = m->last = G_MAXUINT;
                m->cosine = best;
                continue;
              }
            label_match (self, m);
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
  align_all (self);
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
