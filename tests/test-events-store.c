/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Events in the library: incremental assignment on import, editing,
 * persistence across connections and crashes, and the comparison cache,
 * on the invented articles of fixtures/compare/. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "compare-fixtures.h"
#include "compare/px-compare-cache.h"
#include "import/px-import-job.h"
#include "compare/px-store-analysis.h"
#include "events/px-event-edit.h"
#include "events/px-event-snapshot.h"
#include "events/px-store-events.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("px-events-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "library.db", NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  GDir *dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_remove (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
str_ptr_cmp (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

static PxStore *
open_store (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  PxStore *store = px_store_open (f->path, PX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static PxDocument *
load_article (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "compare", file, NULL);
  g_autoptr (GError) error = NULL;
  PxDocument *doc = px_test_load_article (path, 0, &error);

  g_assert_no_error (error);
  /* Stored documents get their id from the store. */
  px_document_set_id (doc, 0);
  return doc;
}

/* Adds and places one article as an import does; returns its id. */
static gint64
add (PxStore *store, const char *name)
{
  g_autoptr (PxDocument) doc = load_article (name);
  g_autoptr (GError) error = NULL;

  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (px_store_assign_event (store, doc, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_document_get_event_id (doc), >, 0);
  return px_document_get_id (doc);
}

static gint64
event_of (PxStore *store, gint64 doc)
{
  g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, doc, NULL);

  g_assert_nonnull (info);
  return info != NULL ? info->event_id : -1;
}

static PxEventInfo *
get_event (PxStore *store, gint64 id)
{
  g_autoptr (GError) error = NULL;
  PxEventInfo *info = px_store_get_event (store, id, &error);

  g_assert_no_error (error);
  return info;
}

static guint
n_events (PxStore *store)
{
  g_autoptr (GPtrArray) events = px_store_list_events (store, NULL);
  g_assert_nonnull (events);
  return events != NULL ? events->len : 0;
}

static gint64
sql_int (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static void
sql_exec (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The three reports of the library reopening are one event; the budget
 * story two days later and the ferry fire are others. */
static void
test_assign_on_add (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  gint64 wire = add (store, "library-wire");
  gint64 gazette = add (store, "library-gazette");
  gint64 radio = add (store, "library-radio");
  gint64 ferry = add (store, "ferry-fire");
  g_autoptr (PxEventInfo) library = NULL;

  g_assert_cmpint (event_of (store, gazette), ==, event_of (store, wire));
  g_assert_cmpint (event_of (store, radio), ==, event_of (store, wire));
  g_assert_cmpint (event_of (store, ferry), !=, event_of (store, wire));
  g_assert_cmpuint (n_events (store), ==, 2);

  library = get_event (store, event_of (store, wire));
  g_assert_cmpuint (library->documents->len, ==, 3);
  g_assert_false (library->title_locked);
  /* A title from the shared terms, naming the place. */
  g_assert_nonnull (strstr (library->title, "Lakeside"));
  /* By date, then id: the radio report came a day later. */
  g_assert_cmpint (g_array_index (library->documents, gint64, 2), ==, radio);
  /* Nothing had to be read back: every document was placed as it came. */
  g_assert_cmpuint (_px_store_events_get_n_rebuilt (store), ==, 0);
}

/* A later connection starts from the saved statistics: importing one
 * more document reads none of the others. */
static void
test_incremental_across_connections (Fixture *f, gconstpointer data)
{
  gint64 wire, radio;

  {
    g_autoptr (PxStore) store = open_store (f);
    wire = add (store, "library-wire");
    add (store, "library-gazette");
    add (store, "ferry-fire");
    g_assert_true (px_store_flush_events (store, NULL));
  }
  {
    g_autoptr (PxStore) store = open_store (f);
    radio = add (store, "library-radio");
    g_assert_cmpint (event_of (store, radio), ==, event_of (store, wire));
    g_assert_cmpuint (_px_store_events_get_n_rebuilt (store), ==, 0);
    /* Not flushed: as if the program had been killed here. */
  }
  {
    g_autoptr (PxStore) store = open_store (f);
    gint64 budget = add (store, "library-budget");
    /* Only the document the saved statistics missed was read again. */
    g_assert_cmpuint (_px_store_events_get_n_rebuilt (store), ==, 1);
    g_assert_cmpint (event_of (store, radio), ==, event_of (store, wire));
    g_assert_cmpint (event_of (store, budget), >, 0);
  }
}

static void
test_import_job_assigns (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "compare", NULL);
  g_autoptr (GFile) root = g_file_new_for_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = px_import_run (store, &root, 1, NULL, NULL, NULL, &error);
  g_autoptr (GPtrArray) docs = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (results);
  docs = px_store_list_documents (store, NULL);
  g_assert_cmpuint (docs->len, >=, 5);
  for (guint i = 0; i < docs->len; i++)
    g_assert_cmpint (((PxDocumentInfo *)docs->pdata[i])->event_id, >, 0);
  /* The batch saved the statistics once, at its end. */
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM event_index;"), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM documents WHERE event_id IS NULL;"), ==, 0);
}

static void
test_rename (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autoptr (GError) error = NULL;
  gint64 wire = add (store, "library-wire");
  gint64 ev = event_of (store, wire);
  g_autofree char *automatic = NULL;

  {
    g_autoptr (PxEventInfo) info = get_event (store, ev);
    automatic = g_strdup (info->title);
  }
  g_assert_true (px_store_rename_event (store, ev, "  Library reopening  ", &error));
  g_assert_no_error (error);
  add (store, "library-gazette");
  {
    g_autoptr (PxEventInfo) info = get_event (store, ev);
    /* Kept, though a new document joined. */
    g_assert_cmpstr (info->title, ==, "Library reopening");
    g_assert_true (info->title_locked);
  }
  /* An empty name gives the automatic title back. */
  g_assert_true (px_store_rename_event (store, ev, "", &error));
  {
    g_autoptr (PxEventInfo) info = get_event (store, ev);
    g_assert_false (info->title_locked);
    g_assert_cmpstr (info->title, !=, "");
    g_assert_cmpstr (info->title, !=, "Library reopening");
  }
  g_assert_false (px_store_rename_event (store, 999, "x", &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (px_store_rename_event (store, ev, "bad \xc3\x28", &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
}

static void
test_merge_split_move (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 wire, gazette, radio, ferry, lib, fire, fresh;

  {
    g_autoptr (PxStore) store = open_store (f);
    wire = add (store, "library-wire");
    gazette = add (store, "library-gazette");
    radio = add (store, "library-radio");
    ferry = add (store, "ferry-fire");
    lib = event_of (store, wire);
    fire = event_of (store, ferry);

    g_assert_true (px_store_merge_events (store, lib, fire, &error));
    g_assert_no_error (error);
    g_assert_cmpint (event_of (store, ferry), ==, lib);
    g_assert_cmpuint (n_events (store), ==, 1);
    g_assert_false (px_store_merge_events (store, lib, lib, &error));
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
    g_clear_error (&error);

    fresh = px_store_split_event (store, lib, &ferry, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (fresh, >, 0);
    g_assert_cmpint (event_of (store, ferry), ==, fresh);
    g_assert_cmpint (event_of (store, wire), ==, lib);
    /* A document of another event cannot be split off this one. */
    g_assert_cmpint (px_store_split_event (store, lib, &ferry, 1, &error), ==, 0);
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
    g_clear_error (&error);
    {
      gint64 all[] = { wire, gazette, radio };
      g_assert_cmpint (px_store_split_event (store, lib, all, 3, &error), ==, 0);
      g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

    g_assert_true (px_store_move_document (store, radio, fresh, &error));
    g_assert_no_error (error);
    g_assert_cmpint (event_of (store, radio), ==, fresh);
    g_assert_false (px_store_move_document (store, radio, 12345, &error));
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  /* Persisted, and the documents of the events the user edited are marked
   * as placed by hand: all four. */
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM documents WHERE event_locked = 1;"), ==, 4);
  {
    g_autoptr (PxStore) store = open_store (f);
    g_autoptr (PxEventInfo) info = get_event (store, fresh);
    gint64 budget;

    g_assert_cmpint (event_of (store, radio), ==, fresh);
    g_assert_cmpuint (info->documents->len, ==, 2);
    /* The edits were saved with the statistics: nothing is read back. */
    budget = add (store, "library-budget");
    g_assert_cmpuint (_px_store_events_get_n_rebuilt (store), ==, 0);
    g_assert_cmpint (event_of (store, budget), >, 0);
    /* The user's decisions stick: grouping the new article with its
     * neighbours moved nobody back, and the split stays split. */
    g_assert_cmpint (event_of (store, radio), ==, fresh);
    g_assert_cmpint (event_of (store, ferry), ==, fresh);
    g_assert_cmpint (event_of (store, wire), ==, lib);
    g_assert_cmpint (event_of (store, gazette), ==, lib);
    /* Still all marked. */
    g_assert_cmpint (sql_int (f, "SELECT count(*) FROM documents WHERE event_locked = 1;"), ==, 4);

    /* Moving the last document out makes the event go away. */
    g_assert_true (px_store_move_document (store, ferry, lib, &error));
    g_assert_true (px_store_move_document (store, radio, lib, &error));
    g_assert_no_error (error);
    g_assert_null (px_store_get_event (store, fresh, &error));
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_group_documents (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autoptr (GError) error = NULL;
  gint64 wire = add (store, "library-wire");
  gint64 gazette = add (store, "library-gazette");
  gint64 ferry = add (store, "ferry-fire");
  gint64 pick[] = { ferry, gazette, ferry };
  gint64 ev;

  ev = px_store_group_documents (store, pick, G_N_ELEMENTS (pick), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ev, >, 0);
  g_assert_cmpint (event_of (store, ferry), ==, ev);
  g_assert_cmpint (event_of (store, gazette), ==, ev);
  g_assert_cmpint (event_of (store, wire), !=, ev);
  {
    g_autoptr (PxEventInfo) info = get_event (store, ev);
    g_assert_cmpuint (info->documents->len, ==, 2);
  }
  /* Grouping exactly an event's documents gives that event. */
  g_assert_cmpint (px_store_group_documents (store, pick, 2, &error), ==, ev);
  g_assert_cmpint (px_store_group_documents (store, NULL, 0, &error), ==, 0);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    gint64 missing[] = { wire, 4242 };
    g_assert_cmpint (px_store_group_documents (store, missing, 2, &error), ==, 0);
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    /* Nothing changed. */
    g_assert_cmpint (event_of (store, ferry), ==, ev);
  }
}

/* Documents deleted, edited or placed by another connection are picked
 * up; a library from before events (or a damaged statistics blob) is
 * grouped from its documents. */
static void
test_other_connection_and_damage (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) a = open_store (f);
  g_autoptr (PxStore) b = open_store (f);
  g_autoptr (GError) error = NULL;
  gint64 wire = add (a, "library-wire");
  gint64 gazette = add (a, "library-gazette");
  gint64 ferry = add (a, "ferry-fire");
  gint64 radio;

  g_assert_true (px_store_flush_events (a, NULL));
  /* b moves the ferry story into the library event, then a deletes it. */
  g_assert_true (px_store_move_document (b, ferry, event_of (b, wire), &error));
  g_assert_no_error (error);
  g_assert_true (px_store_delete_document (a, ferry, &error));
  radio = add (a, "library-radio");
  g_assert_cmpint (event_of (a, radio), ==, event_of (a, wire));
  g_assert_cmpuint (n_events (a), ==, 1);

  /* Damaged statistics and documents without events: regrouped. */
  sql_exec (f, "UPDATE event_index SET data = x'00ff00ff', generation = 7;"
               "UPDATE documents SET event_id = NULL WHERE id = 2;");
  {
    g_autoptr (PxStore) c = open_store (f);
    g_assert_cmpint (px_store_group_unassigned (c, &error), ==, 1);
    g_assert_no_error (error);
    g_assert_cmpint (event_of (c, gazette), ==, event_of (c, wire));
    g_assert_cmpint (sql_int (f, "SELECT count(*) FROM documents WHERE event_id IS NULL;"), ==, 0);
  }
  /* With nothing waiting, listing events does not load (nor repair) the
   * statistics: on a big library that blob is large. */
  sql_exec (f, "UPDATE event_index SET data = x'00ff00ff', generation = 9;");
  {
    g_autoptr (PxStore) d = open_store (f);
    g_assert_cmpint (px_store_group_unassigned (d, &error), ==, 0);
    g_assert_no_error (error);
    g_assert_cmpuint (_px_store_events_get_n_rebuilt (d), ==, 0);
    g_assert_cmpint (sql_int (f, "SELECT length(data) FROM event_index;"), ==, 4);
    /* The next change that needs them repairs them. */
    gint64 budget = add (d, "library-budget");
    g_assert_cmpint (event_of (d, budget), >, 0);
    g_assert_cmpuint (_px_store_events_get_n_rebuilt (d), >, 0);
  }
}

static gboolean
load_compare (PxStore *store, gint64 ev, char **json)
{
  g_autoptr (GError) error = NULL;
  gboolean cached = FALSE;
  g_autoptr (PxEventComparison) cmp = px_compare_cache_load (store, ev, &cached, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cmp);
  if (json != NULL)
    *json = px_event_comparison_to_json (cmp, TRUE);
  return cached;
}

/* A document without outlet or title is named by where it came from, in
 * a fresh comparison and in one read back from the cache. */
static void
test_source_names (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) web = load_article ("library-gazette");
  gint64 wire = add (store, "library-wire");
  gint64 ev = event_of (store, wire);

  px_document_set_outlet (web, NULL);
  px_document_set_title (web, NULL);
  px_document_set_source (web, "https://www.harbour-news.example/2023/11/library");
  g_assert_true (px_store_add_document (store, web, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (px_store_move_document (store, px_document_get_id (web), ev, &error));
  g_assert_no_error (error);

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean cached = FALSE;
      g_autoptr (PxEventComparison) cmp = px_compare_cache_load (store, ev, &cached, &error);
      gboolean seen_web = FALSE, seen_file = FALSE;

      g_assert_no_error (error);
      g_assert_nonnull (cmp);
      g_assert_true (cached == (pass == 1));
      for (guint d = 0; d < px_event_comparison_get_n_documents (cmp); d++)
        {
          const PxCompareDocument *doc = px_event_comparison_get_document (cmp, d);
          seen_web |= doc->id == px_document_get_id (web) && g_strcmp0 (doc->source_name, "harbour-news.example") == 0;
          seen_file |= doc->id == wire && g_strcmp0 (doc->source_name, "library-wire.txt") == 0;
        }
      g_assert_true (seen_web);
      g_assert_true (seen_file);
    }
}

/* Two outlets quote the same words in sentences that otherwise share
 * little: the passage view matches the sentences through the quotation. */
static void
test_quote_links_passages (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxEventComparison) cmp = NULL;
  gint64 ids[2];
  gint64 ev;
  guint wire, paper, sentence = G_MAXUINT;
  GArray *matches;
  gboolean linked = FALSE;

  ids[0] = add (store, "quote-wire");
  ids[1] = add (store, "quote-paper");
  ev = px_store_group_documents (store, ids, 2, &error);
  g_assert_no_error (error);
  cmp = px_compare_cache_load (store, ev, NULL, &error);
  g_assert_no_error (error);
  wire = px_event_comparison_find_document (cmp, ids[0]);
  paper = px_event_comparison_find_document (cmp, ids[1]);
  g_assert_cmpuint (wire, !=, G_MAXUINT);
  g_assert_cmpuint (paper, !=, G_MAXUINT);

  {
    const PxCompareDocument *doc = px_event_comparison_get_document (cmp, wire);
    for (guint s = 0; s < doc->sentences->len && sentence == G_MAXUINT; s++)
      {
        const PxSpan *span = &g_array_index (doc->sentences, PxSpan, s);
        g_autofree char *text = px_event_comparison_slice (cmp, wire, span->start, span->end);
        if (g_str_has_prefix (text, "\"We will open every gallery"))
          sentence = s;
      }
  }
  g_assert_cmpuint (sentence, !=, G_MAXUINT);
  matches = px_event_comparison_get_matches (cmp, wire, sentence);
  for (guint k = 0; k < matches->len; k++)
    {
      const PxCompareMatch *m = &g_array_index (matches, PxCompareMatch, k);
      g_autofree char *text = NULL;
      if (m->other != paper)
        continue;
      text = px_event_comparison_slice (cmp, paper, m->start, m->end);
      linked = m->label >= PX_MATCH_PARAPHRASE && g_str_has_prefix (text, "\"We will open every gallery");
    }
  g_assert_true (linked);

  /* And the claims agree: one claim, reported by both. */
  linked = FALSE;
  for (guint c = 0; c < px_event_comparison_get_n_claims (cmp); c++)
    {
      const PxComparePassage *a = px_event_comparison_claim_passage (cmp, c, wire);
      const PxComparePassage *b = px_event_comparison_claim_passage (cmp, c, paper);
      linked |= a != NULL && b != NULL && strstr (a->text, "We will open every gallery") != NULL &&
                strstr (b->text, "We will open every gallery") != NULL;
    }
  g_assert_true (linked);
}

static void
test_cache (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autoptr (GError) error = NULL;
  gint64 wire = add (store, "library-wire");
  gint64 gazette = add (store, "library-gazette");
  gint64 ev = event_of (store, wire);
  g_autofree char *fresh = NULL;
  g_autofree char *again = NULL;
  g_autofree char *stamp = NULL;

  g_assert_false (load_compare (store, ev, &fresh));
  g_assert_true (load_compare (store, ev, &again));
  /* From the cache, the same bytes. */
  g_assert_cmpstr (fresh, ==, again);

  /* A new document in the event: computed again. */
  add (store, "library-radio");
  g_assert_cmpint (event_of (store, wire), ==, ev);
  g_assert_false (load_compare (store, ev, NULL));
  g_assert_true (load_compare (store, ev, NULL));

  /* Edited metadata (shown in the comparison): computed again. */
  {
    g_autoptr (PxDocument) doc = px_store_load_document (store, gazette, NULL);
    g_usleep (1100 * 1000); /* modified has a resolution of one second */
    px_document_set_outlet (doc, "Lakeside Gazette Online");
    g_assert_true (px_store_update_metadata (store, doc, NULL));
  }
  g_clear_pointer (&again, g_free);
  g_assert_false (load_compare (store, ev, &again));
  g_assert_nonnull (strstr (again, "Lakeside Gazette Online"));

  /* A renamed event keeps its cache, with the new title. */
  g_assert_true (px_store_rename_event (store, ev, "Reopening", NULL));
  g_clear_pointer (&again, g_free);
  g_assert_true (load_compare (store, ev, &again));
  g_assert_nonnull (strstr (again, "\"Reopening\""));

  /* A document removed: computed again. */
  g_assert_true (px_store_delete_document (store, gazette, NULL));
  g_assert_false (load_compare (store, ev, NULL));

  /* A damaged entry is ignored and replaced. */
  stamp = px_store_event_stamp (store, ev, PX_EVENT_COMPARISON_VERSION, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GBytes) junk = g_bytes_new_static ("{\"cache\": 1, \"compare\": {}, \"alignment\": [[[0, 99999]]]}", 52);
    g_assert_true (px_store_put_analysis (store, ev, stamp, junk, NULL));
  }
  g_assert_false (load_compare (store, ev, NULL));
  g_assert_true (load_compare (store, ev, NULL));

  /* No such event. */
  g_assert_null (px_compare_cache_load (store, 777, NULL, &error));
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
}

static void
test_comparison_model (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  gint64 wire = add (store, "library-wire");
  gint64 gazette = add (store, "library-gazette");
  gint64 radio = add (store, "library-radio");
  g_autoptr (PxEventComparison) cmp = px_compare_cache_load (store, event_of (store, wire), NULL, NULL);
  guint w = px_event_comparison_find_document (cmp, wire);
  guint g = px_event_comparison_find_document (cmp, gazette);
  PxDocument *wire_doc = px_event_comparison_get_source (cmp, w);
  const char *text = px_document_get_text (wire_doc);
  const char *at = strstr (text, "The Lakeside public library reopened");
  guint offset = g_utf8_pointer_to_offset (text, at) + 5;
  guint sentence = px_event_comparison_find_sentence (cmp, w, offset);
  GArray *matches = px_event_comparison_get_matches (cmp, w, sentence);
  gboolean seen_gazette = FALSE;

  g_assert_cmpuint (px_event_comparison_get_n_documents (cmp), ==, 3);
  g_assert_cmpuint (px_event_comparison_find_document (cmp, radio), !=, G_MAXUINT);
  g_assert_cmpuint (sentence, !=, G_MAXUINT);
  for (guint i = 0; i < matches->len; i++)
    {
      const PxCompareMatch *m = &g_array_index (matches, PxCompareMatch, i);
      g_autofree char *other = px_event_comparison_slice (cmp, m->other, m->start, m->end);

      g_assert_cmpuint (m->other, !=, w);
      g_assert_cmpint (m->label, >, PX_MATCH_NONE);
      if (m->other == g)
        {
          /* The gazette carries the sentence word for word. */
          seen_gazette = TRUE;
          g_assert_cmpint (m->label, ==, PX_MATCH_VERBATIM);
          g_assert_nonnull (strstr (other, "reopened on Monday"));
        }
      g_assert_nonnull (m->diff);
    }
  g_assert_true (seen_gazette);
  g_assert_cmpuint (px_event_comparison_get_n_claims (cmp), >, 0);
  g_assert_cmpuint (px_event_comparison_get_n_quotes (cmp), >, 0);
  g_assert_cmpuint (px_event_comparison_get_n_speakers (cmp), >, 0);
}

/* A library that cannot be written still compares, without caching. */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 ev;

  {
    g_autoptr (PxStore) store = open_store (f);
    ev = event_of (store, add (store, "library-wire"));
    add (store, "library-gazette");
  }
  {
    g_autoptr (PxStore) ro = px_store_open (f->path, PX_STORE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_false (load_compare (ro, ev, NULL));
    g_assert_false (load_compare (ro, ev, NULL));
    g_assert_false (px_store_rename_event (ro, ev, "x", &error));
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_READ_ONLY);
  }
}

/* The events of a library as a string: each event's titles sorted, events
 * sorted, and the event titles. */
static char *
events_by_title (PxStore *store)
{
  g_autoptr (GPtrArray) events = px_store_list_events (store, NULL);
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint e = 0; e < events->len; e++)
    {
      PxEventInfo *info = events->pdata[e];
      g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GString) g = g_string_new (NULL);

      for (guint i = 0; i < info->documents->len; i++)
        {
          g_autoptr (PxDocument) doc = px_store_load_document (store, g_array_index (info->documents, gint64, i), NULL);
          g_ptr_array_add (titles, g_strdup (px_document_get_title (doc)));
        }
      g_ptr_array_sort (titles, str_ptr_cmp);
      for (guint i = 0; i < titles->len; i++)
        g_string_append_printf (g, "%s;", (char *)titles->pdata[i]);
      g_ptr_array_add (groups, g_string_free (g_steal_pointer (&g), FALSE));
    }
  g_ptr_array_sort (groups, str_ptr_cmp);
  for (guint i = 0; i < groups->len; i++)
    g_string_append_printf (out, "[%s]", (char *)groups->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Files imported one by one, in one order and in the reverse, and the
 * folder at once: the same events, each named by a headline of its own. */
static void
test_import_order (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "compare", NULL);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *first = NULL;
  const char *names[] = { "library-wire", "library-gazette", "library-radio", "library-budget", "ferry-fire",
                          "dam-radio",    "dam-digest",      "dam-courier",   "dam-trade",      "dam-profit" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strconcat (names[i], ".txt", NULL);
      g_ptr_array_add (files, g_file_new_build_filename (dir, file, NULL));
    }
  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *path = g_strdup_printf ("%s/order-%u.db", f->dir, round);
      g_autoptr (GError) error = NULL;
      g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
      g_autofree char *got = NULL;

      g_assert_no_error (error);
      if (round == 2)
        g_ptr_array_unref (px_import_run (store, (GFile *const *)files->pdata, files->len, NULL, NULL, NULL, &error));
      else
        for (guint i = 0; i < files->len; i++)
          {
            GFile *file = files->pdata[round == 0 ? i : files->len - 1 - i];
            g_ptr_array_unref (px_import_run (store, &file, 1, NULL, NULL, NULL, &error));
            g_assert_no_error (error);
          }
      g_assert_no_error (error);
      got = events_by_title (store);
      if (first == NULL)
        first = g_steal_pointer (&got);
      else
        g_assert_cmpstr (got, ==, first);
      /* Each title is the headline of one of its articles, never a list
       * of keywords. */
      {
        g_autoptr (GPtrArray) events = px_store_list_events (store, NULL);
        for (guint e = 0; e < events->len; e++)
          {
            PxEventInfo *info = events->pdata[e];
            gboolean found = FALSE;
            for (guint i = 0; i < info->documents->len; i++)
              {
                g_autoptr (PxDocument) doc =
                    px_store_load_document (store, g_array_index (info->documents, gint64, i), NULL);
                found |= g_strcmp0 (px_document_get_title (doc), info->title) == 0;
              }
            g_assert_true (found);
          }
      }
    }
  /* The library reports together (the files' headers are part of their
   * headlines here), the ferry fire alone. */
  {
    const char *lib = strstr (first, "[Doors open again at Lakeside library");
    const char *ferry = strstr (first, "[Fire on car ferry");
    g_assert_nonnull (lib);
    g_assert_nonnull (ferry);
    g_assert_true (strstr (lib, "Flood-hit library welcomes readers back") < strchr (lib, ']'));
    g_assert_cmpint (strchr (ferry, ']')[-1], ==, ';');
    g_assert_null (strchr (strchr (ferry, ';') + 1, ';') < strchr (ferry, ']') ? "two in the ferry event" : NULL);
  }
}

/* Undo of event edits: a snapshot taken before each edit puts the events
 * back as they were. */
static PxEventSnapshot *
snapshot (PxStore *store, gint64 a, gint64 b)
{
  g_autoptr (GError) error = NULL;
  gint64 ids[] = { a, b };
  PxEventSnapshot *snap = px_event_snapshot_new (store, ids, b != 0 ? 2 : 1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (snap);
  return snap;
}

/* Records what the edit just made (as px_event_edit_apply() does in its
 * transaction), then restores @snap as the undo log keeps it: serialized. */
static void
restore (PxStore *store, PxEventSnapshot *snap)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (PxEventSnapshot) kept = NULL;
  gboolean partial = TRUE;

  g_assert_true (px_event_snapshot_record_after (snap, store, &error));
  g_assert_no_error (error);
  text = px_event_snapshot_serialize (snap);
  kept = px_event_snapshot_deserialize (text, &error);
  g_assert_no_error (error);
  g_assert_true (px_event_snapshot_restore (kept, store, &partial, &error));
  g_assert_no_error (error);
  g_assert_false (partial);
  px_event_snapshot_free (snap);
}

static void
test_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autoptr (GError) error = NULL;
  gint64 wire = add (store, "library-wire");
  gint64 gazette = add (store, "library-gazette");
  gint64 radio = add (store, "library-radio");
  gint64 ferry = add (store, "ferry-fire");
  gint64 lib = event_of (store, wire), fire = event_of (store, ferry);
  g_autofree char *auto_title = NULL;
  PxEventSnapshot *snap;

  g_assert_cmpint (lib, !=, fire);
  {
    g_autoptr (PxEventInfo) info = get_event (store, lib);
    auto_title = g_strdup (info->title);
  }

  /* Rename, undone: the automatic title again, not locked. */
  snap = snapshot (store, lib, 0);
  g_assert_true (px_store_rename_event (store, lib, "Reopening", &error));
  restore (store, snap);
  {
    g_autoptr (PxEventInfo) info = get_event (store, lib);
    g_assert_false (info->title_locked);
    g_assert_cmpstr (info->title, ==, auto_title);
  }

  /* A user's name comes back after a merge is undone; the event that went
   * away is made again with its articles. */
  g_assert_true (px_store_rename_event (store, fire, "Ferry fire", &error));
  snap = snapshot (store, lib, fire);
  g_assert_true (px_store_merge_events (store, lib, fire, &error));
  g_assert_cmpuint (n_events (store), ==, 1);
  restore (store, snap);
  g_assert_cmpuint (n_events (store), ==, 2);
  g_assert_cmpint (event_of (store, wire), ==, lib);
  g_assert_cmpint (event_of (store, gazette), ==, lib);
  g_assert_cmpint (event_of (store, radio), ==, lib);
  fire = event_of (store, ferry);
  g_assert_cmpint (fire, !=, lib);
  {
    g_autoptr (PxEventInfo) info = get_event (store, fire);
    g_assert_true (info->title_locked);
    g_assert_cmpstr (info->title, ==, "Ferry fire");
  }

  /* Split, undone. */
  snap = snapshot (store, lib, 0);
  g_assert_cmpint (px_store_split_event (store, lib, &radio, 1, &error), >, 0);
  g_assert_cmpint (event_of (store, radio), !=, lib);
  restore (store, snap);
  g_assert_cmpint (event_of (store, radio), ==, lib);
  g_assert_cmpuint (n_events (store), ==, 2);

  /* Move, undone. */
  snap = snapshot (store, lib, fire);
  g_assert_true (px_store_move_document (store, gazette, fire, &error));
  restore (store, snap);
  g_assert_cmpint (event_of (store, gazette), ==, lib);
  g_assert_cmpint (event_of (store, ferry), ==, fire);

  /* A document deleted since is skipped. */
  snap = snapshot (store, lib, 0);
  g_assert_true (px_store_move_document (store, wire, fire, &error));
  g_assert_true (px_store_delete_document (store, wire, &error));
  restore (store, snap);
  g_assert_cmpint (event_of (store, radio), ==, lib);
  g_assert_no_error (error);
}

/* Undoing a merge after a new event took the merged event's id (ids are
 * reused): the new event keeps its article, and the merged event's
 * articles come back in an event of their own. */
static void
test_undo_reused_id (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autoptr (GError) error = NULL;
  gint64 wire = add (store, "library-wire");
  gint64 ferry = add (store, "ferry-fire");
  gint64 lib = event_of (store, wire), fire = event_of (store, ferry);
  gint64 quote, fresh, back;
  PxEventSnapshot *snap;

  g_assert_cmpint (fire, >, lib);
  snap = snapshot (store, lib, fire);
  g_assert_true (px_store_merge_events (store, lib, fire, &error));
  g_assert_no_error (error);
  /* Another connection (an import) numbers from the table. */
  {
    g_autoptr (PxStore) import = open_store (f);
    quote = add (import, "quote-wire");
  }
  fresh = event_of (store, quote);
  /* The case at hand: the new article's event has the old id. */
  g_assert_cmpint (fresh, ==, fire);
  restore (store, snap);
  g_assert_cmpint (event_of (store, quote), ==, fresh);
  g_assert_cmpint (event_of (store, wire), ==, lib);
  back = event_of (store, ferry);
  g_assert_cmpint (back, !=, lib);
  g_assert_cmpint (back, !=, fresh);
  g_assert_cmpuint (n_events (store), ==, 3);
  {
    g_autoptr (PxEventInfo) info = get_event (store, fresh);
    g_assert_cmpuint (info->documents->len, ==, 1);
  }
}

/* Undo of an edit reverts only what it changed: a later move of another
 * article of the same events (the command line, regrouping: no undo step)
 * stays, and so do a later move of an article the edit moved and a later
 * name, which make the undo partial. */
static void
test_undo_keeps_later_changes (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autoptr (PxUndoStack) undo = px_undo_stack_new_for_events (store);
  g_autoptr (GError) error = NULL;
  gint64 wire = add (store, "library-wire");
  gint64 gazette = add (store, "library-gazette");
  gint64 radio = add (store, "library-radio");
  gint64 lib = event_of (store, wire), split_off, other;
  PxEventEdit split = { PX_EVENT_EDIT_SPLIT, lib, 0, NULL, &radio, 1 };
  PxEventEdit rename = { PX_EVENT_EDIT_RENAME, lib, 0, "Reopening", NULL, 0 };
  gboolean partial = TRUE;

  g_assert_cmpint (event_of (store, gazette), ==, lib);
  g_assert_cmpint (event_of (store, radio), ==, lib);
  split_off = px_event_edit_apply (store, &split, undo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (split_off, !=, lib);
  /* Without an undo step, as `parallax event move` does. */
  g_assert_true (px_store_move_document (store, gazette, split_off, &error));
  g_assert_true (px_undo_stack_undo_events (undo, &partial, &error));
  g_assert_no_error (error);
  g_assert_false (partial);
  g_assert_cmpint (event_of (store, radio), ==, lib);
  g_assert_cmpint (event_of (store, wire), ==, lib);
  g_assert_cmpint (event_of (store, gazette), ==, split_off);

  /* The article the edit moved, moved again since: it stays. */
  split.document_ids = &wire;
  other = px_event_edit_apply (store, &split, undo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, >, 0);
  g_assert_true (px_store_move_document (store, wire, split_off, &error));
  g_assert_true (px_undo_stack_undo_events (undo, &partial, &error));
  g_assert_no_error (error);
  g_assert_true (partial);
  g_assert_cmpint (event_of (store, wire), ==, split_off);
  g_assert_cmpint (event_of (store, radio), ==, lib);

  /* A name given since stays. */
  g_assert_cmpint (px_event_edit_apply (store, &rename, undo, &error), ==, lib);
  g_assert_true (px_store_rename_event (store, lib, "Reopening day", &error));
  g_assert_true (px_undo_stack_undo_events (undo, &partial, &error));
  g_assert_no_error (error);
  g_assert_true (partial);
  {
    g_autoptr (PxEventInfo) info = get_event (store, lib);
    g_assert_true (info->title_locked);
    g_assert_cmpstr (info->title, ==, "Reopening day");
  }
  /* And a name left as the edit set it comes back. */
  g_assert_cmpint (px_event_edit_apply (store, &rename, undo, &error), ==, lib);
  g_assert_true (px_undo_stack_undo_events (undo, &partial, &error));
  g_assert_false (partial);
  {
    g_autoptr (PxEventInfo) info = get_event (store, lib);
    g_assert_cmpstr (info->title, ==, "Reopening day");
  }
}

/* An event that undo makes again gets a new id; the older steps follow
 * it, so undoing them still finds their articles where their edits put
 * them. */
static void
test_undo_follows_remade_event (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autoptr (PxUndoStack) undo = px_undo_stack_new_for_events (store);
  g_autoptr (GError) error = NULL;
  gint64 wire = add (store, "library-wire");
  gint64 radio = add (store, "library-radio");
  gint64 lib = event_of (store, wire), own, remade;
  PxEventEdit new_event = { PX_EVENT_EDIT_NEW_EVENT, 0, 0, NULL, &radio, 1 };
  PxEventEdit move = { PX_EVENT_EDIT_MOVE, lib, 0, NULL, &radio, 1 };
  gboolean partial = TRUE;

  g_assert_cmpint (event_of (store, radio), ==, lib);
  own = px_event_edit_apply (store, &new_event, undo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (own, !=, lib);
  g_assert_cmpint (px_event_edit_apply (store, &move, undo, &error), ==, lib);
  /* The event the move emptied is gone; undo makes it again. */
  g_assert_true (px_undo_stack_undo_events (undo, &partial, &error));
  g_assert_no_error (error);
  g_assert_false (partial);
  remade = event_of (store, radio);
  g_assert_cmpint (remade, !=, lib);
  g_assert_cmpint (remade, !=, own);
  g_assert_true (px_undo_stack_undo_events (undo, &partial, &error));
  g_assert_no_error (error);
  g_assert_false (partial);
  g_assert_cmpint (event_of (store, radio), ==, lib);
  g_assert_cmpint (event_of (store, wire), ==, lib);
  g_assert_cmpuint (n_events (store), ==, 1);
}

/* An article imported after one the edit moved was deleted, which took
 * its id and went where the edit had put the deleted one, is another
 * article: undo leaves it where it is. */
static void
test_undo_reused_document_id (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autoptr (PxUndoStack) undo = px_undo_stack_new_for_events (store);
  g_autoptr (GError) error = NULL;
  gint64 wire = add (store, "library-wire");
  gint64 gazette = add (store, "library-gazette");
  gint64 ferry = add (store, "ferry-fire");
  gint64 lib = event_of (store, wire), radio;
  PxEventEdit move = { PX_EVENT_EDIT_MOVE, lib, 0, NULL, &ferry, 1 };
  g_autofree char *sql = NULL;
  gboolean partial = TRUE;

  g_assert_cmpint (event_of (store, gazette), ==, lib);
  g_assert_cmpint (event_of (store, ferry), !=, lib);
  g_assert_cmpint (px_event_edit_apply (store, &move, undo, &error), ==, lib);
  g_assert_no_error (error);
  g_assert_true (px_store_delete_document (store, ferry, &error));
  radio = add (store, "library-radio");
  /* The case at hand: the new article has the deleted one's id, and
   * another program (regrouping) put it into the event the edit moved that
   * one into. */
  g_assert_cmpint (radio, ==, ferry);
  sql = g_strdup_printf ("UPDATE documents SET event_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT ";", lib,
                         radio);
  sql_exec (f, sql);
  g_assert_no_error (error);
  g_assert_cmpint (event_of (store, radio), ==, lib);
  g_assert_true (px_undo_stack_undo_events (undo, &partial, &error));
  g_assert_no_error (error);
  g_assert_cmpint (event_of (store, radio), ==, lib);
  g_assert_cmpint (event_of (store, wire), ==, lib);
  g_assert_cmpuint (n_events (store), ==, 1);
}

/* A deleted article's id given to the next import (ids are reused):
 * the new article is grouped by its own text, not left out because the
 * statistics still knew the deleted one under that id. */
static void
test_reused_id_grouped (Fixture *f, gconstpointer data)
{
  g_autoptr (PxStore) store = open_store (f);
  g_autoptr (GError) error = NULL;
  gint64 wire = add (store, "library-wire");
  gint64 ferry = add (store, "ferry-fire");
  gint64 radio;

  g_assert_cmpint (event_of (store, ferry), !=, 0);
  /* Deleted by another connection (the window, while an import runs in
   * a worker), whose statistics are not this one's. */
  {
    g_autoptr (PxStore) other = open_store (f);

    g_assert_true (px_store_delete_document (other, ferry, &error));
    g_assert_no_error (error);
  }
  radio = add (store, "library-radio");
  g_assert_cmpint (radio, ==, ferry);
  g_assert_cmpint (event_of (store, radio), ==, event_of (store, wire));
}

/* Event edits made with their undo steps are undone by another
 * connection (a restart), last first, each once; a damaged step is
 * dropped, so that the ones before it stay within reach. */
static void
test_undo_log (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 wire, gazette, ferry, lib, fire, fresh;

  {
    g_autoptr (PxStore) store = open_store (f);
    g_autoptr (PxUndoStack) undo = px_undo_stack_new_for_events (store);
    PxEventEdit rename = { PX_EVENT_EDIT_RENAME, 0, 0, "Library reopens", NULL, 0 };
    PxEventEdit move = { PX_EVENT_EDIT_MOVE, 0, 0, NULL, &gazette, 1 };
    PxEventEdit split = { PX_EVENT_EDIT_SPLIT, 0, 0, NULL, &wire, 1 };

    wire = add (store, "library-wire");
    gazette = add (store, "library-gazette");
    ferry = add (store, "ferry-fire");
    lib = event_of (store, wire);
    fire = event_of (store, ferry);
    g_assert_false (px_undo_stack_can_undo (undo));
    rename.event_id = lib;
    g_assert_cmpint (px_event_edit_apply (store, &rename, undo, &error), ==, lib);
    move.event_id = fire;
    g_assert_cmpint (px_event_edit_apply (store, &move, undo, &error), ==, fire);
    split.event_id = lib;
    /* A split of an event's every article fails and records nothing. */
    g_assert_cmpint (px_event_edit_apply (store, &split, undo, &error), ==, 0);
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_no_error (error);
    g_assert_true (px_undo_stack_can_undo (undo));
    g_assert_cmpint (event_of (store, gazette), ==, fire);
  }
  {
    g_autoptr (PxStore) store = open_store (f);
    g_autoptr (PxUndoStack) undo = px_undo_stack_new_for_events (store);
    g_autofree char *action = px_undo_stack_dup_undo_action (undo);
    g_autoptr (PxEventInfo) info = NULL;

    g_assert_true (px_undo_stack_can_undo (undo));
    g_assert_cmpstr (action, ==, "event-move");
    g_assert_true (px_undo_stack_undo (undo, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (event_of (store, gazette), ==, lib);
    g_assert_cmpint (event_of (store, ferry), ==, fire);
    info = get_event (store, lib);
    g_assert_cmpstr (info->title, ==, "Library reopens");
    g_assert_true (px_undo_stack_undo (undo, NULL, &error));
    g_assert_no_error (error);
    g_clear_pointer (&info, px_event_info_free);
    info = get_event (store, lib);
    g_assert_false (info->title_locked);
    /* Event steps are undone once: nothing to redo, nothing left. */
    g_assert_false (px_undo_stack_can_undo (undo));
    g_assert_false (px_undo_stack_can_redo (undo));
    g_assert_false (px_undo_stack_undo (undo, NULL, &error));
    g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);

    /* A step damaged on disk (or of an older format) changes nothing and
     * is dropped, with a message: the one before it is undone next. */
    {
      PxEventEdit fresh_edit = { PX_EVENT_EDIT_NEW_EVENT, 0, 0, NULL, &wire, 1 };
      PxEventEdit rename_fresh = { PX_EVENT_EDIT_RENAME, 0, 0, "Wire story", NULL, 0 };
      g_autoptr (PxEventInfo) named = NULL;

      fresh = px_event_edit_apply (store, &fresh_edit, undo, &error);
      g_assert_no_error (error);
      g_assert_cmpint (fresh, !=, lib);
      rename_fresh.event_id = fresh;
      g_assert_cmpint (px_event_edit_apply (store, &rename_fresh, undo, &error), ==, fresh);
      sql_exec (f, "UPDATE undo_log SET before = 'not a snapshot'"
                   " WHERE id = (SELECT MAX(id) FROM undo_log WHERE document_id IS NULL);");
      g_assert_false (px_undo_stack_undo (undo, NULL, &error));
      g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT);
      g_clear_error (&error);
      named = get_event (store, fresh);
      g_assert_cmpstr (named->title, ==, "Wire story");
      g_assert_cmpint (event_of (store, wire), ==, fresh);
      g_assert_true (px_undo_stack_can_undo (undo));
      g_assert_true (px_undo_stack_undo (undo, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (event_of (store, wire), ==, lib);
      g_assert_false (px_undo_stack_can_undo (undo));
    }
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/events-store/assign-on-add", test_assign_on_add);
  ADD ("/events-store/incremental-across-connections", test_incremental_across_connections);
  ADD ("/events-store/import-job-assigns", test_import_job_assigns);
  ADD ("/events-store/import-order", test_import_order);
  ADD ("/events-store/rename", test_rename);
  ADD ("/events-store/merge-split-move", test_merge_split_move);
  ADD ("/events-store/undo-reused-id", test_undo_reused_id);
  ADD ("/events-store/group-documents", test_group_documents);
  ADD ("/events-store/undo", test_undo);
  ADD ("/events-store/undo-log", test_undo_log);
  ADD ("/events-store/undo-keeps-later-changes", test_undo_keeps_later_changes);
  ADD ("/events-store/undo-reused-document-id", test_undo_reused_document_id);
  ADD ("/events-store/reused-id-grouped", test_reused_id_grouped);
  ADD ("/events-store/undo-follows-remade-event", test_undo_follows_remade_event);
  ADD ("/events-store/other-connection-and-damage", test_other_connection_and_damage);
  ADD ("/events-store/cache", test_cache);
  ADD ("/events-store/comparison-model", test_comparison_model);
  ADD ("/events-store/read-only", test_read_only);
  ADD ("/events-store/source-names", test_source_names);
  ADD ("/events-store/quote-links-passages", test_quote_links_passages);
#undef ADD
  return g_test_run ();
}
