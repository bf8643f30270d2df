/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/annotations/px-highlight-copy.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gui/common/px-format.h"

/* The source line's parts after the dash, without the title. */
static char *
source_tail (PxDocument *doc, gboolean with_url)
{
  g_autofree char *date = px_format_date (px_document_get_published (doc), PX_DATE_LONG);
  const char *url = px_document_get_url (doc);
  const char *parts[] = { date, with_url ? url : NULL };

  return px_format_join_with (parts, G_N_ELEMENTS (parts), ", ");
}

static const char *
title_of (PxDocument *doc)
{
  const char *title = px_document_get_title (doc);
  return title != NULL && *title != '\0' ? title : _ ("Untitled");
}

/* Characters that would start Markdown markup inside the passage. */
static void
append_markdown_escaped (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

char *
px_highlight_copy_markdown (const char *quote, PxDocument *doc)
{
  GString *out = g_string_new ("> ");
  g_auto (GStrv) lines = g_strsplit (quote, "\n", -1);
  g_autofree char *tail = NULL;
  const char *outlet;
  const char *url;

  g_return_val_if_fail (quote != NULL && PX_IS_DOCUMENT (doc), NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "\n> ");
      append_markdown_escaped (out, g_strstrip (lines[i]));
    }
  g_string_append (out, "\n>\n> — ");
  outlet = px_document_get_outlet (doc);
  if (outlet != NULL && *outlet != '\0')
    {
      append_markdown_escaped (out, outlet);
      g_string_append (out, ", ");
    }
  url = px_document_get_url (doc);
  if (url != NULL && *url != '\0')
    {
      g_string_append_c (out, '[');
      append_markdown_escaped (out, title_of (doc));
      g_string_append_printf (out, "](<%s>)", url);
    }
  else
    {
      g_string_append_c (out, '*');
      append_markdown_escaped (out, title_of (doc));
      g_string_append_c (out, '*');
    }
  tail = source_tail (doc, FALSE);
  if (*tail != '\0')
    g_string_append_printf (out, ", %s", tail);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

char *
px_highlight_copy_plain (const char *quote, PxDocument *doc)
{
  g_autofree char *tail = NULL;
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;
  const char *outlet;

  g_return_val_if_fail (quote != NULL && PX_IS_DOCUMENT (doc), NULL);
  outlet = px_document_get_outlet (doc);
  /* TRANSLATORS: a title quoted in a source line */
  title = g_strdup_printf (_ ("“%s”"), title_of (doc));
  tail = source_tail (doc, TRUE);
  {
    const char *parts[] = { outlet, title, tail };
    source = px_format_join_with (parts, G_N_ELEMENTS (parts), ", ");
  }
  /* TRANSLATORS: a copied passage, then its source on the next line */
  return g_strdup_printf (_ ("“%s”\n— %s\n"), quote, source);
}

void
px_highlight_copy_to_clipboard (GdkClipboard *clipboard, const char *quote, PxDocument *doc)
{
  g_autofree char *markdown = px_highlight_copy_markdown (quote, doc);
  g_autofree char *plain = px_highlight_copy_plain (quote, doc);
  g_autoptr (GBytes) bytes = g_bytes_new (markdown, strlen (markdown));
  GdkContentProvider *providers[2];
  g_autoptr (GdkContentProvider) both = NULL;

  providers[0] = gdk_content_provider_new_for_bytes ("text/markdown", bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, plain);
  both = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (clipboard, both);
}
