/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "annotations/px-annotation.h"

G_BEGIN_DECLS

typedef enum
{
  PX_EXPORT_ORDER_TEXT,  /* as the highlights appear in the text */
  PX_EXPORT_ORDER_COLOR, /* grouped by colour (swatch order), then text */
} PxExportOrder;

/* What an export includes, shared by every kind of export (article, event,
 * tag, library), the command line and the Export dialog. */
typedef struct
{
  PxExportOrder order;
  /* Only highlights of these colours (names such as "yellow"); NULL or
   * empty for all. */
  GStrv colors;
  /* Only highlights with at least one of these tags (ignoring case); NULL
   * or empty for all. */
  GStrv tags;
  /* Also highlights without a note. */
  gboolean include_unnoted;
  /* The article's whole text after its highlights, passages marked
   * ==like this==. */
  gboolean full_text;
} PxExportOptions;

#define PX_TYPE_EXPORT_OPTIONS (px_export_options_get_type ())
GType px_export_options_get_type (void);

/* Every highlight, in text order, no full text. */
PxExportOptions *px_export_options_new (void);
PxExportOptions *px_export_options_copy (const PxExportOptions *options);
void px_export_options_free (PxExportOptions *options);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxExportOptions, px_export_options_free)

/* Whether @annotation passes the colour, tag and note filters. */
gboolean px_export_options_accept (const PxExportOptions *options, PxAnnotation *annotation);

const char *px_export_order_to_string (PxExportOrder order);
/* "text" or "color" ("colour" too); FALSE for anything else. */
gboolean px_export_order_from_string (const char *text, PxExportOrder *order);

G_END_DECLS
