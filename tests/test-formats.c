/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>

#include "formats/px-coding-package.h"
#include "formats/px-annotation-import.h"
#include "formats/px-citation.h"
#include "formats/px-qdpx.h"
#include "formats/px-w3c-export.h"
#include "annotations/px-store-annotations.h"
#include "annotations/px-store-coders.h"
#include "events/px-store-events.h"
#include "export/px-store-export.h"

/* Invented articles about one event, told by three outlets. */
typedef struct
{
  const char *title;
  const char *outlet;
  const char *author;
  const char *published;
  const char *url;
  const char *paragraphs[4];
} Article;

static const Article articles[] = {
  { "Storm floods the harbour district",
    "Varna Evening Post",
    "Mira Kostova, Petar Ilinov",
    "2026-03-14",
    "https://post.example/2026/03/storm-harbour",
    { "A storm flooded the harbour district of Orlen on Friday night, and forty families left their homes.",
      "The river rose two metres in four hours, said Anna Berg of the water authority.",
      "“We have never seen it climb so fast,” she said. Pumps ran until morning.",
      "Schools in the district stay closed on Monday; the council meets on Tuesday." } },
  { "Orlen counts the cost of Friday’s flood",
    "The Coastal Ledger",
    "Jonas K. Weber",
    "2026-03-15T08:30:00Z",
    "https://ledger.example/orlen-flood-cost",
    { "Shop owners in Orlen’s harbour district spent Saturday clearing mud and counting losses.",
      "The council estimates the damage at 3.5 million — a figure insurers call low & early.",
      "Anna Berg said the water authority had warned of the risk in 2019 {and again in 2023}.", NULL } },
  { "Flood: what we know",
    "Regional Wire Staff",
    "Regional Wire Staff",
    "2026-03",
    NULL,
    { "Forty families were evacuated from the harbour district after the river burst its banks.",
      "Emergency services reported no injuries. Power returned to most streets by Saturday noon.", NULL, NULL } },
};

typedef struct
{
  char *dir;
  PxStore *src;
  PxStore *dst;
  gint64 src_ids[G_N_ELEMENTS (articles)];
  gint64 dst_ids[G_N_ELEMENTS (articles)];
} Fixture;

static PxDocument *
make_doc (const Article *a)
{
  PxDocument *doc = px_document_new ();

  px_document_set_title (doc, a->title);
  px_document_set_outlet (doc, a->outlet);
  px_document_set_author (doc, a->author);
  px_document_set_published (doc, a->published);
  px_document_set_url (doc, a->url);
  px_document_set_language (doc, "en");
  for (guint i = 0; i < G_N_ELEMENTS (a->paragraphs) && a->paragraphs[i] != NULL; i++)
    px_document_append_block (doc, PX_BLOCK_PARAGRAPH, a->paragraphs[i]);
  return doc;
}

static PxStore *
open_library (Fixture *f, const char *name, gint64 *ids)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;
  PxStore *store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autoptr (PxDocument) doc = make_doc (&articles[i]);

      g_assert_true (px_store_add_document (store, doc, NULL, &error));
      g_assert_no_error (error);
      ids[i] = px_document_get_id (doc);
    }
  return store;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("px-formats-XXXXXX", NULL);
  f->src = open_library (f, "src.db", f->src_ids);
  f->dst = open_library (f, "dst.db", f->dst_ids);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->src);
  g_clear_object (&f->dst);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static PxAnnotation *
highlight (PxStore *store, gint64 doc_id, const char *quote, const char *color, const char *note,
           const char *const *tags)
{
  g_autoptr (PxDocument) doc = px_store_load_document (store, doc_id, NULL);
  const char *text = px_document_get_text (doc);
  const char *hit = strstr (text, quote);
  g_autoptr (GError) error = NULL;
  PxAnnotation *a;
  guint start;

  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);
  a = px_annotation_new_for_range (doc, start, start + g_utf8_strlen (quote, -1), color);
  px_annotation_set_note (a, note);
  px_annotation_set_tags (a, tags);
  g_assert_true (px_store_add_annotation (store, a, &error));
  g_assert_no_error (error);
  return a;
}

static const char *
coder_of (GHashTable *coders, PxAnnotation *a)
{
  gint64 id = px_annotation_get_id (a);

  return g_hash_table_lookup (coders, &id);
}

/* Coders ------------------------------------------------------------- */

static void
test_coder_default_and_set (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *initial = px_store_get_coder (f->src, &error);
  g_autoptr (PxAnnotation) first = highlight (f->src, f->src_ids[0], "storm", "yellow", "", NULL);
  g_autoptr (PxAnnotation) second = NULL;
  g_autoptr (GHashTable) coders = NULL;
  g_auto (GStrv) list = NULL;
  g_autofree char *now = NULL;

  g_assert_no_error (error);
  /* The account's real name, or its login name when it has none. */
  if (g_strcmp0 (g_get_real_name (), "Unknown") != 0 && *g_get_real_name () != '\0')
    g_assert_cmpstr (initial, ==, g_get_real_name ());
  else
    g_assert_cmpstr (initial, ==, g_get_user_name ());

  g_assert_true (px_store_set_coder (f->src, "  Ada Lind ", &error));
  g_assert_no_error (error);
  now = px_store_get_coder (f->src, NULL);
  g_assert_cmpstr (now, ==, "Ada Lind");
  second = highlight (f->src, f->src_ids[0], "forty families", "green", "", NULL);
  coders = px_store_get_annotation_coders (f->src, &error);
  g_assert_no_error (error);
  /* What was made before the change keeps its maker. */
  g_assert_cmpstr (coder_of (coders, first), ==, initial);
  g_assert_cmpstr (coder_of (coders, second), ==, "Ada Lind");
  list = px_store_list_coders (f->src, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (list), ==, 2);
  g_assert_cmpstr (list[0], ==, "Ada Lind");
  g_assert_cmpstr (list[1], ==, initial);

  /* Bad names are refused, with nothing changed. */
  g_assert_false (px_store_set_coder (f->src, "  ", &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (px_store_set_coder (f->src, "two\nlines", &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (now);
  now = px_store_get_coder (f->src, NULL);
  g_assert_cmpstr (now, ==, "Ada Lind");
}

/* A check of the Web Annotation Data Model (W3C Recommendation, 23
 * February 2017) and its JSON-LD context, written from the spec: what an
 * exported file MUST be for a JSON-LD processor and for other annotation
 * tools. */

static const char *const w3c_motivations[] = { "assessing",   "bookmarking",  "classifying", "commenting", "describing",
                                               "editing",     "highlighting", "identifying", "linking",    "moderating",
                                               "questioning", "replying",     "tagging",     NULL };

/* Terms of http://www.w3.org/ns/anno.jsonld this export uses; anything
 * else must be a compact IRI with a prefix the file defines, or a JSON-LD
 * processor silently drops it. */
static const char *const w3c_terms[] = { "@context", "id",     "type",       "motivation", "created",  "modified",
                                         "creator",  "body",   "target",     "generator",  "label",    "total",
                                         "first",    "partOf", "startIndex", "items",      "name",     "purpose",
                                         "value",    "format", "language",   "source",     "selector", "exact",
                                         "prefix",   "suffix", "start",      "end",        NULL };

static void
check_terms (JsonObject *o)
{
  g_autoptr (GList) members = json_object_get_members (o);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (!g_strv_contains (w3c_terms, key))
        g_assert_true (g_str_has_prefix (key, "parallax:"));
    }
}

static void
check_iri (const char *iri)
{
  g_assert_nonnull (iri);
  /* RFC 3987: a scheme, then a colon. */
  g_assert_true (g_uri_peek_scheme (iri) != NULL);
}

static void
check_datetime (JsonObject *o, const char *member)
{
  const char *value = json_object_get_string_member_with_default (o, member, NULL);
  g_autoptr (GDateTime) parsed = NULL;

  if (value == NULL)
    return;
  /* xsd:dateTime with the UTC timezone, as the model says they SHOULD be. */
  parsed = g_date_time_new_from_iso8601 (value, NULL);
  g_assert_nonnull (parsed);
  g_assert_true (g_str_has_suffix (value, "Z"));
}

static void
check_body (JsonObject *body)
{
  const char *language;

  check_terms (body);
  g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "TextualBody");
  /* A TextualBody MUST have exactly one value, a string. */
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (body, "value")));
  g_assert_nonnull (json_object_get_string_member (body, "value"));
  if (json_object_has_member (body, "purpose"))
    g_assert_true (g_strv_contains (w3c_motivations, json_object_get_string_member (body, "purpose")));
  if (json_object_has_member (body, "format"))
    g_assert_true (
        g_regex_match_simple ("^[a-z]+/[a-z0-9.+-]+$", json_object_get_string_member (body, "format"), 0, 0));
  language = json_object_get_string_member_with_default (body, "language", NULL);
  if (language != NULL)
    g_assert_true (g_regex_match_simple ("^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$", language, 0, 0));
}

static void
check_selector (JsonObject *s)
{
  const char *type = json_object_get_string_member (s, "type");

  check_terms (s);
  if (g_strcmp0 (type, "TextQuoteSelector") == 0)
    {
      g_assert_nonnull (json_object_get_string_member (s, "exact"));
      g_assert_nonnull (json_object_get_string_member_with_default (s, "prefix", ""));
      g_assert_nonnull (json_object_get_string_member_with_default (s, "suffix", ""));
    }
  else
    {
      g_assert_cmpstr (type, ==, "TextPositionSelector");
      /* Non-negative integers, end not before start. */
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (s, "start")), ==, G_TYPE_INT64);
      g_assert_cmpint (json_object_get_int_member (s, "start"), >=, 0);
      g_assert_cmpint (json_object_get_int_member (s, "end"), >=, json_object_get_int_member (s, "start"));
    }
}

static void
check_annotation (JsonObject *a)
{
  JsonObject *target, *creator;
  JsonArray *bodies, *selectors;

  check_terms (a);
  check_iri (json_object_get_string_member (a, "id"));
  g_assert_cmpstr (json_object_get_string_member (a, "type"), ==, "Annotation");
  g_assert_true (g_strv_contains (w3c_motivations, json_object_get_string_member (a, "motivation")));
  check_datetime (a, "created");
  check_datetime (a, "modified");
  if ((creator = json_object_get_object_member (a, "creator")) != NULL)
    {
      check_terms (creator);
      g_assert_true (g_strv_contains ((const char *const[]){ "Person", "Organization", "Software", NULL },
                                      json_object_get_string_member (creator, "type")));
      g_assert_nonnull (json_object_get_string_member (creator, "name"));
    }
  bodies = json_object_get_array_member (a, "body");
  for (guint i = 0; i < json_array_get_length (bodies); i++)
    check_body (json_array_get_object_element (bodies, i));
  /* There MUST be one or more targets; a SpecificResource has a source. */
  target = json_object_get_object_member (a, "target");
  g_assert_nonnull (target);
  check_terms (target);
  check_iri (json_object_get_string_member (target, "source"));
  selectors = json_object_get_array_member (target, "selector");
  g_assert_cmpuint (json_array_get_length (selectors), >=, 1);
  for (guint i = 0; i < json_array_get_length (selectors); i++)
    check_selector (json_array_get_object_element (selectors, i));
}

/* Returns the number of annotations in a valid export. */
static guint
check_w3c_document (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *page;
  JsonArray *context, *items;
  const char *prefix;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  check_terms (root);
  /* The context MUST be the model's, first when there are several. */
  context = json_object_get_array_member (root, "@context");
  g_assert_cmpstr (json_array_get_string_element (context, 0), ==, "http://www.w3.org/ns/anno.jsonld");
  /* The prefix of the extension terms is defined, as an IRI. */
  prefix = json_object_get_string_member (json_array_get_object_element (context, 1), "parallax");
  check_iri (prefix);
  g_assert_true (g_str_has_suffix (prefix, "#"));
  check_iri (json_object_get_string_member (root, "id"));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "AnnotationCollection");
  page = json_object_get_object_member (root, "first");
  check_terms (page);
  check_iri (json_object_get_string_member (page, "id"));
  g_assert_cmpstr (json_object_get_string_member (page, "type"), ==, "AnnotationPage");
  g_assert_cmpstr (json_object_get_string_member (page, "partOf"), ==, json_object_get_string_member (root, "id"));
  items = json_object_get_array_member (page, "items");
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, json_array_get_length (items));
  for (guint i = 0; i < json_array_get_length (items); i++)
    check_annotation (json_array_get_object_element (items, i));
  return json_array_get_length (items);
}

static char *
export_w3c (PxStore *store, const PxFormatScope *scope)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxFormatSet) set = px_format_set_load (store, scope, &error);

  g_assert_no_error (error);
  return px_w3c_export (set);
}

static GPtrArray *
import_file (PxStore *store, const char *json, const char *coder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) incoming = px_annotation_file_parse (json, strlen (json), &error);
  GPtrArray *results;

  g_assert_no_error (error);
  results = px_annotation_import (store, incoming, coder, &error);
  g_assert_no_error (error);
  return results;
}

static guint
count_status (GPtrArray *results, PxAnnotationImportStatus status)
{
  guint n = 0;

  for (guint i = 0; i < results->len; i++)
    n += ((PxAnnotationImportResult *)g_ptr_array_index (results, i))->status == status;
  return n;
}

/* A key of everything a highlight keeps, document by its place in
 * articles[]. */
static char *
annotation_key (PxAnnotation *a, guint article, const char *coder)
{
  g_autofree char *tags = g_strjoinv ("|", (char **)px_annotation_get_tags (a));

  return g_strdup_printf ("%u %u %u %s %s %s %s %s %s %s %s %s %s %d", article, px_annotation_get_start (a),
                          px_annotation_get_end (a), px_annotation_get_quote (a), px_annotation_get_prefix (a),
                          px_annotation_get_suffix (a), px_annotation_get_color (a), tags, px_annotation_get_note (a),
                          px_annotation_get_note_language (a) ? px_annotation_get_note_language (a) : "-",
                          px_annotation_get_created (a), px_annotation_get_modified (a), coder,
                          px_annotation_get_orphaned (a));
}

static GPtrArray *
library_keys (PxStore *store, const gint64 *ids)
{
  g_autoptr (GHashTable) coders = px_store_get_annotation_coders (store, NULL);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autoptr (GPtrArray) list = px_store_list_annotations (store, ids[i], NULL);

      for (guint k = 0; k < list->len; k++)
        g_ptr_array_add (
            keys, annotation_key (g_ptr_array_index (list, k), i, coder_of (coders, g_ptr_array_index (list, k))));
    }
  g_ptr_array_sort (keys, (GCompareFunc)g_strcmp0);
  return keys;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

/* 1,000 highlights of every kind out to JSON-LD and into an empty library
 * with the same articles: all come back, the same in every value. */
static void
test_w3c_round_trip (Fixture *f, gconstpointer data)
{
  static const char *const tag_pool[] = { "claim", "Évidence", "quote", "numbers", "source: council", "a/b" };
  static const char *const notes[] = { "",
                                       "",
                                       "Short note.",
                                       "Two\nlines with *Markdown*",
                                       "«Guillemets» — ünïcödé 🌊",
                                       "Tab\tand \"quotes\" and \\ backslash" };
  const char *const *colors = px_annotation_color_names ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (19);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  PxFormatScope all = { PX_FORMAT_SCOPE_ALL, 0, NULL };
  guint made = 0;

  g_assert_true (px_store_set_coder (f->src, "Coder One", &error));
  g_assert_true (px_store_set_color_meaning (f->src, "red", "Claim by an official", &error));
  g_assert_no_error (error);
  while (made < 1000)
    {
      guint article = g_rand_int_range (rand, 0, G_N_ELEMENTS (articles));
      g_autoptr (PxDocument) doc = px_store_load_document (f->src, f->src_ids[article], NULL);
      guint length = px_document_get_length (doc);
      guint start = g_rand_int_range (rand, 0, length - 1);
      guint end = MIN (length, start + g_rand_int_range (rand, 1, 60));
      const char *color = colors[g_rand_int_range (rand, 0, PX_N_COLORS)];
      g_autofree char *key = g_strdup_printf ("%u %u %u %s", article, start, end, color);
      g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
      g_auto (GStrv) tag_list = NULL;
      g_autoptr (PxAnnotation) a = NULL;

      /* The same place and colour twice would be a duplicate. */
      if (g_hash_table_contains (used, key))
        continue;
      g_hash_table_add (used, g_steal_pointer (&key));
      a = px_annotation_new_for_range (doc, start, end, color);
      for (guint t = 0; t < G_N_ELEMENTS (tag_pool); t++)
        if (g_rand_int_range (rand, 0, 4) == 0)
          g_strv_builder_add (tags, tag_pool[t]);
      tag_list = g_strv_builder_end (tags);
      px_annotation_set_tags (a, (const char *const *)tag_list);
      px_annotation_set_note (a, notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);
      if (*px_annotation_get_note (a) != '\0' && g_rand_boolean (rand))
        px_annotation_set_note_language (a, "en_GB");
      g_assert_true (px_store_add_annotation (f->src, a, &error));
      g_assert_no_error (error);
      /* Some from another coder, at their own dates. */
      if (made % 7 == 0)
        g_assert_true (px_store_set_annotation_origin (f->src, px_annotation_get_id (a), "Coder Two",
                                                       "2026-03-16T10:00:00Z", "2026-03-17T11:30:00Z", &error));
      g_assert_no_error (error);
      made++;
    }

  json = export_w3c (f->src, &all);
  g_assert_cmpuint (check_w3c_document (json), ==, 1000);

  results = import_file (f->dst, json, NULL);
  g_assert_cmpuint (results->len, ==, 1000);
  g_assert_cmpuint (count_status (results, PX_IMPORT_IMPORTED), ==, 1000);

  before = library_keys (f->src, f->src_ids);
  after = library_keys (f->dst, f->dst_ids);
  g_ptr_array_sort (before, compare_strings);
  g_ptr_array_sort (after, compare_strings);
  g_assert_cmpuint (after->len, ==, 1000);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (g_ptr_array_index (after, i), ==, g_ptr_array_index (before, i));

  /* Once more: nothing is made twice. */
  again = import_file (f->dst, json, NULL);
  g_assert_cmpuint (count_status (again, PX_IMPORT_DUPLICATE), ==, 1000);
  {
    g_autoptr (GPtrArray) all_after = px_store_list_annotations (f->dst, 0, NULL);
    g_assert_cmpuint (all_after->len, ==, 1000);
  }
}

/* An export of one tag holds only its highlights; an article's, only its
 * own. */
static void
test_w3c_scopes (Fixture *f, gconstpointer data)
{
  static const char *const claim[] = { "claim", NULL };
  g_autoptr (PxAnnotation) a = highlight (f->src, f->src_ids[0], "two metres", "red", "", claim);
  g_autoptr (PxAnnotation) b = highlight (f->src, f->src_ids[1], "3.5 million", "blue", "", NULL);
  g_autoptr (PxAnnotation) c = highlight (f->src, f->src_ids[2], "no injuries", "green", "", claim);
  PxFormatScope tag = { PX_FORMAT_SCOPE_TAG, 0, "CLAIM" };
  PxFormatScope doc = { PX_FORMAT_SCOPE_DOCUMENT, f->src_ids[1], NULL };
  PxFormatScope unknown = { PX_FORMAT_SCOPE_TAG, 0, "nope" };
  g_autofree char *by_tag = export_w3c (f->src, &tag);
  g_autofree char *by_doc = export_w3c (f->src, &doc);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxFormatSet) none = NULL;

  g_assert_cmpuint (check_w3c_document (by_tag), ==, 2);
  g_assert_nonnull (strstr (by_tag, "\"two metres\""));
  g_assert_nonnull (strstr (by_tag, "\"no injuries\""));
  g_assert_cmpuint (check_w3c_document (by_doc), ==, 1);
  g_assert_nonnull (strstr (by_doc, "\"3.5 million\""));
  /* The article's URL is the target's source. */
  g_assert_nonnull (strstr (by_doc, "\"https://ledger.example/orlen-flood-cost\""));
  none = px_format_set_load (f->src, &unknown, &error);
  g_assert_null (none);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
}

/* Re-anchoring: the text moved since the export (the importing library's
 * copy differs); the quote finds the passage, a lost one is reported. */
static void
test_w3c_reanchor_and_orphans (Fixture *f, gconstpointer data)
{
  g_autoptr (PxAnnotation) a = highlight (f->src, f->src_ids[0], "Pumps ran until morning", "purple", "", NULL);
  g_autoptr (PxDocument) changed = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  PxFormatScope all = { PX_FORMAT_SCOPE_ALL, 0, NULL };
  g_autofree char *json = export_w3c (f->src, &all);
  g_autofree char *moved = NULL;
  gint64 id;
  PxAnnotationImportResult *r;

  /* Another library has the article with a paragraph more at the top and
   * the highlight's sentence reworded, under the same URL. */
  {
    Article edited = articles[0];
    g_autofree char *path = g_build_filename (f->dir, "third.db", NULL);
    g_autoptr (PxStore) third = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    edited.paragraphs[0] = "Updated on Saturday. A storm flooded the harbour district of Orlen on Friday night.";
    changed = make_doc (&edited);
    g_assert_true (px_store_add_document (third, changed, NULL, &error));
    g_assert_no_error (error);
    id = px_document_get_id (changed);
    results = import_file (third, json, "Reader");
    g_assert_cmpuint (results->len, ==, 1);
    r = g_ptr_array_index (results, 0);
    g_assert_cmpint (r->status, ==, PX_IMPORT_IMPORTED);
    list = px_store_list_annotations (third, id, NULL);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (px_annotation_get_quote (g_ptr_array_index (list, 0)), ==, "Pumps ran until morning");
    moved = px_document_get_slice (changed, px_annotation_get_start (g_ptr_array_index (list, 0)),
                                   px_annotation_get_end (g_ptr_array_index (list, 0)));
    g_assert_cmpstr (moved, ==, "Pumps ran until morning");
  }

  /* A file naming an article the library does not have, and a quote that
   * is not in the article: both orphaned, the second kept as orphaned. */
  {
    const char *lost =
        "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationPage\", \"items\": ["
        "{\"id\": \"urn:x:1\", \"type\": \"Annotation\", \"target\": {\"source\": "
        "\"https://elsewhere.example/a\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": "
        "\"storm\"}}},"
        "{\"id\": \"urn:x:2\", \"type\": \"Annotation\", \"bodyValue\": \"kept\", \"target\": {\"source\": "
        "\"https://post.example/2026/03/storm-harbour\", \"selector\": {\"type\": \"TextQuoteSelector\", "
        "\"exact\": \"a sentence that no outlet ever printed anywhere\"}}}]}";
    g_autoptr (GPtrArray) orphans = import_file (f->dst, lost, NULL);
    g_autoptr (GPtrArray) kept = px_store_list_annotations (f->dst, f->dst_ids[0], NULL);

    g_assert_cmpuint (count_status (orphans, PX_IMPORT_ORPHANED), ==, 2);
    g_assert_cmpint (((PxAnnotationImportResult *)g_ptr_array_index (orphans, 0))->annotation_id, ==, 0);
    g_assert_cmpstr (((PxAnnotationImportResult *)g_ptr_array_index (orphans, 0))->file_id, ==, "urn:x:1");
    g_assert_cmpuint (kept->len, ==, 1);
    g_assert_true (px_annotation_get_orphaned (g_ptr_array_index (kept, 0)));
    g_assert_cmpstr (px_annotation_get_note (g_ptr_array_index (kept, 0)), ==, "kept");
  }
}

static void
test_w3c_bad_files (void)
{
  static const char *const bad[] = { "", "not json", "{\"hello\": 1}", "42", "[1, 2]" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) parsed = px_annotation_file_parse (bad[i], strlen (bad[i]), &error);

      /* An array of non-annotations is simply empty; the rest fail. */
      if (i == 4)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (parsed->len, ==, 0);
        }
      else
        {
          g_assert_null (parsed);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        }
    }
}

/* A Hypothesis export as its client writes it: positions count the web
 * page's text (not Parallax's clean text), the quote is what anchors. */
static void
test_hypothesis_import (Fixture *f, gconstpointer data)
{
  const char *file =
      "{\"export_date\": \"2026-03-20T09:00:00.000Z\", \"export_userid\": \"acct:bob@hypothes.is\","
      " \"client_version\": \"1.0\", \"annotations\": ["
      "{\"id\": \"Hx1\", \"created\": \"2026-03-18T12:00:00.000000+00:00\", \"updated\": "
      "\"2026-03-18T12:05:00.000000+00:00\", \"user\": \"acct:bob@hypothes.is\", \"uri\": "
      "\"https://post.example/2026/03/storm-harbour\", \"text\": \"Check this figure\", \"tags\": [\"numbers\", "
      "\"water\"], \"user_info\": {\"display_name\": \"Bob Marsh\"}, \"target\": [{\"source\": "
      "\"https://post.example/2026/03/storm-harbour\", \"selector\": [{\"type\": \"RangeSelector\", "
      "\"startContainer\": "
      "\"/main[1]/p[2]\", \"startOffset\": 0, \"endContainer\": \"/main[1]/p[2]\", \"endOffset\": 30}, {\"type\": "
      "\"TextPositionSelector\", \"start\": 1512, \"end\": 1539}, {\"type\": \"TextQuoteSelector\", \"exact\": \"rose "
      "two "
      "metres in four hours\", \"prefix\": \"The river \", \"suffix\": \", said Anna\"}]}]},"
      "{\"id\": \"Hx2\", \"created\": \"2026-03-18T12:10:00.000000+00:00\", \"user\": \"acct:carol@hypothes.is\", "
      "\"uri\": "
      "\"https://post.example/2026/03/storm-harbour#comments\", \"text\": \"\", \"tags\": [], \"target\": "
      "[{\"source\": "
      "\"https://post.example/2026/03/storm-harbour#comments\", \"selector\": [{\"type\": \"TextQuoteSelector\", "
      "\"exact\": \"Pumps ran until morning\"}]}]}]}";
  g_autoptr (GPtrArray) results = import_file (f->dst, file, NULL);
  g_autoptr (GPtrArray) list = px_store_list_annotations (f->dst, f->dst_ids[0], NULL);
  g_autoptr (GHashTable) coders = px_store_get_annotation_coders (f->dst, NULL);
  PxAnnotation *first, *second;

  g_assert_cmpuint (count_status (results, PX_IMPORT_IMPORTED), ==, 2);
  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  second = g_ptr_array_index (list, 1);
  g_assert_cmpstr (px_annotation_get_quote (first), ==, "rose two metres in four hours");
  g_assert_cmpstr (px_annotation_get_note (first), ==, "Check this figure");
  g_assert_true (px_annotation_has_tag (first, "numbers"));
  g_assert_true (px_annotation_has_tag (first, "water"));
  g_assert_cmpstr (px_annotation_get_color (first), ==, "yellow");
  g_assert_cmpstr (coder_of (coders, first), ==, "Bob Marsh");
  g_assert_cmpstr (px_annotation_get_created (first), ==, "2026-03-18T12:00:00Z");
  /* No display name: the account's name; the page's fragment ignored. */
  g_assert_cmpstr (px_annotation_get_quote (second), ==, "Pumps ran until morning");
  g_assert_cmpstr (coder_of (coders, second), ==, "carol");
}

/* Citations ----------------------------------------------------------- */

static PxFormatSet *
load_all (PxStore *store)
{
  g_autoptr (GError) error = NULL;
  PxFormatScope all = { PX_FORMAT_SCOPE_ALL, 0, NULL };
  PxFormatSet *set = px_format_set_load (store, &all, &error);

  g_assert_no_error (error);
  return set;
}

/* The CSL-JSON schema (citation-style-language/schema, csl-data.json,
 * version 1.0.2, "$id" .../schema/v1.0/input/json/csl-data.json; compared
 * with it member by member, see docs/citations.md), written out as checks:
 * an array of items; each item an object with "id" and "type" (one of the
 * CSL item types) and no other members than the schema's; names are
 * arrays of name objects with the schema's parts, dates are date objects
 * with the schema's members and date-parts of one or two arrays of one to
 * three numbers; categories an array of strings, custom an object; the
 * number variables strings or numbers, the rest strings. */
static const char *const csl_types[] = { "article",
                                         "article-journal",
                                         "article-magazine",
                                         "article-newspaper",
                                         "bill",
                                         "book",
                                         "broadcast",
                                         "chapter",
                                         "classic",
                                         "collection",
                                         "dataset",
                                         "document",
                                         "entry",
                                         "entry-dictionary",
                                         "entry-encyclopedia",
                                         "event",
                                         "figure",
                                         "graphic",
                                         "hearing",
                                         "interview",
                                         "legal_case",
                                         "legislation",
                                         "manuscript",
                                         "map",
                                         "motion_picture",
                                         "musical_score",
                                         "pamphlet",
                                         "paper-conference",
                                         "patent",
                                         "performance",
                                         "periodical",
                                         "personal_communication",
                                         "post",
                                         "post-weblog",
                                         "regulation",
                                         "report",
                                         "review",
                                         "review-book",
                                         "software",
                                         "song",
                                         "speech",
                                         "standard",
                                         "thesis",
                                         "treaty",
                                         "webpage",
                                         NULL };
static const char *const csl_name_variables[] = { "author",
                                                  "chair",
                                                  "collection-editor",
                                                  "compiler",
                                                  "composer",
                                                  "container-author",
                                                  "contributor",
                                                  "curator",
                                                  "director",
                                                  "editor",
                                                  "editorial-director",
                                                  "executive-producer",
                                                  "guest",
                                                  "host",
                                                  "interviewer",
                                                  "illustrator",
                                                  "narrator",
                                                  "organizer",
                                                  "original-author",
                                                  "performer",
                                                  "producer",
                                                  "recipient",
                                                  "reviewed-author",
                                                  "script-writer",
                                                  "series-creator",
                                                  "translator",
                                                  NULL };
static const char *const csl_date_variables[] = { "accessed",      "available-date", "event-date", "issued",
                                                  "original-date", "submitted",      NULL };
static const char *const csl_other_variables[] = { "id",
                                                   "type",
                                                   "citation-key",
                                                   "categories",
                                                   "language",
                                                   "journalAbbreviation",
                                                   "shortTitle",
                                                   "abstract",
                                                   "annote",
                                                   "archive",
                                                   "archive_collection",
                                                   "archive_location",
                                                   "archive-place",
                                                   "authority",
                                                   "call-number",
                                                   "chapter-number",
                                                   "citation-number",
                                                   "citation-label",
                                                   "collection-number",
                                                   "collection-title",
                                                   "container-title",
                                                   "container-title-short",
                                                   "dimensions",
                                                   "division",
                                                   "DOI",
                                                   "edition",
                                                   "event",
                                                   "event-title",
                                                   "event-place",
                                                   "first-reference-note-number",
                                                   "genre",
                                                   "ISBN",
                                                   "ISSN",
                                                   "issue",
                                                   "jurisdiction",
                                                   "keyword",
                                                   "locator",
                                                   "medium",
                                                   "note",
                                                   "number",
                                                   "number-of-pages",
                                                   "number-of-volumes",
                                                   "original-publisher",
                                                   "original-publisher-place",
                                                   "original-title",
                                                   "page",
                                                   "page-first",
                                                   "part",
                                                   "part-title",
                                                   "PMCID",
                                                   "PMID",
                                                   "printing",
                                                   "publisher",
                                                   "publisher-place",
                                                   "references",
                                                   "reviewed-genre",
                                                   "reviewed-title",
                                                   "scale",
                                                   "section",
                                                   "source",
                                                   "status",
                                                   "supplement",
                                                   "title",
                                                   "title-short",
                                                   "URL",
                                                   "version",
                                                   "volume",
                                                   "volume-title",
                                                   "volume-title-short",
                                                   "year-suffix",
                                                   "custom",
                                                   NULL };
static const char *const csl_name_parts[] = {
  "family",       "given",           "dropping-particle", "non-dropping-particle", "suffix",
  "comma-suffix", "static-ordering", "literal",           "parse-names",           NULL
};

/* Members that are strings or numbers; every other plain member is a
 * string. */
static const char *const csl_number_variables[] = { "id",
                                                    "chapter-number",
                                                    "citation-number",
                                                    "collection-number",
                                                    "edition",
                                                    "first-reference-note-number",
                                                    "issue",
                                                    "locator",
                                                    "number",
                                                    "number-of-pages",
                                                    "number-of-volumes",
                                                    "page",
                                                    "page-first",
                                                    "part",
                                                    "printing",
                                                    "supplement",
                                                    "volume",
                                                    NULL };
static const char *const csl_date_parts[] = { "date-parts", "season", "circa", "literal", "raw", NULL };
static const char *const csl_name_strings[] = {
  "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal", NULL
};

static gboolean
holds (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A date object: only the schema's members, date-parts one or two arrays
 * of one to three numbers (the schema also allows strings; Zotero wants
 * numbers, so the check does too). */
static gboolean
csl_date_valid (JsonNode *node)
{
  g_autoptr (GList) members = NULL;
  JsonObject *date;
  JsonNode *parts_node;
  JsonArray *parts;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  date = json_node_get_object (node);
  members = json_object_get_members (date);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (csl_date_parts, l->data))
      return FALSE;
  parts_node = json_object_get_member (date, "date-parts");
  if (parts_node == NULL || !JSON_NODE_HOLDS_ARRAY (parts_node))
    return FALSE;
  parts = json_node_get_array (parts_node);
  if (json_array_get_length (parts) < 1 || json_array_get_length (parts) > 2)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (parts); i++)
    {
      JsonNode *one_node = json_array_get_element (parts, i);
      JsonArray *one;

      if (!JSON_NODE_HOLDS_ARRAY (one_node))
        return FALSE;
      one = json_node_get_array (one_node);
      if (json_array_get_length (one) < 1 || json_array_get_length (one) > 3)
        return FALSE;
      for (guint k = 0; k < json_array_get_length (one); k++)
        if (!holds (json_array_get_element (one, k), G_TYPE_INT64))
          return FALSE;
    }
  return TRUE;
}

/* A name variable: an array of objects with the schema's name parts, the
 * textual ones strings. */
static gboolean
csl_names_valid (JsonNode *node)
{
  JsonArray *names;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  names = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *name = json_array_get_element (names, i);
      g_autoptr (GList) parts = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (name))
        return FALSE;
      parts = json_object_get_members (json_node_get_object (name));
      if (parts == NULL)
        return FALSE;
      for (GList *p = parts; p != NULL; p = p->next)
        {
          JsonNode *value = json_object_get_member (json_node_get_object (name), p->data);

          if (!g_strv_contains (csl_name_parts, p->data))
            return FALSE;
          if (g_strv_contains (csl_name_strings, p->data) ? !holds (value, G_TYPE_STRING)
                                                          : !JSON_NODE_HOLDS_VALUE (value))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
csl_item_valid (JsonObject *item)
{
  g_autoptr (GList) members = json_object_get_members (item);

  if (!json_object_has_member (item, "id") || !json_object_has_member (item, "type") ||
      !holds (json_object_get_member (item, "type"), G_TYPE_STRING) ||
      !g_strv_contains (csl_types, json_object_get_string_member (item, "type")))
    return FALSE;
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value = json_object_get_member (item, key);
      gboolean ok;

      if (g_strv_contains (csl_name_variables, key))
        ok = csl_names_valid (value);
      else if (g_strv_contains (csl_date_variables, key))
        ok = csl_date_valid (value);
      else if (g_str_equal (key, "categories"))
        {
          ok = JSON_NODE_HOLDS_ARRAY (value);
          for (guint i = 0; ok && i < json_array_get_length (json_node_get_array (value)); i++)
            ok = holds (json_array_get_element (json_node_get_array (value), i), G_TYPE_STRING);
        }
      else if (g_str_equal (key, "custom"))
        ok = JSON_NODE_HOLDS_OBJECT (value);
      else if (g_strv_contains (csl_number_variables, key))
        ok = holds (value, G_TYPE_STRING) || holds (value, G_TYPE_INT64) || holds (value, G_TYPE_DOUBLE);
      else
        ok = g_strv_contains (csl_other_variables, key) && holds (value, G_TYPE_STRING);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* The check refuses what the schema refuses. */
static void
test_csl_check (void)
{
  static const char *const bad[] = {
    "{\"type\": \"article-newspaper\"}",                             /* no id */
    "{\"id\": \"a\", \"type\": \"newspaper\"}",                      /* unknown type */
    "{\"id\": \"a\", \"type\": \"article\", \"headline\": \"x\"}",   /* unknown member */
    "{\"id\": \"a\", \"type\": \"article\", \"title\": 3}",          /* title not a string */
    "{\"id\": \"a\", \"type\": \"article\", \"categories\": \"x\"}", /* categories not an array */
    "{\"id\": \"a\", \"type\": \"article\", \"author\": [{\"first\": \"A\"}]}",
    "{\"id\": \"a\", \"type\": \"article\", \"author\": [{\"family\": 1}]}",
    "{\"id\": \"a\", \"type\": \"article\", \"issued\": {\"date-parts\": [[2026]], \"year\": 1}}",
    "{\"id\": \"a\", \"type\": \"article\", \"issued\": {\"date-parts\": [[2026, 1, 2, 3]]}}",
    "{\"id\": \"a\", \"type\": \"article\", \"issued\": {\"date-parts\": [[2026], [2027], [2028]]}}",
  };
  static const char *const good =
      "{\"id\": 7, \"type\": \"article\", \"title\": \"x\", \"volume\": 3, \"categories\": [\"a\"],"
      " \"custom\": {\"k\": true}, \"author\": [{\"family\": \"A\", \"static-ordering\": true}],"
      " \"issued\": {\"date-parts\": [[2026, 3], [2026, 4]], \"circa\": true}}";

  for (guint i = 0; i <= G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      const char *text = i < G_N_ELEMENTS (bad) ? bad[i] : good;

      g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
      g_assert_no_error (error);
      g_assert_true (csl_item_valid (json_node_get_object (json_parser_get_root (parser))) ==
                     (i == G_N_ELEMENTS (bad)));
    }
}

static JsonObject *
find_item (JsonArray *items, const char *title)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "title"), title) == 0)
      return json_array_get_object_element (items, i);
  g_assert_not_reached ();
}

static void
test_csl_json (Fixture *f, gconstpointer data)
{
  g_autoptr (PxFormatSet) set = load_all (f->src);
  g_autofree char *json = px_citation_csl_json (set);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *items;
  JsonObject *first, *second, *third;
  JsonArray *authors;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  items = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (csl_item_valid (json_array_get_object_element (items, i)));

  first = find_item (items, articles[0].title);
  g_assert_cmpstr (json_object_get_string_member (first, "type"), ==, "article-newspaper");
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Storm floods the harbour district");
  g_assert_cmpstr (json_object_get_string_member (first, "container-title"), ==, "Varna Evening Post");
  g_assert_cmpstr (json_object_get_string_member (first, "URL"), ==, "https://post.example/2026/03/storm-harbour");
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "kostova2026storm");
  authors = json_object_get_array_member (first, "author");
  g_assert_cmpuint (json_array_get_length (authors), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (authors, 1), "family"), ==, "Ilinov");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (authors, 1), "given"), ==, "Petar");
  {
    JsonArray *issued = json_array_get_array_element (
        json_object_get_array_member (json_object_get_object_member (first, "issued"), "date-parts"), 0);
    g_assert_cmpint (json_array_get_int_element (issued, 0), ==, 2026);
    g_assert_cmpint (json_array_get_int_element (issued, 1), ==, 3);
    g_assert_cmpint (json_array_get_int_element (issued, 2), ==, 14);
  }
  g_assert_true (json_object_has_member (first, "accessed"));
  second = find_item (items, articles[1].title);
  authors = json_object_get_array_member (second, "author");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (authors, 0), "given"), ==, "Jonas K.");
  /* A by-line of an organisation stays whole; a month-only date has two
   * parts; no URL, no member. */
  third = find_item (items, articles[2].title);
  authors = json_object_get_array_member (third, "author");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (authors, 0), "literal"), ==,
                   "Regional Wire Staff");
  g_assert_cmpuint (
      json_array_get_length (json_array_get_array_element (
          json_object_get_array_member (json_object_get_object_member (third, "issued"), "date-parts"), 0)),
      ==, 2);
  g_assert_false (json_object_has_member (third, "URL"));
}

/* The RIS tags (the RIS format specification, Research Information
 * Systems): every line is "XX  - value", a record opens with TY (a
 * reference type) and closes with ER. */
static const char *const ris_tags[] = { "TY", "A1", "A2", "A3", "A4", "AB", "AD", "AN", "AU", "BT", "C1", "C2",
                                        "C3", "C4", "C5", "C6", "C7", "C8", "CA", "CN", "CP", "CT", "CY", "DA",
                                        "DB", "DO", "DP", "ED", "EP", "ET", "ID", "IS", "J1", "J2", "JA", "JF",
                                        "JO", "KW", "L1", "L2", "L3", "L4", "LA", "LB", "LK", "M1", "M2", "M3",
                                        "N1", "N2", "NV", "OP", "PB", "PP", "PY", "RI", "RN", "RP", "SE", "SN",
                                        "SP", "ST", "T1", "T2", "T3", "TA", "TI", "TT", "U1", "U2", "U3", "U4",
                                        "U5", "UR", "VL", "VO", "Y1", "Y2", "ER", NULL };
static const char *const ris_types[] = { "ABST",  "ADVS",  "AGGR",   "ANCIENT", "ART",     "BILL",   "BLOG",   "BOOK",
                                         "CASE",  "CHAP",  "CHART",  "CLSWK",   "COMP",    "CONF",   "CPAPER", "CTLG",
                                         "DATA",  "DBASE", "DICT",   "EBOOK",   "ECHAP",   "EDBOOK", "EJOUR",  "ELEC",
                                         "ENCYC", "EQUA",  "FIGURE", "GEN",     "GOVDOC",  "GRANT",  "HEAR",   "ICOMM",
                                         "INPR",  "JFULL", "JOUR",   "LEGAL",   "MANSCPT", "MAP",    "MGZN",   "MPCT",
                                         "MULTI", "MUSIC", "NEWS",   "PAMP",    "PAT",     "PCOMM",  "RPRT",   "SER",
                                         "SLIDE", "SOUND", "STAND",  "STAT",    "THES",    "UNPB",   "VIDEO",  NULL };

static void
test_ris (Fixture *f, gconstpointer data)
{
  g_autoptr (PxFormatSet) set = load_all (f->src);
  g_autofree char *ris = px_citation_ris (set);
  g_auto (GStrv) lines = g_strsplit (ris, "\r\n", -1);
  g_autoptr (GRegex) line_re = g_regex_new ("^([A-Z][A-Z0-9])  - (.*)$", 0, 0, NULL);
  gboolean in_record = FALSE;
  guint records = 0;

  g_assert_true (g_str_has_suffix (ris, "\r\n"));
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_autoptr (GMatchInfo) match = NULL;
      g_autofree char *tag = NULL;
      g_autofree char *value = NULL;

      g_assert_true (g_regex_match (line_re, lines[i], 0, &match));
      tag = g_match_info_fetch (match, 1);
      value = g_match_info_fetch (match, 2);
      g_assert_true (g_strv_contains (ris_tags, tag));
      g_assert_null (strchr (value, '\n'));
      if (!in_record)
        {
          g_assert_cmpstr (tag, ==, "TY");
          g_assert_true (g_strv_contains (ris_types, value));
          in_record = TRUE;
          records++;
        }
      else if (g_strcmp0 (tag, "ER") == 0)
        {
          g_assert_cmpstr (value, ==, "");
          in_record = FALSE;
        }
      else
        g_assert_cmpstr (tag, !=, "TY");
      if (g_strcmp0 (tag, "DA") == 0 || g_strcmp0 (tag, "Y2") == 0)
        g_assert_true (g_regex_match_simple ("^[0-9]{4}/([0-9]{2})?/([0-9]{2})?/$", value, 0, 0));
    }
  g_assert_false (in_record);
  g_assert_cmpuint (records, ==, 3);
  g_assert_nonnull (strstr (ris,
                            "TY  - NEWS\r\nTI  - Storm floods the harbour district\r\nAU  - Kostova, Mira\r\n"
                            "AU  - Ilinov, Petar\r\nT2  - Varna Evening Post\r\nPY  - 2026\r\nDA  - 2026/03/14/\r\n"
                            "UR  - https://post.example/2026/03/storm-harbour\r\n"));
  g_assert_nonnull (strstr (ris, "DA  - 2026/03//\r\n"));
}

static void
test_bibtex (Fixture *f, gconstpointer data)
{
  g_autoptr (PxFormatSet) set = load_all (f->src);
  g_autofree char *bib = px_citation_bibtex (set);
  int depth = 0;

  /* Braces balance, never below zero, escaped ones aside. */
  for (const char *p = bib; *p != '\0'; p++)
    {
      if (*p == '\\' && (p[1] == '{' || p[1] == '}'))
        {
          p++;
          continue;
        }
      depth += *p == '{' ? 1 : *p == '}' ? -1 : 0;
      g_assert_cmpint (depth, >=, 0);
    }
  g_assert_cmpint (depth, ==, 0);
  g_assert_nonnull (strstr (bib, "@article{kostova2026storm,\n"));
  g_assert_nonnull (strstr (bib, "  author = {Kostova, Mira and Ilinov, Petar},\n"));
  g_assert_nonnull (strstr (bib, "  journal = {Varna Evening Post},\n"));
  g_assert_nonnull (strstr (bib, "  month = mar,\n"));
  g_assert_nonnull (strstr (bib, "  author = {{Regional Wire Staff}},\n"));
  g_assert_nonnull (strstr (bib, "  title = {Orlen counts the cost of Friday’s flood},\n"));
}

static void
test_citation_helpers (void)
{
  GArray *names = px_citation_split_authors ("Ann Lee and Bo Chen & Reuters");
  int parts[3];

  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_array_index (names, PxCitationName, 0).family, ==, "Lee");
  g_assert_cmpstr (g_array_index (names, PxCitationName, 1).given, ==, "Bo");
  g_assert_cmpstr (g_array_index (names, PxCitationName, 2).literal, ==, "Reuters");
  px_citation_names_free (names);

  g_assert_cmpuint (px_citation_date_parts ("2026-03-14T08:30:00Z", parts), ==, 3);
  g_assert_cmpint (parts[2], ==, 14);
  g_assert_cmpuint (px_citation_date_parts ("2026", parts), ==, 1);
  g_assert_cmpuint (px_citation_date_parts ("2026-13-01", parts), ==, 1);
  g_assert_cmpuint (px_citation_date_parts ("March 2026", parts), ==, 0);
  g_assert_cmpuint (px_citation_date_parts (NULL, parts), ==, 0);
}

static void
test_citation_text (Fixture *f, gconstpointer data)
{
  g_autoptr (PxDocument) doc = px_store_load_document (f->src, f->src_ids[0], NULL);
  g_autofree char *text = px_citation_text (doc, "2026-03-15T10:00:00Z");

  g_assert_cmpstr (text, ==,
                   "Mira Kostova, Petar Ilinov. “Storm floods the harbour district.” Varna Evening Post, 14 March "
                   "2026. https://post.example/2026/03/storm-harbour (accessed 15 March 2026).");
}

/* REFI-QDA ------------------------------------------------------------ */

/* Every file of a zip archive: name → contents. */
static GHashTable *
read_archive (const char *path)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      gsize size = (gsize)archive_entry_size (entry);
      char *data = g_malloc0 (size + 1);

      g_assert_cmpint (archive_read_data (a, data, size), ==, (la_ssize_t)size);
      g_hash_table_insert (files, g_strdup (archive_entry_pathname (entry)), data);
    }
  archive_read_free (a);
  return files;
}

static void
validate_project (const char *xml)
{
  g_autofree char *xsd = g_test_build_filename (G_TEST_DIST, "fixtures", "refi-qda", "project.xsd", NULL);
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (xsd);
  xmlSchemaPtr schema = xmlSchemaParse (parser);
  xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt (schema);
  xmlDocPtr doc = xmlReadMemory (xml, (int)strlen (xml), "project.qde", NULL, XML_PARSE_NONET);

  g_assert_nonnull (schema);
  g_assert_nonnull (doc);
  g_assert_cmpint (xmlSchemaValidateDoc (valid, doc), ==, 0);
  xmlFreeDoc (doc);
  xmlSchemaFreeValidCtxt (valid);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);
}

static char *
xpath_string (xmlXPathContextPtr ctx, const char *expr)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  char *value = g_strdup ((const char *)result->stringval);

  xmlXPathFreeObject (result);
  return value;
}

/* The .qdpx opens as a REFI-QDA project: project.qde valid against the
 * schema; each selection's positions cut its quote out of its source's
 * text; each code reference names a code of the codebook. */
static void
test_qdpx (Fixture *f, gconstpointer data)
{
  static const char *const tags[] = { "risk", "Évidence", NULL };
  g_autoptr (PxAnnotation) a =
      highlight (f->src, f->src_ids[0], "two metres in four hours", "red", "A <note> & more", tags);
  g_autoptr (PxAnnotation) b = highlight (f->src, f->src_ids[1], "Orlen’s harbour", "blue", "", NULL);
  g_autoptr (PxFormatSet) set = NULL;
  g_autoptr (GHashTable) files = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "study.qdpx", NULL);
  const char *xml;
  xmlDocPtr doc;
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr selections;

  g_assert_true (px_store_set_color_meaning (f->src, "red", "Risk named by an official", &error));
  g_assert_true (px_store_set_annotation_origin (f->src, px_annotation_get_id (b), "Second Coder", NULL, NULL, &error));
  g_assert_no_error (error);
  set = load_all (f->src);
  g_assert_true (px_qdpx_write (set, path, &error));
  g_assert_no_error (error);
  files = read_archive (path);
  /* project.qde and one text per article. */
  g_assert_cmpuint (g_hash_table_size (files), ==, 1 + G_N_ELEMENTS (articles));
  xml = g_hash_table_lookup (files, "project.qde");
  g_assert_nonnull (xml);
  validate_project (xml);

  doc = xmlReadMemory (xml, (int)strlen (xml), "project.qde", NULL, XML_PARSE_NONET);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "q", BAD_CAST PX_QDPX_NAMESPACE);
  selections = xmlXPathEvalExpression (BAD_CAST "//q:PlainTextSelection", ctx);
  g_assert_cmpint (selections->nodesetval->nodeNr, ==, 2);
  for (int i = 0; i < selections->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = selections->nodesetval->nodeTab[i];
      g_autofree char *start = (char *)xmlGetProp (node, BAD_CAST "startPosition");
      g_autofree char *end = (char *)xmlGetProp (node, BAD_CAST "endPosition");
      g_autofree char *name = (char *)xmlGetProp (node, BAD_CAST "name");
      g_autofree char *source = (char *)xmlGetProp (node->parent, BAD_CAST "plainTextPath");
      g_autofree char *member = NULL;
      g_autofree char *slice = NULL;
      const char *text;

      g_assert_true (g_str_has_prefix (source, "internal://"));
      member = g_strconcat ("sources/", source + strlen ("internal://"), NULL);
      text = g_hash_table_lookup (files, member);
      g_assert_nonnull (text);
      slice = g_utf8_substring (text, atol (start), atol (end));
      g_assert_cmpstr (slice, ==, name);
      /* Every CodeRef of the selection points at a code. */
      for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *)c->name, "Coding") == 0)
          for (xmlNodePtr r = c->children; r != NULL; r = r->next)
            if (r->type == XML_ELEMENT_NODE)
              {
                g_autofree char *target = (char *)xmlGetProp (r, BAD_CAST "targetGUID");
                g_autofree char *expr = g_strdup_printf ("count(//q:Code[@guid='%s'])", target);
                xmlXPathObjectPtr n = xmlXPathEvalExpression (BAD_CAST expr, ctx);

                g_assert_cmpfloat (n->floatval, ==, 1.0);
                xmlXPathFreeObject (n);
              }
    }
  xmlXPathFreeObject (selections);
  {
    g_autofree char *meaning = xpath_string (ctx, "string(//q:Code[@name='red']/q:Description)");
    g_autofree char *note =
        xpath_string (ctx, "string(//q:PlainTextSelection[@name='two metres in four hours']/q:Description)");
    g_autofree char *users = xpath_string (ctx, "string(count(//q:User))");
    g_autofree char *codings =
        xpath_string (ctx, "string(count(//q:PlainTextSelection[@name='two metres in four hours']/q:Coding))");

    g_assert_cmpstr (meaning, ==, "Risk named by an official");
    g_assert_cmpstr (note, ==, "A <note> & more");
    g_assert_cmpstr (users, ==, "2");
    /* The colour and both tags. */
    g_assert_cmpstr (codings, ==, "3");
  }
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);

  /* A folder that cannot be written: a clear error, nothing left behind. */
  {
    g_autofree char *bad = g_build_filename (f->dir, "missing", "study.qdpx", NULL);

    g_assert_false (px_qdpx_write (set, bad, &error));
    g_assert_nonnull (error);
  }

  /* No article at all: still a valid project (the published schema wants
   * one source at least in a Sources element, so there is none). */
  {
    g_autoptr (PxFormatSet) empty = load_all (f->src);
    g_autofree char *bare = NULL;

    g_ptr_array_set_size (empty->documents, 0);
    g_ptr_array_set_size (empty->annotations, 0);
    g_ptr_array_set_size (empty->accessed, 0);
    bare = px_qdpx_project_xml (empty, NULL);
    g_assert_null (strstr (bare, "<Sources"));
    validate_project (bare);
  }
}

/* Coding packages ----------------------------------------------------- */

/* A coder starts from the lead's package: same texts (same content
 * hashes, so the lead's W3C files anchor by hash), the codebook, one
 * event; importing twice adds nothing; a damaged package changes
 * nothing. */
static void
test_coding_package (Fixture *f, gconstpointer data)
{
  static const char *const tags[] = { "risk", NULL };
  g_autoptr (PxAnnotation) a = highlight (f->src, f->src_ids[0], "two metres", "red", "", tags);
  g_autoptr (PxFormatSet) set = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "coder.db", NULL);
  g_autoptr (PxStore) coder = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GPtrArray) colors = NULL;
  g_autoptr (GPtrArray) tag_list = NULL;
  g_autofree char *package = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GArray) event_docs = NULL;

  g_assert_no_error (error);
  g_assert_true (px_store_set_color_meaning (f->src, "red", "Risk", &error));
  {
    g_autoptr (GPtrArray) src_tags = px_store_list_tags (f->src, NULL);
    g_assert_true (
        px_store_set_tag_color (f->src, ((PxTagInfo *)g_ptr_array_index (src_tags, 0))->id, "#e01b24", &error));
  }
  g_assert_no_error (error);
  set = load_all (f->src);
  package = px_coding_package_write (set);

  /* Damaged: the blocks run past the text. Nothing is added. */
  {
    g_autoptr (GString) bad = g_string_new (package);
    g_autoptr (GPtrArray) none = NULL;
    g_autoptr (GPtrArray) docs = NULL;

    g_string_replace (bad, "\"blocks\" : \"p 0 ", "\"blocks\" : \"p 0 9", 1);
    damaged = g_string_free (g_steal_pointer (&bad), FALSE);
    none = px_coding_package_import (coder, damaged, strlen (damaged), &error);
    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_clear_error (&error);
    none = px_coding_package_import (coder, "{\"format\": \"other\"}", 20, &error);
    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_clear_error (&error);
    docs = px_store_list_documents (coder, NULL);
    g_assert_cmpuint (docs->len, ==, 0);
  }

  first = px_coding_package_import (coder, package, strlen (package), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, G_N_ELEMENTS (articles));
  for (guint i = 0; i < first->len; i++)
    g_assert_false (((PxPackageArticle *)g_ptr_array_index (first, i))->duplicate);
  again = px_coding_package_import (coder, package, strlen (package), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < again->len; i++)
    g_assert_true (((PxPackageArticle *)g_ptr_array_index (again, i))->duplicate);

  for (guint i = 0; i < set->documents->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (set->documents, i);
      g_autofree char *hash = px_document_compute_hash (doc);
      gint64 id = px_store_find_document_by_hash (coder, hash);
      g_autoptr (PxDocument) stored = NULL;

      g_assert_cmpint (id, >, 0);
      stored = px_store_load_document (coder, id, NULL);
      g_assert_cmpstr (px_document_get_outlet (stored), ==, px_document_get_outlet (doc));
      g_assert_cmpstr (px_document_get_url (stored), ==, px_document_get_url (doc));
      g_assert_cmpuint (px_document_get_n_blocks (stored), ==, px_document_get_n_blocks (doc));
    }
  colors = px_store_list_colors (coder, NULL);
  g_assert_cmpstr (((PxColorInfo *)g_ptr_array_index (colors, 3))->meaning, ==, "Risk");
  tag_list = px_store_list_tags (coder, NULL);
  g_assert_cmpuint (tag_list->len, ==, 1);
  g_assert_cmpstr (((PxTagInfo *)g_ptr_array_index (tag_list, 0))->name, ==, "risk");
  g_assert_cmpstr (((PxTagInfo *)g_ptr_array_index (tag_list, 0))->color, ==, "#e01b24");
  {
    g_autoptr (PxDocument) one =
        px_store_load_document (coder, ((PxPackageArticle *)g_ptr_array_index (first, 0))->document_id, NULL);

    g_assert_true (px_store_get_event_documents (coder, px_document_get_event_id (one), &title, &event_docs, &error));
    g_assert_cmpuint (event_docs->len, ==, G_N_ELEMENTS (articles));
    g_assert_cmpstr (title, ==, "Library");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/formats/coder/default-and-set", test_coder_default_and_set);
  ADD ("/formats/w3c/round-trip", test_w3c_round_trip);
  ADD ("/formats/w3c/scopes", test_w3c_scopes);
  ADD ("/formats/w3c/reanchor-and-orphans", test_w3c_reanchor_and_orphans);
  g_test_add_func ("/formats/w3c/bad-files", test_w3c_bad_files);
  ADD ("/formats/hypothesis/import", test_hypothesis_import);
  ADD ("/formats/citations/csl-json", test_csl_json);
  ADD ("/formats/citations/ris", test_ris);
  ADD ("/formats/citations/bibtex", test_bibtex);
  g_test_add_func ("/formats/citations/helpers", test_citation_helpers);
  g_test_add_func ("/formats/citations/csl-check", test_csl_check);
  ADD ("/formats/citations/text", test_citation_text);
  ADD ("/formats/refi-qda/qdpx", test_qdpx);
  ADD ("/formats/coding-package", test_coding_package);
#undef ADD
  return g_test_run ();
}
