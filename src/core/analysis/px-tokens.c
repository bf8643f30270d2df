/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "analysis/px-tokens.h"

#include <string.h>

#include "analysis/px-normalize.h"
#include "analysis/px-stopwords.h"

static inline gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

GArray *
px_tokenize (const char *text, const char *language, PxStemmer *stemmer, GStringChunk *strings)
{
  GArray *out;
  const char *p = text;
  guint cp = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (strings != NULL, NULL);

  out = g_array_new (FALSE, TRUE, sizeof (PxToken));
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *s, *q;
      guint cs, cq;
      gboolean has_digit, all_upper = TRUE, has_inner_dot = FALSE;
      guint n_letters = 0;
      PxToken tok = { 0 };
      g_autofree char *norm = NULL;

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
      has_digit = g_unichar_isdigit (c);
      while (*q)
        {
          gunichar d = g_utf8_get_char (q);
          const char *after = g_utf8_next_char (q);
          gunichar e = g_utf8_get_char (after);

          if (is_word_char (d))
            {
              if (g_unichar_isalpha (d))
                {
                  n_letters++;
                  if (!g_unichar_isupper (d))
                    all_upper = FALSE;
                }
              else if (g_unichar_isdigit (d))
                has_digit = TRUE;
            }
          else if (px_unichar_is_apostrophe (d) && g_unichar_isalpha (e))
            ;
          else if ((d == '.' || d == ',') && has_digit && g_unichar_isdigit (e))
            ;
          else if (d == '.' && g_unichar_isalpha (e) && g_unichar_isupper (e) && !has_digit &&
                   (n_letters == 1 || has_inner_dot) && (*g_utf8_next_char (after) == '.'))
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
      norm = px_normalize_word (s, q - s);
      tok.norm = g_string_chunk_insert_const (strings, norm);
      if (g_unichar_isdigit (c))
        tok.flags |= PX_TOKEN_NUMBER;
      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        tok.flags |= PX_TOKEN_CAPITALIZED;
      if ((all_upper && n_letters >= 2) || has_inner_dot)
        tok.flags |= PX_TOKEN_ACRONYM;
      /* "US" as written is the country, not the pronoun. */
      if (!(tok.flags & (PX_TOKEN_ACRONYM | PX_TOKEN_NUMBER)) && px_is_stop_word (tok.norm, language))
        tok.flags |= PX_TOKEN_STOP;

      if (stemmer != NULL && !(tok.flags & (PX_TOKEN_STOP | PX_TOKEN_NUMBER | PX_TOKEN_ACRONYM)))
        tok.stem = g_string_chunk_insert_const (strings, px_stemmer_stem (stemmer, tok.norm));
      else
        tok.stem = tok.norm;
      g_array_append_val (out, tok);

      p = q;
      cp = cq;
    }
  return out;
}
