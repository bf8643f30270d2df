/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "compare/px-comparison.h"
#include "export/px-export-options.h"
#include "annotations/px-annotation.h"
#include "documents/px-document.h"
#include "library/px-store.h"

G_BEGIN_DECLS

/* Markdown export: CommonMark with YAML front matter, the same bytes for
 * the same library and language (docs/markdown-export.md describes the
 * format). Headings and table columns follow the user's language; the
 * other words the export writes (match words, month names…) are English
 * whatever the locale. */

/* From values in memory (no store): what the window copies and previews. */

/* One highlight: its quote as a block quote, a line with its source,
 * paragraph, colour (with @color_meaning, may be NULL) and tags, then its
 * note. @document may be NULL. "Copy as Markdown". */
char *px_export_annotation_markdown (PxAnnotation *annotation, PxDocument *document, const char *color_meaning);

/* One article: front matter, heading, citation, the highlights of
 * @annotations (PxAnnotation*, any order) that @options accept, and the
 * text when asked. @colors holds PxColorInfo* (meanings; may be NULL).
 * @event_title may be NULL. */
char *px_export_article (PxDocument *document, GPtrArray *annotations, GPtrArray *colors, const char *event_title,
                         const PxExportOptions *options);

/* One event: front matter, the outlets, each claim with every outlet's
 * wording, what only one outlet reported, quotes by speaker, then each
 * article's highlights. @annotations holds, for each document of
 * @comparison (same order), a GPtrArray of its PxAnnotation*. */
char *px_export_event (gint64 event_id, const char *title, PxComparison *comparison, GPtrArray *annotations,
                       GPtrArray *colors, const PxExportOptions *options);

/* From a library. Each is a blocking call: run it in a worker thread with
 * its own PxStore when the window asks. */

char *px_export_document_from_store (PxStore *store, gint64 document_id, const PxExportOptions *options,
                                     GError **error);
/* Builds the event's comparison, then exports it. */
char *px_export_event_from_store (PxStore *store, gint64 event_id, const PxExportOptions *options, GError **error);
/* Every highlight tagged @tag (ignoring case) across the library, grouped
 * by document. Fails with PX_STORE_ERROR_NOT_FOUND for an unknown tag. */
char *px_export_tag_from_store (PxStore *store, const char *tag, const PxExportOptions *options, GError **error);
/* The whole library into @dir (created if needed): one file per article,
 * named after its title, plus index.md linking them. Existing files of
 * those names are replaced (atomically); nothing else in @dir is touched.
 * A damaged library exports what can be read: articles that cannot are
 * listed in the index under "Could not be read". Returns the paths
 * written, index last, or NULL with @error set. */
GPtrArray *px_export_library_to_dir (PxStore *store, const char *dir, const PxExportOptions *options,
                                     GCancellable *cancellable, GError **error);

/* A file name for an export of @title: sanitized, with ".md". */
char *px_export_file_name (const char *title, const char *fallback);

G_END_DECLS
