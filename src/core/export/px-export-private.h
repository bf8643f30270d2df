/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "export/px-export.h"

G_BEGIN_DECLS

/* Shared by the exports (px-export-*.c): the article's parts, so that an
 * event, a tag and a library are written the same way as one article. */

/* Colour name → meaning ("" when none), from PxColorInfo*; @colors may be
 * NULL. */
GHashTable *_px_export_meanings_new (GPtrArray *colors);

/* The annotations @options accept, in the order they ask for (a new array
 * holding references). */
GPtrArray *_px_export_select (GPtrArray *annotations, const PxExportOptions *options);

/* "Yellow" for "yellow": English, whatever the locale. */
char *_px_export_color_title (const char *color);

/* A heading of @level with @text (escaped). */
void _px_export_append_heading (GString *out, guint level, const char *text);

/* Front matter. */
void _px_export_yaml_begin (GString *out);
void _px_export_yaml_string (GString *out, const char *key, const char *value);
void _px_export_yaml_list (GString *out, const char *key, const char *const *values, guint n_values);
void _px_export_yaml_int (GString *out, const char *key, gint64 value);
void _px_export_yaml_end (GString *out);
/* The distinct tags of @annotations, sorted (ignoring case). */
GPtrArray *_px_export_collect_tags (GPtrArray *annotations);

/* "*Outlet · Author · 4 June 2019* · <url>" and a blank line; nothing when
 * the document has none of these. */
void _px_export_append_citation (GString *out, PxDocument *document);

/* The highlights (already selected and ordered), colour groups under
 * headings of @level when ordered by colour. */
void _px_export_append_highlights (GString *out, PxDocument *document, GPtrArray *selected, GHashTable *meanings,
                                   const PxExportOptions *options, guint level);
/* The text with the highlights of @selected marked ==like this==. */
void _px_export_append_full_text (GString *out, PxDocument *document, GPtrArray *selected, guint level);

/* "¶3" or "¶3–4" for [start, end) of @document's text. */
char *_px_export_paragraph_label (PxDocument *document, guint start, guint end);

G_END_DECLS
