/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "import/px-importer.h"

G_BEGIN_DECLS

#define PX_TYPE_TEXT_IMPORTER (px_text_importer_get_type ())
G_DECLARE_FINAL_TYPE (PxTextImporter, px_text_importer, PX, TEXT_IMPORTER, GObject)

PxImporter *px_text_importer_new (void);

G_END_DECLS
