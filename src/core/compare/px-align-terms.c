/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-align-terms.h"

#include <math.h>
#include <string.h>

/* Two words are near-synonyms at this cosine or above (GloVe 100d). */
#define SYNONYM_COSINE 0.6
/* Frequency rank → IDF: Zipf's law makes a word's document frequency
 * roughly proportional to 1 / rank, so log(rank) is its IDF up to a
 * constant. */
#define RANK_SCALE 100.0

enum
{
  OCC_NAME = 1 << 0,   /* capitalized inside the sentence: a name or place */
  OCC_NUMBER = 1 << 1, /* a number, digits or words */
};

typedef struct
{
  gint vec;
  float weight;
  gboolean common; /* occurs in lower case: may meet its synonyms */
} Term;

struct _PxAlignTerms
{
  PxWordVectors *vectors;
  guint dims;
  guint n_sent;
  GArray *terms;  /* Term */
  guint *sstart;  /* n_sent + 1 */
  GArray *sterm;  /* guint term ids, unique within a sentence */
  GArray *sflags; /* guint8 OCC_* */
  guint *nstart;  /* near-synonyms of each term: [nstart[t], nstart[t + 1]) */
  guint *nterm;
  float *nsim;
  float *dense;        /* n_sent * dims, unit length (or zero) */
  gboolean *has_dense; /* n_sent: whether the sentence's vector is not zero */
  guint *mark_a;       /* scratch: stamp per term */
  guint *mark_b;
  guint stamp;   /* of mark_b, one per window */
  guint stamp_a; /* of mark_a: sentence cur_a is marked with it */
  guint cur_a;   /* G_MAXUINT: none yet */
  PxAlignNgrams *ngrams;
};

static const char *const number_words[] = {
  "zero",     "one",     "two",     "three",     "four",     "five",     "six",
  "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
  "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
};

static const char *
number_word (const char *norm)
{
  static const char *const digits[] = { "0",  "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9", "10",
                                        "11", "12", "13", "14", "15", "16", "17", "18", "19", "20" };
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    if (strcmp (norm, number_words[i]) == 0)
      return digits[i];
  if (strcmp (norm, "thirty") == 0)
    return "30";
  if (strcmp (norm, "forty") == 0)
    return "40";
  if (strcmp (norm, "fifty") == 0)
    return "50";
  if (strcmp (norm, "hundred") == 0)
    return "100";
  return NULL;
}

static gboolean
is_title (const char *norm)
{
  static const char *const titles[] = { "mr", "mrs", "ms", "dr", "prof", "sir", "mr.", "mrs.", "ms.", "dr." };
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (strcmp (norm, titles[i]) == 0)
      return TRUE;
  return FALSE;
}

/* One name for each country that news writes several ways. */
static const char *
country (const char *norm, const PxToken *tok, const PxToken *next, guint *skip)
{
  *skip = 0;
  if (strcmp (norm, "u.s.") == 0 || strcmp (norm, "u.s") == 0 || strcmp (norm, "usa") == 0 ||
      strcmp (norm, "u.s.a.") == 0 || strcmp (norm, "america") == 0 ||
      (strcmp (norm, "us") == 0 && (tok->flags & PX_TOKEN_ACRONYM)))
    return "america";
  if (strcmp (norm, "u.k.") == 0 || strcmp (norm, "u.k") == 0 || strcmp (norm, "britain") == 0 ||
      (strcmp (norm, "uk") == 0 && (tok->flags & PX_TOKEN_ACRONYM)))
    return "britain";
  if (next != NULL && strcmp (norm, "united") == 0 && strcmp (next->norm, "states") == 0)
    {
      *skip = 1;
      return "america";
    }
  if (next != NULL && ((strcmp (norm, "united") == 0 && strcmp (next->norm, "kingdom") == 0) ||
                       (strcmp (norm, "great") == 0 && strcmp (next->norm, "britain") == 0)))
    {
      *skip = 1;
      return "britain";
    }
  return NULL;
}

/* Words that get special treatment (countries, number words, titles),
 * so that the common case costs one hash lookup. */
static gboolean
is_special (const char *norm)
{
  static gsize once = 0;
  static GHashTable *special = NULL;

  if (g_once_init_enter (&once))
    {
      static const char *const words[] = { "u.s.",  "u.s",     "usa",     "u.s.a.", "america", "us",     "u.k.",
                                           "u.k",   "uk",      "britain", "united", "great",   "thirty", "forty",
                                           "fifty", "hundred", "mr",      "mrs",    "ms",      "dr",     "prof",
                                           "sir",   "mr.",     "mrs.",    "ms.",    "dr." };
      special = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        g_hash_table_add (special, (gpointer)words[i]);
      for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
        g_hash_table_add (special, (gpointer)number_words[i]);
      g_once_init_leave (&once, 1);
    }
  return g_hash_table_contains (special, norm);
}

static guint
intern (PxAlignTerms *self, GHashTable *ids, const char *key, const char *vector_word, gboolean lower)
{
  gpointer id;
  Term *term;

  if (!g_hash_table_lookup_extended (ids, key, NULL, &id))
    {
      Term t = { -1, 0, FALSE };
      if (self->vectors != NULL && vector_word != NULL)
        t.vec = px_word_vectors_lookup (self->vectors, vector_word);
      if (self->vectors != NULL)
        t.weight = (float)(log (1.0 + px_word_vectors_get_rank (self->vectors, t.vec) / RANK_SCALE) + 1.0);
      else
        t.weight = 1.0f;
      g_array_append_val (self->terms, t);
      id = GUINT_TO_POINTER (self->terms->len - 1);
      g_hash_table_insert (ids, g_strdup (key), id);
    }
  term = &g_array_index (self->terms, Term, GPOINTER_TO_UINT (id));
  term->common |= lower;
  return GPOINTER_TO_UINT (id);
}

static void
add_sentence_term (PxAlignTerms *self, guint first, guint id, guint8 flags)
{
  for (guint k = first; k < self->sterm->len; k++)
    if (g_array_index (self->sterm, guint, k) == id)
      {
        g_array_index (self->sflags, guint8, k) |= flags;
        return;
      }
  g_array_append_val (self->sterm, id);
  g_array_append_val (self->sflags, flags);
}

/* "Huawei's" → "huawei". */
static char *
strip_possessive (const char *norm)
{
  gsize len = strlen (norm);
  if (len > 3 && (g_str_has_suffix (norm, "'s") || g_str_has_suffix (norm, "’s")))
    return g_strndup (norm, len - (g_str_has_suffix (norm, "'s") ? 2 : 4));
  return g_strdup (norm);
}

static void
collect_sentence (PxAlignTerms *self, GHashTable *ids, PxTextUnits *u, const PxSentence *sent)
{
  const char *text = px_text_units_get_text (u);
  const PxToken *toks = px_text_units_get_tokens (u, NULL);
  guint end = sent->first_token + sent->n_tokens, first = self->sterm->len;

  for (guint t = sent->first_token; t < end; t++)
    {
      const PxToken *tok = &toks[t];
      const PxToken *next = t + 1 < end ? &toks[t + 1] : NULL;
      g_autofree char *norm = strip_possessive (tok->norm);
      const char *mapped, *digits;
      guint skip = 0;
      guint8 flags = 0;
      gboolean inner_cap = (tok->flags & PX_TOKEN_CAPITALIZED) && t > sent->first_token;

      mapped = is_special (norm) ? country (norm, tok, next, &skip) : NULL;
      if (mapped != NULL)
        {
          add_sentence_term (self, first, intern (self, ids, mapped, mapped, FALSE), OCC_NAME);
          t += skip;
          continue;
        }
      digits = is_special (norm) ? number_word (norm) : NULL;
      if (digits != NULL)
        {
          add_sentence_term (self, first, intern (self, ids, digits, NULL, FALSE), OCC_NUMBER);
          continue;
        }
      if ((tok->flags & PX_TOKEN_STOP) || (is_special (norm) && is_title (norm)) ||
          (norm[0] != '\0' && norm[1] == '\0' && !(tok->flags & PX_TOKEN_NUMBER)))
        continue;
      if (tok->flags & PX_TOKEN_NUMBER)
        {
          add_sentence_term (self, first, intern (self, ids, tok->norm, NULL, FALSE), OCC_NUMBER);
          continue;
        }
      /* "roll-out" = "rollout" when the joined word is a known word. */
      if (next != NULL && self->vectors != NULL && next->byte_start == tok->byte_end + 1 &&
          text[tok->byte_end] == '-' && !(next->flags & PX_TOKEN_NUMBER))
        {
          g_autofree char *joined = g_strconcat (norm, next->norm, NULL);
          if (px_word_vectors_lookup (self->vectors, joined) >= 0)
            {
              add_sentence_term (self, first, intern (self, ids, joined, joined, TRUE), 0);
              t++;
              continue;
            }
        }
      if (inner_cap)
        flags |= OCC_NAME;
      add_sentence_term (self, first, intern (self, ids, tok->stem, norm, !(tok->flags & PX_TOKEN_CAPITALIZED)), flags);
    }
}

/* A word used in more sentences than the event has documents (Huawei,
 * security, government in an event about Huawei's security) is a topic
 * word: it says little about which sentence matches which, the less the
 * more it repeats (an event-level IDF). Words used at most once per
 * document on average, and so every word of a two-sentence event, keep
 * their weight: the pair models are fitted on such pairs. */
static void
discount_topic_words (PxAlignTerms *self, guint n_docs)
{
  g_autofree guint *sf = g_new0 (guint, self->terms->len + 1);

  for (guint k = 0; k < self->sterm->len; k++)
    sf[g_array_index (self->sterm, guint, k)]++;
  for (guint t = 0; t < self->terms->len; t++)
    if (sf[t] > n_docs)
      g_array_index (self->terms, Term, t).weight /= (float)(1.0 + log (1.0 + sf[t] - n_docs));
}

/* Dot product of two float vectors of @n (a multiple of 8) values: eight
 * independent sums, which the compiler turns into vector instructions. */
static inline float
dot8 (const float *x, const float *y, guint n)
{
  float s[8] = { 0 };

  for (guint i = 0; i < n; i += 8)
    for (guint j = 0; j < 8; j++)
      s[j] += x[i + j] * y[i + j];
  return (s[0] + s[1]) + (s[2] + s[3]) + (s[4] + s[5]) + (s[6] + s[7]);
}

/* All pairs of the event's lower-case words with vectors whose cosine
 * reaches SYNONYM_COSINE. Quadratic in the vocabulary (a 20-article event
 * has 3,000-4,000 such words), so the unit vectors are first unpacked into
 * one padded float matrix and compared eight lanes at a time. */
static void
build_synonyms (PxAlignTerms *self)
{
  guint n = self->terms->len, stride = (self->dims + 7) / 8 * 8;
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autoptr (GArray) sims = g_array_new (FALSE, FALSE, sizeof (float));
  g_autofree guint *eligible = g_new (guint, n + 1);
  g_autofree float *unit = NULL;
  guint n_el = 0;
  g_autofree guint *fill = NULL;

  for (guint t = 0; t < n; t++)
    {
      const Term *term = &g_array_index (self->terms, Term, t);
      if (term->vec >= 0 && term->common)
        eligible[n_el++] = t;
    }
  unit = g_new0 (float, (gsize)n_el *stride + 1);
  for (guint i = 0; i < n_el; i++)
    px_word_vectors_accumulate (self->vectors, g_array_index (self->terms, Term, eligible[i]).vec, 1.0f,
                                unit + (gsize)i * stride);
  self->nstart = g_new0 (guint, n + 1);
  for (guint i = 0; i < n_el; i++)
    {
      const float *x = unit + (gsize)i * stride;
      for (guint j = i + 1; j < n_el; j++)
        {
          float c = dot8 (x, unit + (gsize)j * stride, stride);
          if (c >= SYNONYM_COSINE)
            {
              guint p[2] = { eligible[i], eligible[j] };
              g_array_append_val (pairs, p);
              g_array_append_val (sims, c);
              self->nstart[p[0] + 1]++;
              self->nstart[p[1] + 1]++;
            }
        }
    }
  for (guint t = 0; t < n; t++)
    self->nstart[t + 1] += self->nstart[t];
  self->nterm = g_new (guint, self->nstart[n] + 1);
  self->nsim = g_new (float, self->nstart[n] + 1);
  fill = g_memdup2 (self->nstart, sizeof (guint) * (n + 1));
  for (guint k = 0; k < pairs->len; k++)
    {
      const guint *p = (const guint *)(pairs->data + k * sizeof (guint) * 2);
      float s = g_array_index (sims, float, k);
      self->nterm[fill[p[0]]] = p[1];
      self->nsim[fill[p[0]]++] = s;
      self->nterm[fill[p[1]]] = p[0];
      self->nsim[fill[p[1]]++] = s;
    }
}

static void
build_dense (PxAlignTerms *self)
{
  self->dense = g_new0 (float, (gsize)self->n_sent *MAX (self->dims, 1));
  self->has_dense = g_new0 (gboolean, self->n_sent + 1);
  if (self->vectors == NULL)
    return;
  for (guint g = 0; g < self->n_sent; g++)
    {
      float *v = self->dense + (gsize)g * self->dims;
      double norm = 0;
      for (guint k = self->sstart[g]; k < self->sstart[g + 1]; k++)
        {
          const Term *t = &g_array_index (self->terms, Term, g_array_index (self->sterm, guint, k));
          if (t->vec >= 0)
            px_word_vectors_accumulate (self->vectors, t->vec, t->weight, v);
        }
      for (guint i = 0; i < self->dims; i++)
        norm += (double)v[i] * v[i];
      self->has_dense[g] = norm > 0;
      if (norm > 0)
        for (guint i = 0; i < self->dims; i++)
          v[i] = (float)(v[i] / sqrt (norm));
    }
}

PxAlignTerms *
px_align_terms_new (GPtrArray *units, PxWordVectors *vectors)
{
  PxAlignTerms *self = g_new0 (PxAlignTerms, 1);
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint g = 0;

  self->vectors = vectors;
  self->dims = vectors != NULL ? px_word_vectors_get_dimensions (vectors) : 0;
  for (guint d = 0; d < units->len; d++)
    self->n_sent += px_text_units_get_n_sentences (units->pdata[d]);
  self->terms = g_array_new (FALSE, FALSE, sizeof (Term));
  self->sterm = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sflags = g_array_new (FALSE, FALSE, sizeof (guint8));
  self->sstart = g_new0 (guint, self->n_sent + 1);
  for (guint d = 0; d < units->len; d++)
    {
      PxTextUnits *u = units->pdata[d];
      for (guint s = 0; s < px_text_units_get_n_sentences (u); s++, g++)
        {
          self->sstart[g] = self->sterm->len;
          collect_sentence (self, ids, u, px_text_units_get_sentence (u, s));
        }
    }
  self->sstart[self->n_sent] = self->sterm->len;
  discount_topic_words (self, units->len);
  self->mark_a = g_new0 (guint, self->terms->len + 1);
  self->mark_b = g_new0 (guint, self->terms->len + 1);
  self->cur_a = G_MAXUINT;
  self->ngrams = px_align_ngrams_new (units);
  if (vectors != NULL)
    build_synonyms (self);
  else
    self->nstart = g_new0 (guint, self->terms->len + 1);
  build_dense (self);
  return self;
}

void
px_align_terms_free (PxAlignTerms *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->terms);
  g_array_unref (self->sterm);
  g_array_unref (self->sflags);
  g_free (self->sstart);
  g_free (self->nstart);
  g_free (self->nterm);
  g_free (self->nsim);
  g_free (self->dense);
  g_free (self->has_dense);
  g_free (self->mark_a);
  g_free (self->mark_b);
  px_align_ngrams_free (self->ngrams);
  g_free (self);
}

/* How well the word @term (with @flags) is met on the side marked with
 * @stamp in @mark: 1 for itself, its cosine for a near-synonym. */
static inline double
met (PxAlignTerms *self, guint term, guint flags, const guint *mark, guint stamp)
{
  double best = 0;
  if (mark[term] == stamp)
    return 1.0;
  if (flags & (OCC_NAME | OCC_NUMBER))
    return 0;
  for (guint k = self->nstart[term]; k < self->nstart[term + 1]; k++)
    if (mark[self->nterm[k]] == stamp && self->nsim[k] > best)
      best = self->nsim[k];
  return best;
}

static double
harmonic (double a, double b)
{
  return a + b > 0 ? 2 * a * b / (a + b) : 0;
}

void
px_align_terms_compare (PxAlignTerms *self, guint g, guint h0, guint h1, PxPairFeatures *out)
{
  double wa = 0, sa = 0, ea = 0, wb = 0, sb = 0, eb = 0;
  gboolean num_a = FALSE, num_b = FALSE, name_a = FALSE, name_b = FALSE;
  guint sa_stamp, sb_stamp;
  const guint *sterm = (const guint *)self->sterm->data;
  const guint8 *sflags = (const guint8 *)self->sflags->data;
  const Term *terms = (const Term *)self->terms->data;
  guint *mark_a = self->mark_a, *mark_b = self->mark_b;

  memset (out, 0, sizeof *out);
  /* An alignment compares one sentence with many windows in a row: its
   * words are marked once. */
  if (self->cur_a != g)
    {
      self->cur_a = g;
      self->stamp_a++;
      for (guint k = self->sstart[g]; k < self->sstart[g + 1]; k++)
        mark_a[sterm[k]] = self->stamp_a;
    }
  sa_stamp = self->stamp_a;
  sb_stamp = ++self->stamp;

  /* The window's sentences are adjacent, so are their words: each word
   * counts once, with the flags of its first use. */
  for (guint k = self->sstart[h0]; k < self->sstart[h1 + 1]; k++)
    {
      guint id = sterm[k], flags = sflags[k];
      float w;
      double m;

      if (mark_b[id] == sb_stamp)
        continue;
      mark_b[id] = sb_stamp;
      w = terms[id].weight;
      m = met (self, id, flags, mark_a, sa_stamp);
      wb += w;
      sb += w * m;
      eb += mark_a[id] == sa_stamp ? w : 0;
      if (mark_a[id] != sa_stamp)
        {
          num_b |= (flags & OCC_NUMBER) != 0;
          name_b |= (flags & OCC_NAME) != 0;
        }
    }
  for (guint k = self->sstart[g]; k < self->sstart[g + 1]; k++)
    {
      guint id = sterm[k], flags = sflags[k];
      float w = terms[id].weight;
      double m = met (self, id, flags, mark_b, sb_stamp);
      wa += w;
      sa += w * m;
      ea += mark_b[id] == sb_stamp ? w : 0;
      if (mark_b[id] != sb_stamp)
        {
          num_a |= (flags & OCC_NUMBER) != 0;
          name_a |= (flags & OCC_NAME) != 0;
        }
    }
  if (wa <= 0 || wb <= 0)
    return;
  out->precision = sa / wa;
  out->recall = sb / wb;
  out->soft_f = harmonic (out->precision, out->recall);
  out->exact_f = harmonic (ea / wa, eb / wb);
  /* Within the range the models were fitted on (real sentence pairs):
   * a run of menu words taken for one sentence must not outweigh
   * everything else. */
  out->unmet = MIN (((wa - sa) + (wb - sb)) / 10.0, 12.0);
  out->numbers = num_a && num_b;
  out->names = name_a && name_b;
  /* Without a content word in common, the running words met are only
   * function words: not worth counting (most pairs of an event). */
  if (out->soft_f > 0)
    px_align_ngrams_overlap (self->ngrams, g, h0, h1, &out->words);
}

void
px_pair_features_inputs (const PxPairFeatures *f, double x[PX_PAIR_N_INPUTS])
{
  x[0] = 1;
  x[1] = f->soft_f;
  x[2] = f->exact_f;
  x[3] = MIN (f->precision, f->recall);
  x[4] = f->numbers;
  x[5] = f->names;
  x[6] = f->unmet;
  x[7] = MIN (f->words.uni_p, f->words.uni_r);
  x[8] = MAX (f->words.uni_p, f->words.uni_r);
  x[9] = MIN (f->words.bi_p, f->words.bi_r);
  x[10] = MAX (f->words.bi_p, f->words.bi_r);
}

static double
logistic (const double *b, const PxPairFeatures *f)
{
  double x[PX_PAIR_N_INPUTS], z = 0;

  px_pair_features_inputs (f, x);
  for (guint i = 0; i < PX_PAIR_N_INPUTS; i++)
    z += b[i] * x[i];
  return 1.0 / (1.0 + exp (-z));
}

double
px_pair_features_score (const PxPairFeatures *f)
{
  static const double b[PX_PAIR_N_INPUTS] = { PX_CLAIM_MODEL };
  return logistic (b, f);
}

double
px_pair_features_paraphrase (const PxPairFeatures *f)
{
  static const double b[PX_PAIR_N_INPUTS] = { PX_PAIR_MODEL };
  return logistic (b, f);
}

double
px_align_terms_dense_cosine (PxAlignTerms *self, guint g, guint h)
{
  const float *x = self->dense + (gsize)g * self->dims, *y = self->dense + (gsize)h * self->dims;
  float s[8] = { 0 };
  guint i = 0;

  /* Sentences without a word that has a vector (names, numbers, made-up
   * words) have a zero vector. */
  if (!self->has_dense[g] || !self->has_dense[h])
    return 0;
  /* Eight independent sums: the compiler may vectorize them. */
  for (; i + 8 <= self->dims; i += 8)
    for (guint j = 0; j < 8; j++)
      s[j] += x[i + j] * y[i + j];
  for (; i < self->dims; i++)
    s[0] += x[i] * y[i];
  return (s[0] + s[1]) + (s[2] + s[3]) + (s[4] + s[5]) + (s[6] + s[7]);
}

gboolean
px_align_terms_has_words (PxAlignTerms *self, guint g)
{
  return self->sstart[g + 1] > self->sstart[g];
}

double
px_align_terms_diff_ratio (PxAlignTerms *self, guint g, guint h0, guint h1)
{
  return px_align_ngrams_diff_ratio (self->ngrams, g, h0, h1);
}
