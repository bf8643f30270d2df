/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reviewed word lists of the quote finder, one class per list. The
 * lists are text files in data/quotes/<language>/ (each says in its
 * header what it holds and how it was made), compiled into the library
 * as a GResource (data/quotes/quotes.gresource.xml), so the program,
 * the tests and the Flatpak read the same words with no file to find at
 * run time. They are read once, into one table, on first use. Other
 * languages get their own folder; until then they use English's. */
#include "quotes/px-quotes-words.h"

#include <gio/gio.h>
#include <string.h>

#include "quotes/px-quote-words-resources.h"

#define RESOURCE_PREFIX "/io/github/parallaxapp/Parallax/quotes/"

typedef struct
{
  guint classes;
  const char *file;
} WordList;

static const WordList en_lists[] = {
  { PX_QW_CUE, "en/cues.txt" },
  { PX_QW_ROLE, "en/roles.txt" },
  { PX_QW_ROLE | PX_QW_SOURCE | PX_QW_PLURAL, "en/plurals.txt" },
  { PX_QW_SOURCE, "en/sources.txt" },
  { PX_QW_AUX, "en/aux.txt" },
  { PX_QW_MODIFIER, "en/modifiers.txt" },
  { PX_QW_PRONOUN, "en/pronouns.txt" },
  { PX_QW_DETERMINER, "en/determiners.txt" },
  { PX_QW_ORG, "en/orgs.txt" },
  { PX_QW_DOTTED_TITLE, "en/dotted-titles.txt" },
  { PX_QW_NOT_SPEECH, "en/not-speech.txt" },
  { PX_QW_MALE, "en/male.txt" },
  { PX_QW_FEMALE, "en/female.txt" },
};

/* Adds the words of one list (blank-separated, "#" to the end of a line
 * a comment) to @table with @classes. */
static void
add_list (GHashTable *table, const char *text, gsize len, guint classes)
{
  const char *p = text, *end = text + len;

  while (p < end)
    {
      const char *w;

      if (*p == '#')
        {
          while (p < end && *p != '\n')
            p++;
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      w = p;
      while (p < end && !g_ascii_isspace (*p) && *p != '#')
        p++;
      {
        g_autofree char *word = g_strndup (w, (gsize)(p - w));
        gpointer old_key = NULL, old = NULL;
        if (g_hash_table_lookup_extended (table, word, &old_key, &old))
          g_hash_table_insert (table, g_strdup (word), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) | classes));
        else
          g_hash_table_insert (table, g_steal_pointer (&word), GUINT_TO_POINTER (classes));
      }
    }
}

static GHashTable *
build_table (const WordList *lists, gsize n_lists)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize l = 0; l < n_lists; l++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX, lists[l].file, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes =
          g_resource_lookup_data (px_quote_words_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      gsize len = 0;
      const char *data;

      /* Compiled in: missing only if the build is broken. */
      if (bytes == NULL)
        {
          g_critical ("quote word list %s: %s", path, error->message);
          continue;
        }
      data = g_bytes_get_data (bytes, &len);
      add_list (table, data, len, lists[l].classes);
    }
  return table;
}

guint
px_quote_word_classes (const char *norm, const char *language)
{
  static GHashTable *en_table;
  static gsize initialized;

  g_return_val_if_fail (norm != NULL, 0);
  /* One language so far: everything reads English's lists. */
  (void)language;
  if (g_once_init_enter (&initialized))
    {
      en_table = build_table (en_lists, G_N_ELEMENTS (en_lists));
      g_once_init_leave (&initialized, 1);
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (en_table, norm));
}
