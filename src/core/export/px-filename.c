/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "export/px-filename.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

/* What becomes of one character of a title in a file name. */
typedef enum
{
  KEEP,
  DASH,   /* a path separator: "Left/Right" reads as "Left-Right" */
  SPACE,  /* whitespace, controls and what FAT refuses */
  REMOVE, /* invisible characters that could disguise the name */
} Mapping;

static Mapping
map_char (gunichar c)
{
  switch (c)
    {
    case '/':
    case '\\':
    case '|':
      return DASH;
    case ':':
    case '*':
    case '?':
    case '"':
    case '<':
    case '>':
      return SPACE;
    case 0x061C: /* Arabic letter mark */
    case 0x200B: /* zero width space */
    case 0x200E: /* left-to-right mark */
    case 0x200F: /* right-to-left mark */
    case 0xFEFF: /* byte order mark */
      return REMOVE;
    default:
      break;
    }
  /* Bidirectional embeddings, overrides and isolates can make
   * "report\u202Etxt.exe" look like "reportexe.txt". */
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
    return REMOVE;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || g_unichar_isspace (c))
    return SPACE;
  if (g_unichar_type (c) == G_UNICODE_UNASSIGNED || g_unichar_type (c) == G_UNICODE_SURROGATE ||
      g_unichar_type (c) == G_UNICODE_PRIVATE_USE)
    return REMOVE;
  return KEEP;
}

static gboolean
is_reserved_device_name (const char *stem)
{
  static const char *const names[] = { "CON", "PRN", "AUX", "NUL" };
  g_autofree char *base = g_strndup (stem, strcspn (stem, "."));
  gsize len = strlen (base);

  /* Trailing spaces are ignored by Windows too: "CON " is CON. */
  while (len > 0 && base[len - 1] == ' ')
    base[--len] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (base, names[i]) == 0)
      return TRUE;
  return len == 4 && (g_ascii_strncasecmp (base, "COM", 3) == 0 || g_ascii_strncasecmp (base, "LPT", 3) == 0) &&
         base[3] >= '1' && base[3] <= '9';
}

static char *
sanitize (const char *title)
{
  g_autofree char *valid = g_utf8_make_valid (title, -1);
  g_autoptr (GString) mapped = g_string_new (NULL);
  g_autofree char *nfc = NULL;
  GString *out;
  const char *p;
  gsize cut;

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      switch (map_char (c))
        {
        case KEEP:
          g_string_append_unichar (mapped, c);
          break;
        case DASH:
          g_string_append_c (mapped, '-');
          break;
        case SPACE:
          g_string_append_c (mapped, ' ');
          break;
        case REMOVE:
          break;
        }
    }
  /* Normalize after removing characters: what was between a letter and
   * its accent may have been one of them. */
  nfc = g_utf8_normalize (mapped->str, -1, G_NORMALIZE_NFC);
  out = g_string_new (NULL);
  for (p = nfc ? nfc : ""; *p != '\0'; p++)
    {
      if (*p == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      /* No hidden files, no "." or "..", nothing that reads as an option. */
      if (out->len == 0 && (*p == '.' || *p == '-'))
        continue;
      g_string_append_c (out, *p);
    }

  if (out->len > 0 && is_reserved_device_name (out->str))
    g_string_prepend_c (out, '_');
  if (out->len > PX_FILENAME_MAX_STEM)
    {
      /* Cut at a character boundary, and not between a letter and the
       * marks that belong to it. */
      cut = PX_FILENAME_MAX_STEM;
      while (cut > 0 && (((guchar)out->str[cut] & 0xC0) == 0x80 || g_unichar_ismark (g_utf8_get_char (out->str + cut))))
        cut--;
      g_string_truncate (out, cut);
    }
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '.'))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

char *
px_sanitize_filename (const char *title, const char *fallback)
{
  g_autofree char *stem = sanitize (title ? title : "");

  if (*stem == '\0' && fallback != NULL)
    {
      g_free (stem);
      stem = sanitize (fallback);
    }
  if (*stem == '\0')
    {
      g_free (stem);
      /* Translators: the file name of an export whose title is empty. */
      stem = sanitize (_ ("Untitled"));
    }
  return g_steal_pointer (&stem);
}

char *
px_filename_build_unique (const char *dir, const char *stem, const char *extension)
{
  g_autofree char *clean = px_sanitize_filename (stem, NULL);
  g_autofree char *ext = extension != NULL && *extension != '\0' ? px_sanitize_filename (extension, NULL) : NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  for (guint n = 1; n < 10000; n++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      GStatBuf st;

      if (n == 1)
        name = ext ? g_strdup_printf ("%s.%s", clean, ext) : g_strdup (clean);
      else
        name = ext ? g_strdup_printf ("%s (%u).%s", clean, n, ext) : g_strdup_printf ("%s (%u)", clean, n);
      path = g_build_filename (dir, name, NULL);
      /* lstat: a dangling symbolic link is taken, never followed. */
      if (g_lstat (path, &st) != 0 && errno == ENOENT)
        return g_steal_pointer (&path);
    }
  return NULL;
}
