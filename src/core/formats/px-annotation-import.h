/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "annotations/px-anchor.h"
#include "library/px-store.h"

G_BEGIN_DECLS

/* One annotation read from a file, before it is anchored in a library. */
typedef struct
{
  char *id;           /* its IRI in the file, or "#N" (its place) */
  char *source;       /* the page it targets (URL or urn:parallax:text:HASH) */
  char *content_hash; /* Parallax's content hash of the article, when given */
  PxAnchorSelector selector;
  gboolean has_position;
  char *color; /* NULL: the default */
  GStrv tags;
  char *note;
  char *note_language;
  char *coder; /* NULL: unknown */
  char *created;
  char *modified;
} PxIncomingAnnotation;

void px_incoming_annotation_free (PxIncomingAnnotation *incoming);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxIncomingAnnotation, px_incoming_annotation_free)

/* Reads a W3C Web Annotation document (an AnnotationCollection with its
 * pages embedded, an AnnotationPage, one Annotation, or an array of them)
 * or a Hypothesis export (its client's {"annotations": […]} file, or the
 * API's rows). Returns PxIncomingAnnotation*; fails with
 * G_IO_ERROR_INVALID_DATA, saying why, when it is neither. */
GPtrArray *px_annotation_file_parse (const char *data, gsize length, GError **error);

typedef enum
{
  PX_IMPORT_IMPORTED,  /* anchored and stored */
  PX_IMPORT_DUPLICATE, /* the library already has it */
  PX_IMPORT_ORPHANED,  /* its passage was not found (stored as orphaned when its article is in the library) */
} PxAnnotationImportStatus;

typedef struct
{
  PxAnnotationImportStatus status;
  gint64 annotation_id; /* the stored highlight, or the one it duplicates (0 when its article is not in the library) */
  char *file_id;        /* its id in the file */
} PxAnnotationImportResult;

void px_annotation_import_result_free (PxAnnotationImportResult *result);
const char *px_annotation_import_status_to_string (PxAnnotationImportStatus status);

/* Anchors each annotation in its article (found by content hash, then by
 * URL) with the library's anchoring, and stores it with its colour, tags,
 * note, dates and coder (@coder, when not NULL, for all). A highlight the
 * library had before (same article, range, colour and coder) is not
 * stored twice. One transaction: all or nothing. Returns
 * PxAnnotationImportResult*, one per annotation, in order. */
GPtrArray *px_annotation_import (PxStore *store, GPtrArray *incoming, const char *coder, GError **error);

G_END_DECLS
