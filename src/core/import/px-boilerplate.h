/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What one line of a saved web page is, judged on its own. The article
 * extractor (px-text-extract.c) decides from the context what to do. */
typedef enum
{
  PX_LINE_TEXT,           /* nothing recognisable: article text, a heading, a name… */
  PX_LINE_PUNCT_ONLY,     /* no letter or digit: ", , , ," left from a list of links */
  PX_LINE_READING_TIME,   /* "2 min", "5 min read", "Lesezeit: 3 Minuten" */
  PX_LINE_UI,             /* a control's label: Home, Back, Share, Print, Advertisement */
  PX_LINE_SECTION,        /* a menu's section name: News, Sport, Videos (only in runs) */
  PX_LINE_SHARE_BAR,      /* "Share: Facebook Twitter Email" */
  PX_LINE_MENU_BAR,       /* "About Us | Contact | Legal" */
  PX_LINE_COMMENTS,       /* "Comments (3)", "12 comments" */
  PX_LINE_CREDIT,         /* "Photo: Jane Doe/Agency", "© Jane Doe" */
  PX_LINE_TEASER,         /* "Related: Other headline", "Read more: …" */
  PX_LINE_LIST_MARKER,    /* "Related", "Tags", "Most Popular": links may follow */
  PX_LINE_END_MARKER,     /* "You May Like", "More Like This": the article is over */
  PX_LINE_AUTHOR_MARKER,  /* "About the Author", "Author": a bio follows */
  PX_LINE_COPYRIGHT,      /* "Copyright ©2019 Outlet. All Rights Reserved" */
  PX_LINE_CALL_TO_ACTION, /* "Get Our Newsletter", "Follow Outlet", "Subscribe now" */
} PxLineClass;

PxLineClass px_boilerplate_classify (const char *line);

/* The holder named by a copyright line ("Copyright ©2019 Outlet Ltd. All
 * rights reserved" gives "Outlet"), or NULL. */
char *px_boilerplate_copyright_holder (const char *line);

/* TRUE if @text reads like a person's name: two to five capitalised words
 * (one when @allow_single), initials and particles such as "van" or "de"
 * allowed, no digits, no month or weekday. */
gboolean px_boilerplate_is_name (const char *text, gboolean allow_single);

/* Reads a byline: "By Jane Doe and John Roe", "Von Anna Schmidt",
 * "Par Marie Dupont | 4 juin 2019", "Jane Doe, Staff Writer". Returns the
 * authors joined by ", " (all-capitals names in title case) or NULL when
 * the line is not a byline; @date (may be NULL) receives a date found on
 * the line. */
char *px_boilerplate_parse_byline (const char *line, char **date);

/* TRUE if @text reads like the name of a newspaper, station or site:
 * "The Fenwick Courier", "Ardmore Evening Star", "Nordhafener Rundschau". */
gboolean px_boilerplate_is_outlet_name (const char *text);

/* TRUE for a job title alone on a line: "Staff Writer", "Head Editor". */
gboolean px_boilerplate_is_role (const char *line);

/* How strongly a paragraph reads as a promotion or a publisher's note
 * (newsletter, event, app, affiliate or translation notice); 3 or more is
 * a promotion. */
int px_boilerplate_promo_score (const char *text);

/* Words, counted as runs of letters or digits. */
guint px_boilerplate_count_words (const char *text);

/* TRUE for text that reads as prose rather than a label: long enough, or
 * ending like a sentence. */
gboolean px_boilerplate_is_prose (const char *text);

/* Lower case, spaces collapsed, surrounding punctuation and bullets
 * removed: the form the marker tables are written in. */
char *px_boilerplate_normalize (const char *line);

G_END_DECLS
