/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-importer.h"

G_DEFINE_QUARK (px_import_error_quark, px_import_error)
G_DEFINE_INTERFACE (PxImporter, px_importer, G_TYPE_OBJECT)

static void
px_importer_default_init (PxImporterInterface *iface)
{
}

int
px_importer_score (PxImporter *self, const char *name, const char *content_type, const guint8 *head, gsize head_len)
{
  g_return_val_if_fail (PX_IS_IMPORTER (self), 0);
  return PX_IMPORTER_GET_IFACE (self)->score (self, name, content_type, head, head_len);
}

PxDocument *
px_importer_import (PxImporter *self, GBytes *data, const char *name, const char *content_type, GError **error)
{
  g_return_val_if_fail (PX_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return PX_IMPORTER_GET_IFACE (self)->import (self, data, name, content_type, error);
}
