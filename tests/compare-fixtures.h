/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "documents/px-document.h"

G_BEGIN_DECLS

/* Loads an invented article of the comparison fixtures and gold set:
 * "key: value" header lines (title, outlet, published, language, author),
 * a blank line, then paragraphs separated by blank lines. The document id
 * is @id. */
PxDocument *px_test_load_article (const char *path, gint64 id, GError **error);
/* The same for fixtures/compare/@name.txt of the test sources; fails the
 * test when it cannot be read. */
PxDocument *px_test_load_compare_fixture (const char *name, gint64 id);
/* The same for fixtures/@folder/@name.txt. */
PxDocument *px_test_load_fixture (const char *folder, const char *name, gint64 id);

G_END_DECLS
