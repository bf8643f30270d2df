/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "text/px-sentences.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "text/px-normalize.h"
#include "text/px-unichar.h"

/* Abbreviations after which a capitalised word never starts a sentence:
 * titles go with the name that follows. */
static const char *const title_abbrevs[] = {
  "mr",   "mrs",  "ms",  "messrs", "dr", "prof", "sen",    "rep",  "gov",  "gen",  "lt",  "col",
  "capt", "cmdr", "adm", "sgt",    "st", "rev",  "hon",    "pres", "supt", "insp", "det", "maj",
  "vs",   "v",    "e.g", "i.e",    "cf", "al",   "approx", "fig",  "mt",   "ft",   NULL,
};

/* Month abbreviations, which do not end a sentence before a day number. */
static const char *const month_abbrevs[] = {
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
  "oct", "nov", "dec", "no",  "nos", "p",   "pp",  "vol", NULL,
};

/* Abbreviations that may just as well end a sentence ("… in the U.S. The
 * company …" vs "U.S. President …"). */
static const char *const ambiguous_abbrevs[] = {
  "inc", "ltd", "co", "corp", "jr", "sr", "etc", "bros", "plc", "llc", "a.m", "p.m", NULL,
};

/* Capitalised words that usually start a sentence, used to decide after an
 * ambiguous abbreviation. */
static const char *const starters[] = {
  "the",  "a",         "an",      "he",        "she",   "it",    "they",  "we",     "i",   "but",  "and",
  "in",   "on",        "at",      "this",      "that",  "these", "those", "there",  "his", "her",  "their",
  "its",  "our",       "as",      "if",        "when",  "while", "after", "before", "for", "some", "many",
  "most", "officials", "however", "meanwhile", "still", "yet",   "so",    "not",    "no",  NULL,
};

/* Every entry of the lists is at most this long. */
#define LIST_WORD_MAX 9

/* Which first letters the entries of each length start with, per list:
 * most words before a full stop are in none of the lists, and two
 * lookups tell so without comparing strings. */
typedef struct
{
  const char *const *list;
  guint32 letters[LIST_WORD_MAX + 1]; /* bit c - 'a' by entry length */
} ListIndex;

static ListIndex list_index[] = {
  { title_abbrevs, { 0 } },
  { month_abbrevs, { 0 } },
  { ambiguous_abbrevs, { 0 } },
  { starters, { 0 } },
};

static const ListIndex *
index_of (const char *const *list)
{
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (guint k = 0; k < G_N_ELEMENTS (list_index); k++)
        for (guint i = 0; list_index[k].list[i] != NULL; i++)
          {
            const char *e = list_index[k].list[i];
            gsize len = strlen (e);
            g_assert (len <= LIST_WORD_MAX && e[0] >= 'a' && e[0] <= 'z');
            list_index[k].letters[len] |= 1u << (e[0] - 'a');
          }
      g_once_init_leave (&ready, 1);
    }
  for (guint k = 0; k < G_N_ELEMENTS (list_index); k++)
    if (list_index[k].list == list)
      return &list_index[k];
  g_return_val_if_reached (NULL);
}

static gboolean
in_list (const char *const *list, const char *word)
{
  const ListIndex *index = index_of (list);
  gsize len = strnlen (word, LIST_WORD_MAX + 1);

  /* Most words before a full stop are longer than any abbreviation, or
   * start with a letter no entry of their length starts with. */
  if (len > LIST_WORD_MAX || word[0] < 'a' || word[0] > 'z' || !(index->letters[len] & (1u << (word[0] - 'a'))))
    return FALSE;
  for (guint i = 0; list[i] != NULL; i++)
    if (list[i][0] == word[0] && strcmp (list[i], word) == 0)
      return TRUE;
  return FALSE;
}

/* @len bytes of @s lowercased as g_utf8_strdown() does, in @buf when that
 * is plain ASCII lowering (no "I", which Turkish locales lower to "ı"), else
 * newly allocated: free the result when it is not @buf. */
static char *
lower_word (const char *s, gsize len, char *buf, gsize size)
{
  if (len < size)
    {
      gsize i;
      for (i = 0; i < len; i++)
        {
          guchar b = (guchar)s[i];
          if (b >= 0x80 || b == 'I')
            break;
          buf[i] = g_ascii_tolower (b);
        }
      if (i == len)
        {
          buf[len] = '\0';
          return buf;
        }
    }
  return g_utf8_strdown (s, len);
}

#define WORD_BUF 32

/* The word ending right before @dot (letters and inner dots), lowercased
 * (see lower_word()). */
static char *
word_before (const char *text, const char *dot, char *buf)
{
  const char *p = dot;

  while (p > text)
    {
      guchar b = (guchar)p[-1];
      const char *prev;
      gunichar c;

      /* Plain ASCII needs no decoding. */
      if (b < 0x80)
        {
          if (!g_ascii_isalnum (b) && b != '.')
            break;
          p--;
          continue;
        }
      prev = g_utf8_find_prev_char (text, p);
      c = g_utf8_get_char (prev);
      if (!g_unichar_isalnum (c))
        break;
      p = prev;
    }
  return lower_word (p, dot - p, buf, WORD_BUF);
}

/* The word starting at @p, lowercased (see lower_word()). */
static char *
word_at (const char *p, char *buf)
{
  const char *q = p;

  while (*q && g_unichar_isalpha (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);
  return lower_word (p, q - p, buf, WORD_BUF);
}

static gboolean
is_initial (const char *word)
{
  /* A single letter: "J. K. Rowling", "Plan B." is the rare loser. */
  return g_utf8_strlen (word, -1) == 1 && g_unichar_isalpha (g_utf8_get_char (word));
}

/* Decides whether the terminal punctuation run ending just before @after
 * (whose first character is @term at @term_pos) ends the sentence, given
 * that @next is the first non-space character after it. */
static gboolean
is_boundary (const char *text, const char *term_pos, gunichar term, const char *next)
{
  gunichar n = g_utf8_get_char (next);

  if (g_unichar_islower (n))
    return FALSE;
  if (!(g_unichar_isupper (n) || g_unichar_isdigit (n) || g_unichar_istitle (n) || px_unichar_is_open_quote (n) ||
        n == '(' || n == '[' || px_unichar_is_dash (n) || g_unichar_isalpha (n)))
    return FALSE;

  if (term == '.' && term_pos > text && g_utf8_get_char (g_utf8_find_prev_char (text, term_pos)) != '.')
    {
      char buf[WORD_BUF], next_buf[WORD_BUF];
      char *word = word_before (text, term_pos, buf);
      char *next_word = NULL;
      int verdict = -1; /* undecided */

      if (*word == '\0')
        verdict = TRUE;
      else if (in_list (title_abbrevs, word) || is_initial (word))
        verdict = FALSE;
      else if (in_list (month_abbrevs, word) && g_unichar_isdigit (n))
        verdict = FALSE;
      else if (strchr (word, '.') != NULL || in_list (ambiguous_abbrevs, word))
        {
          next_word = word_at (next, next_buf);
          verdict = in_list (starters, next_word);
        }
      if (word != buf)
        g_free (word);
      if (next_word != next_buf)
        g_free (next_word);
      if (verdict >= 0)
        return verdict;
    }
  return TRUE;
}

/* The sentences while the text is read: the result array grown by
 * doubling and written directly, as a call per sentence to
 * g_array_append_val() showed in profiles. */
typedef struct
{
  GArray *array;
  PxSentence *v;
  guint len, cap;
} Sentences;

static void
push (Sentences *out, const char *text, const char *s, const char *e, guint cp_s, guint cp_e, guint block)
{
  PxSentence sent = { 0 };

  /* Trim trailing spaces; the caller already skipped leading ones. */
  while (e > s)
    {
      const char *prev;
      guchar b = (guchar)e[-1];
      if (b < 0x80)
        {
          /* The ASCII spaces of g_unichar_isspace(). */
          if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f')
            break;
          e--;
          cp_e--;
          continue;
        }
      prev = g_utf8_find_prev_char (s, e);
      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      e = prev;
      cp_e--;
    }
  if (e <= s)
    return;
  sent.start = cp_s;
  sent.end = cp_e;
  sent.byte_start = s - text;
  sent.byte_end = e - text;
  sent.block = block;
  if (out->len == out->cap)
    {
      out->cap = MAX (32, out->cap * 2);
      g_array_set_size (out->array, out->cap);
      out->v = (PxSentence *)out->array->data;
    }
  out->v[out->len++] = sent;
}

/* ASCII bytes other than NUL, newline and the sentence ends. */
static const guint8 plain[128] = {
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* TRUE if none of the eight bytes of @x is non-ASCII, a newline or a
 * sentence end (the classic test for a zero byte, on x XOR the byte). */
static inline gboolean
plain_chunk (guint64 x)
{
  const guint64 ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  guint64 found = x & highs;

#define HAS_BYTE(b) ((((x ^ (ones * (b))) - ones) & ~(x ^ (ones * (b))) & highs))
  found |= HAS_BYTE ('.') | HAS_BYTE ('!') | HAS_BYTE ('?') | HAS_BYTE ('\n');
#undef HAS_BYTE
  return found == 0;
}

/* The first byte from @q on (and before @end) that is not plain ASCII, a
 * newline or a sentence end: sixteen bytes at a time where SSE2 is there
 * (every x86-64), else eight. Returns @end when all are plain; the caller
 * looks at the rest byte by byte. */
static inline const char *
skip_plain (const char *q, const char *end)
{
#ifdef __SSE2__
  const __m128i dot = _mm_set1_epi8 ('.'), bang = _mm_set1_epi8 ('!'), ask = _mm_set1_epi8 ('?'),
                newline = _mm_set1_epi8 ('\n');

  while (end - q >= 16)
    {
      __m128i x = _mm_loadu_si128 ((const __m128i *)q);
      __m128i hit = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (x, dot), _mm_cmpeq_epi8 (x, bang)),
                                  _mm_or_si128 (_mm_cmpeq_epi8 (x, ask), _mm_cmpeq_epi8 (x, newline)));
      /* The high bit of a byte is set for non-ASCII bytes, as for hits. */
      int mask = _mm_movemask_epi8 (_mm_or_si128 (hit, x));
      if (mask != 0)
        return q + __builtin_ctz ((unsigned)mask);
      q += 16;
    }
#endif
  {
    guint64 chunk;
    while (end - q >= 8 && (memcpy (&chunk, q, 8), plain_chunk (chunk)))
      q += 8;
  }
  return q;
}

GArray *
px_split_sentences (const char *text)
{
  GArray *result;

  g_return_val_if_fail (text != NULL, NULL);

  result = g_array_new (FALSE, FALSE, sizeof (PxSentence));
  px_split_sentences_into (result, text);
  return result;
}

void
px_split_sentences_into (GArray *sentences, const char *text)
{
  Sentences found = { sentences, NULL, 0, 0 };
  Sentences *out = &found;
  const char *p, *end, *start = NULL;
  guint cp = 0, cp_start = 0, block = 0;
  gboolean in_newline_run = FALSE;

  g_return_if_fail (sentences != NULL && g_array_get_element_size (sentences) == sizeof (PxSentence));
  g_return_if_fail (text != NULL);

  end = text + strlen (text);
  p = text;
  while (*p)
    {
      gunichar c;

      if (start != NULL && (guchar)*p < 0x80 && plain[(guchar)*p])
        {
          /* Inside a sentence, a run of ASCII that can neither end it nor
           * break the line needs no look at all. */
          const char *q = skip_plain (p + 1, end);
          while ((guchar)*q < 0x80 && plain[(guchar)*q])
            q++;
          cp += q - p;
          p = q;
          in_newline_run = FALSE;
          continue;
        }

      c = px_get_char (p);
      if (c == '\n')
        {
          if (start != NULL)
            push (out, text, start, p, cp_start, cp, block);
          start = NULL;
          if (!in_newline_run && out->len > 0)
            block++;
          in_newline_run = TRUE;
          p = g_utf8_next_char (p);
          cp++;
          continue;
        }
      in_newline_run = FALSE;

      if (start == NULL)
        {
          if (!px_isspace (c))
            {
              start = p;
              cp_start = cp;
            }
          p = g_utf8_next_char (p);
          cp++;
          continue;
        }

      if (c == '.' || c == '!' || c == '?' || c == 0x2026)
        {
          const char *term_pos = p;
          const char *q = p;
          guint cq = cp;
          const char *next;

          /* The whole run: "?!", "...", then closing quotes and brackets. */
          while (*q)
            {
              gunichar d = px_get_char (q);
              if (d == '.' || d == '!' || d == '?' || d == 0x2026)
                ;
              else if (px_unichar_is_close_quote (d) || d == ')' || d == ']')
                ;
              else
                break;
              q = g_utf8_next_char (q);
              cq++;
            }
          if (*q == '\0' || *q == '\n')
            {
              push (out, text, start, q, cp_start, cq, block);
              start = NULL;
              p = q;
              cp = cq;
              continue;
            }
          if (!px_isspace (px_get_char (q)))
            {
              /* "3.5", "U.S.-China", "example.com": not an end. */
              p = g_utf8_next_char (p);
              cp++;
              continue;
            }
          next = q;
          while (*next && *next != '\n' && px_isspace (px_get_char (next)))
            next = g_utf8_next_char (next);
          if (*next == '\0' || *next == '\n' || is_boundary (text, term_pos, c, next))
            {
              push (out, text, start, q, cp_start, cq, block);
              start = NULL;
            }
          p = q;
          cp = cq;
          continue;
        }

      p = g_utf8_next_char (p);
      cp++;
    }
  if (start != NULL)
    push (out, text, start, p, cp_start, cp, block);
  g_array_set_size (sentences, found.len);
}
