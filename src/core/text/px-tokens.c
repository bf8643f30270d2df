/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "text/px-tokens.h"

#include <string.h>

#include "text/px-hash.h"
#include "text/px-normalize.h"
#include "text/px-unichar.h"

/* ASCII fast paths: most characters of most articles are ASCII, and the
 * Unicode tables cost a function call and a lookup per character. */
/* ASCII fast paths: most characters of most articles are ASCII, and the
 * Unicode tables cost a function call and a lookup per character. Bytes
 * from 0x80 up have no class: they take the Unicode path. */
enum
{
  C_ALNUM = 1 << 0,
  C_ALPHA = 1 << 1,
  C_UPPER = 1 << 2,
  C_LOWER = 1 << 3,
  C_DIGIT = 1 << 4,
};

#define LOWER (C_ALNUM | C_ALPHA | C_LOWER)
#define UPPER (C_ALNUM | C_ALPHA | C_UPPER)
#define DIGIT (C_ALNUM | C_DIGIT)

static const guint8 byte_class[256] = {
  ['0'] = DIGIT, ['1'] = DIGIT, ['2'] = DIGIT, ['3'] = DIGIT, ['4'] = DIGIT, ['5'] = DIGIT, ['6'] = DIGIT,
  ['7'] = DIGIT, ['8'] = DIGIT, ['9'] = DIGIT, ['A'] = UPPER, ['B'] = UPPER, ['C'] = UPPER, ['D'] = UPPER,
  ['E'] = UPPER, ['F'] = UPPER, ['G'] = UPPER, ['H'] = UPPER, ['I'] = UPPER, ['J'] = UPPER, ['K'] = UPPER,
  ['L'] = UPPER, ['M'] = UPPER, ['N'] = UPPER, ['O'] = UPPER, ['P'] = UPPER, ['Q'] = UPPER, ['R'] = UPPER,
  ['S'] = UPPER, ['T'] = UPPER, ['U'] = UPPER, ['V'] = UPPER, ['W'] = UPPER, ['X'] = UPPER, ['Y'] = UPPER,
  ['Z'] = UPPER, ['a'] = LOWER, ['b'] = LOWER, ['c'] = LOWER, ['d'] = LOWER, ['e'] = LOWER, ['f'] = LOWER,
  ['g'] = LOWER, ['h'] = LOWER, ['i'] = LOWER, ['j'] = LOWER, ['k'] = LOWER, ['l'] = LOWER, ['m'] = LOWER,
  ['n'] = LOWER, ['o'] = LOWER, ['p'] = LOWER, ['q'] = LOWER, ['r'] = LOWER, ['s'] = LOWER, ['t'] = LOWER,
  ['u'] = LOWER, ['v'] = LOWER, ['w'] = LOWER, ['x'] = LOWER, ['y'] = LOWER, ['z'] = LOWER,
};

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return (byte_class[c] & C_ALNUM) != 0;
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

GArray *
px_tokenize (const char *text, PxStemmer *stemmer)
{
  GArray *out;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (stemmer != NULL, NULL);

  out = g_array_new (FALSE, FALSE, sizeof (PxToken));
  px_tokenize_into (out, text, stemmer);
  return out;
}

void
px_tokenize_into (GArray *out, const char *text, PxStemmer *stemmer)
{
  PxToken *toks;
  guint n = 0, cap;
  const char *p = text;
  guint cp = 0;

  g_return_if_fail (out != NULL && g_array_get_element_size (out) == sizeof (PxToken));
  g_return_if_fail (text != NULL);
  g_return_if_fail (stemmer != NULL);

  /* A word and a space take six bytes on average: one allocation for most
   * texts (none when @out has room already), without zeroing what every
   * token fills anyway. */
  cap = (guint)MIN (strlen (text) / 5 + 16, 1u << 16);
  g_array_set_size (out, cap);
  toks = (PxToken *)out->data;
  while (*p)
    {
      guchar b = (guchar)*p;
      gunichar c;
      const char *s, *q;
      guint cs, cq;
      gboolean has_digit, all_upper = TRUE, has_inner_dot = FALSE;
      guint n_letters = 0;
      guint32 hash = PX_WORD_HASH_INIT;
      PxToken *tok;
      const PxWord *word;
      guint flags = 0;

      if (b < 0x80)
        {
          if (!(byte_class[b] & C_ALNUM))
            {
              p++;
              cp++;
              continue;
            }
          c = b;
        }
      else
        {
          c = g_utf8_get_char (p);
          if (!is_word_char (c))
            {
              p = g_utf8_next_char (p);
              cp++;
              continue;
            }
        }

      s = p;
      cs = cp;
      q = p;
      cq = cp;
      has_digit = c < 0x80 ? (byte_class[c] & C_DIGIT) != 0 : g_unichar_isdigit (c);
      for (;;)
        {
          const char *run = q;
          guint classes = 0, cls;
          guchar db;
          gunichar d, e;
          const char *after;

          /* The common case first: a run of plain letters and digits. */
          while ((cls = byte_class[(guchar)*q]) & C_ALNUM)
            {
              classes |= cls;
              hash = px_word_hash_step (hash, (guchar)*q);
              q++;
            }
          cq += q - run;
          if (classes & C_LOWER)
            all_upper = FALSE;
          if (classes & C_DIGIT)
            {
              has_digit = TRUE;
              for (const char *x = run; x < q; x++)
                n_letters += (byte_class[(guchar)*x] & C_ALPHA) != 0;
            }
          else
            n_letters += q - run;

          db = (guchar)*q;
          if (db < 0x80 && db != '\'' && db != '.' && db != ',')
            /* The end of the text, a space or most punctuation. */
            break;

          d = px_get_char (q);
          after = g_utf8_next_char (q);
          e = px_get_char (after);
          if (is_word_char (d))
            {
              if (px_isalpha (d))
                {
                  n_letters++;
                  if (!px_isupper (d))
                    all_upper = FALSE;
                }
              else if (px_isdigit (d))
                has_digit = TRUE;
            }
          else if (px_unichar_is_apostrophe (d) && px_isalpha (e))
            ;
          else if ((d == '.' || d == ',') && has_digit && px_isdigit (e))
            ;
          else if (d == '.' && px_isalpha (e) && px_isupper (e) && !has_digit && (n_letters == 1 || has_inner_dot) &&
                   (*g_utf8_next_char (after) == '.'))
            /* "U.S.", "U.K.": single capitals separated by dots. */
            has_inner_dot = TRUE;
          else if (d == '.' && has_inner_dot)
            {
              /* The final dot of "U.S." belongs to the word. */
              hash = px_word_hash_step (hash, '.');
              q = after;
              cq++;
              break;
            }
          else
            break;
          for (const char *x = q; x < after; x++)
            hash = px_word_hash_step (hash, (guchar)*x);
          q = after;
          cq++;
        }

      if (has_digit && (c < 0x80 ? (byte_class[c] & C_DIGIT) != 0 : g_unichar_isdigit (c)))
        flags |= PX_TOKEN_NUMBER;
      if (c < 0x80 ? (byte_class[c] & C_UPPER) != 0 : g_unichar_isupper (c) || g_unichar_istitle (c))
        flags |= PX_TOKEN_CAPITALIZED;
      if ((all_upper && n_letters >= 2) || has_inner_dot)
        flags |= PX_TOKEN_ACRONYM;
      /* "US" as written is the country, not the pronoun. */
      word = px_stemmer_word_hashed (stemmer, s, q - s, (flags & (PX_TOKEN_ACRONYM | PX_TOKEN_NUMBER)) != 0, hash);
      if (word->stop)
        flags |= PX_TOKEN_STOP;

      if (n == cap)
        {
          cap *= 2;
          g_array_set_size (out, cap);
          toks = (PxToken *)out->data;
        }
      tok = &toks[n++];
      tok->start = cs;
      tok->end = cq;
      tok->byte_start = s - text;
      tok->byte_end = q - text;
      tok->norm = word->norm;
      tok->stem = word->stem;
      tok->flags = flags;
      tok->sentence = 0;
      tok->word = word;

      p = q;
      cp = cq;
    }
  g_array_set_size (out, n);
}
