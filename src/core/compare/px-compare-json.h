/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "compare/px-comparison.h"

G_BEGIN_DECLS

/* The comparison of an event as JSON, the output of `parallax compare
 * EVENT_ID --json` (schema in docs/compare-json.md). @title may be NULL.
 * Output is stable: same input, same bytes. */
JsonNode *px_compare_to_json_node (PxComparison *comparison, gint64 event_id, const char *title);
char *px_compare_to_json (PxComparison *comparison, gint64 event_id, const char *title, gboolean pretty);

G_END_DECLS
