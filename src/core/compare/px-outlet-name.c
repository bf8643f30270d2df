/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-outlet-name.h"

#include <glib/gi18n-lib.h>
#include <string.h>

char *
px_outlet_short_source (const char *source)
{
  g_autoptr (GUri) uri = NULL;

  if (source == NULL || *source == '\0')
    return NULL;
  uri = g_uri_parse (source, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')
    {
      const char *host = g_uri_get_host (uri);
      return g_strdup (g_str_has_prefix (host, "www.") ? host + 4 : host);
    }
  if (uri != NULL && g_strcmp0 (g_uri_get_scheme (uri), "file") == 0)
    return g_path_get_basename (g_uri_get_path (uri));
  return g_path_get_basename (source);
}

/* "example.org", not "story.txt". */
static gboolean
is_site (const char *name)
{
  static const char *const files[] = { "txt", "text", "html", "htm", "md", "markdown", "xml", "json", "pdf", "docx" };
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name || strchr (name, '/') != NULL || strlen (dot + 1) < 2)
    return FALSE;
  for (const char *p = dot + 1; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (g_ascii_strcasecmp (dot + 1, files[i]) == 0)
      return FALSE;
  return TRUE;
}

gboolean
px_outlet_is_unknown (const char *outlet)
{
  return outlet == NULL || *outlet == '\0';
}

char *
px_outlet_display_name (const char *outlet, const char *source_name, const char *title)
{
  g_auto (GStrv) parts = NULL;
  g_autofree char *words = NULL;

  if (!px_outlet_is_unknown (outlet))
    return g_strdup (outlet);
  if (source_name != NULL && is_site (source_name))
    return g_strdup (source_name);
  if (title == NULL || *title == '\0')
    return g_strdup (_ ("Unknown outlet"));
  parts = g_strsplit (title, " ", 4);
  if (g_strv_length (parts) > 3)
    {
      g_autofree char *start = NULL;

      g_free (parts[3]);
      parts[3] = NULL;
      start = g_strjoinv (" ", parts);
      words = g_strconcat (start, "…", NULL);
    }
  else
    words = g_strdup (title);
  /* TRANSLATORS: an article whose outlet is not known, by the first words
   * of its title */
  return g_strdup_printf (_ ("%s (outlet unknown)"), words);
}
