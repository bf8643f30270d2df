/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "text/px-stemmer.h"
#include "documents/px-document.h"

G_BEGIN_DECLS

typedef enum
{
  PX_TERM_WORD,   /* a content word's stem: "agreement" -> "agreement" */
  PX_TERM_ENTITY, /* a capitalised name, maybe several words: "@liang hua" */
  PX_TERM_NUMBER, /* a number as written, normalized: "#5", "#2019" */
} PxTermKind;

/* One term of a document with its count: 16 bytes, as a batch of ten
 * thousand documents holds a million and a half of them. Its key (stems
 * as they are, entities prefixed "@", numbers "#") is at @text in the
 * features' strings, NUL-terminated, @len bytes, with @hash its
 * px_hash_bytes(); the event index uses the key. The surface, how the
 * document wrote the term the first time (for event titles), follows the
 * key's NUL, or is empty there when it is the key itself. Read both with
 * px_event_term_get_text() and px_event_term_get_surface(). */
#define PX_EVENT_TERM_MAX_LEN ((1u << 30) - 1)

typedef struct
{
  guint32 text; /* offset into PxEventFeatures.strings */
  guint32 hash;
  guint32 count;
  guint32 len : 30;
  guint32 kind : 2; /* PxTermKind */
} PxEventTerm;

/* What event grouping needs to know about one document: its term counts
 * and its date. Built once per document (e.g. at import, in a worker
 * thread) and handed to PxEventIndex; it holds no reference to the text.
 * One piece of memory holds it all: with a stemmer of the caller's, a
 * piece of a block the stemmer's thread shares with the features it built
 * before (PxBlockPool); free it from any thread. */
typedef struct
{
  gint64 document_id;
  /* Julian day of publication, or 0 when unknown. */
  guint32 day;
  guint n_terms;
  const PxEventTerm *terms; /* sorted by key */
  const char *strings;      /* the terms' keys and surfaces */
  /*< private >*/
  gpointer block; /* the PxBlockPool block holding it, or NULL */
} PxEventFeatures;

static inline const char *
px_event_term_get_text (const PxEventFeatures *features, const PxEventTerm *term)
{
  return features->strings + term->text;
}

static inline const char *
px_event_term_get_surface (const PxEventFeatures *features, const PxEventTerm *term)
{
  const char *surface = features->strings + term->text + term->len + 1;
  return *surface != '\0' ? surface : features->strings + term->text;
}

/* Extracts the terms of a title and a clean text. Title words count
 * twice: a headline says what the story is about. Entities are runs of
 * capitalised words (a sentence's first word, or a word of a title-case
 * headline or an all-capitals stretch, only if the document capitalises it
 * elsewhere too), so "Liang Hua" and "Huawei" become terms of their own
 * besides their stems; a possessive ends a name and is dropped
 * ("Huawei's" -> "@huawei"). @published is an ISO 8601 date or NULL. */
PxEventFeatures *px_event_features_new (gint64 document_id, const char *title, const char *text, const char *language,
                                        const char *published, PxStemmer *stemmer);
PxEventFeatures *px_event_features_new_for_document (PxDocument *document, PxStemmer *stemmer);
void px_event_features_free (PxEventFeatures *self);

/* Julian day of an ISO 8601 date ("2019-06-18", "2019-06-18T09:00Z"), or 0
 * when @iso is NULL or not a date. */
guint32 px_parse_day (const char *iso);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxEventFeatures, px_event_features_free)

G_END_DECLS
