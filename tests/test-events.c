/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Event grouping: batch, incremental, date window, titles, editing and
 * persistence, on the invented articles of fixtures/compare/. */
#include <string.h>

#include "events/px-block-pool.h"
#include "events/px-event-index.h"
#include "compare-fixtures.h"

static const char *const names[] = {
  "library-wire", "library-gazette", "library-radio", "library-budget", "ferry-fire",
};

static PxEventFeatures *
load (const char *name, gint64 id, const char *published)
{
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "compare", file, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_test_load_article (path, id, &error);

  g_assert_no_error (error);
  if (published != NULL)
    px_document_set_published (doc, published);
  return px_event_features_new_for_document (doc, NULL);
}

static GPtrArray *
load_all (void)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_features_free);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (all, load (names[i], i + 1, NULL));
  return all;
}

static void
test_features (void)
{
  g_autoptr (PxEventFeatures) f = load ("library-wire", 7, NULL);
  gboolean entity = FALSE, number = FALSE, stem = FALSE, month = FALSE;

  g_assert_cmpint (f->document_id, ==, 7);
  g_assert_cmpuint (f->day, ==, px_parse_day ("2023-11-06"));
  for (guint i = 0; i < f->n_terms; i++)
    {
      const PxEventTerm *t = &f->terms[i];
      const char *text = px_event_term_get_text (f, t);
      entity |= strcmp (text, "@nora castell") == 0 && t->kind == PX_TERM_ENTITY;
      number |= strcmp (text, "#2.3") == 0 && t->kind == PX_TERM_NUMBER;
      stem |= strcmp (text, "repair") == 0 && t->kind == PX_TERM_WORD;
      month |= strcmp (text, "@saturday") == 0;
    }
  g_assert_true (entity);
  g_assert_true (number);
  g_assert_true (stem);
  g_assert_false (month);
  g_assert_cmpuint (px_parse_day ("2023-02-30"), ==, 0);
  g_assert_cmpuint (px_parse_day ("yesterday"), ==, 0);
  g_assert_cmpuint (px_parse_day ("2023-11-07T10:00Z") - px_parse_day ("2023-11-06"), ==, 1);
}

/* The terms of a text full of tokenizer traps (see test-sentences.c),
 * pinned so that speeding up feature extraction cannot change them. */
static void
test_features_pinned (void)
{
  static const char text[] =
      "ǅemal O’Neil of the U.S. Ferry Co. said: “Don't panic…” The 1,000-ton ÉCOLE ship — built in 2019 — carried "
      "3.5 tonnes of naïve cafe\xcc\x81 beans to İstanbul.\n\nNATO & US officials met Mr. Halvorsen at 5 p.m. "
      "Usually calm, Halvorsen said 5G was fine?! Straße’s rules (see example.com) apply; e.g. U.K.-made parts. 日本語 "
      "😀 x";
  static const struct
  {
    const char *text, *surface;
    PxTermKind kind;
    guint count;
  } terms[] = {
    { "#1000", "1,000", 2, 1 },
    { "#2019", "2019", 2, 1 },
    { "#3.5", "3.5", 2, 1 },
    { "#5", "5", 2, 1 },
    { "#5g", "5G", 2, 1 },
    { "@ferry co", "Ferry Co", 1, 2 },
    { "@halvorsen", "Halvorsen", 1, 4 },
    { "@i̇stanbul", "İstanbul", 1, 1 },
    { "@nato", "NATO", 1, 2 },
    { "@o'neil", "O’Neil", 1, 1 },
    { "@uk", "U.K.", 1, 1 },
    { "@us", "US", 1, 1 },
    { "@us ferry co", "U.S. Ferry Co", 1, 1 },
    { "@usually", "Usually", 1, 1 },
    { "@école", "ÉCOLE", 1, 1 },
    { "appli", "apply", 0, 1 },
    { "bean", "beans", 0, 1 },
    { "built", "built", 0, 1 },
    { "café", "café", 0, 1 },
    { "calm", "calm", 0, 1 },
    { "carri", "carried", 0, 1 },
    { "co", "Co", 0, 3 },
    { "com", "com", 0, 1 },
    { "exampl", "example", 0, 1 },
    { "ferri", "Ferry", 0, 3 },
    { "fine", "fine", 0, 1 },
    { "halvorsen", "Halvorsen", 0, 4 },
    { "i̇stanbul", "İstanbul", 0, 1 },
    { "made", "made", 0, 1 },
    { "met", "met", 0, 1 },
    { "nato", "NATO", 0, 3 },
    { "naïv", "naïve", 0, 1 },
    { "o'neil", "O’Neil", 0, 1 },
    { "offici", "officials", 0, 1 },
    { "panic", "panic", 0, 1 },
    { "part", "parts", 0, 1 },
    { "rule", "rules", 0, 1 },
    { "see", "see", 0, 1 },
    { "ship", "ship", 0, 1 },
    { "strass", "Straße’s", 0, 1 },
    { "ton", "ton", 0, 1 },
    { "tonn", "tonnes", 0, 1 },
    { "uk", "U.K.", 0, 1 },
    { "us", "U.S.", 0, 2 },
    { "usual", "Usually", 0, 1 },
    { "école", "ÉCOLE", 0, 1 },
    { "ǆemal", "ǅemal", 0, 1 },
    { "日本語", "日本語", 0, 1 },
  };
  g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");
  g_autoptr (PxEventFeatures) f =
      px_event_features_new (1, "Ferry Co. Halvorsen, NATO", text, "en", "2023-05-01", stemmer);

  g_assert_cmpuint (f->day, ==, px_parse_day ("2023-05-01"));
  g_assert_cmpuint (f->n_terms, ==, G_N_ELEMENTS (terms));
  for (guint i = 0; i < f->n_terms; i++)
    {
      const PxEventTerm *t = &f->terms[i];
      g_assert_cmpstr (px_event_term_get_text (f, t), ==, terms[i].text);
      g_assert_cmpuint (t->len, ==, strlen (terms[i].text));
      g_assert_cmpstr (px_event_term_get_surface (f, t), ==, terms[i].surface);
      g_assert_cmpint (t->kind, ==, terms[i].kind);
      g_assert_cmpuint (t->count, ==, terms[i].count);
    }
}

static void
test_batch (void)
{
  g_autoptr (GPtrArray) all = load_all ();
  g_autoptr (PxEventIndex) index = px_event_index_new (NULL);
  g_autoptr (GArray) events = NULL;
  g_autoptr (GArray) members = NULL;
  g_autofree char *title = NULL;
  gint64 library;

  px_event_index_group (index, all);
  library = px_event_index_get_event (index, 1);
  g_assert_cmpint (library, >, 0);
  g_assert_cmpint (px_event_index_get_event (index, 2), ==, library);
  g_assert_cmpint (px_event_index_get_event (index, 3), ==, library);
  /* Same people and place, another story two days later: the budget vote
   * joins the reopening reports (its average cosine with them is above the
   * threshold chosen on ECB+, and as high as the dam reports' with one
   * another; see docs/events.md). The ferry fire stays apart. */
  g_assert_cmpint (px_event_index_get_event (index, 5), !=, library);
  g_assert_cmpint (px_event_index_get_event (index, 5), !=, px_event_index_get_event (index, 4));

  events = px_event_index_list_events (index);
  g_assert_cmpuint (events->len, ==, 2);
  members = px_event_index_get_members (index, library);
  g_assert_cmpuint (members->len, ==, 4);
  g_assert_cmpfloat (px_event_index_similarity (index, 2, library), >, px_event_index_similarity (index, 5, library));

  title = px_event_index_get_title (index, library);
  g_assert_nonnull (strstr (title, "Lakeside"));
  g_assert_null (px_event_index_get_title (index, 999));
}

/* Four outlets on one event, each from its own angle and at length: a
 * radio interview, an agency piece without a title, a chairman's speech, a
 * plant visit. Two headlines are in title case, names come with
 * possessives, three have no date. Their cosines to one another are low
 * (0.2 to 0.4) because each adds its own background; grouped on raw
 * similarity they made four events. The company's quarterly results, with
 * the same chairman and plants, stay apart. */
static const char *const dam_names[] = { "dam-radio", "dam-digest", "dam-courier", "dam-trade", "dam-profit" };

static void
check_dam_events (PxEventIndex *index)
{
  gint64 dam = px_event_index_get_event (index, 1);

  g_assert_cmpint (dam, >, 0);
  for (gint64 id = 2; id <= 4; id++)
    g_assert_cmpint (px_event_index_get_event (index, id), ==, dam);
  g_assert_cmpint (px_event_index_get_event (index, 5), !=, dam);
}

static void
test_long_articles (void)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_features_free);
  g_autoptr (PxEventIndex) batch = px_event_index_new (NULL);
  g_autoptr (PxEventIndex) one_by_one = px_event_index_new (NULL);
  g_autoptr (GArray) events = NULL;
  gboolean norvik = FALSE, headline_junk = FALSE, possessive = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (dam_names); i++)
    g_ptr_array_add (all, load (dam_names[i], i + 1, NULL));

  /* A title-case headline gives no names of its own ("@will let
   * independent engineers inspect"), and "Norvik's" is Norvik. */
  for (guint i = 0; i < ((PxEventFeatures *)all->pdata[0])->n_terms; i++)
    {
      const PxEventFeatures *f = all->pdata[0];
      const PxEventTerm *t = &f->terms[i];
      const char *text = px_event_term_get_text (f, t);
      if (t->kind != PX_TERM_ENTITY)
        continue;
      norvik |= strcmp (text, "@norvik power") == 0;
      headline_junk |= strstr (text, "inspect") != NULL || strstr (text, "will") != NULL;
      possessive |= strstr (text, "'s") != NULL;
    }
  g_assert_true (norvik);
  g_assert_false (headline_junk);
  g_assert_false (possessive);

  px_event_index_group (batch, all);
  check_dam_events (batch);
  events = px_event_index_list_events (batch);
  g_assert_cmpuint (events->len, ==, 2);

  /* As an import assigns them, in the order the files come. */
  for (guint i = 0; i < all->len; i++)
    px_event_index_assign (one_by_one, all->pdata[i], NULL);
  check_dam_events (one_by_one);
}

/* A batch large enough to be vectorized on several threads, of invented
 * stories: each told a few times in made-up words, with a name and a
 * number of its own. */
static GPtrArray *
generated_batch (guint n_stories)
{
  static const char *const syllables[] = { "ka",  "lo",  "ren", "tis", "mar", "vel", "do", "sun",
                                           "bri", "tal", "nor", "fe",  "qui", "zan", "po", "lem" };
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_features_free);
  g_autoptr (GRand) r = g_rand_new_with_seed (42);
  g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");
  gint64 id = 0;

  for (guint s = 0; s < n_stories; s++)
    {
      char words[12][8];
      g_autofree char *name = NULL;
      guint number = g_rand_int_range (r, 10, 9999), day = g_rand_int_range (r, 1, 28);

      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        g_snprintf (words[w], sizeof words[w], "%s%s", syllables[g_rand_int_range (r, 0, 16)],
                    syllables[g_rand_int_range (r, 0, 16)]);
      name = g_strdup_printf ("%c%s%s", 'A' + s % 26, syllables[s % 16], syllables[(s / 16) % 16]);
      for (guint k = 0, n = g_rand_int_range (r, 2, 6); k < n; k++)
        {
          g_autoptr (GString) text = g_string_new (NULL);
          g_autofree char *date = g_strdup_printf ("2024-03-%02u", day + k % 2);
          g_autofree char *title = g_strdup_printf ("%s and the %s %s", name, words[0], words[1]);

          for (guint sentence = 0; sentence < 6; sentence++)
            {
              g_string_append_printf (text, "The %s said %s", words[sentence], name);
              for (guint w = 0; w < 8; w++)
                g_string_append_printf (text, " %s", words[g_rand_int_range (r, 0, G_N_ELEMENTS (words))]);
              g_string_append_printf (text, " in %u. ", number);
            }
          g_ptr_array_add (all, px_event_features_new (++id, title, text->str, "en", date, stemmer));
        }
    }
  return all;
}

static void
test_threads (void)
{
  g_autoptr (GPtrArray) all = generated_batch (100);
  g_autoptr (PxEventIndex) one = px_event_index_new (NULL);
  g_autoptr (PxEventIndex) several = px_event_index_new (NULL);
  g_autoptr (GBytes) a = NULL;
  g_autoptr (GBytes) b = NULL;
  g_autoptr (GArray) events = NULL;

  g_assert_cmpuint (all->len, >=, 256);
  px_event_index_set_threads (one, 1);
  px_event_index_group (one, all);
  px_event_index_set_threads (several, 3);
  px_event_index_group (several, all);

  /* The same events, vectors and centroids, to the last bit. */
  a = px_event_index_serialize (one);
  b = px_event_index_serialize (several);
  g_assert_true (g_bytes_equal (a, b));
  events = px_event_index_list_events (several);
  g_assert_cmpuint (events->len, ==, 100);
  for (guint i = 0; i < all->len; i++)
    {
      const PxEventFeatures *f = all->pdata[i];
      gint64 ev = px_event_index_get_event (several, f->document_id);
      g_assert_cmpint (ev, ==, px_event_index_get_event (one, f->document_id));
      g_assert_cmpfloat (px_event_index_similarity (several, f->document_id, ev), ==,
                         px_event_index_similarity (one, f->document_id, ev));
    }

  /* The same edits on both (the threaded one's vectors live in shared
   * blocks, released one by one) leave them the same. */
  for (guint k = 0; k < 2; k++)
    {
      PxEventIndex *index = k == 0 ? one : several;
      const PxEventFeatures *f = all->pdata[7];
      gint64 first = g_array_index (events, gint64, 0), second = g_array_index (events, gint64, 1);
      gint64 doc = ((const PxEventFeatures *)all->pdata[0])->document_id;

      g_assert_true (px_event_index_move (index, doc, second));
      g_assert_true (px_event_index_merge (index, first, second));
      g_assert_cmpint (px_event_index_split (index, first, &doc, 1), >, 0);
      px_event_index_remove_document (index, ((const PxEventFeatures *)all->pdata[1])->document_id);
      g_assert_cmpint (px_event_index_assign (index, f, NULL), >, 0);
    }
  g_clear_pointer (&a, g_bytes_unref);
  g_clear_pointer (&b, g_bytes_unref);
  a = px_event_index_serialize (one);
  b = px_event_index_serialize (several);
  g_assert_true (g_bytes_equal (a, b));
}

static gpointer
release_pieces (gpointer data)
{
  GPtrArray *blocks = data;

  for (guint i = 0; i < blocks->len; i++)
    px_block_release (blocks->pdata[i]);
  return NULL;
}

/* Pieces are aligned, never overlap, fill more than one block, and may be
 * released from another thread after the pool is gone (ASan and LSan see
 * a piece used after its block is freed, or a block never freed). */
static void
test_block_pool (void)
{
  PxBlockPool *pool = px_block_pool_new ();
  g_autoptr (GPtrArray) blocks = g_ptr_array_new ();
  g_autoptr (GHashTable) distinct = g_hash_table_new (NULL, NULL);
  gpointer block = NULL, last_block = NULL;
  guint8 *last = NULL;
  GThread *thread;

  for (guint i = 0; i < 3000; i++)
    {
      gsize size = 100 + (i * 7919) % 3000;
      guint8 *piece = px_block_pool_alloc (pool, size, &block);

      g_assert_nonnull (piece);
      g_assert_nonnull (block);
      g_assert_cmpuint (GPOINTER_TO_SIZE (piece) % 16, ==, 0);
      g_assert_true ((gsize)(piece - (guint8 *)block) + size <= PX_BLOCK_POOL_BLOCK_SIZE);
      if (block == last_block)
        g_assert_true (piece >= last);
      memset (piece, i & 0xff, size);
      last = piece + size;
      last_block = block;
      g_hash_table_add (distinct, block);
      g_ptr_array_add (blocks, block);
    }
  g_assert_cmpuint (g_hash_table_size (distinct), >, 1);
  g_assert_null (px_block_pool_alloc (pool, PX_BLOCK_POOL_BLOCK_SIZE, &block));
  g_assert_null (block);
  px_block_pool_free (pool);
  thread = g_thread_new ("release", release_pieces, blocks);
  g_thread_join (thread);
}

/* Features made with a caller's stemmer live in its pool's blocks, and
 * outlive the stemmer. */
static void
test_features_outlive_stemmer (void)
{
  PxStemmer *stemmer = px_stemmer_new ("en");
  g_autoptr (PxEventFeatures) f =
      px_event_features_new (1, "Ferry bridge opens", "The bridge opens today, Halvorsen said.", "en", NULL, stemmer);
  gboolean name = FALSE;

  g_assert_nonnull (f->block);
  px_stemmer_unref (stemmer);
  for (guint i = 0; i < f->n_terms; i++)
    name |= strcmp (px_event_term_get_text (f, &f->terms[i]), "@halvorsen") == 0;
  g_assert_true (name);
}

static void
test_incremental (void)
{
  g_autoptr (GPtrArray) first = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_features_free);
  g_autoptr (PxEventIndex) index = px_event_index_new (NULL);
  g_autoptr (PxEventFeatures) radio = load ("library-radio", 3, NULL);
  g_autoptr (PxEventFeatures) late = load ("library-gazette", 10, "2024-01-20");
  g_autoptr (PxEventFeatures) ferry = load ("ferry-fire", 5, NULL);
  double sim = -1;
  gint64 library, ev;

  g_ptr_array_add (first, load ("library-wire", 1, NULL));
  g_ptr_array_add (first, load ("library-gazette", 2, NULL));
  px_event_index_group (index, first);
  library = px_event_index_get_event (index, 1);

  ev = px_event_index_assign (index, radio, &sim);
  g_assert_cmpint (ev, ==, library);
  g_assert_cmpfloat (sim, >=, px_event_index_get_params (index)->threshold);

  ev = px_event_index_assign (index, ferry, &sim);
  g_assert_cmpint (ev, !=, library);
  g_assert_cmpfloat (sim, ==, 0.0);

  /* The same words ten weeks later are another event. */
  ev = px_event_index_assign (index, late, NULL);
  g_assert_cmpint (ev, !=, library);

  /* Without a date window they join. */
  {
    PxEventParams params;
    g_autoptr (PxEventIndex) nodates = NULL;
    px_event_params_init (&params);
    params.date_window_days = -1;
    nodates = px_event_index_new (&params);
    px_event_index_group (nodates, first);
    g_assert_cmpint (px_event_index_assign (nodates, late, NULL), ==, px_event_index_get_event (nodates, 1));
  }
}

static void
test_editing (void)
{
  g_autoptr (GPtrArray) all = load_all ();
  g_autoptr (PxEventIndex) index = px_event_index_new (NULL);
  g_autoptr (GPtrArray) split = NULL;
  gint64 library, ferry, fresh;
  const gint64 move[] = { 3 };

  px_event_index_group (index, all);
  library = px_event_index_get_event (index, 1);
  ferry = px_event_index_get_event (index, 5);

  g_assert_true (px_event_index_merge (index, library, ferry));
  g_assert_cmpint (px_event_index_get_event (index, 5), ==, library);
  g_assert_false (px_event_index_merge (index, library, ferry)); /* gone */

  /* A stricter threshold suggests taking the budget story and the ferry
   * out again. */
  split = px_event_index_suggest_split (index, library, 0.35);
  g_assert_cmpuint (split->len, >=, 2);
  g_assert_cmpuint (((GArray *)split->pdata[0])->len, ==, 3);

  fresh = px_event_index_split (index, library, move, 1);
  g_assert_cmpint (fresh, >, 0);
  g_assert_cmpint (px_event_index_get_event (index, 3), ==, fresh);
  g_assert_true (px_event_index_move (index, 3, library));
  g_assert_cmpint (px_event_index_get_event (index, 3), ==, library);
  g_assert_false (px_event_index_move (index, 3, 12345));

  px_event_index_remove_document (index, 5);
  g_assert_cmpint (px_event_index_get_event (index, 5), ==, 0);
}

static void
test_serialize (void)
{
  g_autoptr (GPtrArray) all = load_all ();
  g_autoptr (PxEventIndex) index = px_event_index_new (NULL);
  g_autoptr (PxEventIndex) copy = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) junk = g_bytes_new_static ("nonsense", 8);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxEventFeatures) again = load ("library-radio", 42, NULL);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;

  /* Stored events keep the store's ids. */
  for (guint i = 0; i < all->len; i++)
    px_event_index_add_to_event (index, all->pdata[i], i < 3 ? 70 : 80 + i);
  bytes = px_event_index_serialize (index);
  copy = px_event_index_deserialize (bytes, &error);
  g_assert_no_error (error);
  for (gint64 id = 1; id <= 5; id++)
    g_assert_cmpint (px_event_index_get_event (copy, id), ==, px_event_index_get_event (index, id));
  g_assert_cmpint (px_event_index_get_event (copy, 1), ==, 70);
  t1 = px_event_index_get_title (index, 70);
  t2 = px_event_index_get_title (copy, 70);
  g_assert_cmpstr (t1, ==, t2);
  g_assert_cmpint (px_event_index_assign (copy, again, NULL), ==, 70);

  g_assert_null (px_event_index_deserialize (junk, &error));
  g_assert_nonnull (error);
}

/* --- one news season, import order, pins, headlines ------------------------ */

/* Four stories of one invented political season, two outlets each, no
 * dates: the premier, the government, parliament and the election are in
 * every one of them; the names, places and numbers of each story are not. */
static const char *const season_names[] = {
  "leadership-wire",  "leadership-herald", "port-tax-wire", "port-tax-courier",
  "resignation-wire", "resignation-radio", "quota-herald",  "quota-coastal",
};

static PxEventFeatures *
load_from (const char *folder, const char *name, gint64 id)
{
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", folder, file, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_test_load_article (path, id, &error);

  g_assert_no_error (error);
  return px_event_features_new_for_document (doc, NULL);
}

static void
test_season (void)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_features_free);
  g_autoptr (PxEventIndex) index = px_event_index_new (NULL);
  g_autoptr (GArray) events = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (season_names); i++)
    g_ptr_array_add (all, load_from ("season", season_names[i], i + 1));
  px_event_index_group (index, all);
  events = px_event_index_list_events (index);
  g_assert_cmpuint (events->len, ==, 4);
  for (gint64 id = 1; id <= 8; id += 2)
    {
      g_assert_cmpint (px_event_index_get_event (index, id), ==, px_event_index_get_event (index, id + 1));
      if (id > 1)
        g_assert_cmpint (px_event_index_get_event (index, id), !=, px_event_index_get_event (index, id - 1));
    }
}

/* The invented articles of fixtures/compare/ about events. */
static const char *const all_names[] = { "library-wire", "library-gazette", "library-radio", "library-budget",
                                         "ferry-fire",   "dam-radio",       "dam-digest",    "dam-courier",
                                         "dam-trade",    "dam-profit" };

static int
str_ptr_cmp (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

/* The grouping as a canonical string: each event's article names sorted,
 * events sorted. @order[k] is the article that got id k + 1. */
static char *
partition (PxEventIndex *index, const guint *order, const char *const *names_of)
{
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) events = px_event_index_list_events (index);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint e = 0; e < events->len; e++)
    {
      g_autoptr (GArray) members = px_event_index_get_members (index, g_array_index (events, gint64, e));
      g_autoptr (GPtrArray) names_in = g_ptr_array_new ();
      g_autofree char *joined = NULL;
      for (guint m = 0; m < members->len; m++)
        g_ptr_array_add (names_in, (gpointer)names_of[order[g_array_index (members, gint64, m) - 1]]);
      g_ptr_array_sort (names_in, str_ptr_cmp);
      g_ptr_array_add (names_in, NULL);
      joined = g_strjoinv (",", (char **)names_in->pdata);
      g_ptr_array_add (groups, g_steal_pointer (&joined));
    }
  g_ptr_array_sort (groups, str_ptr_cmp);
  for (guint g = 0; g < groups->len; g++)
    g_string_append_printf (out, "%s|", (char *)groups->pdata[g]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The same articles in shuffled orders, with ids given in import order as
 * a store gives them, at once and one by one: always the same events. */
static void
test_order (void)
{
  const char *names_of[G_N_ELEMENTS (all_names) + G_N_ELEMENTS (season_names)];
  const char *folder_of[G_N_ELEMENTS (names_of)];
  guint n = G_N_ELEMENTS (names_of);
  g_autofree char *first = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);

  for (guint i = 0; i < G_N_ELEMENTS (all_names); i++)
    {
      names_of[i] = all_names[i];
      folder_of[i] = "compare";
    }
  for (guint i = 0; i < G_N_ELEMENTS (season_names); i++)
    {
      names_of[G_N_ELEMENTS (all_names) + i] = season_names[i];
      folder_of[G_N_ELEMENTS (all_names) + i] = "season";
    }

  for (guint round = 0; round < 8; round++)
    {
      guint order[G_N_ELEMENTS (names_of)];
      g_autoptr (GPtrArray) features = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_features_free);
      g_autoptr (PxEventIndex) index = px_event_index_new (NULL);
      g_autofree char *got = NULL;
      gboolean one_by_one = round % 2 == 1;

      for (guint i = 0; i < n; i++)
        order[i] = i;
      for (guint i = n - 1; round > 0 && i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1), t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
      for (guint k = 0; k < n; k++)
        g_ptr_array_add (features, load_from (folder_of[order[k]], names_of[order[k]], k + 1));
      if (one_by_one)
        for (guint k = 0; k < n; k++)
          px_event_index_assign (index, features->pdata[k], NULL);
      else
        px_event_index_group (index, features);
      got = partition (index, order, names_of);
      if (first == NULL)
        first = g_steal_pointer (&got);
      else
        g_assert_cmpstr (got, ==, first);
    }
  /* And the stories are apart: the library event is the three reports. */
  g_assert_nonnull (strstr (first, "library-gazette,library-radio,library-wire|"));
  g_assert_nonnull (strstr (first, "leadership-herald,leadership-wire|"));
}

/* A document the user placed stays, and no document of another event
 * joins it, whatever grouping runs after. */
static void
test_pinned (void)
{
  g_autoptr (GPtrArray) all = load_all ();
  g_autoptr (GPtrArray) more = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_features_free);
  g_autoptr (PxEventIndex) index = px_event_index_new (NULL);
  g_autoptr (GArray) changes = NULL;
  gint64 library, ferry, split;
  const gint64 radio[] = { 3 };

  px_event_index_group (index, all);
  library = px_event_index_get_event (index, 1);
  ferry = px_event_index_get_event (index, 5);
  changes = px_event_index_steal_changes (index);
  g_assert_cmpuint (changes->len, ==, 5);

  /* The user moves the budget story into the library event, and splits
   * the radio report off. */
  g_assert_true (px_event_index_move (index, 4, library));
  px_event_index_set_pinned (index, 4, TRUE);
  split = px_event_index_split (index, library, radio, 1);
  px_event_index_set_pinned (index, 3, TRUE);
  px_event_index_set_pinned (index, 1, TRUE);
  px_event_index_set_pinned (index, 2, TRUE);
  g_assert_true (px_event_index_get_pinned (index, 3));

  /* Grouping again (a new batch) keeps all of it. */
  g_ptr_array_add (more, load ("dam-profit", 6, NULL));
  px_event_index_group (index, more);
  g_assert_cmpint (px_event_index_get_event (index, 4), ==, library);
  g_assert_cmpint (px_event_index_get_event (index, 3), ==, split);
  g_assert_cmpint (px_event_index_get_event (index, 1), ==, library);
  g_assert_cmpint (px_event_index_get_event (index, 5), ==, ferry);
  /* A copy of the radio report joins its split-off twin, not the rest. */
  {
    g_autoptr (PxEventFeatures) twin = load ("library-radio", 7, NULL);
    g_assert_cmpint (px_event_index_assign (index, twin, NULL), ==, split);
  }
}

/* The event's most central article is the one whose headline names it. */
static void
test_central (void)
{
  g_autoptr (GPtrArray) all = load_all ();
  g_autoptr (PxEventIndex) index = px_event_index_new (NULL);
  gint64 library, central;
  double best = -1;

  px_event_index_group (index, all);
  library = px_event_index_get_event (index, 1);
  central = px_event_index_get_central_document (index, library);
  g_assert_cmpint (px_event_index_get_event (index, central), ==, library);
  for (gint64 id = 1; id <= 3; id++)
    best = MAX (best, px_event_index_similarity (index, id, library));
  g_assert_cmpfloat (px_event_index_similarity (index, central, library), ==, best);
  g_assert_cmpint (px_event_index_get_central_document (index, 999), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/events/features", test_features);
  g_test_add_func ("/events/features-pinned", test_features_pinned);
  g_test_add_func ("/events/batch", test_batch);
  g_test_add_func ("/events/threads", test_threads);
  g_test_add_func ("/events/block-pool", test_block_pool);
  g_test_add_func ("/events/features-outlive-stemmer", test_features_outlive_stemmer);
  g_test_add_func ("/events/incremental", test_incremental);
  g_test_add_func ("/events/long-articles", test_long_articles);
  g_test_add_func ("/events/editing", test_editing);
  g_test_add_func ("/events/serialize", test_serialize);
  g_test_add_func ("/events/season", test_season);
  g_test_add_func ("/events/order", test_order);
  g_test_add_func ("/events/pinned", test_pinned);
  g_test_add_func ("/events/central", test_central);
  return g_test_run ();
}
