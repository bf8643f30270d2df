/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "analysis/px-quotes.h"

#include <string.h>

#include "analysis/px-normalize.h"
#include "analysis/px-quotes-gender.h"
#include "analysis/px-quotes-marks.h"
#include "analysis/px-quotes-words.h"

static gboolean
in_list (const char *const *list, const char *word)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], word) == 0)
      return TRUE;
  return FALSE;
}

#define WORD_IS(norm, cls) ((px_quote_word_classes ((norm), NULL) & (cls)) != 0)

gboolean
px_is_cue_word (const char *norm)
{
  g_return_val_if_fail (norm != NULL, FALSE);
  return WORD_IS (norm, PX_QW_CUE);
}

static gboolean
is_possessive (const char *norm)
{
  size_t len = strlen (norm);
  return len > 2 && norm[len - 2] == '\'' && norm[len - 1] == 's';
}

/* The word without a possessive ending ("company's" -> "company"). */
static gboolean
base_is (const char *norm, guint cls)
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

static gboolean
is_role_word (const char *norm)
{
  return base_is (norm, PX_QW_ROLE);
}

/* Skipped between a subject and its cue: "also", "has", and adverbs in
 * -ly ("angrily") — not names ("Kelly", "Connolly") nor the nouns a
 * speaker can be ("family", "assembly", "daily"). */
static gboolean
is_aux (const PxToken *tok)
{
  const char *norm = tok->norm;
  return WORD_IS (norm, PX_QW_AUX) ||
         (strlen (norm) > 4 && g_str_has_suffix (norm, "ly") && !(tok->flags & PX_TOKEN_CAPITALIZED) &&
          !WORD_IS (norm, PX_QW_SOURCE | PX_QW_ROLE | PX_QW_ORG));
}

#define in_pronouns(w) WORD_IS ((w), PX_QW_PRONOUN)
#define in_determiners(w) WORD_IS ((w), PX_QW_DETERMINER)
#define in_org_words(w) WORD_IS ((w), PX_QW_ORG)

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

/* --- context ------------------------------------------------------------- */

typedef PxQuoteMark Mark;

typedef struct
{
  PxQuoteText qt; /* the same text, for px-quotes-marks.c */
  PxTextUnits *units;
  const char *text;
  const PxToken *tok;
  guint n_tok;
  GArray *marks;      /* Mark, the quotation spans */
  GArray *persons;    /* Person, named people in text order */
  GHashTable *gender; /* surname -> 'm' or 'f' (px-quotes-gender.c) */
  char **subjects;    /* per sentence: the person it opens with, or NULL */
  guint *subject_pos; /* per sentence: where that name is */
  /* The speaker of the latest attribution, what "he" or "they" may point
   * back to: never past an attribution to someone else. */
  char *last_speaker;
  char *last_role;
  gboolean last_plural; /* "officials", "the ministry" */
  gboolean last_person; /* a named person, or a singular role ("a spokesman") */
  guint last_pos;
} Ctx;

typedef struct
{
  guint pos; /* code point where the name is mentioned */
  char *name;
  char *role;
  gboolean spoke; /* named as a speaker, not only mentioned */
} Person;

static void
person_clear (gpointer data)
{
  Person *p = data;
  g_free (p->name);
  g_free (p->role);
}

static gboolean
is_nameish (const PxToken *t)
{
  return (t->flags & (PX_TOKEN_CAPITALIZED | PX_TOKEN_ACRONYM)) && !(t->flags & (PX_TOKEN_NUMBER | PX_TOKEN_STOP));
}

static gboolean
gap_has (Ctx *c, guint i, const char *chars)
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

static gboolean
gap_breaks (Ctx *c, guint i)
{
  /* "Sen. Ann Bell", "Janet L. Yellen": the stop of a title or a middle
   * initial ends no phrase, even where the sentence splitter saw an end. */
  gboolean initial = c->tok[i].norm[0] != '\0' && c->tok[i].norm[1] == '\0' && is_nameish (&c->tok[i]);
  if ((initial || WORD_IS (c->tok[i].norm, PX_QW_DOTTED_TITLE)) && c->text[c->tok[i].byte_end] == '.' &&
      (c->tok[i + 1].flags & PX_TOKEN_CAPITALIZED) && !gap_has (c, i, ",;:!?()[]"))
    return FALSE;
  if (c->tok[i].sentence != c->tok[i + 1].sentence)
    return TRUE;
  return gap_has (c, i, ",.;:!?()[]");
}

static char *
span_text (Ctx *c, guint first, guint last)
{
  return g_strndup (c->text + c->tok[first].byte_start, c->tok[last].byte_end - c->tok[first].byte_start);
}

static gboolean
is_org_name (const char *name)
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
static gboolean
is_phrase_word (const PxToken *t)
{
  return is_nameish (t) || is_role_word (t->norm) || in_determiners (t->norm) || is_possessive (t->norm) ||
         WORD_IS (t->norm, PX_QW_MODIFIER) || in_pronouns (t->norm);
}

/* Going left from token @k, may token @k - 1 join its speaker phrase? A
 * phrase word, or the "of" of a title ("secretary of state", "minister
 * of finance"), not before @floor. */
static gboolean
joins_left (Ctx *c, guint k, guint floor)
{
  if (k <= floor || gap_breaks (c, k - 1))
    return FALSE;
  if (is_phrase_word (&c->tok[k - 1]))
    return TRUE;
  return strcmp (c->tok[k - 1].norm, "of") == 0 && k - 1 > floor && !gap_breaks (c, k - 2) &&
         is_role_word (c->tok[k].norm) && is_role_word (c->tok[k - 2].norm) && !in_org_words (c->tok[k - 2].norm);
}

static guint
token_at (Ctx *c, guint cp)
{
  return px_quote_text_token_at (&c->qt, cp);
}

/* --- speaker phrases ----------------------------------------------------- */

typedef struct
{
  guint first, last; /* tokens, inclusive; first > last when empty */
  char *name;        /* the trailing run of capitalised non-role words */
  char *role;        /* the words before it, or an appositive */
  gboolean pronoun;
  gboolean described; /* "the ad's narrator": a determiner and a common noun */
  char *organisation; /* "the Norvik Group" in "a spokesman for the Norvik Group" */
} Phrase;

static void
phrase_clear (Phrase *p)
{
  g_clear_pointer (&p->name, g_free);
  g_clear_pointer (&p->role, g_free);
  g_clear_pointer (&p->organisation, g_free);
}

/* Splits tokens first..last into role and name. FALSE if it holds neither
 * (then it is not a speaker). */
static gboolean
parse_phrase (Ctx *c, guint first, guint last, Phrase *out)
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
      if (is_nameish (t) && !is_role_word (t->norm) && (!is_possessive (t->norm) || i == last) &&
          !in_determiners (t->norm) && !in_pronouns (t->norm))
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
      out->name = span_text (c, name_first, name_last);
      /* "Liang's" as a subject ("Liang's words") is not a speaker. */
      if (is_possessive (c->tok[name_last].norm))
        {
          phrase_clear (out);
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
        if (is_role_word (c->tok[i].norm) || is_possessive (c->tok[i].norm) || is_nameish (&c->tok[i]))
          has_role = TRUE;
      if (has_role)
        out->role = span_text (c, role_first, name_first - 1);
    }
  return out->name != NULL || out->role != NULL;
}

/* Speaker phrase starting at token @i, going right ("said Huawei chairman
 * Liang Hua, while …"); also reads an appositive role ("Liang Hua,
 * Huawei's chairman, said"). Stops at @limit (exclusive). */
static gboolean
phrase_right (Ctx *c, guint i, guint limit, Phrase *out)
{
  guint j = i;

  memset (out, 0, sizeof *out);
  if (i >= limit || !is_phrase_word (&c->tok[i]))
    return FALSE;
  while (j + 1 < limit && j - i < 7 && is_phrase_word (&c->tok[j + 1]) && !gap_breaks (c, j) &&
         !in_pronouns (c->tok[j].norm))
    j++;
  if (!parse_phrase (c, i, j, out))
    return FALSE;
  /* Appositive: ", Huawei's chairman," after a name. */
  if (out->name != NULL && out->role == NULL && j + 1 < limit && gap_has (c, j, ","))
    {
      guint k = j + 1, e = k;
      gboolean role = FALSE;
      while (e < limit && e - k < 6 && is_phrase_word (&c->tok[e]))
        {
          role |= is_role_word (c->tok[e].norm);
          if (e + 1 >= limit || gap_breaks (c, e))
            break;
          e++;
        }
      if (role && e < limit)
        out->role = span_text (c, k, e);
    }
  return TRUE;
}

/* Speaker phrase ending at token @j, going left, not before @floor. */
static gboolean
phrase_left (Ctx *c, guint j, guint floor, Phrase *out)
{
  guint i = j;

  memset (out, 0, sizeof *out);
  if (j < floor || !is_phrase_word (&c->tok[j]))
    return FALSE;
  while (j - i < 7 && joins_left (c, i, floor))
    i--;
  /* "We" in `"…" We said` is unlikely; a sentence-initial "He said" is
   * fine. A lone pronoun inside a longer run is not the subject. */
  while (i < j && in_pronouns (c->tok[i].norm))
    i++;
  return parse_phrase (c, i, j, out);
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
  return in_determiners (t->norm) || is_possessive (t->norm) || (is_role_word (t->norm) && !in_org_words (t->norm));
}

/* People named with a title, before or after a reporting verb: the
 * antecedents that "he", "Liang" and "the chairman" point back to. */
static void
find_people (Ctx *c)
{
  guint n_sent = px_text_units_get_n_sentences (c->units);
  g_autofree gboolean *headline = g_new0 (gboolean, n_sent + 1);

  for (guint s = 0; s < n_sent; s++)
    headline[s] = px_quote_text_is_headline (&c->qt, px_text_units_get_sentence (c->units, s));
  for (guint i = 0; i < c->n_tok; i++)
    {
      Phrase ph;
      gboolean role_before = i > 0 && is_role_word (c->tok[i - 1].norm) && !gap_breaks (c, i - 1);
      gboolean cue_before = i > 0 && px_is_cue_word (c->tok[i - 1].norm) && !gap_breaks (c, i - 1);
      /* "the mayor, Tom Reed, arrived" */
      gboolean title_before_comma = i > 0 && c->tok[i - 1].sentence == c->tok[i].sentence &&
                                    is_role_word (c->tok[i - 1].norm) && !in_org_words (c->tok[i - 1].norm) &&
                                    gap_has (c, i - 1, ",");

      if (!is_nameish (&c->tok[i]) || is_role_word (c->tok[i].norm) || inside_mark (c, i) ||
          headline[c->tok[i].sentence])
        continue;
      /* "Huawei's outside counsel, Glen Nager on CNBC": two name words
       * right after a title and a comma, whatever follows them. */
      gboolean named_after_title =
          title_before_comma && i + 1 < c->n_tok && is_nameish (&c->tok[i + 1]) && !gap_breaks (c, i);

      if (!(role_before || cue_before || named_after_title ||
            (i + 1 < c->n_tok && px_is_cue_word (c->tok[i + 1].norm)) ||
            (i + 2 < c->n_tok && is_nameish (&c->tok[i + 1]) && !gap_breaks (c, i) && gap_has (c, i + 1, ",") &&
             (starts_appositive (c, i + 2) || title_before_comma))))
        continue;

      /* Widen to the whole phrase around it. */
      {
        guint s = i, e = i;
        while (i - s < 6 && joins_left (c, s, 0) && !px_is_cue_word (c->tok[s - 1].norm))
          s--;
        while (e + 1 < c->n_tok && e - i < 3 && is_nameish (&c->tok[e + 1]) && !is_role_word (c->tok[e + 1].norm) &&
               !gap_breaks (c, e))
          e++;
        /* "a top Huawei executive": a name right before a title is a
         * modifier of it, not a person. */
        if (e + 1 < c->n_tok && is_role_word (c->tok[e + 1].norm) && !gap_breaks (c, e))
          {
            i = e;
            continue;
          }
        if (!parse_phrase (c, s, e, &ph))
          {
            i = e;
            continue;
          }
        /* "The transport minister, Helena Quist, said": the role before
         * the comma. */
        if (ph.name != NULL && ph.role == NULL && s >= 2 && gap_has (c, s - 1, ",") &&
            is_role_word (c->tok[s - 1].norm))
          {
            guint r = s - 1;
            while (r > 0 && s - 1 - r < 5 && is_phrase_word (&c->tok[r - 1]) && !gap_breaks (c, r - 1))
              r--;
            ph.role = span_text (c, r, s - 1);
          }
        /* A person needs a title or two name words; "Huawei said" names
         * an organisation. */
        if (ph.name != NULL && (ph.role != NULL || e > i))
          add_person (c, c->tok[i].start, ph.name, ph.role, FALSE);
        phrase_clear (&ph);
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
  /* A short opening adverbial up to a comma: "On Sunday, Bell …". */
  if (!is_nameish (&c->tok[i]) || (c->tok[i].flags & PX_TOKEN_STOP))
    for (guint k = i; k + 1 < end && k < i + 6; k++)
      if (gap_has (c, k, ","))
        {
          i = k + 1;
          break;
        }
  while (i < end &&
         (is_role_word (c->tok[i].norm) || in_determiners (c->tok[i].norm) || WORD_IS (c->tok[i].norm, PX_QW_MODIFIER)))
    i++;
  if (i >= end || !is_nameish (&c->tok[i]) || inside_mark (c, i))
    return NULL;
  e = i;
  while (e + 1 < end && e - i < 3 && is_nameish (&c->tok[e + 1]) && !is_role_word (c->tok[e + 1].norm) &&
         !gap_breaks (c, e) && !is_possessive (c->tok[e].norm))
    e++;
  if (e + 1 < end && !gap_breaks (c, e) && is_nameish (&c->tok[e + 1]))
    return NULL;
  name = span_text (c, i, e);
  if (g_str_has_suffix (name, "'s"))
    name[strlen (name) - 2] = '\0';
  else if (g_str_has_suffix (name, "\u2019s"))
    name[strlen (name) - strlen ("\u2019s")] = '\0';
  if (is_org_name (name))
    return NULL;
  *pos = c->tok[i].start;
  p = lookup_person (c, name, G_MAXUINT);
  if (p != NULL)
    return is_org_name (p->name) ? NULL : g_strdup (p->name);
  return e > i ? g_steal_pointer (&name) : NULL;
}

static void
find_subjects (Ctx *c)
{
  guint n = px_text_units_get_n_sentences (c->units);

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
  return ph->name != NULL && !is_org_name (ph->name) && (ph->role != NULL || strchr (ph->name, ' ') != NULL);
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
    if (is_nameish (&c->tok[i]) && !is_role_word (c->tok[i].norm) && !in_determiners (c->tok[i].norm))
      {
        first = MIN (first, i);
        last = i;
      }
    else if (first != G_MAXUINT)
      break;
  if (first != G_MAXUINT)
    {
      g_autofree char *name = span_text (c, first, last);
      size_t len = strlen (name);
      if (len > 2 && name[len - 2] == '\'' && name[len - 1] == 's')
        name[len - 2] = '\0';
      else if (g_str_has_suffix (name, "\u2019s"))
        name[len - strlen ("\u2019s")] = '\0';
      return g_steal_pointer (&name);
    }
  if (!in_org_words (c->tok[head].norm) || !in_determiners (c->tok[ph->first].norm))
    return NULL;
  for (guint i = token_at (c, pos); i-- > 0;)
    {
      guint s = i, e = i;
      if (strcmp (c->tok[i].norm, c->tok[head].norm) != 0 || !(c->tok[i].flags & PX_TOKEN_CAPITALIZED) || i == ph->last)
        continue;
      /* The capitalised run around it, with "of" and "for" inside
       * ("Ministry of Transport", "Centre for Rail Safety"). */
      while (s > 0 && !gap_breaks (c, s - 1) && is_nameish (&c->tok[s - 1]) && !in_determiners (c->tok[s - 1].norm))
        s--;
      while (e + 2 < c->n_tok && !gap_breaks (c, e) && !gap_breaks (c, e + 1) &&
             (is_nameish (&c->tok[e + 1]) ||
              ((strcmp (c->tok[e + 1].norm, "of") == 0 || strcmp (c->tok[e + 1].norm, "for") == 0) &&
               is_nameish (&c->tok[e + 2]))))
        e += is_nameish (&c->tok[e + 1]) ? 1 : 2;
      if (s == e && c->tok[s].sentence != c->tok[s > 0 ? s - 1 : s].sentence)
        continue; /* "Company" opening a sentence names nothing */
      return span_text (c, s, e);
    }
  return NULL;
}

/* Resolves a phrase into the quote's speaker fields. @reported: the
 * words are reported speech without quotation marks, where only a
 * person-like name is taken as a speaker. */
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

  if (is_org_name (p->name))
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
      if (cand->pos <= pos && cand->spoke && !is_org_name (cand->name))
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
  /* Someone new opening the quote's sentence or the one before. */
  qs = px_text_units_find_sentence (c->units, anchor);
  for (guint s = qs + 1; s-- > 0 && s + 1 >= qs;)
    if (c->subjects[s] != NULL && c->subject_pos[s] < anchor && c->subject_pos[s] > c->last_pos &&
        (p == NULL || c->subject_pos[s] > p->pos) && gender_fits (c, c->subjects[s], pronoun))
      {
        name = c->subjects[s];
        role = NULL;
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
  return ph->name == NULL && ph->role != NULL && (ph->described || base_is (c->tok[ph->last].norm, PX_QW_SOURCE));
}

/* Resolves a phrase into the quote's speaker fields. @reported: the
 * words are reported speech without quotation marks, where only a
 * person-like name is taken as a speaker. */
static void
resolve (Ctx *c, PxQuote *q, Phrase *ph, guint pos, gboolean reported)
{
  const Person *p = NULL;

  q->speaker_as_written = span_text (c, ph->first, ph->last);
  q->attribution_start = c->tok[ph->first].start;
  q->attribution_end = c->tok[ph->last].end;
  if (ph->pronoun)
    {
      resolve_pronoun (c, q, c->tok[ph->first].norm, pos);
      return;
    }
  else if (ph->name != NULL)
    {
      p = lookup_person (c, ph->name, pos);
      if (p == NULL)
        {
          if (reported && !is_person_name (ph))
            return;
          q->speaker = g_strdup (ph->name);
          q->role = g_strdup (ph->role);
          add_person (c, pos, ph->name, ph->role, TRUE);
          set_last (c, pos, ph->name, ph->role, FALSE, !is_org_name (ph->name));
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
          !base_is (c->tok[ph->last].norm, PX_QW_PLURAL))
        for (guint i = ph->last + 1; i-- > ph->first && p == NULL;)
          if (is_role_word (c->tok[i].norm) && !in_org_words (c->tok[i].norm) && !is_possessive (c->tok[i].norm))
            p = person_with_role (c, c->tok[i].norm, pos);
      /* Otherwise a descriptive source speaks, kept as written. */
      if (p == NULL && !reported && is_descriptive (c, ph))
        {
          gboolean plural = base_is (c->tok[ph->last].norm, PX_QW_PLURAL);
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
      set_last (c, pos, p->name, q->role, FALSE, !is_org_name (p->name));
      /* The latest mention is what the next name lookup finds (@p is
       * not valid after this). */
      add_person (c, pos, p->name, p->role, TRUE);
    }
}

/* --- attribution --------------------------------------------------------- */

/* The cue as written: the verb, plus the addressee of "told" ("told
 * Reuters"). */
static guint
cue_last (Ctx *c, guint cue, guint limit)
{
  if (strcmp (c->tok[cue].norm, "told") == 0 && cue + 1 < limit && !gap_breaks (c, cue) &&
      strcmp (c->tok[cue + 1].norm, "that") != 0)
    {
      guint e = cue + 1;
      while (e + 1 < limit && e - cue < 3 && is_nameish (&c->tok[e + 1]) && !gap_breaks (c, e))
        e++;
      return e;
    }
  return cue;
}

static char *
cue_text (Ctx *c, guint cue, guint limit)
{
  return span_text (c, cue, cue_last (c, cue, limit));
}

/* "according to X" within tokens [from, to). */
static gboolean
try_according (Ctx *c, PxQuote *q, guint from, guint to, gboolean reported)
{
  for (guint i = from; i + 2 < to; i++)
    {
      Phrase ph;
      if (strcmp (c->tok[i].norm, "according") != 0 || strcmp (c->tok[i + 1].norm, "to") != 0)
        continue;
      if (!phrase_right (c, i + 2, to, &ph))
        continue;
      q->cue = g_strdup ("according to");
      resolve (c, q, &ph, c->tok[i].start, reported);
      phrase_clear (&ph);
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
    if (gap_breaks (c, i))
      return FALSE;
  for (guint i = first + 1; i <= last; i++)
    if (px_is_cue_word (c->tok[i].norm) || in_pronouns (c->tok[i].norm) ||
        (c->tok[i].flags & PX_TOKEN_NUMBER && i == last))
      return FALSE;
  if (!g_unichar_islower (g_utf8_get_char (c->text + c->tok[last].byte_start)) || is_aux (&c->tok[last]) ||
      (c->tok[last].flags & PX_TOKEN_STOP))
    return FALSE;
  out->first = first;
  out->last = last;
  out->role = span_text (c, first, last);
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
  while (e + 1 < limit && e - i < 5 && !gap_breaks (c, e) && !(c->tok[e + 1].flags & PX_TOKEN_STOP) &&
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
    if (is_nameish (&c->tok[k]) && !is_role_word (c->tok[k].norm) &&
        (gap_has (c, k, ",(") || strcmp (c->tok[k + 1].norm, "of") == 0))
      return TRUE;
  return FALSE;
}

/* `"…" ― Ada Moss`: a quote signed with a dash and the speaker's name,
 * ending its paragraph or sentence. */
static gboolean
try_dash (Ctx *c, PxQuote *q, const Mark *a, guint limit)
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
  while (e + 1 < limit && e - i < 5 && !gap_breaks (c, e) && is_phrase_word (&c->tok[e + 1]))
    e++;
  if (e + 1 < limit)
    return FALSE;
  if (!phrase_right (c, i, e + 1, &ph) || ph.name == NULL)
    {
      phrase_clear (&ph);
      return FALSE;
    }
  q->cue = g_strdup ("");
  resolve (c, q, &ph, c->tok[i].start, FALSE);
  phrase_clear (&ph);
  return TRUE;
}

static gboolean try_right_named (Ctx *c, PxQuote *q, guint from, guint limit);

/* `, the ad's narrator said`: a described source before the cue. */
static gboolean
try_right_described (Ctx *c, PxQuote *q, guint from, guint limit)
{
  for (guint j = from + 1; j < limit && j - from <= 6; j++)
    if (px_is_cue_word (c->tok[j].norm))
      {
        Phrase ph;
        guint end = j - 1;
        while (end > from && is_aux (&c->tok[end]))
          end--;
        if (!described_phrase (c, from, end, &ph))
          return FALSE;
        q->cue = cue_text (c, j, limit);
        resolve (c, q, &ph, c->tok[from].start, FALSE);
        phrase_clear (&ph);
        return TRUE;
      }
  return FALSE;
}

/* After the quote: `, said X`, `, X said`, `, X, the chairman, said`. */
static gboolean
try_right (Ctx *c, PxQuote *q, guint from, guint limit)
{
  return try_right_named (c, q, from, limit) || try_right_described (c, q, from, limit);
}

static gboolean
try_right_named (Ctx *c, PxQuote *q, guint from, guint limit)
{
  Phrase ph;

  if (from >= limit)
    return FALSE;
  /* "panel Chairman X said": a lower-case word before a title only
   * modifies it. */
  if (!is_phrase_word (&c->tok[from]) && !px_is_cue_word (c->tok[from].norm) && from + 1 < limit &&
      is_role_word (c->tok[from + 1].norm) && is_nameish (&c->tok[from + 1]) && !gap_breaks (c, from))
    from++;
  if (px_is_cue_word (c->tok[from].norm))
    {
      if (phrase_right (c, from + 1, limit, &ph) || described_after (c, from + 1, limit, &ph))
        {
          q->cue = cue_text (c, from, limit);
          resolve (c, q, &ph, c->tok[from].start, FALSE);
          phrase_clear (&ph);
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
          if (!is_phrase_word (&c->tok[j]) && !is_aux (&c->tok[j]) && !in_appositive (c, from, j))
            return FALSE;
          continue;
        }
      {
        guint end = j - 1;
        while (end > from && is_aux (&c->tok[end]))
          end--;
        /* Up to the first comma is the name; an appositive may follow. */
        for (guint k = from; k < end; k++)
          if (gap_has (c, k, ","))
            {
              end = k;
              break;
            }
        if (phrase_right (c, from, end + 1, &ph))
          {
            if (ph.role == NULL && end + 1 < j)
              {
                guint rs = end + 1, re = j - 1;
                while (re > rs && is_aux (&c->tok[re]))
                  re--;
                ph.role = span_text (c, rs, re);
              }
            q->cue = cue_text (c, j, limit);
            resolve (c, q, &ph, c->tok[from].start, FALSE);
            phrase_clear (&ph);
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

  if (ph->pronoun || k < floor + 2 || gap_breaks (c, k - 1) || gap_breaks (c, k - 2))
    return;
  if (strcmp (c->tok[k - 1].norm, "for") != 0 && strcmp (c->tok[k - 1].norm, "to") != 0 &&
      strcmp (c->tok[k - 1].norm, "at") != 0)
    return;
  if (!base_is (c->tok[k - 2].norm, PX_QW_SOURCE) || !phrase_left (c, k - 2, floor, &head))
    return;
  if (head.name == NULL && head.role != NULL && !head.pronoun && in_determiners (c->tok[head.first].norm))
    {
      g_autofree char *org = span_text (c, ph->first, ph->last);
      guint last = ph->last;
      phrase_clear (ph);
      memset (ph, 0, sizeof *ph);
      ph->first = head.first;
      ph->last = last;
      ph->role = span_text (c, head.first, last);
      ph->described = TRUE;
      ph->organisation = g_steal_pointer (&org);
    }
  phrase_clear (&head);
}

/* The subject of the cue at token @j: the phrase right before it, or,
 * when a comma precedes the cue, the name before an appositive ("Jeff
 * Nan, a senior expert at Huawei, told journalists"). */
static gboolean
subject_before (Ctx *c, guint j, guint floor, Phrase *ph)
{
  guint s;

  if (j <= floor)
    return FALSE;
  s = j - 1;
  while (s > floor && is_aux (&c->tok[s]))
    s--;
  if (gap_has (c, s, ","))
    {
      for (guint k = s; k > floor && s - k < 14; k--)
        if (gap_has (c, k - 1, ","))
          {
            if (phrase_left (c, k - 1, floor, ph) && ph->name != NULL)
              {
                if (ph->role == NULL)
                  ph->role = span_text (c, k, s);
                return TRUE;
              }
            phrase_clear (ph);
            return FALSE;
          }
      return FALSE;
    }
  if (phrase_left (c, s, floor, ph))
    {
      source_for (c, ph, floor);
      return TRUE;
    }
  phrase_clear (ph);
  for (guint d = s; d-- > floor && s - d <= 5;)
    if (described_phrase (c, d, s, ph))
      return TRUE;
  return FALSE;
}

/* Before the quote: `X said:`, `X said in an interview that`, `X told
 * Reuters that …`. The last cue with a subject wins. */
static gboolean
try_left (Ctx *c, PxQuote *q, guint floor, guint to)
{
  for (guint j = to; j-- > floor;)
    {
      Phrase ph;

      if (!px_is_cue_word (c->tok[j].norm))
        continue;
      if (j == floor)
        return FALSE;
      if (subject_before (c, j, floor, &ph))
        {
          q->cue = cue_text (c, j, to);
          resolve (c, q, &ph, c->tok[ph.first].start, FALSE);
          phrase_clear (&ph);
          return TRUE;
        }
    }
  return FALSE;
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

static void
add_indirect (Ctx *c, GPtrArray *out, guint sentence)
{
  const PxSentence *s = px_text_units_get_sentence (c->units, sentence);
  guint first = s->first_token, end = s->first_token + s->n_tokens;
  PxQuote *q;
  Phrase ph;

  for (guint j = first + 1; j < end && j < first + 24; j++)
    {
      guint body;
      if (!px_is_cue_word (c->tok[j].norm) || WORD_IS (c->tok[j].norm, PX_QW_NOT_SPEECH))
        continue;
      /* "Trump is said to be preparing" reports a rumour, not speech. */
      if (in_list (passive_aux, c->tok[j - 1].norm))
        return;
      if (!subject_before (c, j, first, &ph))
        return;
      /* The subject must open the sentence ("On Tuesday, Liang said …"
       * is fine: skip a leading adverbial up to a comma). */
      if (ph.first != first && !gap_has (c, ph.first - 1, ","))
        {
          phrase_clear (&ph);
          return;
        }
      body = cue_last (c, j, end) + 1;
      while (body < end && (strcmp (c->tok[body].norm, "that") == 0 || strcmp (c->tok[body].norm, "on") == 0))
        body++;
      if (end - body < 4)
        {
          phrase_clear (&ph);
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
      q->cue = cue_text (c, j, end);
      resolve (c, q, &ph, c->tok[ph.first].start, TRUE);
      phrase_clear (&ph);
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
      if (try_according (c, q, first, end, TRUE) && q->speaker != NULL)
        {
          guint body = token_at (c, q->attribution_end);
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
  g_array_set_clear_func (c.persons, person_clear);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify)px_quote_free);

  px_quote_find_marks (&c.qt, c.marks);
  find_people (&c);
  c.gender = px_quote_find_genders (&c.qt);
  find_subjects (&c);
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
      if (n_words < 2 || px_quote_mark_is_title (&c.qt, a, n_words))
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
      while (
          limit < c.n_tok &&
          (c.tok[limit].sentence == c.tok[a->end_tok - 1].sentence || (limit > after && !gap_breaks (&c, limit - 1))) &&
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
              next->first_token == after && next->n_tokens <= 10)
            limit = MIN (next->first_token + next->n_tokens,
                         m + 1 < c.marks->len ? g_array_index (c.marks, Mark, m + 1).first_tok : c.n_tok);
        }
      if (a->end_tok < c.n_tok && c.tok[a->end_tok].start >= a->mark_end)
        attributed = try_right (&c, q, after, limit) || try_dash (&c, q, a, limit);

      /* Tokens before the opening mark, from the sentence start or the end
       * of the previous quote. */
      if (!attributed)
        {
          floor = px_text_units_get_sentence (units, px_text_units_find_sentence (units, a->mark_start))->first_token;
          if (m > 0 && g_array_index (c.marks, Mark, m - 1).end_tok > floor &&
              g_array_index (c.marks, Mark, m - 1).end_tok <= a->first_tok)
            floor = g_array_index (c.marks, Mark, m - 1).end_tok;
          attributed = try_left (&c, q, floor, a->first_tok) || try_according (&c, q, floor, limit, FALSE);
        }

      /* `… Liang Hua said:` closing the paragraph before the quote. */
      if (!attributed && a->first_tok > 0 && c.tok[a->first_tok - 1].sentence + 1 == c.tok[a->first_tok].sentence)
        {
          const PxSentence *prev = px_text_units_get_sentence (units, c.tok[a->first_tok - 1].sentence);
          if (prev->byte_end > prev->byte_start && c.text[prev->byte_end - 1] == ':')
            attributed = try_left (&c, q, prev->first_token, prev->first_token + prev->n_tokens);
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
  /* Not g_strfreev(): sentences without a subject leave NULLs inside. */
  for (guint i = 0; i < n_sent; i++)
    g_free (c.subjects[i]);
  g_free (c.subjects);
  g_free (c.subject_pos);
  return out;
}
