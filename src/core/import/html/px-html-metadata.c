/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/html/px-html-metadata.h"

#include <string.h>

#include "import/html/px-html-classes.h"
#include "import/px-dateline-time.h"
#include "import/html/px-html-date.h"
#include "import/html/px-html-dom.h"
#include "import/html/px-html-jsonld.h"
#include "import/px-language.h"

void
px_html_metadata_free (PxHtmlMetadata *meta)
{
  if (meta == NULL)
    return;
  g_free (meta->title);
  g_free (meta->outlet);
  g_free (meta->author);
  g_free (meta->published);
  g_free (meta->url);
  g_free (meta->language);
  g_free (meta->h1);
  g_free (meta->updated);
  g_free (meta);
}

/* Everything found in one walk over the page, before any decision. */
typedef struct
{
  GHashTable *meta; /* lower-case name/property/itemprop → first content */
  PxJsonLd ld;
  char *title_tag;
  char *h1;         /* first <h1> */
  char *article_h1; /* first <h1> inside <article> or <main> */
  char *canonical;
  char *saved_from; /* "<!-- saved from url=(0042)https://… -->" */
  char *lang;
  char *byline;          /* an element marked as the author's name */
  char *byline_marked;   /* the first one marked up for it (itemprop, rel) */
  char *time_pub;        /* <time> marked as the publication date */
  char *time_first;      /* the first <time datetime> */
  gboolean times_differ; /* the <time> elements name more than one day */
  char *meta_line;       /* "Jane Doe · 4 June 2019" in a class="…meta…" element */
  char *date_box;        /* the text of the first short element named as a publication date */
  char *byline_date;     /* a date inside the byline element ("Jane Doe | 4 June 2019") */
  char *update_date;     /* a date in an element named as the last update */
} Found;

static void
found_clear (Found *f)
{
  g_clear_pointer (&f->meta, g_hash_table_unref);
  px_jsonld_clear (&f->ld);
  g_free (f->title_tag);
  g_free (f->h1);
  g_free (f->article_h1);
  g_free (f->canonical);
  g_free (f->saved_from);
  g_free (f->lang);
  g_free (f->byline);
  g_free (f->byline_marked);
  g_free (f->time_pub);
  g_free (f->time_first);
  g_free (f->meta_line);
  g_free (f->date_box);
  g_free (f->byline_date);
  g_free (f->update_date);
}

static void
remember_meta (Found *f, xmlNode *node)
{
  static const char *const keys[] = { "property", "name", "itemprop", "http-equiv" };
  g_autofree char *content = px_html_attr (node, "content");

  if (content == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *key = px_html_attr (node, keys[i]);
      g_autofree char *clean = NULL;
      char *lower;

      if (key == NULL)
        continue;
      clean = px_html_clean_space (content);
      if (clean == NULL)
        continue;
      lower = g_ascii_strdown (key, -1);
      if (!g_hash_table_contains (f->meta, lower))
        g_hash_table_insert (f->meta, lower, g_steal_pointer (&clean));
      else
        g_free (lower);
    }
}

static gboolean
inside_article (xmlNode *node)
{
  for (int i = 0; i < 40 && node != NULL && node->type == XML_ELEMENT_NODE; i++, node = node->parent)
    if (px_html_is (node, "article") || px_html_is (node, "main"))
      return TRUE;
  return FALSE;
}

/* A date inside a link, or in a list item that links elsewhere, is a
 * teaser's: the date of another article. */
static gboolean
inside_teaser (xmlNode *node)
{
  for (int i = 0; i < 40 && node != NULL && node->type == XML_ELEMENT_NODE; i++, node = node->parent)
    {
      if (px_html_is (node, "a"))
        return TRUE;
      if (px_html_is (node, "li"))
        {
          for (xmlNode *d = node->children; d != NULL; d = px_html_next (d, node, FALSE))
            if (d->type == XML_ELEMENT_NODE && px_html_is (d, "a"))
              return TRUE;
          return FALSE;
        }
    }
  return FALSE;
}

/* A site's footer or sidebar names its editors, not the author. */
static gboolean
inside_boilerplate (xmlNode *node)
{
  for (int i = 0; i < 40 && node != NULL && node->type == XML_ELEMENT_NODE; i++, node = node->parent)
    if (px_html_is (node, "nav") || px_html_is (node, "footer") || px_html_is (node, "aside"))
      return TRUE;
  return FALSE;
}

/* Readers' comments name their own authors, marked up as such. */
static gboolean
inside_comments (xmlNode *node)
{
  for (int i = 0; i < 40 && node != NULL && node->type == XML_ELEMENT_NODE; i++, node = node->parent)
    {
      g_autofree char *cls = px_html_attr (node, "class");
      g_autofree char *id = px_html_attr (node, "id");

      if ((cls != NULL && strstr (cls, "comment") != NULL) || (id != NULL && strstr (id, "comment") != NULL))
        return TRUE;
    }
  return FALSE;
}

/* How surely an element holds the author's name: 2 when marked up for it
 * (itemprop="author", rel="author"), 1 when only its class says so
 * ("byline", "author-name"), 0 otherwise. */
static int
marks_author (xmlNode *node)
{
  g_autofree char *itemprop = px_html_attr (node, "itemprop");
  g_autofree char *rel = px_html_attr (node, "rel");
  g_autofree char *cls = px_html_attr (node, "class");
  g_autofree char *lower = NULL;

  /* A class on the whole page ("flag-moreAuthorSuggestions-on" on
   * <html>) says nothing about a byline. */
  if (px_html_is (node, "html") || px_html_is (node, "body") || px_html_is (node, "main"))
    return 0;
  if (itemprop != NULL && strstr (itemprop, "author") != NULL)
    return 2;
  if (rel != NULL && strcmp (rel, "author") == 0)
    return 2;
  if (cls == NULL)
    return 0;
  lower = g_ascii_strdown (cls, -1);
  /* "byline", "author-name", "article__author"; not "author-bio". */
  return (strstr (lower, "byline") != NULL || strstr (lower, "author") != NULL) && strstr (lower, "bio") == NULL &&
                 strstr (lower, "avatar") == NULL && strstr (lower, "img") == NULL && strstr (lower, "photo") == NULL
             ? 1
             : 0;
}

/* The text of the first element under @node marked up as the author
 * ("<div class=byline>Tech desk · <a rel=author>Jane Doe</a></div>"). */
static char *
marked_author_inside (xmlNode *node)
{
  for (xmlNode *n = node->children; n != NULL; n = px_html_next (n, node, FALSE))
    if (n->type == XML_ELEMENT_NODE && marks_author (n) == 2)
      {
        char *text = px_html_text (n, 400);
        if (text != NULL && strlen (text) <= 200)
          return text;
        g_free (text);
      }
  return NULL;
}

/* The line under a headline with the author and the date, whatever
 * the site calls it: "meta", "entry-meta", "article-info", "dateline". */
static gboolean
marks_meta_line (xmlNode *node)
{
  g_autofree char *cls = px_html_attr (node, "class");
  g_autofree char *lower = NULL;

  if (cls == NULL)
    return FALSE;
  lower = g_ascii_strdown (cls, -1);
  return strstr (lower, "meta") != NULL || strstr (lower, "dateline") != NULL || strstr (lower, "article-info") != NULL;
}

/* "Updated 4 June", "Zuletzt aktualisiert", "mis à jour": a date that is
 * not the publication's. */
static gboolean
names_update (const char *text)
{
  static const char *const words[] = { "updat",      "modifi",   "aktualisiert", "geändert",
                                       "mis à jour", "actualiz", "aggiornat",    NULL };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; words[i]; i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* An element whose class or id names it the publication date:
 * "date", "pubdate", "published", "post-date", "datum"; not "updated",
 * "modified" or "comment-date". */
enum
{
  DATE_NONE,
  DATE_PUBLISHED,
  DATE_UPDATED,
};

/* One word made of a date word and another: "publishingdate", "newsdatum",
 * "datestamp", "moddate"; not the English words that merely end in
 * "date" ("validate", "candidate"). */
static gboolean
compound_date_word (const char *word)
{
  static const char *const not_dates[] = { "update",      "validate",  "candidate", "mandate",    "accommodate",
                                           "consolidate", "liquidate", "sedate",    "invalidate", NULL };
  gsize len = strlen (word);

  if (len <= 5 || g_strv_contains (not_dates, word))
    return FALSE;
  return g_str_has_suffix (word, "date") || g_str_has_suffix (word, "datum") || g_str_has_prefix (word, "datestamp") ||
         g_str_has_prefix (word, "datepub");
}

static int
marks_date (xmlNode *node)
{
  static const char *const yes[] = { "date", "pubdate", "published", "publish", "datum", "posted", NULL };
  static const char *const updated[] = { "updated", "update", "modified", "lastmod", NULL };
  static const char *const no[] = { "comment", "event", "birth", NULL };
  g_autofree char *cls = px_html_attr (node, "class");
  g_autofree char *id = px_html_attr (node, "id");
  g_autofree char *joined = NULL;
  g_autofree char *tokens = NULL;
  g_auto (GStrv) words = NULL;
  gboolean found = FALSE;

  if (cls == NULL && id == NULL)
    return DATE_NONE;
  joined = g_strjoin (" ", cls != NULL ? cls : "", id != NULL ? id : "", NULL);
  if (strlen (joined) > 300 || (g_strstr_len (joined, -1, "at") == NULL && g_strstr_len (joined, -1, "ub") == NULL &&
                                g_strstr_len (joined, -1, "ost") == NULL && g_strstr_len (joined, -1, "od") == NULL))
    return DATE_NONE;
  tokens = px_html_class_tokens (joined);
  words = g_strsplit (tokens, " ", -1);
  for (guint i = 0; words[i]; i++)
    {
      if (g_strv_contains (no, words[i]))
        return DATE_NONE;
      if (g_strv_contains (updated, words[i]))
        return DATE_UPDATED;
      if (g_strv_contains (yes, words[i]))
        found = TRUE;
      else if (compound_date_word (words[i]))
        {
          if (g_str_has_prefix (words[i], "upd") || g_str_has_prefix (words[i], "mod") ||
              g_str_has_prefix (words[i], "last") || g_str_has_prefix (words[i], "chang") ||
              g_str_has_prefix (words[i], "edit") || g_str_has_prefix (words[i], "revis"))
            return DATE_UPDATED;
          found = TRUE;
        }
    }
  return found ? DATE_PUBLISHED : DATE_NONE;
}

/* "Datum:", "Published", "Mise en ligne": a label whose date is written
 * in the element or text that follows it ("<dt>Datum</dt><dd>12.01.2017</dd>",
 * "<span>Date:</span> 4 June 2019"). Returns that date's text. */
static char *
labelled_date (xmlNode *node)
{
  static const char *const labels[] = { "date",
                                        "datum",
                                        "published",
                                        "published on",
                                        "posted",
                                        "posted on",
                                        "publiziert",
                                        "erschienen",
                                        "veröffentlicht",
                                        "veröffentlicht am",
                                        "erstellt",
                                        "erstellt am",
                                        "publié",
                                        "publié le",
                                        "mise en ligne",
                                        "publicado",
                                        "fecha",
                                        "pubblicato",
                                        "data",
                                        "gepubliceerd",
                                        "datum publicatie",
                                        NULL };
  xmlNode *only = node->children;
  g_autofree char *label = NULL;
  g_autofree char *lower = NULL;
  gsize len;

  if (only == NULL || only->next != NULL || only->type != XML_TEXT_NODE || only->content == NULL ||
      strlen ((const char *)only->content) > 40)
    return NULL;
  label = px_html_clean_space ((const char *)only->content);
  if (label == NULL)
    return NULL;
  len = strlen (label);
  while (len > 0 && (label[len - 1] == ':' || label[len - 1] == ' '))
    label[--len] = '\0';
  lower = g_utf8_strdown (label, -1);
  if (!g_strv_contains (labels, lower))
    return NULL;
  for (xmlNode *next = node->next; next != NULL; next = next->next)
    {
      g_autofree char *text = px_html_text (next, 120);
      g_autofree char *date = NULL;

      if (text == NULL || *text == '\0')
        continue;
      if (strlen (text) > 80)
        return NULL;
      date = px_html_date_from_text (text);
      return date != NULL ? g_steal_pointer (&text) : NULL;
    }
  return NULL;
}

static void
read_saved_from (Found *f, xmlNode *comment)
{
  const char *c = (const char *)comment->content;
  const char *p;

  if (c == NULL || f->saved_from != NULL)
    return;
  p = strstr (c, "saved from url=");
  if (p == NULL)
    return;
  p = strchr (p, ')');
  if (p == NULL)
    return;
  p++;
  if (g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://"))
    f->saved_from = g_strndup (p, strcspn (p, " \t\r\n"));
}

static void
walk (Found *f, htmlDocPtr doc)
{
  xmlNode *top = (xmlNode *)doc;
  guint ld_scripts = 0;

  for (xmlNode *n = doc->children; n != NULL;)
    {
      gboolean skip = FALSE;

      if (n->type == XML_COMMENT_NODE)
        read_saved_from (f, n);
      else if (n->type == XML_ELEMENT_NODE && n->name != NULL)
        {
          const char *name = (const char *)n->name;

          if (strcmp (name, "meta") == 0)
            remember_meta (f, n);
          else if (strcmp (name, "html") == 0 && f->lang == NULL)
            {
              f->lang = px_html_attr (n, "lang");
              if (f->lang == NULL)
                f->lang = px_html_attr (n, "xml:lang");
            }
          else if (strcmp (name, "title") == 0 && f->title_tag == NULL)
            f->title_tag = px_html_text (n, 1000);
          else if (strcmp (name, "link") == 0 && f->canonical == NULL)
            {
              g_autofree char *rel = px_html_attr (n, "rel");
              if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
                f->canonical = px_html_attr (n, "href");
            }
          else if (strcmp (name, "script") == 0)
            {
              g_autofree char *type = px_html_attr (n, "type");
              if (type != NULL && strstr (type, "ld+json") != NULL && ld_scripts++ < 16)
                {
                  xmlChar *json = xmlNodeGetContent (n);
                  if (json != NULL)
                    px_jsonld_read ((const char *)json, strlen ((const char *)json), &f->ld);
                  xmlFree (json);
                }
              skip = TRUE;
            }
          else if (strcmp (name, "style") == 0 || strcmp (name, "noscript") == 0 || strcmp (name, "svg") == 0)
            skip = TRUE;
          else if (strcmp (name, "h1") == 0)
            {
              if (f->h1 == NULL)
                f->h1 = px_html_text (n, 1000);
              if (f->article_h1 == NULL && inside_article (n))
                f->article_h1 = px_html_text (n, 1000);
            }
          else if (strcmp (name, "time") == 0)
            {
              g_autofree char *itemprop = px_html_attr (n, "itemprop");
              g_autofree char *dt = px_html_attr (n, "datetime");
              gboolean pub = xmlHasProp (n, (const xmlChar *)"pubdate") ||
                             (itemprop != NULL && strstr (itemprop, "datePublished") != NULL);
              if (dt == NULL)
                dt = px_html_text (n, 200);
              /* Readers' comments carry their own <time pubdate>; a
               * last-update <time> names another day by design. */
              if (inside_comments (n) || marks_date (n) == DATE_UPDATED)
                g_clear_pointer (&dt, g_free);
              if (pub && f->time_pub == NULL)
                f->time_pub = g_strdup (dt);
              if (f->time_first == NULL && dt != NULL)
                f->time_first = g_steal_pointer (&dt);
              else if (dt != NULL && !f->times_differ)
                {
                  g_autofree char *a = px_html_date_normalize (f->time_first);
                  g_autofree char *b = px_html_date_normalize (dt);
                  f->times_differ = a != NULL && b != NULL && strncmp (a, b, 10) != 0;
                }
            }
          else if (f->meta_line == NULL && marks_meta_line (n) && !inside_boilerplate (n))
            {
              g_autofree char *text = px_html_text (n, 200);
              g_autofree char *date = text != NULL && strlen (text) < 150 ? px_html_date_from_text (text) : NULL;
              if (date != NULL)
                f->meta_line = g_steal_pointer (&text);
            }
          if (f->time_pub == NULL && strcmp (name, "meta") != 0 && strcmp (name, "time") != 0)
            {
              /* <div itemprop="datePublished" datetime="…"> or content="…" */
              g_autofree char *itemprop = px_html_attr (n, "itemprop");
              if (itemprop != NULL && strstr (itemprop, "datePublished") != NULL)
                {
                  f->time_pub = px_html_attr (n, "datetime");
                  if (f->time_pub == NULL)
                    f->time_pub = px_html_attr (n, "content");
                  if (f->time_pub == NULL)
                    f->time_pub = px_html_text (n, 200);
                }
            }
          if (f->date_box == NULL && n->children != NULL && !inside_boilerplate (n) && !inside_teaser (n))
            {
              char *labelled = labelled_date (n);
              if (labelled != NULL && names_update (labelled))
                g_free (labelled);
              else if (labelled != NULL)
                f->date_box = labelled;
            }
          if ((f->date_box == NULL || f->update_date == NULL) && n->children != NULL)
            {
              int kind = marks_date (n);
              g_autofree char *text = kind != DATE_NONE ? px_html_text (n, 200) : NULL;
              g_autofree char *date = text != NULL && strlen (text) < 100 ? px_html_date_from_text (text) : NULL;

              if (date != NULL && (kind == DATE_UPDATED || names_update (text)))
                {
                  if (f->update_date == NULL)
                    f->update_date = g_steal_pointer (&date);
                }
              else if (date != NULL && f->date_box == NULL && !inside_boilerplate (n) && !inside_teaser (n))
                f->date_box = g_steal_pointer (&text);
            }
          if ((f->byline == NULL || f->byline_marked == NULL) && !inside_boilerplate (n))
            {
              /* The ancestors' classes are read only for an author mark. */
              int strength = marks_author (n);
              g_autofree char *text = strength > 0 && !inside_comments (n) ? px_html_text (n, 400) : NULL;

              if (text != NULL && strlen (text) > 200)
                g_clear_pointer (&text, g_free);
              if (text != NULL && f->byline_marked == NULL)
                f->byline_marked = strength == 2 ? g_strdup (text) : marked_author_inside (n);
              if (text != NULL && f->byline == NULL)
                {
                  /* The name itself may be a child: <span itemprop="name">. */
                  f->byline = g_steal_pointer (&text);
                  skip = TRUE;
                  /* "Jane Doe | 4 June 2019": the dates inside are not walked. */
                  if (!names_update (f->byline))
                    f->byline_date = px_html_date_from_text (f->byline);
                }
            }
        }
      n = px_html_next (n, top, skip);
    }
}

static const char *
meta_get (Found *f, const char *const *keys)
{
  for (guint i = 0; keys[i]; i++)
    {
      const char *v = g_hash_table_lookup (f->meta, keys[i]);
      if (v != NULL && *v)
        return v;
    }
  return NULL;
}

static char *
absolute_http_url (const char *href, const char *base)
{
  g_autofree char *abs = NULL;

  if (href == NULL || *href == '\0')
    return NULL;
  if (g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://"))
    abs = g_strdup (href);
  else if (base != NULL)
    abs = g_uri_resolve_relative (base, href, G_URI_FLAGS_NONE, NULL);
  if (abs == NULL || !(g_str_has_prefix (abs, "http://") || g_str_has_prefix (abs, "https://")))
    return NULL;
  return g_steal_pointer (&abs);
}

static char *
host_of (const char *url)
{
  g_autoptr (GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  return uri && g_uri_get_host (uri) ? g_strdup (g_uri_get_host (uri)) : NULL;
}

static void
decide_url (PxHtmlMetadata *m, Found *f, const char *page_url)
{
  static const char *const og_url[] = { "og:url", "twitter:url", NULL };
  const char *base = page_url != NULL ? page_url : f->saved_from;

  m->url = absolute_http_url (f->canonical, base);
  if (m->url == NULL)
    m->url = absolute_http_url (meta_get (f, og_url), base);
  if (m->url == NULL)
    m->url = absolute_http_url (f->ld.url, base);
  if (m->url == NULL)
    m->url = absolute_http_url (f->saved_from, NULL);
  if (m->url == NULL)
    m->url = absolute_http_url (page_url, NULL);
}

static void
decide_outlet (PxHtmlMetadata *m, Found *f, const char *host)
{
  static const char *const site[] = { "og:site_name", "application-name", "al:android:app_name", "cxenseparse:site",
                                      NULL };
  const char *name = meta_get (f, site);

  if (name == NULL)
    name = f->ld.publisher;
  if (name != NULL)
    m->outlet = px_html_clean_space (name);
  if (m->outlet == NULL && f->title_tag != NULL)
    {
      /* "Headline | Outlet" in <title>: the site's own spelling of its
       * name, when it matches the host or nothing else names the site. */
      g_autofree char *clean = px_html_clean_title (f->title_tag, NULL, host, FALSE);
      if (clean != NULL && strlen (clean) == strlen (f->title_tag) && host == NULL)
        {
          g_free (clean);
          clean = px_html_clean_title (f->title_tag, NULL, NULL, TRUE);
        }
      if (clean != NULL && strlen (clean) < strlen (f->title_tag) && g_str_has_prefix (f->title_tag, clean))
        {
          const char *tail = f->title_tag + strlen (clean);
          while (*tail && !g_unichar_isalnum (g_utf8_get_char (tail)))
            tail = g_utf8_next_char (tail);
          m->outlet = px_html_clean_space (tail);
        }
    }
  /* No name given: the host's name as the page spells it (its title,
   * the headline, a description), else one made from the host. */
  if (m->outlet == NULL)
    {
      const char *texts[] = { f->title_tag, meta_get (f, (const char *const[]){ "og:title", NULL }), f->h1,
                              meta_get (f, (const char *const[]){ "description", "og:description", NULL }) };
      for (guint i = 0; m->outlet == NULL && i < G_N_ELEMENTS (texts); i++)
        m->outlet = px_html_outlet_spelled_in (host, texts[i]);
    }
  if (m->outlet == NULL)
    m->outlet = px_html_outlet_from_host (host);
}

static void
decide_title (PxHtmlMetadata *m, Found *f, const char *host)
{
  static const char *const og[] = { "og:title", "twitter:title", "dc.title", NULL };
  const char *t = meta_get (f, og);
  gboolean aggressive = FALSE;
  const char *h1 = f->article_h1 != NULL ? f->article_h1 : f->h1;

  m->h1 = g_strdup (h1);
  if (t == NULL)
    t = f->ld.headline;
  if (t == NULL)
    t = h1;
  if (t == NULL)
    {
      t = f->title_tag;
      aggressive = TRUE;
      m->title_from_tag = TRUE;
    }
  if (t != NULL)
    m->title = px_html_clean_title (t, m->outlet, host, aggressive);
  /* A title still longer than the headline on the page usually carries
   * a site name we did not recognise: "Headline - Section - Site". */
  if (m->title != NULL && h1 != NULL && strlen (h1) > 10 && strlen (m->title) > strlen (h1) &&
      g_str_has_prefix (m->title, h1) && strchr (" |-–—:·", m->title[strlen (h1)]) != NULL)
    {
      g_free (m->title);
      m->title = px_html_clean_space (h1);
    }
}

static void
decide_author (PxHtmlMetadata *m, Found *f)
{
  static const char *const names[] = { "author",          "article:author",  "byl",
                                       "parsely-author",  "sailthru.author", "dc.creator",
                                       "dcterms.creator", "citation_author", NULL };

  if (f->ld.authors != NULL)
    m->author = px_html_clean_authors (f->ld.authors, m->outlet);
  for (guint i = 0; m->author == NULL && names[i]; i++)
    {
      const char *v = g_hash_table_lookup (f->meta, names[i]);
      if (v != NULL && !g_str_has_prefix (v, "http"))
        m->author = px_html_clean_authors (v, m->outlet);
    }
  if (m->author == NULL && f->byline_marked != NULL)
    m->author = px_html_clean_authors (f->byline_marked, m->outlet);
  if (m->author == NULL && f->byline != NULL)
    m->author = px_html_clean_authors (f->byline, m->outlet);
  if (m->author == NULL && f->meta_line != NULL)
    m->author = px_html_authors_before_date (f->meta_line, m->outlet);
}

/* @date read from @text, with the time of day and zone @text gives it
 * (px-dateline-time.h). */
static char *
with_time (const char *text, char *date)
{
  char *timed = date != NULL ? px_dateline_time_in (text, date) : NULL;

  if (timed == NULL)
    return date;
  g_free (date);
  return timed;
}

/* A date written for readers near the headline: in an element named as
 * the publication date, in the byline, or in the line under the headline;
 * with its time where the line gives one with a zone. */
static char *
visible_date (Found *f)
{
  if (f->date_box != NULL)
    {
      char *d = with_time (f->date_box, px_html_date_from_text (f->date_box));
      if (d != NULL)
        return d;
    }
  if (f->byline_date != NULL)
    return with_time (f->byline, g_strdup (f->byline_date));
  if (f->meta_line != NULL)
    return with_time (f->meta_line, px_html_date_from_text (f->meta_line));
  return NULL;
}

/* An instant written in UTC ("…T22:04:00Z") is a day off the date the
 * outlet printed whenever it was published near midnight in its own
 * zone. When the page prints a date one day from it, that printed date
 * is the outlet's own calendar day. */
static void
prefer_local_day (PxHtmlMetadata *m, const char *printed)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *midnight = NULL;
  GTimeSpan apart;

  if (m->published == NULL || printed == NULL || strlen (m->published) <= 10 ||
      !(g_str_has_suffix (m->published, "Z") || g_str_has_suffix (m->published, "+00:00")))
    return;
  midnight = g_strdup_printf ("%.10sT00:00:00Z", printed);
  local = g_date_time_new_from_iso8601 (midnight, NULL);
  utc = g_date_time_new_from_iso8601 (m->published, NULL);
  if (local == NULL || utc == NULL)
    return;
  apart = g_date_time_difference (utc, local);
  /* The printed day starts less than 14 hours after the instant or less
   * than 36 hours before it: a zone between UTC−12 and UTC+14. */
  if (strncmp (printed, m->published, 10) != 0 && apart > -14 * G_TIME_SPAN_HOUR && apart < 36 * G_TIME_SPAN_HOUR)
    {
      g_free (m->published);
      m->published = g_strndup (printed, 10);
    }
}

/* Days between two ISO dates (their calendar days), or G_MAXINT when
 * either cannot be read. */
static int
days_apart (const char *a, const char *b)
{
  g_autoptr (GDate) da = NULL;
  g_autoptr (GDate) db = NULL;

  if (a == NULL || b == NULL || strlen (a) < 10 || strlen (b) < 10)
    return G_MAXINT;
  da = g_date_new ();
  db = g_date_new ();
  g_date_set_dmy (da, atoi (a + 8), atoi (a + 5), atoi (a));
  g_date_set_dmy (db, atoi (b + 8), atoi (b + 5), atoi (b));
  if (!g_date_valid (da) || !g_date_valid (db))
    return G_MAXINT;
  return ABS (g_date_days_between (da, db));
}

/* Two dates of one event: the same day, or a day apart when one of
 * them is an instant converted across midnight into another zone. */
static gboolean
dates_agree (const char *a, const char *b)
{
  return days_apart (a, b) <= 1;
}

static void
withhold_date (PxHtmlMetadata *m)
{
  g_clear_pointer (&m->published, g_free);
  m->date_withheld = TRUE;
}

/* A machine-readable date without a time takes the time the page's own
 * dateline of that day gives (*@printed); otherwise the local day. */
static void
take_printed_time (PxHtmlMetadata *m, char **printed)
{
  if (strlen (m->published) == 10 && *printed != NULL && strlen (*printed) > 10 &&
      strncmp (*printed, m->published, 10) == 0)
    {
      g_free (m->published);
      m->published = g_steal_pointer (printed);
    }
  else
    prefer_local_day (m, *printed);
}

/* The publication date. Sources, from the most to the least specific:
 * names that only ever mean the first publication (Open Graph's
 * article:published_time, JSON-LD datePublished, pubdate, parsely,
 * sailthru, Dublin Core "issued", <time pubdate>); then the generic
 * "date" names that many systems fill with the last change, when the page
 * shows no other day; then the date printed near the headline; then the
 * page's <time> elements when they all name one day. When two
 * publication names disagree (and neither is the page's last change
 * under a publication name) and the printed date does not settle it,
 * or a generic "date" is not the day shown, the page was re-dated or
 * mixes in another article's date: no date is given rather than a
 * wrong one. */
static void
decide_date (PxHtmlMetadata *m, Found *f)
{
  static const char *const strong[] = { "article:published_time",
                                        "og:published_time",
                                        "og:article:published_time",
                                        "datepublished",
                                        "published_time",
                                        "pubdate",
                                        "publishdate",
                                        "publish-date",
                                        "publish_date",
                                        "publication_date",
                                        "dc.date.issued",
                                        "dcterms.issued",
                                        "sailthru.date",
                                        "parsely-pub-date",
                                        "article.published",
                                        "citation_publication_date",
                                        "og:pubdate",
                                        "uploaddate",
                                        NULL };
  static const char *const weak[] = { "date", "dc.date", "dcterms.date", "dcterms.created", NULL };
  static const char *const modified_names[] = { "article:modified_time", "og:updated_time", "datemodified",
                                                "dcterms.modified", NULL };
  g_autofree char *printed = visible_date (f);
  g_autofree char *tiebreak = NULL;
  g_autoptr (GPtrArray) claims = g_ptr_array_new_with_free_func (g_free);
  char *weak_date = NULL;
  g_autofree char *modified = NULL;

  for (guint i = 0; modified == NULL && modified_names[i]; i++)
    modified = px_html_date_normalize (g_hash_table_lookup (f->meta, modified_names[i]));

  for (guint i = 0; weak_date == NULL && weak[i]; i++)
    weak_date = px_html_date_normalize (g_hash_table_lookup (f->meta, weak[i]));
  tiebreak = g_strdup (printed != NULL ? printed : weak_date);

  /* Every publication name the page gives, JSON-LD first after Open Graph. */
  g_ptr_array_add (claims, px_html_date_normalize (g_hash_table_lookup (f->meta, "article:published_time")));
  g_ptr_array_add (claims, px_html_date_normalize (f->ld.published));
  for (guint i = 1; strong[i]; i++)
    g_ptr_array_add (claims, px_html_date_normalize (g_hash_table_lookup (f->meta, strong[i])));
  g_ptr_array_add (claims, px_html_date_normalize (f->time_pub));
  for (guint i = 0; i < claims->len; i++)
    {
      const char *c = g_ptr_array_index (claims, i);
      if (c == NULL)
        continue;
      if (m->published == NULL)
        m->published = g_strdup (c);
      else if (!dates_agree (m->published, c))
        {
          /* A later name is the last change under a publication name.
           * (The first one agreeing with the last change is usual: a
           * page changed on the day it came out.) */
          if (modified != NULL && dates_agree (modified, c) && !dates_agree (modified, m->published))
            continue;
          /* Two publication names disagree: the printed date (or the
           * generic one) settles it. */
          if (tiebreak != NULL && dates_agree (tiebreak, c) && !dates_agree (tiebreak, m->published))
            {
              g_free (m->published);
              m->published = g_strdup (c);
            }
          else if (tiebreak == NULL || !dates_agree (tiebreak, m->published))
            {
              g_free (weak_date);
              withhold_date (m);
              return;
            }
        }
    }

  if (m->published != NULL)
    {
      g_free (weak_date);
      take_printed_time (m, &printed);
      return;
    }
  /* A generic "date" that is not the day the page shows (printed, or
   * in its <time> elements) may be the last change, or the printed
   * date another article's: neither is taken. */
  if (weak_date != NULL)
    {
      g_autofree char *shown = printed != NULL   ? g_strdup (printed)
                               : f->times_differ ? NULL
                                                 : px_html_date_normalize (f->time_first);
      if (shown != NULL && !dates_agree (shown, weak_date))
        {
          g_free (weak_date);
          withhold_date (m);
          return;
        }
      m->published = weak_date;
      take_printed_time (m, &printed);
    }
  else if (printed != NULL)
    m->published = g_steal_pointer (&printed);
  else if (!f->times_differ)
    m->published = px_html_date_normalize (f->time_first);
}

/* A full date in the article's address (".../2023/11/08/slug") is the
 * day the outlet filed it under. A page date that falls on another day
 * is usually an instant converted to UTC across midnight, or an update
 * labelled as the publication: the address wins, and the time of day
 * (which belonged to the other date) is dropped. */
static void
decide_url_date (PxHtmlMetadata *m, const char *page_url)
{
  g_autofree char *from_url = px_html_date_from_url (m->url);

  if (from_url == NULL)
    from_url = px_html_date_from_url (page_url);
  if (from_url == NULL)
    return;
  if (m->published == NULL || strncmp (m->published, from_url, 10) != 0)
    {
      g_free (m->published);
      m->published = g_steal_pointer (&from_url);
    }
}

static void
decide_language (PxHtmlMetadata *m, Found *f)
{
  static const char *const names[] = { "content-language", "language", "og:locale", "dc.language", NULL };

  m->language = px_language_normalize_tag (f->lang);
  if (m->language == NULL)
    m->language = px_language_normalize_tag (f->ld.language);
  if (m->language == NULL)
    m->language = px_language_normalize_tag (meta_get (f, names));
}

PxHtmlMetadata *
px_html_metadata_read (htmlDocPtr doc, const char *page_url)
{
  PxHtmlMetadata *m = g_new0 (PxHtmlMetadata, 1);
  Found f = { 0 };
  g_autofree char *host = NULL;

  if (doc == NULL)
    return m;
  f.meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  walk (&f, doc);

  decide_url (m, &f, page_url);
  host = host_of (m->url);
  if (host == NULL)
    host = host_of (page_url);
  decide_outlet (m, &f, host);
  decide_title (m, &f, host);
  decide_author (m, &f);
  decide_date (m, &f);
  m->updated = g_steal_pointer (&f.update_date);
  decide_url_date (m, page_url);
  decide_language (m, &f);

  found_clear (&f);
  return m;
}

char *
px_html_authors_before_date (const char *line, const char *outlet)
{
  static const char *const seps[] = { " · ", " | ", " • ", " — ", " – ", NULL };

  for (guint i = 0; seps[i]; i++)
    {
      const char *at = strstr (line, seps[i]);
      g_autofree char *head = at != NULL ? g_strndup (line, at - line) : NULL;
      char *names = head != NULL ? px_html_clean_authors (head, outlet) : NULL;
      if (names != NULL)
        return names;
    }
  return NULL;
}

void
px_html_metadata_finish (PxHtmlMetadata *meta, const char *byline, const char *dateline, const char *headline)
{
  g_return_if_fail (meta != NULL);

  /* <title> is written for search engines and tabs ("Latest News",
   * "Site: Section"); the page's own headline is what readers cite. */
  if (headline != NULL && (meta->title == NULL || meta->title_from_tag))
    {
      g_free (meta->title);
      meta->title = g_strdup (headline);
      meta->title_from_tag = FALSE;
    }

  if (meta->author == NULL && byline != NULL)
    meta->author = px_html_clean_authors (byline, meta->outlet);
  if (meta->author == NULL && dateline != NULL)
    meta->author = px_html_authors_before_date (dateline, meta->outlet);
  if (meta->published == NULL && !meta->date_withheld && dateline != NULL && !names_update (dateline))
    {
      meta->published = with_time (dateline, px_html_date_from_text (dateline));
      if (meta->published != NULL && meta->updated != NULL && strncmp (meta->published, meta->updated, 10) == 0)
        g_clear_pointer (&meta->published, g_free);
    }
}
