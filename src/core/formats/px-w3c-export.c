/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>

#include "formats/px-w3c-export.h"

/* A stable IRI for a highlight: the same highlight of the same article
 * gets the same one at every export. */
static char *
annotation_iri (const char *content_hash, PxAnnotation *annotation)
{
  g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, content_hash, px_annotation_get_id (annotation));
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  /* Shaped as a UUID (version 8, "custom") so every processor takes it. */
  return g_strdup_printf ("urn:uuid:%.8s-%.4s-8%.3s-a%.3s-%.12s", sum, sum + 8, sum + 12, sum + 15, sum + 18);
}

/* The article an annotation targets: its URL when it has one, else an
 * IRI made of its content hash. */
static char *
document_iri (PxDocument *doc, const char *content_hash)
{
  const char *url = px_document_get_url (doc);

  if (url != NULL && *url != '\0')
    return g_strdup (url);
  return g_strdup_printf ("urn:parallax:text:%s", content_hash);
}

static void
add_string (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_body (JsonBuilder *b, const char *purpose, const char *value)
{
  json_builder_begin_object (b);
  add_string (b, "type", "TextualBody");
  add_string (b, "purpose", purpose);
  add_string (b, "value", value);
}

static void
add_annotation (JsonBuilder *b, const PxFormatSet *set, PxDocument *doc, const char *hash, PxAnnotation *a)
{
  g_autofree char *iri = annotation_iri (hash, a);
  g_autofree char *source = document_iri (doc, hash);
  const char *note = px_annotation_get_note (a);
  const char *coder = px_format_set_get_coder (set, a);
  const char *meaning = px_format_set_get_meaning (set, px_annotation_get_color (a));

  json_builder_begin_object (b);
  add_string (b, "id", iri);
  add_string (b, "type", "Annotation");
  add_string (b, "motivation", *note != '\0' ? "commenting" : "highlighting");
  if (px_annotation_get_created (a) != NULL)
    add_string (b, "created", px_annotation_get_created (a));
  if (px_annotation_get_modified (a) != NULL)
    add_string (b, "modified", px_annotation_get_modified (a));
  if (*coder != '\0')
    {
      json_builder_set_member_name (b, "creator");
      json_builder_begin_object (b);
      add_string (b, "type", "Person");
      add_string (b, "name", coder);
      json_builder_end_object (b);
    }

  json_builder_set_member_name (b, "body");
  json_builder_begin_array (b);
  if (*note != '\0')
    {
      add_body (b, "commenting", note);
      add_string (b, "format", "text/markdown");
      if (px_annotation_get_note_language (a) != NULL)
        {
          /* BCP 47 writes "en-US" where spelling dictionaries write "en_US". */
          g_autofree char *tag = g_strdelimit (g_strdup (px_annotation_get_note_language (a)), "_", '-');
          add_string (b, "language", tag);
        }
      json_builder_end_object (b);
    }
  for (const char *const *t = px_annotation_get_tags (a); *t != NULL; t++)
    {
      add_body (b, "tagging", *t);
      json_builder_end_object (b);
    }
  /* The colour classifies the passage; its meaning is what the codebook
   * says the colour stands for. */
  add_body (b, "classifying", px_annotation_get_color (a));
  add_string (b, "parallax:color", px_annotation_get_color (a));
  if (*meaning != '\0')
    add_string (b, "parallax:meaning", meaning);
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "target");
  json_builder_begin_object (b);
  add_string (b, "source", source);
  add_string (b, "parallax:contentHash", hash);
  json_builder_set_member_name (b, "selector");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "type", "TextQuoteSelector");
  add_string (b, "exact", px_annotation_get_quote (a));
  add_string (b, "prefix", px_annotation_get_prefix (a));
  add_string (b, "suffix", px_annotation_get_suffix (a));
  json_builder_end_object (b);
  json_builder_begin_object (b);
  add_string (b, "type", "TextPositionSelector");
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, px_annotation_get_start (a));
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, px_annotation_get_end (a));
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_end_object (b);
}

char *
px_w3c_export (const PxFormatSet *set)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (set != NULL, NULL);

  /* The collection's IRI follows from what it holds. */
  key = g_strdup_printf ("%s/%u", set->title, px_format_set_count_annotations (set));
  {
    g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
    collection = g_strdup_printf ("urn:parallax:collection:%.32s", sum);
  }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "@context");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, PX_W3C_CONTEXT);
  json_builder_begin_object (b);
  add_string (b, "parallax", PX_W3C_NAMESPACE);
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_string (b, "id", collection);
  add_string (b, "type", "AnnotationCollection");
  add_string (b, "label", set->title);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, px_format_set_count_annotations (set));
  json_builder_set_member_name (b, "generator");
  json_builder_begin_object (b);
  add_string (b, "id", "https://github.com/parallaxapp/Parallax");
  add_string (b, "type", "Software");
  add_string (b, "name", "Parallax");
  json_builder_end_object (b);

  json_builder_set_member_name (b, "first");
  json_builder_begin_object (b);
  {
    g_autofree char *page = g_strdup_printf ("%s/page/0", collection);
    add_string (b, "id", page);
  }
  add_string (b, "type", "AnnotationPage");
  add_string (b, "partOf", collection);
  json_builder_set_member_name (b, "startIndex");
  json_builder_add_int_value (b, 0);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < set->documents->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (set->documents, i);
      GPtrArray *annotations = g_ptr_array_index (set->annotations, i);
      g_autofree char *hash = px_document_compute_hash (doc);

      for (guint k = 0; k < annotations->len; k++)
        add_annotation (b, set, doc, hash, g_ptr_array_index (annotations, k));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 1);
  return json_generator_to_data (gen, NULL);
}
