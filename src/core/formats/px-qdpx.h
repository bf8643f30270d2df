/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "formats/px-format-set.h"

G_BEGIN_DECLS

/* REFI-QDA project exchange (docs/refi-qda.md): a .qdpx file is a zip
 * archive with project.qde (XML, namespace urn:QDA-XML:project:1.0) and
 * the sources' plain text under sources/. Parallax writes each article as
 * a TextSource, its highlights as PlainTextSelections (code-point
 * offsets) with a Coding per code, the coders as Users, and a codebook of
 * two parent codes: the colours (with their meanings) and the tags. */

#define PX_QDPX_NAMESPACE "urn:QDA-XML:project:1.0"

/* The project.qde document alone, with @source_paths filled with, for
 * each document of @set, the name of its text inside the archive. */
char *px_qdpx_project_xml (const PxFormatSet *set, GPtrArray *source_paths);

/* Writes the whole .qdpx archive to @path. */
gboolean px_qdpx_write (const PxFormatSet *set, const char *path, GError **error);

G_END_DECLS
