/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/html/px-html-extract.h"

#include <string.h>

#include "import/html/px-html-classes.h"
#include "import/html/px-html-date.h"
#include "import/html/px-html-dom.h"
#include "import/html/px-html-metadata.h"

/* What a tag means to the extractor. */
enum
{
  TAG_SKIP = 1 << 0,    /* never text of an article: not even looked into */
  TAG_BLOCK = 1 << 1,   /* ends a run of text */
  TAG_PARA = 1 << 2,    /* a paragraph-like block: its parent is the container */
  TAG_HEADING = 1 << 3, /* h1–h6 */
  TAG_ITEM = 1 << 4,    /* li, dd, dt */
};

/* Per element, in node->_private as an index + 1 into Ctx.infos. */
typedef struct
{
  guint32 text; /* visible characters in the subtree */
  guint32 link; /* of which inside links */
  guint32 pre;  /* pre-order index of the element … */
  guint32 last; /* … and of its last descendant */
  float score;
  float final;
  gboolean candidate;
} NodeInfo;

typedef struct
{
  char *text;
  xmlNode *owner; /* the block element the text sits in */
  guint32 owner_pre;
  guint32 chars;
  guint32 link;
  PxBlockKind kind;
} Run;

/* The passes, strictest first: when one finds too little text the next
 * one is tried (see px_html_extract_fallback_name()). */
enum
{
  LEVEL_STRICT,   /* class and id words, roles and hidden elements drop boilerplate */
  LEVEL_RELAXED,  /* weak class words and landmark roles no longer drop anything */
  LEVEL_WRAPPERS, /* no class words or roles at all, and forms are looked into */
  LEVEL_DENSEST,  /* the block holding the most prose, instead of the best score */
  LEVEL_BODY,     /* all readable text of the page */
  N_LEVELS
};

/* Fewer bytes of text than this and the next level is tried. */
#define ENOUGH_TEXT 300

typedef struct
{
  guint level;
  GArray *infos;
  GPtrArray *runs;
  GPtrArray *candidates;
  guint32 total_text;
  /* The run being built. */
  GString *buf;
  xmlNode *owner;
  guint32 chars;
  guint32 link;
} Ctx;

static void
run_free (Run *run)
{
  g_free (run->text);
  g_free (run);
}

void
px_html_block_free (PxHtmlBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->text);
  g_free (block);
}

void
px_html_extract_free (PxHtmlExtract *extract)
{
  if (extract == NULL)
    return;
  g_clear_pointer (&extract->blocks, g_ptr_array_unref);
  g_free (extract->byline);
  g_free (extract->dateline);
  g_free (extract->headline);
  g_free (extract);
}

static GHashTable *
tag_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      static const struct
      {
        const char *name;
        guint flags;
      } tags[] = {
        /* Things that never hold article text. */
        { "script", TAG_SKIP },
        { "style", TAG_SKIP },
        { "noscript", TAG_SKIP },
        { "template", TAG_SKIP },
        { "iframe", TAG_SKIP | TAG_BLOCK },
        { "object", TAG_SKIP | TAG_BLOCK },
        { "embed", TAG_SKIP | TAG_BLOCK },
        { "applet", TAG_SKIP | TAG_BLOCK },
        { "svg", TAG_SKIP },
        { "math", TAG_SKIP },
        { "canvas", TAG_SKIP },
        { "video", TAG_SKIP | TAG_BLOCK },
        { "audio", TAG_SKIP | TAG_BLOCK },
        { "picture", TAG_SKIP },
        { "img", TAG_SKIP },
        { "map", TAG_SKIP },
        { "head", TAG_SKIP | TAG_BLOCK },
        { "title", TAG_SKIP | TAG_BLOCK },
        { "form", TAG_SKIP | TAG_BLOCK },
        { "button", TAG_SKIP },
        { "input", TAG_SKIP },
        { "select", TAG_SKIP },
        { "textarea", TAG_SKIP },
        { "nav", TAG_SKIP | TAG_BLOCK },
        { "aside", TAG_SKIP | TAG_BLOCK },
        { "footer", TAG_SKIP | TAG_BLOCK },
        { "figure", TAG_SKIP | TAG_BLOCK },
        { "figcaption", TAG_SKIP | TAG_BLOCK },
        { "dialog", TAG_SKIP | TAG_BLOCK },
        { "menu", TAG_SKIP | TAG_BLOCK },
        /* Blocks. */
        { "p", TAG_BLOCK | TAG_PARA },
        { "pre", TAG_BLOCK | TAG_PARA },
        { "h1", TAG_BLOCK | TAG_PARA | TAG_HEADING },
        { "h2", TAG_BLOCK | TAG_PARA | TAG_HEADING },
        { "h3", TAG_BLOCK | TAG_PARA | TAG_HEADING },
        { "h4", TAG_BLOCK | TAG_PARA | TAG_HEADING },
        { "h5", TAG_BLOCK | TAG_PARA | TAG_HEADING },
        { "h6", TAG_BLOCK | TAG_PARA | TAG_HEADING },
        { "li", TAG_BLOCK | TAG_PARA | TAG_ITEM },
        { "dd", TAG_BLOCK | TAG_PARA | TAG_ITEM },
        { "dt", TAG_BLOCK | TAG_PARA | TAG_ITEM },
        { "td", TAG_BLOCK | TAG_PARA },
        { "th", TAG_BLOCK | TAG_PARA },
        { "caption", TAG_SKIP | TAG_BLOCK },
        { "address", TAG_BLOCK | TAG_PARA },
        { "blockquote", TAG_BLOCK },
        { "div", TAG_BLOCK },
        { "section", TAG_BLOCK },
        { "article", TAG_BLOCK },
        { "main", TAG_BLOCK },
        { "header", TAG_BLOCK },
        { "body", TAG_BLOCK },
        { "html", TAG_BLOCK },
        { "center", TAG_BLOCK },
        { "details", TAG_BLOCK },
        { "summary", TAG_BLOCK | TAG_PARA },
        { "dl", TAG_BLOCK },
        { "ol", TAG_BLOCK },
        { "ul", TAG_BLOCK },
        { "dir", TAG_BLOCK },
        { "table", TAG_BLOCK },
        { "thead", TAG_BLOCK },
        { "tbody", TAG_BLOCK },
        { "tfoot", TAG_BLOCK },
        { "tr", TAG_BLOCK },
        { "hr", TAG_BLOCK },
        { "hgroup", TAG_BLOCK },
        { "fieldset", TAG_BLOCK },
        { "legend", TAG_BLOCK },
      };
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
        g_hash_table_insert (t, (gpointer)tags[i].name, GUINT_TO_POINTER (tags[i].flags));
      g_once_init_leave (&table, t);
    }
  return table;
}

static guint
tag_flags (xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (tag_table (), node->name));
}

static gboolean
has_element_child (xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return TRUE;
  return FALSE;
}

/* Whether @node holds paragraphs or divisions, which no <svg>,
 * <noscript> or <button> as a browser reads it would: libxml2's HTML 4
 * parser ignores their end tag while a <div> inside is open (or, for a
 * button, a <main> after it), and the rest of the page ends up inside. */
static gboolean
holds_html_blocks (xmlNode *node)
{
  for (xmlNode *n = node->children; n != NULL; n = px_html_next (n, node, FALSE))
    if (px_html_is (n, "p") || px_html_is (n, "div") || px_html_is (n, "article") || px_html_is (n, "section"))
      return TRUE;
  return FALSE;
}

/* Whether a subtree is not looked into at the current level. From
 * LEVEL_WRAPPERS on, a form is only a wrapper (ASP.NET pages put the
 * whole body in one), and so is a head, title, script or style that holds
 * elements: libxml2's HTML 4 parser, thrown by a document.write() in a
 * script, can nest the whole page inside the <title>; and so is an
 * <svg>, <noscript> or <button> that holds paragraphs or divisions. */
static gboolean
skips (Ctx *ctx, xmlNode *node)
{
  if (!(tag_flags (node) & TAG_SKIP))
    return FALSE;
  if (ctx->level < LEVEL_WRAPPERS)
    return TRUE;
  if (px_html_is (node, "form") || px_html_is (node, "head"))
    return FALSE;
  if (px_html_is (node, "title") || px_html_is (node, "script") || px_html_is (node, "style"))
    return !has_element_child (node);
  if (px_html_is (node, "noscript") || px_html_is (node, "svg") || px_html_is (node, "button"))
    return !holds_html_blocks (node);
  return TRUE;
}

static NodeInfo *
info_of (Ctx *ctx, xmlNode *node)
{
  guint idx;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  idx = GPOINTER_TO_UINT (node->_private);
  return idx == 0 ? NULL : &g_array_index (ctx->infos, NodeInfo, idx - 1);
}

/* For elements the first pass has seen, which is every element that
 * is not inside a skipped subtree. */
static NodeInfo *
info_must (Ctx *ctx, xmlNode *node)
{
  NodeInfo *info = info_of (ctx, node);
  g_assert (info != NULL);
  return info;
}

/* Characters that are not white space, counting code points. */
static guint32
visible_len (const xmlChar *s)
{
  guint32 n = 0;

  if (s == NULL)
    return 0;
  for (; *s; s++)
    if ((*s & 0xC0) != 0x80 && *s != ' ' && *s != '\n' && *s != '\t' && *s != '\r' && *s != '\f')
      n++;
  return n;
}

/* Attributes that hide an element from readers. */
static gboolean
is_hidden (xmlNode *node, gboolean trust_aria)
{
  g_autofree char *style = NULL;
  g_autofree char *aria = NULL;

  if (xmlHasProp (node, (const xmlChar *)"hidden"))
    return TRUE;
  aria = trust_aria ? px_html_attr (node, "aria-hidden") : NULL;
  if (aria != NULL && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  style = px_html_attr (node, "style");
  if (style != NULL)
    {
      g_autofree char *flat = g_ascii_strdown (style, -1);
      char *w = flat;
      for (char *r = flat; *r; r++)
        if (!g_ascii_isspace (*r))
          *w++ = *r;
      *w = '\0';
      if (strstr (flat, "display:none") || strstr (flat, "visibility:hidden"))
        return TRUE;
    }
  return FALSE;
}

/* Roles that mark page furniture. The landmarks after the first six
 * are trusted only by the strict pass: an accordion (tablist) may hold
 * the article, and libxml2's HTML 4 parser can nest a whole HTML5 article
 * inside the banner header that precedes it. */
static gboolean
bad_role (xmlNode *node, guint level)
{
  static const char *const roles[] = { "navigation", "search",        "dialog",      "alertdialog", "menu",
                                       "menubar",    "complementary", "contentinfo", "banner",      "toolbar",
                                       "tablist",    "button",        "form",        NULL };
  g_autofree char *role = NULL;

  if (level >= LEVEL_WRAPPERS)
    return FALSE;
  role = px_html_attr (node, "role");
  if (role == NULL)
    return FALSE;
  for (guint i = 0; roles[i] && (level == LEVEL_STRICT || i < 6); i++)
    if (g_ascii_strcasecmp (role, roles[i]) == 0)
      return TRUE;
  return FALSE;
}

static int
class_weight (xmlNode *node)
{
  PxClassHints h = px_html_class_hints (node);
  int w = 0;

  if (h.good)
    w += 25;
  if (h.strong || h.weak)
    w -= 25;
  return w;
}

/* Elements dropped by their class, id, role or attributes. A container
 * holding most of the page's text is never dropped by its name alone:
 * "comments-open" on an article's own wrapper is not a comment section. */
static gboolean
is_boilerplate (Ctx *ctx, xmlNode *node)
{
  PxClassHints h;
  NodeInfo *info;

  if (node->properties == NULL || px_html_is (node, "body") || px_html_is (node, "html"))
    return FALSE;
  if (is_hidden (node, ctx->level < LEVEL_WRAPPERS) || bad_role (node, ctx->level))
    return TRUE;
  if (ctx->level >= LEVEL_WRAPPERS)
    return FALSE;
  h = px_html_class_hints (node);
  if (ctx->level == LEVEL_RELAXED)
    h.weak = FALSE;
  if (!h.strong && !(h.weak && !h.good))
    return FALSE;
  info = info_of (ctx, node);
  if (info != NULL && ctx->total_text > 0 && info->text * 2 > ctx->total_text && info->link * 4 < info->text)
    return FALSE;
  return TRUE;
}

/* Pass 1: visible and linked text per element, and pre-order ranges. */
static void
count_pass (Ctx *ctx, xmlNode *root)
{
  xmlNode *n = root;
  guint32 order = 0;

  for (;;)
    {
      gboolean descend = FALSE;

      if (n->type == XML_ELEMENT_NODE)
        {
          NodeInfo ni = { 0 };
          ni.pre = order++;
          g_array_append_val (ctx->infos, ni);
          n->_private = GUINT_TO_POINTER (ctx->infos->len);
          descend = n->children != NULL && !skips (ctx, n);
        }
      else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          NodeInfo *parent = info_of (ctx, n->parent);
          if (parent != NULL)
            parent->text += visible_len (n->content);
        }

      if (descend)
        {
          n = n->children;
          continue;
        }
      for (;;)
        {
          NodeInfo *info = info_of (ctx, n);
          NodeInfo *parent;

          if (info != NULL)
            {
              info->last = order - 1;
              if (px_html_is (n, "a"))
                info->link = info->text;
              parent = n != root ? info_of (ctx, n->parent) : NULL;
              if (parent != NULL)
                {
                  parent->text += info->text;
                  parent->link += info->link;
                }
            }
          if (n == root)
            return;
          if (n->next != NULL)
            {
              n = n->next;
              break;
            }
          n = n->parent;
        }
    }
}

static PxBlockKind
kind_of (xmlNode *owner)
{
  guint flags = tag_flags (owner);
  PxBlockKind kind = PX_BLOCK_PARAGRAPH;
  xmlNode *a = owner;

  if (flags & TAG_HEADING)
    kind = PX_BLOCK_HEADING;
  else if (flags & TAG_ITEM)
    kind = PX_BLOCK_LIST_ITEM;
  else if (px_html_is (owner, "p") && owner->parent != NULL && (tag_flags (owner->parent) & TAG_ITEM))
    kind = PX_BLOCK_LIST_ITEM;

  for (int i = 0; i < 8 && a != NULL && a->type == XML_ELEMENT_NODE; i++, a = a->parent)
    if (px_html_is (a, "blockquote"))
      return PX_BLOCK_QUOTE;
  return kind;
}

static void
flush (Ctx *ctx)
{
  if (ctx->chars > 0 && ctx->owner != NULL)
    {
      Run *run = g_new0 (Run, 1);
      NodeInfo *oi = info_of (ctx, ctx->owner);

      run->text = g_strdup (ctx->buf->str);
      run->owner = ctx->owner;
      run->owner_pre = oi ? oi->pre : 0;
      run->chars = ctx->chars;
      run->link = ctx->link;
      run->kind = kind_of (ctx->owner);
      g_ptr_array_add (ctx->runs, run);
    }
  g_string_truncate (ctx->buf, 0);
  ctx->owner = NULL;
  ctx->chars = 0;
  ctx->link = 0;
}

static void
add_text (Ctx *ctx, xmlNode *text)
{
  guint32 len = visible_len (text->content);
  gboolean in_link = FALSE;
  xmlNode *a = text->parent;
  xmlNode *owner = NULL;

  if (len == 0)
    {
      if (ctx->buf->len > 0)
        g_string_append_c (ctx->buf, ' ');
      return;
    }
  /* Inline chains are short; a hostile one is cut off after 32 levels. */
  for (int i = 0; i < 32 && a != NULL && a->type == XML_ELEMENT_NODE; i++, a = a->parent)
    {
      owner = a;
      if (px_html_is (a, "a"))
        in_link = TRUE;
      if (tag_flags (a) & TAG_BLOCK)
        break;
    }
  if (owner == NULL)
    return;
  if (ctx->owner == NULL)
    ctx->owner = owner;
  g_string_append (ctx->buf, (const char *)text->content);
  ctx->chars += len;
  if (in_link)
    ctx->link += len;
}

/* Pass 2: runs of text between block boundaries. */
static void
run_pass (Ctx *ctx, xmlNode *root)
{
  xmlNode *n = root;

  for (;;)
    {
      gboolean descend = FALSE;

      if (n->type == XML_ELEMENT_NODE)
        {
          guint flags = tag_flags (n);

          if (flags & TAG_BLOCK)
            flush (ctx);
          /* Pages without <p> put every line of the header (headline,
           * byline, date) and every paragraph between <br>s. */
          if (px_html_is (n, "br"))
            flush (ctx);
          else if (!skips (ctx, n) && !is_boilerplate (ctx, n))
            descend = n->children != NULL;
        }
      else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
        add_text (ctx, n);

      if (descend)
        {
          n = n->children;
          continue;
        }
      for (;;)
        {
          if (n->type == XML_ELEMENT_NODE && (tag_flags (n) & TAG_BLOCK))
            flush (ctx);
          if (n == root)
            {
              flush (ctx);
              return;
            }
          if (n->next != NULL)
            {
              n = n->next;
              break;
            }
          n = n->parent;
        }
    }
}

static double
initial_score (xmlNode *node)
{
  const char *name = (const char *)node->name;
  double s = class_weight (node);
  g_autofree char *role = px_html_attr (node, "role");

  if (strcmp (name, "div") == 0)
    s += 5;
  else if (strcmp (name, "article") == 0)
    s += 10;
  else if (strcmp (name, "main") == 0 || strcmp (name, "section") == 0)
    s += 3;
  else if (strcmp (name, "pre") == 0 || strcmp (name, "td") == 0 || strcmp (name, "blockquote") == 0)
    s += 3;
  else if (strcmp (name, "address") == 0 || strcmp (name, "ol") == 0 || strcmp (name, "ul") == 0 ||
           strcmp (name, "dl") == 0 || strcmp (name, "dd") == 0 || strcmp (name, "dt") == 0 || strcmp (name, "li") == 0)
    s -= 3;
  else if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
    s -= 5;
  else if (strcmp (name, "th") == 0)
    s -= 5;
  if (role != NULL && (strcmp (role, "main") == 0 || strcmp (role, "article") == 0))
    s += 15;
  return s;
}

static guint
count_commas (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == ',')
      n++;
    else if ((guchar)*p == 0xEF && (guchar)p[1] == 0xBC && (guchar)p[2] == 0x8C) /* ， */
      n++;
  return n;
}

static void
score_runs (Ctx *ctx)
{
  for (guint i = 0; i < ctx->runs->len; i++)
    {
      Run *run = g_ptr_array_index (ctx->runs, i);
      xmlNode *node;
      double content;

      if (run->chars < 25 || run->link * 2 > run->chars || run->kind == PX_BLOCK_HEADING)
        continue;
      content = 1 + count_commas (run->text) + MIN (run->chars / 100, 3);
      node = (tag_flags (run->owner) & TAG_PARA) ? run->owner->parent : run->owner;
      for (int level = 0; level < 5 && node != NULL && node->type == XML_ELEMENT_NODE; level++, node = node->parent)
        {
          NodeInfo *info = info_of (ctx, node);
          double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;

          if (info == NULL)
            break;
          if (!info->candidate)
            {
              info->candidate = TRUE;
              info->score = initial_score (node);
              g_ptr_array_add (ctx->candidates, node);
            }
          info->score += content / divider;
        }
    }
}

static gboolean
contains (NodeInfo *outer, guint32 pre)
{
  return pre >= outer->pre && pre <= outer->last;
}

static xmlNode *
pick_best (Ctx *ctx)
{
  xmlNode *top[5] = { NULL };
  double top_score[5] = { 0 };
  xmlNode *best;
  NodeInfo *bi;
  guint n_alt = 0;

  for (guint i = 0; i < ctx->candidates->len; i++)
    {
      xmlNode *node = g_ptr_array_index (ctx->candidates, i);
      NodeInfo *info = info_must (ctx, node);
      double ld = info->text > 0 ? (double)info->link / info->text : 0;

      info->final = info->score * (1 - ld);
      for (int k = 0; k < 5; k++)
        if (top[k] == NULL || info->final > top_score[k])
          {
            memmove (&top[k + 1], &top[k], (4 - k) * sizeof top[0]);
            memmove (&top_score[k + 1], &top_score[k], (4 - k) * sizeof top_score[0]);
            top[k] = node;
            top_score[k] = info->final;
            break;
          }
    }
  best = top[0];
  if (best == NULL)
    return NULL;
  bi = info_must (ctx, best);

  /* Articles split into several sibling containers ("part 1", an inline
   * box, "part 2") score as close rivals: take their common ancestor. */
  for (int k = 1; k < 5; k++)
    if (top[k] != NULL && top_score[k] >= 0.75 * bi->final)
      n_alt++;
  if (n_alt >= 2)
    {
      xmlNode *up = best->parent;
      for (int depth = 0; depth < 12 && up != NULL && up->type == XML_ELEMENT_NODE; depth++, up = up->parent)
        {
          NodeInfo *ui = info_of (ctx, up);
          guint inside = 0;

          if (ui == NULL || px_html_is (up, "body"))
            break;
          for (int k = 1; k < 5; k++)
            if (top[k] != NULL && top_score[k] >= 0.75 * bi->final && contains (ui, info_must (ctx, top[k])->pre))
              inside++;
          if (inside >= 2)
            return up;
        }
    }
  return best;
}

static gboolean
ends_sentence (const char *text)
{
  gsize len = strlen (text);
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;
  return len > 0 && strchr (".!?\"'", text[len - 1]) != NULL;
}

/* The best container and those of its siblings that look like article
 * text too (a lede paragraph before the body div, a second part). */
static GArray *
pick_containers (Ctx *ctx, xmlNode *best)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (NodeInfo *));
  NodeInfo *bi = info_must (ctx, best);
  xmlNode *parent = best->parent;
  double threshold = MAX (10, bi->final * 0.2);
  g_autofree char *best_class = NULL;

  if (parent == NULL || parent->type != XML_ELEMENT_NODE || px_html_is (best, "body"))
    {
      g_array_append_val (ranges, bi);
      return ranges;
    }
  /* A body split into sections ("part 1", a box, "part 2") often wraps
   * each part in a few layers of its own: climb through wrappers that
   * hold nothing but the best container, so its sibling parts are found
   * one level up. The score of the best container stays the measure… */
  xmlNode *found = best;
  gboolean twin = FALSE;

  for (int up = 0; up < 4 && parent != NULL && parent->type == XML_ELEMENT_NODE && !px_html_is (parent, "body"); up++)
    {
      NodeInfo *pi = info_of (ctx, parent);
      NodeInfo *ci = info_of (ctx, best);

      if (pi == NULL || ci == NULL || pi->text > ci->text + ci->text / 10 || parent->parent == NULL ||
          parent->parent->type != XML_ELEMENT_NODE)
        break;
      best = parent;
      parent = best->parent;
    }
  /* … only when a sibling is such a part: a wrapper of the same class. */
  best_class = px_html_attr (best, "class");
  for (xmlNode *c = parent->children; best != found && c != NULL && !twin && best_class != NULL && *best_class;
       c = c->next)
    if (c != best && c->type == XML_ELEMENT_NODE)
      {
        g_autofree char *cls = px_html_attr (c, "class");
        twin = g_strcmp0 (cls, best_class) == 0;
      }
  if (best != found && !twin)
    {
      best = found;
      parent = best->parent;
      g_free (best_class);
      best_class = px_html_attr (best, "class");
    }
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      NodeInfo *ci = info_of (ctx, c);
      gboolean keep = FALSE;

      if (ci == NULL)
        continue;
      if (c == best)
        keep = TRUE;
      else if (skips (ctx, c) || is_boilerplate (ctx, c))
        keep = FALSE;
      else if (ci->candidate)
        {
          g_autofree char *cls = px_html_attr (c, "class");
          gboolean same = best_class != NULL && *best_class && g_strcmp0 (cls, best_class) == 0;
          double bonus = same ? bi->final * 0.2 : 0;

          keep = ci->final + bonus >= threshold;
          /* Another part of a body split into wrapped parts: prose. */
          if (same && twin && ci->text >= 80 && ci->link * 4 < ci->text)
            keep = TRUE;
        }
      else if (px_html_is (c, "p"))
        {
          double ld = ci->text > 0 ? (double)ci->link / ci->text : 1;
          if (ci->text > 80 && ld < 0.25)
            keep = TRUE;
          else if (ci->text > 0 && ci->text <= 80 && ci->link == 0)
            {
              g_autofree char *t = px_html_text (c, 200);
              keep = t != NULL && ends_sentence (t);
            }
        }
      if (keep)
        g_array_append_val (ranges, ci);
    }
  return ranges;
}

static GRegex *
boilerplate_regex (void)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    {
      GRegex *r = g_regex_new (
          "^\\W*(advertisement|advertising|sponsored( content)?|share( this)?( article| story| page)?( on \\w+)?|"
          "read (more|next|also|the full story)\\b.*|related( articles| stories| coverage| content| links)?:?|"
          "more (on|from|about) .{0,60}|sign up\\b.*|subscribe\\b.*|follow us\\b.*|click here\\b.*|"
          "(photo|image|picture|video|graphic|illustration)( credit)?s?:.*|copyright\\b.*|©.*|all rights reserved.*|"
          "listen to (this|the) (article|story).*|\\d+ min(ute)?s? read|skip to (main )?content|back to top|"
          "print( this( article| story| page)?)?|e-?mail( this( article| story)?)?|tweet|share on \\w+|"
          "comments?( \\(\\d+\\))?|loading\\W*|continue reading\\b.*|see also:?|top stories|most read|"
          "you (may|might) also like.*|recommended( for you)?|trending( now)?|(previous|next) (article|story).*|"
          "this (article|story) (was|has been) (updated|corrected).{0,80}|"
          "(want|like) (more|this)\\b.{0,60}|(get|receive) our .{0,60}newsletter.*|open in app|"
          "reporting by .{0,100}|editing by .{0,100}|additional reporting by .{0,100}|"
          "join the (discussion|conversation)|(filed|posted) (under|in):? .{0,80}|comments are "
          "(closed|disabled).*)\\W*$",
          G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&re, r);
    }
  return re;
}

static GRegex *
byline_regex (void)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    {
      GRegex *r =
          g_regex_new ("^\\s*(by|von|par|por|di|door)\\s+\\p{Lu}", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&re, r);
    }
  return re;
}

static gboolean
same_text (const char *a, const char *b)
{
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  ca = px_html_clean_space (a);
  cb = px_html_clean_space (b);
  if (ca == NULL || cb == NULL)
    return FALSE;
  fa = g_utf8_casefold (ca, -1);
  fb = g_utf8_casefold (cb, -1);
  return strcmp (fa, fb) == 0;
}

/* A short line that is only a date ("Published 4 June 2019, 10:02"). */
static gboolean
is_date_line (const Run *run)
{
  g_autofree char *date = NULL;
  guint words = 0;
  gboolean in_word = FALSE;

  if (run->chars > 70)
    return FALSE;
  date = px_html_date_from_text (run->text);
  if (date == NULL)
    return FALSE;
  for (const char *p = run->text; *p; p++)
    {
      gboolean alpha = g_ascii_isalpha (*p) || ((guchar)*p >= 0x80);
      if (alpha && !in_word)
        words++;
      in_word = alpha;
    }
  return words <= 7;
}

/* A line that only names the authors we already know ("Jane Doe",
 * "Jane Doe and John Roe"): a byline without "By". */
static gboolean
names_authors (const Run *run, const char *author)
{
  g_autofree char *names = NULL;

  if (author == NULL || run->chars > 120)
    return FALSE;
  names = px_html_clean_authors (run->text, NULL);
  return names != NULL && strcmp (names, author) == 0;
}

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean alpha = g_ascii_isalnum (*p) || ((guchar)*p >= 0x80);
      if (alpha && !in_word)
        words++;
      in_word = alpha;
    }
  return words;
}

/* The article's headline as the page shows it: the heading that starts
 * the body (run @first), or the last heading among the few short runs
 * just before it. A heading of under four words is a section label
 * ("Latest News"), not a headline. */
static char *
find_headline (Ctx *ctx, guint first)
{
  for (guint back = 0; back < 8 && back <= first; back++)
    {
      Run *run = g_ptr_array_index (ctx->runs, first - back);
      guint words;

      if (run->kind != PX_BLOCK_HEADING)
        {
          if (back > 0 && run->chars > 200)
            return NULL;
          continue;
        }
      words = count_words (run->text);
      if (run->link * 2 > run->chars || words < 4 || words > 30)
        return NULL;
      return px_html_clean_space (run->text);
    }
  return NULL;
}

static PxHtmlExtract *
assemble (Ctx *ctx, GArray *ranges, const char *title, const char *author)
{
  PxHtmlExtract *out = g_new0 (PxHtmlExtract, 1);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();
  gboolean title_dropped = FALSE;
  guint head = 0;

  out->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)px_html_block_free);
  for (guint i = 0; i < ctx->runs->len; i++)
    {
      Run *run = g_ptr_array_index (ctx->runs, i);
      gboolean inside = ranges == NULL;

      for (guint k = 0; !inside && k < ranges->len; k++)
        inside = contains (g_array_index (ranges, NodeInfo *, k), run->owner_pre);
      if (!inside)
        continue;
      if (run->link * 2 > run->chars && run->chars < 600)
        continue;
      if (run->kind == PX_BLOCK_LIST_ITEM && run->link * 10 > run->chars * 3 && run->chars < 120)
        continue;
      if (run->chars < 140 && g_regex_match (boilerplate_regex (), run->text, 0, NULL))
        {
          if (head < 4 && out->dateline == NULL && is_date_line (run))
            out->dateline = px_html_clean_space (run->text);
          continue;
        }
      if (head < 4 && run->chars < 100 && run->kind != PX_BLOCK_HEADING &&
          g_regex_match (byline_regex (), run->text, 0, NULL))
        {
          if (out->byline == NULL)
            out->byline = px_html_clean_space (run->text);
          continue;
        }
      if (head < 4 && run->kind != PX_BLOCK_HEADING && names_authors (run, author))
        continue;
      if (head < 4 && is_date_line (run))
        {
          if (out->dateline == NULL)
            out->dateline = px_html_clean_space (run->text);
          continue;
        }
      if (!title_dropped && (run->kind == PX_BLOCK_HEADING || head < 4) && same_text (run->text, title))
        {
          title_dropped = TRUE;
          continue;
        }
      if (kept->len == 0 && !title_dropped)
        out->headline = find_headline (ctx, i);
      g_ptr_array_add (kept, run);
      head++;
    }

  /* A heading with nothing under it introduced something we dropped
   * ("Related stories", "Comments"). */
  for (guint i = 0; i < kept->len; i++)
    {
      Run *run = g_ptr_array_index (kept, i);
      Run *next = i + 1 < kept->len ? g_ptr_array_index (kept, i + 1) : NULL;
      PxHtmlBlock *block;

      if (run->kind == PX_BLOCK_HEADING && (next == NULL || next->kind == PX_BLOCK_HEADING))
        continue;
      block = g_new0 (PxHtmlBlock, 1);
      block->kind = run->kind;
      block->text = g_strdup (run->text);
      g_ptr_array_add (out->blocks, block);
    }
  return out;
}

static void
clear_private (Ctx *ctx, xmlNode *root)
{
  /* The tree is freed by the caller; leave no dangling indexes in it. */
  for (xmlNode *n = root; n != NULL; n = px_html_next (n, root, FALSE))
    n->_private = NULL;
}

/* LEVEL_DENSEST: the block that directly holds the most characters of
 * prose (runs that are not mostly links), whatever their length. */
static xmlNode *
pick_densest (Ctx *ctx)
{
  xmlNode *best = NULL;
  double best_score = 0;

  for (guint i = 0; i < ctx->runs->len; i++)
    {
      Run *run = g_ptr_array_index (ctx->runs, i);
      xmlNode *node = (tag_flags (run->owner) & TAG_PARA) ? run->owner->parent : run->owner;
      NodeInfo *info = info_of (ctx, node);

      if (info == NULL || run->link * 2 > run->chars)
        continue;
      if (!info->candidate)
        {
          info->candidate = TRUE;
          g_ptr_array_add (ctx->candidates, node);
        }
      info->score += run->chars - run->link;
      info->final = info->score;
      if (info->final > best_score)
        {
          best_score = info->final;
          best = node;
        }
    }
  return best;
}

static gsize
text_bytes (PxHtmlExtract *out)
{
  gsize n = 0;

  for (guint i = 0; i < out->blocks->len; i++)
    n += strlen (((PxHtmlBlock *)g_ptr_array_index (out->blocks, i))->text);
  return n;
}

static PxHtmlExtract *
extract_at (xmlNode *root, guint level, const char *title, const char *author)
{
  Ctx ctx = { 0 };
  xmlNode *best;
  g_autoptr (GArray) ranges = NULL;
  PxHtmlExtract *out;

  ctx.level = level;
  ctx.infos = g_array_new (FALSE, TRUE, sizeof (NodeInfo));
  ctx.runs = g_ptr_array_new_with_free_func ((GDestroyNotify)run_free);
  ctx.candidates = g_ptr_array_new ();
  ctx.buf = g_string_new (NULL);

  count_pass (&ctx, root);
  ctx.total_text = info_must (&ctx, root)->text;
  run_pass (&ctx, root);
  if (level == LEVEL_DENSEST)
    best = pick_densest (&ctx);
  else if (level < LEVEL_DENSEST)
    {
      score_runs (&ctx);
      best = pick_best (&ctx);
    }
  else
    best = NULL;
  if (best != NULL)
    ranges = pick_containers (&ctx, best);
  /* LEVEL_BODY takes every run (ranges NULL); the others need a container. */
  if (best != NULL || level == LEVEL_BODY)
    out = assemble (&ctx, ranges, title, author);
  else
    {
      out = g_new0 (PxHtmlExtract, 1);
      out->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)px_html_block_free);
    }

  clear_private (&ctx, root);
  g_array_unref (ctx.infos);
  g_ptr_array_unref (ctx.runs);
  g_ptr_array_unref (ctx.candidates);
  g_string_free (ctx.buf, TRUE);
  return out;
}

PxHtmlExtract *
px_html_extract (htmlDocPtr doc, const char *title, const char *author)
{
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  PxHtmlExtract *first = NULL;

  if (root == NULL)
    {
      PxHtmlExtract *out = g_new0 (PxHtmlExtract, 1);
      out->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)px_html_block_free);
      return out;
    }
  /* The first level that finds an article's worth of text wins; when none
   * does, the first that found any text at all. */
  for (guint level = LEVEL_STRICT; level < N_LEVELS; level++)
    {
      PxHtmlExtract *out = extract_at (root, level, title, author);

      out->level = level;
      if (text_bytes (out) >= ENOUGH_TEXT)
        {
          g_clear_pointer (&first, px_html_extract_free);
          return out;
        }
      if (first == NULL && out->blocks->len > 0)
        first = out;
      else
        px_html_extract_free (out);
    }
  if (first == NULL)
    {
      first = g_new0 (PxHtmlExtract, 1);
      first->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)px_html_block_free);
    }
  return first;
}

const char *
px_html_extract_fallback_name (guint level)
{
  static const char *const names[] = { NULL, "relaxed", "wrappers", "densest", "body" };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == N_LEVELS);
  return level < N_LEVELS ? names[level] : NULL;
}
