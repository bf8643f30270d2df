/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-boilerplate.h"

#include <string.h>

#include "import/px-date-parse.h"

/* All tables are in the form px_boilerplate_normalize() gives. */

/* Labels of controls, never article text when alone on a line. */
static const char *const ui_labels[] = {
  "home",
  "back",
  "menu",
  "search",
  "close",
  "skip to content",
  "skip to main content",
  "skip navigation",
  "log in",
  "login",
  "sign in",
  "sign up",
  "register",
  "subscribe",
  "subscribe now",
  "share",
  "share this",
  "share this article",
  "share this story",
  "share article",
  "share on facebook",
  "share on twitter",
  "tweet",
  "email",
  "e-mail",
  "print",
  "copy link",
  "link copied",
  "listen",
  "listen to this article",
  "save",
  "save article",
  "bookmark",
  "next",
  "previous",
  "next article",
  "previous article",
  "next story",
  "back to top",
  "top",
  "advertisement",
  "advertising",
  "ad",
  "sponsored",
  "sponsored content",
  "partner content",
  "continue reading",
  "read more",
  "show more",
  "load more",
  "loading",
  "view all",
  "see all",
  "show all",
  "expand",
  "collapse",
  "accept",
  "accept cookies",
  "reject",
  "manage cookies",
  "cookie settings",
  "privacy policy",
  "cookie policy",
  "terms of use",
  "terms of service",
  "terms and conditions",
  "contact us",
  "about us",
  "imprint",
  "sitemap",
  "startseite",
  "zurück",
  "teilen",
  "drucken",
  "anmelden",
  "abmelden",
  "abonnieren",
  "suche",
  "anzeige",
  "werbung",
  "weiterlesen",
  "mehr lesen",
  "impressum",
  "datenschutz",
  "accueil",
  "retour",
  "partager",
  "imprimer",
  "se connecter",
  "s'abonner",
  "rechercher",
  "publicité",
  "lire la suite",
  "inicio",
  "volver",
  "compartir",
  "imprimir",
  "suscríbete",
  "publicidad",
  "leer más",
  "delen",
  "terug",
  "condividi",
  "stampa",
  "pubblicità",
};

/* Names of a site's sections: menu items when several come together. */
static const char *const section_names[] = {
  "news",          "latest",     "latest news",   "all",      "live",           "video",        "videos",
  "audio",         "podcast",    "podcasts",      "photos",   "gallery",        "sport",        "sports",
  "business",      "money",      "markets",       "economy",  "opinion",        "comment",      "analysis",
  "blog",          "blogs",      "features",      "feature",  "world",          "uk",           "us",
  "europe",        "asia",       "africa",        "americas", "middle east",    "politics",     "culture",
  "arts",          "tech",       "technology",    "science",  "health",         "lifestyle",    "life",
  "travel",        "food",       "entertainment", "weather",  "more",           "local",        "national",
  "international", "education",  "environment",   "climate",  "investigations", "obituaries",   "focus",
  "in brief",      "interviews", "keynotes",      "webinars", "reports",        "infographics", "insight",
  "partner",       "hosted",     "broadcast",     "e-books",  "events",         "jobs",         "shop",
  "newsletters",   "newsletter", "magazine",      "archive",  "about",          "contact",      "legal",
  "careers",       "language",   "english",       "deutsch",  "français",       "español",      "italiano",
  "nederlands",    "português",  "中文",          "日本語",   "한국어",         "العربية",      "русский",
  "nachrichten",   "politik",    "wirtschaft",    "kultur",   "wissen",         "meinung",      "panorama",
  "regional",      "actualités", "société",       "économie", "monde",          "noticias",     "deportes",
};

/* A list of links follows; the article may go on after it. */
static const char *const list_markers[] = {
  "related",
  "related:",
  "tags",
  "tag",
  "topics",
  "tags in this article",
  "in this article",
  "filed under",
  "categories",
  "category",
  "most popular",
  "most read",
  "popular",
  "trending",
  "trending now",
  "featured",
  "featured content",
  "featured stories",
  "editor's picks",
  "read also",
  "also read",
  "see also",
  "further reading",
  "more on this story",
  "more on this topic",
  "mehr zum thema",
  "lesen sie auch",
  "auch interessant",
  "themen",
  "schlagworte",
  "meistgelesen",
  "lire aussi",
  "à lire aussi",
  "a lire aussi",
  "voir aussi",
  "sur le même sujet",
  "les plus lus",
  "lee también",
  "más información",
  "temas",
  "lo más leído",
  "leggi anche",
  "lees ook",
  "meer over",
};

/* The article is over when one of these follows it. */
static const char *const end_markers[] = {
  "related articles",
  "related stories",
  "related posts",
  "related content",
  "related coverage",
  "related news",
  "related reading",
  "related links",
  "you may like",
  "you may like these",
  "you may also like",
  "you might also like",
  "you might like",
  "more like this",
  "more stories",
  "more news",
  "more from",
  "read next",
  "up next",
  "what to read next",
  "recommended",
  "recommended for you",
  "recommended stories",
  "recommended articles",
  "comments",
  "leave a comment",
  "leave a reply",
  "join the conversation",
  "post a comment",
  "add a comment",
  "show comments",
  "view comments",
  "das könnte sie auch interessieren",
  "das könnte sie interessieren",
  "kommentare",
  "weitere artikel",
  "vous aimerez aussi",
  "vous aimerez peut-être aussi",
  "sur le même thème",
  "commentaires",
  "te puede interesar",
  "también te puede interesar",
  "comentarios",
  "potrebbe interessarti",
  "commenti",
  "reacties",
};

/* A bio of the author follows. */
static const char *const author_markers[] = {
  "about the author",
  "about the authors",
  "author",
  "authors",
  "about the writer",
  "about the reporter",
  "author bio",
  "author information",
  "über den autor",
  "über die autorin",
  "über die autoren",
  "zum autor",
  "zur autorin",
  "à propos de l'auteur",
  "à propos de l’auteur",
  "a propos de l'auteur",
  "l'auteur",
  "sobre el autor",
  "sobre la autora",
  "l'autore",
  "over de auteur",
};

/* Short promotions and calls to action when a line starts with them. */
static const char *const cta_starts[] = {
  "get our newsletter",
  "sign up for",
  "sign up to",
  "subscribe to",
  "subscribe for",
  "follow us",
  "follow ",
  "join our",
  "download our",
  "download the app",
  "get the app",
  "like us on",
  "click here",
  "don't miss",
  "don’t miss",
  "newsletter abonnieren",
  "jetzt abonnieren",
  "folgen sie",
  "abonnez-vous",
  "inscrivez-vous",
  "suivez-nous",
  "suscríbete",
  "síguenos",
  "iscriviti",
  "seguici",
  "volg ons",
};

static const char *const social_words[] = {
  "share",     "share:", "facebook", "twitter",  "x",         "linkedin", "whatsapp", "telegram", "reddit",
  "pinterest", "email",  "e-mail",   "mail",     "print",     "copy",     "link",     "tweet",    "flipboard",
  "messenger", "sms",    "teilen",   "partager", "compartir", "this",     "article",  "on",
};

static const char *const role_words[] = {
  "writer",          "editor",      "reporter",    "correspondent", "staff",           "contributor",  "columnist",
  "journalist",      "producer",    "analyst",     "chief",         "senior",          "bureau",       "freelance",
  "editor-at-large", "redakteur",   "redakteurin", "korrespondent", "korrespondentin", "autor",        "autorin",
  "journaliste",     "rédacteur",   "rédactrice",  "correspondant", "correspondante",  "envoyé",       "envoyée",
  "spécial",         "spéciale",    "periodista",  "redactor",      "redactora",       "corresponsal", "redacteur",
  "verslaggever",    "giornalista", "inviato",
};

/* Words that start sentences or headings but never names. */
static const char *const not_name_words[] = {
  "the",      "a",        "an",         "this",     "that",   "these",     "those",   "in",       "on",
  "at",       "for",      "with",       "and",      "or",     "but",       "of",      "to",       "from",
  "after",    "before",   "as",         "it",       "its",    "he",        "she",     "they",     "we",
  "you",      "i",        "his",        "her",      "their",  "our",       "my",      "is",       "are",
  "was",      "were",     "be",         "has",      "have",   "had",       "not",     "no",       "new",
  "how",      "why",      "what",       "when",     "where",  "who",       "which",   "more",     "most",
  "all",      "about",    "contact",    "home",     "news",   "latest",    "january", "february", "march",
  "april",    "may",      "june",       "july",     "august", "september", "october", "november", "december",
  "monday",   "tuesday",  "wednesday",  "thursday", "friday", "saturday",  "sunday",  "today",    "yesterday",
  "tomorrow", "contrast", "comparison", "der",      "die",    "das",       "le",      "la",       "les",
  "el",       "los",      "un",         "une",      "ein",    "eine",      "und",     "et",
};

/* Words that name a newspaper or a station rather than a person. */
static const char *const outlet_words[] = {
  "times",     "herald",    "gazette",   "tribune",    "courier",      "news",       "daily",     "journal",
  "chronicle", "observer",  "guardian",  "telegraph",  "express",      "record",     "review",    "independent",
  "standard",  "echo",      "star",      "press",      "register",     "ledger",     "bulletin",  "dispatch",
  "monitor",   "sentinel",  "examiner",  "inquirer",   "argus",        "advertiser", "weekly",    "magazine",
  "wire",      "radio",     "tv",        "television", "broadcasting", "network",    "media",     "online",
  "post",      "rundschau", "zeitung",   "anzeiger",   "allgemeine",   "kurier",     "blatt",     "tagblatt",
  "courrier",  "presse",    "dépêche",   "gazzetta",   "corriere",     "diario",     "periódico", "nieuws",
  "dagblad",   "krant",     "headlines",
};

static const char *const name_particles[] = {
  "de", "da",  "das", "do",  "dos", "del", "della", "der", "den", "di",  "du",  "la",
  "le", "van", "von", "bin", "ibn", "al",  "el",    "y",   "zu",  "ten", "ter", "and",
};

/* Promotion cues: calls to action at the start of a sentence weigh 2,
 * nouns 1, a publisher's notes 3. */
static const char *const promo_sentence_starts[] = {
  "sign up",         "subscribe",       "interested in",   "attend ",        "register ",         "join us",
  "join our",        "follow us",       "download",        "click here",     "don't miss",        "don’t miss",
  "do not miss",     "want more",       "get our",         "get the latest", "book your",         "buy tickets",
  "get your ticket", "support our",     "become a member", "listen to our",  "like this article", "enjoyed this",
  "abonnieren sie",  "melden sie sich", "abonnez-vous",    "inscrivez-vous", "suscríbete",        "iscriviti",
};
static const char *const promo_nouns[] = {
  "newsletter", "inbox",   "podcast",      "webinar",    "expo",       "conference", "summit",     "tickets",
  "events",     "our app", "subscription", "subscriber", "membership", "free trial", "early bird",
};
static const char *const publisher_notes[] = {
  "automatically translated", "machine translated",      "machine-translated",     "affiliate link",
  "earn a commission",        "earn a small commission", "originally appeared",    "originally published",
  "first appeared on",        "sponsored content",       "paid partnership",       "automatisch übersetzt",
  "traduit automatiquement",  "we use cookies",          "this site uses cookies", "this website uses cookies",
  "use of cookies",           "our cookie policy",       "wir verwenden cookies",  "nous utilisons des cookies",
  "utilizamos cookies",
};

static GHashTable *
make_set (const char *const *words, gsize n)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < n; i++)
    g_hash_table_add (set, (gpointer)words[i]);
  return set;
}

static GHashTable *outlet_set, *ui_set, *section_set, *list_set, *end_set, *author_set, *social_set, *role_set,
    *not_name_set, *particle_set;
static GRegex *share_split, *menu_split, *role_split, *segment_split, *reserved_regex;
static GRegex *teaser_regex, *reading_time_regex, *comments_regex, *copyright_regex, *credit_regex, *year_regex;

static void
ensure_tables (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      ui_set = make_set (ui_labels, G_N_ELEMENTS (ui_labels));
      outlet_set = make_set (outlet_words, G_N_ELEMENTS (outlet_words));
      section_set = make_set (section_names, G_N_ELEMENTS (section_names));
      list_set = make_set (list_markers, G_N_ELEMENTS (list_markers));
      end_set = make_set (end_markers, G_N_ELEMENTS (end_markers));
      author_set = make_set (author_markers, G_N_ELEMENTS (author_markers));
      social_set = make_set (social_words, G_N_ELEMENTS (social_words));
      role_set = make_set (role_words, G_N_ELEMENTS (role_words));
      not_name_set = make_set (not_name_words, G_N_ELEMENTS (not_name_words));
      particle_set = make_set (name_particles, G_N_ELEMENTS (name_particles));
      teaser_regex = g_regex_new ("^(?:related|read more|read also|also read|see also|more|watch|listen|"
                                  "related article|related story|recommended|lesen sie auch|mehr dazu|"
                                  "lire aussi|à lire aussi|voir aussi|lee también|leggi anche|lees ook)\\s*:\\s*\\S",
                                  G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      reading_time_regex = g_regex_new ("^(?:(?:reading time|read time|lesezeit|lesedauer|temps de lecture|"
                                        "tiempo de lectura|leestijd)\\s*:?\\s*)?(?:about |ca\\.? )?\\d+\\s*[-‑]?\\s*"
                                        "(?:min|mins|minutes?|minuten|minutos|minuti)\\.?"
                                        "(?:\\s+(?:read|reading|lesezeit|de lecture|lectura))?$",
                                        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      comments_regex =
          g_regex_new ("comments?\\s*\\(\\d+\\)|^\\d+\\s+(?:comments?|kommentare?|commentaires?|"
                       "comentarios?|reacties|replies|responses)$|^(?:comments?|kommentare)\\s*:?\\s*\\d+$",
                       G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      copyright_regex = g_regex_new ("^[\\s*_>|-]{0,3}(?:copyright\\s*)?(?:©|\\(c\\)|&copy;)?\\s*(?:copyright\\s*)?"
                                     "(?:(?:19|20)\\d{2}(?:\\s*[-–—/]\\s*(?:19|20)?\\d{2,4})?)?\\s*,?\\s*"
                                     "(?:by\\s+)?(.*)$",
                                     G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      credit_regex = g_regex_new ("^\\(?(?:photo|photos|photograph|image|images|picture|pictures|illustration|"
                                  "video|graphic|credit|source|foto|fotos|bild|bilder|grafik|crédit|crédits|"
                                  "imagen)s?(?:\\s+credit)?\\s*:|^(?:additional )?(?:reporting|editing|writing|"
                                  "compiled|research|graphics) by\\b",
                                  G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      year_regex = g_regex_new ("(?<!\\d)(?:19|20)\\d{2}(?!\\d)", G_REGEX_OPTIMIZE, 0, NULL);
      share_split = g_regex_new ("[\\s|/·•,]+", G_REGEX_OPTIMIZE, 0, NULL);
      menu_split = g_regex_new ("\\s*[|·•]\\s*", G_REGEX_OPTIMIZE, 0, NULL);
      role_split = g_regex_new ("[\\s,&/]+", G_REGEX_OPTIMIZE, 0, NULL);
      segment_split = g_regex_new ("\\s+[|·•—–]\\s+|\\s+-\\s+|\\s*\\|\\s*", G_REGEX_OPTIMIZE, 0, NULL);
      reserved_regex = g_regex_new ("(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|"
                                    "todos los derechos reservados|alle rechten voorbehouden|"
                                    "tutti i diritti riservati)\\.?",
                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
}

static gboolean
is_edge_punct (gunichar c)
{
  return g_unichar_isspace (c) || c == ':' || c == '|' || c == '>' || c == 0x00BB || c == 0x203A || c == 0x00B7 ||
         c == 0x2022 || c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2026 || c == '.' || c == '*' || c == '#' ||
         c == '[' || c == ']' || c == '<' || c == 0x00AB || c == 0x2039 || c == 0x25B8 || c == 0x25BA || c == 0x2192;
}

char *
px_boilerplate_normalize (const char *line)
{
  g_autofree char *folded = g_utf8_casefold (line, -1);
  GString *out = g_string_new (NULL);
  const char *start = folded, *end = folded + strlen (folded);
  gboolean space = FALSE;

  while (*start && is_edge_punct (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!is_edge_punct (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c == 0x2019 ? '\'' : c);
    }
  return g_string_free (out, FALSE);
}

guint
px_boilerplate_count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean w = g_unichar_isalnum (c) || c == '\'' || c == 0x2019 || c == '-';
      if (w && !in_word)
        n++;
      in_word = w;
    }
  return n;
}

static gunichar
last_char (const char *text)
{
  const char *end = text + strlen (text);

  while (end > text)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);
      if (!g_unichar_isspace (c))
        return c;
      end = prev;
    }
  return 0;
}

static gboolean
is_terminal_punct (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';' || c == '"' || c == 0x201D ||
         c == 0x2019 || c == 0x00BB || c == ')' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

/* A sentence ends in a full stop, question or exclamation mark, colon or
 * semicolon, possibly inside a closing quote; a headline that ends with a
 * quote ('Minister: "We will not back down"') or a bracket does not. */
static gboolean
ends_like_sentence (const char *text)
{
  const char *end = text + strlen (text);
  gunichar c = 0;

  while (end > text)
    {
      end = g_utf8_prev_char (end);
      c = g_utf8_get_char (end);
      if (!g_unichar_isspace (c))
        break;
    }
  if ((c == '"' || c == 0x201D || c == 0x2019 || c == 0x00BB || c == '\'') && end > text)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar p = g_utf8_get_char (prev);
      if (p == ' ' && c == 0x00BB && prev > text) /* French: « … . » */
        p = g_utf8_get_char (g_utf8_prev_char (prev));
      return p == '.' || p == '!' || p == '?' || p == 0x2026 || p == ',';
    }
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';' || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F;
}

gboolean
px_boilerplate_is_prose (const char *text)
{
  guint words = px_boilerplate_count_words (text);

  /* Long headlines run to 15 words or so and end without a full stop. */
  if (words >= 20)
    return TRUE;
  return words >= 4 && ends_like_sentence (text);
}

static gboolean
has_letter_or_digit (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* "Share: Facebook Twitter Email": mostly names of social networks. */
static gboolean
is_share_bar (const char *norm)
{
  g_auto (GStrv) words = g_regex_split (share_split, norm, 0);
  guint other = 0, named = 0;

  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (g_hash_table_contains (social_set, words[i]))
        {
          if (strcmp (words[i], "this") != 0 && strcmp (words[i], "article") != 0 && strcmp (words[i], "on") != 0)
            named++;
        }
      else
        other++;
    }
  return named >= 2 && other == 0;
}

/* "About Us| Sales & sponsorship| Meet the team| Legal": three or more
 * short pieces between bars. */
static gboolean
is_menu_bar (const char *line)
{
  g_auto (GStrv) parts = g_regex_split (menu_split, line, 0);
  guint n = 0;

  for (guint i = 0; parts[i]; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (px_boilerplate_count_words (parts[i]) > 4 || is_terminal_punct (last_char (parts[i])))
        return FALSE;
      n++;
    }
  return n >= 3;
}

static gboolean
starts_with_any (const char *norm, const char *const *list, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_has_prefix (norm, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_copyright (const char *line, const char *norm)
{
  static const char *const reserved[] = { "all rights reserved",       "alle rechte vorbehalten",
                                          "tous droits réservés",      "todos los derechos reservados",
                                          "alle rechten voorbehouden", "tutti i diritti riservati" };
  gboolean has_sign = g_str_has_prefix (norm, "copyright") || g_str_has_prefix (norm, "©") ||
                      g_str_has_prefix (norm, "(c)") || g_str_has_prefix (norm, "&copy;");

  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    if (strstr (norm, reserved[i]) != NULL)
      return TRUE;
  /* A sign at the start and a year: "© 2019 Outlet". */
  return has_sign && g_regex_match (year_regex, line, 0, NULL);
}

PxLineClass
px_boilerplate_classify (const char *line)
{
  g_autofree char *norm = NULL;
  guint words;

  g_return_val_if_fail (line != NULL, PX_LINE_TEXT);
  ensure_tables ();

  if (!has_letter_or_digit (line))
    return PX_LINE_PUNCT_ONLY;
  norm = px_boilerplate_normalize (line);
  words = px_boilerplate_count_words (norm);

  if (words <= 40 && is_copyright (line, norm))
    return PX_LINE_COPYRIGHT;
  /* "Reporting by …; Editing by …" runs long but is still a credit. */
  if (words <= 25 && !is_terminal_punct (last_char (line)) && g_regex_match (credit_regex, norm, 0, NULL))
    return PX_LINE_CREDIT;
  if (words > 12)
    return PX_LINE_TEXT;

  if (g_hash_table_contains (author_set, norm))
    return PX_LINE_AUTHOR_MARKER;
  if (g_regex_match (teaser_regex, norm, 0, NULL))
    return PX_LINE_TEASER;
  if (g_hash_table_contains (end_set, norm))
    return PX_LINE_END_MARKER;
  if (g_hash_table_contains (list_set, norm))
    return PX_LINE_LIST_MARKER;
  if (g_hash_table_contains (ui_set, norm))
    return PX_LINE_UI;
  if (g_hash_table_contains (section_set, norm))
    return PX_LINE_SECTION;
  if (g_regex_match (reading_time_regex, norm, 0, NULL))
    return PX_LINE_READING_TIME;
  if (words <= 8 && g_regex_match (comments_regex, norm, 0, NULL))
    return PX_LINE_COMMENTS;
  if (is_share_bar (norm))
    return PX_LINE_SHARE_BAR;
  if (is_menu_bar (line))
    return PX_LINE_MENU_BAR;
  if (g_regex_match (credit_regex, norm, 0, NULL) || g_str_has_prefix (norm, "©") || strstr (norm, " © ") != NULL)
    return PX_LINE_CREDIT;
  if (words <= 8 && !is_terminal_punct (last_char (line)) &&
      starts_with_any (norm, cta_starts, G_N_ELEMENTS (cta_starts)))
    return PX_LINE_CALL_TO_ACTION;
  return PX_LINE_TEXT;
}

static const char *const company_suffixes[] = { " ltd", " limited", " inc", " llc",  " gmbh", " plc",
                                                " s.a", " sa",      " ag",  " corp", " co" };

char *
px_boilerplate_copyright_holder (const char *line)
{
  g_autofree char *cleaned = NULL; /* before info, which points into it */
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *norm = NULL;
  g_autoptr (GString) holder = NULL;
  static GRegex *cut;
  static gsize once = 0;

  g_return_val_if_fail (line != NULL, NULL);
  ensure_tables ();
  norm = px_boilerplate_normalize (line);
  if (!is_copyright (line, norm))
    return NULL;
  if (g_once_init_enter (&once))
    {
      cut = g_regex_new ("\\.\\s|,|\\s[|·•]|\\s[-–—]\\s|\\.$|\\s+all rights|\\s+alle rechte|\\s+tous droits|"
                         "\\s+todos los|\\s+(?:19|20)\\d{2}\\b",
                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  /* "Tous droits réservés – Outlet": the phrase may come first. */
  {
    const char *p;
    cleaned = g_regex_replace_literal (reserved_regex, line, -1, 0, "", 0, NULL);
    p = cleaned;
    while (*p && (g_unichar_isspace (g_utf8_get_char (p)) || strchr (".,|-", *p) != NULL ||
                  g_utf8_get_char (p) == 0x2013 || g_utf8_get_char (p) == 0x2014))
      p = g_utf8_next_char (p);
    if (!g_regex_match (copyright_regex, p, 0, &info))
      return NULL;
  }
  rest = g_match_info_fetch (info, 1);
  {
    g_autoptr (GMatchInfo) c = NULL;
    if (g_regex_match (cut, rest, 0, &c))
      {
        int s;
        g_match_info_fetch_pos (c, 0, &s, NULL);
        rest[s] = '\0';
      }
  }
  holder = g_string_new (g_strstrip (rest));
  for (guint i = 0; i < G_N_ELEMENTS (company_suffixes); i++)
    {
      g_autofree char *low = g_ascii_strdown (holder->str, -1);
      if (g_str_has_suffix (low, company_suffixes[i]))
        {
          g_string_truncate (holder, holder->len - strlen (company_suffixes[i]));
          break;
        }
    }
  g_strstrip (holder->str);
  holder->len = strlen (holder->str);
  if (holder->len == 0 || px_boilerplate_count_words (holder->str) > 6)
    return NULL;
  if (!g_unichar_isupper (g_utf8_get_char (holder->str)) && !g_unichar_isdigit (g_utf8_get_char (holder->str)))
    return NULL;
  {
    g_autofree char *low = g_utf8_casefold (holder->str, -1);
    if (g_str_has_prefix (low, "all rights") || g_str_has_prefix (low, "copyright"))
      return NULL;
  }
  return g_string_free (g_steal_pointer (&holder), FALSE);
}

static gboolean
is_initial (const char *token)
{
  /* "J.", "J.R." */
  const char *p = token;
  gboolean any = FALSE;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isupper (c))
        return FALSE;
      p = g_utf8_next_char (p);
      if (*p != '.')
        return FALSE;
      p++;
      any = TRUE;
    }
  return any;
}

static gboolean
is_name_token (const char *token)
{
  gunichar first = g_utf8_get_char (token);
  gboolean lower_seen = FALSE;

  if (is_initial (token))
    return TRUE;
  if (!g_unichar_isupper (first))
    return FALSE;
  for (const char *p = g_utf8_next_char (token); *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        lower_seen = TRUE;
      else if (!(g_unichar_isupper (c) || c == '-' || c == '\'' || c == 0x2019 || c == '.'))
        return FALSE;
    }
  /* "McDonald", "O'Brien", "Jean-Luc", "DOE" in an all-capitals line, or
   * the "Ó" of "Seán Ó Briain" */
  return lower_seen || g_utf8_strlen (token, -1) >= 1;
}

gboolean
px_boilerplate_is_name (const char *text, gboolean allow_single)
{
  g_auto (GStrv) tokens = NULL;
  guint n = 0, capitalised = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  ensure_tables ();
  if (strlen (text) > 80)
    return FALSE;
  tokens = g_strsplit_set (text, " \t", -1);
  for (guint i = 0; tokens[i]; i++)
    {
      g_autofree char *folded = NULL;

      if (*tokens[i] == '\0')
        continue;
      n++;
      folded = g_utf8_casefold (tokens[i], -1);
      if (g_hash_table_contains (particle_set, folded) && g_unichar_islower (g_utf8_get_char (tokens[i])) && n > 1)
        continue;
      if (g_hash_table_contains (not_name_set, folded) || g_hash_table_contains (role_set, folded) ||
          g_hash_table_contains (section_set, folded) || g_hash_table_contains (ui_set, folded))
        return FALSE;
      if (!is_name_token (tokens[i]))
        return FALSE;
      capitalised++;
    }
  if (n > 5 || capitalised == 0)
    return FALSE;
  return capitalised >= 2 || (allow_single && n == 1);
}

gboolean
px_boilerplate_is_outlet_name (const char *text)
{
  g_auto (GStrv) tokens = NULL;
  g_autofree char *last = NULL;
  gboolean the = FALSE;
  guint n = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  ensure_tables ();
  if (strlen (text) > 80 || is_terminal_punct (last_char (text)))
    return FALSE;
  tokens = g_strsplit (text, " ", -1);
  for (guint i = 0; tokens[i]; i++)
    {
      gunichar first;

      if (*tokens[i] == '\0')
        continue;
      first = g_utf8_get_char (tokens[i]);
      /* "By Staff, Syndicated Wire" is a byline, whatever it ends with. */
      if (n == 0 && strcmp (tokens[i], "By") == 0)
        return FALSE;
      if (n == 0 && (strcmp (tokens[i], "The") == 0 || strcmp (tokens[i], "Die") == 0 ||
                     strcmp (tokens[i], "Le") == 0 || strcmp (tokens[i], "La") == 0 || strcmp (tokens[i], "El") == 0))
        the = TRUE;
      n++;
      if (!g_unichar_isupper (first) && !g_unichar_isdigit (first) && strcmp (tokens[i], "of") != 0 &&
          strcmp (tokens[i], "de") != 0)
        return FALSE;
      g_free (last);
      last = g_utf8_casefold (tokens[i], -1);
    }
  /* "Ardmore Evening Star", "The Fenwick Courier"; a longer run of
   * capitalised words is more likely a headline in title case. */
  return last != NULL && g_hash_table_contains (outlet_set, last) && n >= 2 && n <= (the ? 6u : 4u);
}

gboolean
px_boilerplate_is_role (const char *line)
{
  g_autofree char *norm = NULL;
  g_auto (GStrv) words = NULL;
  gboolean role = FALSE;
  guint n = 0;

  ensure_tables ();
  norm = px_boilerplate_normalize (line);
  words = g_regex_split (role_split, norm, 0);
  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      n++;
      if (g_hash_table_contains (role_set, words[i]))
        role = TRUE;
    }
  return role && n <= 5 && !is_terminal_punct (last_char (line));
}

/* "JANE DOE" → "Jane Doe"; names with any lower case are left alone. */
static char *
fix_capitals (const char *name)
{
  GString *out;
  gboolean start = TRUE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return g_strdup (name);
  out = g_string_new (NULL);
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, start ? c : g_unichar_tolower (c));
      start = !g_unichar_isalpha (c) && c != '\'' && c != 0x2019;
    }
  return g_string_free (out, FALSE);
}

static const char *const byline_prefixes[] = {
  "by ",      "posted by ", "written by ", "words by ", "story by ", "text by ",  "reporting by ", "von ",
  "par ",     "por ",       "door ",       "di ",       "text: ",    "text von ", "autor: ",       "autorin: ",
  "author: ", "authors: ",  "by: ",        "auteur : ", "auteur: ",  "texte : ",
};

/* Splits "Jane Doe and John Roe" / "Jane Doe, John Roe" into names, each
 * checked; a trailing role or outlet after a comma ends the list. */
static char *
parse_names (const char *text, gboolean need_two_words)
{
  static GRegex *split;
  static gsize once = 0;
  g_auto (GStrv) parts = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = 0;

  if (g_once_init_enter (&once))
    {
      split = g_regex_new ("\\s*(?:,|\\band\\b|&|\\bund\\b|\\bet\\b|\\by\\b|\\ben\\b|\\be\\b)\\s*", G_REGEX_OPTIMIZE, 0,
                           NULL);
      g_once_init_leave (&once, 1);
    }
  parts = g_regex_split (split, text, 0);
  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (px_boilerplate_is_name (parts[i], !need_two_words && n == 0))
        {
          g_autofree char *fixed = fix_capitals (parts[i]);
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append (out, fixed);
          n++;
          continue;
        }
      /* "Jane Doe, Staff Writer": the names came, then something else. */
      if (n > 0)
        break;
      return NULL;
    }
  return n > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

char *
px_boilerplate_parse_byline (const char *line, char **date)
{
  g_autofree char *folded = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *found_date = NULL;
  g_auto (GStrv) segments = NULL;
  char *names = NULL;
  gboolean prefixed = FALSE;
  gsize skip = 0;

  g_return_val_if_fail (line != NULL, NULL);
  ensure_tables ();
  if (strlen (line) > 200 || px_boilerplate_count_words (line) > 20)
    return NULL;

  folded = g_utf8_casefold (line, -1);
  for (guint i = 0; i < G_N_ELEMENTS (byline_prefixes); i++)
    if (g_str_has_prefix (folded, byline_prefixes[i]))
      {
        /* casefolding keeps these ASCII prefixes' byte lengths */
        skip = strlen (byline_prefixes[i]);
        prefixed = TRUE;
        break;
      }
  rest = g_strdup (line + skip);

  /* Segments: "Jane Doe | 4 June 2019 | 3 min read" */
  segments = g_regex_split (segment_split, rest, 0);
  for (guint i = 0; segments[i]; i++)
    {
      gsize ds, de;
      g_autofree char *d = NULL;

      g_strstrip (segments[i]);
      if (*segments[i] == '\0')
        continue;
      d = px_date_find (segments[i], &ds, &de);
      if (d != NULL)
        {
          if (found_date == NULL)
            found_date = g_strdup (d);
          /* "Jane Doe, June 4, 2019" / "Jane Doe on June 4, 2019" */
          if (names == NULL && ds > 0)
            {
              g_autofree char *head = g_strndup (segments[i], ds);
              g_autoptr (GRegex) tail = g_regex_new ("[\\s,]*(?:\\b(?:on|am|le|el|op|il|published|updated))?[\\s,]*$",
                                                     G_REGEX_CASELESS, 0, NULL);
              g_autofree char *trimmed = g_regex_replace_literal (tail, head, -1, 0, "", 0, NULL);
              names = parse_names (trimmed, !prefixed);
            }
          continue;
        }
      if (names == NULL && i == 0)
        {
          names = parse_names (segments[i], !prefixed);
          if (names == NULL)
            return NULL;
          /* Without "By", only "Name, Role" is a byline. */
          if (!prefixed)
            {
              const char *comma = strchr (segments[i], ',');
              if (comma == NULL || !px_boilerplate_is_role (comma + 1))
                {
                  g_clear_pointer (&names, g_free);
                  return NULL;
                }
            }
        }
    }
  if (names != NULL && date != NULL)
    *date = g_steal_pointer (&found_date);
  return names;
}

static gboolean
sentence_starts_with (const char *folded, const char *cue)
{
  const char *p = folded;
  gsize n = strlen (cue);

  while (p != NULL && *p)
    {
      while (*p == ' ' || *p == '"' || *p == '\'')
        p++;
      if (strncmp (p, cue, n) == 0)
        return TRUE;
      p = strpbrk (p, ".?!");
      if (p != NULL)
        p++;
    }
  return FALSE;
}

int
px_boilerplate_promo_score (const char *text)
{
  g_autofree char *folded = NULL;
  int score = 0, nouns = 0;

  g_return_val_if_fail (text != NULL, 0);
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (publisher_notes); i++)
    if (strstr (folded, publisher_notes[i]) != NULL)
      score += 3;
  for (guint i = 0; i < G_N_ELEMENTS (promo_sentence_starts); i++)
    if (sentence_starts_with (folded, promo_sentence_starts[i]))
      score += 2;
  for (guint i = 0; i < G_N_ELEMENTS (promo_nouns); i++)
    if (strstr (folded, promo_nouns[i]) != NULL)
      nouns++;
  return score + MIN (nouns, 3);
}
