/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quotes: attribution patterns, descriptive sources, pronouns and what is
 * not a quote, each on invented sentences. */
#include <string.h>

#include "quotes/px-quotes-words.h"
#include "quotes/px-quotes.h"

static GPtrArray *
quotes_of (const char *text)
{
  g_autoptr (PxTextUnits) u = px_text_units_new (text, "en", NULL);
  return px_find_quotes (u);
}

/* The quote whose text starts with @prefix, or NULL. */
static const PxQuote *
lookup (GPtrArray *quotes, const char *prefix)
{
  for (guint i = 0; i < quotes->len; i++)
    {
      const PxQuote *q = quotes->pdata[i];
      if (g_str_has_prefix (q->text, prefix))
        return q;
    }
  return NULL;
}

static const PxQuote *
find (GPtrArray *quotes, const char *prefix)
{
  const PxQuote *q = lookup (quotes, prefix);
  if (q == NULL)
    g_error ("no quote starting with \"%s\"", prefix);
  return q;
}

/* Asserts the speaker of the quote that starts with @prefix in @text. */
static void
assert_speaker (const char *text, const char *prefix, const char *speaker)
{
  g_autoptr (GPtrArray) quotes = quotes_of (text);
  const PxQuote *q = find (quotes, prefix);

  g_test_message ("%s -> %s (as written %s)", prefix, q->speaker, q->speaker_as_written);
  g_assert_cmpstr (q->speaker, ==, speaker);
}

/* Attribution after a quote that ends in a question or an exclamation
 * closes the sentence: "Why?" Mr. X said. */
static void
test_question_before_attribution (void)
{
  assert_speaker ("\"Why was the bridge closed for a month?\" Mr. Olin Barth said. The council did not reply.",
                  "Why was the bridge", "Olin Barth");
  assert_speaker ("\"Stop the works now!\" shouted Dora Ilves at the meeting.", "Stop the works", "Dora Ilves");
  /* The attribution may open a long sentence. */
  assert_speaker ("\"Who pays for the new bridge?\" Olin Barth asked at the meeting on Monday, when the council "
                  "had again put off its vote on the budget for the coming year.",
                  "Who pays for", "Olin Barth");
}

/* A name after words that describe the person but are no known title,
 * on either side of the cue. */
static void
test_described_name (void)
{
  assert_speaker ("\"The line was never safe,\" said retired signalman Olin Barth, who worked there for years.",
                  "The line was never", "Olin Barth");
  assert_speaker ("\"Nobody listened to us,\" Oslo-based consultant Vera Holm said on Monday.", "Nobody listened",
                  "Vera Holm");
  /* Words that are not a description leave it unknown. */
  assert_speaker ("\"It will rain,\" and then Vera Holm said nothing more.", "It will rain", NULL);
}

/* Speech in capitals ("Like Oakland. Or Ferguson,") followed by a
 * reporting verb is speech, not a title. */
static void
test_capitalised_speech (void)
{
  g_autoptr (GPtrArray) quotes =
      quotes_of ("\"Like Narvik. Or Tromso,\" Olin Barth said. She read \"The Long Road Home\" twice.");

  g_assert_cmpstr (find (quotes, "Like Narvik")->speaker, ==, "Olin Barth");
  g_assert_null (lookup (quotes, "The Long Road Home"));
}

/* A no-break space (as web pages write it) between the cue and the
 * quote is a space: `Barth said at the meeting,\u00a0"The …"` opens
 * speech. */
static void
test_no_break_space (void)
{
  g_autoptr (GPtrArray) quotes = quotes_of ("Olin Barth said at the meeting,\u00a0\u201cThe depot will stay open all "
                                            "winter.\u201d");

  g_assert_cmpint (find (quotes, "The depot will stay")->kind, ==, PX_QUOTE_DIRECT);
}

/* Cue verbs beyond "said", and modifiers before the name. */
static void
test_cue_verbs_and_modifiers (void)
{
  assert_speaker ("\"This is simply absurd,\" Vera Quill fumed after the vote.", "This is simply", "Vera Quill");
  assert_speaker ("\"Please reconsider the plan,\" Tomas Ek implored the board.", "Please reconsider", "Tomas Ek");
  assert_speaker ("\"We are ready for the season,\" a smiling Rosa Lind said on Friday.", "We are ready", "Rosa Lind");
  assert_speaker ("\"The numbers speak for themselves,\" Ivo Marsh later wrote on his blog.", "The numbers speak",
                  "Ivo Marsh");
  /* Adverbs in -ly are skipped; names and nouns in -ly are not adverbs. */
  assert_speaker ("\"We will appeal the ruling,\" Nora Kelly angrily said.", "We will appeal", "Nora Kelly");
  assert_speaker ("\"The ferry must run all winter,\" Ms. Connolly said.", "The ferry must", "Connolly");
  assert_speaker ("\"We only want answers,\" the family said in a statement.", "We only want", "the family");
  assert_speaker ("\"Let me finish the sentence,\" Ben Ashe shot back.", "Let me finish", "Ben Ashe");
  assert_speaker ("\"Get off the stage now,\" Ivo Marsh barked at the crowd.", "Get off the stage", "Ivo Marsh");
  assert_speaker ("\"Would it be open to all?\" Nora Kelly pressed.", "Would it be open", "Nora Kelly");
}

/* Titles, roles and appositions on either side of the name. */
static void
test_roles_and_appositions (void)
{
  assert_speaker ("\"The budget is balanced,\" said Fed Chair Janet Q. Morrow, speaking in Bern.", "The budget is",
                  "Janet Q. Morrow");
  assert_speaker ("\"We need the vote this week,\" Senator Ann Dahl, Republican of Iowa, said on Monday.",
                  "We need the vote", "Ann Dahl");
  assert_speaker ("\"It was the least bad outcome,\" Mr. Pell of the Harbour Trust said.", "It was the least", "Pell");
  assert_speaker ("\"Subpoenas are not optional,\" panel Chairman Rep. Otto Vane (R-Utah) said.", "Subpoenas are not",
                  "Otto Vane");
  assert_speaker ("\"This is a waste of time,\" said Del. Mara Quist of the island district.", "This is a waste",
                  "Mara Quist");
  assert_speaker ("\"The line will reopen soon,\" — Carla Diaz", "The line will reopen", "Carla Diaz");
}

/* "in a statement", "told <outlet>", "according to": the organisation or
 * person around them. */
static void
test_statement_outlet_according (void)
{
  assert_speaker ("\"We reject the claims entirely,\" Norvik Group said in a statement on Tuesday.",
                  "We reject the claims", "Norvik Group");
  assert_speaker ("\"Prices will fall next year,\" Ben Ashe told the Daily Ledger.", "Prices will fall", "Ben Ashe");
  assert_speaker ("According to Mayor Lena Fosse, \"the depot will open on time and within its budget.\"",
                  "the depot will open", "Lena Fosse");
}

/* Descriptive sources speak, as written; organisations too. */
static void
test_descriptive_sources (void)
{
  g_autoptr (GPtrArray) quotes =
      quotes_of ("\"The plant is safe and always was,\" a Norvik spokesman said.\n\n"
                 "\"No decision has been taken yet,\" the ministry said on Friday.\n\n"
                 "\"The talks went well,\" officials said. \"We expect a deal soon,\" they added.\n\n"
                 "\"Why didn't anyone pay for it?\" the ad's narrator asks.");
  const PxQuote *q;

  q = find (quotes, "The plant is safe");
  g_assert_cmpstr (q->speaker, ==, "a Norvik spokesman");
  g_assert_cmpstr (q->speaker_as_written, ==, "a Norvik spokesman");
  g_assert_cmpstr (find (quotes, "No decision")->speaker, ==, "the ministry");
  g_assert_cmpstr (find (quotes, "The talks went")->speaker, ==, "officials");
  /* "they" points back to the officials, several people. */
  g_assert_cmpstr (find (quotes, "We expect a deal")->speaker, ==, "officials");
  g_assert_cmpstr (find (quotes, "Why didn't anyone")->speaker, ==, "the ad's narrator");
  /* Linked to the organisation the text names. */
  g_assert_cmpstr (find (quotes, "The plant is safe")->organisation, ==, "Norvik");
  g_assert_null (find (quotes, "The talks went")->organisation);
}

/* "the ministry" is the Ministry of Transport named before. */
static void
test_organisation_named_before (void)
{
  g_autoptr (GPtrArray) quotes = quotes_of ("The Ministry of Transport published the timetable on Monday.\n\n"
                                            "\"The trains will run every ten minutes,\" the ministry said.");
  const PxQuote *q = find (quotes, "The trains will run");

  g_assert_cmpstr (q->speaker, ==, "the ministry");
  g_assert_cmpstr (q->organisation, ==, "Ministry of Transport");
}

/* Pronouns: the latest compatible speaker, never past an attribution to
 * someone else, unknown rather than wrong. */
static void
test_pronouns (void)
{
  g_autoptr (GPtrArray) quotes =
      quotes_of ("\"The rail plan is late,\" Ann Dahl said on Monday. \"It will cost more,\" she added.\n\n"
                 "\"We see no delay at all,\" a company spokesman said. \"The plan is on track,\" he said.\n\n"
                 "Mr. Olin Barth chaired the meeting. \"Nobody asked us,\" she said.");

  g_assert_cmpstr (find (quotes, "It will cost more")->speaker, ==, "Ann Dahl");
  /* The spokesman spoke since Ann Dahl: "he" is not her, nor a guess. */
  g_assert_cmpstr (find (quotes, "The plan is on track")->speaker, ==, "a company spokesman");
  /* "she" cannot be Mr. Barth, the only person around. */
  g_assert_null (find (quotes, "Nobody asked us")->speaker);
}

/* "he" and "she" point to the latest speaker or to someone new who opens
 * the sentence before (its subject), not to the last name mentioned in
 * passing; a title or a noun of the other sex ("Mr.", "a spokesman")
 * stops them, without reaching back past that attribution. */
static void
test_pronoun_subjects (void)
{
  g_autoptr (GPtrArray) quotes = quotes_of (
      "\"The depot opens in May,\" Mayor Lena Fosse said. Fosse later met the union's lawyer, Carl Ode, at the "
      "depot. \"We will not wait for the council,\" she said.\n\n"
      "Olin Barth arrived at the depot on Monday with his crew. \"The floor is not finished yet,\" he said.\n\n"
      "\"The buses are ready,\" Ann Dahl said. \"The drivers are not,\" a company spokesman said. "
      "\"We need more time than that,\" she said.");

  /* Carl Ode is only mentioned; Fosse, the subject, spoke last. */
  g_assert_cmpstr (find (quotes, "We will not wait")->speaker, ==, "Lena Fosse");
  /* Barth opens the sentence before the quote: the new subject. */
  g_assert_cmpstr (find (quotes, "The floor is not")->speaker, ==, "Olin Barth");
  /* "she" is not the spokesman, nor Ann Dahl behind him. */
  g_assert_null (find (quotes, "We need more time")->speaker);
}

/* A surname alone opening the sentence before the quote is its subject
 * when the text gives the full name elsewhere ("Vera Holm" ... "Holm
 * had ..."); a lone capitalised word it never gives in full is not. */
static void
test_pronoun_surname_subject (void)
{
  const char *later = "\"The buses are ready,\" Ann Dahl said on Monday.\n\n"
                      "Holm had already written to the council about the drivers.\n\n"
                      "\"We cannot run the line without them,\" she said.";
  g_autofree char *full = g_strconcat ("Vera Holm runs the depot. ", later, NULL);

  assert_speaker (full, "We cannot run", "Vera Holm");
  /* Without "Vera Holm", "Holm" may be a place or a firm: the latest
   * speaker goes on. */
  assert_speaker (later, "We cannot run", "Ann Dahl");
}

/* The subject carries through sentences that open with the same
 * pronoun ("Vera Holm ... She then ... "…," she said"), and reported
 * speech closed by its attribution (", Olin Barth said.", ", Holm said
 * in an interview.") makes its speaker the latest one. */
static void
test_pronoun_chain_and_trailing (void)
{
  const char *text = "\"The buses are ready,\" Ann Dahl said on Monday.\n\n"
                     "Vera Holm took over the depot in May. She then wrote to the council.\n\n"
                     "\"We cannot run the line without drivers,\" she said.\n\n"
                     "The council will not pay for the new drivers this year, Olin Barth said.\n\n"
                     "\"There is no money left for it,\" he said.\n\n"
                     "The depot may close in the winter, Vera Holm said in an interview with the paper.\n\n"
                     "\"Nobody wants that,\" she said.";
  g_autoptr (GPtrArray) quotes = quotes_of (text);
  const PxQuote *reported = find (quotes, "The council will not pay");

  g_assert_cmpstr (find (quotes, "We cannot run")->speaker, ==, "Vera Holm");
  g_assert_cmpint (reported->kind, ==, PX_QUOTE_INDIRECT);
  g_assert_cmpstr (reported->speaker, ==, "Olin Barth");
  g_assert_cmpstr (find (quotes, "There is no money")->speaker, ==, "Olin Barth");
  g_assert_cmpstr (find (quotes, "The depot may close")->speaker, ==, "Vera Holm");
  g_assert_cmpstr (find (quotes, "Nobody wants that")->speaker, ==, "Vera Holm");
}

/* Reported speech attributed with an appositive, after the words
 * (", said Olin Barth, a planner at the depot.") or around it ("Vera
 * Holm, who chairs the board of the Norvik Group, said …"): its speaker
 * is the latest, and the next "he" or "she" is them. */
static void
test_reported_with_appositive (void)
{
  g_autoptr (GPtrArray) quotes =
      quotes_of ("\"The buses are ready,\" Ann Dahl said on Monday.\n\n"
                 "The new line will not open before the summer, said Olin Barth, a planner at the depot.\n\n"
                 "\"We need two more months,\" he said.\n\n"
                 "Vera Holm, who chairs the board of the Norvik Group, said the company would pay for the drivers.\n\n"
                 "\"It is the least we can do,\" she said.");

  g_assert_cmpstr (find (quotes, "The new line will not")->speaker, ==, "Olin Barth");
  g_assert_cmpstr (find (quotes, "We need two more")->speaker, ==, "Olin Barth");
  g_assert_cmpstr (find (quotes, "the company would pay")->speaker, ==, "Vera Holm");
  g_assert_cmpstr (find (quotes, "It is the least")->speaker, ==, "Vera Holm");
}

/* "Dahl spokesman Olin Barth replied …": a name before a title says
 * whose; the sentence's subject, the "he" of the next quote, is the
 * name after the title. */
static void
test_subject_after_title (void)
{
  assert_speaker ("\"The buses are ready,\" Ann Dahl said on Monday.\n\n"
                  "Dahl spokesman Olin Barth replied to the council on Tuesday.\n\n"
                  "\"We will answer every question,\" he said.",
                  "We will answer", "Olin Barth");
}

/* "Holm said …" where the text names "Vera Holm" elsewhere: reported
 * speech by a surname alone has a speaker, her full name, and is the
 * latest speaker for the next "she". */
static void
test_reported_by_surname (void)
{
  g_autoptr (GPtrArray) quotes =
      quotes_of ("Vera Holm runs the depot. \"The buses are ready,\" Olin Barth said on Monday.\n\n"
                 "In a long letter to the members of the council, Holm said the drivers would be paid in May.\n\n"
                 "\"Nobody will wait longer than that,\" she said.");

  g_assert_cmpstr (find (quotes, "the drivers would be paid")->speaker, ==, "Vera Holm");
  g_assert_cmpstr (find (quotes, "Nobody will wait")->speaker, ==, "Vera Holm");
}

/* The subject may follow a long opening clause up to its comma. */
static void
test_subject_after_opening_clause (void)
{
  assert_speaker ("\"The buses are ready,\" Olin Barth said on Monday.\n\n"
                  "As the drivers waited for the first bus of the morning at the depot, Vera Holm read out the "
                  "new timetable.\n\n"
                  "\"Nobody will wait longer than ten minutes,\" she said.",
                  "Nobody will wait", "Vera Holm");
}

/* A surname that is also a noun of one sex ("King", "Prince") says
 * nothing of the person's sex. */
static void
test_pronoun_surname_noun (void)
{
  g_autoptr (GPtrArray) quotes = quotes_of ("Talk show host Gayle King said the show would go on. \"I asked "
                                            "the hard questions,\" she said.");

  g_assert_cmpstr (find (quotes, "I asked the hard")->speaker, ==, "Gayle King");
}

/* The word lists are the reviewed files in data/quotes/en/, compiled
 * in: every word of each file has that file's class, and every file is
 * in the resource bundle. */
static void
test_word_lists (void)
{
  static const struct
  {
    const char *file;
    guint classes;
  } lists[] = {
    { "cues.txt", PX_QW_CUE },
    { "roles.txt", PX_QW_ROLE },
    { "plurals.txt", PX_QW_ROLE | PX_QW_SOURCE | PX_QW_PLURAL },
    { "sources.txt", PX_QW_SOURCE },
    { "aux.txt", PX_QW_AUX },
    { "modifiers.txt", PX_QW_MODIFIER },
    { "pronouns.txt", PX_QW_PRONOUN },
    { "determiners.txt", PX_QW_DETERMINER },
    { "orgs.txt", PX_QW_ORG },
    { "dotted-titles.txt", PX_QW_DOTTED_TITLE },
    { "not-speech.txt", PX_QW_NOT_SPEECH },
    { "male.txt", PX_QW_MALE },
    { "female.txt", PX_QW_FEMALE },
  };
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "quotes", "en", NULL);
  g_autofree char *xml_path = g_test_build_filename (G_TEST_DIST, "..", "data", "quotes", "quotes.gresource.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr (GDir) d = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *entry = g_strdup_printf ("<file>en/%s</file>", name);
      g_assert_nonnull (strstr (xml, entry));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (lists));

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_autofree char *path = g_build_filename (dir, lists[l].file, NULL);
      g_autofree char *text = NULL;
      g_auto (GStrv) lines = NULL;
      guint n_words = 0;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      /* A header says what the list is. */
      g_assert_true (g_str_has_prefix (text, "# SPDX-License-Identifier"));
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto (GStrv) words = NULL;
          char *hash = strchr (lines[i], '#');
          if (hash != NULL)
            *hash = '\0';
          words = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
          for (guint w = 0; words[w] != NULL; w++)
            if (*words[w] != '\0')
              {
                if ((px_quote_word_classes (words[w], NULL) & lists[l].classes) != lists[l].classes)
                  g_error ("%s: \"%s\" lacks its class", lists[l].file, words[w]);
                n_words++;
              }
        }
      g_assert_cmpuint (n_words, >, 0);
    }
  g_assert_cmpuint (px_quote_word_classes ("spokeswoman", NULL) & (PX_QW_FEMALE | PX_QW_ROLE), ==,
                    PX_QW_FEMALE | PX_QW_ROLE);
  g_assert_cmpuint (px_quote_word_classes ("banana", NULL), ==, 0);
}

/* Descriptive sources after the cue ("said one council insider") and
 * with what they work for ("a spokeswoman for the Norvik Group"): the
 * whole noun phrase speaks, the name is its organisation, not a person
 * speaking. */
static void
test_descriptive_after_cue_and_for (void)
{
  g_autoptr (GPtrArray) quotes =
      quotes_of ("\"The depot will never open on time,\" said one council insider who asked not to be named.\n\n"
                 "A spokeswoman for the Norvik Group said: \"We have made no offer for the depot.\"\n\n"
                 "An adviser to Ann Dahl said: \"She has not decided on the bus plan yet.\"");
  const PxQuote *q;

  g_assert_cmpstr (find (quotes, "The depot will never")->speaker, ==, "one council insider");
  q = find (quotes, "We have made no offer");
  g_assert_cmpstr (q->speaker, ==, "A spokeswoman for the Norvik Group");
  g_assert_cmpstr (q->organisation, ==, "the Norvik Group");
  g_assert_cmpstr (find (quotes, "She has not decided")->speaker, ==, "An adviser to Ann Dahl");
}

/* A quote with no attribution continues the speaker before it only in
 * the same paragraph, or when it is the whole next paragraph. */
static void
test_no_carry_across_paragraphs (void)
{
  g_autoptr (GPtrArray) quotes = quotes_of (
      "\"The depot opens in May,\" Mayor Lena Fosse said.\n\n"
      "\"It will serve four routes.\"\n\n"
      "The council met later. Its members were divided, and \"the vote was close and bitter in the end,\" as the "
      "minutes put it.\n\n"
      "Some residents wrote letters.\n\n"
      "\"Nobody listens to us here.\"");

  g_assert_cmpstr (find (quotes, "It will serve")->speaker, ==, "Lena Fosse");
  g_assert_null (find (quotes, "Nobody listens")->speaker);
}

/* Titles, slogans and scare quotes are not speech; quoted words inside
 * the writer's sentence are partial. */
static void
test_detection (void)
{
  g_autoptr (GPtrArray) quotes = quotes_of (
      "She reviewed the book \"The Long Road Home\" for the paper. The rally chanted \"Make Our Town Great Again\" "
      "for an hour.\n\n"
      "Critics called the plan \"a reckless gamble with public money\" on Monday.\n\n"
      "The mayor spoke. \"We will build it,\" she said.\n\n"
      "A stray \" mark here opens nothing at all in this paragraph.");
  const PxQuote *q;

  g_assert_null (lookup (quotes, "The Long Road Home"));
  g_assert_null (lookup (quotes, "Make Our Town"));
  q = find (quotes, "a reckless gamble");
  g_assert_cmpint (q->kind, ==, PX_QUOTE_PARTIAL);
  q = find (quotes, "We will build it");
  g_assert_cmpint (q->kind, ==, PX_QUOTE_DIRECT);
  g_assert_null (lookup (quotes, "mark here opens"));
}

/* A headline in title case names nobody: "Fosse" is not "Fosse Slams
 * Bus Plan", and "Harbour Trust Says" is no person. */
static void
test_headline_not_person (void)
{
  g_autoptr (GPtrArray) quotes =
      quotes_of ("Mayor Fosse Slams Bus Plan As Harbour Trust Says No\n\n"
                 "Mayor Lena Fosse spoke on Monday. \"The plan is a waste of money,\" Fosse said.");
  const PxQuote *q = find (quotes, "The plan is a waste");

  g_assert_cmpstr (q->speaker, ==, "Lena Fosse");
}

/* Split quotes: one quote around its attribution. */
static void
test_split_quote (void)
{
  g_autoptr (GPtrArray) quotes =
      quotes_of ("\"We will appeal,\" said Karl Frey, the union's lawyer, \"and we expect to win.\"");
  const PxQuote *q = find (quotes, "We will appeal");

  g_assert_cmpuint (q->n_parts, ==, 2);
  g_assert_cmpstr (q->speaker, ==, "Karl Frey");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quotes/patterns/question-before-attribution", test_question_before_attribution);
  g_test_add_func ("/quotes/patterns/cue-verbs-and-modifiers", test_cue_verbs_and_modifiers);
  g_test_add_func ("/quotes/patterns/roles-and-appositions", test_roles_and_appositions);
  g_test_add_func ("/quotes/patterns/statement-outlet-according", test_statement_outlet_according);
  g_test_add_func ("/quotes/patterns/descriptive-sources", test_descriptive_sources);
  g_test_add_func ("/quotes/patterns/organisation-named-before", test_organisation_named_before);
  g_test_add_func ("/quotes/patterns/pronouns", test_pronouns);
  g_test_add_func ("/quotes/patterns/pronoun-subjects", test_pronoun_subjects);
  g_test_add_func ("/quotes/patterns/pronoun-surname-noun", test_pronoun_surname_noun);
  g_test_add_func ("/quotes/patterns/pronoun-surname-subject", test_pronoun_surname_subject);
  g_test_add_func ("/quotes/patterns/pronoun-chain-and-trailing", test_pronoun_chain_and_trailing);
  g_test_add_func ("/quotes/patterns/reported-with-appositive", test_reported_with_appositive);
  g_test_add_func ("/quotes/patterns/subject-after-title", test_subject_after_title);
  g_test_add_func ("/quotes/patterns/subject-after-opening-clause", test_subject_after_opening_clause);
  g_test_add_func ("/quotes/patterns/reported-by-surname", test_reported_by_surname);
  g_test_add_func ("/quotes/patterns/word-lists", test_word_lists);
  g_test_add_func ("/quotes/patterns/descriptive-after-cue-and-for", test_descriptive_after_cue_and_for);
  g_test_add_func ("/quotes/patterns/no-carry-across-paragraphs", test_no_carry_across_paragraphs);
  g_test_add_func ("/quotes/patterns/detection", test_detection);
  g_test_add_func ("/quotes/patterns/capitalised-speech", test_capitalised_speech);
  g_test_add_func ("/quotes/patterns/described-name", test_described_name);
  g_test_add_func ("/quotes/patterns/no-break-space", test_no_break_space);
  g_test_add_func ("/quotes/patterns/split-quote", test_split_quote);
  g_test_add_func ("/quotes/patterns/headline-not-person", test_headline_not_person);
  return g_test_run ();
}
