/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "analysis/px-tokens.h"

#include <string.h>

#include "analysis/px-normalize.h"

/* ASCII fast paths: most characters of most articles are ASCII, and the
 * Unicode tables cost a function call and a lookup per character. */
static inline gunichar
get_char (const char *p)
{
  return (guchar)*p < 0x80 ? (gunichar)(guchar)*p : g_utf8_get_char (p);
}

static inline gboolean
u_isalpha (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c);
}

static inline gboolean
u_isdigit (gunichar c)
{
  return c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c);
}

static inline gboolean
u_isupper (gunichar c)
{
  return c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c);
}

static inline gboolean
u_isspace (gunichar c)
{
  return c < 0x80 ? g_ascii_isspace (c) : g_unichar_isspace (c);
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

GArray *
px_tokenize (const char *text, PxStemmer *stemmer)
{
  GArray *out;
  const char *p = text;
  guint cp = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (stemmer != NULL, NULL);

  out = g_array_new (FALSE, TRUE, sizeof (PxToken));
  while (*p)
    {
      gunichar c = get_char (p);
      const char *s, *q;
      guint cs, cq;
      gboolean has_digit, all_upper = TRUE, has_inner_dot = FALSE;
      guint n_letters = 0;
      PxToken tok = { 0 };
      const PxWord *word;

      if (!is_word_char (c))
        {
          p = g_utf8_next_char (p);
          cp++;
          continue;
        }

      s = p;
      cs = cp;
      q = p;
      cq = cp;
      has_digit = u_isdigit (c);
      while (*q)
        {
          gunichar d = get_char (q);
          const char *after = g_utf8_next_char (q);
          gunichar e = get_char (after);

          if (is_word_char (d))
            {
              if (u_isalpha (d))
                {
                  n_letters++;
                  if (!u_isupper (d))
                    all_upper = FALSE;
                }
              else if (u_isdigit (d))
                has_digit = TRUE;
            }
          else if (px_unichar_is_apostrophe (d) && u_isalpha (e))
            ;
          else if ((d == '.' || d == ',') && has_digit && u_isdigit (e))
            ;
          else if (d == '.' && u_isalpha (e) && u_isupper (e) && !has_digit && (n_letters == 1 || has_inner_dot) &&
                   (*g_utf8_next_char (after) == '.'))
            /* "U.S.", "U.K.": single capitals separated by dots. */
            has_inner_dot = TRUE;
          else if (d == '.' && has_inner_dot)
            {
              /* The final dot of "U.S." belongs to the word. */
              q = after;
              cq++;
              break;
            }
          else
            break;
          q = after;
          cq++;
        }

      tok.start = cs;
      tok.end = cq;
      tok.byte_start = s - text;
      tok.byte_end = q - text;
      if (u_isdigit (c))
        tok.flags |= PX_TOKEN_NUMBER;
      if (u_isupper (c) || g_unichar_istitle (c))
        tok.flags |= PX_TOKEN_CAPITALIZED;
      if ((all_upper && n_letters >= 2) || has_inner_dot)
        tok.flags |= PX_TOKEN_ACRONYM;
      /* "US" as written is the country, not the pronoun. */
      word = px_stemmer_word (stemmer, s, q - s, (tok.flags & (PX_TOKEN_ACRONYM | PX_TOKEN_NUMBER)) != 0);
      tok.norm = word->norm;
      tok.stem = word->stem;
      if (word->stop)
        tok.flags |= PX_TOKEN_STOP;
      g_array_append_val (out, tok);

      p = q;
      cp = cq;
    }
  return out;
}
