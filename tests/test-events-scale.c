/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Event statistics at scale: written and read in chunks without a copy
 * of the whole in memory, compact per document, safe on damaged bytes,
 * and kept in the library through a blob handle. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "events/px-byte-stream.h"
#include "events/px-event-index-private.h"
#include "events/px-event-index.h"
#include "events/px-store-events.h"

/* Invented articles: @n_events stories of three reports each, every
 * story with its own names and figures, all drawing words from one
 * vocabulary of invented stems. */
static char *
story_text (GRand *r, guint story, guint report)
{
  static const char *const parts[] = { "dal", "mor", "kin", "sev", "tor", "bla", "ruv", "pen",
                                       "gos", "lit", "wam", "fer", "hob", "nuk", "zel", "cat" };
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint sentence = 0; sentence < 8; sentence++)
    {
      g_string_append_printf (s, "Officials of %c%sville said", 'A' + story % 26, parts[story % 16]);
      for (guint w = 0; w < 12; w++)
        g_string_append_printf (s, " %s%s%s", parts[g_rand_int_range (r, 0, 16)], parts[g_rand_int_range (r, 0, 16)],
                                parts[(story + w) % 16]);
      g_string_append_printf (s, " after %u people left on report %u. ", 100 + story * 7, report);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GPtrArray *
invented_features (guint n_events)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_features_free);
  g_autoptr (GRand) r = g_rand_new_with_seed (7);
  g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");

  for (guint e = 0; e < n_events; e++)
    for (guint k = 0; k < 3; k++)
      {
        g_autofree char *text = story_text (r, e, k);
        g_autofree char *title = g_strdup_printf ("Story %u, report %u", e, k);
        g_ptr_array_add (all, px_event_features_new (g_rand_int_range (r, 0, 2) == 0 ? 3 * e + k + 1 : -(3 * e + k + 1),
                                                     title, text, "en", "2024-05-02", stemmer));
      }
  return all;
}

static gsize
heap_in_use (void)
{
#ifdef __GLIBC__
  struct mallinfo2 m = mallinfo2 ();
  return m.uordblks + m.hblkhd;
#else
  return 0;
#endif
}

typedef struct
{
  GByteArray *out;
  guint n_chunks;
  gsize largest;
  gsize heap_before, heap_peak;
} Recorder;

static gboolean
record_chunk (const guint8 *data, gsize len, gpointer user_data, GError **error)
{
  Recorder *rec = user_data;

  rec->n_chunks++;
  rec->largest = MAX (rec->largest, len);
  rec->heap_peak = MAX (rec->heap_peak, heap_in_use ());
  g_byte_array_append (rec->out, data, len);
  return TRUE;
}

/* Hands out @step bytes at a time. */
typedef struct
{
  GBytes *bytes;
  gsize pos, step;
} Trickle;

static gssize
trickle (guint8 *buf, gsize len, gpointer user_data, GError **error)
{
  Trickle *t = user_data;
  gsize size, n;
  const guint8 *data = g_bytes_get_data (t->bytes, &size);

  n = MIN (MIN (len, t->step), size - t->pos);
  memcpy (buf, data + t->pos, n);
  t->pos += n;
  return n;
}

static void
test_stream (void)
{
  g_autoptr (GPtrArray) all = invented_features (400);
  g_autoptr (PxEventIndex) index = px_event_index_new (NULL);
  g_autoptr (PxEventIndex) copy = NULL;
  /* Room for it all at once, so that the array does not grow while the
   * heap is watched. */
  g_autoptr (GByteArray) out = g_byte_array_sized_new (16 << 20);
  g_autoptr (GBytes) written = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GError) error = NULL;
  Recorder rec = { out, 0, 0, 0, 0 };
  Trickle t = { NULL, 0, 999 };
  guint64 n_terms = 0;

  px_event_index_group (index, all);
  for (guint i = 0; i < all->len; i++)
    n_terms += ((const PxEventFeatures *)all->pdata[i])->n_terms;

  rec.heap_before = rec.heap_peak = heap_in_use ();
  g_assert_true (px_event_index_write (index, record_chunk, &rec, &error));
  g_assert_no_error (error);
  /* Chunks of at most 64 KiB, and writing builds nothing that grows with
   * the index (a GVariant of it took about 80 KB a document). */
  g_assert_cmpuint (rec.n_chunks, >=, 2);
  g_assert_cmpuint (rec.largest, <=, PX_BYTE_STREAM_CHUNK);
  g_assert_cmpuint (rec.heap_peak - rec.heap_before, <, (gsize)(512 << 10));
  g_assert_cmpuint (out->len, <, 16 << 20);
  /* Compact: a vector term takes its distance from the previous term and
   * its weight (16 bytes and more in a GVariant). */
  g_assert_cmpfloat ((double)out->len / (double)n_terms, <, 11.0);

  written = g_byte_array_free_to_bytes (g_steal_pointer (&out));
  t.bytes = written;
  copy = px_event_index_read (trickle, &t, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  again = px_event_index_serialize (copy);
  g_assert_true (g_bytes_equal (again, written));
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = ((const PxEventFeatures *)all->pdata[i])->document_id;
      gint64 ev = px_event_index_get_event (index, id);
      g_assert_cmpint (px_event_index_get_event (copy, id), ==, ev);
      g_assert_cmpfloat (px_event_index_similarity (copy, id, ev), ==, px_event_index_similarity (index, id, ev));
    }
}

static void
test_damaged (void)
{
  g_autoptr (GPtrArray) all = invented_features (20);
  g_autoptr (PxEventIndex) index = px_event_index_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  gsize size;
  const guint8 *data;
  g_autoptr (GRand) r = g_rand_new_with_seed (3);

  px_event_index_group (index, all);
  bytes = px_event_index_serialize (index);
  data = g_bytes_get_data (bytes, &size);

  /* Cut anywhere, or followed by more: refused, as damaged. */
  for (gsize cut = 0; cut <= size + 1; cut += cut < 64 ? 1 : 97)
    {
      g_autofree guint8 *buf = g_malloc0 (MAX (cut, 1));
      g_autoptr (GBytes) part = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (PxEventIndex) back = NULL;

      if (cut == size)
        continue;
      memcpy (buf, data, MIN (cut, size));
      part = g_bytes_new (buf, cut);
      back = px_event_index_deserialize (part, &error);
      g_assert_null (back);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
  /* Bytes changed at random: refused or read, never a crash (the
   * sanitizer pass checks every access). */
  for (guint k = 0; k < 100; k++)
    {
      g_autofree guint8 *buf = g_memdup2 (data, size);
      g_autoptr (GBytes) changed = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (PxEventIndex) back = NULL;

      for (guint j = 0; j < 3; j++)
        buf[g_rand_int_range (r, 4, size)] = g_rand_int_range (r, 0, 256);
      changed = g_bytes_new (buf, size);
      back = px_event_index_deserialize (changed, &error);
      g_assert_true ((back == NULL) != (error == NULL));
    }
}

/* The start of statistics written by hand: the header, @n_terms terms of
 * one letter each ("a", "b"…; the first one's length said to be
 * @first_len) and the number of documents, @n_docs, that
 * crafted_document() then adds. */
static GByteArray *
crafted_header (guint n_terms, guint n_docs, guint64 first_len)
{
  GByteArray *out = g_byte_array_new ();
  PxByteWriter w;

  px_byte_writer_init (&w, px_byte_sink_array, out);
  px_byte_writer_put (&w, "PXEI", 4);
  px_byte_writer_put_varint (&w, 4);
  px_byte_writer_put_double (&w, 0.3);
  px_byte_writer_put_double (&w, 2.0);
  px_byte_writer_put_double (&w, 1.5);
  px_byte_writer_put_svarint (&w, 3);
  px_byte_writer_put_varint (&w, n_docs);
  px_byte_writer_put_varint (&w, n_terms);
  for (guint i = 0; i < n_terms; i++)
    {
      char text = 'a' + i;

      px_byte_writer_put_varint (&w, i == 0 ? first_len : 1);
      px_byte_writer_put (&w, &text, 1);
      px_byte_writer_put_varint (&w, 0);
      px_byte_writer_put_varint (&w, 0);
      px_byte_writer_put_varint (&w, 1);
    }
  px_byte_writer_put_varint (&w, n_docs);
  g_assert_true (px_byte_writer_finish (&w, NULL));
  return out;
}

/* One document of event @event whose vector is @n_deltas terms given by
 * their distances. */
static void
crafted_document (GByteArray *out, gint64 event, const guint64 *deltas, guint n_deltas)
{
  static gint64 next_id = 1;
  PxByteWriter w;

  px_byte_writer_init (&w, px_byte_sink_array, out);
  px_byte_writer_put_svarint (&w, next_id++);
  px_byte_writer_put_varint (&w, 19000);
  px_byte_writer_put_svarint (&w, event);
  px_byte_writer_put_varint (&w, 0);
  px_byte_writer_put_varint (&w, n_deltas);
  for (guint k = 0; k < n_deltas; k++)
    {
      px_byte_writer_put_varint (&w, deltas[k]);
      px_byte_writer_put_double (&w, 0.5);
    }
  g_assert_true (px_byte_writer_finish (&w, NULL));
}

static void
assert_refused (GByteArray *blob)
{
  g_autoptr (GBytes) bytes = g_byte_array_free_to_bytes (blob);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxEventIndex) back = px_event_index_deserialize (bytes, &error);

  g_assert_null (back);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

/* Hands out the bytes, watching the heap each time it is asked. */
typedef struct
{
  GBytes *bytes;
  gsize pos;
  gsize heap_peak;
} Watcher;

static gssize
watch_heap (guint8 *buf, gsize len, gpointer user_data, GError **error)
{
  Watcher *w = user_data;
  gsize size, n;
  const guint8 *data = g_bytes_get_data (w->bytes, &size);

  w->heap_peak = MAX (w->heap_peak, heap_in_use ());
  n = MIN (len, size - w->pos);
  memcpy (buf, data + w->pos, n);
  w->pos += n;
  return n;
}

/* Crafted statistics: refused as damaged, without trusting what they say
 * before it is checked. */
static void
test_crafted (void)
{
  const guint64 good[] = { 0, 1 };
  /* 1, then 1 + (2^64 - 1): term 0 again once the sum wraps. */
  const guint64 wrapping[] = { 1, G_MAXUINT64 };
  const guint64 far[] = { 5 };

  /* The blob as written reads back. */
  {
    g_autoptr (GByteArray) blob = crafted_header (2, 1, 1);
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (GError) error = NULL;
    g_autoptr (PxEventIndex) back = NULL;

    crafted_document (blob, 7, good, 2);
    bytes = g_byte_array_free_to_bytes (g_steal_pointer (&blob));
    back = px_event_index_deserialize (bytes, &error);
    g_assert_no_error (error);
    g_assert_nonnull (back);
  }
  /* A term's length of a gigabyte in a blob of a few bytes: refused, with
   * no gigabyte asked of the heap. */
  {
    GByteArray *blob = crafted_header (1, 1, (1u << 30) - 1);
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (GError) error = NULL;
    g_autoptr (PxEventIndex) back = NULL;
    Watcher watch = { NULL, 0, 0 };
    gsize before;

    g_assert_cmpuint (blob->len, <, 64);
    bytes = g_byte_array_free_to_bytes (blob);
    watch.bytes = bytes;
    before = watch.heap_peak = heap_in_use ();
    back = px_event_index_read (watch_heap, &watch, &error);
    g_assert_null (back);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_cmpuint (watch.heap_peak - before, <, (gsize)(1 << 20));
  }
  /* Distances between terms that wrap around, or go past the last term. */
  {
    GByteArray *blob = crafted_header (2, 1, 1);
    crafted_document (blob, 7, wrapping, 2);
    assert_refused (blob);
  }
  {
    GByteArray *blob = crafted_header (2, 1, 1);
    crafted_document (blob, 7, far, 1);
    assert_refused (blob);
  }
  /* Event ids with no room for one more. */
  for (guint i = 0; i < 2; i++)
    {
      GByteArray *blob = crafted_header (2, 1, 1);
      crafted_document (blob, i == 0 ? G_MAXINT64 : G_MAXINT64 - 1, good, 2);
      assert_refused (blob);
    }
}

static PxDocument *
invented_document (GRand *r, guint story, guint report)
{
  PxDocument *doc = px_document_new ();
  g_autofree char *text = story_text (r, story, report);
  g_autofree char *title = g_strdup_printf ("Story %u, report %u", story, report);

  px_document_set_title (doc, title);
  px_document_set_language (doc, "en");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, text);
  return doc;
}

static void
remove_library (const char *dir, const char *path)
{
  for (const char *const *suffix = (const char *const[]){ "", "-wal", "-shm", NULL }; *suffix != NULL; suffix++)
    {
      g_autofree char *file = g_strconcat (path, *suffix, NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

static gint64
saved_generation (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 generation = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT generation FROM event_index WHERE id = 1;", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    generation = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return generation;
}

/* Statistics larger than a chunk go into the library and come back in a
 * new connection without being rebuilt from the documents. */
static void
test_store_blob (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-events-scale-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) r = g_rand_new_with_seed (11);
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = 150;

  {
    g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr (PxDocument) doc = invented_document (r, i / 3, i % 3);
        g_assert_true (px_store_add_document (store, doc, NULL, &error));
        g_assert_no_error (error);
      }
    g_assert_cmpint (px_store_group_unassigned (store, &error), ==, n);
    g_assert_no_error (error);
    for (gint64 id = 1; id <= n; id++)
      {
        g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, id, NULL);
        g_array_append_val (events, info->event_id);
      }
  }
  {
    g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
    g_autoptr (PxDocument) doc = invented_document (r, 0, 9);

    g_assert_no_error (error);
    g_assert_true (px_store_add_document (store, doc, NULL, &error));
    g_assert_true (px_store_assign_event (store, doc, NULL, &error));
    g_assert_no_error (error);
    /* Loaded from the blob, not rebuilt: only the new document was read. */
    g_assert_cmpuint (_px_store_events_get_n_rebuilt (store), ==, 0);
    g_assert_cmpint (px_document_get_event_id (doc), ==, g_array_index (events, gint64, 0));
    for (gint64 id = 1; id <= n; id++)
      {
        g_autoptr (PxDocumentInfo) info = px_store_get_document_info (store, id, NULL);
        g_assert_cmpint (info->event_id, ==, g_array_index (events, gint64, id - 1));
      }
  }
  remove_library (dir, path);
}

/* A large library's statistics, just loaded, are as saved: the first
 * import batch into it does not write them all again (it did: importing
 * one article into 20,000 saved them twice). */
static void
test_loaded_not_saved_again (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-events-scale-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) r = g_rand_new_with_seed (13);
  guint n = 1050;
  gint64 saved;

  {
    g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr (PxDocument) doc = invented_document (r, i / 3, i % 3);
        g_assert_true (px_store_add_document (store, doc, NULL, &error));
        g_assert_no_error (error);
      }
    g_assert_cmpint (px_store_group_unassigned (store, &error), ==, n);
    g_assert_no_error (error);
  }
  saved = saved_generation (path);
  g_assert_cmpint (saved, !=, 0);
  {
    g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
    g_autoptr (PxDocument) doc = invented_document (r, 1, 7);

    g_assert_no_error (error);
    g_assert_true (px_store_add_document (store, doc, NULL, &error));
    g_assert_true (px_store_assign_event (store, doc, NULL, &error));
    g_assert_no_error (error);
    /* What an import does after each batch. */
    g_assert_true (px_store_flush_events (store, &error));
    g_assert_no_error (error);
    g_assert_cmpint (saved_generation (path), ==, saved);
    /* And at its end: saved. */
    g_assert_true (px_store_regroup_events (store, &error));
    g_assert_no_error (error);
    g_assert_cmpint (saved_generation (path), !=, saved);
  }
  remove_library (dir, path);
}

/* Placing documents one by one keeps the similarities of the pairs each
 * neighbourhood computed for the next: most are found again, and the
 * events are exactly those of an index that computes every pair, also
 * after a document's vector changed (it came again with another text) and
 * after the batch regroup that ends an import. */
static void
test_pair_cache (void)
{
  g_autoptr (GPtrArray) all = invented_features (40);
  g_autoptr (PxEventIndex) cached = px_event_index_new (NULL);
  g_autoptr (PxEventIndex) plain = px_event_index_new (NULL);
  g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");
  g_autoptr (GRand) r = g_rand_new_with_seed (11);
  g_autofree char *other = story_text (r, 33, 5);
  g_autoptr (PxEventFeatures) again = NULL;
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  PxPairCache *cache;
  const PxEventFeatures *first = all->pdata[0];
  guint64 misses;

  g_assert_null (_px_event_index_keep_pairs (plain, FALSE));
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (px_event_index_assign (cached, all->pdata[i], NULL), ==,
                     px_event_index_assign (plain, all->pdata[i], NULL));
  cache = _px_event_index_keep_pairs (cached, TRUE);
  g_assert_nonnull (cache);
  g_test_message ("pairs found %" G_GUINT64_FORMAT ", computed %" G_GUINT64_FORMAT, px_pair_cache_get_hits (cache),
                  px_pair_cache_get_misses (cache));
  /* Most pairs of a neighbourhood were in the one before. */
  g_assert_cmpuint (px_pair_cache_get_hits (cache), >, px_pair_cache_get_misses (cache));

  again = px_event_features_new (first->document_id, "Story 33 again", other, "en", "2024-05-02", stemmer);
  misses = px_pair_cache_get_misses (cache);
  g_assert_cmpint (px_event_index_assign (cached, again, NULL), ==, px_event_index_assign (plain, again, NULL));
  /* Its new vector is not found among the old pairs. */
  g_assert_cmpuint (px_pair_cache_get_misses (cache), >, misses);

  px_event_index_group (cached, none);
  px_event_index_group (plain, none);
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = ((const PxEventFeatures *)all->pdata[i])->document_id;
      g_assert_cmpint (px_event_index_get_event (cached, id), ==, px_event_index_get_event (plain, id));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/events-scale/stream", test_stream);
  g_test_add_func ("/events-scale/damaged", test_damaged);
  g_test_add_func ("/events-scale/crafted", test_crafted);
  g_test_add_func ("/events-scale/store-blob", test_store_blob);
  g_test_add_func ("/events-scale/loaded-not-saved-again", test_loaded_not_saved_again);
  g_test_add_func ("/events-scale/pair-cache", test_pair_cache);
  return g_test_run ();
}
