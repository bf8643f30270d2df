/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "formats/px-format-set.h"

G_BEGIN_DECLS

/* Agreement between the coders of a library, code by code
 * (docs/agreement.md). The units are the sentences of the articles. A
 * coder who made at least one highlight in an article has coded all of
 * its sentences: a sentence they did not mark with a code is "absent" for
 * them. A coder who made none in an article did not code it: their values
 * there are missing, not "absent". Sentences that every coder who saw them
 * left without the code are counted apart (uncoded), since they agree on
 * absence and raise alpha and kappa. */

typedef struct
{
  char *coder_a;
  char *coder_b;
  double kappa; /* NAN when not defined */
  guint units;  /* sentences both coded */
} PxAgreementPair;

typedef struct
{
  gint64 document_id;
  char *title;
  guint start; /* the sentence, in code points of the article's text */
  guint end;
  char *sentence;
  GStrv with_code;    /* coders who marked it with the code */
  GStrv without_code; /* coders who coded the article but not this sentence */
} PxDisagreement;

typedef struct
{
  char *code;         /* "tag:NAME" or "color:NAME" */
  guint units;        /* sentences with two values or more */
  guint coders;       /* coders with a value for at least one of them */
  guint uncoded;      /* of @units, those that no coder marked with the code */
  double alpha;       /* Krippendorff's alpha (nominal); NAN when not defined */
  GPtrArray *pairs;   /* PxAgreementPair*, one per pair of coders */
  GPtrArray *differs; /* PxDisagreement*, in article and text order */
} PxAgreementCode;

typedef struct
{
  GStrv coders;     /* every coder of the scope, by name */
  GPtrArray *codes; /* PxAgreementCode* */
} PxAgreementReport;

void px_agreement_report_free (PxAgreementReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxAgreementReport, px_agreement_report_free)

/* Agreement on the articles of @scope (a document, an event or all; a
 * tag scope is refused) for the tag @tag, or the colour @color, or, when
 * both are NULL, for every tag and colour used there. An unknown tag or
 * colour fails with PX_STORE_ERROR_NOT_FOUND. */
PxAgreementReport *px_agreement_compute (PxStore *store, const PxFormatScope *scope, const char *tag, const char *color,
                                         GError **error);

/* The same for every tag and colour, in a worker thread with a connection
 * of its own to the library at @library_path (read-only). */
void px_agreement_compute_async (const char *library_path, const PxFormatScope *scope, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
PxAgreementReport *px_agreement_compute_finish (GAsyncResult *result, GError **error);

G_END_DECLS
