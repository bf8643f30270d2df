/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export file names from hostile titles: never a way out of the folder,
 * never a hidden file, never invalid UTF-8, and stable when applied
 * twice. */
#include "px-fuzz.h"

#include <string.h>

#include "export/px-filename.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *title = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *again = NULL;

  px_fuzz_init ();
  title = px_fuzz_strndup (data, size);
  stem = px_sanitize_filename (title, NULL);

  PX_FUZZ_CHECK (stem != NULL && *stem != '\0');
  PX_FUZZ_CHECK (strlen (stem) <= PX_FILENAME_MAX_STEM);
  PX_FUZZ_CHECK (g_utf8_validate (stem, -1, NULL));
  PX_FUZZ_CHECK (strchr (stem, '/') == NULL && strchr (stem, '\\') == NULL);
  PX_FUZZ_CHECK (stem[0] != '.' && stem[0] != '-' && stem[0] != ' ');
  PX_FUZZ_CHECK (stem[strlen (stem) - 1] != ' ' && stem[strlen (stem) - 1] != '.');
  for (const char *p = stem; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      PX_FUZZ_CHECK (c >= 0x20 && !(c >= 0x7F && c <= 0x9F));
      PX_FUZZ_CHECK (!(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069));
    }
  again = px_sanitize_filename (stem, NULL);
  PX_FUZZ_CHECK (strcmp (again, stem) == 0);
  return 0;
}
