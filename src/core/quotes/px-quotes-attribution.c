/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "quotes/px-quotes-private.h"

#include <string.h>

/* The quote finder's attribution cues: the words around a quotation
 * that name its speaker (`, said X`, `X said:`, `according to X`). */

/* --- attribution --------------------------------------------------------- */

/* The cue as written: the verb, plus the addressee of "told" ("told
 * Reuters"). */
guint
_px_quote_cue_last (Ctx *c, guint cue, guint limit)
{
  if (strcmp (c->tok[cue].norm, "told") == 0 && cue + 1 < limit && !_px_quote_gap_breaks (c, cue) &&
      strcmp (c->tok[cue + 1].norm, "that") != 0)
    {
      guint e = cue + 1;
      while (e + 1 < limit && e - cue < 3 && _px_quote_is_nameish (&c->tok[e + 1]) && !_px_quote_gap_breaks (c, e))
        e++;
      return e;
    }
  return cue;
}

char *
_px_quote_cue_text (Ctx *c, guint cue, guint limit)
{
  return _px_quote_span_text (c, cue, _px_quote_cue_last (c, cue, limit));
}

/* "according to X" within tokens [from, to). */
gboolean
_px_quote_try_according (Ctx *c, PxQuote *q, guint from, guint to, gboolean reported)
{
  for (guint i = from; i + 2 < to; i++)
    {
      Phrase ph;
      if (strcmp (c->tok[i].norm, "according") != 0 || strcmp (c->tok[i + 1].norm, "to") != 0)
        continue;
      if (!_px_quote_phrase_right (c, i + 2, to, &ph))
        continue;
      q->cue = g_strdup ("according to");
      _px_quote_resolve (c, q, &ph, c->tok[i].start, reported);
      _px_quote_phrase_clear (&ph);
      return TRUE;
    }
  return FALSE;
}

/* A descriptive source the word lists do not know, anchored by its
 * determiner: "the New York businessman", "a narrator in the ad", "the
 * ad's narrator", "one source". Tokens @first..@last with no break
 * between them, ending in a lower-case noun that is no verb of speech. */
static gboolean
described_phrase (Ctx *c, guint first, guint last, Phrase *out)
{
  const char *det = c->tok[first].norm;

  memset (out, 0, sizeof *out);
  if (last <= first || last - first > 5)
    return FALSE;
  if (!in_determiners (det) && strcmp (det, "one") != 0 && strcmp (det, "another") != 0)
    return FALSE;
  if (strcmp (det, "his") == 0 || strcmp (det, "her") == 0 || strcmp (det, "their") == 0 || strcmp (det, "its") == 0)
    return FALSE;
  for (guint i = first; i < last; i++)
    if (_px_quote_gap_breaks (c, i))
      return FALSE;
  for (guint i = first + 1; i <= last; i++)
    if (px_is_cue_word (c->tok[i].norm) || in_pronouns (c->tok[i].norm) ||
        (c->tok[i].flags & PX_TOKEN_NUMBER && i == last))
      return FALSE;
  if (!g_unichar_islower (g_utf8_get_char (c->text + c->tok[last].byte_start)) || _px_quote_is_aux (&c->tok[last]) ||
      (c->tok[last].flags & PX_TOKEN_STOP))
    return FALSE;
  out->first = first;
  out->last = last;
  out->role = _px_quote_span_text (c, first, last);
  out->described = TRUE;
  return TRUE;
}

/* A described source after its cue (`, said one party confidant`, `,
 * said one source who …`): from a determiner at @i up to the first
 * function word, comma or cue, before @limit. */
static gboolean
described_after (Ctx *c, guint i, guint limit, Phrase *out)
{
  guint e = i;

  memset (out, 0, sizeof *out);
  while (e + 1 < limit && e - i < 5 && !_px_quote_gap_breaks (c, e) && !(c->tok[e + 1].flags & PX_TOKEN_STOP) &&
         !px_is_cue_word (c->tok[e + 1].norm))
    e++;
  return e > i && described_phrase (c, i, e, out);
}

/* Is token @j, in the run after a quote that starts at @from, past the
 * speaker's name inside an appositive (after a comma, an "of" or a
 * bracket), where any words may describe them? */
static gboolean
in_appositive (Ctx *c, guint from, guint j)
{
  if (j - from > 20)
    return FALSE;
  for (guint k = from; k < j; k++)
    if (_px_quote_is_nameish (&c->tok[k]) && !_px_quote_is_role_word (c->tok[k].norm) &&
        (_px_quote_gap_has (c, k, ",(") || strcmp (c->tok[k + 1].norm, "of") == 0))
      return TRUE;
  return FALSE;
}

/* `"…" ― Ada Moss`: a quote signed with a dash and the speaker's name,
 * ending its paragraph or sentence. */
gboolean
_px_quote_try_dash (Ctx *c, PxQuote *q, const Mark *a, guint limit)
{
  const char *p = c->text + a->mark_byte_end;
  gboolean dash = FALSE;
  guint i = a->end_tok, e;
  Phrase ph;

  if (i >= limit)
    return FALSE;
  for (; p < c->text + c->tok[i].byte_start; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      if (ch == 0x2015 || ch == 0x2014 || ch == 0x2013)
        dash = TRUE;
      else if (!g_unichar_isspace (ch))
        return FALSE;
    }
  if (!dash)
    return FALSE;
  e = i;
  while (e + 1 < limit && e - i < 5 && !_px_quote_gap_breaks (c, e) && _px_quote_is_phrase_word (&c->tok[e + 1]))
    e++;
  if (e + 1 < limit)
    return FALSE;
  if (!_px_quote_phrase_right (c, i, e + 1, &ph) || ph.name == NULL)
    {
      _px_quote_phrase_clear (&ph);
      return FALSE;
    }
  q->cue = g_strdup ("");
  _px_quote_resolve (c, q, &ph, c->tok[i].start, FALSE);
  _px_quote_phrase_clear (&ph);
  return TRUE;
}

static gboolean try_right_named (Ctx *c, PxQuote *q, guint from, guint limit);

/* The last token of the subject before the cue at @j, skipping "also",
 * "has" and adverbs, not before @from. */
static guint
before_cue (Ctx *c, guint from, guint j)
{
  guint end = j - 1;

  while (end > from && _px_quote_is_aux (&c->tok[end]))
    end--;
  return end;
}

/* Gives @q the speaker @ph (clearing it) and the cue at token @cue. */
static gboolean
attribute (Ctx *c, PxQuote *q, Phrase *ph, guint cue, guint from, guint limit)
{
  q->cue = _px_quote_cue_text (c, cue, limit);
  _px_quote_resolve (c, q, ph, c->tok[from].start, FALSE);
  _px_quote_phrase_clear (ph);
  return TRUE;
}

/* `, the ad's narrator said`: a described source before the cue. */
static gboolean
try_right_described (Ctx *c, PxQuote *q, guint from, guint limit)
{
  for (guint j = from + 1; j < limit && j - from <= 6; j++)
    if (px_is_cue_word (c->tok[j].norm))
      {
        Phrase ph;
        return described_phrase (c, from, before_cue (c, from, j), &ph) && attribute (c, q, &ph, j, from, limit);
      }
  return FALSE;
}

/* After the quote: `, said X`, `, X said`, `, X, the chairman, said`. */
gboolean
_px_quote_try_right (Ctx *c, PxQuote *q, guint from, guint limit)
{
  return try_right_named (c, q, from, limit) || try_right_described (c, q, from, limit);
}

/* A name after words that describe the person, none of them known
 * titles: "retired neurosurgeon Ann Bell", "Oslo-based consultant Ann
 * Bell". Tokens @from..@stop - 1, with no break between them, end in a
 * name of two capitalised words or more; before it at most six words,
 * one in lower case at least, no function word but "of", "the" and
 * "for", no cue or pronoun. */
static gboolean
described_name (Ctx *c, guint from, guint stop, Phrase *out)
{
  guint name_first = stop, lower = 0;

  memset (out, 0, sizeof *out);
  if (stop <= from + 2)
    return FALSE;
  while (name_first > from && _px_quote_is_nameish (&c->tok[name_first - 1]) &&
         !_px_quote_is_role_word (c->tok[name_first - 1].norm))
    name_first--;
  if (stop - name_first < 2 || name_first == from || name_first - from > 6)
    return FALSE;
  for (guint i = from; i < stop; i++)
    {
      const char *norm = c->tok[i].norm;
      if ((i + 1 < stop && _px_quote_gap_breaks (c, i)) || px_is_cue_word (norm) || in_pronouns (norm))
        return FALSE;
      if (i >= name_first)
        continue;
      if ((c->tok[i].flags & PX_TOKEN_STOP) && strcmp (norm, "of") != 0 && strcmp (norm, "the") != 0 &&
          strcmp (norm, "for") != 0)
        return FALSE;
      lower += !_px_quote_is_nameish (&c->tok[i]);
    }
  if (lower == 0 || !_px_quote_parse_phrase (c, name_first, stop - 1, out) || out->name == NULL)
    {
      _px_quote_phrase_clear (out);
      return FALSE;
    }
  g_free (out->role);
  out->role = _px_quote_span_text (c, from, name_first - 1);
  out->first = from;
  return TRUE;
}

/* `, Oslo-based consultant Ann Bell said`: a described name before the
 * cue, within ten words of the quote. */
static gboolean
try_right_described_name (Ctx *c, PxQuote *q, guint from, guint limit)
{
  for (guint j = from + 3; j < limit && j - from <= 10; j++)
    {
      Phrase ph;

      if (_px_quote_gap_breaks (c, j - 1))
        return FALSE;
      if (!px_is_cue_word (c->tok[j].norm))
        continue;
      return described_name (c, from, before_cue (c, from, j) + 1, &ph) && attribute (c, q, &ph, j, from, limit);
    }
  return FALSE;
}

static gboolean
try_right_named (Ctx *c, PxQuote *q, guint from, guint limit)
{
  Phrase ph;

  if (from >= limit)
    return FALSE;
  /* "panel Chairman X said": a lower-case word before a title only
   * modifies it. */
  if (!_px_quote_is_phrase_word (&c->tok[from]) && !px_is_cue_word (c->tok[from].norm) && from + 1 < limit &&
      _px_quote_is_role_word (c->tok[from + 1].norm) && _px_quote_is_nameish (&c->tok[from + 1]) &&
      !_px_quote_gap_breaks (c, from))
    from++;
  if (px_is_cue_word (c->tok[from].norm))
    {
      guint stop = from + 1;
      while (stop + 1 < limit && stop - from < 10 && !_px_quote_gap_breaks (c, stop))
        stop++;
      if (_px_quote_phrase_right (c, from + 1, limit, &ph) ||
          described_name (c, from + 1, MIN (stop + 1, limit), &ph) || described_after (c, from + 1, limit, &ph))
        {
          q->cue = _px_quote_cue_text (c, from, limit);
          _px_quote_resolve (c, q, &ph, c->tok[from].start, FALSE);
          _px_quote_phrase_clear (&ph);
          return TRUE;
        }
      return FALSE;
    }
  for (guint j = from + 1; j < limit && j - from <= 20; j++)
    {
      if (!px_is_cue_word (c->tok[j].norm))
        {
          /* After the name, an appositive or a place may come before the
           * cue: "Senator X, Republican of Iowa, said", "Mr. X of the
           * Sierra Club said", "X (R-Utah) said". */
          if (!_px_quote_is_phrase_word (&c->tok[j]) && !_px_quote_is_aux (&c->tok[j]) && !in_appositive (c, from, j))
            return try_right_described_name (c, q, from, limit);
          continue;
        }
      {
        guint end = j - 1;
        while (end > from && _px_quote_is_aux (&c->tok[end]))
          end--;
        /* Up to the first comma is the name; an appositive may follow. */
        for (guint k = from; k < end; k++)
          if (_px_quote_gap_has (c, k, ","))
            {
              end = k;
              break;
            }
        if (_px_quote_phrase_right (c, from, end + 1, &ph))
          {
            if (ph.role == NULL && end + 1 < j)
              {
                guint rs = end + 1, re = j - 1;
                while (re > rs && _px_quote_is_aux (&c->tok[re]))
                  re--;
                ph.role = _px_quote_span_text (c, rs, re);
              }
            q->cue = _px_quote_cue_text (c, j, limit);
            _px_quote_resolve (c, q, &ph, c->tok[from].start, FALSE);
            _px_quote_phrase_clear (&ph);
            return TRUE;
          }
        return FALSE;
      }
    }
  return FALSE;
}

/* "A spokeswoman for the Norvik Group said", "an adviser to Ann Dahl
 * said": the phrase before the cue is what the source works for; the
 * speaker is the whole noun phrase, kept as written, and the name its
 * organisation. Widens @ph so when the words before it are a
 * descriptive source and "for", "to" or "at". */
static void
source_for (Ctx *c, Phrase *ph, guint floor)
{
  guint k = ph->first;
  Phrase head;

  if (ph->pronoun || k < floor + 2 || _px_quote_gap_breaks (c, k - 1) || _px_quote_gap_breaks (c, k - 2))
    return;
  if (strcmp (c->tok[k - 1].norm, "for") != 0 && strcmp (c->tok[k - 1].norm, "to") != 0 &&
      strcmp (c->tok[k - 1].norm, "at") != 0)
    return;
  if (!_px_quote_base_is (c->tok[k - 2].norm, PX_QW_SOURCE) || !_px_quote_phrase_left (c, k - 2, floor, &head))
    return;
  if (head.name == NULL && head.role != NULL && !head.pronoun && in_determiners (c->tok[head.first].norm))
    {
      g_autofree char *org = _px_quote_span_text (c, ph->first, ph->last);
      guint last = ph->last;
      _px_quote_phrase_clear (ph);
      memset (ph, 0, sizeof *ph);
      ph->first = head.first;
      ph->last = last;
      ph->role = _px_quote_span_text (c, head.first, last);
      ph->described = TRUE;
      ph->organisation = g_steal_pointer (&org);
    }
  _px_quote_phrase_clear (&head);
}

/* The subject of the cue at token @j: the phrase right before it, or,
 * when a comma precedes the cue, the name before an appositive ("Jeff
 * Nan, a senior expert at Huawei, told journalists"). */
gboolean
_px_quote_subject_before (Ctx *c, guint j, guint floor, Phrase *ph)
{
  guint s;

  if (j <= floor)
    return FALSE;
  s = j - 1;
  while (s > floor && _px_quote_is_aux (&c->tok[s]))
    s--;
  if (_px_quote_gap_has (c, s, ","))
    {
      for (guint k = s; k > floor && s - k < 14; k--)
        if (_px_quote_gap_has (c, k - 1, ","))
          {
            if (_px_quote_phrase_left (c, k - 1, floor, ph) && ph->name != NULL)
              {
                if (ph->role == NULL)
                  ph->role = _px_quote_span_text (c, k, s);
                return TRUE;
              }
            _px_quote_phrase_clear (ph);
            return FALSE;
          }
      return FALSE;
    }
  if (_px_quote_phrase_left (c, s, floor, ph))
    {
      source_for (c, ph, floor);
      return TRUE;
    }
  _px_quote_phrase_clear (ph);
  for (guint d = s; d-- > floor && s - d <= 5;)
    if (described_phrase (c, d, s, ph))
      return TRUE;
  return FALSE;
}

/* Before the quote: `X said:`, `X said in an interview that`, `X told
 * Reuters that …`. The last cue with a subject wins. */
gboolean
_px_quote_try_left (Ctx *c, PxQuote *q, guint floor, guint to)
{
  for (guint j = to; j-- > floor;)
    {
      Phrase ph;

      if (!px_is_cue_word (c->tok[j].norm))
        continue;
      if (j == floor)
        return FALSE;
      if (_px_quote_subject_before (c, j, floor, &ph))
        {
          q->cue = _px_quote_cue_text (c, j, to);
          _px_quote_resolve (c, q, &ph, c->tok[ph.first].start, FALSE);
          _px_quote_phrase_clear (&ph);
          return TRUE;
        }
    }
  return FALSE;
}
