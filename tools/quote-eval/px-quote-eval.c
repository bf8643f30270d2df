/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs Parallax's quote finder over plain-text articles for
 * tools/quote-eval: for each file named on the command line, one JSON
 * object on stdout with the quotes px_find_quotes() returned (offsets in
 * code points of the file's text), then one with the CPU time spent in
 * the quote finder.
 * With --event, the files are one event: prints the CPU time of finding
 * the quotes of all of them and grouping their speakers (mean and best
 * of 10 runs, the text units built once beforehand), for tools/bench-quotes. */
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <time.h>

#include "quotes/px-quotes.h"
#include "quotes/px-speakers.h"
#include "text/px-text-units.h"

static double
cpu_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
print_object (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *line = json_to_string (root, FALSE);
  printf ("%s\n", line);
}

static void
add_quote (JsonBuilder *b, const PxQuote *q)
{
  json_builder_begin_object (b);
  add_string (b, "kind", px_quote_kind_to_string (q->kind));
  add_int (b, "start", q->start);
  add_int (b, "end", q->end);
  json_builder_set_member_name (b, "parts");
  json_builder_begin_array (b);
  for (guint i = 0; i < q->n_parts; i++)
    {
      json_builder_begin_array (b);
      json_builder_add_int_value (b, q->parts[i][0]);
      json_builder_add_int_value (b, q->parts[i][1]);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  add_string (b, "speaker", q->speaker);
  add_string (b, "as_written", q->speaker_as_written);
  add_string (b, "role", q->role);
  add_string (b, "cue", q->cue);
  add_int (b, "attribution_start", q->attribution_start);
  add_int (b, "attribution_end", q->attribution_end);
  json_builder_end_object (b);
}

static int
bench_event (int n_files, char **files)
{
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  double best = G_MAXDOUBLE, sum = 0;
  guint words = 0;
  const guint runs = 10;

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;

      if (!g_file_get_contents (files[i], &text, NULL, &error) || !g_utf8_validate (text, -1, NULL))
        {
          fprintf (stderr, "%s: %s\n", files[i], error != NULL ? error->message : "not UTF-8");
          return 1;
        }
      g_ptr_array_add (units, px_text_units_new (text, "en", NULL));
      words += px_text_units_get_n_tokens (units->pdata[units->len - 1]);
    }
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr (GPtrArray) quotes = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      g_autoptr (PxSpeakerSet) set = NULL;
      double t0 = cpu_seconds (), ms;

      for (guint d = 0; d < units->len; d++)
        g_ptr_array_add (quotes, px_find_quotes (units->pdata[d]));
      set = px_speaker_set_new (units, quotes);
      ms = (cpu_seconds () - t0) * 1000;
      best = MIN (best, ms);
      sum += ms;
    }
  printf ("quotes and speakers: %u articles, %u tokens in all (~%u each): %.1f ms CPU (mean of %u, best %.1f)\n",
          units->len, words, words / MAX (units->len, 1), sum / runs, runs, best);
  return 0;
}

int
main (int argc, char **argv)
{
  double spent = 0;

  if (argc >= 3 && g_strcmp0 (argv[1], "--event") == 0)
    return bench_event (argc - 2, argv + 2);

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s ARTICLE.txt…\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (PxTextUnits) units = NULL;
      g_autoptr (GPtrArray) quotes = NULL;
      double t0;

      json_builder_begin_object (b);
      add_string (b, "file", argv[i]);
      if (!g_file_get_contents (argv[i], &text, NULL, &error) || !g_utf8_validate (text, -1, NULL))
        {
          add_string (b, "error", error != NULL ? error->message : "not UTF-8");
          json_builder_end_object (b);
          print_object (b);
          continue;
        }
      t0 = cpu_seconds ();
      units = px_text_units_new (text, "en", NULL);
      quotes = px_find_quotes (units);
      spent += cpu_seconds () - t0;
      json_builder_set_member_name (b, "quotes");
      json_builder_begin_array (b);
      for (guint q = 0; q < quotes->len; q++)
        add_quote (b, quotes->pdata[q]);
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_object (b);
    }
  {
    g_autoptr (JsonBuilder) b = json_builder_new ();
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "cpu_seconds");
    json_builder_add_double_value (b, spent);
    json_builder_end_object (b);
    print_object (b);
  }
  return 0;
}
