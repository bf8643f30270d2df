/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "formats/px-annotation-import.h"
#include "annotations/px-annotation.h"

/* Reading W3C Web Annotations and Hypothesis exports into
 * PxIncomingAnnotation: only what a highlight keeps, and leniently (a
 * missing or odd member is skipped, not fatal), since files come from
 * other tools. */

void
px_incoming_annotation_free (PxIncomingAnnotation *incoming)
{
  if (incoming == NULL)
    return;
  g_free (incoming->id);
  g_free (incoming->source);
  g_free (incoming->content_hash);
  px_anchor_selector_clear (&incoming->selector);
  g_free (incoming->color);
  g_strfreev (incoming->tags);
  g_free (incoming->note);
  g_free (incoming->note_language);
  g_free (incoming->coder);
  g_free (incoming->created);
  g_free (incoming->modified);
  g_free (incoming);
}

static const char *
get_string (JsonObject *o, const char *member)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
get_uint (JsonObject *o, const char *member, guint *out)
{
  JsonNode *node = json_object_get_member (o, member);
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXINT)
    return FALSE;
  *out = (guint)value;
  return TRUE;
}

/* "type" as a string or an array of strings. */
static gboolean
has_type (JsonObject *o, const char *type)
{
  JsonNode *node = json_object_get_member (o, "type");

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node))
    return g_strcmp0 (json_node_get_string (node), type) == 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (a, i)) &&
            g_strcmp0 (json_array_get_string_element (a, i), type) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Calls @func on @node's object, or on each object of its array: JSON-LD
 * writes a single value or an array alike. */
typedef void (*ObjectFunc) (JsonObject *o, PxIncomingAnnotation *incoming);

static void
each_object (JsonNode *node, ObjectFunc func, PxIncomingAnnotation *incoming)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    func (json_node_get_object (node), incoming);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (a, i)))
          func (json_array_get_object_element (a, i), incoming);
    }
}

static void
read_selector (JsonObject *o, PxIncomingAnnotation *in)
{
  if (has_type (o, "TextQuoteSelector") && get_string (o, "exact") != NULL)
    {
      g_free (in->selector.quote);
      g_free (in->selector.prefix);
      g_free (in->selector.suffix);
      in->selector.quote = g_strdup (get_string (o, "exact"));
      in->selector.prefix = g_strdup (get_string (o, "prefix") ? get_string (o, "prefix") : "");
      in->selector.suffix = g_strdup (get_string (o, "suffix") ? get_string (o, "suffix") : "");
    }
  else if (has_type (o, "TextPositionSelector"))
    {
      guint start, end;

      if (get_uint (o, "start", &start) && get_uint (o, "end", &end) && end >= start)
        {
          in->selector.start = start;
          in->selector.end = end;
          in->has_position = TRUE;
        }
    }
}

static void
read_target (JsonObject *o, PxIncomingAnnotation *in)
{
  /* The first target with a source is the one. */
  if (in->source != NULL || get_string (o, "source") == NULL)
    return;
  in->source = g_strdup (get_string (o, "source"));
  in->content_hash = g_strdup (get_string (o, "parallax:contentHash"));
  each_object (json_object_get_member (o, "selector"), read_selector, in);
}

static void
add_tag (PxIncomingAnnotation *in, const char *tag)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (tag == NULL || *tag == '\0')
    return;
  if (in->tags != NULL)
    g_strv_builder_addv (builder, (const char **)in->tags);
  g_strv_builder_add (builder, tag);
  g_strfreev (in->tags);
  in->tags = g_strv_builder_end (builder);
}

static void
read_body (JsonObject *o, PxIncomingAnnotation *in)
{
  const char *purpose = get_string (o, "purpose");
  const char *value = get_string (o, "value");

  if (value == NULL)
    return;
  if (g_strcmp0 (purpose, "tagging") == 0)
    add_tag (in, value);
  else if (g_strcmp0 (purpose, "classifying") == 0)
    {
      const char *color = get_string (o, "parallax:color");

      if (color == NULL)
        color = value;
      if (px_annotation_color_is_valid (color))
        {
          g_free (in->color);
          in->color = g_strdup (color);
        }
    }
  else if (purpose == NULL || g_strcmp0 (purpose, "commenting") == 0 || g_strcmp0 (purpose, "describing") == 0)
    {
      const char *language = get_string (o, "language");

      if (in->note != NULL)
        {
          /* Two comments: keep both. */
          g_autofree char *both = g_strconcat (in->note, "\n\n", value, NULL);
          g_free (in->note);
          in->note = g_steal_pointer (&both);
        }
      else
        in->note = g_strdup (value);
      if (language != NULL && in->note_language == NULL)
        in->note_language = g_strdelimit (g_strdup (language), "-", '_');
    }
}

static void
read_creator (JsonObject *o, PxIncomingAnnotation *in)
{
  const char *name = get_string (o, "name");

  if (in->coder == NULL)
    in->coder = g_strdup (name != NULL ? name : get_string (o, "nickname"));
}

static PxIncomingAnnotation *
incoming_new (JsonObject *o, guint index)
{
  PxIncomingAnnotation *in = g_new0 (PxIncomingAnnotation, 1);
  const char *id = get_string (o, "id");

  in->id = id != NULL ? g_strdup (id) : g_strdup_printf ("#%u", index + 1);
  in->created = g_strdup (get_string (o, "created"));
  return in;
}

static PxIncomingAnnotation *
read_w3c (JsonObject *o, guint index)
{
  PxIncomingAnnotation *in = incoming_new (o, index);
  JsonNode *creator = json_object_get_member (o, "creator");

  in->modified = g_strdup (get_string (o, "modified"));
  if (creator != NULL && JSON_NODE_HOLDS_VALUE (creator))
    in->coder = g_strdup (json_node_get_string (creator));
  else
    each_object (creator, read_creator, in);
  if (get_string (o, "bodyValue") != NULL)
    in->note = g_strdup (get_string (o, "bodyValue"));
  each_object (json_object_get_member (o, "body"), read_body, in);
  each_object (json_object_get_member (o, "target"), read_target, in);
  return in;
}

/* Hypothesis: {"uri", "text", "tags", "user": "acct:NAME@host",
 * "user_info": {"display_name"}, "target": [{"source", "selector"}]}. */
static PxIncomingAnnotation *
read_hypothesis (JsonObject *o, guint index)
{
  PxIncomingAnnotation *in = incoming_new (o, index);
  JsonNode *tags = json_object_get_member (o, "tags");
  JsonNode *info = json_object_get_member (o, "user_info");
  const char *user = get_string (o, "user");
  const char *text = get_string (o, "text");

  in->modified = g_strdup (get_string (o, "updated"));
  if (info != NULL && JSON_NODE_HOLDS_OBJECT (info) && get_string (json_node_get_object (info), "display_name"))
    in->coder = g_strdup (get_string (json_node_get_object (info), "display_name"));
  else if (user != NULL)
    {
      const char *name = g_str_has_prefix (user, "acct:") ? user + 5 : user;
      const char *at = strchr (name, '@');

      in->coder = at != NULL ? g_strndup (name, at - name) : g_strdup (name);
    }
  if (text != NULL && *text != '\0')
    in->note = g_strdup (text);
  if (tags != NULL && JSON_NODE_HOLDS_ARRAY (tags))
    {
      JsonArray *a = json_node_get_array (tags);

      for (guint i = 0; i < json_array_get_length (a); i++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (a, i)))
          add_tag (in, json_array_get_string_element (a, i));
    }
  each_object (json_object_get_member (o, "target"), read_target, in);
  if (in->source == NULL && get_string (o, "uri") != NULL)
    in->source = g_strdup (get_string (o, "uri"));
  return in;
}

static gboolean
looks_like_hypothesis (JsonObject *o)
{
  return !has_type (o, "Annotation") && json_object_has_member (o, "uri") && json_object_has_member (o, "target");
}

static void
read_items (JsonArray *items, GPtrArray *out)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      o = json_node_get_object (node);
      if (looks_like_hypothesis (o))
        g_ptr_array_add (out, read_hypothesis (o, out->len));
      else if (has_type (o, "Annotation"))
        g_ptr_array_add (out, read_w3c (o, out->len));
    }
}

static JsonArray *
get_array (JsonObject *o, const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

GPtrArray *
px_annotation_file_parse (const char *data, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)px_incoming_annotation_free);
  g_autoptr (GError) json_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, (gssize)length, &json_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("This is not a JSON file: %s"), json_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("The file is empty"));
      return NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (root))
    read_items (json_node_get_array (root), out);
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *o = json_node_get_object (root);
      JsonArray *items;

      if (has_type (o, "Annotation"))
        g_ptr_array_add (out, read_w3c (o, 0));
      else if (has_type (o, "AnnotationCollection"))
        {
          /* Pages embedded one after the other (first, then each next). */
          JsonNode *page = json_object_get_member (o, "first");

          for (guint guard = 0; page != NULL && JSON_NODE_HOLDS_OBJECT (page) && guard < 100000; guard++)
            {
              JsonObject *p = json_node_get_object (page);

              if ((items = get_array (p, "items")) != NULL)
                read_items (items, out);
              page = json_object_get_member (p, "next");
            }
        }
      else if ((items = get_array (o, "items")) != NULL || (items = get_array (o, "annotations")) != NULL ||
               (items = get_array (o, "rows")) != NULL)
        read_items (items, out);
      else
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _ ("This JSON file holds neither W3C Web Annotations nor a Hypothesis export"));
          return NULL;
        }
    }
  else
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("This JSON file holds neither W3C Web Annotations nor a Hypothesis export"));
      return NULL;
    }
  return g_steal_pointer (&out);
}
