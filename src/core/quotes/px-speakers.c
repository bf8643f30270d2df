/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "quotes/px-speakers.h"

#include <string.h>

#include "text/px-word-diff.h"

/* A quote belongs to a group when this share of the shorter version's
 * words appear, in order, in the other. */
#define GROUP_CONTAINMENT 0.5
#define PART_CONTAINMENT 0.7
#define TRUNCATED_CONTAINMENT 0.9

struct _PxSpeakerSet
{
  GObject parent_instance;

  GPtrArray *units;
  GPtrArray *quotes;
  GArray *speakers; /* PxSpeaker */
  GArray *entries;  /* PxQuoteEntry */
  GArray *groups;   /* PxQuoteGroup */
  GPtrArray *words; /* per entry: GArray of PxToken (copies) */
};

G_DEFINE_FINAL_TYPE (PxSpeakerSet, px_speaker_set, G_TYPE_OBJECT)

static void
speaker_clear (gpointer data)
{
  PxSpeaker *s = data;
  g_free (s->name);
  g_ptr_array_unref (s->roles);
  g_ptr_array_unref (s->aliases);
}

static void
group_clear (gpointer data)
{
  PxQuoteGroup *g = data;
  g_array_unref (g->entries);
}

static void
px_speaker_set_finalize (GObject *object)
{
  PxSpeakerSet *self = PX_SPEAKER_SET (object);

  g_ptr_array_unref (self->units);
  g_ptr_array_unref (self->quotes);
  g_array_unref (self->speakers);
  g_array_unref (self->entries);
  g_array_unref (self->groups);
  g_ptr_array_unref (self->words);

  G_OBJECT_CLASS (px_speaker_set_parent_class)->finalize (object);
}

static void
px_speaker_set_class_init (PxSpeakerSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_speaker_set_finalize;
}

static void
px_speaker_set_init (PxSpeakerSet *self)
{
  self->speakers = g_array_new (FALSE, TRUE, sizeof (PxSpeaker));
  g_array_set_clear_func (self->speakers, speaker_clear);
  self->entries = g_array_new (FALSE, TRUE, sizeof (PxQuoteEntry));
  self->groups = g_array_new (FALSE, TRUE, sizeof (PxQuoteGroup));
  g_array_set_clear_func (self->groups, group_clear);
  self->words = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
}

/* Lowercased name words without possessives: "Liang's" -> "liang". */
static GStrv
name_words (const char *name)
{
  g_autofree char *low = g_utf8_strdown (name, -1);
  GStrv words;

  g_strdelimit (low, ",", ' ');
  words = g_strsplit_set (low, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      size_t len = strlen (words[i]);
      if (len > 2 && g_str_has_suffix (words[i], "'s"))
        words[i][len - 2] = '\0';
      else if (len > 4 && g_str_has_suffix (words[i], "\u2019s"))
        words[i][len - 4] = '\0';
    }
  return words;
}

static gboolean
subset (GStrv small, GStrv big)
{
  for (guint i = 0; small[i] != NULL; i++)
    if (!g_strv_contains ((const char *const *)big, small[i]))
      return FALSE;
  return TRUE;
}

static void
add_unique (GPtrArray *list, const char *s)
{
  if (s == NULL || *s == '\0')
    return;
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (list->pdata[i], s) == 0)
      return;
  g_ptr_array_add (list, g_strdup (s));
}

/* A role as a list shows it: without a leading article, so that
 * "librarian", "Librarian" and "The librarian" are one role, written as
 * first seen. */
static void
add_role (GPtrArray *roles, const char *role)
{
  static const char *const articles[] = { "the ", "a ", "an " };
  g_autofree char *key = NULL;

  if (role == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    if (g_ascii_strncasecmp (role, articles[i], strlen (articles[i])) == 0)
      {
        role += strlen (articles[i]);
        break;
      }
  if (*role == '\0')
    return;
  key = g_utf8_casefold (role, -1);
  for (guint i = 0; i < roles->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (roles->pdata[i], -1);
      if (strcmp (key, other) == 0)
        return;
    }
  g_ptr_array_add (roles, g_strdup (role));
}

static int
entry_by_name_len (gconstpointer a, gconstpointer b, gpointer data)
{
  const PxQuoteEntry *x = &g_array_index ((GArray *)data, PxQuoteEntry, *(const guint *)a);
  const PxQuoteEntry *y = &g_array_index ((GArray *)data, PxQuoteEntry, *(const guint *)b);
  size_t lx = strlen (x->quote->speaker), ly = strlen (y->quote->speaker);
  return lx > ly ? -1 : lx < ly;
}

/* Speakers across outlets: the fullest names first, shorter forms join
 * the speaker whose name holds all their words ("Liang" ⊂ "Liang Hua"). */
static void
build_speakers (PxSpeakerSet *self)
{
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, PxQuoteEntry, i).quote->speaker != NULL)
      g_array_append_val (order, i);
  g_array_sort_with_data (order, entry_by_name_len, self->entries);

  for (guint k = 0; k < order->len; k++)
    {
      PxQuoteEntry *e = &g_array_index (self->entries, PxQuoteEntry, g_array_index (order, guint, k));
      g_auto (GStrv) words = name_words (e->quote->speaker);
      guint found = G_MAXUINT;
      PxSpeaker *sp;

      for (guint s = 0; s < self->speakers->len && found == G_MAXUINT; s++)
        if (subset (words, keys->pdata[s]))
          found = s;
      if (found == G_MAXUINT)
        {
          PxSpeaker fresh = { 0 };
          fresh.name = g_strdup (e->quote->speaker);
          fresh.roles = g_ptr_array_new_with_free_func (g_free);
          fresh.aliases = g_ptr_array_new_with_free_func (g_free);
          g_array_append_val (self->speakers, fresh);
          g_ptr_array_add (keys, g_steal_pointer (&words));
          found = self->speakers->len - 1;
        }
      sp = &g_array_index (self->speakers, PxSpeaker, found);
      e->speaker = found;
      add_unique (sp->aliases, e->quote->speaker);
      add_unique (sp->aliases, e->quote->speaker_as_written);
      add_role (sp->roles, e->quote->role);
    }
}

/* The words of a quote, without the attribution between split parts. */
static GArray *
quote_words (PxTextUnits *units, const PxQuote *q)
{
  guint n;
  const PxToken *tok = px_text_units_get_tokens (units, &n);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PxToken));

  for (guint i = 0; i < n; i++)
    {
      if (tok[i].start >= q->end)
        break;
      for (guint p = 0; p < q->n_parts; p++)
        if (tok[i].start >= q->parts[p][0] && tok[i].end <= q->parts[p][1])
          {
            g_array_append_val (out, tok[i]);
            break;
          }
    }
  return out;
}

static guint
lcs_len (GArray *a, GArray *b)
{
  return (guint)(px_word_diff_ratio ((const PxToken *)a->data, a->len, (const PxToken *)b->data, b->len) *
                     (a->len + b->len) / 2.0 +
                 0.5);
}

static double
containment (GArray *a, GArray *b)
{
  guint m = MIN (a->len, b->len);
  return m > 0 ? (double)lcs_len (a, b) / m : 0;
}

static int
entry_by_length (gconstpointer a, gconstpointer b, gpointer data)
{
  PxSpeakerSet *self = data;
  guint x = *(const guint *)a, y = *(const guint *)b;
  const PxQuoteEntry *ex = &g_array_index (self->entries, PxQuoteEntry, x);
  const PxQuoteEntry *ey = &g_array_index (self->entries, PxQuoteEntry, y);
  guint lx = ((GArray *)self->words->pdata[x])->len, ly = ((GArray *)self->words->pdata[y])->len;

  /* Direct quotes make better references than reported speech. */
  if ((ex->quote->kind == PX_QUOTE_INDIRECT) != (ey->quote->kind == PX_QUOTE_INDIRECT))
    return ex->quote->kind == PX_QUOTE_INDIRECT ? 1 : -1;
  return lx > ly ? -1 : lx < ly ? 1 : (x < y ? -1 : x > y);
}

static void
build_groups (PxSpeakerSet *self)
{
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->entries->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, entry_by_length, self);

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      PxQuoteEntry *e = &g_array_index (self->entries, PxQuoteEntry, i);
      GArray *w = self->words->pdata[i];
      guint found = G_MAXUINT;
      double best = 0;

      /* Same speaker (or an unknown one), enough words in common. */
      for (guint g = 0; g < self->groups->len; g++)
        {
          PxQuoteGroup *grp = &g_array_index (self->groups, PxQuoteGroup, g);
          const PxQuoteEntry *ref = &g_array_index (self->entries, PxQuoteEntry, grp->reference);
          double c;
          if (e->speaker != G_MAXUINT && grp->speaker != G_MAXUINT && e->speaker != grp->speaker)
            continue;
          if (ref->doc == e->doc)
            continue;
          c = containment (w, self->words->pdata[grp->reference]);
          if (c >= GROUP_CONTAINMENT && c > best)
            {
              best = c;
              found = g;
            }
        }
      if (found == G_MAXUINT)
        {
          PxQuoteGroup fresh = { 0 };
          fresh.speaker = e->speaker;
          fresh.reference = i;
          fresh.entries = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (self->groups, fresh);
          found = self->groups->len - 1;
        }
      else if (g_array_index (self->groups, PxQuoteGroup, found).speaker == G_MAXUINT)
        g_array_index (self->groups, PxQuoteGroup, found).speaker = e->speaker;
      e->group = found;
      g_array_append_val (g_array_index (self->groups, PxQuoteGroup, found).entries, i);
    }

  /* Drift against the reference. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      PxQuoteEntry *e = &g_array_index (self->entries, PxQuoteEntry, i);
      PxQuoteGroup *grp = &g_array_index (self->groups, PxQuoteGroup, e->group);
      const PxQuoteEntry *ref = &g_array_index (self->entries, PxQuoteEntry, grp->reference);
      GArray *w = self->words->pdata[i], *rw = self->words->pdata[grp->reference];
      guint common;
      gboolean contained = FALSE;

      if (i == grp->reference)
        {
          e->ratio = 1.0;
          continue;
        }
      common = lcs_len (w, rw);
      e->ratio = w->len + rw->len > 0 ? 2.0 * common / (w->len + rw->len) : 1.0;
      if (e->quote->kind == PX_QUOTE_INDIRECT)
        {
          if (ref->quote->kind != PX_QUOTE_INDIRECT)
            e->drift |= PX_DRIFT_PARAPHRASED;
          continue;
        }

      /* Cut: (almost) all its words are in another outlet's version, which
       * has a few more. Whole inside one, it changed no words either. */
      for (guint k = 0; k < grp->entries->len; k++)
        {
          guint j = g_array_index (grp->entries, guint, k);
          const PxQuoteEntry *o = &g_array_index (self->entries, PxQuoteEntry, j);
          GArray *ow = self->words->pdata[j];
          guint c;

          if (o->doc == e->doc || o->quote->kind == PX_QUOTE_INDIRECT || ow->len < w->len + 2)
            continue;
          c = lcs_len (w, ow);
          if (c >= w->len * TRUNCATED_CONTAINMENT)
            e->drift |= PX_DRIFT_TRUNCATED;
          if (c == w->len)
            contained = TRUE;
        }
      if (common < w->len && !contained)
        e->drift |= PX_DRIFT_WORDS_CHANGED;
    }

  /* Merged: one quote holding two or more separate quotes of one other
   * outlet. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      PxQuoteEntry *e = &g_array_index (self->entries, PxQuoteEntry, i);
      GArray *w = self->words->pdata[i];

      if (e->quote->kind == PX_QUOTE_INDIRECT)
        continue;
      for (guint d = 0; d < self->units->len; d++)
        {
          guint parts = 0;
          if (d == e->doc)
            continue;
          for (guint j = 0; j < self->entries->len; j++)
            {
              const PxQuoteEntry *o = &g_array_index (self->entries, PxQuoteEntry, j);
              GArray *ow = self->words->pdata[j];
              if (o->doc != d || o->quote->kind == PX_QUOTE_INDIRECT || ow->len >= w->len)
                continue;
              if ((double)lcs_len (ow, w) / MAX (ow->len, 1) >= PART_CONTAINMENT)
                parts++;
            }
          if (parts >= 2)
            {
              e->drift |= PX_DRIFT_MERGED;
              break;
            }
        }
    }
}

PxSpeakerSet *
px_speaker_set_new (GPtrArray *units, GPtrArray *quotes)
{
  PxSpeakerSet *self;

  g_return_val_if_fail (units != NULL, NULL);
  g_return_val_if_fail (quotes != NULL && quotes->len == units->len, NULL);

  self = g_object_new (PX_TYPE_SPEAKER_SET, NULL);
  self->units = g_ptr_array_ref (units);
  self->quotes = g_ptr_array_ref (quotes);
  for (guint d = 0; d < quotes->len; d++)
    {
      GPtrArray *qs = quotes->pdata[d];
      for (guint i = 0; i < qs->len; i++)
        {
          PxQuoteEntry e = { d, qs->pdata[i], G_MAXUINT, G_MAXUINT, 0, 1.0 };
          g_array_append_val (self->entries, e);
          g_ptr_array_add (self->words, quote_words (units->pdata[d], qs->pdata[i]));
        }
    }
  build_speakers (self);
  build_groups (self);
  return self;
}

guint
px_speaker_set_get_n_speakers (PxSpeakerSet *self)
{
  g_return_val_if_fail (PX_IS_SPEAKER_SET (self), 0);
  return self->speakers->len;
}

const PxSpeaker *
px_speaker_set_get_speaker (PxSpeakerSet *self, guint index)
{
  g_return_val_if_fail (PX_IS_SPEAKER_SET (self), NULL);
  g_return_val_if_fail (index < self->speakers->len, NULL);
  return &g_array_index (self->speakers, PxSpeaker, index);
}

guint
px_speaker_set_get_n_entries (PxSpeakerSet *self)
{
  g_return_val_if_fail (PX_IS_SPEAKER_SET (self), 0);
  return self->entries->len;
}

const PxQuoteEntry *
px_speaker_set_get_entry (PxSpeakerSet *self, guint index)
{
  g_return_val_if_fail (PX_IS_SPEAKER_SET (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, PxQuoteEntry, index);
}

guint
px_speaker_set_get_n_groups (PxSpeakerSet *self)
{
  g_return_val_if_fail (PX_IS_SPEAKER_SET (self), 0);
  return self->groups->len;
}

const PxQuoteGroup *
px_speaker_set_get_group (PxSpeakerSet *self, guint index)
{
  g_return_val_if_fail (PX_IS_SPEAKER_SET (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return &g_array_index (self->groups, PxQuoteGroup, index);
}

guint
px_speaker_set_find_speaker (PxSpeakerSet *self, const char *name)
{
  g_auto (GStrv) words = NULL;

  g_return_val_if_fail (PX_IS_SPEAKER_SET (self), G_MAXUINT);
  g_return_val_if_fail (name != NULL, G_MAXUINT);

  words = name_words (name);
  for (guint s = 0; s < self->speakers->len; s++)
    {
      g_auto (GStrv) have = name_words (g_array_index (self->speakers, PxSpeaker, s).name);
      if (subset (words, have))
        return s;
    }
  return G_MAXUINT;
}

GStrv
px_drift_flags_to_strv (guint flags)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

  if (flags & PX_DRIFT_TRUNCATED)
    g_strv_builder_add (b, "truncated");
  if (flags & PX_DRIFT_MERGED)
    g_strv_builder_add (b, "merged");
  if (flags & PX_DRIFT_WORDS_CHANGED)
    g_strv_builder_add (b, "words-changed");
  if (flags & PX_DRIFT_PARAPHRASED)
    g_strv_builder_add (b, "paraphrased");
  return g_strv_builder_end (b);
}
