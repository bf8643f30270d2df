/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kind of one block of a document's clean text. */
typedef enum
{
  PX_BLOCK_PARAGRAPH,
  PX_BLOCK_HEADING,
  PX_BLOCK_LIST_ITEM,
  PX_BLOCK_QUOTE,
} PxBlockKind;

/* One block of clean text. Offsets are Unicode code points into the
 * document's text (as GtkTextIter counts them), end exclusive. */
typedef struct
{
  PxBlockKind kind;
  guint start;
  guint end;
} PxBlock;

#define PX_TYPE_DOCUMENT (px_document_get_type ())
G_DECLARE_FINAL_TYPE (PxDocument, px_document, PX, DOCUMENT, GObject)

PxDocument *px_document_new (void);

/* Identity in the store; 0 until stored. */
gint64 px_document_get_id (PxDocument *self);
void px_document_set_id (PxDocument *self, gint64 id);

const char *px_document_get_title (PxDocument *self);
void px_document_set_title (PxDocument *self, const char *title);
const char *px_document_get_outlet (PxDocument *self);
void px_document_set_outlet (PxDocument *self, const char *outlet);
/* Authors, several joined by ", " as a reader would write them. */
const char *px_document_get_author (PxDocument *self);
void px_document_set_author (PxDocument *self, const char *author);
/* ISO 8601 date (YYYY-MM-DD) or date-time; NULL when not known. */
const char *px_document_get_published (PxDocument *self);
void px_document_set_published (PxDocument *self, const char *published);
const char *px_document_get_url (PxDocument *self);
void px_document_set_url (PxDocument *self, const char *url);
/* BCP 47 language tag such as "en"; NULL when not known. */
const char *px_document_get_language (PxDocument *self);
void px_document_set_language (PxDocument *self, const char *language);
/* Where it was imported from (a path or URL) and by which importer. */
const char *px_document_get_source (PxDocument *self);
void px_document_set_source (PxDocument *self, const char *source);
const char *px_document_get_source_kind (PxDocument *self);
void px_document_set_source_kind (PxDocument *self, const char *kind);
/* How the importer found the text when it had to deviate from its usual
 * rules (for the import report); NULL normally. Not stored. */
const char *px_document_get_import_note (PxDocument *self);
void px_document_set_import_note (PxDocument *self, const char *note);
/* When it was imported into the library (ISO 8601, UTC), as the store
 * keeps it; NULL until stored. Where no publication date is known, this
 * is the only time it can be placed at (marked as an import time). */
const char *px_document_get_imported (PxDocument *self);
void px_document_set_imported (PxDocument *self, const char *imported);
/* The original bytes (for HTML re-extraction); may be NULL. */
GBytes *px_document_get_raw (PxDocument *self);
void px_document_set_raw (PxDocument *self, GBytes *raw);
gint64 px_document_get_event_id (PxDocument *self);
void px_document_set_event_id (PxDocument *self, gint64 event_id);

/* The clean text: blocks joined by "\n\n". */
const char *px_document_get_text (PxDocument *self);
/* Number of code points in the text. */
guint px_document_get_length (PxDocument *self);
guint px_document_get_n_blocks (PxDocument *self);
const PxBlock *px_document_get_block (PxDocument *self, guint index);
/* Index of the block containing @offset, or the last block before it. */
guint px_document_find_block (PxDocument *self, guint offset);

/* Builds the text from blocks: each call appends one block. Whitespace is
 * collapsed to single spaces and the block is trimmed; empty blocks are
 * skipped. Returns FALSE if the block was skipped. */
gboolean px_document_append_block (PxDocument *self, PxBlockKind kind, const char *text);
/* Replaces text and blocks at once (used by the store when loading). */
void px_document_set_content (PxDocument *self, const char *text, const PxBlock *blocks, guint n_blocks);

/* SHA-256 (hex) of the clean text and title, used to notice duplicates. */
char *px_document_compute_hash (PxDocument *self);

/* Serialization of blocks for storage: "p 0 120\nh 122 140\n…". */
char *px_blocks_serialize (const PxBlock *blocks, guint n_blocks);
GArray *px_blocks_parse (const char *serialized);

/* Returns a substring of the text by code-point offsets. */
char *px_document_get_slice (PxDocument *self, guint start, guint end);

G_END_DECLS
