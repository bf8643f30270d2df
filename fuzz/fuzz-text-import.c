/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plain-text importer, through the same dispatch a dropped .txt file
 * takes: any bytes either become a well-formed document or a clear
 * error. */
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
  doc = px_import_bytes (bytes, "article.txt", "text/plain", &error);
  if (doc == NULL)
    {
      PX_FUZZ_CHECK (error != NULL);
      PX_FUZZ_CHECK (error->domain == PX_IMPORT_ERROR);
      PX_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  PX_FUZZ_CHECK (error == NULL);
  px_fuzz_check_document (doc);
  return 0;
}
