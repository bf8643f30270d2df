/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "documents/px-document.h"

G_BEGIN_DECLS

#define PX_IMPORT_ERROR (px_import_error_quark ())
GQuark px_import_error_quark (void);

typedef enum
{
  PX_IMPORT_ERROR_EMPTY,       /* nothing, or nothing but boilerplate */
  PX_IMPORT_ERROR_BINARY,      /* not text */
  PX_IMPORT_ERROR_ENCODING,    /* invalid UTF-8 / unknown charset */
  PX_IMPORT_ERROR_TOO_LARGE,   /* over the size limit */
  PX_IMPORT_ERROR_UNSUPPORTED, /* no importer for this kind of file */
  PX_IMPORT_ERROR_MALFORMED,   /* could not be parsed */
  PX_IMPORT_ERROR_NETWORK,     /* URL could not be fetched */
} PxImportError;

/* Importers turn the bytes of one file or page into a PxDocument. They are
 * pure functions of their input: no I/O, no store. */
#define PX_TYPE_IMPORTER (px_importer_get_type ())
G_DECLARE_INTERFACE (PxImporter, px_importer, PX, IMPORTER, GObject)

struct _PxImporterInterface
{
  GTypeInterface parent_iface;

  /* How well this importer fits: 0 = not at all, higher wins. @name is a
   * file name or URL (may be NULL), @content_type from the HTTP header or
   * GIO (may be NULL), @head the first bytes. */
  int (*score) (PxImporter *self, const char *name, const char *content_type, const guint8 *head, gsize head_len);
  PxDocument *(*import) (PxImporter *self, GBytes *data, const char *name, const char *content_type, GError **error);
};

int px_importer_score (PxImporter *self, const char *name, const char *content_type, const guint8 *head,
                       gsize head_len);
PxDocument *px_importer_import (PxImporter *self, GBytes *data, const char *name, const char *content_type,
                                GError **error);

G_END_DECLS
