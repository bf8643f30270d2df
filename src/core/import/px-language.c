/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-language.h"

#include <string.h>

/* Words frequent in one language and rare in the others. Shared words
 * ("de", "in", "a") would only blur the vote and are left out. */
static const struct
{
  const char *tag;
  const char *words;
} languages[] = {
  { "en", "the and of to is was that with for are from this have has were which by be it at on said not would" },
  { "de", "der die und das ist nicht mit den sich auf ein eine dem zu von des im auch wurde sind wie bei aus" },
  { "fr", "le la les et des est une dans que pour qui pas sur au du aux avec sont ont cette mais été il elle" },
  { "es", "el los las y del que una por con para es se su al lo como más pero fue sus ha este según" },
  { "it", "il di che la è per una non sono della gli con del le nel alla anche dei ha delle questo" },
  { "nl", "het een van en de dat is niet zijn op te voor met werd ook maar bij naar uit wordt hij" },
  { "pt", "o os da do das dos que em uma não para com é ao mais foi pelo pela seu sua como" },
};

static GHashTable *
word_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      /* word → bit mask of languages using it */
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          g_auto (GStrv) words = g_strsplit (languages[l].words, " ", -1);
          for (guint i = 0; words[i]; i++)
            {
              guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (t, words[i]));
              g_hash_table_insert (t, g_strdup (words[i]), GUINT_TO_POINTER (mask | (1u << l)));
            }
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

const char *
px_language_detect (const char *text)
{
  GHashTable *table = word_table ();
  double votes[G_N_ELEMENTS (languages)] = { 0 };
  guint total = 0, hits = 0;
  const char *p = text;
  int best = -1, second = -1;

  if (text == NULL)
    return NULL;
  /* A few thousand words are plenty. */
  while (*p && total < 3000)
    {
      const char *start;
      char word[16];
      gsize n = 0;

      while (*p && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;
      total++;
      if ((gsize)(p - start) >= sizeof word)
        continue;
      memcpy (word, start, p - start);
      word[p - start] = '\0';
      {
        g_autofree char *lower = g_utf8_strdown (word, -1);
        guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (table, lower));
        guint n_langs = 0;

        if (mask == 0)
          continue;
        hits++;
        for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
          if (mask & (1u << l))
            n_langs++;
        for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
          if (mask & (1u << l))
            votes[l] += 1.0 / n_langs;
      }
      (void)n;
    }
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      if (best < 0 || votes[l] > votes[best])
        {
          second = best;
          best = l;
        }
      else if (second < 0 || votes[l] > votes[second])
        second = l;
    }
  /* At least a handful of function words, and a clear winner. */
  if (best < 0 || votes[best] < 3 || (second >= 0 && votes[best] < 1.5 * votes[second]) || hits * 20 < total)
    return NULL;
  return languages[best].tag;
}

char *
px_language_normalize_tag (const char *tag)
{
  g_auto (GStrv) parts = NULL;
  GString *out;

  if (tag == NULL)
    return NULL;
  parts = g_strsplit_set (tag, "-_", 3);
  if (parts[0] == NULL)
    return NULL;
  g_strstrip (parts[0]);
  if (strlen (parts[0]) < 2 || strlen (parts[0]) > 3)
    return NULL;
  for (const char *c = parts[0]; *c; c++)
    if (!g_ascii_isalpha (*c))
      return NULL;
  out = g_string_new (NULL);
  for (const char *c = parts[0]; *c; c++)
    g_string_append_c (out, g_ascii_tolower (*c));
  if (parts[1] != NULL)
    {
      g_strstrip (parts[1]);
      if (strlen (parts[1]) == 2 && g_ascii_isalpha (parts[1][0]) && g_ascii_isalpha (parts[1][1]))
        g_string_append_printf (out, "-%c%c", g_ascii_toupper (parts[1][0]), g_ascii_toupper (parts[1][1]));
    }
  return g_string_free (out, FALSE);
}
