/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which library files were found undamaged, so that a writing command
 * need not read every page of a large library before each write.
 *
 * When a process that checked a library (PRAGMA quick_check) closes it,
 * the file's identity, size and modification and change times go into a
 * small file in the user's cache folder. The next opening compares them
 * with the file: equal, it is the file that process left (its own writes
 * are trusted like the check's result); different in anything (another
 * program wrote to it, a copy was put in its place, a crash left the
 * file changed), it is read in full again. Change times cannot be set
 * back by a program, so damage written into the file is always seen. The
 * write-ahead log's size and time are part of the state too (a commit
 * another connection left in it changes the pages read, not the file).
 * The note is dropped as soon as damage is seen, and not written when
 * another connection committed while this one had the file open. The
 * cache can be deleted at any time: it only saves work. */
#include "library/px-store-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <sys/stat.h>

/* The file's state as one line, or NULL when it cannot be read. */
static char *
state_of (const char *path)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *wal = NULL;
  struct stat st, wst;

  if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;
  if (stat (wal_path, &wst) != 0)
    {
      if (errno != ENOENT)
        return NULL;
      wst.st_size = 0;
    }
  /* Empty is as good as absent: SQLite creates it empty on opening. */
  if (wst.st_size > 0)
    wal = g_strdup_printf ("%jd %jd.%09ld", (intmax_t)wst.st_size, (intmax_t)wst.st_mtim.tv_sec,
                           (long)wst.st_mtim.tv_nsec);
  else
    wal = g_strdup ("empty");
  return g_strdup_printf ("2 %ju %ju %jd %jd.%09ld %jd.%09ld wal %s\n", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino,
                          (intmax_t)st.st_size, (intmax_t)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
                          (intmax_t)st.st_ctim.tv_sec, (long)st.st_ctim.tv_nsec, wal);
}

/* Where the state of the file at @path is remembered: one small file per
 * library (named by device and inode, so a renamed library keeps it). */
static char *
record_path (const char *path)
{
  struct stat st;
  g_autofree char *name = NULL;

  if (stat (path, &st) != 0)
    return NULL;
  name = g_strdup_printf ("%ju-%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
  return g_build_filename (g_get_user_cache_dir (), "parallax", "checked", name, NULL);
}

gboolean
_px_store_is_known_checked (const char *path)
{
  g_autofree char *record = record_path (path);
  g_autofree char *state = state_of (path);
  g_autofree char *saved = NULL;

  if (record == NULL || state == NULL || !g_file_get_contents (record, &saved, NULL, NULL))
    return FALSE;
  return g_str_equal (saved, state);
}

void
_px_store_remember_checked (const char *path)
{
  g_autofree char *record = record_path (path);
  g_autofree char *state = state_of (path);
  g_autofree char *dir = NULL;
  g_autoptr (GError) error = NULL;

  if (record == NULL || state == NULL)
    return;
  dir = g_path_get_dirname (record);
  /* Only a saving: a cache that cannot be written means full checks. */
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (record, state, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Could not remember the check of %s: %s", path, error ? error->message : g_strerror (errno));
}

void
_px_store_forget_checked (const char *path)
{
  g_autofree char *record = record_path (path);

  if (record != NULL && g_unlink (record) != 0 && errno != ENOENT)
    g_debug ("Could not forget the check of %s: %s", path, g_strerror (errno));
}
