/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Markdown escaper against a real CommonMark parser (cmark): any text,
 * escaped, renders as exactly that text, alone on a line or inside a
 * paragraph, and never as emphasis, code, links, HTML or a new block. */
#include "px-fuzz.h"

#include <cmark.h>
#include <string.h>

#include "export/px-markdown.h"

/* The text of the document's single paragraph, or NULL when it holds
 * anything else. */
static char *
rendered_text (const char *markdown)
{
  cmark_node *doc = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  cmark_node *para = cmark_node_first_child (doc);
  GString *out = g_string_new (NULL);
  gboolean ok = para != NULL && cmark_node_next (para) == NULL && cmark_node_get_type (para) == CMARK_NODE_PARAGRAPH;

  for (cmark_node *child = ok ? cmark_node_first_child (para) : NULL; child != NULL; child = cmark_node_next (child))
    {
      if (cmark_node_get_type (child) == CMARK_NODE_TEXT)
        g_string_append (out, cmark_node_get_literal (child));
      else
        ok = FALSE;
    }
  cmark_node_free (doc);
  if (!ok)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *alone = NULL;
  g_autofree char *inside = NULL;
  g_autofree char *wrapped = NULL;
  g_autofree char *expected = NULL;

  px_fuzz_init ();
  raw = px_fuzz_strndup (data, size);
  text = g_utf8_make_valid (raw, -1);
  escaped = px_markdown_escape_inline (text);

  PX_FUZZ_CHECK (escaped != NULL);
  PX_FUZZ_CHECK (g_utf8_validate (escaped, -1, NULL));
  PX_FUZZ_CHECK (strchr (escaped, '\n') == NULL && strchr (escaped, '\r') == NULL);
  if (*text == '\0')
    return 0;

  alone = rendered_text (escaped);
  PX_FUZZ_CHECK (alone != NULL);
  PX_FUZZ_CHECK (strcmp (alone, text) == 0);

  wrapped = g_strconcat ("Before ", escaped, " after", NULL);
  inside = rendered_text (wrapped);
  expected = g_strconcat ("Before ", text, " after", NULL);
  PX_FUZZ_CHECK (inside != NULL);
  PX_FUZZ_CHECK (strcmp (inside, expected) == 0);
  return 0;
}
