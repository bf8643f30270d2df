/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reviewed word lists of the quote finder, one class per list.
 *
 * How they were made: by reading the attributions the finder missed or
 * got wrong on the development part of an attribution corpus of US
 * political news (see docs/quote-eval.md) and writing down the general
 * English word each mistake needed (a reporting verb, a title, a head
 * noun of a descriptive source). Only everyday English words, never
 * names or phrases from the corpus; each list was read through by hand.
 * Keep them so: a word earns its place when it would read the same way
 * in any newspaper. Other languages get their own lists here, keyed by
 * their language tag; until then they use English's. */
#include "analysis/px-quotes-words.h"

#include <string.h>

typedef struct
{
  guint classes;
  const char *const *words;
} WordList;

/* Reporting verbs, as news copy writes them. */
static const char *const en_cues[] = {
  "said",        "says",       "say",        "told",       "tells",        "tell",         "added",     "adds",
  "add",         "stated",     "explained",  "explains",   "explain",      "noted",        "notes",     "warned",
  "warns",       "warn",       "argued",     "argues",     "insisted",     "insists",      "claimed",   "claims",
  "asked",       "asks",       "replied",    "replies",    "wrote",        "writes",       "declared",  "declares",
  "announced",   "announces",  "continued",  "continues",  "acknowledged", "acknowledges", "admitted",  "admits",
  "stressed",    "stresses",   "emphasised", "emphasized", "suggested",    "suggests",     "urged",     "urges",
  "recalled",    "recalls",    "remarked",   "conceded",   "concedes",     "confirmed",    "confirms",  "denied",
  "predicted",   "commented",  "observed",   "responded",  "responds",     "cautioned",    "concluded", "maintained",
  "maintains",   "promised",   "vowed",      "tweeted",    "posted",       "mused",        "quipped",   "pledged",
  "boasted",     "fumed",      "implored",   "complained", "complains",    "countered",    "charged",   "contended",
  "contends",    "asserted",   "asserts",    "reiterated", "joked",        "shouted",      "yelled",    "screamed",
  "cried",       "exclaimed",  "whispered",  "muttered",   "lamented",     "agreed",       "agrees",    "answered",
  "begged",      "pleaded",    "demanded",   "testified",  "wondered",     "wonders",      "reasoned",  "retorted",
  "snapped",     "scoffed",    "railed",     "thundered",  "proclaimed",   "recounted",    "chimed",    "interjected",
  "interrupted", "elaborated", "clarified",  "explained",  "texted",       "emailed",      "blogged",   "wrote",
  "stated",      "affirmed",   "assured",    "advised",    "opined",       "sighed",       "laughed",   "marveled",
  "marvelled",   "gushed",     "raved",      "griped",     "grumbled",     "protested",    "objected",  "alleged",
  "alleges",     "estimated",  "recalled",   NULL,
};

/* Titles, roles and the head nouns of descriptive sources ("the
 * company's chief executive", "a campaign spokesman", "officials"):
 * parts of a speaker phrase, never of a name. */
static const char *const en_roles[] = {
  "chairman",
  "chairwoman",
  "chair",
  "chairperson",
  "ceo",
  "cfo",
  "cto",
  "coo",
  "president",
  "vice",
  "chief",
  "executive",
  "officer",
  "director",
  "minister",
  "secretary",
  "senator",
  "sen",
  "rep",
  "representative",
  "governor",
  "gov",
  "mayor",
  "founder",
  "co-founder",
  "head",
  "professor",
  "prof",
  "counsel",
  "lawyer",
  "attorney",
  "manager",
  "commissioner",
  "chancellor",
  "ambassador",
  "leader",
  "deputy",
  "general",
  "security",
  "editor",
  "judge",
  "inspector",
  "superintendent",
  "engineer",
  "treasurer",
  "prime",
  "member",
  "board",
  "company",
  "firm",
  "agency",
  "department",
  "ministry",
  "police",
  "council",
  "mr",
  "mrs",
  "ms",
  "dr",
  "sir",
  "dame",
  "lord",
  "lady",
  "captain",
  "coach",
  "sergeant",
  "detective",
  "organiser",
  "organizer",
  "owner",
  "principal",
  "teacher",
  "doctor",
  "nurse",
  "scientist",
  "partner",
  "outside",
  "senior",
  "top",
  "former",
  "acting",
  "interim",
  "global",
  "regional",
  "national",
  "state",
  "city",
  "county",
  "federal",
  "u.s",
  "group",
  "union",
  "staff",
  "trade",
  "finance",
  "health",
  "foreign",
  "defence",
  "defense",
  "interior",
  "justice",
  "transport",
  "energy",
  "environment",
  "librarian",
  "education",
  "councillor",
  "councilor",
  "councilman",
  "councilwoman",
  "opposition",
  "mp",
  "premier",
  "envoy",
  "diplomat",
  "regulator",
  "prosecutor",
  "investigator",
  "historian",
  "author",
  "critic",
  "candidate",
  "host",
  "curator",
  "del",
  "delegate",
  "congressman",
  "congresswoman",
  "nominee",
  "strategist",
  "pollster",
  "campaign",
  "press",
  "communications",
  "fed",
  "speaker",
  "majority",
  "minority",
  "whip",
  "sheriff",
  "commander",
  "admiral",
  "colonel",
  "lt",
  "gen",
  "col",
  "capt",
  "sgt",
  "rev",
  "pastor",
  "bishop",
  "reverend",
  "father",
  "mother",
  "wife",
  "husband",
  "daughter",
  "son",
  "brother",
  "sister",
  "friend",
  "neighbor",
  "neighbour",
  "reporter",
  "columnist",
  "writer",
  "journalist",
  "anchor",
  "commentator",
  "correspondent",
  "physician",
  "surgeon",
  "republican",
  "democrat",
  "democratic",
  "gop",
  "independent",
  "hopeful",
  "presidential",
  "running",
  "mate",
  "veteran",
  "soldier",
  "student",
  "parent",
  "voter",
  "supporter",
  "opponent",
  "protester",
  "resident",
  "witness",
  "worker",
  "employee",
  "official",
  "source",
  "aide",
  "adviser",
  "advisor",
  "analyst",
  "expert",
  "economist",
  "researcher",
  "lawmaker",
  "legislator",
  "activist",
  "campaigner",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "administration",
  "government",
  "committee",
  "newspaper",
  "paper",
  "magazine",
  "network",
  "study",
  "report",
  "survey",
  "poll",
  "statement",
  "memo",
  "letter",
  "website",
  "office",
  "court",
  "military",
  "army",
  "navy",
  "party",
  "organization",
  "organisation",
  "embassy",
  "bureau",
  "institute",
  "foundation",
  "association",
  "coalition",
  "people",
  "man",
  "woman",
  "person",
  NULL,
};

/* Role nouns naming several people ("officials said"): "they" may point
 * back to them, "he" may not. */
static const char *const en_plurals[] = {
  "officials",   "sources",         "aides",      "advisers",    "advisors",    "analysts",
  "experts",     "economists",      "critics",    "supporters",  "opponents",   "voters",
  "residents",   "witnesses",       "protesters", "leaders",     "executives",  "researchers",
  "lawmakers",   "legislators",     "senators",   "democrats",   "republicans", "officers",
  "spokesmen",   "workers",         "employees",  "people",      "members",     "organizers",
  "organisers",  "students",        "parents",    "activists",   "campaigners", "diplomats",
  "prosecutors", "investigators",   "scientists", "doctors",     "teachers",    "authors",
  "veterans",    "soldiers",        "reporters",  "journalists", "insiders",    "strategists",
  "pollsters",   "representatives", "delegates",  "observers",   "police",      "staffers",
  "neighbors",   "neighbours",      "friends",    "relatives",   "families",    "lawyers",
  "attorneys",   "regulators",      "ministers",  NULL,
};

/* The head nouns a descriptive source ends in: "a spokesman", "the
 * ministry", "officials", "the newspaper". */
static const char *const en_sources[] = {
  "spokesman",      "spokeswoman",    "spokesperson", "spokesmen",    "official",
  "source",         "aide",           "adviser",      "advisor",      "ministry",
  "department",     "agency",         "government",   "campaign",     "company",
  "firm",           "police",         "newspaper",    "paper",        "magazine",
  "network",        "committee",      "council",      "court",        "judge",
  "lawmaker",       "legislator",     "senator",      "analyst",      "expert",
  "economist",      "critic",         "supporter",    "opponent",     "voter",
  "resident",       "witness",        "protester",    "leader",       "executive",
  "researcher",     "administration", "office",       "embassy",      "military",
  "army",           "party",          "organization", "organisation", "group",
  "union",          "board",          "bureau",       "institute",    "foundation",
  "association",    "coalition",      "statement",    "report",       "study",
  "survey",         "poll",           "memo",         "letter",       "website",
  "strategist",     "pollster",       "insider",      "staffer",      "officer",
  "director",       "manager",        "chairman",     "chairwoman",   "president",
  "secretary",      "minister",       "governor",     "mayor",        "prosecutor",
  "investigator",   "lawyer",         "attorney",     "counsel",      "diplomat",
  "activist",       "doctor",         "teacher",      "student",      "parent",
  "veteran",        "soldier",        "reporter",     "journalist",   "worker",
  "employee",       "member",         "candidate",    "nominee",      "delegate",
  "representative", "observer",       "neighbor",     "neighbour",    "friend",
  "relative",       "family",         "man",          "woman",        "person",
  "people",         "chief",          NULL,
};

/* Skipped when walking back from a cue to its subject: "he went on to
 * explain", "Liang also stressed", "she has repeatedly said". Words
 * ending in -ly are skipped too (px-quotes.c). */
static const char *const en_aux[] = {
  "went",  "on",   "to",    "also",  "later", "then", "has",   "had",  "have",  "would", "will",
  "again", "once", "is",    "was",   "were",  "been", "being", "just", "still", "even",  "has",
  "once",  "soon", "often", "never", "ever",  "then", "also",  "too",  "first", "last",  NULL,
};

/* Adjectives before a speaker ("a smiling Liang said"). */
static const char *const en_modifiers[] = {
  "smiling",  "beaming",      "laughing", "grinning", "tearful",     "emotional", "angry",     "frustrated", "defiant",
  "visibly",  "somber",       "sombre",   "weary",    "exasperated", "combative", "confident", "jubilant",   "upbeat",
  "cautious", "unapologetic", "animated", "relaxed",  "irritated",   "shaken",    NULL,
};

static const char *const en_pronouns[] = { "he", "she", "they", "i", "we", "him", "her", NULL };
static const char *const en_determiners[] = { "the", "a", "an", "its", "his", "her", "their", "our", "my", NULL };

/* Words that make a capitalised name an organisation, which "he" and
 * "she" never point back to. */
static const char *const en_orgs[] = {
  "institute", "department", "council",        "university",     "ministry",    "commission",   "agency",
  "company",   "inc",        "corp",           "group",          "association", "committee",    "court",
  "office",    "bank",       "party",          "government",     "times",       "news",         "post",
  "reuters",   "press",      "technologies",   "network",        "networks",    "board",        "authority",
  "service",   "police",     "club",           "foundation",     "union",       "house",        "parliament",
  "congress",  "senate",     "center",         "centre",         "school",      "hospital",     "station",
  "port",      "airport",    "city",           "county",         "state",       "states",       "kingdom",
  "republic",  "journal",    "campaign",       "administration", "fund",        "organization", "organisation",
  "bureau",    "coalition",  "alliance",       "federation",     "nations",     "caucus",       "magazine",
  "newspaper", "tribune",    "herald",         "telegraph",      "guardian",    "gazette",      "daily",
  "weekly",    "radio",      "television",     "broadcasting",   "channel",     "institution",  "council",
  "army",      "navy",       "force",          "agency",         "corporation", "company",      "ltd",
  "llc",       "plc",        "administration", "convention",     "conference",  "summit",       "debate",
  "program",   "programme",  "project",        "initiative",

  "county",    "province",   "region",         "museum",         "library",     "stadium",      NULL,
};

/* Titles written with a full stop ("Dr. Ben Ashe"): the stop does not
 * end the phrase. */
static const char *const en_dotted[] = {
  "mr",  "mrs", "ms", "dr", "prof", "sen", "gov", "gen", "rep", "st",   "lt",   "col", "capt", "sgt",
  "rev", "del", "jr", "sr", "ft",   "adm", "maj", "cpl", "pvt", "supt", "atty", "hon", NULL,
};

/* Cues that report an act rather than words; sentences without
 * quotation marks that use them are not reported speech. */
static const char *const en_not_speech[] = {
  "asked", "denied", "urged", "promised", "vowed", "posted", "predicted", "demanded", "begged", "estimated", NULL,
};

/* Titles and nouns that tell a person's sex, so that "she" does not
 * point back to "a spokesman" or to Mr. Barth. */
static const char *const en_male[] = {
  "mr",        "spokesman", "chairman",  "congressman", "businessman", "councilman", "assemblyman",
  "alderman",  "man",       "father",    "son",         "brother",     "husband",    "uncle",
  "king",      "prince",    "actor",     "grandfather", "boyfriend",   "sir",        "lord",
  "nephew",    "monk",      "duke",      "emperor",     "waiter",      "fireman",    "policeman",
  "anchorman", "cameraman", "sportsman", "frontman",    "statesman",   NULL,
};
static const char *const en_female[] = {
  "ms",
  "mrs",
  "miss",
  "spokeswoman",
  "chairwoman",
  "congresswoman",
  "businesswoman",
  "councilwoman",
  "assemblywoman",
  "alderwoman",
  "woman",
  "mother",
  "daughter",
  "sister",
  "wife",
  "aunt",
  "queen",
  "princess",
  "actress",
  "grandmother",
  "girlfriend",
  "lady",
  "madam",
  "dame",
  "niece",
  "nun",
  "duchess",
  "empress",
  "waitress",
  "policewoman",
  "anchorwoman",
  "sportswoman",
  "stateswoman",
  NULL,
};

static const WordList en_lists[] = {
  { PX_QW_MALE, en_male },
  { PX_QW_FEMALE, en_female },
  { PX_QW_CUE, en_cues },
  { PX_QW_ROLE, en_roles },
  { PX_QW_ROLE | PX_QW_PLURAL, en_plurals },
  { PX_QW_SOURCE, en_sources },
  { PX_QW_SOURCE | PX_QW_PLURAL, en_plurals },
  { PX_QW_AUX, en_aux },
  { PX_QW_MODIFIER, en_modifiers },
  { PX_QW_PRONOUN, en_pronouns },
  { PX_QW_DETERMINER, en_determiners },
  { PX_QW_ORG, en_orgs },
  { PX_QW_DOTTED_TITLE, en_dotted },
  { PX_QW_NOT_SPEECH, en_not_speech },
};

static GHashTable *
build_table (const WordList *lists, gsize n_lists)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize l = 0; l < n_lists; l++)
    for (guint i = 0; lists[l].words[i] != NULL; i++)
      {
        guint classes = GPOINTER_TO_UINT (g_hash_table_lookup (table, lists[l].words[i]));
        g_hash_table_insert (table, (gpointer)lists[l].words[i], GUINT_TO_POINTER (classes | lists[l].classes));
      }
  return table;
}

guint
px_quote_word_classes (const char *norm, const char *language)
{
  static GHashTable *en_table;
  static gsize initialized;

  g_return_val_if_fail (norm != NULL, 0);
  /* One language so far: everything reads English's lists. */
  (void)language;
  if (g_once_init_enter (&initialized))
    {
      en_table = build_table (en_lists, G_N_ELEMENTS (en_lists));
      g_once_init_leave (&initialized, 1);
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (en_table, norm));
}
