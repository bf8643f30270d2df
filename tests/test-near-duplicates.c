/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "import/px-import-job.h"
#include "import/px-import.h"
#include "import/px-shingles.h"
#include "import/px-store-near-dup.h"

/* One invented wire story, as two outlets ran it: the second trimmed the
 * last paragraph, changed a few words and added a line of its own. */
static const char wire_a[] =
    "Harbour pilots at the port of Kessel stopped work on Thursday morning, leaving six container ships waiting at "
    "anchor in the bay, after the port authority announced plans to cut the number of pilots on night shifts.\n\n"
    "The pilots' association said the cuts would put crews and the town at risk, because large ships need two pilots "
    "to enter the narrow channel safely in the dark, especially in winter storms.\n\n"
    "A spokesman for the port authority said the plans had been discussed for months and were needed to keep the "
    "port competitive, and that talks with the association would continue next week.\n\n"
    "Shipping agents said the delays were already costing the port's customers tens of thousands a day, and that "
    "some lines were considering diverting their ships to the neighbouring port of Alsund.\n\n"
    "The last strike by the pilots, eleven years ago, lasted nine days and ended with an agreement that the port "
    "authority now says it can no longer afford.";

static const char wire_b[] =
    "Harbour pilots at the port of Kessel stopped work on Thursday, leaving six container ships waiting at anchor in "
    "the bay, after the port authority announced plans to cut the number of pilots on night shifts.\n\n"
    "The pilots' association said the cuts would put crews and the town at risk, because large ships need two pilots "
    "to enter the narrow channel safely in the dark, particularly in winter storms.\n\n"
    "A spokesman for the port authority said the plans had been discussed for months and were needed to keep the "
    "port competitive, and that talks with the association would continue next week.\n\n"
    "Shipping agents said the delays were already costing the port's customers tens of thousands a day, and that "
    "some lines were considering diverting their ships to the neighbouring port of Alsund.\n\n"
    "Kessel is the third largest port in the region.";

/* The same event, reported independently: shared names and facts, but
 * not shared wording. */
static const char own_report[] =
    "Six container ships sat idle in Kessel bay on Thursday as the town's harbour pilots walked out in protest at "
    "planned cuts to night shifts.\n\n"
    "Pilots say the channel into Kessel is too narrow for a single pilot to bring a large ship in after dark. The "
    "port authority insists the change is safe and necessary.\n\n"
    "Agents for the shipping lines warned that some vessels could be sent to Alsund instead if the dispute dragged "
    "on into next week.";

static void
test_minhash (void)
{
  PxMinHash a, a2, b, own, tiny;

  g_assert_true (px_minhash_compute (wire_a, &a));
  g_assert_true (px_minhash_compute (wire_a, &a2));
  g_assert_true (px_minhash_compute (wire_b, &b));
  g_assert_true (px_minhash_compute (own_report, &own));
  g_assert_false (px_minhash_compute ("Too short.", &tiny));

  g_assert_cmpfloat (px_minhash_similarity (&a, &a2), ==, 1.0);
  g_assert_cmpfloat (px_minhash_similarity (&a, &b), >=, PX_NEAR_DUPLICATE_THRESHOLD);
  g_assert_cmpfloat (px_minhash_similarity (&a, &own), <, 0.2);
  g_assert_cmpfloat (px_minhash_similarity (&a, &tiny), ==, 0.0);

  /* Case, punctuation and quote styles do not matter. */
  {
    g_autofree char *upper = g_utf8_strup (wire_a, -1);
    g_autofree char *curly = NULL;
    PxMinHash u, c;
    GString *s = g_string_new (wire_a);

    g_string_replace (s, "'", "’", 0);
    g_string_replace (s, ",", " ,", 0);
    curly = g_string_free (s, FALSE);
    g_assert_true (px_minhash_compute (upper, &u));
    g_assert_true (px_minhash_compute (curly, &c));
    g_assert_cmpfloat (px_minhash_similarity (&a, &u), ==, 1.0);
    g_assert_cmpfloat (px_minhash_similarity (&a, &c), ==, 1.0);
  }

  /* Storage round trip. */
  {
    g_autoptr (GBytes) bytes = px_minhash_to_bytes (&b);
    PxMinHash back;
    g_assert_true (px_minhash_from_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &back));
    g_assert_cmpmem (&back, sizeof back, &b, sizeof b);
    g_assert_false (px_minhash_from_bytes ("xx", 2, &back));
  }
}

typedef struct
{
  char *dir;
  PxStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("px-neardup-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "library.db", NULL);
  f->store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static PxDocument *
make_doc (const char *title, const char *outlet, const char *text)
{
  PxDocument *doc = px_document_new ();
  g_auto (GStrv) paras = g_strsplit (text, "\n\n", -1);

  px_document_set_title (doc, title);
  px_document_set_outlet (doc, outlet);
  for (guint i = 0; paras[i]; i++)
    px_document_append_block (doc, PX_BLOCK_PARAGRAPH, paras[i]);
  return doc;
}

static PxImportResult *
add (Fixture *f, const char *title, const char *outlet, const char *text)
{
  g_autoptr (PxDocument) doc = make_doc (title, outlet, text);
  g_autoptr (GError) error = NULL;
  PxImportResult *r = px_import_add_document (f->store, doc, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static void
test_flagged_not_merged (Fixture *f, gconstpointer data)
{
  PxImportResult *a = add (f, "Pilots strike at Kessel", "Meridian Wire", wire_a);
  PxImportResult *own = add (f, "Ships idle as pilots walk out", "Kessel Courier", own_report);
  PxImportResult *b = add (f, "Kessel pilots stop work", "Harbour Gazette", wire_b);
  PxImportResult *again = add (f, "Pilots strike at Kessel", "Meridian Wire", wire_a);
  PxImportResult *retitled = add (f, "Port of Kessel: pilots strike", "Meridian Wire", wire_a);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (a->status, ==, PX_IMPORT_IMPORTED);
  g_assert_cmpint (a->near_duplicate_of, ==, 0);
  g_assert_cmpint (own->status, ==, PX_IMPORT_IMPORTED);
  g_assert_cmpint (own->near_duplicate_of, ==, 0);

  /* The syndicated copy is imported, and flagged with the original. */
  g_assert_cmpint (b->status, ==, PX_IMPORT_IMPORTED);
  g_assert_cmpint (b->near_duplicate_of, ==, a->document_id);
  g_assert_cmpstr (b->near_duplicate_title, ==, "Pilots strike at Kessel");
  g_assert_cmpfloat (b->similarity, >=, PX_NEAR_DUPLICATE_THRESHOLD);
  g_assert_cmpint (px_store_get_near_duplicate (f->store, b->document_id, &error), ==, a->document_id);
  g_assert_no_error (error);

  /* The same title and text is a duplicate, not stored again; the same
   * text under another headline is stored and flagged. */
  g_assert_cmpint (again->status, ==, PX_IMPORT_DUPLICATE);
  g_assert_cmpint (again->document_id, ==, a->document_id);
  g_assert_cmpint (retitled->status, ==, PX_IMPORT_IMPORTED);
  g_assert_cmpint (retitled->near_duplicate_of, ==, a->document_id);
  g_assert_cmpfloat (retitled->similarity, ==, 1.0);
  g_assert_cmpint (px_store_count_documents (f->store, NULL), ==, 4);

  /* Deleting the original clears the flag and the index rows with it. */
  g_assert_true (px_store_delete_document (f->store, a->document_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_store_get_near_duplicate (f->store, b->document_id, &error), ==, 0);
  {
    gint64 keys[PX_MINHASH_BANDS];
    PxMinHash h;
    g_autoptr (GPtrArray) cands = NULL;

    px_minhash_compute (wire_a, &h);
    px_minhash_band_keys (&h, keys);
    cands = px_store_find_signature_candidates (f->store, 0, keys, PX_MINHASH_BANDS, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cands->len, ==, 2); /* b and the retitled copy are left */
    for (guint i = 0; i < cands->len; i++)
      g_assert_cmpint (((PxStoreSignature *)g_ptr_array_index (cands, i))->id, !=, a->document_id);
  }

  px_import_result_free (a);
  px_import_result_free (own);
  px_import_result_free (b);
  px_import_result_free (again);
  px_import_result_free (retitled);
}

/* Documents stored before the index existed are signed on the next
 * import, and new imports are compared with them. */
static void
test_incremental_backfill (Fixture *f, gconstpointer data)
{
  g_autoptr (PxDocument) old = make_doc ("Pilots strike at Kessel", "Meridian Wire", wire_a);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) unsigned_ids = NULL;
  PxImportResult *b;

  g_assert_true (px_store_add_document (f->store, old, NULL, &error));
  unsigned_ids = px_store_list_unsigned_documents (f->store, &error);
  g_assert_cmpuint (unsigned_ids->len, ==, 1);

  g_assert_true (px_import_index_unsigned (f->store, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&unsigned_ids, g_array_unref);
  unsigned_ids = px_store_list_unsigned_documents (f->store, &error);
  g_assert_cmpuint (unsigned_ids->len, ==, 0);

  b = add (f, "Kessel pilots stop work", "Harbour Gazette", wire_b);
  g_assert_cmpint (b->near_duplicate_of, ==, px_document_get_id (old));
  px_import_result_free (b);
}

static void
write_file (const char *dir, const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
as_page (const char *title, const char *outlet, const char *text, const char *extra)
{
  GString *s = g_string_new (NULL);
  g_auto (GStrv) paras = g_strsplit (text, "\n\n", -1);

  g_string_append_printf (s,
                          "<html><head><title>%s</title><meta property=\"og:site_name\" content=\"%s\"></head>"
                          "<body><nav><a href=\"/\">Home</a></nav>%s<article><h1>%s</h1>",
                          title, outlet, extra, title);
  for (guint i = 0; paras[i]; i++)
    g_string_append_printf (s, "<p>%s</p>", paras[i]);
  g_string_append (s, "</article></body></html>");
  return g_string_free (s, FALSE);
}

/* A folder: a wire story from two outlets, one page saved twice (same
 * text, different boilerplate), another story and a bad file. */
static void
test_folder_report (Fixture *f, gconstpointer data)
{
  g_autofree char *in = g_build_filename (f->dir, "pages", NULL);
  g_autofree char *p1 = as_page ("Pilots strike at Kessel", "Meridian Wire", wire_a, "");
  g_autofree char *p2 = as_page ("Kessel pilots stop work", "Harbour Gazette", wire_b, "");
  g_autofree char *p3 = as_page ("Pilots strike at Kessel", "Meridian Wire", wire_a,
                                 "<div class=\"cookie-banner\">We use cookies. <a href=\"/p\">Privacy</a></div>");
  g_autofree char *p4 = as_page ("Ships idle as pilots walk out", "Kessel Courier", own_report, "");
  g_autoptr (GFile) root = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;
  guint imported, duplicates, failed;

  g_mkdir (in, 0700);
  write_file (in, "1-wire.html", p1);
  write_file (in, "2-gazette.html", p2);
  write_file (in, "3-wire-saved-again.html", p3);
  write_file (in, "4-courier.html", p4);
  write_file (in, "5-broken.html", "\x89PNG\r\n\x1a\n");
  root = g_file_new_for_path (in);

  results = px_import_run (f->store, &root, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  px_import_count (results, &imported, &duplicates, &failed);
  g_assert_cmpuint (imported, ==, 3);
  g_assert_cmpuint (duplicates, ==, 1);
  g_assert_cmpuint (failed, ==, 1);
  g_assert_cmpuint (px_import_count_near_duplicates (results), ==, 1);
  g_assert_cmpint (((PxImportResult *)g_ptr_array_index (results, 1))->near_duplicate_of, ==,
                   ((PxImportResult *)g_ptr_array_index (results, 0))->document_id);
  g_assert_cmpint (((PxImportResult *)g_ptr_array_index (results, 2))->status, ==, PX_IMPORT_DUPLICATE);
  g_assert_nonnull (((PxImportResult *)g_ptr_array_index (results, 4))->message);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/near-duplicates/minhash", test_minhash);
  g_test_add ("/near-duplicates/flagged-not-merged", Fixture, NULL, fixture_set_up, test_flagged_not_merged,
              fixture_tear_down);
  g_test_add ("/near-duplicates/incremental-backfill", Fixture, NULL, fixture_set_up, test_incremental_backfill,
              fixture_tear_down);
  g_test_add ("/near-duplicates/folder-report", Fixture, NULL, fixture_set_up, test_folder_report, fixture_tear_down);
  return g_test_run ();
}
