/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "documents/px-document.h"
#include "library/px-library-model.h"

static void
test_blocks_and_offsets (void)
{
  g_autoptr (PxDocument) doc = px_document_new ();
  g_autofree char *slice = NULL;
  const PxBlock *b;

  g_assert_true (px_document_append_block (doc, PX_BLOCK_PARAGRAPH, "  Première   ligne\n suite  "));
  g_assert_false (px_document_append_block (doc, PX_BLOCK_PARAGRAPH, " \n\t "));
  g_assert_true (px_document_append_block (doc, PX_BLOCK_HEADING, "Zweite\u00a0Zeile"));
  g_assert_cmpstr (px_document_get_text (doc), ==, "Première ligne suite\n\nZweite Zeile");
  g_assert_cmpuint (px_document_get_n_blocks (doc), ==, 2);
  g_assert_cmpuint (px_document_get_length (doc), ==, 34);

  b = px_document_get_block (doc, 1);
  g_assert_cmpint (b->kind, ==, PX_BLOCK_HEADING);
  g_assert_cmpuint (b->start, ==, 22);
  g_assert_cmpuint (b->end, ==, 34);
  slice = px_document_get_slice (doc, b->start, b->end);
  g_assert_cmpstr (slice, ==, "Zweite Zeile");

  g_assert_cmpuint (px_document_find_block (doc, 0), ==, 0);
  g_assert_cmpuint (px_document_find_block (doc, 21), ==, 0);
  g_assert_cmpuint (px_document_find_block (doc, 22), ==, 1);
  g_assert_cmpuint (px_document_find_block (doc, 1000), ==, 1);
}

static void
test_blocks_serialization (void)
{
  PxBlock blocks[] = { { PX_BLOCK_PARAGRAPH, 0, 10 }, { PX_BLOCK_QUOTE, 12, 40 }, { PX_BLOCK_LIST_ITEM, 42, 50 } };
  g_autofree char *s = px_blocks_serialize (blocks, 3);
  g_autoptr (GArray) parsed = px_blocks_parse (s);
  g_autoptr (GArray) garbage = px_blocks_parse ("x\np 5 2\nq 1 2 3\n\n");

  g_assert_cmpstr (s, ==, "p 0 10\nq 12 40\nl 42 50\n");
  g_assert_cmpuint (parsed->len, ==, 3);
  g_assert_cmpint (g_array_index (parsed, PxBlock, 1).kind, ==, PX_BLOCK_QUOTE);
  g_assert_cmpuint (g_array_index (parsed, PxBlock, 2).end, ==, 50);
  /* An end before its start is refused; the rest is read. */
  g_assert_cmpuint (garbage->len, ==, 1);
}

static void
test_set_content_clamps (void)
{
  g_autoptr (PxDocument) doc = px_document_new ();
  PxBlock blocks[] = { { PX_BLOCK_PARAGRAPH, 0, 3 }, { PX_BLOCK_PARAGRAPH, 90, 100 } };

  px_document_set_content (doc, "abcdef", blocks, 2);
  g_assert_cmpuint (px_document_get_block (doc, 1)->start, ==, 6);
  g_assert_cmpuint (px_document_get_block (doc, 1)->end, ==, 6);
}

static void
test_hash (void)
{
  g_autoptr (PxDocument) a = px_document_new ();
  g_autoptr (PxDocument) b = px_document_new ();
  g_autofree char *ha = NULL, *hb = NULL, *hb2 = NULL;

  px_document_set_title (a, "T");
  px_document_append_block (a, PX_BLOCK_PARAGRAPH, "Body.");
  px_document_set_title (b, "T");
  px_document_append_block (b, PX_BLOCK_PARAGRAPH, "Body.");
  ha = px_document_compute_hash (a);
  hb = px_document_compute_hash (b);
  g_assert_cmpstr (ha, ==, hb);
  px_document_set_title (b, "U");
  hb2 = px_document_compute_hash (b);
  g_assert_cmpstr (ha, !=, hb2);
}

static void
test_empty_metadata_is_null (void)
{
  g_autoptr (PxDocument) doc = px_document_new ();

  px_document_set_outlet (doc, "");
  g_assert_null (px_document_get_outlet (doc));
  px_document_set_outlet (doc, "Outlet");
  g_assert_cmpstr (px_document_get_outlet (doc), ==, "Outlet");
}

static PxDocumentInfo *
make_info (gint64 id, const char *title)
{
  return px_document_info_new (id, title, NULL, NULL, 0, NULL);
}

static void
on_items_changed (GListModel *model, guint pos, guint removed, guint added, guint *calls)
{
  (*calls)++;
}

static void
test_library_model (void)
{
  g_autoptr (PxLibraryModel) model = px_library_model_new ();
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)px_document_info_free);
  g_autoptr (PxDocumentItem) item = NULL;
  g_autoptr (PxDocumentItem) again = NULL;
  guint calls = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &calls);
  for (int i = 0; i < 10000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Doc %d", i);
      g_ptr_array_add (rows, make_info (i + 1, title));
    }
  px_library_model_set_rows (model, rows);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10000);
  item = g_list_model_get_item (G_LIST_MODEL (model), 4321);
  g_assert_cmpint (px_document_item_get_id (item), ==, 4322);
  g_assert_cmpstr (px_document_item_get_info (item)->title, ==, "Doc 4321");
  /* The same live item is handed out again. */
  again = g_list_model_get_item (G_LIST_MODEL (model), 4321);
  g_assert_true (item == again);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 10000));
  g_assert_cmpuint (px_library_model_find (model, 4322), ==, 4321);
  g_assert_cmpuint (px_library_model_find (model, 999999), ==, G_MAXUINT);

  /* Replacing the rows drops the old items safely. */
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)px_document_info_free);
  g_ptr_array_add (rows, make_info (7, "Seven"));
  px_library_model_set_rows (model, rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_clear_object (&item);
  g_clear_object (&again);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (px_document_item_get_info (item)->title, ==, "Seven");
}

static PxDocumentInfo *
make_event_info (gint64 id, gint64 event_id, const char *event_title)
{
  return px_document_info_new (id, "Doc", NULL, NULL, event_id, event_title);
}

static gboolean
is_header_at (PxLibraryModel *model, guint pos)
{
  g_autoptr (PxDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (model), pos);
  return item != NULL && px_document_item_is_header (item);
}

static void
test_library_model_groups_and_filter (void)
{
  g_autoptr (PxLibraryModel) model = px_library_model_new ();
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)px_document_info_free);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (PxDocumentItem) header = NULL;
  gint64 id;

  /* Two events, then two documents of no event. */
  g_ptr_array_add (rows, make_event_info (1, 10, "Storm"));
  g_ptr_array_add (rows, make_event_info (2, 10, "Storm"));
  g_ptr_array_add (rows, make_event_info (3, 11, "Election"));
  g_ptr_array_add (rows, make_event_info (4, 0, NULL));
  g_ptr_array_add (rows, make_event_info (5, 0, NULL));
  px_library_model_set_rows (model, rows);

  /* H(Storm) 1 2 H(Election) 3 H(none) 4 5 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 8);
  g_assert_cmpuint (px_library_model_get_n_documents (model), ==, 5);
  g_assert_true (is_header_at (model, 0));
  g_assert_true (is_header_at (model, 3));
  g_assert_true (is_header_at (model, 5));
  g_assert_false (is_header_at (model, 1));
  header = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (px_document_item_get_info (header)->event_title, ==, "Storm");
  g_assert_cmpuint (px_document_item_get_n_documents (header), ==, 2);
  g_assert_cmpuint (px_library_model_find (model, 3), ==, 4);
  g_assert_null (px_library_model_get_info (model, 3));
  g_assert_cmpint (px_library_model_get_info (model, 4)->id, ==, 3);

  /* A filter hides the Election group entirely and part of the rest. */
  id = 2;
  g_array_append_val (ids, id);
  id = 5;
  g_array_append_val (ids, id);
  px_library_model_set_filter (model, ids);
  g_assert_true (px_library_model_is_filtered (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  g_assert_cmpuint (px_library_model_get_n_documents (model), ==, 2);
  g_assert_cmpuint (px_library_model_get_n_total (model), ==, 5);
  g_assert_cmpuint (px_library_model_find (model, 3), ==, G_MAXUINT);
  g_assert_cmpuint (px_library_model_find (model, 5), ==, 3);

  /* New rows keep the filter; clearing it shows everything. */
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)px_document_info_free);
  g_ptr_array_add (rows, make_event_info (2, 0, NULL));
  g_ptr_array_add (rows, make_event_info (6, 0, NULL));
  px_library_model_set_rows (model, rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_false (is_header_at (model, 0));
  px_library_model_set_filter (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/blocks-and-offsets", test_blocks_and_offsets);
  g_test_add_func ("/document/blocks-serialization", test_blocks_serialization);
  g_test_add_func ("/document/set-content-clamps", test_set_content_clamps);
  g_test_add_func ("/document/hash", test_hash);
  g_test_add_func ("/document/empty-metadata-is-null", test_empty_metadata_is_null);
  g_test_add_func ("/document/library-model", test_library_model);
  g_test_add_func ("/document/library-model-groups-and-filter", test_library_model_groups_and_filter);
  return g_test_run ();
}
