/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "quotes/px-quotes-private.h"

#include <string.h>

#include "quotes/px-quotes-gender.h"

/* The quote finder's people: who is named in the text, sentence
 * subjects, and resolving a speaker phrase or a pronoun to a person. */

void
_px_quote_person_clear (gpointer data)
{
  Person *p = data;
  g_free (p->name);
  g_free (p->role);
}

/* --- people -------------------------------------------------------------- */

static void
add_person (Ctx *c, guint pos, const char *name, const char *role, gboolean spoke)
{
  Person p = { pos, g_strdup (name), g_strdup (role), spoke };
  guint at = c->persons->len;

  /* Kept in text order: lookups stop at the first mention after the
   * quote. */
  while (at > 0 && g_array_index (c->persons, Person, at - 1).pos > pos)
    at--;
  g_array_insert_val (c->persons, at, p);
}

static gboolean
inside_mark (Ctx *c, guint tok)
{
  for (guint m = 0; m < c->marks->len; m++)
    {
      const Mark *mk = &g_array_index (c->marks, Mark, m);
      if (tok >= mk->first_tok && tok < mk->end_tok)
        return TRUE;
    }
  return FALSE;
}

/* Does token @i open an appositive that describes a person ("Jeff Nan,
 * a senior expert", "Liang Hua, Huawei's chairman", "Ada Moss, librarian")?
 * Two capitalised words before a comma are a name only then: in
 * "technologies such as Virtual Reality, autonomous cars" they are not. */
static gboolean
starts_appositive (Ctx *c, guint i)
{
  const PxToken *t = &c->tok[i];

  if (c->tok[i - 1].sentence != t->sentence)
    return FALSE;
  return in_determiners (t->norm) || _px_quote_is_possessive (t->norm) ||
         (_px_quote_is_role_word (t->norm) && !in_org_words (t->norm));
}

/* People named with a title, before or after a reporting verb: the
 * antecedents that "he", "Liang" and "the chairman" point back to. */
void
_px_quote_find_people (Ctx *c)
{
  guint n_sent = px_text_units_get_n_sentences (c->units);
  g_autofree gboolean *headline = g_new0 (gboolean, n_sent + 1);

  for (guint s = 0; s < n_sent; s++)
    headline[s] = px_quote_text_is_headline (&c->qt, px_text_units_get_sentence (c->units, s));
  for (guint i = 0; i < c->n_tok; i++)
    {
      Phrase ph;
      gboolean role_before = i > 0 && _px_quote_is_role_word (c->tok[i - 1].norm) && !_px_quote_gap_breaks (c, i - 1);
      gboolean cue_before = i > 0 && px_is_cue_word (c->tok[i - 1].norm) && !_px_quote_gap_breaks (c, i - 1);
      /* "the mayor, Tom Reed, arrived" */
      gboolean title_before_comma = i > 0 && c->tok[i - 1].sentence == c->tok[i].sentence &&
                                    _px_quote_is_role_word (c->tok[i - 1].norm) && !in_org_words (c->tok[i - 1].norm) &&
                                    _px_quote_gap_has (c, i - 1, ",");

      if (!_px_quote_is_nameish (&c->tok[i]) || _px_quote_is_role_word (c->tok[i].norm) || inside_mark (c, i) ||
          headline[c->tok[i].sentence])
        continue;
      /* "Huawei's outside counsel, Glen Nager on CNBC": two name words
       * right after a title and a comma, whatever follows them. */
      gboolean named_after_title = title_before_comma && i + 1 < c->n_tok && _px_quote_is_nameish (&c->tok[i + 1]) &&
                                   !_px_quote_gap_breaks (c, i);

      if (!(role_before || cue_before || named_after_title ||
            (i + 1 < c->n_tok && px_is_cue_word (c->tok[i + 1].norm)) ||
            (i + 2 < c->n_tok && _px_quote_is_nameish (&c->tok[i + 1]) && !_px_quote_gap_breaks (c, i) &&
             _px_quote_gap_has (c, i + 1, ",") && (starts_appositive (c, i + 2) || title_before_comma))))
        continue;

      /* Widen to the whole phrase around it. */
      {
        guint s = i, e = i;
        while (i - s < 6 && _px_quote_joins_left (c, s, 0) && !px_is_cue_word (c->tok[s - 1].norm))
          s--;
        while (e + 1 < c->n_tok && e - i < 3 && _px_quote_is_nameish (&c->tok[e + 1]) &&
               !_px_quote_is_role_word (c->tok[e + 1].norm) && !_px_quote_gap_breaks (c, e))
          e++;
        /* "a top Huawei executive": a name right before a title is a
         * modifier of it, not a person. */
        if (e + 1 < c->n_tok && _px_quote_is_role_word (c->tok[e + 1].norm) && !_px_quote_gap_breaks (c, e))
          {
            i = e;
            continue;
          }
        if (!_px_quote_parse_phrase (c, s, e, &ph))
          {
            i = e;
            continue;
          }
        /* "The transport minister, Helena Quist, said": the role before
         * the comma. */
        if (ph.name != NULL && ph.role == NULL && s >= 2 && _px_quote_gap_has (c, s - 1, ",") &&
            _px_quote_is_role_word (c->tok[s - 1].norm))
          {
            guint r = s - 1;
            while (r > 0 && s - 1 - r < 5 && _px_quote_is_phrase_word (&c->tok[r - 1]) &&
                   !_px_quote_gap_breaks (c, r - 1))
              r--;
            ph.role = _px_quote_span_text (c, r, s - 1);
          }
        /* A person needs a title or two name words; "Huawei said" names
         * an organisation. */
        if (ph.name != NULL && (ph.role != NULL || e > i))
          add_person (c, c->tok[i].start, ph.name, ph.role, FALSE);
        _px_quote_phrase_clear (&ph);
        i = e;
      }
    }
}

/* Whether the space-separated words of @name include @word[0, len). */
static gboolean
name_has_word (const char *name, const char *word, gsize len)
{
  for (const char *p = name; p != NULL; p = strchr (p, ' '), p = p != NULL ? p + 1 : NULL)
    if (strncmp (p, word, len) == 0 && (p[len] == ' ' || p[len] == '\0'))
      return TRUE;
  return FALSE;
}

/* The person mentioned before @pos whose name has the word(s) of @name
 * ("Liang" -> "Liang Hua"), or NULL; no allocation (every sentence). */
static const Person *
lookup_person (Ctx *c, const char *name, guint pos)
{
  const Person *best = NULL;

  for (guint i = 0; i < c->persons->len; i++)
    {
      const Person *p = &g_array_index (c->persons, Person, i);
      gboolean all = TRUE;

      if (p->pos > pos)
        break;
      for (const char *w = name; *w && all;)
        {
          const char *e = strchr (w, ' ');
          gsize n = e != NULL ? (gsize)(e - w) : strlen (w);

          all = n == 0 || name_has_word (p->name, w, n);
          w = e != NULL ? e + 1 : w + n;
        }
      if (all && (best == NULL || strlen (p->name) >= strlen (best->name)))
        best = p;
    }
  return best;
}

/* @name without a possessive ending ("Bell's" -> "Bell"), in place. */
static char *
strip_possessive (char *name)
{
  if (g_str_has_suffix (name, "'s"))
    name[strlen (name) - 2] = '\0';
  else if (g_str_has_suffix (name, "\u2019s"))
    name[strlen (name) - strlen ("\u2019s")] = '\0';
  return name;
}

/* The last token of the name that starts at token @i: up to four
 * capitalised words, no title, ending at a possessive ("Bell's"). */
static guint
name_run_end (Ctx *c, guint i, guint end)
{
  guint e = i;

  while (e + 1 < end && e - i < 3 && _px_quote_is_nameish (&c->tok[e + 1]) &&
         !_px_quote_is_role_word (c->tok[e + 1].norm) && !_px_quote_gap_breaks (c, e) &&
         !_px_quote_is_possessive (c->tok[e].norm))
    e++;
  return e;
}

/* The person a sentence opens with, its subject: "Ann Bell arrived",
 * "Sen. Ann Bell's plan", "On Sunday, Bell said". A name the text gives
 * in full elsewhere ("Bell" for "Ann Bell") or of two words or more, not
 * an organisation. NULL for anything else. */
static char *
sentence_subject (Ctx *c, const PxSentence *s, guint *pos)
{
  guint i = s->first_token, end = s->first_token + s->n_tokens, e;
  g_autofree char *name = NULL;
  const Person *p;

  if (s->n_tokens < 3 || inside_mark (c, i))
    return NULL;
  /* An opening adverbial up to a comma: "On Sunday, Bell …", "As the
   * crowd waited in the hall, Bell …". */
  if (!_px_quote_is_nameish (&c->tok[i]) || (c->tok[i].flags & PX_TOKEN_STOP))
    for (guint k = i; k + 1 < end && k < i + ((c->tok[i].flags & PX_TOKEN_STOP) ? 16 : 6); k++)
      if (_px_quote_gap_has (c, k, ","))
        {
          i = k + 1;
          break;
        }
  while (i < end && (_px_quote_is_role_word (c->tok[i].norm) || in_determiners (c->tok[i].norm) ||
                     WORD_IS (c->tok[i].norm, PX_QW_MODIFIER)))
    i++;
  if (i >= end || !_px_quote_is_nameish (&c->tok[i]) || inside_mark (c, i))
    return NULL;
  e = name_run_end (c, i, end);
  /* "Obama consultant Cornell Belcher", "Clinton campaign chairman John
   * Podesta": a name before a title only says whose; the person is the
   * name after it. */
  {
    guint k = e + 1;
    while (k < end && k - e <= 4 && !_px_quote_gap_breaks (c, k - 1) &&
           (_px_quote_is_role_word (c->tok[k].norm) || in_org_words (c->tok[k].norm)))
      k++;
    if (k > e + 1 && k < end && !_px_quote_gap_breaks (c, k - 1) && _px_quote_is_role_word (c->tok[k - 1].norm) &&
        _px_quote_is_nameish (&c->tok[k]) && !inside_mark (c, k))
      {
        i = k;
        e = name_run_end (c, i, end);
      }
  }
  if (e + 1 < end && !_px_quote_gap_breaks (c, e) && _px_quote_is_nameish (&c->tok[e + 1]))
    return NULL;
  name = strip_possessive (_px_quote_span_text (c, i, e));
  if (_px_quote_is_org_name (name))
    return NULL;
  *pos = c->tok[i].start;
  p = lookup_person (c, name, G_MAXUINT);
  if (p != NULL)
    return _px_quote_is_org_name (p->name) ? NULL : g_strdup (p->name);
  if (e == i)
    {
      /* "Clinton had also …": a surname the text gives in full
       * elsewhere ("Hillary Clinton"); itself when two people share it. */
      const char *full = g_hash_table_lookup (c->full_names, name);
      if (full != NULL)
        return g_strdup (*full != '\0' ? full : name);
    }
  return e > i ? g_steal_pointer (&name) : NULL;
}

/* Full names in the text outside quotation marks and headlines: runs of
 * two to four capitalised words, none a title or an organisation's word
 * ("Hillary Clinton", not "Commerce Department"), by their last word;
 * "" for a last word that ends two different names. */
static void
find_full_names (Ctx *c)
{
  guint n_sent = px_text_units_get_n_sentences (c->units);
  g_autofree gboolean *headline = g_new0 (gboolean, n_sent + 1);

  for (guint s = 0; s < n_sent; s++)
    headline[s] = px_quote_text_is_headline (&c->qt, px_text_units_get_sentence (c->units, s));
  c->full_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < c->n_tok; i++)
    {
      guint e = i;
      gboolean ok = TRUE;
      g_autofree char *name = NULL;
      g_autofree char *last = NULL;
      const char *had;

      if (!_px_quote_is_nameish (&c->tok[i]) || headline[c->tok[i].sentence])
        continue;
      while (e + 1 < c->n_tok && _px_quote_is_nameish (&c->tok[e + 1]) && !_px_quote_gap_breaks (c, e) &&
             !_px_quote_is_possessive (c->tok[e].norm))
        e++;
      for (guint k = i; k <= e && ok; k++)
        ok = !_px_quote_is_role_word (c->tok[k].norm) && !in_org_words (c->tok[k].norm) &&
             !in_determiners (c->tok[k].norm) && !in_pronouns (c->tok[k].norm);
      if (ok && e > i && e - i < 4 && !inside_mark (c, i))
        {
          name = strip_possessive (_px_quote_span_text (c, i, e));
          last = strip_possessive (_px_quote_span_text (c, e, e));
          had = g_hash_table_lookup (c->full_names, last);
          if (had == NULL)
            g_hash_table_insert (c->full_names, g_steal_pointer (&last), g_steal_pointer (&name));
          else if (strcmp (had, name) != 0)
            g_hash_table_insert (c->full_names, g_steal_pointer (&last), g_strdup (""));
        }
      i = e;
    }
}

void
_px_quote_find_subjects (Ctx *c)
{
  guint n = px_text_units_get_n_sentences (c->units);

  find_full_names (c);
  c->subjects = g_new0 (char *, n + 1);
  c->subject_pos = g_new0 (guint, n + 1);
  for (guint s = 0; s < n; s++)
    {
      const PxSentence *sent = px_text_units_get_sentence (c->units, s);
      if (!px_quote_text_is_headline (&c->qt, sent))
        c->subjects[s] = sentence_subject (c, sent, &c->subject_pos[s]);
    }
}

/* The person last mentioned before @pos with a role containing @role_word. */
static const Person *
person_with_role (Ctx *c, const char *role_word, guint pos)
{
  const Person *best = NULL;
  for (guint i = 0; i < c->persons->len; i++)
    {
      const Person *p = &g_array_index (c->persons, Person, i);
      g_autofree char *low = NULL;
      if (p->pos > pos)
        break;
      if (p->role == NULL)
        continue;
      low = g_utf8_strdown (p->role, -1);
      if (strstr (low, role_word) != NULL)
        best = p;
    }
  return best;
}

/* Could a name met for the first time be a person's? Not an
 * organisation or place ("the United States", "the Commerce
 * Department"), and either two name words or a title ("President
 * Trump"): a lone capitalised word ("Huawei", "US") is as often a
 * company or a country. */
static gboolean
is_person_name (const Phrase *ph)
{
  return ph->name != NULL && !_px_quote_is_org_name (ph->name) && (ph->role != NULL || strchr (ph->name, ' ') != NULL);
}

/* The organisation a descriptive source belongs to, when the text names
 * it: in the phrase ("a Huawei spokesman", "the Norvik Group's
 * lawyers"), or, for "the ministry" or "the company", the latest name
 * before @pos with that word capitalised ("the Ministry of Transport",
 * "Norvik Company"). NULL otherwise. */
static char *
organisation_of (Ctx *c, const Phrase *ph, guint pos)
{
  guint head = ph->last, first = G_MAXUINT, last = 0;

  for (guint i = ph->first; i < ph->last; i++)
    if (_px_quote_is_nameish (&c->tok[i]) && !_px_quote_is_role_word (c->tok[i].norm) &&
        !in_determiners (c->tok[i].norm))
      {
        first = MIN (first, i);
        last = i;
      }
    else if (first != G_MAXUINT)
      break;
  if (first != G_MAXUINT)
    {
      g_autofree char *name = _px_quote_span_text (c, first, last);
      size_t len = strlen (name);
      if (len > 2 && name[len - 2] == '\'' && name[len - 1] == 's')
        name[len - 2] = '\0';
      else if (g_str_has_suffix (name, "\u2019s"))
        name[len - strlen ("\u2019s")] = '\0';
      return g_steal_pointer (&name);
    }
  if (!in_org_words (c->tok[head].norm) || !in_determiners (c->tok[ph->first].norm))
    return NULL;
  for (guint i = _px_quote_token_at (c, pos); i-- > 0;)
    {
      guint s = i, e = i;
      if (strcmp (c->tok[i].norm, c->tok[head].norm) != 0 || !(c->tok[i].flags & PX_TOKEN_CAPITALIZED) || i == ph->last)
        continue;
      /* The capitalised run around it, with "of" and "for" inside
       * ("Ministry of Transport", "Centre for Rail Safety"). */
      while (s > 0 && !_px_quote_gap_breaks (c, s - 1) && _px_quote_is_nameish (&c->tok[s - 1]) &&
             !in_determiners (c->tok[s - 1].norm))
        s--;
      while (e + 2 < c->n_tok && !_px_quote_gap_breaks (c, e) && !_px_quote_gap_breaks (c, e + 1) &&
             (_px_quote_is_nameish (&c->tok[e + 1]) ||
              ((strcmp (c->tok[e + 1].norm, "of") == 0 || strcmp (c->tok[e + 1].norm, "for") == 0) &&
               _px_quote_is_nameish (&c->tok[e + 2]))))
        e += _px_quote_is_nameish (&c->tok[e + 1]) ? 1 : 2;
      if (s == e && c->tok[s].sentence != c->tok[s > 0 ? s - 1 : s].sentence)
        continue; /* "Company" opening a sentence names nothing */
      return _px_quote_span_text (c, s, e);
    }
  return NULL;
}

/* Records the speaker of the latest attribution, what the next "he" or
 * "they" may point back to. */
static void
set_last (Ctx *c, guint pos, const char *speaker, const char *role, gboolean plural, gboolean person)
{
  c->last_pos = pos;
  g_free (c->last_speaker);
  g_free (c->last_role);
  c->last_speaker = g_strdup (speaker);
  c->last_role = g_strdup (role);
  c->last_plural = plural;
  c->last_person = person;
}

/* May "he" or "she" stand for @name? Not when the text says the person
 * is of the other sex (px-quotes-gender.c); unknown fits both. */
static gboolean
gender_fits (Ctx *c, const char *name, const char *pronoun)
{
  char g = px_quote_gender_of (c->gender, name);

  if (g == 0)
    return TRUE;
  if (strcmp (pronoun, "he") == 0)
    return g == 'm';
  if (strcmp (pronoun, "she") == 0)
    return g == 'f';
  return TRUE;
}

/* May "he" or "she" point back to @p? A person named with two words or
 * with a title, not an organisation or a place. */
static gboolean
is_antecedent (const Person *p)
{
  gboolean titled = FALSE;

  if (_px_quote_is_org_name (p->name))
    return FALSE;
  if (p->spoke)
    return strchr (p->name, ' ') != NULL || p->role != NULL;
  /* Only mentioned: a full name alone ("Ann Bell"), or with a personal
   * title ("Mr.", "Sen."); "Foreign Relations" after "Council on" is
   * no one. */
  if (strchr (p->name, ' ') != NULL)
    return TRUE;
  if (p->role != NULL)
    {
      g_autofree char *low = g_utf8_strdown (p->role, -1);
      g_auto (GStrv) words = g_strsplit_set (low, " .", -1);
      for (guint i = 0; words[i] != NULL; i++)
        titled |= WORD_IS (words[i], PX_QW_DOTTED_TITLE | PX_QW_SOURCE) && !in_org_words (words[i]);
      return titled;
    }
  return FALSE;
}

/* Does sentence @s open with @pronoun ("He then said", "And she went")?
 * Within its first three words, before any name. */
static gboolean
opens_with (Ctx *c, guint s, const char *pronoun)
{
  const PxSentence *sent = px_text_units_get_sentence (c->units, s);
  gsize len = strlen (pronoun);

  for (guint i = sent->first_token; i < sent->first_token + MIN (sent->n_tokens, 3); i++)
    {
      const char *norm = c->tok[i].norm;
      if (strncmp (norm, pronoun, len) == 0 && (norm[len] == '\0' || norm[len] == '\''))
        return TRUE;
      if (_px_quote_is_nameish (&c->tok[i]) && !(c->tok[i].flags & PX_TOKEN_STOP))
        return FALSE;
    }
  return FALSE;
}

/* "he", "she": the latest named speaker whom the pronoun fits (a
 * speaker the text calls "Ms." is no "he"), or, if someone new opened
 * the sentence of the quote or the one before ("Ann Bell arrived
 * late. "…," she said"), that person; "they": the latest speaker if
 * it was several ("officials") or an organisation. Anything else stays
 * unknown rather than guessed. */
static void
resolve_pronoun (Ctx *c, PxQuote *q, const char *pronoun, guint pos)
{
  gboolean singular = strcmp (pronoun, "he") == 0 || strcmp (pronoun, "she") == 0;
  gboolean plural = strcmp (pronoun, "they") == 0;
  const Person *p = NULL;
  const char *name = NULL, *role = NULL;
  gboolean spoken;
  guint anchor = q->n_parts > 0 ? MIN (q->start, pos) : pos, qs;

  if (plural)
    {
      if (c->last_speaker != NULL && (c->last_plural || !c->last_person))
        {
          q->speaker = g_strdup (c->last_speaker);
          q->role = g_strdup (c->last_role);
        }
      return;
    }
  if (!singular)
    return;
  /* The latest named speaker: persons are in text order. */
  for (guint i = c->persons->len; i-- > 0 && p == NULL;)
    {
      const Person *cand = &g_array_index (c->persons, Person, i);
      if (cand->pos <= pos && cand->spoke && !_px_quote_is_org_name (cand->name))
        p = cand;
    }
  if (p != NULL)
    {
      name = p->name;
      role = p->role;
    }
  /* A descriptive speaker ("a spokesman") after the latest named one. */
  if (c->last_speaker != NULL && c->last_person && (p == NULL || c->last_pos > p->pos))
    {
      name = c->last_speaker;
      role = c->last_role;
    }
  /* Never past them to someone before: unknown rather than wrong. */
  spoken = name != NULL;
  if (spoken && !gender_fits (c, name, pronoun))
    name = NULL;
  /* Someone new opening the quote's sentence or the one before, or
   * further back through sentences that open with the same pronoun
   * ("Ann Bell arrived. She sat down. "…," she said"). */
  qs = px_text_units_find_sentence (c->units, anchor);
  for (guint s = qs + 1; s-- > 0 && (s + 1 >= qs || (s + 6 >= qs && opens_with (c, s + 1, pronoun)));)
    if (c->subjects[s] != NULL && c->subject_pos[s] < anchor && c->subject_pos[s] > c->last_pos &&
        (p == NULL || c->subject_pos[s] > p->pos) && gender_fits (c, c->subjects[s], pronoun))
      {
        const Person *known = lookup_person (c, c->subjects[s], anchor);
        name = c->subjects[s];
        role = known != NULL ? known->role : NULL;
        break;
      }
  /* No one fits yet: the person named last, but none named before an
   * attribution to someone else. */
  if (name == NULL)
    for (guint i = 0; i < c->persons->len; i++)
      {
        const Person *cand = &g_array_index (c->persons, Person, i);
        if (cand->pos > pos)
          break;
        if (is_antecedent (cand) && gender_fits (c, cand->name, pronoun) &&
            (!spoken || (cand->pos > c->last_pos && (p == NULL || cand->pos > p->pos))))
          {
            name = cand->name;
            role = cand->role;
          }
      }
  if (name == NULL)
    return;
  q->speaker = g_strdup (name);
  q->role = g_strdup (role);
  /* Now the latest speaker, for the next "he". */
  if (name != c->last_speaker)
    {
      g_autofree char *keep = g_strdup (name);
      g_autofree char *keep_role = g_strdup (role);
      set_last (c, pos, keep, keep_role, FALSE, TRUE);
      add_person (c, pos, keep, keep_role, TRUE);
    }
}

/* Is the phrase a descriptive source ("a Huawei spokesman", "the
 * ministry", "officials")? Its last word is a head noun of one. */
static gboolean
is_descriptive (Ctx *c, const Phrase *ph)
{
  return ph->name == NULL && ph->role != NULL &&
         (ph->described || _px_quote_base_is (c->tok[ph->last].norm, PX_QW_SOURCE));
}

/* Resolves a phrase into the quote's speaker fields. @reported: the
 * words are reported speech without quotation marks, where only a
 * person-like name is taken as a speaker. */
void
_px_quote_resolve (Ctx *c, PxQuote *q, Phrase *ph, guint pos, gboolean reported)
{
  const Person *p = NULL;

  q->speaker_as_written = _px_quote_span_text (c, ph->first, ph->last);
  q->attribution_start = c->tok[ph->first].start;
  q->attribution_end = c->tok[ph->last].end;
  if (ph->pronoun)
    {
      resolve_pronoun (c, q, c->tok[ph->first].norm, pos);
      return;
    }
  else if (ph->name != NULL)
    {
      /* "Bell said" where the text names "Ann Bell" elsewhere. */
      const char *full = strchr (ph->name, ' ') == NULL ? g_hash_table_lookup (c->full_names, ph->name) : NULL;
      if (full != NULL && *full != '\0')
        {
          g_free (ph->name);
          ph->name = g_strdup (full);
        }
      p = lookup_person (c, ph->name, pos);
      if (p == NULL)
        {
          if (reported && !is_person_name (ph) && full == NULL)
            return;
          q->speaker = g_strdup (ph->name);
          q->role = g_strdup (ph->role);
          add_person (c, pos, ph->name, ph->role, TRUE);
          set_last (c, pos, ph->name, ph->role, FALSE, !_px_quote_is_org_name (ph->name));
          return;
        }
    }
  else if (ph->role != NULL)
    {
      /* "the chairman": the last person given that title; "the company"
       * stays unresolved rather than guessed. */
      gboolean indefinite = strcmp (c->tok[ph->first].norm, "a") == 0 || strcmp (c->tok[ph->first].norm, "an") == 0;

      /* "a top executive" introduces someone new, and "the Commerce
       * Department" (the last word is the head) is an organisation:
       * neither points back to a person. */
      if (!indefinite && !in_org_words (c->tok[ph->last].norm) && in_determiners (c->tok[ph->first].norm) &&
          !_px_quote_base_is (c->tok[ph->last].norm, PX_QW_PLURAL))
        for (guint i = ph->last + 1; i-- > ph->first && p == NULL;)
          if (_px_quote_is_role_word (c->tok[i].norm) && !in_org_words (c->tok[i].norm) &&
              !_px_quote_is_possessive (c->tok[i].norm))
            p = person_with_role (c, c->tok[i].norm, pos);
      /* Otherwise a descriptive source speaks, kept as written. */
      if (p == NULL && !reported && is_descriptive (c, ph))
        {
          gboolean plural = _px_quote_base_is (c->tok[ph->last].norm, PX_QW_PLURAL);
          gboolean org = in_org_words (c->tok[ph->last].norm);
          q->speaker = g_strdup (q->speaker_as_written);
          q->role = g_strdup (ph->role);
          q->organisation = ph->organisation != NULL ? g_strdup (ph->organisation) : organisation_of (c, ph, pos);
          set_last (c, pos, q->speaker, NULL, plural, !org);
          return;
        }
    }
  if (p != NULL)
    {
      q->speaker = g_strdup (p->name);
      q->role = g_strdup (ph->role != NULL ? ph->role : p->role);
      set_last (c, pos, p->name, q->role, FALSE, !_px_quote_is_org_name (p->name));
      /* The latest mention is what the next name lookup finds (@p is
       * not valid after this). */
      add_person (c, pos, p->name, p->role, TRUE);
    }
}
