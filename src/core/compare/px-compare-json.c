/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-compare-json.h"

#include <math.h>

#define SCHEMA_VERSION 3

/* Documents not yet stored have id 0; their index keeps them apart. */
static gint64
doc_id (PxComparison *c, guint index)
{
  gint64 id = px_document_get_id (px_comparison_get_document (c, index));
  return id != 0 ? id : (gint64)index + 1;
}

/* The id of document @index, null for G_MAXUINT. */
static void
add_doc_or_null (JsonBuilder *b, PxComparison *c, const char *member, guint index)
{
  json_builder_set_member_name (b, member);
  if (index != G_MAXUINT)
    json_builder_add_int_value (b, doc_id (c, index));
  else
    json_builder_add_null_value (b);
}

static void
add_string_or_null (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* Rounded so that the output does not change with the last bits of a
 * floating-point sum. */
static void
add_score (JsonBuilder *b, const char *member, double v)
{
  json_builder_set_member_name (b, member);
  json_builder_add_double_value (b, round (v * 1000.0) / 1000.0);
}

static void
add_documents (JsonBuilder *b, PxComparison *c)
{
  PxClaimSet *claims = px_comparison_get_claims (c);

  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; i < px_comparison_get_n_documents (c); i++)
    {
      PxDocument *doc = px_comparison_get_document (c, i);
      g_autoptr (GArray) only = px_claim_set_only_here (claims, i);
      g_autoptr (GArray) missing = px_claim_set_missing_here (claims, i);
      g_autoptr (GArray) maybe = px_claim_set_maybe_here (claims, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, doc_id (c, i));
      add_string_or_null (b, "title", px_document_get_title (doc));
      add_string_or_null (b, "outlet", px_document_get_outlet (doc));
      add_string_or_null (b, "published", px_document_get_published (doc));
      json_builder_set_member_name (b, "length");
      json_builder_add_int_value (b, g_utf8_strlen (px_text_units_get_text (px_comparison_get_units (c, i)), -1));
      add_doc_or_null (b, c, "copy_of", px_provenance_get_copy_of (px_comparison_get_provenance (c), i));
      add_score (b, "original_share",
                 px_provenance_get_share (px_comparison_get_provenance (c), i, PX_PROVENANCE_ORIGINAL));
      add_string_or_null (b, "agency", px_provenance_get_agency (px_comparison_get_provenance (c), i));
      json_builder_set_member_name (b, "only_here");
      json_builder_begin_array (b);
      for (guint k = 0; k < only->len; k++)
        json_builder_add_int_value (b, g_array_index (only, guint, k));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "missing_here");
      json_builder_begin_array (b);
      for (guint k = 0; k < missing->len; k++)
        json_builder_add_int_value (b, g_array_index (missing, guint, k));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "maybe_here");
      json_builder_begin_array (b);
      for (guint k = 0; k < maybe->len; k++)
        json_builder_add_int_value (b, g_array_index (maybe, guint, k));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_passage (JsonBuilder *b, PxComparison *c, const PxPassage *p, gboolean linked)
{
  g_autofree char *text = px_text_units_slice (px_comparison_get_units (c, p->doc), p->start, p->end);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "document");
  json_builder_add_int_value (b, doc_id (c, p->doc));
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, p->start);
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, p->end);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, text);
  if (linked)
    {
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, px_match_label_to_string (p->label));
    }
  add_score (b, "score", p->score);
  if (linked)
    {
      guint source = G_MAXUINT;
      PxProvenanceKind kind =
          px_provenance_passage (px_comparison_get_provenance (c), p->doc, p->first, p->last, &source);

      json_builder_set_member_name (b, "reference");
      json_builder_add_boolean_value (b, p->reference);
      json_builder_set_member_name (b, "provenance");
      json_builder_add_string_value (b, px_provenance_kind_to_string (kind));
      add_doc_or_null (b, c, "source_document", source);
    }
  json_builder_end_object (b);
}

static void
add_claims (JsonBuilder *b, PxComparison *c)
{
  PxClaimSet *claims = px_comparison_get_claims (c);

  json_builder_set_member_name (b, "claims");
  json_builder_begin_array (b);
  for (guint i = 0; i < px_claim_set_get_n_claims (claims); i++)
    {
      const PxClaim *claim = px_claim_set_get_claim (claims, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, claim->id);
      json_builder_set_member_name (b, "n_documents");
      json_builder_add_int_value (b, claim->n_documents);
      json_builder_set_member_name (b, "n_outlets");
      json_builder_add_int_value (b, claim->n_outlets);
      add_doc_or_null (b, c, "first_document", px_provenance_first_of_claim (px_comparison_get_provenance (c), claim));
      json_builder_set_member_name (b, "passages");
      json_builder_begin_array (b);
      for (guint k = 0; k < claim->passages->len; k++)
        add_passage (b, c, &g_array_index (claim->passages, PxPassage, k), TRUE);
      json_builder_end_array (b);
      /* Outlets with only a weaker candidate: "Maybe", not an omission. */
      json_builder_set_member_name (b, "maybe");
      json_builder_begin_array (b);
      for (guint d = 0; d < px_comparison_get_n_documents (c); d++)
        {
          PxPassage p;
          if (px_claim_set_maybe (claims, i, d, &p))
            add_passage (b, c, &p, FALSE);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_quotes (JsonBuilder *b, PxComparison *c)
{
  PxSpeakerSet *set = px_comparison_get_speakers (c);

  json_builder_set_member_name (b, "quotes");
  json_builder_begin_array (b);
  for (guint i = 0; i < px_speaker_set_get_n_entries (set); i++)
    {
      const PxQuoteEntry *e = px_speaker_set_get_entry (set, i);
      const PxQuote *q = e->quote;
      g_auto (GStrv) drift = px_drift_flags_to_strv (e->drift);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "document");
      json_builder_add_int_value (b, doc_id (c, e->doc));
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, q->start);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, q->end);
      json_builder_set_member_name (b, "parts");
      json_builder_begin_array (b);
      for (guint p = 0; p < q->n_parts; p++)
        {
          json_builder_begin_array (b);
          json_builder_add_int_value (b, q->parts[p][0]);
          json_builder_add_int_value (b, q->parts[p][1]);
          json_builder_end_array (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, q->text);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, px_quote_kind_to_string (q->kind));
      add_string_or_null (b, "speaker",
                          e->speaker != G_MAXUINT ? px_speaker_set_get_speaker (set, e->speaker)->name : NULL);
      add_string_or_null (b, "speaker_as_written", q->speaker_as_written);
      add_string_or_null (b, "role", q->role);
      add_string_or_null (b, "cue", q->cue);
      add_string_or_null (b, "organisation", q->organisation);
      json_builder_set_member_name (b, "group");
      json_builder_add_int_value (b, e->group);
      add_doc_or_null (b, c, "first_document", px_comparison_first_of_quote_group (c, e->group));
      json_builder_set_member_name (b, "drift");
      json_builder_begin_array (b);
      for (guint k = 0; drift[k] != NULL; k++)
        json_builder_add_string_value (b, drift[k]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "speakers");
  json_builder_begin_array (b);
  for (guint s = 0; s < px_speaker_set_get_n_speakers (set); s++)
    {
      const PxSpeaker *sp = px_speaker_set_get_speaker (set, s);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, sp->name);
      json_builder_set_member_name (b, "roles");
      json_builder_begin_array (b);
      for (guint k = 0; k < sp->roles->len; k++)
        json_builder_add_string_value (b, sp->roles->pdata[k]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "aliases");
      json_builder_begin_array (b);
      for (guint k = 0; k < sp->aliases->len; k++)
        json_builder_add_string_value (b, sp->aliases->pdata[k]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

JsonNode *
px_compare_to_json_node (PxComparison *comparison, gint64 event_id, const char *title)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, SCHEMA_VERSION);
  json_builder_set_member_name (b, "event");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, event_id);
  add_string_or_null (b, "title", title);
  json_builder_end_object (b);
  add_documents (b, comparison);
  add_claims (b, comparison);
  add_quotes (b, comparison);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
px_compare_to_json (PxComparison *comparison, gint64 event_id, const char *title, gboolean pretty)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  root = px_compare_to_json_node (comparison, event_id, title);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, pretty);
  return json_generator_to_data (gen, NULL);
}
