/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "formats/px-format-set.h"

G_BEGIN_DECLS

/* The exchange formats besides Markdown, for the command line and the
 * Export dialog alike: each writes a PxFormatSet as text, or (an archive)
 * as a file of its own. */
typedef struct
{
  const char *name;      /* as --format takes it: "w3c" */
  const char *label;     /* for people, marked with N_() */
  const char *extension; /* ".jsonld" */
  const char *mime_type;
  char *(*write) (const PxFormatSet *set);
  gboolean (*write_file) (const PxFormatSet *set, const char *path, GError **error);
} PxExchangeFormat;

guint px_exchange_format_count (void);
const PxExchangeFormat *px_exchange_format_get (guint index);
/* NULL for an unknown name. */
const PxExchangeFormat *px_exchange_format_find (const char *name);
/* Writes @set to @path in @format (atomically). */
gboolean px_exchange_format_save (const PxExchangeFormat *format, const PxFormatSet *set, const char *path,
                                  GError **error);

G_END_DECLS
