/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/html/px-html-jsonld.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define MAX_DEPTH 48

void
px_jsonld_clear (PxJsonLd *ld)
{
  g_clear_pointer (&ld->headline, g_free);
  g_clear_pointer (&ld->authors, g_free);
  g_clear_pointer (&ld->published, g_free);
  g_clear_pointer (&ld->publisher, g_free);
  g_clear_pointer (&ld->url, g_free);
  g_clear_pointer (&ld->language, g_free);
}

/* json-glib's parser recurses; refuse input nested deeper than any real
 * page needs before handing it over. */
static gboolean
nesting_ok (const char *json, gsize len)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = json[i];
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            return FALSE;
        }
      else if (c == '}' || c == ']')
        depth--;
    }
  return TRUE;
}

static const char *
member_string (JsonObject *obj, const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
type_matches (JsonObject *obj, gboolean (*pred) (const char *))
{
  JsonNode *type = json_object_get_member (obj, "@type");

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    return pred (json_node_get_string (type));
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *arr = json_node_get_array (type);
      for (guint i = 0; i < json_array_get_length (arr); i++)
        {
          JsonNode *el = json_array_get_element (arr, i);
          if (JSON_NODE_HOLDS_VALUE (el) && json_node_get_value_type (el) == G_TYPE_STRING &&
              pred (json_node_get_string (el)))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_article_type (const char *type)
{
  if (g_str_has_prefix (type, "http://schema.org/") || g_str_has_prefix (type, "https://schema.org/"))
    type = strrchr (type, '/') + 1;
  return g_str_has_suffix (type, "Article") || strcmp (type, "BlogPosting") == 0 ||
         strcmp (type, "LiveBlogPosting") == 0 || strcmp (type, "Report") == 0 ||
         strcmp (type, "SocialMediaPosting") == 0;
}

static gboolean
is_page_type (const char *type)
{
  return strcmp (type, "WebPage") == 0 || strcmp (type, "ItemPage") == 0;
}

static gboolean
is_org_type (const char *type)
{
  return strcmp (type, "NewsMediaOrganization") == 0 || strcmp (type, "Organization") == 0;
}

/* Every object in the tree, breadth first, with a bound on the count. */
static void
collect_objects (JsonNode *root, GPtrArray *out)
{
  g_autoptr (GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue) && out->len < 2000)
    {
      JsonNode *node = g_queue_pop_head (queue);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *obj = json_node_get_object (node);
          g_autoptr (GList) members = json_object_get_values (obj);

          g_ptr_array_add (out, obj);
          for (GList *l = members; l; l = l->next)
            if (JSON_NODE_HOLDS_OBJECT (l->data) || JSON_NODE_HOLDS_ARRAY (l->data))
              g_queue_push_tail (queue, l->data);
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *arr = json_node_get_array (node);
          for (guint i = 0; i < json_array_get_length (arr); i++)
            {
              JsonNode *el = json_array_get_element (arr, i);
              if (JSON_NODE_HOLDS_OBJECT (el) || JSON_NODE_HOLDS_ARRAY (el))
                g_queue_push_tail (queue, el);
            }
        }
    }
}

static JsonObject *
resolve (JsonObject *obj, GHashTable *ids)
{
  const char *id = member_string (obj, "@id");

  if (id != NULL && json_object_get_size (obj) <= 2 && ids != NULL)
    {
      JsonObject *full = g_hash_table_lookup (ids, id);
      if (full != NULL)
        return full;
    }
  return obj;
}

/* A name from "Jane Doe", {"name": "Jane Doe"} or a list of them. */
static void
append_names (JsonNode *node, GHashTable *ids, GString *out)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      if (*s && !g_str_has_prefix (s, "http"))
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", s);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = resolve (json_node_get_object (node), ids);
      const char *name = member_string (obj, "name");
      if (name != NULL && *name)
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", name);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *arr = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (arr) && i < 20; i++)
        append_names (json_array_get_element (arr, i), ids, out);
    }
}

static char *
names_of (JsonObject *obj, const char *member, GHashTable *ids)
{
  g_autoptr (GString) out = g_string_new (NULL);

  append_names (json_object_get_member (obj, member), ids, out);
  return out->len ? g_strdup (out->str) : NULL;
}

static char *
url_of (JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);
  const char *s = NULL;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    s = json_node_get_string (node);
  else if (JSON_NODE_HOLDS_OBJECT (node))
    s = member_string (json_node_get_object (node), "@id");
  if (s != NULL && (g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://")))
    return g_strdup (s);
  return NULL;
}

static void
set_if_unset (char **field, char *value)
{
  if (*field == NULL)
    *field = value;
  else
    g_free (value);
}

static void
fill_from (JsonObject *art, GHashTable *ids, PxJsonLd *ld)
{
  const char *s;

  s = member_string (art, "headline");
  if (s == NULL)
    s = member_string (art, "name");
  if (s != NULL && *s)
    set_if_unset (&ld->headline, g_strdup (s));
  set_if_unset (&ld->authors, names_of (art, "author", ids));
  set_if_unset (&ld->authors, names_of (art, "creator", ids));
  s = member_string (art, "datePublished");
  if (s == NULL)
    s = member_string (art, "dateCreated");
  if (s != NULL && *s)
    set_if_unset (&ld->published, g_strdup (s));
  set_if_unset (&ld->publisher, names_of (art, "publisher", ids));
  set_if_unset (&ld->publisher, names_of (art, "sourceOrganization", ids));
  set_if_unset (&ld->url, url_of (art, "url"));
  set_if_unset (&ld->url, url_of (art, "mainEntityOfPage"));
  s = member_string (art, "inLanguage");
  if (s != NULL && *s)
    set_if_unset (&ld->language, g_strdup (s));
}

/* Cuts @prefix from the start and @suffix from the end of json[*start,
 * *end), white space around them ignored. */
static void
strip_wrapper (const char *json, gsize *start, gsize *end, const char *prefix, const char *suffix)
{
  gsize a = *start, b = *end;
  gsize pl = strlen (prefix), sl = strlen (suffix);

  while (a < b && g_ascii_isspace (json[a]))
    a++;
  while (b > a && g_ascii_isspace (json[b - 1]))
    b--;
  if (b - a < pl + sl || strncmp (json + a, prefix, pl) != 0 || strncmp (json + b - sl, suffix, sl) != 0)
    return;
  *start = a + pl;
  *end = b - sl;
}

void
px_jsonld_read (const char *json, gsize len, PxJsonLd *ld)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GPtrArray) objects = NULL;
  g_autoptr (GHashTable) ids = NULL;
  JsonObject *article = NULL, *page = NULL, *org = NULL;

  gsize start = 0, end = len;

  if (json == NULL || len == 0 || len > 4 * 1024 * 1024)
    return;
  /* XHTML habits: the script's body inside a CDATA section or a comment
   * (<![CDATA[ {…} ]]>, <!-- {…} -->), which JSON does not allow. */
  strip_wrapper (json, &start, &end, "<![CDATA[", "]]>");
  strip_wrapper (json, &start, &end, "<!--", "-->");
  json += start;
  len = end - start;
  if (len == 0 || !nesting_ok (json, len))
    return;
  parser = json_parser_new_immutable ();
  /* Blank JSON parses to no root at all. */
  if (!json_parser_load_from_data (parser, json, len, NULL) || json_parser_get_root (parser) == NULL)
    return;
  objects = g_ptr_array_new ();
  collect_objects (json_parser_get_root (parser), objects);

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < objects->len; i++)
    {
      JsonObject *obj = g_ptr_array_index (objects, i);
      const char *id = member_string (obj, "@id");
      if (id != NULL && json_object_get_size (obj) > 2 && !g_hash_table_contains (ids, id))
        g_hash_table_insert (ids, (gpointer)id, obj);
      if (article == NULL && type_matches (obj, is_article_type))
        article = obj;
      else if (page == NULL && type_matches (obj, is_page_type))
        page = obj;
      else if (org == NULL && type_matches (obj, is_org_type))
        org = obj;
    }
  if (article != NULL)
    fill_from (article, ids, ld);
  if (page != NULL)
    fill_from (page, ids, ld);
  if (org != NULL && ld->publisher == NULL && member_string (org, "name") != NULL)
    ld->publisher = g_strdup (member_string (org, "name"));
}
