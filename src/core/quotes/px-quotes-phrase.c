/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "quotes/px-quotes-private.h"

#include <string.h>

#include "text/px-normalize.h"

/* The quote finder's words and speaker phrases: what a token can be in
 * an attribution, and the phrase that names a speaker ("the company's
 * chief executive Liang Hua"). */

gboolean
px_is_cue_word (const char *norm)
{
  g_return_val_if_fail (norm != NULL, FALSE);
  return WORD_IS (norm, PX_QW_CUE);
}

gboolean
_px_quote_is_possessive (const char *norm)
{
  size_t len = strlen (norm);
  return len > 2 && norm[len - 2] == '\'' && norm[len - 1] == 's';
}

/* The word without a possessive ending ("company's" -> "company"). */
gboolean
_px_quote_base_is (const char *norm, guint cls)
{
  size_t len = strlen (norm);

  if (len > 2 && norm[len - 2] == '\'' && norm[len - 1] == 's')
    {
      char base[64];
      if (len - 2 >= sizeof base)
        return FALSE;
      memcpy (base, norm, len - 2);
      base[len - 2] = '\0';
      return WORD_IS (base, cls);
    }
  return WORD_IS (norm, cls);
}

gboolean
_px_quote_is_role_word (const char *norm)
{
  return _px_quote_base_is (norm, PX_QW_ROLE);
}

/* Skipped between a subject and its cue: "also", "has", and adverbs in
 * -ly ("angrily") — not names ("Kelly", "Connolly") nor the nouns a
 * speaker can be ("family", "assembly", "daily"). */
gboolean
_px_quote_is_aux (const PxToken *tok)
{
  const char *norm = tok->norm;
  return WORD_IS (norm, PX_QW_AUX) ||
         (strlen (norm) > 4 && g_str_has_suffix (norm, "ly") && !(tok->flags & PX_TOKEN_CAPITALIZED) &&
          !WORD_IS (norm, PX_QW_SOURCE | PX_QW_ROLE | PX_QW_ORG));
}

gboolean
_px_quote_is_nameish (const PxToken *t)
{
  return (t->flags & (PX_TOKEN_CAPITALIZED | PX_TOKEN_ACRONYM)) && !(t->flags & (PX_TOKEN_NUMBER | PX_TOKEN_STOP));
}

gboolean
_px_quote_gap_has (Ctx *c, guint i, const char *chars)
{
  /* Between token i and i + 1. */
  const char *s = c->text + c->tok[i].byte_end, *e = c->text + c->tok[i + 1].byte_start;

  for (const char *p = s; p < e; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      if (strchr (chars, (int)ch) != NULL && ch < 128)
        return TRUE;
      if (px_unichar_is_open_quote (ch) || px_unichar_is_close_quote (ch))
        return TRUE;
    }
  return FALSE;
}

gboolean
_px_quote_gap_breaks (Ctx *c, guint i)
{
  /* "Sen. Ann Bell", "Janet L. Yellen": the stop of a title or a middle
   * initial ends no phrase, even where the sentence splitter saw an end. */
  gboolean initial = c->tok[i].norm[0] != '\0' && c->tok[i].norm[1] == '\0' && _px_quote_is_nameish (&c->tok[i]);
  if ((initial || WORD_IS (c->tok[i].norm, PX_QW_DOTTED_TITLE)) && c->text[c->tok[i].byte_end] == '.' &&
      (c->tok[i + 1].flags & PX_TOKEN_CAPITALIZED) && !_px_quote_gap_has (c, i, ",;:!?()[]"))
    return FALSE;
  if (c->tok[i].sentence != c->tok[i + 1].sentence)
    return TRUE;
  return _px_quote_gap_has (c, i, ",.;:!?()[]");
}

char *
_px_quote_span_text (Ctx *c, guint first, guint last)
{
  return g_strndup (c->text + c->tok[first].byte_start, c->tok[last].byte_end - c->tok[first].byte_start);
}

gboolean
_px_quote_is_org_name (const char *name)
{
  g_autofree char *low = g_utf8_strdown (name, -1);
  g_auto (GStrv) words = g_strsplit (low, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (in_org_words (words[i]))
      return TRUE;
  return FALSE;
}

/* May token @t be part of a speaker phrase ("the company's chief
 * executive Liang Hua")? */
gboolean
_px_quote_is_phrase_word (const PxToken *t)
{
  return _px_quote_is_nameish (t) || _px_quote_is_role_word (t->norm) || in_determiners (t->norm) ||
         _px_quote_is_possessive (t->norm) || WORD_IS (t->norm, PX_QW_MODIFIER) || in_pronouns (t->norm);
}

/* Going left from token @k, may token @k - 1 join its speaker phrase? A
 * phrase word, or the "of" of a title ("secretary of state", "minister
 * of finance"), not before @floor. */
gboolean
_px_quote_joins_left (Ctx *c, guint k, guint floor)
{
  if (k <= floor || _px_quote_gap_breaks (c, k - 1))
    return FALSE;
  if (_px_quote_is_phrase_word (&c->tok[k - 1]))
    return TRUE;
  return strcmp (c->tok[k - 1].norm, "of") == 0 && k - 1 > floor && !_px_quote_gap_breaks (c, k - 2) &&
         _px_quote_is_role_word (c->tok[k].norm) && _px_quote_is_role_word (c->tok[k - 2].norm) &&
         !in_org_words (c->tok[k - 2].norm);
}

guint
_px_quote_token_at (Ctx *c, guint cp)
{
  return px_quote_text_token_at (&c->qt, cp);
}

void
_px_quote_phrase_clear (Phrase *p)
{
  g_clear_pointer (&p->name, g_free);
  g_clear_pointer (&p->role, g_free);
  g_clear_pointer (&p->organisation, g_free);
}

/* Splits tokens first..last into role and name. FALSE if it holds neither
 * (then it is not a speaker). */
gboolean
_px_quote_parse_phrase (Ctx *c, guint first, guint last, Phrase *out)
{
  guint name_first = G_MAXUINT, name_last = G_MAXUINT;
  guint role_first;

  memset (out, 0, sizeof *out);
  out->first = first;
  out->last = last;
  if (first > last)
    return FALSE;
  if (first == last && in_pronouns (c->tok[first].norm))
    {
      out->pronoun = TRUE;
      return TRUE;
    }
  /* The name is the last run of capitalised words that are not titles;
   * a possessive ("Huawei's") belongs to the role. */
  for (guint i = last + 1; i-- > first;)
    {
      const PxToken *t = &c->tok[i];
      if (_px_quote_is_nameish (t) && !_px_quote_is_role_word (t->norm) &&
          (!_px_quote_is_possessive (t->norm) || i == last) && !in_determiners (t->norm) && !in_pronouns (t->norm))
        {
          if (name_last == G_MAXUINT)
            name_last = i;
          name_first = i;
        }
      else if (name_last != G_MAXUINT)
        break;
    }
  if (name_last != G_MAXUINT && name_last == last)
    {
      out->name = _px_quote_span_text (c, name_first, name_last);
      /* "Liang's" as a subject ("Liang's words") is not a speaker. */
      if (_px_quote_is_possessive (c->tok[name_last].norm))
        {
          _px_quote_phrase_clear (out);
          return FALSE;
        }
    }
  else
    name_first = last + 1;

  role_first = first;
  while (role_first < name_first && in_determiners (c->tok[role_first].norm) && out->name != NULL)
    role_first++;
  if (role_first < name_first)
    {
      gboolean has_role = FALSE;
      for (guint i = role_first; i < name_first; i++)
        if (_px_quote_is_role_word (c->tok[i].norm) || _px_quote_is_possessive (c->tok[i].norm) ||
            _px_quote_is_nameish (&c->tok[i]))
          has_role = TRUE;
      if (has_role)
        out->role = _px_quote_span_text (c, role_first, name_first - 1);
    }
  return out->name != NULL || out->role != NULL;
}

/* Speaker phrase starting at token @i, going right ("said Huawei chairman
 * Liang Hua, while …"); also reads an appositive role ("Liang Hua,
 * Huawei's chairman, said"). Stops at @limit (exclusive). */
gboolean
_px_quote_phrase_right (Ctx *c, guint i, guint limit, Phrase *out)
{
  guint j = i;

  memset (out, 0, sizeof *out);
  if (i >= limit || !_px_quote_is_phrase_word (&c->tok[i]))
    return FALSE;
  while (j + 1 < limit && j - i < 7 && _px_quote_is_phrase_word (&c->tok[j + 1]) && !_px_quote_gap_breaks (c, j) &&
         !in_pronouns (c->tok[j].norm))
    j++;
  if (!_px_quote_parse_phrase (c, i, j, out))
    return FALSE;
  /* Appositive: ", Huawei's chairman," after a name. */
  if (out->name != NULL && out->role == NULL && j + 1 < limit && _px_quote_gap_has (c, j, ","))
    {
      guint k = j + 1, e = k;
      gboolean role = FALSE;
      while (e < limit && e - k < 6 && _px_quote_is_phrase_word (&c->tok[e]))
        {
          role |= _px_quote_is_role_word (c->tok[e].norm);
          if (e + 1 >= limit || _px_quote_gap_breaks (c, e))
            break;
          e++;
        }
      if (role && e < limit)
        out->role = _px_quote_span_text (c, k, e);
    }
  return TRUE;
}

/* Speaker phrase ending at token @j, going left, not before @floor. */
gboolean
_px_quote_phrase_left (Ctx *c, guint j, guint floor, Phrase *out)
{
  guint i = j;

  memset (out, 0, sizeof *out);
  if (j < floor || !_px_quote_is_phrase_word (&c->tok[j]))
    return FALSE;
  while (j - i < 7 && _px_quote_joins_left (c, i, floor))
    i--;
  /* "We" in `"…" We said` is unlikely; a sentence-initial "He said" is
   * fine. A lone pronoun inside a longer run is not the subject. */
  while (i < j && in_pronouns (c->tok[i].norm))
    i++;
  return _px_quote_parse_phrase (c, i, j, out);
}
