/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/html/px-html-classes.h"

#include <string.h>

#include "import/html/px-html-dom.h"

enum
{
  WORD_STRONG = 1 << 0,
  WORD_WEAK = 1 << 1,
};

/* Whole tokens, or two tokens in a row written with a space. */
static const char *const strong_words[] = {
  "comment",   "related",  "share",         "sharing",     "social",     "newsletter",  "subscribe",
  "promo",     "advert",   "advertisement", "advertising", "sponsor",    "sponsored",   "outbrain",
  "taboola",   "cookie",   "consent",       "gdpr",        "recommend",  "recommended", "recommendation",
  "byline",    "caption",  "disqus",        "popular",     "trending",   "breadcrumb",  "signup",
  "sign up",   "readmore", "read more",     "more from",   "most read",  "mostread",    "author bio",
  "authorbio", "toolbar",  "dateline",      "timestamp",   "print only", "discussion",  "reply",
  "replies",   "respond",  "forum",         "community",   NULL
};
static const char *const weak_words[] = { "sidebar", "footer", "masthead", "navbar",  "navigation", "menu",
                                          "widget",  "popup",  "modal",    "banner",  "pagination", "pager",
                                          "skip",    "tags",   "ad",       "ads",     "nav",        "bio",
                                          "meta",    "rail",   "aside",    "credit",  "header",     "hidden",
                                          "print",   "more",   "extra",    "tag",     "footnote",   "author",
                                          "date",    "cta",    "teaser",   "paywall", NULL };
/* Parts of names: these only protect, so a loose match costs little. */
static const char *const good_words[] = { "article", "content", "story", "entry", "post", "prose",
                                          "body",    "main",    "text",  "blog",  NULL };

#define MAX_TOKENS 32

typedef struct
{
  char buf[384];
  const char *tok[MAX_TOKENS];
  guint n;
} Tokens;

static GHashTable *
word_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; weak_words[i]; i++)
        g_hash_table_insert (t, (gpointer)weak_words[i], GUINT_TO_POINTER (WORD_WEAK));
      for (guint i = 0; strong_words[i]; i++)
        g_hash_table_insert (t, (gpointer)strong_words[i], GUINT_TO_POINTER (WORD_STRONG));
      g_once_init_leave (&table, t);
    }
  return table;
}

static void
tokenize (const char *name, Tokens *t)
{
  gsize w = 0;
  gboolean in = FALSE;
  char prev = 0;

  t->n = 0;
  for (const char *p = name; *p != '\0' && w + 2 < sizeof t->buf; p++)
    {
      char c = *p;
      gboolean alnum = g_ascii_isalnum (c);

      if (in && (!alnum || (g_ascii_isupper (c) && (g_ascii_islower (prev) || g_ascii_isdigit (prev)))))
        {
          t->buf[w++] = '\0';
          in = FALSE;
        }
      if (alnum)
        {
          if (!in)
            {
              if (t->n == MAX_TOKENS)
                break;
              t->tok[t->n++] = t->buf + w;
              in = TRUE;
            }
          t->buf[w++] = g_ascii_tolower (c);
        }
      prev = c;
    }
  t->buf[w] = '\0';
}

/* The flags of @word, or of @word without a plural "s". */
static guint
lookup (GHashTable *table, char *word)
{
  gsize n = strlen (word);
  guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (table, word));

  if (flags == 0 && n > 3 && word[n - 1] == 's')
    {
      word[n - 1] = '\0';
      flags = GPOINTER_TO_UINT (g_hash_table_lookup (table, word));
      word[n - 1] = 's';
    }
  return flags;
}

static void
scan_name (const char *name, PxClassHints *hints)
{
  GHashTable *table = word_table ();
  g_autofree char *lower = NULL;
  Tokens t;

  tokenize (name, &t);
  for (guint i = 0; i < t.n; i++)
    {
      char pair[2 * sizeof t.buf];
      guint flags = lookup (table, (char *)t.tok[i]);

      if (i + 1 < t.n)
        {
          g_snprintf (pair, sizeof pair, "%s %s", t.tok[i], t.tok[i + 1]);
          flags |= lookup (table, pair);
        }
      if (flags & WORD_STRONG)
        hints->strong = TRUE;
      if (flags & WORD_WEAK)
        hints->weak = TRUE;
    }
  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; good_words[i] && !hints->good; i++)
    if (strstr (lower, good_words[i]) != NULL)
      hints->good = TRUE;
}

static void
scan_list (const char *list, PxClassHints *hints)
{
  g_auto (GStrv) names = g_strsplit_set (list, " \t\n\r\f", -1);

  for (guint i = 0; names[i]; i++)
    if (*names[i])
      scan_name (names[i], hints);
}

PxClassHints
px_html_class_hints (xmlNode *node)
{
  PxClassHints hints = { FALSE, FALSE, FALSE };
  g_autofree char *cls = px_html_attr (node, "class");
  g_autofree char *id = px_html_attr (node, "id");
  g_autofree char *itemprop = px_html_attr (node, "itemprop");

  if (cls != NULL && strlen (cls) < 512)
    scan_list (cls, &hints);
  if (id != NULL && strlen (id) < 256)
    scan_list (id, &hints);
  if (itemprop != NULL && strstr (itemprop, "articleBody") != NULL)
    hints.good = TRUE;
  return hints;
}

char *
px_html_class_tokens (const char *name)
{
  GString *out = g_string_new (NULL);
  Tokens t;

  tokenize (name, &t);
  for (guint i = 0; i < t.n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, t.tok[i]);
    }
  return g_string_free (out, FALSE);
}
