/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-claims.h"

#include <string.h>

struct _PxClaimSet
{
  GObject parent_instance;

  PxAlignment *alignment;
  guint min_support;
  guint n_docs;
  guint *base;     /* first node of each document */
  guint *claim_of; /* node -> claim index or G_MAXUINT */
  GArray *claims;  /* PxClaim */
  PxClaimOriginFunc origin;
  gpointer origin_data;
};

G_DEFINE_FINAL_TYPE (PxClaimSet, px_claim_set, G_TYPE_OBJECT)

static void
claim_clear (gpointer data)
{
  PxClaim *c = data;
  g_clear_pointer (&c->passages, g_array_unref);
}

static void
px_claim_set_finalize (GObject *object)
{
  PxClaimSet *self = PX_CLAIM_SET (object);

  g_clear_object (&self->alignment);
  g_free (self->base);
  g_free (self->claim_of);
  g_array_unref (self->claims);

  G_OBJECT_CLASS (px_claim_set_parent_class)->finalize (object);
}

static void
px_claim_set_class_init (PxClaimSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_claim_set_finalize;
}

static void
px_claim_set_init (PxClaimSet *self)
{
  self->claims = g_array_new (FALSE, TRUE, sizeof (PxClaim));
  g_array_set_clear_func (self->claims, claim_clear);
}

static guint
find_root (guint *parent, guint x)
{
  while (parent[x] != x)
    {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
  return x;
}

static void
unite (guint *parent, guint a, guint b)
{
  a = find_root (parent, a);
  b = find_root (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

/* TRUE if some sentence of @m's target points back at @m's sentence. */
static gboolean
is_mutual (PxAlignment *al, const PxMatch *m)
{
  for (guint t = m->first; t <= m->last; t++)
    {
      const PxMatch *back = px_alignment_get_match (al, m->other, t, m->doc);
      if (back->label != PX_MATCH_NONE && back->first <= m->sentence && m->sentence <= back->last)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_link (PxAlignment *al, const PxMatch *m)
{
  if (m->label >= PX_MATCH_CLOSE)
    return TRUE;
  return m->label == PX_MATCH_PARAPHRASE && is_mutual (al, m);
}

/* How passage @p relates to the reference passage @ref: the best match
 * between their sentences, in either direction. */
static void
label_against (PxAlignment *al, PxPassage *p, const PxPassage *ref)
{
  p->label = PX_MATCH_NONE;
  p->score = 0;
  for (guint s = p->first; s <= p->last; s++)
    {
      const PxMatch *m = px_alignment_get_match (al, p->doc, s, ref->doc);
      if (m->label > p->label && m->first <= ref->last && m->last >= ref->first)
        {
          p->label = m->label;
          p->score = m->score;
        }
    }
  for (guint s = ref->first; s <= ref->last; s++)
    {
      const PxMatch *m = px_alignment_get_match (al, ref->doc, s, p->doc);
      if (m->label > p->label && m->first <= p->last && m->last >= p->first)
        {
          p->label = m->label;
          p->score = m->score;
        }
    }
  /* Linked only through a third outlet, or through a shared quotation
   * with other words around it: the weakest link kind that still makes a
   * claim. */
  if (p->label < PX_MATCH_PARAPHRASE)
    p->label = PX_MATCH_PARAPHRASE;
}

static int
claim_cmp (gconstpointer a, gconstpointer b)
{
  const PxClaim *x = a, *y = b;
  const PxPassage *px, *py;

  if (x->n_outlets != y->n_outlets)
    return x->n_outlets > y->n_outlets ? -1 : 1;
  if (x->n_documents != y->n_documents)
    return x->n_documents > y->n_documents ? -1 : 1;
  px = &g_array_index (x->passages, PxPassage, 0);
  py = &g_array_index (y->passages, PxPassage, 0);
  if (px->doc != py->doc)
    return px->doc < py->doc ? -1 : 1;
  return px->first < py->first ? -1 : px->first > py->first;
}

static gboolean
claim_covers (const PxClaim *claim, guint doc)
{
  for (guint i = 0; i < claim->passages->len; i++)
    if (g_array_index (claim->passages, PxPassage, i).doc == doc)
      return TRUE;
  return FALSE;
}

/* Distinct origins of the passages of each claim. */
static void
count_outlets (PxClaimSet *self)
{
  g_autofree guint *seen = g_new (guint, self->n_docs + 1);

  for (guint c = 0; c < self->claims->len; c++)
    {
      PxClaim *claim = &g_array_index (self->claims, PxClaim, c);

      claim->n_outlets = 0;
      for (guint i = 0; i < claim->passages->len; i++)
        {
          const PxPassage *p = &g_array_index (claim->passages, PxPassage, i);
          guint o = self->origin != NULL ? self->origin (p->doc, p->first, p->last, self->origin_data) : p->doc;
          gboolean known = FALSE;

          /* Copies of one source are one outlet, whether the claim holds
           * that source or not. */
          if (o >= self->n_docs)
            o = p->doc;
          for (guint k = 0; k < claim->n_outlets && !known; k++)
            known = seen[k] == o;
          if (!known)
            seen[claim->n_outlets++] = o;
        }
      /* A source the claim does not hold: its first copy stands for it. */
      if (claim->n_outlets != 1)
        claim->origin = G_MAXUINT;
      else if (claim_covers (claim, seen[0]))
        claim->origin = seen[0];
      else
        claim->origin = g_array_index (claim->passages, PxPassage, 0).doc;
    }
}

static void
build (PxClaimSet *self, GArray *links)
{
  PxAlignment *al = self->alignment;
  guint n_nodes;
  g_autofree guint *parent = NULL;
  g_autoptr (GHashTable) by_root = g_hash_table_new (g_direct_hash, g_direct_equal);

  self->n_docs = px_alignment_get_n_documents (al);
  self->base = g_new0 (guint, self->n_docs + 1);
  for (guint d = 0; d < self->n_docs; d++)
    self->base[d + 1] = self->base[d] + px_text_units_get_n_sentences (px_alignment_get_units (al, d));
  n_nodes = self->base[self->n_docs];
  parent = g_new (guint, n_nodes + 1);
  for (guint i = 0; i < n_nodes; i++)
    parent[i] = i;

  for (guint d = 0; d < self->n_docs; d++)
    for (guint s = 0; s < self->base[d + 1] - self->base[d]; s++)
      for (guint o = 0; o < self->n_docs; o++)
        {
          const PxMatch *m;
          if (o == d)
            continue;
          m = px_alignment_get_match (al, d, s, o);
          if (m->label == PX_MATCH_NONE || !is_link (al, m))
            continue;
          for (guint t = m->first; t <= m->last; t++)
            unite (parent, self->base[d] + s, self->base[o] + t);
        }
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const PxClaimLink *l = &g_array_index (links, PxClaimLink, i);
      if (l->doc < self->n_docs && l->other < self->n_docs && l->doc != l->other &&
          l->sentence < self->base[l->doc + 1] - self->base[l->doc] &&
          l->other_sentence < self->base[l->other + 1] - self->base[l->other])
        unite (parent, self->base[l->doc] + l->sentence, self->base[l->other] + l->other_sentence);
    }

  /* Components to claims; nodes come in document order, so passages do
   * too and runs of adjacent sentences are easy to join. */
  self->claim_of = g_new (guint, n_nodes + 1);
  for (guint d = 0; d < self->n_docs; d++)
    for (guint s = 0; s < self->base[d + 1] - self->base[d]; s++)
      {
        guint node = self->base[d] + s;
        guint root = find_root (parent, node);
        gpointer idx;
        PxClaim *claim;
        PxPassage *last = NULL;
        PxTextUnits *u = px_alignment_get_units (al, d);

        self->claim_of[node] = G_MAXUINT;
        if (!px_alignment_is_matchable (al, d, s))
          continue;
        if (!g_hash_table_lookup_extended (by_root, GUINT_TO_POINTER (root), NULL, &idx))
          {
            PxClaim fresh = { 0 };
            fresh.passages = g_array_new (FALSE, TRUE, sizeof (PxPassage));
            g_array_append_val (self->claims, fresh);
            idx = GUINT_TO_POINTER (self->claims->len - 1);
            g_hash_table_insert (by_root, GUINT_TO_POINTER (root), idx);
          }
        claim = &g_array_index (self->claims, PxClaim, GPOINTER_TO_UINT (idx));
        self->claim_of[node] = GPOINTER_TO_UINT (idx);
        if (claim->passages->len > 0)
          last = &g_array_index (claim->passages, PxPassage, claim->passages->len - 1);
        if (last != NULL && last->doc == d && last->last + 1 == s)
          {
            last->last = s;
            last->end = px_text_units_get_sentence (u, s)->end;
          }
        else
          {
            PxPassage p = { 0 };
            p.doc = d;
            p.first = p.last = s;
            p.start = px_text_units_get_sentence (u, s)->start;
            p.end = px_text_units_get_sentence (u, s)->end;
            if (last == NULL || last->doc != d)
              claim->n_documents++;
            g_array_append_val (claim->passages, p);
          }
      }

  /* The reference passage is the one with the strongest links to the
   * others; every passage is labelled against it. */
  for (guint c = 0; c < self->claims->len; c++)
    {
      PxClaim *claim = &g_array_index (self->claims, PxClaim, c);
      guint best = 0;
      double best_sum = -1;
      PxPassage *ref;
      PxMatchLabel top = PX_MATCH_NONE;

      if (claim->passages->len == 1)
        {
          ref = &g_array_index (claim->passages, PxPassage, 0);
          ref->reference = TRUE;
          ref->label = PX_MATCH_NONE;
          continue;
        }
      for (guint i = 0; i < claim->passages->len; i++)
        {
          PxPassage *p = &g_array_index (claim->passages, PxPassage, i);
          double sum = 0;
          for (guint s = p->first; s <= p->last; s++)
            for (guint o = 0; o < self->n_docs; o++)
              if (o != p->doc)
                {
                  const PxMatch *m = px_alignment_get_match (al, p->doc, s, o);
                  if (m->label != PX_MATCH_NONE && self->claim_of[self->base[o] + m->first] == c)
                    sum += m->score + m->ratio;
                }
          if (sum > best_sum)
            {
              best_sum = sum;
              best = i;
            }
        }
      ref = &g_array_index (claim->passages, PxPassage, best);
      ref->reference = TRUE;
      for (guint i = 0; i < claim->passages->len; i++)
        {
          PxPassage *p = &g_array_index (claim->passages, PxPassage, i);
          if (i == best)
            continue;
          label_against (al, p, ref);
          if (p->label > top)
            {
              top = p->label;
              ref->score = MAX (ref->score, p->score);
            }
        }
      ref->label = top;
    }

  count_outlets (self);
  g_array_sort (self->claims, claim_cmp);
  for (guint c = 0; c < self->claims->len; c++)
    {
      PxClaim *claim = &g_array_index (self->claims, PxClaim, c);
      claim->id = c;
      for (guint i = 0; i < claim->passages->len; i++)
        {
          const PxPassage *p = &g_array_index (claim->passages, PxPassage, i);
          for (guint s = p->first; s <= p->last; s++)
            self->claim_of[self->base[p->doc] + s] = c;
        }
    }
}

PxClaimSet *
px_claim_set_new_full (PxAlignment *alignment, guint min_support, GArray *links, PxClaimOriginFunc origin,
                       gpointer user_data)
{
  PxClaimSet *self;

  g_return_val_if_fail (PX_IS_ALIGNMENT (alignment), NULL);

  self = g_object_new (PX_TYPE_CLAIM_SET, NULL);
  self->alignment = g_object_ref (alignment);
  self->min_support = min_support > 0 ? min_support : 2;
  self->origin = origin;
  self->origin_data = user_data;
  build (self, links);
  return self;
}

PxClaimSet *
px_claim_set_new_with_links (PxAlignment *alignment, guint min_support, GArray *links)
{
  return px_claim_set_new_full (alignment, min_support, links, NULL, NULL);
}

PxClaimSet *
px_claim_set_new (PxAlignment *alignment, guint min_support)
{
  return px_claim_set_new_with_links (alignment, min_support, NULL);
}

PxAlignment *
px_claim_set_get_alignment (PxClaimSet *self)
{
  g_return_val_if_fail (PX_IS_CLAIM_SET (self), NULL);
  return self->alignment;
}

guint
px_claim_set_get_n_claims (PxClaimSet *self)
{
  g_return_val_if_fail (PX_IS_CLAIM_SET (self), 0);
  return self->claims->len;
}

const PxClaim *
px_claim_set_get_claim (PxClaimSet *self, guint index)
{
  g_return_val_if_fail (PX_IS_CLAIM_SET (self), NULL);
  g_return_val_if_fail (index < self->claims->len, NULL);
  return &g_array_index (self->claims, PxClaim, index);
}

guint
px_claim_set_find (PxClaimSet *self, guint doc, guint sentence)
{
  g_return_val_if_fail (PX_IS_CLAIM_SET (self), G_MAXUINT);
  g_return_val_if_fail (doc < self->n_docs, G_MAXUINT);

  if (self->base[doc] + sentence >= self->base[doc + 1])
    return G_MAXUINT;
  return self->claim_of[self->base[doc] + sentence];
}

gboolean
px_claim_set_covers (PxClaimSet *self, guint index, guint doc)
{
  const PxClaim *claim;

  g_return_val_if_fail (PX_IS_CLAIM_SET (self), FALSE);
  g_return_val_if_fail (index < self->claims->len, FALSE);

  claim = &g_array_index (self->claims, PxClaim, index);
  return claim_covers (claim, doc);
}

GArray *
px_claim_set_only_here (PxClaimSet *self, guint doc)
{
  GArray *out;

  g_return_val_if_fail (PX_IS_CLAIM_SET (self), NULL);

  out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < self->claims->len; c++)
    {
      const PxClaim *claim = &g_array_index (self->claims, PxClaim, c);
      if (claim->n_outlets == 1 && claim->origin == doc)
        g_array_append_val (out, c);
    }
  return out;
}

gboolean
px_claim_set_maybe (PxClaimSet *self, guint index, guint doc, PxPassage *out)
{
  const PxClaim *claim;
  const PxMatch *best = NULL;

  g_return_val_if_fail (PX_IS_CLAIM_SET (self), FALSE);
  g_return_val_if_fail (index < self->claims->len && doc < self->n_docs, FALSE);

  if (px_claim_set_covers (self, index, doc))
    return FALSE;
  claim = &g_array_index (self->claims, PxClaim, index);
  for (guint i = 0; i < claim->passages->len; i++)
    {
      const PxPassage *p = &g_array_index (claim->passages, PxPassage, i);
      for (guint s = p->first; s <= p->last; s++)
        {
          const PxMatch *m = px_alignment_get_match (self->alignment, p->doc, s, doc);
          if (m->label != PX_MATCH_NONE && (best == NULL || m->score > best->score))
            best = m;
        }
    }
  if (best == NULL)
    return FALSE;
  if (out != NULL)
    {
      PxTextUnits *u = px_alignment_get_units (self->alignment, doc);
      memset (out, 0, sizeof *out);
      out->doc = doc;
      out->first = best->first;
      out->last = best->last;
      out->start = px_text_units_get_sentence (u, best->first)->start;
      out->end = px_text_units_get_sentence (u, best->last)->end;
      out->label = PX_MATCH_RELATED;
      out->score = best->score;
    }
  return TRUE;
}

static guint
needed_support (PxClaimSet *self)
{
  return MIN (self->min_support, self->n_docs > 1 ? self->n_docs - 1 : 1);
}

GArray *
px_claim_set_maybe_here (PxClaimSet *self, guint doc)
{
  GArray *out;

  g_return_val_if_fail (PX_IS_CLAIM_SET (self), NULL);

  out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < self->claims->len; c++)
    if (g_array_index (self->claims, PxClaim, c).n_outlets >= needed_support (self) &&
        px_claim_set_maybe (self, c, doc, NULL))
      g_array_append_val (out, c);
  return out;
}

GArray *
px_claim_set_missing_here (PxClaimSet *self, guint doc)
{
  GArray *out;
  guint need;

  g_return_val_if_fail (PX_IS_CLAIM_SET (self), NULL);

  out = g_array_new (FALSE, FALSE, sizeof (guint));
  need = needed_support (self);
  for (guint c = 0; c < self->claims->len; c++)
    {
      const PxClaim *claim = &g_array_index (self->claims, PxClaim, c);
      if (claim->n_outlets >= need && !px_claim_set_covers (self, c, doc) && !px_claim_set_maybe (self, c, doc, NULL))
        g_array_append_val (out, c);
    }
  return out;
}
