/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "annotations/px-annotation-list.h"
#include "annotations/px-store-annotations.h"
#include "annotations/px-store-coders.h"
#include "annotations/px-tag-snapshot.h"

typedef struct
{
  char *dir;
  char *path;
  PxStore *store;
  PxDocument *doc;
} Fixture;

/* An invented article about a bridge closure. */
static const char *const paragraphs[] = {
  "The Tamsk river bridge closed to traffic on Monday after engineers found cracks in two of its piers.",
  "City officials said the closure would last at least six weeks, and buses would take a detour.",
  "\u201cSafety comes first,\u201d said the mayor, Ilse Varga, at a briefing outside the town hall.",
  "Shop owners on the east bank worry about the loss of customers during the repairs.",
};

static PxDocument *
make_doc (const char *const *blocks, guint n)
{
  PxDocument *doc = px_document_new ();

  px_document_set_title (doc, "Bridge closes for repairs");
  px_document_set_outlet (doc, "Tamsk Courier");
  for (guint i = 0; i < n; i++)
    px_document_append_block (doc, PX_BLOCK_PARAGRAPH, blocks[i]);
  return doc;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("px-annot-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->store = px_store_open (f->path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->doc = make_doc (paragraphs, G_N_ELEMENTS (paragraphs));
  g_assert_true (px_store_add_document (f->store, f->doc, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  g_clear_object (&f->doc);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint
offset_of (PxDocument *doc, const char *needle)
{
  const char *text = px_document_get_text (doc);
  const char *hit = strstr (text, needle);

  g_assert_nonnull (hit);
  return g_utf8_pointer_to_offset (text, hit);
}

static PxAnnotation *
highlight (PxDocument *doc, const char *needle, const char *color)
{
  guint start = offset_of (doc, needle);
  return px_annotation_new_for_range (doc, start, start + g_utf8_strlen (needle, -1), color);
}

static void
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->store);
  f->store = px_store_open (f->path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
test_add_get_list (Fixture *f, gconstpointer data)
{
  g_autoptr (PxAnnotation) a = highlight (f->doc, "cracks in two of its piers", "red");
  g_autoptr (PxAnnotation) b = highlight (f->doc, "City officials said", "green");
  g_autoptr (PxAnnotation) inner = highlight (f->doc, "two of its", "blue");
  g_autoptr (PxAnnotation) loaded = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  const char *tags[] = { "infrastructure", " Safety ", "infrastructure", "", NULL };

  g_assert_cmpstr (px_annotation_get_quote (a), ==, "cracks in two of its piers");
  g_assert_true (g_str_has_suffix (px_annotation_get_prefix (a), "engineers found "));
  g_assert_true (g_str_has_prefix (px_annotation_get_suffix (a), ".\n\nCity"));
  px_annotation_set_note (a, "Check the *inspection* report.\nSecond line\twith a tab.");
  px_annotation_set_note_language (a, "en_GB");
  px_annotation_set_tags (a, tags);
  g_assert_cmpstrv (px_annotation_get_tags (a), ((const char *[]){ "infrastructure", "Safety", NULL }));

  g_assert_true (px_store_add_annotation (f->store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_annotation_get_id (a), >, 0);
  g_assert_nonnull (px_annotation_get_created (a));
  g_assert_true (px_store_add_annotation (f->store, b, &error));
  g_assert_true (px_store_add_annotation (f->store, inner, &error));

  reopen (f);
  loaded = px_store_get_annotation (f->store, px_annotation_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_true (px_annotation_equal (loaded, a));
  g_assert_cmpstr (px_annotation_get_note (loaded), ==, "Check the *inspection* report.\nSecond line\twith a tab.");
  g_assert_cmpstr (px_annotation_get_note_language (loaded), ==, "en_GB");

  /* Text order: by start, the outer before the inner (nesting). */
  list = px_store_list_annotations (f->store, px_document_get_id (f->doc), &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (px_annotation_get_id (g_ptr_array_index (list, 0)), ==, px_annotation_get_id (a));
  g_assert_cmpint (px_annotation_get_id (g_ptr_array_index (list, 1)), ==, px_annotation_get_id (inner));
  g_assert_cmpint (px_annotation_get_id (g_ptr_array_index (list, 2)), ==, px_annotation_get_id (b));
  g_assert_cmpint (px_store_count_document_annotations (f->store, px_document_get_id (f->doc), NULL), ==, 3);
}

static void
test_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr (PxAnnotation) empty = px_annotation_new_for_range (f->doc, 5, 5, "yellow");
  g_autoptr (PxAnnotation) orphan_doc = highlight (f->doc, "bridge", "yellow");
  g_autoptr (PxAnnotation) bad_note = highlight (f->doc, "bridge", "yellow");
  g_autoptr (GError) error = NULL;
  g_autofree char *huge = g_strnfill (2 * 1024 * 1024, 'x');

  g_assert_false (px_store_add_annotation (f->store, empty, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  px_annotation_set_document_id (orphan_doc, 4242);
  g_assert_false (px_store_add_annotation (f->store, orphan_doc, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (px_annotation_get_id (orphan_doc), ==, 0);
  g_clear_error (&error);

  px_annotation_set_note (bad_note, "broken \xc3\x28 text");
  g_assert_false (px_store_add_annotation (f->store, bad_note, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  px_annotation_set_note (bad_note, huge);
  g_assert_false (px_store_add_annotation (f->store, bad_note, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (px_store_count_document_annotations (f->store, px_document_get_id (f->doc), NULL), ==, 0);
  g_assert_null (px_store_get_annotation (f->store, 999, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (px_store_delete_annotation (f->store, 999, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) ro = NULL;
  g_autoptr (PxAnnotation) a = highlight (f->doc, "bridge", "yellow");
  g_autoptr (GError) error = NULL;

  ro = px_store_open (f->path, PX_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (px_store_add_annotation (ro, a, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY);
}

static void
test_update_delete_search (Fixture *f, gconstpointer data)
{
  g_autoptr (PxAnnotation) a = highlight (f->doc, "Safety comes first", "yellow");
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (px_store_add_annotation (f->store, a, &error));
  px_annotation_set_note (a, "The mayor's key message about the viaduct");
  px_annotation_set_color (a, "purple");
  g_assert_true (px_store_update_annotation (f->store, a, &error));
  g_assert_no_error (error);

  /* Library-wide search over quotes and notes, by word prefix. */
  hits = px_store_search_annotations (f->store, "viaduc", &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (px_annotation_get_color (g_ptr_array_index (hits, 0)), ==, "purple");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = px_store_search_annotations (f->store, "safety", &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = px_store_search_annotations (f->store, "\"AND (", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (px_store_delete_annotation (f->store, px_annotation_get_id (a), &error));
  hits = px_store_search_annotations (f->store, "viaduct", &error);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* A word in very many highlights: only the newest are ranked and
 * returned, best first among them; a single letter is a whole word. */
static void
test_search_bounded (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  gint64 first_id = 0, best_id = 0;
  guint n = PX_STORE_SEARCH_ANNOTATIONS_MAX + 20;

  for (guint i = 0; i < n; i++)
    {
      /* The oldest is the only green one, and the only one tagged. */
      g_autoptr (PxAnnotation) a = highlight (f->doc, "Safety comes first", i == 0 ? "green" : "yellow");
      g_autofree char *note = g_strdup_printf ("Inspection %u of the viaduct", i);
      const char *tags[] = { "pier", NULL };

      if (i == 0)
        px_annotation_set_tags (a, tags);

      /* One of the newest says it three times: it ranks first. */
      px_annotation_set_note (a, i == n - 5 ? "viaduct viaduct viaduct" : note);
      g_assert_true (px_store_add_annotation (f->store, a, &error));
      g_assert_no_error (error);
      if (i == 0)
        first_id = px_annotation_get_id (a);
      if (i == n - 5)
        best_id = px_annotation_get_id (a);
    }
  hits = px_store_search_annotations (f->store, "via", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, PX_STORE_SEARCH_ANNOTATIONS_MAX);
  g_assert_cmpint (px_annotation_get_id (g_ptr_array_index (hits, 0)), ==, best_id);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpint (px_annotation_get_id (g_ptr_array_index (hits, i)), >=, first_id + 20);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* "o" is not a prefix of "of", but "of" is a prefix of itself; the
   * newest matches are bounded, not the newest highlights. */
  hits = px_store_search_annotations (f->store, "o", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = px_store_search_annotations (f->store, "of 7", &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (px_annotation_get_id (g_ptr_array_index (hits, 0)), ==, first_id + 7);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = px_store_search_annotations (f->store, "inspection 77", &error);
  g_assert_cmpuint (hits->len, ==, 11); /* 77, 770–779 */
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A colour or a tag narrows the matches before the bound: the oldest
   * highlight, beyond the newest thousand, is found by either. */
  {
    const char *green[] = { "green", NULL };
    const char *red_or_green[] = { "red", "green", NULL };
    const char *red[] = { "red", NULL };

    hits = px_store_search_annotations_filtered (f->store, "via", green, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (px_annotation_get_id (g_ptr_array_index (hits, 0)), ==, first_id);
    g_assert_true (px_annotation_has_tag (g_ptr_array_index (hits, 0), "pier"));
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = px_store_search_annotations_filtered (f->store, "via", red_or_green, "pier", &error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = px_store_search_annotations_filtered (f->store, "via", NULL, "pier", &error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (px_annotation_get_id (g_ptr_array_index (hits, 0)), ==, first_id);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = px_store_search_annotations_filtered (f->store, "via", red, NULL, &error);
    g_assert_cmpuint (hits->len, ==, 0);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = px_store_search_annotations_filtered (f->store, "via", NULL, "no such tag", &error);
    g_assert_cmpuint (hits->len, ==, 0);
  }
}

static void
test_replace_text (Fixture *f, gconstpointer data)
{
  const char *edited[] = {
    "Editor's note: this article was updated with comments from shop owners.",
    paragraphs[0],
    "City officials said the closure would last at least eight weeks, and buses would take a detour.",
    "\"Safety comes first,\" said the mayor, Ilse Varga, at a briefing outside the town hall.",
  };
  g_autoptr (PxDocument) content = make_doc (edited, G_N_ELEMENTS (edited));
  g_autoptr (PxAnnotation) a = highlight (f->doc, "cracks in two of its piers", "red");
  g_autoptr (PxAnnotation) b = highlight (f->doc, "would last at least six weeks", "green");
  g_autoptr (PxAnnotation) c = highlight (f->doc, "\u201cSafety comes first,\u201d", "blue");
  g_autoptr (PxAnnotation) d = highlight (f->doc, "worry about the loss of customers", "grey");
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (PxDocument) reloaded = NULL;
  g_autoptr (GError) error = NULL;
  PxReanchorStats stats;

  px_annotation_set_note (d, "Follow up with the traders' association.");
  for (PxAnnotation **x = (PxAnnotation *[]){ a, b, c, d, NULL }; *x; x++)
    g_assert_true (px_store_add_annotation (f->store, *x, &error));

  g_assert_true (px_store_replace_document_text (f->store, px_document_get_id (f->doc), content, &stats, &error));
  g_assert_no_error (error);
  /* Two edits at once, so the shifted ones are found by their quote: the
   * unchanged one and the one with other quotation marks exactly, the
   * edited one approximately, the deleted one not at all. */
  g_assert_cmpuint (stats.n_exact, ==, 2);
  g_assert_cmpuint (stats.n_fuzzy, ==, 1);
  g_assert_cmpuint (stats.n_orphaned, ==, 1);
  g_assert_cmpuint (stats.n_position + stats.n_exact + stats.n_fuzzy + stats.n_orphaned, ==, 4);

  reloaded = px_store_load_document (f->store, px_document_get_id (f->doc), &error);
  g_assert_true (g_str_has_prefix (px_document_get_text (reloaded), "Editor's note"));
  list = px_store_list_annotations (f->store, px_document_get_id (f->doc), &error);
  g_assert_cmpuint (list->len, ==, 4);
  for (guint i = 0; i < list->len; i++)
    {
      PxAnnotation *x = g_ptr_array_index (list, i);
      g_autofree char *slice = px_document_get_slice (reloaded, px_annotation_get_start (x), px_annotation_get_end (x));

      if (px_annotation_get_id (x) == px_annotation_get_id (d))
        {
          /* The deleted paragraph: kept, orphaned, with quote and note. */
          g_assert_true (px_annotation_get_orphaned (x));
          g_assert_cmpstr (px_annotation_get_quote (x), ==, "worry about the loss of customers");
          g_assert_cmpstr (px_annotation_get_note (x), ==, "Follow up with the traders' association.");
          continue;
        }
      g_assert_false (px_annotation_get_orphaned (x));
      /* The stored quote is the text at the new position. */
      g_assert_cmpstr (slice, ==, px_annotation_get_quote (x));
      if (px_annotation_get_id (x) == px_annotation_get_id (b))
        g_assert_cmpstr (slice, ==, "would last at least eight weeks");
      if (px_annotation_get_id (x) == px_annotation_get_id (c))
        g_assert_cmpstr (slice, ==, "\"Safety comes first,\"");
    }

  /* The search index follows the new quotes. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = px_store_search_annotations (f->store, "eight", &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* An empty text is refused and changes nothing. */
  g_clear_object (&content);
  content = px_document_new ();
  g_assert_false (px_store_replace_document_text (f->store, px_document_get_id (f->doc), content, NULL, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
}

/* An edited highlight in Chinese, found approximately: letters there do
 * not end at spaces, so snapping to whole words once grew it to the next
 * punctuation mark, the whole clause around it. */
static void
test_replace_text_cjk (Fixture *f, gconstpointer data)
{
  const char *before[] = {
    "\u5e02\u653f\u5e9c\u5468\u4e00\u5ba3\u5e03\u5854\u59c6\u65af\u514b\u6cb3\u5927\u6865\u56e0\u5de5\u7a0b"
    "\u5e08\u5728\u4e24\u4e2a\u6865\u58a9\u53d1\u73b0\u88c2\u7f1d\u800c\u5bf9\u6240\u6709\u8f66\u8f86\u5173"
    "\u95ed\u81f3\u5c11\u516d\u4e2a\u661f\u671f\u7ef4\u4fee\u671f\u95f4\u516c\u4ea4\u8f66\u5c06\u7ed5\u884c"
    "\u4e1c\u5cb8\u5546\u6237\u62c5\u5fc3\u987e\u5ba2\u6d41\u5931\u3002",
  };
  /* A note put before it, and two letters of the highlight changed. */
  const char *after[] = {
    "\u7f16\u8005\u6309\uff1a\u672c\u6587\u5df2\u66f4\u65b0\u3002",
    "\u5e02\u653f\u5e9c\u5468\u4e00\u5ba3\u5e03\u5854\u59c6\u65af\u514b\u6cb3\u5927\u6865\u56e0\u5de5\u7a0b"
    "\u5e08\u5728\u4e24\u4e2a\u6865\u58a9\u53d1\u73b0\u88c2\u7f1d\u800c\u5bf9\u5168\u90e8\u8f66\u8f86\u5173"
    "\u95ed\u81f3\u5c11\u516d\u4e2a\u661f\u671f\u7ef4\u4fee\u671f\u95f4\u516c\u4ea4\u8f66\u5c06\u7ed5\u884c"
    "\u4e1c\u5cb8\u5546\u6237\u62c5\u5fc3\u987e\u5ba2\u6d41\u5931\u3002",
  };
  /* "found cracks and closed to all vehicles", then "to every vehicle". */
  const char *quote = "\u53d1\u73b0\u88c2\u7f1d\u800c\u5bf9\u6240\u6709\u8f66\u8f86\u5173\u95ed";
  g_autoptr (PxDocument) doc = make_doc (before, G_N_ELEMENTS (before));
  g_autoptr (PxDocument) content = make_doc (after, G_N_ELEMENTS (after));
  g_autoptr (PxAnnotation) a = NULL;
  g_autoptr (PxAnnotation) loaded = NULL;
  g_autoptr (PxDocument) reloaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *slice = NULL;
  PxReanchorStats stats;

  g_assert_true (px_store_add_document (f->store, doc, NULL, &error));
  g_assert_no_error (error);
  a = highlight (doc, quote, "red");
  g_assert_true (px_store_add_annotation (f->store, a, &error));
  g_assert_true (px_store_replace_document_text (f->store, px_document_get_id (doc), content, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_fuzzy, ==, 1);
  g_assert_cmpuint (stats.n_orphaned, ==, 0);

  reloaded = px_store_load_document (f->store, px_document_get_id (doc), &error);
  loaded = px_store_get_annotation (f->store, px_annotation_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_false (px_annotation_get_orphaned (loaded));
  slice = px_document_get_slice (reloaded, px_annotation_get_start (loaded), px_annotation_get_end (loaded));
  g_assert_cmpstr (slice, ==, "\u53d1\u73b0\u88c2\u7f1d\u800c\u5bf9\u5168\u90e8\u8f66\u8f86\u5173\u95ed");
}

static void
test_tags (Fixture *f, gconstpointer data)
{
  g_autoptr (PxAnnotation) a = highlight (f->doc, "bridge", "yellow");
  g_autoptr (PxAnnotation) b = highlight (f->doc, "City officials", "yellow");
  g_autoptr (PxAnnotation) loaded = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) completions = NULL;
  gint64 claim, evidence, infra, dup;

  claim = px_store_create_tag (f->store, "claim", "#e01b24", &error);
  g_assert_no_error (error);
  g_assert_cmpint (claim, >, 0);
  dup = px_store_create_tag (f->store, "CLAIM", NULL, &error);
  g_assert_cmpint (dup, ==, 0);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (px_store_create_tag (f->store, "  ", NULL, &error), ==, 0);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (px_store_create_tag (f->store, "x", "red", &error), ==, 0);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Tags named on an annotation join the codebook, spelled as it does. */
  px_annotation_set_tags (a, (const char *[]){ "Claim", "evidence", NULL });
  g_assert_true (px_store_add_annotation (f->store, a, &error));
  g_assert_cmpstrv (px_annotation_get_tags (a), ((const char *[]){ "claim", "evidence", NULL }));
  px_annotation_set_tags (b, (const char *[]){ "infrastructure", "evidence", NULL });
  g_assert_true (px_store_add_annotation (f->store, b, &error));

  tags = px_store_list_tags (f->store, &error);
  g_assert_cmpuint (tags->len, ==, 3);
  evidence = ((PxTagInfo *)g_ptr_array_index (tags, 1))->id;
  infra = ((PxTagInfo *)g_ptr_array_index (tags, 2))->id;
  g_assert_cmpstr (((PxTagInfo *)g_ptr_array_index (tags, 1))->name, ==, "evidence");
  g_assert_cmpuint (((PxTagInfo *)g_ptr_array_index (tags, 1))->n_annotations, ==, 2);

  completions = px_store_complete_tags (f->store, "E", 10, &error);
  g_assert_cmpstrv (completions, ((const char *[]){ "evidence", NULL }));
  g_clear_pointer (&completions, g_strfreev);
  completions = px_store_complete_tags (f->store, "", 2, &error);
  g_assert_cmpstr (completions[0], ==, "evidence"); /* most used first */
  g_assert_cmpuint (g_strv_length (completions), ==, 2);
  g_clear_pointer (&completions, g_strfreev);
  completions = px_store_complete_tags (f->store, "%", 10, &error);
  g_assert_cmpuint (g_strv_length (completions), ==, 0);

  /* Rename: onto a taken name fails; otherwise annotations follow. */
  g_assert_false (px_store_rename_tag (f->store, infra, "Evidence", &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (px_store_rename_tag (f->store, infra, "roads", &error));
  loaded = px_store_get_annotation (f->store, px_annotation_get_id (b), &error);
  g_assert_cmpstrv (px_annotation_get_tags (loaded), ((const char *[]){ "evidence", "roads", NULL }));
  g_clear_object (&loaded);

  /* Merge claim into evidence: a keeps one "evidence". */
  g_assert_true (px_store_merge_tags (f->store, claim, evidence, &error));
  g_assert_no_error (error);
  loaded = px_store_get_annotation (f->store, px_annotation_get_id (a), &error);
  g_assert_cmpstrv (px_annotation_get_tags (loaded), ((const char *[]){ "evidence", NULL }));
  g_clear_object (&loaded);
  g_assert_false (px_store_merge_tags (f->store, evidence, evidence, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (px_store_set_tag_color (f->store, evidence, "#3584e4", &error));
  g_assert_true (px_store_delete_tag (f->store, evidence, &error));
  loaded = px_store_get_annotation (f->store, px_annotation_get_id (a), &error);
  g_assert_cmpuint (g_strv_length ((char **)px_annotation_get_tags (loaded)), ==, 0);
  g_assert_false (px_store_delete_tag (f->store, evidence, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
}

static gboolean
has_tag (PxStore *store, gint64 annotation_id, const char *name)
{
  g_autoptr (PxAnnotation) loaded = px_store_get_annotation (store, annotation_id, NULL);

  g_assert_nonnull (loaded);
  return g_strv_contains (px_annotation_get_tags (loaded), name);
}

/* Codebook changes undone from a snapshot: rename, recolour, merge and
 * delete come back exactly, under the old ids. */
static void
test_tag_snapshot (Fixture *f, gconstpointer data)
{
  g_autoptr (PxAnnotation) a = highlight (f->doc, "bridge", "yellow");
  g_autoptr (PxAnnotation) b = highlight (f->doc, "City officials", "yellow");
  g_autoptr (PxTagSnapshot) snap = NULL;
  g_autoptr (PxTagInfo) info = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GError) error = NULL;
  gint64 ids[2], claim, evidence, other;
  gint64 ia, ib;

  px_annotation_set_tags (a, (const char *[]){ "claim", "evidence", NULL });
  g_assert_true (px_store_add_annotation (f->store, a, &error));
  px_annotation_set_tags (b, (const char *[]){ "claim", NULL });
  g_assert_true (px_store_add_annotation (f->store, b, &error));
  ia = px_annotation_get_id (a);
  ib = px_annotation_get_id (b);
  tags = px_store_list_tags (f->store, &error);
  claim = ((PxTagInfo *)g_ptr_array_index (tags, 0))->id;
  evidence = ((PxTagInfo *)g_ptr_array_index (tags, 1))->id;
  g_assert_true (px_store_set_tag_color (f->store, claim, "#e01b24", &error));

  /* Rename and recolour, undone. */
  snap = px_tag_snapshot_new (f->store, &claim, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_tag_snapshot_get_n_annotations (snap), ==, 2);
  g_assert_cmpstr (px_tag_snapshot_get_name (snap), ==, "claim");
  g_assert_true (px_store_rename_tag (f->store, claim, "assertion", &error));
  g_assert_true (px_store_set_tag_color (f->store, claim, "#3584e4", &error));
  g_assert_true (px_tag_snapshot_restore (snap, f->store, &error));
  g_assert_no_error (error);
  info = px_store_get_tag (f->store, claim, &error);
  g_assert_cmpstr (info->name, ==, "claim");
  g_assert_cmpstr (info->color, ==, "#e01b24");
  g_assert_cmpuint (info->n_annotations, ==, 2);
  g_clear_pointer (&info, px_tag_info_free);
  g_clear_pointer (&snap, px_tag_snapshot_free);

  /* Merge claim into evidence, undone: b loses the evidence it got, a
   * keeps the evidence it had. */
  ids[0] = claim;
  ids[1] = evidence;
  snap = px_tag_snapshot_new (f->store, ids, 2, &error);
  g_assert_cmpuint (px_tag_snapshot_get_n_annotations (snap), ==, 2);
  g_assert_true (px_store_merge_tags (f->store, claim, evidence, &error));
  g_assert_true (has_tag (f->store, ib, "evidence"));
  g_assert_true (px_tag_snapshot_restore (snap, f->store, &error));
  g_assert_no_error (error);
  g_assert_true (has_tag (f->store, ia, "claim"));
  g_assert_true (has_tag (f->store, ia, "evidence"));
  g_assert_true (has_tag (f->store, ib, "claim"));
  g_assert_false (has_tag (f->store, ib, "evidence"));
  info = px_store_get_tag (f->store, claim, &error);
  g_assert_cmpstr (info->color, ==, "#e01b24");
  g_clear_pointer (&info, px_tag_info_free);
  g_clear_pointer (&snap, px_tag_snapshot_free);

  /* Delete, undone; an annotation deleted meanwhile stays deleted. */
  snap = px_tag_snapshot_new (f->store, &claim, 1, &error);
  g_assert_true (px_store_delete_tag (f->store, claim, &error));
  g_assert_false (has_tag (f->store, ia, "claim"));
  g_assert_true (px_store_delete_annotation (f->store, ib, &error));
  g_assert_true (px_tag_snapshot_restore (snap, f->store, &error));
  g_assert_no_error (error);
  g_assert_true (has_tag (f->store, ia, "claim"));
  info = px_store_get_tag (f->store, claim, &error);
  g_assert_cmpuint (info->n_annotations, ==, 1);
  g_clear_pointer (&info, px_tag_info_free);
  g_clear_pointer (&snap, px_tag_snapshot_free);

  /* A name taken since blocks the undo, and nothing changes. */
  snap = px_tag_snapshot_new (f->store, &claim, 1, &error);
  g_assert_true (px_store_rename_tag (f->store, claim, "assertion", &error));
  other = px_store_create_tag (f->store, "Claim", NULL, &error);
  g_assert_cmpint (other, >, 0);
  g_assert_false (px_tag_snapshot_restore (snap, f->store, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  info = px_store_get_tag (f->store, claim, &error);
  g_assert_cmpstr (info->name, ==, "assertion");
  g_clear_pointer (&info, px_tag_info_free);

  /* Unknown ids are refused up front. */
  ids[0] = 9999;
  g_assert_null (px_tag_snapshot_new (f->store, ids, 1, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
}

static void
test_colors (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) colors = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (px_store_set_color_meaning (f->store, "green", "  evidence\n", &error));
  g_assert_false (px_store_set_color_meaning (f->store, "orange", "x", &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  reopen (f);
  colors = px_store_list_colors (f->store, &error);
  g_assert_cmpuint (colors->len, ==, 6);
  g_assert_cmpstr (((PxColorInfo *)g_ptr_array_index (colors, 0))->name, ==, "yellow");
  g_assert_cmpstr (((PxColorInfo *)g_ptr_array_index (colors, 1))->meaning, ==, "evidence");
  g_assert_cmpstr (((PxColorInfo *)g_ptr_array_index (colors, 5))->name, ==, "grey");
}

typedef struct
{
  guint calls;
  guint added;
  guint removed;
} Changes;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Changes *changes)
{
  changes->calls++;
  changes->added += added;
  changes->removed += removed;
}

static void
test_list_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (PxAnnotationList) list = NULL;
  g_autoptr (PxAnnotation) a = highlight (f->doc, "City officials said the closure", "yellow");
  g_autoptr (PxAnnotation) b = highlight (f->doc, "the closure would last", "green");
  g_autoptr (GError) error = NULL;
  gint64 doc_id = px_document_get_id (f->doc);
  PxAnnotation *changed = NULL;
  Changes changes = { 0 };

  list = px_annotation_list_new (f->store, doc_id, &error);
  g_assert_no_error (error);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_false (px_undo_stack_can_undo (px_annotation_list_get_undo_stack (list)));

  /* Create, then an overlapping highlight. */
  g_assert_true (px_annotation_list_add (list, a, &error));
  g_assert_true (px_annotation_list_add (list, b, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (changes.added, ==, 2);
  g_assert_true (px_undo_stack_can_undo (px_annotation_list_get_undo_stack (list)));

  /* Undo the overlap: gone from the list and the store. */
  g_assert_true (px_annotation_list_undo (list, &changed, &error));
  g_assert_null (changed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (px_store_count_document_annotations (f->store, doc_id, NULL), ==, 1);
  g_assert_true (px_undo_stack_can_redo (px_annotation_list_get_undo_stack (list)));
  /* Redo brings it back with the same id. */
  g_assert_true (px_annotation_list_redo (list, &changed, &error));
  g_assert_nonnull (changed);
  g_assert_cmpint (px_annotation_get_id (changed), ==, px_annotation_get_id (b));
  g_assert_cmpstr (px_annotation_get_color (changed), ==, "green");
  g_assert_true (px_annotation_list_undo (list, NULL, &error));

  /* Recolour, note (typed in several saves: one step), tags. */
  g_assert_true (px_annotation_list_set_color (list, a, "blue", &error));
  g_assert_true (px_annotation_list_set_note (list, a, "Six", &error));
  g_assert_true (px_annotation_list_set_note (list, a, "Six weeks", &error));
  g_assert_true (px_annotation_list_set_note (list, a, "Six weeks at least", &error));
  g_assert_true (px_annotation_list_set_tags (list, a, (const char *[]){ "timeline", NULL }, &error));
  g_assert_false (px_annotation_list_set_color (list, a, "orange", &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The history survives a restart. */
  g_clear_object (&list);
  reopen (f);
  list = px_annotation_list_new (f->store, doc_id, &error);
  {
    PxAnnotation *live = px_annotation_list_lookup (list, px_annotation_get_id (a));
    g_assert_nonnull (live);
    g_set_object (&a, live);
  }
  g_assert_cmpstr (px_annotation_get_note (a), ==, "Six weeks at least");

  g_assert_true (px_annotation_list_undo (list, &changed, &error)); /* tags */
  g_assert_true (changed == a);
  g_assert_cmpuint (g_strv_length ((char **)px_annotation_get_tags (a)), ==, 0);
  g_assert_true (px_annotation_list_undo (list, &changed, &error)); /* the whole note */
  g_assert_cmpstr (px_annotation_get_note (a), ==, "");
  g_assert_true (px_annotation_list_undo (list, &changed, &error)); /* colour */
  g_assert_cmpstr (px_annotation_get_color (a), ==, "yellow");
  g_assert_true (px_annotation_list_redo (list, &changed, &error));
  g_assert_cmpstr (px_annotation_get_color (a), ==, "blue");

  /* A new action drops what could be redone. */
  g_assert_true (px_annotation_list_remove (list, a, &error));
  g_assert_false (px_undo_stack_can_redo (px_annotation_list_get_undo_stack (list)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  /* Undo of a delete restores everything, the id included. */
  g_assert_true (px_annotation_list_undo (list, &changed, &error));
  g_assert_nonnull (changed);
  g_assert_cmpint (px_annotation_get_id (changed), ==, px_annotation_get_id (a));
  g_assert_cmpstr (px_annotation_get_color (changed), ==, "blue");
  g_assert_cmpstr (px_annotation_get_quote (changed), ==, "City officials said the closure");

  /* Undo all the way back, then nothing is left to undo. */
  while (px_undo_stack_can_undo (px_annotation_list_get_undo_stack (list)))
    g_assert_true (px_annotation_list_undo (list, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_false (px_annotation_list_undo (list, NULL, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
}

/* Deleting another coder's highlight and undoing it gives it back to
 * that coder, not to the library's own (which would skew agreement). */
static void
test_undo_keeps_coder (Fixture *f, gconstpointer data)
{
  g_autoptr (PxAnnotationList) list = NULL;
  g_autoptr (PxAnnotation) a = highlight (f->doc, "City officials said the closure", "yellow");
  g_autoptr (GHashTable) coders = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  g_assert_true (px_store_set_coder (f->store, "Ada Lind", &error));
  list = px_annotation_list_new (f->store, px_document_get_id (f->doc), &error);
  g_assert_no_error (error);
  g_assert_true (px_annotation_list_add (list, a, &error));
  id = px_annotation_get_id (a);
  g_assert_true (px_store_set_annotation_origin (f->store, id, "Bo Varga", NULL, NULL, &error));
  g_assert_true (px_annotation_list_remove (list, a, &error));
  g_assert_true (px_annotation_list_undo (list, NULL, &error));
  g_assert_no_error (error);
  coders = px_store_get_annotation_coders (f->store, &error);
  g_assert_nonnull (coders);
  g_assert_cmpstr (g_hash_table_lookup (coders, &id), ==, "Bo Varga");
}

static void
test_undo_serialize (void)
{
  g_autoptr (PxAnnotation) a = px_annotation_new ();
  g_autoptr (PxAnnotation) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  px_annotation_set_id (a, 7);
  px_annotation_set_document_id (a, 3);
  px_annotation_set_range (a, 10, 20);
  px_annotation_set_quote (a, "quote with \"quotes\" and 'ticks'\n");
  px_annotation_set_note (a, "A note\twith \\ backslash and \u00e9");
  px_annotation_set_tags (a, (const char *[]){ "b", "a", NULL });
  px_annotation_set_orphaned (a, TRUE);
  text = px_undo_serialize (a);
  back = px_undo_deserialize (text, 7, &error);
  g_assert_no_error (error);
  g_assert_true (px_annotation_equal (a, back));
  g_assert_null (px_undo_deserialize ("{'broken", 7, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/annotations/add-get-list", test_add_get_list);
  ADD ("/annotations/invalid", test_invalid);
  ADD ("/annotations/read-only", test_read_only);
  ADD ("/annotations/update-delete-search", test_update_delete_search);
  ADD ("/annotations/replace-text", test_replace_text);
  ADD ("/annotations/replace-text-cjk", test_replace_text_cjk);
  ADD ("/annotations/tags", test_tags);
  ADD ("/annotations/tag-snapshot", test_tag_snapshot);
  ADD ("/annotations/colors", test_colors);
  ADD ("/annotations/search-bounded", test_search_bounded);
  ADD ("/annotations/list-and-undo", test_list_and_undo);
  ADD ("/annotations/undo-keeps-coder", test_undo_keeps_coder);
  g_test_add_func ("/annotations/undo-serialize", test_undo_serialize);
  return g_test_run ();
}
