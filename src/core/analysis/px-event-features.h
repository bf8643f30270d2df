/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "analysis/px-stemmer.h"
#include "model/px-document.h"

G_BEGIN_DECLS

typedef enum
{
  PX_TERM_WORD,   /* a content word's stem: "agreement" -> "agreement" */
  PX_TERM_ENTITY, /* a capitalised name, maybe several words: "@liang hua" */
  PX_TERM_NUMBER, /* a number as written, normalized: "#5", "#2019" */
} PxTermKind;

/* One term of a document with its count. @text is the key the event index
 * uses (stems as they are, entities prefixed "@", numbers "#"); @surface is
 * how the document wrote it the first time, for event titles; @hash is
 * px_hash_bytes() of @text, @len its length. The strings belong to the PxEventFeatures. */
typedef struct
{
  const char *text;
  const char *surface;
  PxTermKind kind;
  guint count;
  guint32 hash;
  guint32 len; /* of @text, in bytes */
} PxEventTerm;

/* What event grouping needs to know about one document: its term counts
 * and its date. Built once per document (e.g. at import, in a worker
 * thread) and handed to PxEventIndex; it holds no reference to the text. */
typedef struct
{
  gint64 document_id;
  /* Julian day of publication, or 0 when unknown. */
  guint32 day;
  GArray *terms; /* PxEventTerm, sorted by text */
  /*< private >*/
  char *strings; /* the terms' texts and surfaces */
} PxEventFeatures;

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
