/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "quotes/px-quotes.h"

#include <string.h>

#include "quotes/px-quotes-gender.h"
#include "quotes/px-quotes-private.h"

static gboolean
in_list (const char *const *list, const char *word)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], word) == 0)
      return TRUE;
  return FALSE;
}

const char *
px_quote_kind_to_string (PxQuoteKind kind)
{
  switch (kind)
    {
    case PX_QUOTE_DIRECT:
      return "direct";
    case PX_QUOTE_PARTIAL:
      return "partial";
    case PX_QUOTE_INDIRECT:
      return "indirect";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
px_quote_free (PxQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->text);
  g_free (quote->speaker);
  g_free (quote->speaker_as_written);
  g_free (quote->role);
  g_free (quote->cue);
  g_free (quote->organisation);
  g_free (quote);
}

/* --- assembling ---------------------------------------------------------- */

static PxQuote *
quote_from_marks (Ctx *c, const Mark *a, const Mark *b)
{
  PxQuote *q = g_new0 (PxQuote, 1);
  g_autoptr (GString) text = g_string_new (NULL);

  q->start = a->start;
  q->end = b->end;
  q->n_parts = a == b ? 1 : 2;
  q->parts[0][0] = a->start;
  q->parts[0][1] = a->end;
  g_string_append_len (text, c->text + a->byte_start, a->byte_end - a->byte_start);
  if (a != b)
    {
      q->parts[1][0] = b->start;
      q->parts[1][1] = b->end;
      g_string_append_c (text, ' ');
      g_string_append_len (text, c->text + b->byte_start, b->byte_end - b->byte_start);
    }
  q->text = g_string_free (g_steal_pointer (&text), FALSE);
  return q;
}

/* Cues that report an act rather than words, for sentences without
 * quotation marks ("Huawei has denied the allegations"). */
static const char *const passive_aux[] = { "is", "are", "was", "were", "been", "be", NULL };

/* Reported speech whose attribution closes the sentence after a comma:
 * "The plan will cost more, Bell said." / "…, said Ann Bell." A
 * person-like speaker only. */
static const char *const tail_prepositions[] = { "in", "on", "at", "during", "after", "before", "with", "via", NULL };

/* ", Ann Bell said." / ", Bell said in an interview on Monday.": a
 * name after a comma, then a cue ending the sentence or followed by
 * words that start with a preposition and hold no comma. */
static gboolean
trailing_cue (Ctx *c, guint first, guint end, Phrase *ph, guint *cue)
{
  for (guint j = end; j-- > first + 5 && end - j <= 8;)
    {
      gboolean tail = j + 1 == end;

      if (!tail && in_list (tail_prepositions, c->tok[j + 1].norm) && !_px_quote_is_nameish (&c->tok[j + 1]))
        {
          tail = TRUE;
          for (guint k = j; k + 1 < end && tail; k++)
            tail = !_px_quote_gap_has (c, k, ",;:");
        }
      if (!tail || !px_is_cue_word (c->tok[j].norm) || WORD_IS (c->tok[j].norm, PX_QW_NOT_SPEECH))
        continue;
      *cue = j;
      if (_px_quote_phrase_left (c, j - 1, first + 4, ph) && !ph->pronoun && ph->name != NULL &&
          _px_quote_gap_has (c, ph->first - 1, ","))
        return TRUE;
      _px_quote_phrase_clear (ph);
      return FALSE;
    }
  return FALSE;
}

static gboolean
add_trailing (Ctx *c, GPtrArray *out, const PxSentence *s)
{
  guint first = s->first_token, end = s->first_token + s->n_tokens, body_end, cue = 0;
  PxQuote *q;
  Phrase ph;

  /* "…, Liang Hua said:" introduces the quote that follows. */
  if (s->n_tokens < 6 || s->byte_end <= s->byte_start || c->text[s->byte_end - 1] == ':')
    return FALSE;
  memset (&ph, 0, sizeof ph);
  if (trailing_cue (c, first, end, &ph, &cue))
    body_end = ph.first - 1;
  else
    {
      guint j = end;
      _px_quote_phrase_clear (&ph);
      /* ", said Ann Bell." or ", said Ann Bell, a planner at …": the cue
       * right after a comma, the name ending the sentence or followed by
       * an appositive. */
      while (j-- > first + 5)
        {
          if (!px_is_cue_word (c->tok[j].norm) || WORD_IS (c->tok[j].norm, PX_QW_NOT_SPEECH) ||
              !_px_quote_gap_has (c, j - 1, ","))
            continue;
          if (_px_quote_phrase_right (c, j + 1, end, &ph) && !ph.pronoun && ph.name != NULL &&
              (ph.last + 1 == end || _px_quote_gap_has (c, ph.last, ",")))
            break;
          _px_quote_phrase_clear (&ph);
        }
      if (j <= first + 4)
        return FALSE;
      body_end = j - 1;
      cue = j;
    }
  q = g_new0 (PxQuote, 1);
  q->kind = PX_QUOTE_INDIRECT;
  q->start = c->tok[first].start;
  q->end = c->tok[body_end].end;
  q->n_parts = 1;
  q->parts[0][0] = q->start;
  q->parts[0][1] = q->end;
  q->text = px_text_units_slice (c->units, q->start, q->end);
  q->cue = _px_quote_cue_text (c, cue, end);
  _px_quote_resolve (c, q, &ph, c->tok[ph.first].start, TRUE);
  _px_quote_phrase_clear (&ph);
  if (q->speaker == NULL)
    {
      px_quote_free (q);
      return FALSE;
    }
  g_ptr_array_add (out, q);
  return TRUE;
}

/* "Mark Holm, who chairs the board of the Norvik Group, said …": the
 * person the sentence opens with, then an appositive between commas of
 * any words up to the cue at token @j. */
static gboolean
appositive_subject (Ctx *c, guint sentence, guint j, Phrase *ph)
{
  guint st, e, before = j - 1;

  memset (ph, 0, sizeof *ph);
  if (c->subjects[sentence] == NULL)
    return FALSE;
  while (before > 0 && _px_quote_is_aux (&c->tok[before]))
    before--;
  st = _px_quote_token_at (c, c->subject_pos[sentence]);
  e = st;
  while (e + 1 < j && _px_quote_is_nameish (&c->tok[e + 1]) && !_px_quote_gap_breaks (c, e))
    e++;
  if (e + 2 >= before || !_px_quote_gap_has (c, e, ",") || !_px_quote_gap_has (c, before, ","))
    return FALSE;
  if (!_px_quote_phrase_right (c, st, e + 1, ph) || ph->name == NULL || ph->pronoun)
    {
      _px_quote_phrase_clear (ph);
      return FALSE;
    }
  if (ph->role == NULL)
    ph->role = _px_quote_span_text (c, e + 1, before);
  return TRUE;
}

static void
add_indirect (Ctx *c, GPtrArray *out, guint sentence)
{
  const PxSentence *s = px_text_units_get_sentence (c->units, sentence);
  guint first = s->first_token, end = s->first_token + s->n_tokens;
  PxQuote *q;
  Phrase ph;

  if (add_trailing (c, out, s))
    return;
  for (guint j = first + 1; j < end && j < first + 24; j++)
    {
      guint body;
      if (!px_is_cue_word (c->tok[j].norm) || WORD_IS (c->tok[j].norm, PX_QW_NOT_SPEECH))
        continue;
      /* "Trump is said to be preparing" reports a rumour, not speech. */
      if (in_list (passive_aux, c->tok[j - 1].norm))
        return;
      if (appositive_subject (c, sentence, j, &ph))
        ;
      else if (!_px_quote_subject_before (c, j, first, &ph))
        return;
      /* The subject must open the sentence ("On Tuesday, Liang said …"
       * is fine: skip a leading adverbial up to a comma). */
      else if (ph.first != first && !_px_quote_gap_has (c, ph.first - 1, ","))
        {
          _px_quote_phrase_clear (&ph);
          return;
        }
      body = _px_quote_cue_last (c, j, end) + 1;
      while (body < end && (strcmp (c->tok[body].norm, "that") == 0 || strcmp (c->tok[body].norm, "on") == 0))
        body++;
      if (end - body < 4)
        {
          _px_quote_phrase_clear (&ph);
          return;
        }
      q = g_new0 (PxQuote, 1);
      q->kind = PX_QUOTE_INDIRECT;
      q->start = c->tok[body].start;
      q->end = s->end;
      q->n_parts = 1;
      q->parts[0][0] = q->start;
      q->parts[0][1] = q->end;
      q->text = g_strndup (c->text + c->tok[body].byte_start, s->byte_end - c->tok[body].byte_start);
      q->cue = _px_quote_cue_text (c, j, end);
      _px_quote_resolve (c, q, &ph, c->tok[ph.first].start, TRUE);
      _px_quote_phrase_clear (&ph);
      if (q->speaker == NULL && !(ph.pronoun))
        {
          px_quote_free (q);
          return;
        }
      g_ptr_array_add (out, q);
      return;
    }
  if (end - first > 6 && strcmp (c->tok[first].norm, "according") == 0)
    {
      q = g_new0 (PxQuote, 1);
      q->kind = PX_QUOTE_INDIRECT;
      if (_px_quote_try_according (c, q, first, end, TRUE) && q->speaker != NULL)
        {
          guint body = _px_quote_token_at (c, q->attribution_end);
          q->start = body < end ? c->tok[body].start : s->end;
          q->end = s->end;
          q->n_parts = 1;
          q->parts[0][0] = q->start;
          q->parts[0][1] = q->end;
          q->text = px_text_units_slice (c->units, q->start, q->end);
          g_ptr_array_add (out, q);
        }
      else
        px_quote_free (q);
    }
}

/* Does the sentence open with an attribution, a reporting verb among
 * its first six words ("Trump said of Apple in February, when …")? */
static gboolean
opens_with_cue (Ctx *c, const PxSentence *s)
{
  for (guint t = s->first_token; t < s->first_token + MIN (s->n_tokens, 6); t++)
    if (px_is_cue_word (c->tok[t].norm))
      return t > s->first_token;
    else if (t > s->first_token && _px_quote_gap_breaks (c, t - 1) && !_px_quote_gap_has (c, t - 1, ","))
      return FALSE;
  return FALSE;
}

/* Does a reporting verb follow the quotation within two words, in its
 * paragraph ("Like Oakland. Or Ferguson," Trump said)? Then it is
 * speech, whatever its capitals say. */
static gboolean
cue_follows (Ctx *c, const Mark *a)
{
  for (guint t = a->end_tok; t < c->n_tok && t < a->end_tok + 3; t++)
    {
      if (t > a->end_tok && _px_quote_gap_breaks (c, t - 1))
        return FALSE;
      if (px_is_cue_word (c->tok[t].norm))
        return c->tok[t].start > a->mark_end &&
               px_text_units_get_sentence (c->units, c->tok[t].sentence)->block == a->block;
    }
  return FALSE;
}

GPtrArray *
px_find_quotes (PxTextUnits *units)
{
  Ctx c = { 0 };
  GPtrArray *out;
  const PxQuote *previous = NULL;
  guint previous_block = G_MAXUINT;
  g_autofree gboolean *quoted_sentence = NULL;
  guint n_sent, next_sentence = 0;

  g_return_val_if_fail (PX_IS_TEXT_UNITS (units), NULL);

  c.units = units;
  c.text = px_text_units_get_text (units);
  c.tok = px_text_units_get_tokens (units, &c.n_tok);
  c.qt = (PxQuoteText){ units, c.text, c.tok, c.n_tok };
  c.marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  c.persons = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (c.persons, _px_quote_person_clear);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify)px_quote_free);

  px_quote_find_marks (&c.qt, c.marks);
  _px_quote_find_people (&c);
  c.gender = px_quote_find_genders (&c.qt);
  _px_quote_find_subjects (&c);
  n_sent = px_text_units_get_n_sentences (units);
  quoted_sentence = g_new0 (gboolean, n_sent + 1);

  for (guint m = 0; m < c.marks->len; m++)
    {
      const Mark *a = &g_array_index (c.marks, Mark, m);
      for (guint s = px_text_units_find_sentence (units, a->mark_start); s <= c.tok[a->end_tok - 1].sentence; s++)
        quoted_sentence[s] = TRUE;
    }

  for (guint m = 0; m < c.marks->len; m++)
    {
      const Mark *a = &g_array_index (c.marks, Mark, m), *b = a;
      guint n_words = 1;
      guint after, limit, floor;
      gboolean attributed = FALSE, direct;
      PxQuote *q;

      /* Reported speech in the unquoted sentences before this quote, so
       * that people are met in text order. */
      for (; next_sentence < n_sent && px_text_units_get_sentence (units, next_sentence)->end <= a->mark_start;
           next_sentence++)
        if (!quoted_sentence[next_sentence])
          {
            guint before = out->len;
            add_indirect (&c, out, next_sentence);
            if (out->len > before && ((PxQuote *)out->pdata[before])->speaker != NULL)
              {
                previous = out->pdata[before];
                previous_block = px_text_units_get_sentence (units, next_sentence)->block;
              }
          }

      for (const char *p = c.text + a->byte_start; p < c.text + a->byte_end; p++)
        n_words += *p == ' ';
      /* A single quoted word is a term or a scare quote, not speech. */
      if (n_words < 2 || (px_quote_mark_is_title (&c.qt, a, n_words) && !cue_follows (&c, a)))
        continue;
      direct = px_quote_mark_opens_speech (&c.qt, a);

      /* `"A," he said, "B."`: the same speech around its attribution. */
      if (m + 1 < c.marks->len)
        {
          const Mark *n = &g_array_index (c.marks, Mark, m + 1);
          guint gap_words = n->first_tok - a->end_tok;
          gboolean has_cue = FALSE;
          for (guint t = a->end_tok; t < n->first_tok; t++)
            has_cue |= px_is_cue_word (c.tok[t].norm);
          if (n->block == a->block && gap_words > 0 && gap_words <= 8 && has_cue && direct)
            {
              /* Only when the attribution ends in a comma: after a full
               * stop the next quote is a new sentence of the speaker's. */
              const char *e = c.text + n->mark_byte_start;
              while (e > c.text && *(e - 1) == ' ')
                e--;
              if (e > c.text && (*(e - 1) == ',' || *(e - 1) == ':'))
                b = n;
            }
        }

      q = quote_from_marks (&c, a, b);
      q->kind = direct ? PX_QUOTE_DIRECT : PX_QUOTE_PARTIAL;

      /* Tokens after the closing mark, to the end of that sentence. */
      after = a->end_tok;
      limit = after;
      while (limit < c.n_tok &&
             (c.tok[limit].sentence == c.tok[a->end_tok - 1].sentence ||
              (limit > after && !_px_quote_gap_breaks (&c, limit - 1))) &&
             (b != a ? limit < b->first_tok
                     : (m + 1 >= c.marks->len || limit < g_array_index (c.marks, Mark, m + 1).first_tok)))
        limit++;
      /* `"Why?" Mr. X said.`: a quote ending in ? ! or . closes its
       * sentence, and the attribution is the short one after it. */
      if (limit == after && b == a && direct && after < c.n_tok &&
          c.tok[after].sentence != c.tok[a->end_tok - 1].sentence)
        {
          const PxSentence *next = px_text_units_get_sentence (units, c.tok[after].sentence);
          if (next->block == px_text_units_get_sentence (units, c.tok[a->end_tok - 1].sentence)->block &&
              next->first_token == after && (next->n_tokens <= 10 || opens_with_cue (&c, next)))
            limit = MIN (next->first_token + next->n_tokens,
                         m + 1 < c.marks->len ? g_array_index (c.marks, Mark, m + 1).first_tok : c.n_tok);
        }
      if (a->end_tok < c.n_tok && c.tok[a->end_tok].start >= a->mark_end)
        attributed = _px_quote_try_right (&c, q, after, limit) || _px_quote_try_dash (&c, q, a, limit);

      /* Tokens before the opening mark, from the sentence start or the end
       * of the previous quote. */
      if (!attributed)
        {
          floor = px_text_units_get_sentence (units, px_text_units_find_sentence (units, a->mark_start))->first_token;
          if (m > 0 && g_array_index (c.marks, Mark, m - 1).end_tok > floor &&
              g_array_index (c.marks, Mark, m - 1).end_tok <= a->first_tok)
            floor = g_array_index (c.marks, Mark, m - 1).end_tok;
          attributed =
              _px_quote_try_left (&c, q, floor, a->first_tok) || _px_quote_try_according (&c, q, floor, limit, FALSE);
        }

      /* `… Liang Hua said:` closing the paragraph before the quote. */
      if (!attributed && a->first_tok > 0 && c.tok[a->first_tok - 1].sentence + 1 == c.tok[a->first_tok].sentence)
        {
          const PxSentence *prev = px_text_units_get_sentence (units, c.tok[a->first_tok - 1].sentence);
          if (prev->byte_end > prev->byte_start && c.text[prev->byte_end - 1] == ':')
            attributed = _px_quote_try_left (&c, q, prev->first_token, prev->first_token + prev->n_tokens);
        }

      /* No attribution: the previous speaker going on, if the quote
       * follows theirs in the same paragraph, or makes up the whole next
       * paragraph (no other words, so no attribution missed). A quote in
       * a later paragraph, or in one with words of its own, is someone
       * unknown rather than a guess. */
      if (!attributed && previous != NULL && previous->speaker != NULL &&
          (a->block == previous_block ||
           (a->block == previous_block + 1 && q->kind == PX_QUOTE_DIRECT && px_quote_is_paragraph (&c.qt, a, b))))
        {
          q->speaker = g_strdup (previous->speaker);
          q->role = g_strdup (previous->role);
          q->cue = g_strdup ("");
          attributed = TRUE;
        }

      if (q->kind == PX_QUOTE_PARTIAL && !attributed && n_words < 4)
        {
          px_quote_free (q);
          if (b != a)
            m++;
          continue;
        }
      g_ptr_array_add (out, q);
      /* Only the quote right before may lend its speaker, known or not. */
      previous = q;
      previous_block = b->block;
      if (b != a)
        m++;
    }
  for (; next_sentence < n_sent; next_sentence++)
    if (!quoted_sentence[next_sentence])
      add_indirect (&c, out, next_sentence);

  g_array_unref (c.marks);
  g_array_unref (c.persons);
  g_free (c.last_speaker);
  g_free (c.last_role);
  g_hash_table_unref (c.gender);
  g_hash_table_unref (c.full_names);
  /* Not g_strfreev(): sentences without a subject leave NULLs inside. */
  for (guint i = 0; i < n_sent; i++)
    g_free (c.subjects[i]);
  g_free (c.subjects);
  g_free (c.subject_pos);
  return out;
}
