/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a fuzz target over files without libFuzzer: the seed corpus and
 * every crash found so far (fuzz/regressions/TARGET/) replay as an
 * ordinary test in every build, sanitized or not.
 *
 *   fuzz-TARGET [--optional] PATH…   (a folder means each file in it) */
#include <stdio.h>
#include <string.h>

#include "px-fuzz.h"

static gboolean
replay_file (const char *path, guint *n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, &error))
    {
      fprintf (stderr, "fuzz replay: %s\n", error->message);
      return FALSE;
    }
  printf ("replay %s (%" G_GSIZE_FORMAT " bytes)\n", path, len);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const uint8_t *)data, len);
  (*n)++;
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

static gboolean
replay_path (const char *path, gboolean optional, guint *n)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (optional)
        return TRUE;
      fprintf (stderr, "fuzz replay: %s does not exist\n", path);
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return replay_file (path, n);

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "fuzz replay: %s\n", error->message);
      return FALSE;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    if (!replay_file (g_ptr_array_index (names, i), n))
      return FALSE;
  return TRUE;
}

int
main (int argc, char *argv[])
{
  gboolean optional = FALSE;
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--optional") == 0)
        optional = TRUE;
      else if (!replay_path (argv[i], optional, &n))
        return 1;
    }
  if (n == 0)
    {
      fprintf (stderr, "fuzz replay: no input was replayed\n");
      return 1;
    }
  printf ("replayed %u inputs\n", n);
  return 0;
}
