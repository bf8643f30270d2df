/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "annotations/px-store-annotations.h"
#include "import/px-import-job.h"
#include "import/px-shingles.h"
#include "import/px-store-near-dup.h"
#include "provenance/px-store-versions.h"

/* Invented articles: one about a school budget, the same edited, and an
 * unrelated one about a storm, each a title, a byline and paragraphs. */
static const char budget[] =
    "Mayor approves school budget after long debate\n\nBy Edda Lindqvist\n\n"
    "The mayor of Harrowby signed the school budget on Thursday after a council debate that lasted nine hours.\n\n"
    "The budget gives the town's four primary schools money for two new teachers and repairs to the gym roof.\n\n"
    "Parents who had asked for smaller classes said the plan was a start, but not enough.\n";
static const char budget_edited[] =
    "Mayor approves school budget, parents ask for more\n\nBy Edda Lindqvist and Per Aalto\n\n"
    "The mayor of Harrowby signed the school budget on Thursday after a council debate that lasted nine hours.\n\n"
    "The budget gives the town's four primary schools money for three new teachers and repairs to the gym roof.\n\n"
    "Parents who had asked for smaller classes said the plan was a start, but not enough.\n\n"
    "The council will review the budget again in the autumn.\n";
static const char budget_again[] =
    "School budget signed in Harrowby\n\nBy Edda Lindqvist and Per Aalto\n\n"
    "The mayor of Harrowby signed the school budget on Thursday after a council debate that lasted nine hours.\n\n"
    "The budget gives the town's four primary schools money for three new teachers and repairs to the gym roof.\n\n"
    "Parents who had asked for smaller classes said the plan was a start, but not enough.\n\n"
    "The council will review the budget again in the autumn, the mayor said.\n";
static const char storm[] =
    "Storm floods harbour road in Kelmsey\n\nBy Rune Sato\n\n"
    "Heavy rain and a high tide flooded the harbour road in Kelmsey on Sunday night, cutting off two villages.\n\n"
    "Firefighters pumped water from a dozen cellars, and a ferry stayed in port until the wind eased.\n\n"
    "Forecasters said more rain would fall on the coast before the weekend.\n";

typedef struct
{
  char *dir;
  char *path; /* the one file imported again and again */
  PxStore *store;
} Fixture;

static void
write_file (const char *path, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static PxImportResult *
import_one (Fixture *f, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;

  results = px_import_run (f->store, &file, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  return g_ptr_array_steal_index (results, 0);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("px-reimport-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "library.db", NULL);
  f->path = g_build_filename (f->dir, "article.txt", NULL);
  f->store = px_store_open (db, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
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

static PxAnnotation *
annotate (Fixture *f, gint64 id, const char *quote)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_store_load_document (f->store, id, &error);
  const char *hit = strstr (px_document_get_text (doc), quote);
  guint start;
  PxAnnotation *a;

  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (px_document_get_text (doc), hit);
  a = px_annotation_new_for_range (doc, start, start + g_utf8_strlen (quote, -1), "yellow");
  g_assert_true (px_store_add_annotation (f->store, a, &error));
  g_assert_no_error (error);
  return a;
}

/* Another article saved under the name of one imported before is an
 * article of its own: the first keeps its text, title and highlights. */
static void
test_other_article (Fixture *f, gconstpointer data)
{
  g_autoptr (PxImportResult) first = NULL;
  g_autoptr (PxImportResult) second = NULL;
  g_autoptr (PxImportResult) third = NULL;
  g_autoptr (PxAnnotation) a = NULL;
  g_autoptr (PxAnnotation) loaded = NULL;
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GError) error = NULL;

  write_file (f->path, budget);
  first = import_one (f, f->path);
  g_assert_cmpint (first->status, ==, PX_IMPORT_IMPORTED);
  a = annotate (f, first->document_id, "two new teachers");

  write_file (f->path, storm);
  second = import_one (f, f->path);
  g_assert_cmpint (second->status, ==, PX_IMPORT_IMPORTED);
  g_assert_cmpint (second->document_id, !=, first->document_id);
  g_assert_cmpstr (second->title, ==, "Storm floods harbour road in Kelmsey");

  doc = px_store_load_document (f->store, first->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (doc), ==, "Mayor approves school budget after long debate");
  g_assert_nonnull (strstr (px_document_get_text (doc), "two new teachers"));
  versions = px_store_list_versions (f->store, first->document_id, &error);
  g_assert_cmpuint (versions->len, ==, 1);
  loaded = px_store_get_annotation (f->store, px_annotation_get_id (a), &error);
  g_assert_false (px_annotation_get_orphaned (loaded));

  /* The budget article again, edited: a version of its own document,
   * not of the storm's that came from the same path since. */
  write_file (f->path, budget_edited);
  third = import_one (f, f->path);
  g_assert_cmpint (third->status, ==, PX_IMPORT_UPDATED);
  g_assert_cmpint (third->document_id, ==, first->document_id);
}

/* The same article changed becomes a version: the metadata the user did
 * not edit follow the file, its signature the new text. */
static void
test_version_metadata (Fixture *f, gconstpointer data)
{
  g_autoptr (PxImportResult) first = NULL;
  g_autoptr (PxImportResult) second = NULL;
  g_autoptr (PxImportResult) third = NULL;
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (PxDocument) edited = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GBytes) expected = NULL;
  g_autoptr (GError) error = NULL;
  gint64 keys[PX_MINHASH_BANDS];
  PxMinHash hash;
  gboolean found = FALSE;

  write_file (f->path, budget);
  first = import_one (f, f->path);
  write_file (f->path, budget_edited);
  second = import_one (f, f->path);
  g_assert_cmpint (second->status, ==, PX_IMPORT_UPDATED);
  g_assert_cmpint (second->document_id, ==, first->document_id);
  g_assert_cmpstr (second->title, ==, "Mayor approves school budget, parents ask for more");

  doc = px_store_load_document (f->store, first->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (doc), ==, "Mayor approves school budget, parents ask for more");
  g_assert_cmpstr (px_document_get_author (doc), ==, "Edda Lindqvist, Per Aalto");
  g_assert_cmpuint (px_document_get_event_id (doc), >, 0);

  /* The signature is the new text's: found by its band keys. */
  g_assert_true (px_minhash_compute (px_document_get_text (doc), &hash));
  px_minhash_band_keys (&hash, keys);
  expected = px_minhash_to_bytes (&hash);
  candidates = px_store_find_signature_candidates (f->store, 0, keys, PX_MINHASH_BANDS, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < candidates->len; i++)
    {
      PxStoreSignature *sig = g_ptr_array_index (candidates, i);
      if (sig->id == first->document_id)
        found = g_bytes_equal (sig->signature, expected);
    }
  g_assert_true (found);

  /* The same text under another headline: the document it was. */
  {
    g_autofree char *headline =
        g_strconcat ("Harrowby budget signed, parents ask for more", strchr (budget_edited, '\n'), NULL);
    g_autoptr (PxImportResult) same = NULL;

    write_file (f->path, headline);
    same = import_one (f, f->path);
    g_assert_cmpint (same->status, ==, PX_IMPORT_DUPLICATE);
    g_assert_cmpint (same->document_id, ==, first->document_id);
  }

  /* A title the user gave stays; what the user did not edit follows. */
  px_document_set_title (doc, "Harrowby school budget (my title)");
  g_assert_true (px_store_update_metadata (f->store, doc, &error));
  write_file (f->path, budget_again);
  third = import_one (f, f->path);
  g_assert_cmpint (third->status, ==, PX_IMPORT_UPDATED);
  edited = px_store_load_document (f->store, first->document_id, &error);
  g_assert_cmpstr (px_document_get_title (edited), ==, "Harrowby school budget (my title)");
  g_assert_nonnull (strstr (px_document_get_text (edited), "the mayor said"));
}

/* A new text another document has is a duplicate of that one, whether
 * the title changed with it or not (then the new text under the stored
 * title is the other document's, once reported as a failure). */
static void
test_duplicate_of_other (Fixture *f, gconstpointer same_title)
{
  g_autofree char *other = g_build_filename (f->dir, "other.txt", NULL);
  g_autofree char *edited = same_title != NULL ? g_strconcat ("Mayor approves school budget after long debate",
                                                              strchr (budget_edited, '\n'), NULL)
                                               : g_strdup (budget_edited);
  g_autoptr (PxImportResult) first = NULL;
  g_autoptr (PxImportResult) copy = NULL;
  g_autoptr (PxImportResult) again = NULL;

  write_file (f->path, budget);
  first = import_one (f, f->path);
  write_file (other, edited);
  copy = import_one (f, other);
  g_assert_cmpint (copy->status, ==, PX_IMPORT_IMPORTED);

  write_file (f->path, edited);
  again = import_one (f, f->path);
  g_assert_cmpint (again->status, ==, PX_IMPORT_DUPLICATE);
  g_assert_cmpint (again->document_id, ==, copy->document_id);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/reimport/other-article", test_other_article);
  ADD ("/reimport/version-metadata", test_version_metadata);
  ADD ("/reimport/duplicate-of-other", test_duplicate_of_other);
  g_test_add ("/reimport/duplicate-same-title", Fixture, "same title", fixture_setup, test_duplicate_of_other,
              fixture_teardown);
  return g_test_run ();
}
