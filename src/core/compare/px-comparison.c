/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-comparison.h"

struct _PxComparison
{
  GObject parent_instance;

  GPtrArray *documents; /* PxDocument* */
  GPtrArray *units;     /* PxTextUnits* */
  GPtrArray *quotes;    /* GPtrArray* of PxQuote* */
  PxAlignment *alignment;
  PxClaimSet *claims;
  PxSpeakerSet *speakers;
  PxProvenance *provenance;
  GArray *quote_links; /* PxClaimLink */
};

G_DEFINE_FINAL_TYPE (PxComparison, px_comparison, G_TYPE_OBJECT)

static void
px_comparison_finalize (GObject *object)
{
  PxComparison *self = PX_COMPARISON (object);

  g_ptr_array_unref (self->documents);
  g_ptr_array_unref (self->units);
  g_ptr_array_unref (self->quotes);
  g_clear_object (&self->alignment);
  g_clear_object (&self->claims);
  g_clear_object (&self->speakers);
  g_clear_object (&self->provenance);
  g_clear_pointer (&self->quote_links, g_array_unref);

  G_OBJECT_CLASS (px_comparison_parent_class)->finalize (object);
}

static void
px_comparison_class_init (PxComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_comparison_finalize;
}

static void
px_comparison_init (PxComparison *self)
{
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->units = g_ptr_array_new_with_free_func (g_object_unref);
  self->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
}

/* Sentences of different outlets that carry the same quotation (one
 * group of the speaker set): each pair, both ways. */
static GArray *
find_quote_links (PxComparison *self)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (PxClaimLink));
  guint n = px_speaker_set_get_n_entries (self->speakers);
  g_autofree guint *sentence = g_new (guint, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const PxQuoteEntry *e = px_speaker_set_get_entry (self->speakers, i);
      sentence[i] = e->doc < self->units->len
                        ? px_text_units_find_sentence (self->units->pdata[e->doc], e->quote->start)
                        : G_MAXUINT;
    }
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < n; k++)
      {
        const PxQuoteEntry *a = px_speaker_set_get_entry (self->speakers, i);
        const PxQuoteEntry *b = px_speaker_set_get_entry (self->speakers, k);
        PxClaimLink link = { a->doc, sentence[i], b->doc, sentence[k] };

        if (a->group == b->group && a->doc != b->doc && sentence[i] != G_MAXUINT && sentence[k] != G_MAXUINT)
          g_array_append_val (links, link);
      }
  return links;
}

static guint
claim_origin (guint doc, guint first, guint last, gpointer user_data)
{
  return px_provenance_origin (user_data, doc, first, last);
}

PxComparison *
px_comparison_new (GPtrArray *documents, const PxAlignParams *params)
{
  PxComparison *self;
  g_autoptr (GHashTable) stemmers = NULL;

  g_return_val_if_fail (documents != NULL, NULL);

  self = g_object_new (PX_TYPE_COMPARISON, NULL);
  /* One stemmer per language, shared by the documents in it: the cache
   * pays off across articles about the same thing. */
  stemmers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)px_stemmer_unref);
  for (guint i = 0; i < documents->len; i++)
    {
      PxDocument *doc = documents->pdata[i];
      const char *lang = px_document_get_language (doc);
      PxStemmer *stemmer;

      g_ptr_array_add (self->documents, g_object_ref (doc));
      if (lang == NULL)
        lang = "en";
      stemmer = g_hash_table_lookup (stemmers, lang);
      if (stemmer == NULL)
        {
          stemmer = px_stemmer_new (lang);
          g_hash_table_insert (stemmers, g_strdup (lang), stemmer);
        }
      g_ptr_array_add (self->units, px_text_units_new_for_document (doc, stemmer));
      g_ptr_array_add (self->quotes, px_find_quotes (self->units->pdata[i]));
    }
  self->alignment = px_alignment_new (self->units, params);
  self->speakers = px_speaker_set_new (self->units, self->quotes);
  self->quote_links = find_quote_links (self);
  self->provenance = px_provenance_new (self->units, self->documents, self->quotes);
  self->claims = px_claim_set_new_full (self->alignment, 0, self->quote_links, claim_origin, self->provenance);
  return self;
}

guint
px_comparison_get_n_documents (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), 0);
  return self->documents->len;
}

PxDocument *
px_comparison_get_document (PxComparison *self, guint index)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->documents->len, NULL);
  return self->documents->pdata[index];
}

PxTextUnits *
px_comparison_get_units (PxComparison *self, guint index)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->units->len, NULL);
  return self->units->pdata[index];
}

PxAlignment *
px_comparison_get_alignment (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return self->alignment;
}

PxClaimSet *
px_comparison_get_claims (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return self->claims;
}

GPtrArray *
px_comparison_get_quotes (PxComparison *self, guint index)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->quotes->len, NULL);
  return self->quotes->pdata[index];
}

PxSpeakerSet *
px_comparison_get_speakers (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return self->speakers;
}

PxProvenance *
px_comparison_get_provenance (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return self->provenance;
}

/* Of @first (G_MAXUINT for none yet) and @doc, the one published first. */
static guint
earlier_of (PxProvenance *self, guint first, guint doc)
{
  if (doc >= px_provenance_get_n_documents (self))
    return first;
  if (first == G_MAXUINT || px_provenance_get_rank (self, doc) < px_provenance_get_rank (self, first))
    return doc;
  return first;
}

guint
px_provenance_first_of_claim (PxProvenance *self, const PxClaim *claim)
{
  guint first = G_MAXUINT;

  g_return_val_if_fail (PX_IS_PROVENANCE (self), G_MAXUINT);
  g_return_val_if_fail (claim != NULL, G_MAXUINT);

  for (guint k = 0; k < claim->passages->len; k++)
    first = earlier_of (self, first, g_array_index (claim->passages, PxPassage, k).doc);
  return first;
}

guint
px_comparison_first_of_quote_group (PxComparison *self, guint group)
{
  const PxQuoteGroup *g;
  guint first = G_MAXUINT;

  g_return_val_if_fail (PX_IS_COMPARISON (self), G_MAXUINT);
  if (group >= px_speaker_set_get_n_groups (self->speakers))
    return G_MAXUINT;
  g = px_speaker_set_get_group (self->speakers, group);
  for (guint k = 0; k < g->entries->len; k++)
    first = earlier_of (self->provenance, first,
                        px_speaker_set_get_entry (self->speakers, g_array_index (g->entries, guint, k))->doc);
  return first;
}

GArray *
px_comparison_get_quote_links (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return self->quote_links;
}
