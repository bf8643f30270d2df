/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "formats/px-coding-package.h"
#include "formats/px-citation.h"
#include "formats/px-exchange-format.h"
#include "formats/px-qdpx.h"
#include "formats/px-w3c-export.h"

static const PxExchangeFormat formats[] = {
  { "w3c", N_ ("W3C Web Annotations"), ".jsonld", "application/ld+json", px_w3c_export, NULL },
  { "csl-json", N_ ("Citations (CSL-JSON)"), ".json", "application/vnd.citationstyles.csl+json", px_citation_csl_json,
    NULL },
  { "bibtex", N_ ("Citations (BibTeX)"), ".bib", "application/x-bibtex", px_citation_bibtex, NULL },
  { "ris", N_ ("Citations (RIS)"), ".ris", "application/x-research-info-systems", px_citation_ris, NULL },
  { "qdpx", N_ ("REFI-QDA Project"), ".qdpx", "application/zip", NULL, px_qdpx_write },
  { "package", N_ ("Coding Package"), ".pxcoding.json", "application/json", px_coding_package_write, NULL },
};

guint
px_exchange_format_count (void)
{
  return G_N_ELEMENTS (formats);
}

const PxExchangeFormat *
px_exchange_format_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (formats), NULL);
  return &formats[index];
}

const PxExchangeFormat *
px_exchange_format_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].name, name) == 0)
      return &formats[i];
  return NULL;
}

gboolean
px_exchange_format_save (const PxExchangeFormat *format, const PxFormatSet *set, const char *path, GError **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (format != NULL && set != NULL && path != NULL, FALSE);
  if (format->write_file != NULL)
    return format->write_file (set, path, error);
  data = format->write (set);
  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
