/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-event-comparison.h"

#include "compare/px-compare-json.h"
#include "compare/px-outlet-name.h"

#include <math.h>
#include <string.h>

#define CACHE_FORMAT 1

struct _PxEventComparison
{
  GObject parent_instance;

  gint64 event_id;
  char *title;
  JsonNode *json;      /* the compare JSON */
  JsonNode *alignment; /* the sentence matches, as cached */
  GPtrArray *sources;  /* PxDocument* */
  GArray *documents;   /* PxCompareDocument */
  GArray *claims;      /* PxCompareClaim */
  GArray *quotes;      /* PxCompareQuote */
  GArray *speakers;    /* PxCompareSpeaker */
  GPtrArray *matches;  /* per document: GPtrArray per sentence: GArray of PxCompareMatch */
  GArray *empty;       /* returned for sentences without matches */
};

G_DEFINE_FINAL_TYPE (PxEventComparison, px_event_comparison, G_TYPE_OBJECT)

static void
clear_document (gpointer data)
{
  PxCompareDocument *d = data;
  g_free (d->title);
  g_free (d->outlet);
  g_free (d->published);
  g_free (d->source_name);
  g_clear_pointer (&d->only_here, g_array_unref);
  g_clear_pointer (&d->missing_here, g_array_unref);
  g_clear_pointer (&d->maybe_here, g_array_unref);
  g_clear_pointer (&d->sentences, g_array_unref);
}

static void
clear_passage (gpointer data)
{
  g_free (((PxComparePassage *)data)->text);
}

static void
clear_claim (gpointer data)
{
  g_clear_pointer (&((PxCompareClaim *)data)->passages, g_array_unref);
  g_clear_pointer (&((PxCompareClaim *)data)->maybe, g_array_unref);
}

static void
clear_quote (gpointer data)
{
  PxCompareQuote *q = data;
  g_free (q->text);
  g_free (q->speaker_as_written);
  g_free (q->role);
  g_free (q->cue);
  g_free (q->organisation);
}

static void
clear_speaker (gpointer data)
{
  PxCompareSpeaker *s = data;
  g_free (s->name);
  g_strfreev (s->roles);
  g_strfreev (s->aliases);
}

static void
clear_match (gpointer data)
{
  g_clear_pointer (&((PxCompareMatch *)data)->diff, g_array_unref);
}

static void
px_event_comparison_finalize (GObject *object)
{
  PxEventComparison *self = PX_EVENT_COMPARISON (object);

  g_free (self->title);
  g_clear_pointer (&self->json, json_node_unref);
  g_clear_pointer (&self->alignment, json_node_unref);
  g_ptr_array_unref (self->sources);
  g_array_unref (self->documents);
  g_array_unref (self->claims);
  g_array_unref (self->quotes);
  g_array_unref (self->speakers);
  g_ptr_array_unref (self->matches);
  g_array_unref (self->empty);

  G_OBJECT_CLASS (px_event_comparison_parent_class)->finalize (object);
}

static void
px_event_comparison_class_init (PxEventComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_event_comparison_finalize;
}

static void
px_event_comparison_init (PxEventComparison *self)
{
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->documents = g_array_new (FALSE, TRUE, sizeof (PxCompareDocument));
  g_array_set_clear_func (self->documents, clear_document);
  self->claims = g_array_new (FALSE, TRUE, sizeof (PxCompareClaim));
  g_array_set_clear_func (self->claims, clear_claim);
  self->quotes = g_array_new (FALSE, TRUE, sizeof (PxCompareQuote));
  g_array_set_clear_func (self->quotes, clear_quote);
  self->speakers = g_array_new (FALSE, TRUE, sizeof (PxCompareSpeaker));
  g_array_set_clear_func (self->speakers, clear_speaker);
  self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->empty = g_array_new (FALSE, TRUE, sizeof (PxCompareMatch));
}

/* --- building the cached form --------------------------------------------- */

static void
add_int (JsonBuilder *b, gint64 v)
{
  json_builder_add_int_value (b, v);
}

static void
add_score (JsonBuilder *b, double v)
{
  json_builder_add_double_value (b, round (v * 1000.0) / 1000.0);
}

/* The sentence of @other that carries the same quotation as sentence
 * @sentence of @doc ("We are willing to sign…" in both, however the
 * sentences around it differ), or G_MAXUINT. */
static guint
same_quote (GArray *links, guint doc, guint sentence, guint other)
{
  for (guint i = 0; i < links->len; i++)
    {
      const PxClaimLink *l = &g_array_index (links, PxClaimLink, i);
      if (l->doc == doc && l->sentence == sentence && l->other == other)
        return l->other_sentence;
    }
  return G_MAXUINT;
}

/* [doc: [sentence: [start, end, [[other, start, end, label, score,
 * ratio, [[kind, a_start, a_end, b_start, b_end], …]], …]]]]
 * A sentence that quotes what another outlet quotes too reports the same
 * thing, and is matched to that outlet's sentence as a paraphrase when
 * the words alone found nothing better. */
static JsonNode *
build_alignment (PxComparison *comparison)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  PxAlignment *al = px_comparison_get_alignment (comparison);
  guint n = px_comparison_get_n_documents (comparison);
  GArray *quotes = px_comparison_get_quote_links (comparison);

  json_builder_begin_array (b);
  for (guint d = 0; d < n; d++)
    {
      PxTextUnits *units = px_comparison_get_units (comparison, d);

      json_builder_begin_array (b);
      for (guint s = 0; s < px_text_units_get_n_sentences (units); s++)
        {
          const PxSentence *sentence = px_text_units_get_sentence (units, s);

          json_builder_begin_array (b);
          add_int (b, sentence->start);
          add_int (b, sentence->end);
          json_builder_begin_array (b);
          for (guint o = 0; o < n && px_alignment_is_matchable (al, d, s); o++)
            {
              const PxMatch *m;
              PxMatch quoted;
              g_autoptr (GArray) diff = NULL;
              guint start, end, other_sentence;

              if (o == d)
                continue;
              m = px_alignment_get_match (al, d, s, o);
              if ((m == NULL || m->label < PX_MATCH_PARAPHRASE) &&
                  (other_sentence = same_quote (quotes, d, s, o)) != G_MAXUINT)
                {
                  quoted = (PxMatch){ d, s, o, other_sentence, other_sentence, 0, 0, PX_MATCH_PARAPHRASE };
                  m = &quoted;
                }
              if (m == NULL || m->label == PX_MATCH_NONE || !px_alignment_get_match_span (al, m, &start, &end))
                continue;
              diff = px_alignment_diff (al, m);
              json_builder_begin_array (b);
              add_int (b, o);
              add_int (b, start);
              add_int (b, end);
              add_int (b, m->label);
              add_score (b, m->score);
              add_score (b, m->ratio);
              json_builder_begin_array (b);
              for (guint k = 0; diff != NULL && k < diff->len; k++)
                {
                  const PxDiffOp *op = &g_array_index (diff, PxDiffOp, k);
                  json_builder_begin_array (b);
                  add_int (b, op->kind);
                  add_int (b, op->a_start);
                  add_int (b, op->a_end);
                  add_int (b, op->b_start);
                  add_int (b, op->b_end);
                  json_builder_end_array (b);
                }
              json_builder_end_array (b);
              json_builder_end_array (b);
            }
          json_builder_end_array (b);
          json_builder_end_array (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

/* --- reading -------------------------------------------------------------- */

/* Every reader below checks shapes and bounds: the cache lives in a file
 * that may be damaged, and a bad entry must fail, not crash. */

static JsonArray *
member_array (JsonObject *o, const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;
  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static JsonObject *
element_object (JsonArray *a, guint i)
{
  JsonNode *n = json_array_get_element (a, i);
  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static JsonArray *
element_array (JsonArray *a, guint i)
{
  JsonNode *n = i < json_array_get_length (a) ? json_array_get_element (a, i) : NULL;
  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static gboolean
member_int (JsonObject *o, const char *name, gint64 *out)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || json_node_get_value_type (n) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (n);
  return TRUE;
}

static gboolean
element_int (JsonArray *a, guint i, gint64 *out)
{
  JsonNode *n = i < json_array_get_length (a) ? json_array_get_element (a, i) : NULL;

  if (n == NULL || json_node_get_value_type (n) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (n);
  return TRUE;
}

static double
element_double (JsonArray *a, guint i)
{
  JsonNode *n = i < json_array_get_length (a) ? json_array_get_element (a, i) : NULL;
  GType t = n != NULL ? json_node_get_value_type (n) : G_TYPE_INVALID;

  if (t == G_TYPE_DOUBLE)
    return json_node_get_double (n);
  if (t == G_TYPE_INT64)
    return (double)json_node_get_int (n);
  return 0;
}

static double
member_double (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  GType t = n != NULL ? json_node_get_value_type (n) : G_TYPE_INVALID;

  if (t == G_TYPE_DOUBLE)
    return json_node_get_double (n);
  if (t == G_TYPE_INT64)
    return (double)json_node_get_int (n);
  return 0;
}

static char *
member_string (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  return n != NULL && json_node_get_value_type (n) == G_TYPE_STRING ? g_strdup (json_node_get_string (n)) : NULL;
}

static GStrv
member_strv (JsonObject *o, const char *name)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  JsonArray *a = member_array (o, name);

  for (guint i = 0; a != NULL && i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      if (json_node_get_value_type (n) == G_TYPE_STRING)
        g_strv_builder_add (b, json_node_get_string (n));
    }
  return g_strv_builder_end (b);
}

static PxMatchLabel
label_from_string (const char *s)
{
  for (int l = PX_MATCH_NONE; l <= PX_MATCH_VERBATIM; l++)
    if (g_strcmp0 (s, px_match_label_to_string (l)) == 0)
      return l;
  return PX_MATCH_NONE;
}

static PxQuoteKind
kind_from_string (const char *s)
{
  for (int k = PX_QUOTE_DIRECT; k <= PX_QUOTE_INDIRECT; k++)
    if (g_strcmp0 (s, px_quote_kind_to_string (k)) == 0)
      return k;
  return PX_QUOTE_DIRECT;
}

static guint
drift_from_strv (GStrv names)
{
  guint flags = 0;

  for (guint bit = 0; bit < 8; bit++)
    {
      g_auto (GStrv) one = px_drift_flags_to_strv (1u << bit);
      if (one[0] != NULL && names != NULL && g_strv_contains ((const char *const *)names, one[0]))
        flags |= 1u << bit;
    }
  return flags;
}

static PxProvenanceKind
provenance_from_string (const char *s)
{
  for (int k = PX_PROVENANCE_ORIGINAL; k <= PX_PROVENANCE_COPIED; k++)
    if (g_strcmp0 (s, px_provenance_kind_to_string (k)) == 0)
      return k;
  return PX_PROVENANCE_ORIGINAL;
}

/* A member holding a document id, or null or absent: the document's
 * index, or G_MAXUINT. FALSE for an id of no document of the event. */
static gboolean
member_doc (JsonObject *o, const char *name, GHashTable *index_of, guint *out)
{
  gint64 id;
  gpointer at;

  *out = G_MAXUINT;
  if (o == NULL || !json_object_has_member (o, name) || json_object_get_null_member (o, name))
    return TRUE;
  if (!member_int (o, name, &id) || (at = g_hash_table_lookup (index_of, &id)) == NULL)
    return FALSE;
  *out = GPOINTER_TO_UINT (at) - 1;
  return TRUE;
}

static gboolean
read_claim_ids (JsonObject *o, const char *name, guint n_claims, GArray **out)
{
  JsonArray *a = member_array (o, name);

  *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; a != NULL && i < json_array_get_length (a); i++)
    {
      gint64 v;
      guint id;
      if (!element_int (a, i, &v) || v < 0 || v >= n_claims)
        return FALSE;
      id = (guint)v;
      g_array_append_val (*out, id);
    }
  return a != NULL;
}

static gboolean
read_span (PxEventComparison *self, guint doc, gint64 start, gint64 end, guint *s, guint *e)
{
  guint length = px_document_get_length (self->sources->pdata[doc]);

  if (start < 0 || end < start || end > length)
    return FALSE;
  *s = (guint)start;
  *e = (guint)end;
  return TRUE;
}

/* Passages of a claim; "maybe" ones have no label (weaker candidates). */
static gboolean
read_passages (PxEventComparison *self, GHashTable *index_of, JsonArray *passages, GArray *out)
{
  if (passages == NULL)
    return FALSE;
  for (guint k = 0; k < json_array_get_length (passages); k++)
    {
      JsonObject *po = element_object (passages, k);
      PxComparePassage p = { 0 };
      gint64 doc, start, end;
      gpointer at;
      g_autofree char *label = NULL;
      g_autofree char *provenance = NULL;

      if (po == NULL || !member_int (po, "document", &doc) || !member_int (po, "start", &start) ||
          !member_int (po, "end", &end) || (at = g_hash_table_lookup (index_of, &doc)) == NULL)
        return FALSE;
      p.doc = GPOINTER_TO_UINT (at) - 1;
      if (!read_span (self, p.doc, start, end, &p.start, &p.end))
        return FALSE;
      p.text = member_string (po, "text");
      label = member_string (po, "label");
      p.label = label != NULL ? label_from_string (label) : PX_MATCH_RELATED;
      p.score = member_double (po, "score");
      p.reference = json_object_get_boolean_member_with_default (po, "reference", FALSE);
      provenance = member_string (po, "provenance");
      p.provenance = provenance_from_string (provenance);
      if (!member_doc (po, "source_document", index_of, &p.source))
        return FALSE;
      g_array_append_val (out, p);
    }
  return TRUE;
}

static gboolean
read_compare (PxEventComparison *self, JsonObject *root)
{
  JsonArray *docs = member_array (root, "documents");
  JsonArray *claims = member_array (root, "claims");
  JsonArray *quotes = member_array (root, "quotes");
  JsonArray *speakers = member_array (root, "speakers");
  g_autoptr (GHashTable) index_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (docs == NULL || claims == NULL || quotes == NULL || speakers == NULL ||
      json_array_get_length (docs) != self->sources->len)
    return FALSE;

  for (guint i = 0; i < self->sources->len; i++)
    {
      JsonObject *o = element_object (docs, i);
      PxCompareDocument d = { 0 };
      gint64 id, length;

      gint64 expected = px_document_get_id (self->sources->pdata[i]);

      /* Documents not stored yet are numbered from 1 (px-compare-json.c). */
      if (expected == 0)
        expected = (gint64)i + 1;
      if (o == NULL || !member_int (o, "id", &id) || !member_int (o, "length", &length) || id != expected)
        return FALSE;
      d.id = id;
      d.length = (guint)length;
      d.title = member_string (o, "title");
      d.outlet = member_string (o, "outlet");
      d.published = member_string (o, "published");
      d.source_name = px_outlet_short_source (px_document_get_source (self->sources->pdata[i]));
      d.original_share = json_object_has_member (o, "original_share") ? member_double (o, "original_share") : 1.0;
      d.sentences = g_array_new (FALSE, FALSE, sizeof (PxSpan));
      g_array_append_val (self->documents, d);
      if (!read_claim_ids (o, "only_here", json_array_get_length (claims),
                           &g_array_index (self->documents, PxCompareDocument, i).only_here) ||
          !read_claim_ids (o, "missing_here", json_array_get_length (claims),
                           &g_array_index (self->documents, PxCompareDocument, i).missing_here) ||
          !read_claim_ids (o, "maybe_here", json_array_get_length (claims),
                           &g_array_index (self->documents, PxCompareDocument, i).maybe_here))
        return FALSE;
      g_hash_table_insert (index_of, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < self->sources->len; i++)
    if (!member_doc (element_object (docs, i), "copy_of", index_of,
                     &g_array_index (self->documents, PxCompareDocument, i).copy_of))
      return FALSE;

  for (guint c = 0; c < json_array_get_length (claims); c++)
    {
      JsonObject *o = element_object (claims, c);
      JsonArray *passages = member_array (o, "passages");
      PxCompareClaim claim = { 0 };
      gint64 n_docs, n_outlets;

      if (o == NULL || passages == NULL || !member_int (o, "n_documents", &n_docs) ||
          !member_doc (o, "first_document", index_of, &claim.first_document))
        return FALSE;
      claim.id = c;
      claim.n_documents = (guint)n_docs;
      claim.n_outlets = member_int (o, "n_outlets", &n_outlets) ? (guint)n_outlets : claim.n_documents;
      claim.passages = g_array_new (FALSE, TRUE, sizeof (PxComparePassage));
      g_array_set_clear_func (claim.passages, clear_passage);
      claim.maybe = g_array_new (FALSE, TRUE, sizeof (PxComparePassage));
      g_array_set_clear_func (claim.maybe, clear_passage);
      g_array_append_val (self->claims, claim);
      if (!read_passages (self, index_of, passages, claim.passages) ||
          !read_passages (self, index_of, member_array (o, "maybe"), claim.maybe))
        return FALSE;
    }

  for (guint s = 0; s < json_array_get_length (speakers); s++)
    {
      JsonObject *o = element_object (speakers, s);
      PxCompareSpeaker sp = { 0 };

      if (o == NULL || (sp.name = member_string (o, "name")) == NULL)
        return FALSE;
      sp.roles = member_strv (o, "roles");
      sp.aliases = member_strv (o, "aliases");
      g_array_append_val (self->speakers, sp);
    }

  for (guint i = 0; i < json_array_get_length (quotes); i++)
    {
      JsonObject *o = element_object (quotes, i);
      PxCompareQuote q = { 0 };
      gint64 doc, start, end, group;
      gpointer at;
      g_autofree char *kind = NULL;
      g_autofree char *speaker = NULL;
      g_auto (GStrv) drift = NULL;

      if (o == NULL || !member_int (o, "document", &doc) || !member_int (o, "start", &start) ||
          !member_int (o, "end", &end) || !member_int (o, "group", &group) ||
          !member_doc (o, "first_document", index_of, &q.first_document) ||
          (at = g_hash_table_lookup (index_of, &doc)) == NULL)
        return FALSE;
      q.doc = GPOINTER_TO_UINT (at) - 1;
      if (!read_span (self, q.doc, start, end, &q.start, &q.end))
        return FALSE;
      q.group = (guint)group;
      q.text = member_string (o, "text");
      kind = member_string (o, "kind");
      q.kind = kind_from_string (kind);
      speaker = member_string (o, "speaker");
      q.speaker = G_MAXUINT;
      for (guint s = 0; speaker != NULL && s < self->speakers->len; s++)
        if (g_strcmp0 (g_array_index (self->speakers, PxCompareSpeaker, s).name, speaker) == 0)
          q.speaker = s;
      q.speaker_as_written = member_string (o, "speaker_as_written");
      q.role = member_string (o, "role");
      q.cue = member_string (o, "cue");
      q.organisation = member_string (o, "organisation");
      drift = member_strv (o, "drift");
      q.drift = drift_from_strv (drift);
      g_array_append_val (self->quotes, q);
    }
  return TRUE;
}

static gboolean
read_match (PxEventComparison *self, guint doc, JsonArray *a, PxCompareMatch *m)
{
  gint64 other, start, end, label;
  JsonArray *ops;

  if (!element_int (a, 0, &other) || !element_int (a, 1, &start) || !element_int (a, 2, &end) ||
      !element_int (a, 3, &label) || other < 0 || other >= self->sources->len || other == doc ||
      label <= PX_MATCH_NONE || label > PX_MATCH_VERBATIM || (ops = element_array (a, 6)) == NULL)
    return FALSE;
  m->other = (guint)other;
  if (!read_span (self, m->other, start, end, &m->start, &m->end))
    return FALSE;
  m->label = (PxMatchLabel)label;
  m->score = element_double (a, 4);
  m->ratio = element_double (a, 5);
  m->diff = g_array_new (FALSE, FALSE, sizeof (PxDiffOp));
  for (guint k = 0; k < json_array_get_length (ops); k++)
    {
      JsonArray *op = element_array (ops, k);
      gint64 v[5];
      PxDiffOp d;

      for (guint j = 0; j < 5; j++)
        if (op == NULL || !element_int (op, j, &v[j]))
          return FALSE;
      if (v[0] < PX_DIFF_SAME || v[0] > PX_DIFF_ADDED)
        return FALSE;
      d.kind = (PxDiffKind)v[0];
      if (!read_span (self, doc, v[1], v[2], &d.a_start, &d.a_end) ||
          !read_span (self, m->other, v[3], v[4], &d.b_start, &d.b_end))
        return FALSE;
      g_array_append_val (m->diff, d);
    }
  return TRUE;
}

static gboolean
read_alignment (PxEventComparison *self, JsonArray *docs)
{
  if (docs == NULL || json_array_get_length (docs) != self->sources->len)
    return FALSE;
  for (guint d = 0; d < self->sources->len; d++)
    {
      JsonArray *sentences = element_array (docs, d);
      PxCompareDocument *cd = &g_array_index (self->documents, PxCompareDocument, d);
      GPtrArray *per_sentence = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

      g_ptr_array_add (self->matches, per_sentence);
      if (sentences == NULL)
        return FALSE;
      for (guint s = 0; s < json_array_get_length (sentences); s++)
        {
          JsonArray *row = element_array (sentences, s);
          JsonArray *list = row != NULL ? element_array (row, 2) : NULL;
          GArray *matches = g_array_new (FALSE, TRUE, sizeof (PxCompareMatch));
          gint64 start, end;
          PxSpan span;

          g_array_set_clear_func (matches, clear_match);
          g_ptr_array_add (per_sentence, matches);
          if (list == NULL || !element_int (row, 0, &start) || !element_int (row, 1, &end) ||
              !read_span (self, d, start, end, &span.start, &span.end))
            return FALSE;
          /* Sentences come in text order; the binary search relies on it. */
          if (cd->sentences->len > 0 && span.start < g_array_index (cd->sentences, PxSpan, cd->sentences->len - 1).end)
            return FALSE;
          g_array_append_val (cd->sentences, span);
          for (guint k = 0; k < json_array_get_length (list); k++)
            {
              PxCompareMatch m = { 0 };
              JsonArray *ma = element_array (list, k);

              if (ma == NULL || !read_match (self, d, ma, &m))
                {
                  clear_match (&m);
                  return FALSE;
                }
              g_array_append_val (matches, m);
            }
        }
    }
  return TRUE;
}

static void
set_title (PxEventComparison *self, gint64 event_id, const char *title)
{
  JsonObject *event = json_object_get_object_member (json_node_get_object (self->json), "event");

  self->event_id = event_id;
  g_free (self->title);
  self->title = g_strdup (title);
  /* The cached JSON is shared by every title the event may get. */
  if (event != NULL)
    {
      json_object_set_int_member (event, "id", event_id);
      if (title != NULL)
        json_object_set_string_member (event, "title", title);
      else
        json_object_set_null_member (event, "title");
    }
}

static PxEventComparison *
from_nodes (JsonNode *json, JsonNode *alignment, GPtrArray *documents, gint64 event_id, const char *title,
            GError **error)
{
  g_autoptr (PxEventComparison) self = g_object_new (PX_TYPE_EVENT_COMPARISON, NULL);

  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (self->sources, g_object_ref (documents->pdata[i]));
  self->json = json_node_ref (json);
  self->alignment = json_node_ref (alignment);
  if (!JSON_NODE_HOLDS_OBJECT (json) || !JSON_NODE_HOLDS_ARRAY (alignment) ||
      !read_compare (self, json_node_get_object (json)) || !read_alignment (self, json_node_get_array (alignment)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The saved comparison is damaged");
      return NULL;
    }
  set_title (self, event_id, title);
  return g_steal_pointer (&self);
}

PxEventComparison *
px_event_comparison_new (PxComparison *comparison, gint64 event_id, const char *title)
{
  g_autoptr (JsonNode) json = NULL;
  g_autoptr (JsonNode) alignment = NULL;
  g_autoptr (GPtrArray) documents = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  PxEventComparison *self;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  for (guint i = 0; i < px_comparison_get_n_documents (comparison); i++)
    g_ptr_array_add (documents, px_comparison_get_document (comparison, i));
  json = px_compare_to_json_node (comparison, event_id, title);
  alignment = build_alignment (comparison);
  self = from_nodes (json, alignment, documents, event_id, title, &error);
  /* What the analysis just wrote always reads back. */
  if (self == NULL)
    g_critical ("Could not read a fresh comparison: %s", error->message);
  return self;
}

GBytes *
px_event_comparison_serialize (PxEventComparison *self)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  gsize len;
  char *data;

  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cache");
  json_builder_add_int_value (b, CACHE_FORMAT);
  json_builder_set_member_name (b, "compare");
  json_builder_add_value (b, json_node_copy (self->json));
  json_builder_set_member_name (b, "alignment");
  json_builder_add_value (b, json_node_copy (self->alignment));
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  data = json_generator_to_data (gen, &len);
  return g_bytes_new_take (data, len);
}

PxEventComparison *
px_event_comparison_deserialize (GBytes *bytes, GPtrArray *documents, gint64 event_id, const char *title,
                                 GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonNode *json, *alignment;
  gsize len;
  const char *data;
  gint64 format;

  g_return_val_if_fail (bytes != NULL && documents != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL || len == 0 || !json_parser_load_from_data (parser, data, len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The saved comparison is damaged");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  json = json_object_get_member (root, "compare");
  alignment = json_object_get_member (root, "alignment");
  if (!member_int (root, "cache", &format) || format != CACHE_FORMAT || json == NULL || alignment == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The saved comparison is of another version");
      return NULL;
    }
  return from_nodes (json, alignment, documents, event_id, title, error);
}

/* --- access --------------------------------------------------------------- */

gint64
px_event_comparison_get_event_id (PxEventComparison *self)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), 0);
  return self->event_id;
}

const char *
px_event_comparison_get_title (PxEventComparison *self)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), NULL);
  return self->title;
}

JsonNode *
px_event_comparison_get_json (PxEventComparison *self)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), NULL);
  return self->json;
}

char *
px_event_comparison_to_json (PxEventComparison *self, gboolean pretty)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), NULL);
  json_generator_set_root (gen, self->json);
  json_generator_set_pretty (gen, pretty);
  return json_generator_to_data (gen, NULL);
}

guint
px_event_comparison_get_n_documents (PxEventComparison *self)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), 0);
  return self->documents->len;
}

const PxCompareDocument *
px_event_comparison_get_document (PxEventComparison *self, guint index)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->documents->len, NULL);
  return &g_array_index (self->documents, PxCompareDocument, index);
}

PxDocument *
px_event_comparison_get_source (PxEventComparison *self, guint index)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return self->sources->pdata[index];
}

guint
px_event_comparison_find_document (PxEventComparison *self, gint64 id)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), G_MAXUINT);
  for (guint i = 0; i < self->documents->len; i++)
    if (g_array_index (self->documents, PxCompareDocument, i).id == id)
      return i;
  return G_MAXUINT;
}

char *
px_event_comparison_slice (PxEventComparison *self, guint index, guint start, guint end)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return px_document_get_slice (self->sources->pdata[index], start, end);
}

guint
px_event_comparison_find_sentence (PxEventComparison *self, guint doc, guint offset)
{
  GArray *spans;
  guint lo = 0, hi;

  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), G_MAXUINT);
  g_return_val_if_fail (doc < self->documents->len, G_MAXUINT);

  spans = g_array_index (self->documents, PxCompareDocument, doc).sentences;
  if (spans->len == 0 || offset < g_array_index (spans, PxSpan, 0).start)
    return spans->len == 0 ? G_MAXUINT : 0;
  /* The last sentence starting at or before @offset. */
  hi = spans->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (spans, PxSpan, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

GArray *
px_event_comparison_get_matches (PxEventComparison *self, guint doc, guint sentence)
{
  GPtrArray *per_sentence;

  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), NULL);
  if (doc >= self->matches->len)
    return self->empty;
  per_sentence = self->matches->pdata[doc];
  return sentence < per_sentence->len ? per_sentence->pdata[sentence] : self->empty;
}

guint
px_event_comparison_get_n_claims (PxEventComparison *self)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), 0);
  return self->claims->len;
}

const PxCompareClaim *
px_event_comparison_get_claim (PxEventComparison *self, guint index)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->claims->len, NULL);
  return &g_array_index (self->claims, PxCompareClaim, index);
}

const PxComparePassage *
px_event_comparison_claim_passage (PxEventComparison *self, guint index, guint doc)
{
  const PxCompareClaim *claim = px_event_comparison_get_claim (self, index);

  for (guint k = 0; claim != NULL && k < claim->passages->len; k++)
    if (g_array_index (claim->passages, PxComparePassage, k).doc == doc)
      return &g_array_index (claim->passages, PxComparePassage, k);
  return NULL;
}

const PxComparePassage *
px_event_comparison_claim_maybe (PxEventComparison *self, guint index, guint doc)
{
  const PxCompareClaim *claim = px_event_comparison_get_claim (self, index);

  for (guint k = 0; claim != NULL && k < claim->maybe->len; k++)
    if (g_array_index (claim->maybe, PxComparePassage, k).doc == doc)
      return &g_array_index (claim->maybe, PxComparePassage, k);
  return NULL;
}

guint
px_event_comparison_get_n_quotes (PxEventComparison *self)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), 0);
  return self->quotes->len;
}

const PxCompareQuote *
px_event_comparison_get_quote (PxEventComparison *self, guint index)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->quotes->len, NULL);
  return &g_array_index (self->quotes, PxCompareQuote, index);
}

guint
px_event_comparison_get_n_speakers (PxEventComparison *self)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), 0);
  return self->speakers->len;
}

const PxCompareSpeaker *
px_event_comparison_get_speaker (PxEventComparison *self, guint index)
{
  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->speakers->len, NULL);
  return &g_array_index (self->speakers, PxCompareSpeaker, index);
}
