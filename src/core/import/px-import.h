/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "import/px-importer.h"

G_BEGIN_DECLS

/* Files larger than this are refused before they are read. */
#define PX_IMPORT_MAX_BYTES (64 * 1024 * 1024)
/* An article's clean text is at most 4 MB (some 600,000 words) in at most
 * 50,000 paragraphs; a text or Markdown file, being its own text, at most
 * 4 MB. Larger ones are refused with a clear message, before they are
 * parsed when they can be, so that no accepted article needs more than a
 * few hundred MB of memory (README, Limits). */
#define PX_IMPORT_MAX_TEXT_BYTES (4 * 1024 * 1024)
#define PX_IMPORT_MAX_BLOCKS 50000
/* An HTML page has at most this many start tags: the parser keeps every
 * element (some 600 bytes each), so a 64 MB page of markup would need
 * gigabytes. Counted before parsing. */
#define PX_IMPORT_MAX_ELEMENTS 250000

/* Picks the importer that fits the data best and runs it. Checks for
 * empty and binary data first, so importers only see text-like bytes. */
PxDocument *px_import_bytes (GBytes *data, const char *name, const char *content_type, GError **error);

/* Reads one file (with the size limit) and imports it. */
PxDocument *px_import_file (GFile *file, GCancellable *cancellable, GError **error);

/* Whether a file of this name, found inside a folder, is imported: named as
 * text, Markdown or HTML, or without an extension. */
gboolean px_import_name_is_article (const char *name);

/* Expands folders (recursively, following links without looping,
 * skipping hidden files, a saved page's "_files" folders and files
 * px_import_name_is_article() turns down) into the list of files to
 * import, sorted by path. Files given directly are kept whatever their
 * name. A folder that cannot be read, or a broken link, adds a failed
 * PxImportResult to @problems and the rest is collected; only
 * cancelling fails. */
GPtrArray *px_import_collect_files (GFile *const *roots, guint n_roots, GPtrArray *problems, GCancellable *cancellable,
                                    GError **error);

/* Registers an importer; the built-in ones are registered on first use. */
void px_import_register (PxImporter *importer);

/* TRUE if the bytes look like text rather than a binary format. */
gboolean px_import_looks_binary (const guint8 *data, gsize len);

G_END_DECLS
