/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "formats/px-coding-package.h"
#include "annotations/px-store-annotations.h"
#include "events/px-store-events.h"

void
px_package_article_free (PxPackageArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->title);
  g_free (article);
}

static void
member (JsonBuilder *b, const char *name, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

char *
px_coding_package_write (const PxFormatSet *set)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (set != NULL, NULL);
  json_builder_begin_object (b);
  member (b, "format", PX_CODING_PACKAGE_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  member (b, "title", set->title);

  json_builder_set_member_name (b, "codebook");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "colors");
  json_builder_begin_array (b);
  for (guint i = 0; i < set->colors->len; i++)
    {
      PxColorInfo *info = g_ptr_array_index (set->colors, i);

      json_builder_begin_object (b);
      member (b, "name", info->name);
      member (b, "meaning", info->meaning != NULL ? info->meaning : "");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "tags");
  json_builder_begin_array (b);
  for (guint i = 0; i < set->tags->len; i++)
    {
      PxTagInfo *info = g_ptr_array_index (set->tags, i);

      json_builder_begin_object (b);
      member (b, "name", info->name);
      member (b, "color", info->color);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "articles");
  json_builder_begin_array (b);
  for (guint i = 0; i < set->documents->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (set->documents, i);
      g_autoptr (GArray) blocks = g_array_new (FALSE, FALSE, sizeof (PxBlock));
      g_autofree char *serialized = NULL;

      for (guint k = 0; k < px_document_get_n_blocks (doc); k++)
        g_array_append_val (blocks, *px_document_get_block (doc, k));
      serialized = px_blocks_serialize ((const PxBlock *)blocks->data, blocks->len);
      json_builder_begin_object (b);
      member (b, "title", px_document_get_title (doc));
      member (b, "outlet", px_document_get_outlet (doc));
      member (b, "author", px_document_get_author (doc));
      member (b, "published", px_document_get_published (doc));
      member (b, "url", px_document_get_url (doc));
      member (b, "language", px_document_get_language (doc));
      member (b, "source", px_document_get_source (doc));
      member (b, "text", px_document_get_text (doc));
      member (b, "blocks", serialized);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 1);
  return json_generator_to_data (gen, NULL);
}

static const char *
get_string (JsonObject *o, const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *o, const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("This is not a Parallax coding package: %s"), message);
  return FALSE;
}

/* An article of the package as a document; NULL when its text and blocks
 * do not fit together (a damaged or edited file). */
static PxDocument *
read_article (JsonObject *o)
{
  const char *text = get_string (o, "text");
  g_autoptr (GArray) blocks = NULL;
  g_autoptr (PxDocument) doc = NULL;
  glong length;
  guint previous_end = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || get_string (o, "blocks") == NULL)
    return NULL;
  length = g_utf8_strlen (text, -1);
  blocks = px_blocks_parse (get_string (o, "blocks"));
  if (blocks->len == 0)
    return NULL;
  for (guint i = 0; i < blocks->len; i++)
    {
      PxBlock *block = &g_array_index (blocks, PxBlock, i);

      if (block->start < previous_end || block->end > (gulong)length)
        return NULL;
      previous_end = block->end;
    }
  doc = px_document_new ();
  px_document_set_title (doc, get_string (o, "title"));
  px_document_set_outlet (doc, get_string (o, "outlet"));
  px_document_set_author (doc, get_string (o, "author"));
  px_document_set_published (doc, get_string (o, "published"));
  px_document_set_url (doc, get_string (o, "url"));
  px_document_set_language (doc, get_string (o, "language"));
  px_document_set_source (doc, get_string (o, "source"));
  px_document_set_content (doc, text, (const PxBlock *)blocks->data, blocks->len);
  return g_steal_pointer (&doc);
}

typedef struct
{
  JsonObject *root;
  GPtrArray *documents;
  GPtrArray *results;
} ImportData;

static gboolean
import_codebook (PxStore *store, JsonObject *codebook, GError **error)
{
  JsonArray *colors = get_array (codebook, "colors");
  JsonArray *tags = get_array (codebook, "tags");
  g_autoptr (GPtrArray) own = px_store_list_colors (store, error);
  g_autoptr (GHashTable) meant = g_hash_table_new (g_str_hash, g_str_equal);

  if (own == NULL)
    return FALSE;
  for (guint i = 0; i < own->len; i++)
    {
      PxColorInfo *info = g_ptr_array_index (own, i);
      if (info->meaning != NULL && *info->meaning != '\0')
        g_hash_table_add (meant, info->name);
    }
  for (guint i = 0; colors != NULL && i < json_array_get_length (colors); i++)
    {
      JsonNode *node = json_array_get_element (colors, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (node) ? get_string (json_node_get_object (node), "name") : NULL;
      const char *meaning = JSON_NODE_HOLDS_OBJECT (node) ? get_string (json_node_get_object (node), "meaning") : NULL;

      /* A colour the coder has already given a meaning keeps it, as tags do. */
      if (name != NULL && meaning != NULL && px_annotation_color_is_valid (name) &&
          !g_hash_table_contains (meant, name) && !px_store_set_color_meaning (store, name, meaning, error))
        return FALSE;
    }
  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    {
      JsonNode *node = json_array_get_element (tags, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (node) ? get_string (json_node_get_object (node), "name") : NULL;
      const char *color = JSON_NODE_HOLDS_OBJECT (node) ? get_string (json_node_get_object (node), "color") : NULL;
      g_autoptr (GError) local = NULL;

      if (name == NULL)
        continue;
      /* A tag the coder has already stays as they have it. */
      if (px_store_create_tag (store, name, color, &local) == 0 &&
          !g_error_matches (local, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_txn (PxStore *store, gpointer user_data, GError **error)
{
  ImportData *data = user_data;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonNode *codebook = json_object_get_member (data->root, "codebook");

  for (guint i = 0; i < data->documents->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (data->documents, i);
      PxPackageArticle *article = g_new0 (PxPackageArticle, 1);
      g_autoptr (GError) local = NULL;
      gint64 existing = 0;

      article->title = g_strdup (px_document_get_title (doc));
      g_ptr_array_add (data->results, article);
      if (px_store_add_document (store, doc, &existing, &local))
        article->document_id = px_document_get_id (doc);
      else if (g_error_matches (local, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE))
        {
          article->document_id = existing;
          article->duplicate = TRUE;
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      /* Articles the coder had already stay in their own events. */
      if (!article->duplicate)
        g_array_append_val (ids, article->document_id);
    }
  if (codebook != NULL && JSON_NODE_HOLDS_OBJECT (codebook) &&
      !import_codebook (store, json_node_get_object (codebook), error))
    return FALSE;
  /* The study's articles side by side, as one event. */
  if (ids->len > 1)
    {
      gint64 event = px_store_group_documents (store, (const gint64 *)ids->data, ids->len, error);
      const char *title = get_string (data->root, "title");

      if (event == 0 || (title != NULL && !px_store_rename_event (store, event, title, error)))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
px_coding_package_import (PxStore *store, const char *data, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)px_package_article_free);
  g_autoptr (GError) json_error = NULL;
  JsonNode *root;
  JsonObject *o;
  JsonArray *articles;
  ImportData import;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  if (!json_parser_load_from_data (parser, data, (gssize)length, &json_error))
    {
      invalid (error, json_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (get_string (json_node_get_object (root), "format"), PX_CODING_PACKAGE_FORMAT) != 0)
    {
      invalid (error, _ ("its “format” is not “parallax-coding-package”"));
      return NULL;
    }
  o = json_node_get_object (root);
  if ((articles = get_array (o, "articles")) == NULL || json_array_get_length (articles) == 0)
    {
      invalid (error, _ ("it holds no articles"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonNode *node = json_array_get_element (articles, i);
      PxDocument *doc = JSON_NODE_HOLDS_OBJECT (node) ? read_article (json_node_get_object (node)) : NULL;

      if (doc == NULL)
        {
          g_autofree char *which =
              g_strdup_printf (_ ("article %u is damaged (its text and blocks do not match)"), i + 1);
          invalid (error, which);
          return NULL;
        }
      g_ptr_array_add (documents, doc);
    }
  import = (ImportData){ o, documents, results };
  if (!px_store_transaction (store, import_txn, &import, error))
    return NULL;
  return g_steal_pointer (&results);
}
