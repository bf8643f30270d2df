/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The driver of tools/bench-compare: generates articles about invented
 * events, times grouping them and aligning one large event. Same seed,
 * same articles. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "compare/px-comparison.h"
#include "events/px-event-index.h"

#define VOCABULARY 6000
#define N_STOP 30

static const char *const stop[N_STOP] = {
  "the",  "of", "and", "to", "a",   "in",  "that", "is",    "was", "for", "on",  "with", "as",   "by",   "at",
  "from", "it", "an",  "be", "has", "had", "were", "which", "but", "not", "are", "this", "they", "have", "said",
};

static const char *const syllables[] = {
  "ka",  "lo",  "ren", "tis", "mar", "vel", "do",  "sun", "bri", "tal", "nor", "fe", "qui", "zan", "po",
  "lem", "gar", "shi", "ton", "ve",  "ral", "mis", "cor", "dan", "e",   "li",  "o",  "ash", "ber", "und",
};

typedef struct
{
  GPtrArray *words; /* common vocabulary, Zipf-distributed */
  GPtrArray *names; /* capitalised names */
} Lexicon;

static char *
make_word (GRand *r, gboolean capital)
{
  GString *w = g_string_new (NULL);
  guint n = g_rand_int_range (r, 2, 4);

  for (guint i = 0; i < n; i++)
    g_string_append (w, syllables[g_rand_int_range (r, 0, G_N_ELEMENTS (syllables))]);
  if (capital)
    w->str[0] = g_ascii_toupper (w->str[0]);
  return g_string_free (w, FALSE);
}

static void
lexicon_init (Lexicon *lx, GRand *r)
{
  lx->words = g_ptr_array_new_with_free_func (g_free);
  lx->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < VOCABULARY; i++)
    g_ptr_array_add (lx->words, make_word (r, FALSE));
  for (guint i = 0; i < 3000; i++)
    g_ptr_array_add (lx->names, make_word (r, TRUE));
}

/* Zipf-like: low indices much more often. */
static const char *
common_word (Lexicon *lx, GRand *r)
{
  double u = g_rand_double (r);
  guint i = (guint)(VOCABULARY * u * u * u);
  return lx->words->pdata[MIN (i, VOCABULARY - 1)];
}

typedef struct
{
  char *names[4];
  const char *topic[14];
  guint numbers[3];
  guint day;
} Story;

static void
story_init (Story *s, Lexicon *lx, GRand *r)
{
  for (guint i = 0; i < 4; i++)
    s->names[i] = g_strdup_printf ("%s %s", (char *)lx->names->pdata[g_rand_int_range (r, 0, lx->names->len)],
                                   (char *)lx->names->pdata[g_rand_int_range (r, 0, lx->names->len)]);
  for (guint i = 0; i < G_N_ELEMENTS (s->topic); i++)
    s->topic[i] = lx->words->pdata[g_rand_int_range (r, 300, VOCABULARY)];
  for (guint i = 0; i < 3; i++)
    s->numbers[i] = g_rand_int_range (r, 2, 90000);
  s->day = g_rand_int_range (r, 0, 365);
}

static void
story_clear (Story *s)
{
  for (guint i = 0; i < 4; i++)
    g_free (s->names[i]);
}

/* One sentence: mostly common words, some of the story's, a name or a
 * number now and then. */
static void
sentence (GString *out, Story *s, Lexicon *lx, GRand *r)
{
  guint n = g_rand_int_range (r, 12, 26);

  for (guint i = 0; i < n; i++)
    {
      double u = g_rand_double (r);
      const char *w;
      char num[16];

      if (i > 0)
        g_string_append_c (out, ' ');
      if (u < 0.40)
        w = stop[g_rand_int_range (r, 0, N_STOP)];
      else if (u < 0.62)
        w = s->topic[g_rand_int_range (r, 0, G_N_ELEMENTS (s->topic))];
      else if (u < 0.68)
        w = s->names[g_rand_int_range (r, 0, 4)];
      else if (u < 0.70)
        {
          g_snprintf (num, sizeof num, "%u", s->numbers[g_rand_int_range (r, 0, 3)]);
          w = num;
        }
      else
        w = common_word (lx, r);
      if (i == 0)
        {
          g_autofree char *cap = g_strdup (w);
          cap[0] = g_ascii_toupper (cap[0]);
          g_string_append (out, cap);
        }
      else
        g_string_append (out, w);
    }
  g_string_append (out, ". ");
}

static char *
article (Story *s, Lexicon *lx, GRand *r, guint n_words)
{
  GString *out = g_string_new (NULL);
  guint words = 0;

  while (words < n_words)
    {
      gsize before = out->len;
      sentence (out, s, lx, r);
      for (gsize i = before; i < out->len; i++)
        words += out->str[i] == ' ';
      if (g_rand_double (r) < 0.3)
        {
          g_strchomp (out->str);
          out->len = strlen (out->str);
          g_string_append (out, "\n\n");
        }
    }
  return g_string_free (out, FALSE);
}

static char *
iso_day (guint day)
{
  GDate d;
  char buf[16];

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, G_DATE_JANUARY, 2023);
  g_date_add_days (&d, day);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  return g_strdup (buf);
}

/* JSON lines: id, event, published, title, text. */
static int
generate (guint n, const char *path)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (20240611);
  Lexicon lx;
  FILE *f = fopen (path, "w");
  guint id = 0, event = 0;

  if (f == NULL)
    {
      g_printerr ("cannot write %s\n", path);
      return 1;
    }
  lexicon_init (&lx, r);
  while (id < n)
    {
      Story s;
      guint size = g_rand_int_range (r, 3, 18);

      story_init (&s, &lx, r);
      event++;
      for (guint k = 0; k < size && id < n; k++)
        {
          g_autofree char *text = article (&s, &lx, r, g_rand_int_range (r, 250, 600));
          g_autofree char *title = NULL;
          g_autofree char *day = iso_day (s.day + g_rand_int_range (r, 0, 3));
          g_autoptr (JsonBuilder) b = json_builder_new ();
          g_autoptr (JsonGenerator) gen = json_generator_new ();
          g_autoptr (JsonNode) root = NULL;
          g_autofree char *line = NULL;
          GString *t = g_string_new (NULL);

          sentence (t, &s, &lx, r);
          title = g_string_free (t, FALSE);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, ++id);
          json_builder_set_member_name (b, "event");
          json_builder_add_int_value (b, event);
          json_builder_set_member_name (b, "published");
          json_builder_add_string_value (b, day);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, g_strstrip (title));
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, text);
          json_builder_end_object (b);
          root = json_builder_get_root (b);
          json_generator_set_root (gen, root);
          line = json_generator_to_data (gen, NULL);
          fprintf (f, "%s\n", line);
        }
      story_clear (&s);
    }
  fclose (f);
  g_ptr_array_unref (lx.words);
  g_ptr_array_unref (lx.names);
  printf ("generated %u articles in %u events: %s\n", id, event, path);
  return 0;
}

typedef struct
{
  gint64 id;
  gint64 event;
  char *published;
  char *title;
  char *text;
} Row;

static GArray *
read_rows (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    g_error ("cannot read %s", path);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonParser) p = json_parser_new ();
      JsonObject *o;
      Row row;
      if (lines[i][0] == '\0' || !json_parser_load_from_data (p, lines[i], -1, NULL))
        continue;
      o = json_node_get_object (json_parser_get_root (p));
      row.id = json_object_get_int_member (o, "id");
      row.event = json_object_get_int_member (o, "event");
      row.published = g_strdup (json_object_get_string_member_with_default (o, "published", NULL));
      row.title = g_strdup (json_object_get_string_member_with_default (o, "title", ""));
      row.text = g_strdup (json_object_get_string_member (o, "text"));
      g_array_append_val (rows, row);
    }
  return rows;
}

/* Pairwise F1 from the contingency table of (gold, predicted) labels. */
static double
pairwise_f1 (const gint64 *gold, const gint64 *pred, guint n)
{
  g_autoptr (GHashTable) both = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) g = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) p = g_hash_table_new (g_int64_hash, g_int64_equal);
  double tp = 0, same_g = 0, same_p = 0, prec, rec;
  GHashTableIter it;
  gpointer v;

  for (guint i = 0; i < n; i++)
    {
      char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, gold[i], pred[i]);
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (both, key));
      g_hash_table_replace (both, key, GUINT_TO_POINTER (c + 1));
      c = GPOINTER_TO_UINT (g_hash_table_lookup (g, &gold[i]));
      g_hash_table_replace (g, (gpointer)&gold[i], GUINT_TO_POINTER (c + 1));
      c = GPOINTER_TO_UINT (g_hash_table_lookup (p, &pred[i]));
      g_hash_table_replace (p, (gpointer)&pred[i], GUINT_TO_POINTER (c + 1));
    }
#define PAIRS(table, acc)                        \
  g_hash_table_iter_init (&it, table);           \
  while (g_hash_table_iter_next (&it, NULL, &v)) \
    acc += (double)GPOINTER_TO_UINT (v) * (GPOINTER_TO_UINT (v) - 1) / 2;
  PAIRS (both, tp);
  PAIRS (g, same_g);
  PAIRS (p, same_p);
#undef PAIRS
  prec = same_p > 0 ? tp / same_p : 1;
  rec = same_g > 0 ? tp / same_g : 1;
  return prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
}

#define N_THREADS 2

/* CPU seconds of the process, all threads: on a shared machine wall time
 * says as much about the neighbours as about us. */
static double
cpu_seconds (void)
{
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

typedef struct
{
  GArray *rows;
  GPtrArray *features;
  guint first;
  guint step;
} Slice;

static gpointer
extract_slice (gpointer data)
{
  Slice *sl = data;
  g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");

  for (guint i = sl->first; i < sl->rows->len; i += sl->step)
    {
      Row *row = &g_array_index (sl->rows, Row, i);
      sl->features->pdata[i] = px_event_features_new (row->id, row->title, row->text, "en", row->published, stemmer);
    }
  return NULL;
}

/* Writes "id<TAB>event" per article, then "title<TAB>event<TAB>title" per
 * event (the headline of its most central article), for tools/event-eval. */
static void
write_labels (const char *out, GArray *rows, PxEventIndex *index)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GArray) events = px_event_index_list_events (index);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_string_append_printf (s, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n", row->id,
                              px_event_index_get_event (index, row->id));
    }
  for (guint e = 0; e < events->len; e++)
    {
      gint64 id = g_array_index (events, gint64, e);
      gint64 central = px_event_index_get_central_document (index, id);
      g_autofree char *title = NULL;
      for (guint i = 0; i < rows->len && title == NULL; i++)
        if (g_array_index (rows, Row, i).id == central)
          title = g_strdup (g_array_index (rows, Row, i).title);
      if (title == NULL)
        title = g_strdup ("");
      g_strdelimit (title, "\t\n", ' ');
      g_string_append_printf (s, "title\t%" G_GINT64_FORMAT "\t%s\n", id, title);
    }
  if (!g_file_set_contents (out, s->str, s->len, &error))
    g_error ("%s", error->message);
}

/* @mode "batch" groups all at once, "incremental" assigns one by one in
 * file order. @labels, if not NULL, receives write_labels(). */
static int
group (const char *path, double threshold, const char *labels, const char *mode)
{
  g_autoptr (GArray) rows = read_rows (path);
  g_autoptr (GPtrArray) features = g_ptr_array_new_with_free_func ((GDestroyNotify)px_event_features_free);
  g_autoptr (PxEventIndex) index = NULL;
  g_autofree gint64 *gold = g_new (gint64, rows->len);
  g_autofree gint64 *pred = g_new (gint64, rows->len);
  g_autoptr (GArray) events = NULL;
  PxEventParams params;
  gint64 t0, t1, t2;
  double c0, c1, c2;

  px_event_params_init (&params);
  if (threshold > 0)
    params.threshold = threshold;
  /* For tools/event-eval's search over the weights. */
  if (g_getenv ("PX_EVENT_ENTITY_WEIGHT") != NULL)
    params.entity_weight = g_ascii_strtod (g_getenv ("PX_EVENT_ENTITY_WEIGHT"), NULL);
  if (g_getenv ("PX_EVENT_NUMBER_WEIGHT") != NULL)
    params.number_weight = g_ascii_strtod (g_getenv ("PX_EVENT_NUMBER_WEIGHT"), NULL);
  index = px_event_index_new (&params);

  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  /* Features are independent per article: one worker per core, each with
   * its own stemmer, as the store's import threads would do. */
  g_ptr_array_set_size (features, rows->len);
  {
    Slice slices[N_THREADS];
    GThread *threads[N_THREADS];
    for (guint k = 0; k < N_THREADS; k++)
      {
        slices[k] = (Slice){ rows, features, k, N_THREADS };
        threads[k] = g_thread_new ("features", extract_slice, &slices[k]);
      }
    for (guint k = 0; k < N_THREADS; k++)
      g_thread_join (threads[k]);
  }
  t1 = g_get_monotonic_time ();
  c1 = cpu_seconds ();
  if (g_strcmp0 (mode, "incremental") == 0)
    for (guint i = 0; i < features->len; i++)
      px_event_index_assign (index, features->pdata[i], NULL);
  else
    px_event_index_group (index, features);
  t2 = g_get_monotonic_time ();
  c2 = cpu_seconds ();

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      gold[i] = row->event;
      pred[i] = px_event_index_get_event (index, row->id);
    }
  events = px_event_index_list_events (index);
  if (labels != NULL)
    write_labels (labels, rows, index);
  if (g_strcmp0 (mode, "pairs") == 0)
    /* Every article alone (threshold above 1): an event's centroid is its
     * one article, so these are the articles' cosines. */
    for (guint i = 0; i < rows->len; i++)
      for (guint j = i + 1; j < rows->len; j++)
        {
          gint64 a = g_array_index (rows, Row, i).id, b = g_array_index (rows, Row, j).id;
          printf ("pair\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%.4f\n", a, b,
                  px_event_index_similarity (index, a, px_event_index_get_event (index, b)));
        }
  printf ("parallax grouping: %u articles in %.2f s wall, %.2f s CPU (features %.2f s, %.2f s CPU on %d threads, "
          "clustering %.2f s, %.2f s CPU), %u events, pairwise F1 %.3f, threshold %.2f\n",
          rows->len, (t2 - t0) / 1e6, c2 - c0, (t1 - t0) / 1e6, c1 - c0, N_THREADS, (t2 - t1) / 1e6, c2 - c1,
          events->len, pairwise_f1 (gold, pred, rows->len), params.threshold);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_free (row->published);
      g_free (row->title);
      g_free (row->text);
    }
  return 0;
}

/* An event told by @n_docs outlets: each takes most sentences of a shared
 * wire story, some edited, some of its own, in its own order. */
static int
align (guint n_docs, guint n_words, guint repeats)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (7);
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) wire = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  double cpu = 0;
  Lexicon lx;
  Story s;
  guint total_words = 0;

  lexicon_init (&lx, r);
  story_init (&s, &lx, r);
  for (guint i = 0; i < n_words / 15; i++)
    {
      GString *t = g_string_new (NULL);
      sentence (t, &s, &lx, r);
      if (i % 4 == 0)
        {
          /* Some quotations for the quote finder. */
          g_string_prepend (t, "\"");
          g_strchomp (t->str);
          t->len = strlen (t->str);
          t->str[t->len - 1] = ',';
          g_string_append_printf (t, "\" %s said. ", s.names[i % 4]);
        }
      g_ptr_array_add (wire, g_string_free (t, FALSE));
    }

  for (guint d = 0; d < n_docs; d++)
    {
      PxDocument *doc = px_document_new ();
      GString *para = g_string_new (NULL);
      guint words = 0;

      px_document_set_id (doc, d + 1);
      px_document_set_title (doc, "Generated story");
      for (guint i = 0; i < wire->len && words < n_words; i++)
        {
          double u = g_rand_double (r);
          if (u < 0.15)
            continue; /* left out */
          if (u < 0.35)
            {
              /* Edited: a few words swapped for others. */
              g_auto (GStrv) w = g_strsplit (wire->pdata[i], " ", -1);
              for (guint k = 0; w[k] != NULL; k++)
                if (g_rand_double (r) < 0.2)
                  {
                    g_free (w[k]);
                    w[k] = g_strdup (common_word (&lx, r));
                  }
              g_autofree char *joined = g_strjoinv (" ", w);
              g_string_append (para, joined);
            }
          else
            g_string_append (para, wire->pdata[i]);
          if (g_rand_double (r) < 0.1)
            sentence (para, &s, &lx, r); /* its own */
          g_string_append_c (para, ' ');
          if (g_rand_double (r) < 0.3)
            {
              px_document_append_block (doc, PX_BLOCK_PARAGRAPH, para->str);
              g_string_truncate (para, 0);
            }
          words = 0;
          for (const char *p = px_document_get_text (doc); p != NULL && *p; p++)
            words += *p == ' ';
        }
      px_document_append_block (doc, PX_BLOCK_PARAGRAPH, para->str);
      g_string_free (para, TRUE);
      for (const char *p = px_document_get_text (doc); *p; p++)
        total_words += *p == ' ';
      g_ptr_array_add (docs, doc);
    }

  for (guint k = 0; k < repeats; k++)
    {
      g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (PxStemmer) stemmer = px_stemmer_new ("en");
      g_autoptr (PxAlignment) al = NULL;
      g_autoptr (PxClaimSet) claims = NULL;
      g_autoptr (PxComparison) cmp = NULL;
      gint64 t0, t1, t2;
      double ms, c0;

      c0 = cpu_seconds ();
      t0 = g_get_monotonic_time ();
      for (guint d = 0; d < docs->len; d++)
        g_ptr_array_add (units, px_text_units_new_for_document (docs->pdata[d], stemmer));
      al = px_alignment_new (units, NULL);
      claims = px_claim_set_new (al, 0);
      t1 = g_get_monotonic_time ();
      cpu += cpu_seconds () - c0;
      cmp = px_comparison_new (docs, NULL);
      t2 = g_get_monotonic_time ();
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (times, ms);
      ms = (t2 - t1) / 1000.0;
      g_array_append_val (full, ms);
    }
  {
    double best = g_array_index (times, double, 0), best_full = g_array_index (full, double, 0);
    double sum = 0, sum_full = 0;
    for (guint k = 0; k < times->len; k++)
      {
        best = MIN (best, g_array_index (times, double, k));
        best_full = MIN (best_full, g_array_index (full, double, k));
        sum += g_array_index (times, double, k);
        sum_full += g_array_index (full, double, k);
      }
    printf ("parallax alignment: %u articles, %u words in all (~%u each): sentences + alignment + claims %.1f ms "
            "(mean of %u, best %.1f; CPU %.1f ms each); with quotes and speakers %.1f ms (best %.1f)\n",
            n_docs, total_words, total_words / n_docs, sum / times->len, times->len, best, cpu * 1000 / times->len,
            sum_full / full->len, best_full);
  }
  story_clear (&s);
  g_ptr_array_unref (lx.words);
  g_ptr_array_unref (lx.names);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc >= 4 && strcmp (argv[1], "generate") == 0)
    return generate (atoi (argv[2]), argv[3]);
  if (argc >= 3 && strcmp (argv[1], "group") == 0)
    return group (argv[2], argc >= 4 ? g_ascii_strtod (argv[3], NULL) : 0, argc >= 5 ? argv[4] : NULL,
                  argc >= 6 ? argv[5] : "batch");
  if (argc >= 2 && strcmp (argv[1], "align") == 0)
    return align (argc >= 3 ? atoi (argv[2]) : 20, argc >= 4 ? atoi (argv[3]) : 800, 5);
  g_printerr ("usage: px-compare-bench generate N FILE | group FILE [THRESHOLD [LABELS [batch|incremental]]] | align "
              "[DOCS] [WORDS]\n");
  return 2;
}
