/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "quotes/px-quotes-gender.h"

#include <string.h>

#include "quotes/px-quotes-words.h"

#define WORD_IS(norm, cls) ((px_quote_word_classes ((norm), NULL) & (cls)) != 0)

static gboolean
is_name_word (const PxToken *t)
{
  return (t->flags & (PX_TOKEN_CAPITALIZED | PX_TOKEN_ACRONYM)) && !(t->flags & (PX_TOKEN_NUMBER | PX_TOKEN_STOP)) &&
         !WORD_IS (t->norm, PX_QW_ROLE | PX_QW_PRONOUN | PX_QW_DETERMINER);
}

/* Nothing but spaces between tokens @i and @i + 1, or the full stop of a
 * title or an initial ("Mr. Barth", "Ann B. Dahl"). */
static gboolean
joined (const PxQuoteText *t, guint i)
{
  const char *p = t->text + t->tok[i].byte_end, *e = t->text + t->tok[i + 1].byte_start;
  gboolean dotted = WORD_IS (t->tok[i].norm, PX_QW_DOTTED_TITLE) || t->tok[i].norm[1] == '\0';

  if (t->tok[i].sentence != t->tok[i + 1].sentence && !dotted)
    return FALSE;
  for (; p < e; p++)
    if (!(*p == ' ' || (*p == '.' && dotted && p == t->text + t->tok[i].byte_end)))
      return FALSE;
  return TRUE;
}

/* The last word of the name run that starts at @i. */
static guint
name_end (const PxQuoteText *t, guint i)
{
  guint e = i;
  while (e + 1 < t->n_tok && e - i < 3 && is_name_word (&t->tok[e + 1]) && joined (t, e))
    e++;
  return e;
}

static void
count_titles (const PxQuoteText *t, GHashTable *titles)
{
  for (guint i = 0; i + 1 < t->n_tok; i++)
    {
      guint sex = px_quote_word_classes (t->tok[i].norm, NULL) & (PX_QW_MALE | PX_QW_FEMALE);
      /* Titles only: "Mr. Barth", not "first lady Ann Barth", whose
       * surname her husband shares. */
      if (sex == 0 || sex == (PX_QW_MALE | PX_QW_FEMALE) || !WORD_IS (t->tok[i].norm, PX_QW_DOTTED_TITLE) ||
          !is_name_word (&t->tok[i + 1]) || !joined (t, i))
        continue;
      {
        const char *surname = t->tok[name_end (t, i + 1)].norm;
        guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (titles, surname));
        g_hash_table_insert (titles, (gpointer)surname, GUINT_TO_POINTER (seen | sex));
      }
    }
}

GHashTable *
px_quote_find_genders (const PxQuoteText *t)
{
  /* surname -> PX_QW_MALE / PX_QW_FEMALE bits of its titles */
  g_autoptr (GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter it;
  gpointer key, value;

  g_return_val_if_fail (t != NULL, out);

  count_titles (t, titles);
  g_hash_table_iter_init (&it, titles);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      guint sex = GPOINTER_TO_UINT (value);
      /* "Mr. and Mrs. Moss": '?' */
      int g = sex == PX_QW_MALE ? 'm' : sex == PX_QW_FEMALE ? 'f' : '?';
      g_hash_table_insert (out, g_strdup (key), GINT_TO_POINTER (g));
    }
  return out;
}

char
px_quote_gender_of (GHashTable *genders, const char *name)
{
  const char *space;
  g_autofree char *last = NULL;
  int g;
  guint cls;

  g_return_val_if_fail (genders != NULL && name != NULL, 0);

  space = strrchr (name, ' ');
  last = g_utf8_strdown (space != NULL ? space + 1 : name, -1);
  g = GPOINTER_TO_INT (g_hash_table_lookup (genders, last));
  if (g == 'm' || g == 'f')
    return (char)g;
  if (g != 0)
    return 0;
  /* Nouns of one sex tell a descriptive speaker's ("a spokeswoman"), not
   * a name's: King and Prince are surnames of women too. */
  if (g_unichar_isupper (g_utf8_get_char (space != NULL ? space + 1 : name)))
    return 0;
  cls = px_quote_word_classes (last, NULL) & (PX_QW_MALE | PX_QW_FEMALE);
  return cls == PX_QW_MALE ? 'm' : cls == PX_QW_FEMALE ? 'f' : 0;
}
