/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "compare/px-comparison.h"

G_BEGIN_DECLS

/* Bump whenever the analysis would give different results for the same
 * documents, or the cached form changes: older cache entries are then
 * ignored. */
#define PX_EVENT_COMPARISON_VERSION "compare-cache 7"

/* What the Compare panel and `parallax compare` show for one event, in a
 * form that can be cached: the comparison JSON (docs/compare-json.md) and
 * each sentence's best match in every other document with its word diff.
 * Built from a PxComparison in a worker thread, or read back from the
 * cache; immutable, so it may be handed to the UI thread. Documents are
 * addressed by index, in the order of the event (date, then id). */
#define PX_TYPE_EVENT_COMPARISON (px_event_comparison_get_type ())
G_DECLARE_FINAL_TYPE (PxEventComparison, px_event_comparison, PX, EVENT_COMPARISON, GObject)

typedef struct
{
  guint start;
  guint end;
} PxSpan;

typedef struct
{
  gint64 id;
  char *title;
  char *outlet;
  char *published;
  /* Where it came from, short: a web page's host ("example.org"), a file's
   * name; NULL if unknown. For naming a document without outlet or title. */
  char *source_name;
  guint length;
  guint copy_of;         /* index of the document it copies, or G_MAXUINT */
  double original_share; /* share of its words it wrote itself, 0…1 */
  GArray *only_here;     /* guint claim indices */
  GArray *missing_here;  /* guint claim indices, omissions to trust */
  GArray *maybe_here;    /* guint claim indices with only a weaker candidate */
  GArray *sentences;     /* PxSpan */
} PxCompareDocument;

/* One outlet's wording of a claim. */
typedef struct
{
  guint doc;
  guint start;
  guint end;
  char *text;
  PxMatchLabel label;
  double score;
  gboolean reference;
  PxProvenanceKind provenance;
  guint source; /* index of the document it was copied from, or G_MAXUINT */
} PxComparePassage;

typedef struct
{
  guint id;
  guint n_documents;
  guint n_outlets;      /* independent ones: copies not counted */
  guint first_document; /* index of the first to publish it */
  GArray *passages;     /* PxComparePassage, by document */
  GArray *maybe;        /* PxComparePassage: weaker candidates of other documents */
} PxCompareClaim;

typedef struct
{
  guint doc;
  guint start;
  guint end;
  char *text;
  PxQuoteKind kind;
  guint speaker; /* index, or G_MAXUINT when unknown */
  char *speaker_as_written;
  char *role;
  char *cue;
  char *organisation; /* of a descriptive speaker, or NULL */
  guint group;
  guint first_document; /* index of the first to publish its group, or G_MAXUINT */
  guint drift;          /* PxDriftFlags */
} PxCompareQuote;

typedef struct
{
  char *name;
  GStrv roles;
  GStrv aliases;
} PxCompareSpeaker;

/* The best match of one sentence in another document: @start/@end in
 * that document, @diff (PxDiffOp) with side A the sentence and side B the
 * match. Only matches better than PX_MATCH_NONE are kept. */
typedef struct
{
  guint other;
  guint start;
  guint end;
  PxMatchLabel label;
  double score;
  double ratio;
  GArray *diff;
} PxCompareMatch;

/* Builds it from a finished comparison; @documents are the comparison's
 * documents (kept for their text). */
PxEventComparison *px_event_comparison_new (PxComparison *comparison, gint64 event_id, const char *title);
/* Reads it back from px_event_comparison_serialize(); the @documents
 * (PxDocument*) must be those it was made from, in the same order. */
PxEventComparison *px_event_comparison_deserialize (GBytes *bytes, GPtrArray *documents, gint64 event_id,
                                                    const char *title, GError **error);
GBytes *px_event_comparison_serialize (PxEventComparison *self);

gint64 px_event_comparison_get_event_id (PxEventComparison *self);
const char *px_event_comparison_get_title (PxEventComparison *self);
/* The JSON of `parallax compare --json` (docs/compare-json.md). */
JsonNode *px_event_comparison_get_json (PxEventComparison *self);
char *px_event_comparison_to_json (PxEventComparison *self, gboolean pretty);

guint px_event_comparison_get_n_documents (PxEventComparison *self);
const PxCompareDocument *px_event_comparison_get_document (PxEventComparison *self, guint index);
PxDocument *px_event_comparison_get_source (PxEventComparison *self, guint index);
/* Index of the document with store id @id, or G_MAXUINT. */
guint px_event_comparison_find_document (PxEventComparison *self, gint64 id);
/* Text of a span of document @index, newly allocated. */
char *px_event_comparison_slice (PxEventComparison *self, guint index, guint start, guint end);

/* The sentence of document @doc that holds code point @offset (or the
 * nearest one before it), G_MAXUINT if there is none. */
guint px_event_comparison_find_sentence (PxEventComparison *self, guint doc, guint offset);
/* The matches of a sentence (PxCompareMatch, at most one per other
 * document, in document order). Never NULL. */
GArray *px_event_comparison_get_matches (PxEventComparison *self, guint doc, guint sentence);

guint px_event_comparison_get_n_claims (PxEventComparison *self);
const PxCompareClaim *px_event_comparison_get_claim (PxEventComparison *self, guint index);
/* The passage of @doc in claim @index, or NULL. */
const PxComparePassage *px_event_comparison_claim_passage (PxEventComparison *self, guint index, guint doc);
/* The weaker candidate passage of @doc for claim @index ("Maybe"), or NULL
 * when @doc reports the claim or has nothing near it. */
const PxComparePassage *px_event_comparison_claim_maybe (PxEventComparison *self, guint index, guint doc);

guint px_event_comparison_get_n_quotes (PxEventComparison *self);
const PxCompareQuote *px_event_comparison_get_quote (PxEventComparison *self, guint index);
guint px_event_comparison_get_n_speakers (PxEventComparison *self);
const PxCompareSpeaker *px_event_comparison_get_speaker (PxEventComparison *self, guint index);

G_END_DECLS
