/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/html/px-html-dom.h"

#include "import/html/px-html-doctype.h"

#include <string.h>

/* A broken start tag ("<html xmogo.jpg" alt=…") can make libxml2 close
 * the root at once and open a second <html> for the rest of the page.
 * A browser has one root and ignores a second <html> tag: the contents
 * of every later top-level element are moved into the first one. */
static void
merge_roots (htmlDocPtr doc)
{
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  xmlNode *next;

  if (root == NULL)
    return;
  for (xmlNode *other = root->next; other != NULL; other = next)
    {
      next = other->next;
      if (other->type != XML_ELEMENT_NODE)
        continue;
      xmlUnlinkNode (other);
      if (px_html_is (other, "html"))
        {
          xmlNode *child_next;
          for (xmlNode *child = other->children; child != NULL; child = child_next)
            {
              child_next = child->next;
              xmlUnlinkNode (child);
              if (xmlAddChild (root, child) == NULL)
                xmlFreeNode (child);
            }
          xmlFreeNode (other);
        }
      else if (xmlAddChild (root, other) == NULL)
        xmlFreeNode (other);
    }
}

htmlDocPtr
px_html_parse (const char *utf8, gsize len)
{
  /* HUGE lifts libxml2's depth limit of 256: without it a deeply nested
   * page is cut short and its article lost. Our walks are iterative, so
   * depth costs nothing but memory. NONET: nothing is ever fetched. */
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT |
                XML_PARSE_HUGE;

  g_autofree char *stripped = NULL;
  gsize stripped_len = 0;
  htmlDocPtr doc;

  if (len > G_MAXINT)
    return NULL;
  /* HTML has no internal DTD subset; libxml2 would turn one into text. */
  stripped = px_html_strip_doctype_subset (utf8, len, &stripped_len);
  if (stripped != NULL)
    doc = htmlReadMemory (stripped, (int)stripped_len, NULL, "UTF-8", options);
  else
    doc = htmlReadMemory (utf8, (int)len, NULL, "UTF-8", options);
  merge_roots (doc);
  return doc;
}

gboolean
px_html_is (xmlNode *node, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL &&
         strcmp ((const char *)node->name, name) == 0;
}

char *
px_html_attr (xmlNode *node, const char *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  value = xmlGetProp (node, (const xmlChar *)name);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

xmlNode *
px_html_next (xmlNode *node, xmlNode *root, gboolean skip_children)
{
  if (!skip_children && node->children != NULL && node->type == XML_ELEMENT_NODE)
    return node->children;
  while (node != NULL && node != root)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

static gboolean
is_invisible (xmlNode *node)
{
  static const char *const names[] = { "script", "style", "noscript", "template", "svg", "math", "head", NULL };

  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  for (guint i = 0; names[i]; i++)
    if (strcmp ((const char *)node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

char *
px_html_clean_space (const char *text)
{
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

char *
px_html_text (xmlNode *node, gsize max_bytes)
{
  g_autoptr (GString) raw = g_string_new (NULL);

  if (node == NULL)
    return NULL;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    return px_html_clean_space ((const char *)node->content);

  for (xmlNode *n = node->children; n != NULL;)
    {
      gboolean skip = is_invisible (n);

      if (!skip && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
        {
          g_string_append (raw, (const char *)n->content);
          if (max_bytes > 0 && raw->len > max_bytes * 2)
            break;
        }
      else if (!skip && n->type == XML_ELEMENT_NODE && n->name != NULL && raw->len > 0 &&
               strchr ("pdlbh", n->name[0]) != NULL)
        /* Keep words in neighbouring blocks apart (p, div, li, br, h1…). */
        g_string_append_c (raw, ' ');
      n = px_html_next (n, node, skip);
    }
  {
    char *clean = px_html_clean_space (raw->str);
    if (clean != NULL && max_bytes > 0 && strlen (clean) > max_bytes)
      {
        const char *end = g_utf8_find_prev_char (clean, clean + max_bytes + 1);
        clean[end - clean] = '\0';
      }
    return clean;
  }
}
