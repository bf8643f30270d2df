/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Agency credits, copies between the articles of an event, and how the
 * claims count outlets with them (invented articles in
 * fixtures/provenance/). */
#include <string.h>

#include "compare/px-compare-json.h"
#include "compare-fixtures.h"
#include "compare/px-independent-outlets.h"
#include "import/px-import.h"
#include "provenance/px-agency.h"
#include "provenance/px-provenance.h"

enum
{
  ORIGINAL,
  SYNDICATED,
  INDEPENDENT,
  AGENCY,
};

/* The harbour event, in the order of the event list (by date string,
 * which is not the order of publication: the syndicated copy is listed
 * before the independent report, published in another time zone). */
static PxComparison *
harbour (void)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (docs, px_test_load_fixture ("provenance", "harbour-original", 21));
  g_ptr_array_add (docs, px_test_load_fixture ("provenance", "harbour-syndicated", 22));
  g_ptr_array_add (docs, px_test_load_fixture ("provenance", "harbour-independent", 23));
  g_ptr_array_add (docs, px_test_load_fixture ("provenance", "harbour-agency", 24));
  return px_comparison_new (docs, NULL);
}

/* The claim of @claims holding the sentence of @doc that contains
 * @needle. */
static const PxClaim *
claim_in (PxClaimSet *claims, PxComparison *c, guint doc, const char *needle, guint *index)
{
  PxTextUnits *u = px_comparison_get_units (c, doc);

  for (guint s = 0; s < px_text_units_get_n_sentences (u); s++)
    {
      g_autofree char *text = px_text_units_sentence_text (u, s, s);
      guint found;

      if (strstr (text, needle) != NULL && (found = px_claim_set_find (claims, doc, s)) != G_MAXUINT)
        {
          if (index != NULL)
            *index = found;
          return px_claim_set_get_claim (claims, found);
        }
    }
  g_assert_not_reached ();
}

static const PxClaim *
claim_with (PxComparison *c, guint doc, const char *needle, guint *index)
{
  return claim_in (px_comparison_get_claims (c), c, doc, needle, index);
}

static gboolean
contains (GArray *ids, guint id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, guint, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_agency_credits (void)
{
  g_assert_cmpstr (px_agency_credited ("LONDON (Reuters) - Prices rose.", NULL), ==, "Reuters");
  g_assert_cmpstr (px_agency_credited ("BERLIN (dpa) – Der Zug fuhr.", NULL), ==, "dpa");
  g_assert_cmpstr (px_agency_credited ("PARIS (AFP) — Le train.", NULL), ==, "AFP");
  g_assert_cmpstr (px_agency_credited ("The ferry left.\n\n— AP", NULL), ==, "AP");
  g_assert_cmpstr (px_agency_credited ("The ferry left.\n\nSource: Xinhua", NULL), ==, "Xinhua");
  g_assert_cmpstr (px_agency_credited ("The ferry left.", "By Jo Hart, PA Media"), ==, "PA Media");
  g_assert_cmpstr (px_agency_from_name ("The Associated Press"), ==, "AP");
  g_assert_cmpstr (px_agency_from_name ("Agence France-Presse"), ==, "AFP");
  /* Not credits: an interview, a word that looks like an acronym, a
   * syndication byline naming no agency. */
  g_assert_null (
      px_agency_credited ("The minister said in an interview with Reuters on Monday that prices rose.", NULL));
  g_assert_null (px_agency_credited ("The map (ap) showed it.", NULL));
  g_assert_null (px_agency_credited ("The ferry left.", "By Staff, Syndicated Wire"));
  g_assert_null (px_agency_from_name ("Apex News"));
  g_assert_null (px_agency_from_name (NULL));
}

/* A syndication byline under the headline of a plain text names no
 * outlet: it ends in "Wire", as outlets' names do, but it is a byline. */
static void
test_syndication_byline (void)
{
  static const char text[] = "Storm topples giant crane at Velmora port\n\n"
                             "By Staff, Syndicated Wire\n\n"
                             "A container crane at the port of Velmora toppled on Sunday night as gusts of up to 140 "
                             "kilometres an hour swept the coast, the harbour authority said.\n\n"
                             "No one was injured, but the crane fell across two berths and crushed a warehouse roof, "
                             "according to port director Tomas Eskel.\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_import_bytes (bytes, "crane.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (doc), ==, "Storm topples giant crane at Velmora port");
  g_assert_null (px_document_get_outlet (doc));
  g_assert_true (g_str_has_prefix (px_document_get_text (doc), "A container crane"));
}

static void
test_syndicated_copy (void)
{
  g_autoptr (PxComparison) c = harbour ();
  PxProvenance *p = px_comparison_get_provenance (c);
  const PxSentenceProvenance *s;

  /* Published 07:15+01:00, 09:05+00:00 (10:05+01:00), 11:40+01:00, and a
   * date only the day after. */
  g_assert_cmpuint (px_provenance_get_rank (p, ORIGINAL), ==, 0);
  g_assert_cmpuint (px_provenance_get_rank (p, INDEPENDENT), ==, 1);
  g_assert_cmpuint (px_provenance_get_rank (p, SYNDICATED), ==, 2);
  g_assert_cmpuint (px_provenance_get_rank (p, AGENCY), ==, 3);

  /* A new headline and one verb changed: still a copy of the original,
   * and the original a copy of nothing. */
  g_assert_cmpuint (px_provenance_get_copy_of (p, SYNDICATED), ==, ORIGINAL);
  g_assert_cmpuint (px_provenance_get_copy_of (p, ORIGINAL), ==, G_MAXUINT);
  g_assert_cmpuint (px_provenance_get_copy_of (p, INDEPENDENT), ==, G_MAXUINT);
  g_assert_cmpfloat (px_provenance_get_share (p, ORIGINAL, PX_PROVENANCE_ORIGINAL), ==, 1.0);
  g_assert_cmpfloat (px_provenance_get_share (p, SYNDICATED, PX_PROVENANCE_COPIED), >, 0.9);
  g_assert_cmpfloat (px_provenance_get_share (p, SYNDICATED, PX_PROVENANCE_ORIGINAL), <, 0.1);
  /* The changed verb ("toppled") does not hide the copied sentence. */
  s = px_provenance_get_sentence (p, SYNDICATED, 0);
  g_assert_cmpint (s->kind, ==, PX_PROVENANCE_COPIED);
  g_assert_cmpuint (s->source, ==, ORIGINAL);

  /* Quoting the same words is no copying: the independent report's
   * sentence with the shared quotation is its own. */
  g_assert_cmpfloat (px_provenance_get_share (p, INDEPENDENT, PX_PROVENANCE_ORIGINAL), ==, 1.0);

  /* A Reuters dateline: agency copy, though Reuters' text is not here. */
  g_assert_cmpstr (px_provenance_get_agency (p, AGENCY), ==, "Reuters");
  g_assert_cmpfloat (px_provenance_get_share (p, AGENCY, PX_PROVENANCE_AGENCY), ==, 1.0);
  g_assert_null (px_provenance_get_agency (p, SYNDICATED));
}

static void
test_outlets_counted (void)
{
  g_autoptr (PxComparison) c = harbour ();
  PxClaimSet *claims = px_comparison_get_claims (c);
  const PxClaim *claim;
  guint index;
  g_autoptr (GArray) only = px_claim_set_only_here (claims, ORIGINAL);
  g_autoptr (GArray) only_copy = px_claim_set_only_here (claims, SYNDICATED);
  g_autoptr (GArray) missing = px_claim_set_missing_here (claims, INDEPENDENT);

  /* In two articles, one a copy of the other: one outlet. */
  claim = claim_with (c, ORIGINAL, "crushed a warehouse roof", &index);
  g_assert_cmpuint (claim->n_documents, ==, 2);
  g_assert_cmpuint (claim->n_outlets, ==, 1);
  g_assert_cmpuint (claim->origin, ==, ORIGINAL);
  /* So the original alone reports it, and the others do not leave out
   * what two outlets report. */
  g_assert_true (contains (only, index));
  g_assert_false (contains (only_copy, index));
  g_assert_false (contains (missing, index));

  /* The quotation the independent report has too: two outlets, three
   * articles; ordered before the claims of one outlet. */
  claim = claim_with (c, INDEPENDENT, "eighteen times higher", &index);
  g_assert_cmpuint (claim->n_documents, ==, 3);
  g_assert_cmpuint (claim->n_outlets, ==, 2);
  for (guint k = 0; k < index; k++)
    g_assert_cmpuint (px_claim_set_get_claim (claims, k)->n_outlets, >=, 2);
}

/* Both articles copy the independent report (as if it had been their
 * source for every sentence). */
static guint
from_independent (guint doc, guint first, guint last, gpointer user_data)
{
  return doc == ORIGINAL || doc == SYNDICATED ? INDEPENDENT : doc;
}

/* Two copies of one source count as one outlet even when the source does
 * not hold the claim; the claim's origin is then a document it holds. */
static void
test_copies_without_source (void)
{
  g_autoptr (PxComparison) c = harbour ();
  g_autoptr (PxClaimSet) claims =
      px_claim_set_new_full (px_comparison_get_alignment (c), 0, NULL, from_independent, NULL);
  guint index;
  const PxClaim *claim;
  g_autoptr (GArray) only = NULL;

  /* The same claim as in outlets-counted: the original and its copy. */
  claim = claim_in (claims, c, ORIGINAL, "crushed a warehouse roof", &index);
  g_assert_cmpuint (claim->n_documents, ==, 2);
  g_assert_false (px_claim_set_covers (claims, index, INDEPENDENT));
  g_assert_cmpuint (claim->n_outlets, ==, 1);
  g_assert_true (claim->origin == ORIGINAL || claim->origin == SYNDICATED);
  only = px_claim_set_only_here (claims, claim->origin);
  g_assert_true (contains (only, index));
}

static void
test_json (void)
{
  g_autoptr (PxComparison) c = harbour ();
  g_autofree char *json = px_compare_to_json (c, 3, "Crane", FALSE);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *docs, *claims;
  JsonObject *root, *synd;
  gboolean seen_copied = FALSE, seen_first = FALSE;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  docs = json_object_get_array_member (root, "documents");
  synd = json_array_get_object_element (docs, SYNDICATED);
  g_assert_cmpint (json_object_get_int_member (synd, "copy_of"), ==, 21);
  g_assert_cmpfloat (json_object_get_double_member (synd, "original_share"), <, 0.1);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (docs, ORIGINAL), "copy_of"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (docs, AGENCY), "agency"), ==,
                   "Reuters");

  claims = json_object_get_array_member (root, "claims");
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *claim = json_array_get_object_element (claims, i);
      JsonArray *passages = json_object_get_array_member (claim, "passages");

      g_assert_true (json_object_has_member (claim, "n_outlets"));
      for (guint k = 0; k < json_array_get_length (passages); k++)
        {
          JsonObject *passage = json_array_get_object_element (passages, k);
          const char *kind = json_object_get_string_member (passage, "provenance");

          if (g_strcmp0 (kind, "copied") == 0)
            {
              g_assert_cmpint (json_object_get_int_member (passage, "document"), ==, 22);
              g_assert_cmpint (json_object_get_int_member (passage, "source_document"), ==, 21);
              seen_copied = TRUE;
            }
          else
            g_assert_true (g_strcmp0 (kind, "original") == 0 || g_strcmp0 (kind, "agency") == 0);
        }
      /* The quotation was first in the original (07:15+01:00). */
      if (json_object_get_int_member (claim, "n_documents") == 3)
        {
          g_assert_cmpint (json_object_get_int_member (claim, "first_document"), ==, 21);
          seen_first = TRUE;
        }
    }
  g_assert_true (seen_copied);
  g_assert_true (seen_first);
}

/* The "first_document" of the JSON's quotes whose text holds @needle
 * (three, one group, all naming the same first report). */
static gint64
json_quote_first (JsonObject *root, const char *needle)
{
  JsonArray *quotes = json_object_get_array_member (root, "quotes");
  gint64 first = -1, group = -1;
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (quotes); i++)
    {
      JsonObject *q = json_array_get_object_element (quotes, i);
      if (strstr (json_object_get_string_member (q, "text"), needle) == NULL)
        continue;
      if (group < 0)
        group = json_object_get_int_member (q, "group");
      g_assert_cmpint (json_object_get_int_member (q, "group"), ==, group);
      if (first < 0)
        first = json_object_get_int_member (q, "first_document");
      g_assert_cmpint (json_object_get_int_member (q, "first_document"), ==, first);
      n++;
    }
  g_assert_cmpuint (n, ==, 3);
  return first;
}

/* The first report of a quotation three outlets carry: by publication
 * time with its offset, not by the order of the event, in the core, the
 * JSON and the cached comparison the panel reads. */
static void
test_quote_first_report (void)
{
  const char *names[] = { "harbour-independent", "harbour-syndicated", "harbour-original" };
  const char *needle = "eighteen times higher";

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (PxComparison) c = NULL;
      g_autoptr (PxEventComparison) cmp = NULL;
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      g_autofree char *json = NULL;
      PxSpeakerSet *set;
      guint group = G_MAXUINT, seen = 0;
      /* Round 0: the original (06:15 UTC) first; round 1: the original
       * moved to 11:00 UTC, after the independent report (09:05 UTC). */
      guint expected = round == 0 ? 2 : 0;

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        g_ptr_array_add (docs, px_test_load_fixture ("provenance", names[k], 31 + k));
      if (round == 1)
        px_document_set_published (docs->pdata[2], "2026-03-02T12:00:00+01:00");
      c = px_comparison_new (docs, NULL);

      set = px_comparison_get_speakers (c);
      for (guint e = 0; e < px_speaker_set_get_n_entries (set); e++)
        if (strstr (px_speaker_set_get_entry (set, e)->quote->text, needle) != NULL)
          group = px_speaker_set_get_entry (set, e)->group;
      g_assert_cmpuint (group, !=, G_MAXUINT);
      g_assert_cmpuint (px_comparison_first_of_quote_group (c, group), ==, expected);
      g_assert_cmpuint (px_comparison_first_of_quote_group (c, px_speaker_set_get_n_groups (set)), ==, G_MAXUINT);

      json = px_compare_to_json (c, 5, NULL, FALSE);
      json_parser_load_from_data (parser, json, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (json_quote_first (json_node_get_object (json_parser_get_root (parser)), needle), ==,
                       31 + expected);

      cmp = px_event_comparison_new (c, 5, NULL);
      for (guint i = 0; i < px_event_comparison_get_n_quotes (cmp); i++)
        {
          const PxCompareQuote *q = px_event_comparison_get_quote (cmp, i);
          if (q->group == group)
            {
              g_assert_cmpuint (q->first_document, ==, expected);
              seen++;
            }
        }
      g_assert_cmpuint (seen, ==, 3);
    }
}

/* "Not reported by" in the Passage view: the syndicated copy stands for
 * no outlet of its own (its source does), the others stand for
 * themselves. */
static void
test_independent_document (void)
{
  g_autoptr (PxComparison) c = harbour ();
  g_autoptr (PxEventComparison) cmp = px_event_comparison_new (c, 5, "Harbour");

  g_assert_cmpuint (px_compare_independent_document (cmp, SYNDICATED), ==, ORIGINAL);
  g_assert_cmpuint (px_compare_independent_document (cmp, ORIGINAL), ==, ORIGINAL);
  g_assert_cmpuint (px_compare_independent_document (cmp, INDEPENDENT), ==, INDEPENDENT);
  g_assert_cmpuint (px_compare_independent_document (cmp, AGENCY), ==, AGENCY);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/provenance/agency-credits", test_agency_credits);
  g_test_add_func ("/provenance/syndication-byline", test_syndication_byline);
  g_test_add_func ("/provenance/syndicated-copy", test_syndicated_copy);
  g_test_add_func ("/provenance/outlets-counted", test_outlets_counted);
  g_test_add_func ("/provenance/copies-without-source", test_copies_without_source);
  g_test_add_func ("/provenance/json", test_json);
  g_test_add_func ("/provenance/independent-document", test_independent_document);
  g_test_add_func ("/provenance/quote-first-report", test_quote_first_report);
  return g_test_run ();
}
