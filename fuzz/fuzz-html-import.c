/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The HTML importer, through the same dispatch a saved page takes: any
 * bytes (any charset, any nesting, any markup) either become a
 * well-formed document or a clear error, and nothing is fetched. */
#include "px-fuzz.h"

#include "import/px-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  px_fuzz_init ();
  bytes = g_bytes_new (data, size);
  doc = px_import_bytes (bytes, "article.html", "text/html", &error);
  if (doc == NULL)
    {
      PX_FUZZ_CHECK (error != NULL);
      PX_FUZZ_CHECK (error->domain == PX_IMPORT_ERROR);
      PX_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  PX_FUZZ_CHECK (error == NULL);
  px_fuzz_check_document (doc);
  for (const char *field = px_document_get_url (doc); field != NULL; field = NULL)
    PX_FUZZ_CHECK (g_str_has_prefix (field, "http://") || g_str_has_prefix (field, "https://"));
  return 0;
}
