/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "annotations/px-annotation.h"
#include "documents/px-document.h"
#include "library/px-store.h"

G_BEGIN_DECLS

/* What an export covers, as the command line names it. */
typedef enum
{
  PX_FORMAT_SCOPE_DOCUMENT,
  PX_FORMAT_SCOPE_EVENT,
  PX_FORMAT_SCOPE_TAG,
  PX_FORMAT_SCOPE_ALL,
} PxFormatScopeKind;

typedef struct
{
  PxFormatScopeKind kind;
  gint64 id;       /* document or event */
  const char *tag; /* for PX_FORMAT_SCOPE_TAG */
} PxFormatScope;

/* The documents of a scope with their highlights, the coders who made
 * them and the codebook: what every exchange format reads. */
typedef struct
{
  char *title;            /* the event's or tag's name, the article's title, "Library" */
  GPtrArray *documents;   /* PxDocument*, by event, date, title (as the library lists them) */
  GPtrArray *annotations; /* for each document, a GPtrArray of its PxAnnotation* in text order */
  GPtrArray *accessed;    /* for each document, when it was imported (char *, ISO 8601) */
  GHashTable *coders;     /* highlight id (gint64 *) → coder's name */
  GPtrArray *colors;      /* PxColorInfo*, swatch order */
  GPtrArray *tags;        /* PxTagInfo*, by name */
} PxFormatSet;

/* Loads a scope. A tag scope keeps the highlights with that tag (ignoring
 * case) and the documents that have one; an unknown tag, document or
 * event fails with PX_STORE_ERROR_NOT_FOUND. */
PxFormatSet *px_format_set_load (PxStore *store, const PxFormatScope *scope, GError **error);
void px_format_set_free (PxFormatSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxFormatSet, px_format_set_free)

/* The coder of a highlight of @set ("" when unknown). */
const char *px_format_set_get_coder (const PxFormatSet *set, PxAnnotation *annotation);
/* The meaning of a colour ("" when none). */
const char *px_format_set_get_meaning (const PxFormatSet *set, const char *color);
/* Whether two tag names are the same tag (the codebook ignores case). */
gboolean px_format_tag_equal (const char *a, const char *b);
/* Number of highlights in @set. */
guint px_format_set_count_annotations (const PxFormatSet *set);

G_END_DECLS
