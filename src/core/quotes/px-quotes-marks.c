/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quotation marks: where quotes are in a text and whether they are
 * speech (direct), words inside the writer's sentence (partial) or a
 * title. The attribution is px-quotes.c's. */
#include "quotes/px-quotes-marks.h"

#include <string.h>

#include "text/px-normalize.h"
#include "quotes/px-quotes.h"

static gboolean
closes (gunichar open, gunichar close)
{
  switch (open)
    {
    case '"':
      return close == '"' || close == 0x201D || close == 0x201C;
    case 0x201C: /* “ … ” ; some outlets close with a straight " */
      return close == 0x201D || close == '"';
    case 0x201E: /* „ … “ or „ … ” */
      return close == 0x201C || close == 0x201D;
    case 0x00AB:
      return close == 0x00BB;
    case 0x00BB: /* »Danish and German style« */
      return close == 0x00AB;
    case 0x2018:
      return close == 0x2019;
    case 0x201A:
      return close == 0x2018 || close == 0x2019;
    case 0x2039:
      return close == 0x203A;
    case 0x300C:
      return close == 0x300D;
    default:
      return FALSE;
    }
}

static gboolean
can_open (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201E || c == 0x00AB || c == 0x2018 || c == 0x201A || c == 0x2039 ||
         c == 0x300C;
}

/* Is @p the first character of its paragraph, spaces aside? */
static gboolean
opens_paragraph (const char *text, const char *p)
{
  while (p > text)
    {
      p = g_utf8_find_prev_char (text, p);
      if (*p == '\n')
        return TRUE;
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

void
px_quote_find_marks (const PxQuoteText *c, GArray *marks)
{
  const char *p = c->text;
  guint cp = 0, block = 0;

  while (*p)
    {
      gunichar ch = g_utf8_get_char (p);
      const char *prev = p > c->text ? g_utf8_find_prev_char (c->text, p) : NULL;
      gunichar before = prev != NULL ? g_utf8_get_char (prev) : ' ';

      if (ch == '\n')
        {
          /* Count blocks as the sentence splitter does: one per run. */
          if (before != '\n')
            block++;
          p++;
          cp++;
          continue;
        }
      /* An opening mark follows a space or a bracket, never a letter
       * (that would be an apostrophe or a closing mark). */
      if (can_open (ch) && !g_unichar_isalnum (before) && !(ch == 0x2018 && g_unichar_isalnum (before)))
        {
          const char *q = g_utf8_next_char (p);
          guint cq = cp + 1;
          gboolean found = FALSE;

          while (*q && *q != '\n')
            {
              gunichar d = g_utf8_get_char (q);
              const char *next = g_utf8_next_char (q);
              gunichar after = g_utf8_get_char (next);
              const char *qprev = g_utf8_find_prev_char (c->text, q);
              gunichar dbefore = g_utf8_get_char (qprev);

              /* A closing mark follows something other than a space and is
               * not an apostrophe inside a word ("Huawei’s"). */
              if (closes (ch, d) && !g_unichar_isspace (dbefore) && !g_unichar_isalpha (after))
                {
                  found = TRUE;
                  break;
                }
              q = next;
              cq++;
            }
          /* Single marks must close in the paragraph; double ones may run
           * on to the end of it (a quote continued in the next one) when
           * they open the paragraph, as such quotes do. A stray mark in
           * the middle of one opens nothing. */
          if (found || (ch != 0x2018 && ch != 0x201A && ch != 0x2039 && opens_paragraph (c->text, p)))
            {
              PxQuoteMark m = { 0 };
              const char *cs = g_utf8_next_char (p), *ce = q;
              guint ccs = cp + 1, cce = cq;

              while (cs < ce && g_unichar_isspace (g_utf8_get_char (cs)))
                cs = g_utf8_next_char (cs), ccs++;
              while (ce > cs && g_unichar_isspace (g_utf8_get_char (g_utf8_find_prev_char (cs, ce))))
                ce = g_utf8_find_prev_char (cs, ce), cce--;
              m.start = ccs;
              m.end = cce;
              m.byte_start = cs - c->text;
              m.byte_end = ce - c->text;
              m.mark_start = cp;
              m.mark_byte_start = p - c->text;
              m.mark_end = found ? cq + 1 : cq;
              m.mark_byte_end = found ? (guint)(g_utf8_next_char (q) - c->text) : (guint)(q - c->text);
              m.block = block;
              m.first_tok = px_quote_text_token_at (c, m.start);
              m.end_tok = px_quote_text_token_at (c, m.end);
              if (m.end_tok > m.first_tok)
                g_array_append_val (marks, m);
              p = found ? g_utf8_next_char (q) : q;
              cp = m.mark_end;
              continue;
            }
        }
      p = g_utf8_next_char (p);
      cp++;
    }
}

/* First token whose start is >= cp. */
guint
px_quote_text_token_at (const PxQuoteText *c, guint cp)
{
  guint lo = 0, hi = c->n_tok;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (c->tok[mid].start < cp)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Is the mark the start of its sentence (a quote as a sentence of its
 * own, rather than a few words in the writer's sentence)? */
static gboolean
starts_sentence (const PxQuoteText *c, const PxQuoteMark *m)
{
  const PxSentence *s;
  const char *p;
  guint si = px_text_units_find_sentence (c->units, m->mark_start);

  if (si == G_MAXUINT)
    return TRUE;
  s = px_text_units_get_sentence (c->units, si);
  if (s->start == m->mark_start)
    return TRUE;
  /* `X said: "…"` and `X said, "…"` introduce a full quote too. */
  p = c->text + m->mark_byte_start;
  while (p > c->text)
    {
      gunichar ch;
      p = g_utf8_find_prev_char (c->text, p);
      ch = g_utf8_get_char (p);
      /* Spaces, the no-break space of web pages included. */
      if (ch == ' ' || (ch != '\n' && g_unichar_isspace (ch)))
        continue;
      /* After the end of the writer's sentence too ("… on Monday. “We"),
       * where the sentence splitter kept the mark with it. */
      return ch == ':' || ch == ',' || ch == '\n' || ch == '.' || ch == '?' || ch == '!' || ch == ';' ||
             px_unichar_is_close_quote (ch);
    }
  return TRUE;
}

/* Is the mark right after a comma or colon? */
static gboolean
introduced (const PxQuoteText *c, const PxQuoteMark *m)
{
  const char *p = c->text + m->mark_byte_start;

  while (p > c->text)
    {
      gunichar ch;
      p = g_utf8_find_prev_char (c->text, p);
      ch = g_utf8_get_char (p);
      if (ch == '\n' || !g_unichar_isspace (ch))
        return ch == ',' || ch == ':';
    }
  return FALSE;
}

/* A direct quote is speech in its own right: it opens a sentence, or
 * follows `X said:`, `X said,` or a bare cue (`X said "We …"`), and
 * begins as a sentence does (not in lower case). Quoted words inside
 * the writer's sentence ("called it a “disgrace”") are partial. */
gboolean
px_quote_mark_opens_speech (const PxQuoteText *c, const PxQuoteMark *m)
{
  gunichar first = g_utf8_get_char (c->text + m->byte_start);

  /* `X said, “the …”`: lower case after a comma or colon opens speech
   * when it runs for a clause (five words or more), not a word or two. */
  if (g_unichar_islower (first))
    return starts_sentence (c, m) && m->end_tok - m->first_tok >= 5 && introduced (c, m);
  if (starts_sentence (c, m))
    return TRUE;
  return m->first_tok > 0 && px_is_cue_word (c->tok[m->first_tok - 1].norm) &&
         c->tok[m->first_tok - 1].sentence == c->tok[m->first_tok].sentence;
}

/* Titles of books, shows, films and laws are written in title case
 * ("Collapse: How Societies Choose to Fail"), speech is not: most
 * words longer than three letters capitalised, not opening the quote's
 * sentence-like run only. */
gboolean
px_quote_mark_is_title (const PxQuoteText *c, const PxQuoteMark *m, guint n_words)
{
  guint long_words = 0, capitalised = 0;

  if (n_words > 14)
    return FALSE;
  for (guint t = m->first_tok; t < m->end_tok; t++)
    {
      if (g_utf8_strlen (c->tok[t].norm, -1) <= 3 || (c->tok[t].flags & PX_TOKEN_NUMBER))
        continue;
      long_words++;
      capitalised += (c->tok[t].flags & (PX_TOKEN_CAPITALIZED | PX_TOKEN_ACRONYM)) != 0;
    }
  return long_words >= 2 && capitalised == long_words;
}

/* Is the sentence a headline in title case ("Mayor Fosse Slams Bus
 * Plan")? Four or more words longer than three letters, all
 * capitalised (all but one from seven on): its names run into its
 * verbs. */
gboolean
px_quote_text_is_headline (const PxQuoteText *c, const PxSentence *s)
{
  guint long_words = 0, capitalised = 0;

  for (guint t = s->first_token; t < s->first_token + s->n_tokens; t++)
    {
      if (g_utf8_strlen (c->tok[t].norm, -1) <= 3 || (c->tok[t].flags & PX_TOKEN_NUMBER))
        continue;
      long_words++;
      capitalised += (c->tok[t].flags & (PX_TOKEN_CAPITALIZED | PX_TOKEN_ACRONYM)) != 0;
    }
  return (long_words >= 4 && capitalised == long_words) || (long_words >= 7 && capitalised + 1 >= long_words);
}

/* Is the quote (marks @a to @b) all its paragraph holds, no words
 * outside the marks but punctuation? */
gboolean
px_quote_is_paragraph (const PxQuoteText *c, const PxQuoteMark *a, const PxQuoteMark *b)
{
  const char *p = c->text + a->mark_byte_start, *e = c->text + b->mark_byte_end;

  while (p > c->text && *(p - 1) != '\n')
    if (!g_ascii_isspace (*--p))
      return FALSE;
  if (a != b)
    return FALSE;
  for (; *e != '\0' && *e != '\n'; e = g_utf8_next_char (e))
    if (g_unichar_isalnum (g_utf8_get_char (e)))
      return FALSE;
  return TRUE;
}
