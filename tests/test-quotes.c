/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quotes: marks of every style, attribution patterns, speakers across
 * outlets and drift. */
#include <string.h>

#include "quotes/px-quotes.h"
#include "quotes/px-speakers.h"
#include "compare-fixtures.h"

static PxTextUnits *
units_of (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "compare", file, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_test_load_article (path, 1, &error);

  g_assert_no_error (error);
  return px_text_units_new_for_document (doc, NULL);
}

/* The quote whose text starts with @prefix. */
static const PxQuote *
find (GPtrArray *quotes, const char *prefix)
{
  for (guint i = 0; i < quotes->len; i++)
    {
      const PxQuote *q = quotes->pdata[i];
      if (g_str_has_prefix (q->text, prefix))
        return q;
    }
  g_assert_not_reached ();
}

static gboolean
has (GPtrArray *quotes, const char *prefix)
{
  for (guint i = 0; i < quotes->len; i++)
    if (g_str_has_prefix (((const PxQuote *)quotes->pdata[i])->text, prefix))
      return TRUE;
  return FALSE;
}

static void
test_styles (void)
{
  g_autoptr (PxTextUnits) u = units_of ("quotes-styles");
  g_autoptr (GPtrArray) quotes = px_find_quotes (u);
  const PxQuote *q;
  g_autofree char *slice = NULL;
  g_autofree char *attribution = NULL;

  /* Pronoun after the quote points back to the titled name before it. */
  q = find (quotes, "We are willing to sign");
  g_assert_cmpstr (q->speaker, ==, "Liang Hua");
  g_assert_cmpstr (q->speaker_as_written, ==, "he");
  g_assert_cmpstr (q->role, ==, "Huawei chairman");
  g_assert_cmpstr (q->cue, ==, "said");
  g_assert_cmpint (q->kind, ==, PX_QUOTE_DIRECT);
  slice = px_text_units_slice (u, q->start, q->end);
  g_assert_cmpstr (slice, ==, q->text);
  attribution = px_text_units_slice (u, q->attribution_start, q->attribution_end);
  g_assert_cmpstr (attribution, ==, "he");

  /* `"…," said Liang`: the surname alone is the full name met before. */
  q = find (quotes, "The offer stands");
  g_assert_cmpstr (q->speaker, ==, "Liang Hua");
  g_assert_cmpstr (q->speaker_as_written, ==, "Liang");

  /* No attribution: the same speaker going on. */
  q = find (quotes, "Nothing has changed");
  g_assert_cmpstr (q->speaker, ==, "Liang Hua");

  /* Split around "Liang told Reuters": one quote of two parts. */
  q = find (quotes, "We never give data away");
  g_assert_cmpuint (q->n_parts, ==, 2);
  g_assert_cmpstr (q->text, ==, "We never give data away, and we never will.");
  g_assert_cmpstr (q->cue, ==, "told Reuters");
  g_assert_cmpstr (q->speaker, ==, "Liang Hua");

  /* «Guillemets» after `X said:`. */
  q = find (quotes, "Our factories are open");
  g_assert_cmpstr (q->speaker, ==, "Mara Holt");
  g_assert_cmpstr (q->role, ==, "Chief executive");

  /* „German“ marks after `X told Reuters that`: a partial quote. */
  q = find (quotes, "all our code can be audited");
  g_assert_cmpstr (q->speaker, ==, "Mara Holt");
  g_assert_cmpint (q->kind, ==, PX_QUOTE_PARTIAL);
  g_assert_cmpstr (q->cue, ==, "told Reuters");

  /* "The chairman" is the last person given that title. */
  q = find (quotes, "We will keep talking");
  g_assert_cmpstr (q->speaker, ==, "Liang Hua");
  g_assert_cmpstr (q->cue, ==, "added");

  /* Reported speech with "according to". */
  q = find (quotes, "the network has no hidden access points");
  g_assert_cmpint (q->kind, ==, PX_QUOTE_INDIRECT);
  g_assert_cmpstr (q->speaker, ==, "Ben Ashe");
  g_assert_cmpstr (q->cue, ==, "according to");

  /* A one-word scare quote is not speech. */
  g_assert_false (has (quotes, "gesture"));

  /* Text order. */
  for (guint i = 1; i < quotes->len; i++)
    g_assert_cmpuint (((PxQuote *)quotes->pdata[i - 1])->start, <, ((PxQuote *)quotes->pdata[i])->start);
}

static void
test_inline (void)
{
  g_autoptr (PxTextUnits) u = px_text_units_new (
      "Police chief Anna Berg spoke first. \"We have no suspect yet,\" Berg said. Later the mayor, Tom Reed, arrived. "
      "\"The park stays closed,\" the mayor said. 'Not again,' she sighed.",
      "en", NULL);
  g_autoptr (GPtrArray) quotes = px_find_quotes (u);
  const PxQuote *q;

  q = find (quotes, "We have no suspect yet");
  g_assert_cmpstr (q->speaker, ==, "Anna Berg");
  g_assert_cmpstr (q->role, ==, "Police chief");
  q = find (quotes, "The park stays closed");
  g_assert_cmpstr (q->speaker, ==, "Tom Reed");
  g_assert_cmpstr (q->speaker_as_written, ==, "the mayor");
  /* Straight single marks are apostrophes as often as quotes: skipped. */
  g_assert_false (has (quotes, "Not again"));
}

static void
test_speakers_and_drift (void)
{
  const char *texts[] = {
    ("Huawei chairman Liang Hua spoke on Tuesday. \"We are willing to sign a no-spy agreement with any government,\" "
     "he said. \"The conditions do not exist yet,\" Liang added."),
    "\"We are willing to sign a no-spy agreement,\" said Liang Hua, Huawei's chairman.",
    "\"We are willing to sign a no-spy deal with any government. The conditions do not exist yet,\" said Liang.",
    "Liang Hua said that Huawei was willing to sign a no-spy agreement with any government.",
  };
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) quotes = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr (PxSpeakerSet) set = NULL;
  const PxSpeaker *sp;
  guint liang;
  gboolean truncated = FALSE, merged = FALSE, paraphrased = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      PxTextUnits *u = px_text_units_new (texts[i], "en", NULL);
      g_ptr_array_add (units, u);
      g_ptr_array_add (quotes, px_find_quotes (u));
    }
  set = px_speaker_set_new (units, quotes);

  /* One person however each outlet names him, titles kept. */
  g_assert_cmpuint (px_speaker_set_get_n_speakers (set), ==, 1);
  liang = px_speaker_set_find_speaker (set, "Liang");
  g_assert_cmpuint (liang, ==, 0);
  g_assert_cmpuint (px_speaker_set_find_speaker (set, "Meng Wanzhou"), ==, G_MAXUINT);
  sp = px_speaker_set_get_speaker (set, liang);
  g_assert_cmpstr (sp->name, ==, "Liang Hua");
  g_assert_true (g_ptr_array_find_with_equal_func (sp->roles, "Huawei chairman", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (sp->roles, "Huawei's chairman", g_str_equal, NULL));

  for (guint i = 0; i < px_speaker_set_get_n_entries (set); i++)
    {
      const PxQuoteEntry *e = px_speaker_set_get_entry (set, i);
      g_assert_cmpuint (e->speaker, ==, liang);
      if (e->doc == 1)
        truncated |= (e->drift & PX_DRIFT_TRUNCATED) != 0;
      if (e->doc == 2)
        merged |= (e->drift & PX_DRIFT_MERGED) != 0;
      if (e->doc == 3)
        paraphrased |= (e->drift & PX_DRIFT_PARAPHRASED) != 0;
    }
  g_assert_true (truncated);
  g_assert_true (merged);
  g_assert_true (paraphrased);

  /* The same utterance across outlets is one group. */
  {
    guint group = G_MAXUINT, n = 0;
    for (guint i = 0; i < px_speaker_set_get_n_entries (set); i++)
      {
        const PxQuoteEntry *e = px_speaker_set_get_entry (set, i);
        if (e->doc == 0 && g_str_has_prefix (e->quote->text, "We are willing"))
          group = e->group;
      }
    for (guint i = 0; i < px_speaker_set_get_n_entries (set); i++)
      n += px_speaker_set_get_entry (set, i)->group == group;
    g_assert_cmpuint (n, >=, 3);
  }
}

/* However outlets write a title ("librarian", "Librarian", "The
 * librarian"), it is one role, as first written. */
static void
test_speaker_roles (void)
{
  const char *texts[] = {
    "\"Every shelf is a gift,\" librarian Ada Moss said on Monday.",
    "Librarian Ada Moss said the library would stay open late. \"Every shelf is a gift,\" Moss said.",
    "\"Every shelf here is a gift,\" said the librarian, Ada Moss.",
  };
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) quotes = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr (PxSpeakerSet) set = NULL;
  const PxSpeaker *sp;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      PxTextUnits *u = px_text_units_new (texts[i], "en", NULL);
      g_ptr_array_add (units, u);
      g_ptr_array_add (quotes, px_find_quotes (u));
    }
  set = px_speaker_set_new (units, quotes);
  g_assert_cmpuint (px_speaker_set_get_n_speakers (set), ==, 1);
  sp = px_speaker_set_get_speaker (set, 0);
  for (guint i = 0; i < sp->roles->len; i++)
    g_test_message ("role %u: %s", i, (const char *)sp->roles->pdata[i]);
  g_assert_cmpuint (sp->roles->len, ==, 1);
  g_assert_cmpstr (sp->roles->pdata[0], ==, "librarian");
}

/* Organisations, places and things named near a reporting verb are not
 * speakers, and an organisation never lends its name to a person's
 * roles. */
static void
test_not_speakers (void)
{
  g_autoptr (PxTextUnits) u = px_text_units_new (
      "Mayor Lena Fosse opened the bus depot on Monday. "
      "The depot will serve routes such as Harbour Loop, night buses and school shuttles. "
      "On Tuesday, a top Transitco executive said the fleet would sign a \"clean air pledge\" with the region. "
      "According to the United Kingdom, the depot breaks the planning rules of the region.\n\n"
      "Last week, the Regional Transport Department added the depot to its review list, delaying the grant for a "
      "year. The UK claims that depots like this one are funded by the state and would be sold off later. "
      "Last month, Transitco declared in a court filing that the depot plans were lawful and approved.\n\n"
      "Later, Fosse said that the depot would open on time and within its budget. "
      "\"We will not wait for anyone,\" the mayor said.",
      "en", NULL);
  g_autoptr (GPtrArray) quotes = px_find_quotes (u);
  const PxQuote *q;

  for (guint i = 0; i < quotes->len; i++)
    {
      q = quotes->pdata[i];
      g_test_message ("quote \"%s\": speaker %s, role %s", q->text, q->speaker, q->role);
      /* Only the mayor and a descriptive source (kept as written)
       * speak here; the role is hers as written. */
      if (q->speaker != NULL && g_strcmp0 (q->speaker, q->speaker_as_written) != 0)
        {
          g_assert_cmpstr (q->speaker, ==, "Lena Fosse");
          g_assert_true (q->role == NULL || strstr (q->role, "ayor") != NULL);
        }
    }

  /* "a top Transitco executive" is someone new, not the last person
   * named, and not "Harbour Loop" from a list of routes: a descriptive
   * source, the speaker as written. */
  q = find (quotes, "clean air pledge");
  g_assert_cmpstr (q->speaker, ==, "a top Transitco executive");
  g_assert_cmpstr (q->speaker_as_written, ==, "a top Transitco executive");

  /* A country, a department and a company making claims in reported
   * speech are no quotes of a person. */
  g_assert_false (has (quotes, "the depot breaks the planning rules"));
  g_assert_false (has (quotes, "the depot to its review list"));
  g_assert_false (has (quotes, "depots like this one"));
  g_assert_false (has (quotes, "in a court filing"));

  /* The surname alone still points back to the mayor. */
  q = find (quotes, "the depot would open on time");
  g_assert_cmpint (q->kind, ==, PX_QUOTE_INDIRECT);
  g_assert_cmpstr (q->speaker, ==, "Lena Fosse");
  q = find (quotes, "We will not wait");
  g_assert_cmpstr (q->speaker, ==, "Lena Fosse");
  g_assert_cmpstr (q->speaker_as_written, ==, "the mayor");
}

/* Titles with "of" stay whole: "secretary of state", "Minister of
 * Finance". */
static void
test_title_with_of (void)
{
  g_autoptr (PxTextUnits) u =
      px_text_units_new ("Transport secretary of state Nora Vell visited the depot. \"We will fund it,\" Vell said. "
                         "Minister of Finance Oskar Lind said that taxes would not rise this year at all.",
                         "en", NULL);
  g_autoptr (GPtrArray) quotes = px_find_quotes (u);
  const PxQuote *q;

  q = find (quotes, "We will fund it");
  g_assert_cmpstr (q->speaker, ==, "Nora Vell");
  g_assert_cmpstr (q->role, ==, "Transport secretary of state");
  q = find (quotes, "taxes would not rise");
  g_assert_cmpstr (q->speaker, ==, "Oskar Lind");
  g_assert_cmpstr (q->role, ==, "Minister of Finance");
}

/* A person introduced by a title and a comma, with no comma after the
 * name ("Nordline's outside counsel, Ines Halvorsen on the radio"),
 * is who the surname alone points back to later, full name and title. */
static void
test_title_comma_name (void)
{
  g_autoptr (PxTextUnits) u =
      px_text_units_new ("The mayor met Nordline's outside counsel, Ines Halvorsen on the radio show on Friday. "
                         "Halvorsen also argued that the timetable change was \"not lawful\" and would be challenged.",
                         "en", NULL);
  g_autoptr (GPtrArray) quotes = px_find_quotes (u);
  const PxQuote *q = find (quotes, "not lawful");

  g_assert_cmpstr (q->speaker, ==, "Ines Halvorsen");
  g_assert_cmpstr (q->speaker_as_written, ==, "Halvorsen");
  g_assert_cmpstr (q->role, ==, "Nordline's outside counsel");
}

static void
test_drift_words (void)
{
  const char *texts[] = {
    "\"Our members have waited four years for a fair offer,\" union leader Marco Szabo said.",
    "\"Our members have waited five long years for a fair deal,\" union leader Marco Szabo said.",
  };
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) quotes = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr (PxSpeakerSet) set = NULL;
  g_auto (GStrv) flags = NULL;
  const PxQuoteEntry *e0, *e1;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      PxTextUnits *u = px_text_units_new (texts[i], "en", NULL);
      g_ptr_array_add (units, u);
      g_ptr_array_add (quotes, px_find_quotes (u));
    }
  set = px_speaker_set_new (units, quotes);
  g_assert_cmpuint (px_speaker_set_get_n_entries (set), ==, 2);
  g_assert_cmpuint (px_speaker_set_get_n_groups (set), ==, 1);
  e0 = px_speaker_set_get_entry (set, 0);
  e1 = px_speaker_set_get_entry (set, 1);
  /* The longer version is the reference; the other changed words. */
  g_assert_cmpuint (e0->drift | e1->drift, ==, PX_DRIFT_WORDS_CHANGED);
  flags = px_drift_flags_to_strv (PX_DRIFT_WORDS_CHANGED | PX_DRIFT_TRUNCATED);
  g_assert_cmpuint (g_strv_length (flags), ==, 2);
  g_assert_cmpstr (flags[0], ==, "truncated");
  g_assert_cmpstr (flags[1], ==, "words-changed");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quotes/styles", test_styles);
  g_test_add_func ("/quotes/inline", test_inline);
  g_test_add_func ("/quotes/speakers-and-drift", test_speakers_and_drift);
  g_test_add_func ("/quotes/drift-words", test_drift_words);
  g_test_add_func ("/quotes/speaker-roles", test_speaker_roles);
  g_test_add_func ("/quotes/not-speakers", test_not_speakers);
  g_test_add_func ("/quotes/title-with-of", test_title_with_of);
  g_test_add_func ("/quotes/title-comma-name", test_title_comma_name);
  return g_test_run ();
}
