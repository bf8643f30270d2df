/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "spell/px-spell-checker.h"

#include <enchant.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

struct _PxSpellChecker
{
  GObject parent_instance;

  EnchantBroker *broker;
  EnchantDict *dict;
  char *language;
  char *personal_path;
  GHashTable *personal; /* words added by the user */
  GHashTable *ignored;  /* words ignored this session */
};

G_DEFINE_FINAL_TYPE (PxSpellChecker, px_spell_checker, G_TYPE_OBJECT)

static void
px_spell_checker_finalize (GObject *object)
{
  PxSpellChecker *self = PX_SPELL_CHECKER (object);

  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  if (self->broker != NULL)
    enchant_broker_free (self->broker);
  g_free (self->language);
  g_free (self->personal_path);
  g_hash_table_unref (self->personal);
  g_hash_table_unref (self->ignored);
  G_OBJECT_CLASS (px_spell_checker_parent_class)->finalize (object);
}

static void
px_spell_checker_class_init (PxSpellCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_spell_checker_finalize;
}

static void
px_spell_checker_init (PxSpellChecker *self)
{
  self->personal = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
load_personal (PxSpellChecker *self)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (self->personal_path, &contents, NULL, NULL) || !g_utf8_validate (contents, -1, NULL))
    return;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_hash_table_add (self->personal, g_strdup (lines[i]));
    }
}

PxSpellChecker *
px_spell_checker_new (const char *data_dir)
{
  PxSpellChecker *self = g_object_new (PX_TYPE_SPELL_CHECKER, NULL);
  g_autofree char *dir = data_dir ? g_strdup (data_dir) : g_build_filename (g_get_user_data_dir (), "parallax", NULL);

  self->broker = enchant_broker_init ();
  self->personal_path = g_build_filename (dir, "dictionary.txt", NULL);
  load_personal (self);
  return self;
}

PxSpellChecker *
px_spell_checker_get_default (void)
{
  static PxSpellChecker *instance;

  if (instance == NULL)
    {
      instance = px_spell_checker_new (NULL);
      px_spell_checker_set_language (instance, NULL);
    }
  return instance;
}

static void
collect_dict (const char *const tag, const char *const provider_name, const char *const provider_desc,
              const char *const provider_file, void *user_data)
{
  GPtrArray *tags = user_data;

  for (guint i = 0; i < tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (tags, i), tag) == 0)
      return;
  g_ptr_array_add (tags, g_strdup (tag));
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

GStrv
px_spell_checker_list_languages (PxSpellChecker *self)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PX_IS_SPELL_CHECKER (self), NULL);
  if (self->broker != NULL)
    enchant_broker_list_dicts (self->broker, collect_dict, tags);
  g_ptr_array_sort (tags, compare_strings);
  g_ptr_array_add (tags, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/* "en-GB.UTF-8@euro" → "en_GB". */
static char *
normalize_tag (const char *tag)
{
  char *out = g_strdup (tag);

  out[strcspn (out, ".@")] = '\0';
  g_strdelimit (out, "-", '_');
  return out;
}

/* The installed dictionary for @tag: itself, or one of the same language
 * ("en" → "en_US"), preferring @region_hint's country. */
static char *
match_installed (GStrv installed, const char *tag, const char *region_hint)
{
  g_autofree char *norm = normalize_tag (tag);
  g_autofree char *lang = g_strndup (norm, strcspn (norm, "_"));
  char *first = NULL;

  if (*lang == '\0')
    return NULL;
  for (guint i = 0; installed[i] != NULL; i++)
    if (g_ascii_strcasecmp (installed[i], norm) == 0)
      return g_strdup (installed[i]);
  for (guint i = 0; installed[i] != NULL; i++)
    {
      const char *cand = installed[i];
      gsize n = strlen (lang);

      if (g_ascii_strncasecmp (cand, lang, n) != 0 || (cand[n] != '\0' && cand[n] != '_'))
        continue;
      if (region_hint != NULL && g_ascii_strcasecmp (cand, region_hint) == 0)
        {
          g_free (first);
          return g_strdup (cand);
        }
      if (first == NULL)
        first = g_strdup (cand);
    }
  return first;
}

char *
px_spell_checker_pick_language (PxSpellChecker *self, const char *preferred)
{
  g_auto (GStrv) installed = NULL;
  const char *const *locales = g_get_language_names ();
  g_autofree char *locale = NULL;
  char *found;

  g_return_val_if_fail (PX_IS_SPELL_CHECKER (self), NULL);
  installed = px_spell_checker_list_languages (self);
  if (installed[0] == NULL)
    return NULL;
  /* The most specific locale name, e.g. "en_GB" from "en_GB.UTF-8". */
  if (locales[0] != NULL)
    locale = normalize_tag (locales[0]);
  if (preferred != NULL && *preferred != '\0' && (found = match_installed (installed, preferred, locale)) != NULL)
    return found;
  for (guint i = 0; locales[i] != NULL; i++)
    {
      /* The C locale speaks English. */
      const char *tag = g_str_equal (locales[i], "C") || g_str_equal (locales[i], "POSIX") ? "en_US" : locales[i];
      if ((found = match_installed (installed, tag, locale)) != NULL)
        return found;
    }
  return NULL;
}

gboolean
px_spell_checker_set_language (PxSpellChecker *self, const char *language)
{
  g_autofree char *picked = NULL;

  g_return_val_if_fail (PX_IS_SPELL_CHECKER (self), FALSE);
  if (language == NULL)
    language = picked = px_spell_checker_pick_language (self, NULL);
  if (self->dict != NULL && g_strcmp0 (language, self->language) == 0)
    return TRUE;
  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  self->dict = NULL;
  g_clear_pointer (&self->language, g_free);
  if (language == NULL || *language == '\0' || self->broker == NULL ||
      !enchant_broker_dict_exists (self->broker, language))
    return FALSE;
  self->dict = enchant_broker_request_dict (self->broker, language);
  if (self->dict == NULL)
    return FALSE;
  self->language = g_strdup (language);
  return TRUE;
}

const char *
px_spell_checker_get_language (PxSpellChecker *self)
{
  g_return_val_if_fail (PX_IS_SPELL_CHECKER (self), NULL);
  return self->language;
}

gboolean
px_spell_checker_has_dictionary (PxSpellChecker *self)
{
  g_return_val_if_fail (PX_IS_SPELL_CHECKER (self), FALSE);
  return self->dict != NULL;
}

gboolean
px_spell_checker_check_word (PxSpellChecker *self, const char *word, gssize len)
{
  g_autofree char *copy = NULL;

  g_return_val_if_fail (PX_IS_SPELL_CHECKER (self), TRUE);
  if (word == NULL)
    return TRUE;
  copy = len < 0 ? g_strdup (word) : g_strndup (word, len);
  if (self->dict == NULL || *copy == '\0' || !g_utf8_validate (copy, -1, NULL))
    return TRUE;
  if (g_hash_table_contains (self->personal, copy) || g_hash_table_contains (self->ignored, copy))
    return TRUE;
  return enchant_dict_check (self->dict, copy, strlen (copy)) == 0;
}

GStrv
px_spell_checker_suggest (PxSpellChecker *self, const char *word, gssize len)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *copy = NULL;
  size_t n = 0;
  char **suggestions;

  g_return_val_if_fail (PX_IS_SPELL_CHECKER (self), NULL);
  if (word == NULL || self->dict == NULL)
    return g_strv_builder_end (builder);
  copy = len < 0 ? g_strdup (word) : g_strndup (word, len);
  if (*copy == '\0' || !g_utf8_validate (copy, -1, NULL))
    return g_strv_builder_end (builder);
  suggestions = enchant_dict_suggest (self->dict, copy, strlen (copy), &n);
  for (size_t i = 0; i < n; i++)
    g_strv_builder_add (builder, suggestions[i]);
  if (suggestions != NULL)
    enchant_dict_free_string_list (self->dict, suggestions);
  return g_strv_builder_end (builder);
}

static int
compare_words (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *)a, *(const char *const *)b);
}

gboolean
px_spell_checker_add_word (PxSpellChecker *self, const char *word, gssize len, GError **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (GString) contents = g_string_new (NULL);
  g_autofree gpointer *keys = NULL;
  guint n;

  g_return_val_if_fail (PX_IS_SPELL_CHECKER (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);
  copy = len < 0 ? g_strdup (word) : g_strndup (word, len);
  g_strstrip (copy);
  if (*copy == '\0' || !g_utf8_validate (copy, -1, NULL) || strpbrk (copy, "\n\r") != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("Only a single word can be added to the dictionary"));
      return FALSE;
    }
  if (g_hash_table_contains (self->personal, copy))
    return TRUE;
  g_hash_table_add (self->personal, g_strdup (copy));

  /* Written whole and atomically, sorted, so the file stays tidy. */
  keys = g_hash_table_get_keys_as_array (self->personal, &n);
  qsort (keys, n, sizeof (gpointer), compare_words);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (contents, "%s\n", (const char *)keys[i]);
  dir = g_path_get_dirname (self->personal_path);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (self->personal_path, contents->str, contents->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not create the folder “%s”"), dir);
      g_hash_table_remove (self->personal, copy);
      return FALSE;
    }
  return TRUE;
}

void
px_spell_checker_ignore_word (PxSpellChecker *self, const char *word, gssize len)
{
  g_return_if_fail (PX_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);
  g_hash_table_add (self->ignored, len < 0 ? g_strdup (word) : g_strndup (word, len));
}

const char *
px_spell_checker_get_personal_path (PxSpellChecker *self)
{
  g_return_val_if_fail (PX_IS_SPELL_CHECKER (self), NULL);
  return self->personal_path;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

/* Letters and digits make words; an apostrophe does inside one
 * ("don't", "journalists’"), not at its ends. */
static gboolean
word_char_at (const char *p, const char *end)
{
  gunichar c = g_utf8_get_char (p);
  const char *next;

  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return TRUE;
  if (!is_apostrophe (c))
    return FALSE;
  next = g_utf8_next_char (p);
  return next < end && g_unichar_isalpha (g_utf8_get_char (next));
}

static gboolean
is_all_caps (const char *word, gssize len)
{
  gboolean upper = FALSE;

  for (const char *p = word; p < word + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        return FALSE;
      upper |= g_unichar_isupper (c);
    }
  return upper;
}

GArray *
px_spell_checker_check_text (PxSpellChecker *self, const char *text, gssize len)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PxSpellRange));
  const char *p, *end;
  guint index = 0;

  g_return_val_if_fail (PX_IS_SPELL_CHECKER (self), out);
  if (text == NULL || self->dict == NULL)
    return out;
  if (len < 0)
    len = strlen (text);
  if (!g_utf8_validate (text, len, NULL))
    return out;
  end = text + len;
  p = text;
  while (p < end)
    {
      const char *word_start;
      guint start_index = index;
      gboolean has_digit = FALSE;

      if (!word_char_at (p, end))
        {
          p = g_utf8_next_char (p);
          index++;
          continue;
        }
      word_start = p;
      while (p < end && word_char_at (p, end))
        {
          has_digit |= g_unichar_isdigit (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
          index++;
        }
      /* Acronyms (all capitals: "CNBC", "NATO") are names, not words a
       * dictionary knows. */
      if (has_digit || index - start_index < 2 || is_all_caps (word_start, p - word_start))
        continue;
      if (!px_spell_checker_check_word (self, word_start, p - word_start))
        g_array_append_val (out, ((PxSpellRange){ start_index, index }));
    }
  return out;
}

void
px_spell_extend_to_words (const char *text, guint *start, guint *end)
{
  const char *s, *e, *text_end;

  g_return_if_fail (text != NULL && start != NULL && end != NULL);
  *end = MIN (*end, (guint)g_utf8_strlen (text, -1));
  *start = MIN (*start, *end);
  text_end = text + strlen (text);
  s = g_utf8_offset_to_pointer (text, *start);
  e = g_utf8_offset_to_pointer (text, *end);
  while (s > text)
    {
      const char *prev = g_utf8_prev_char (s);
      if (!word_char_at (prev, text_end))
        break;
      s = prev;
      (*start)--;
    }
  while (e < text_end && word_char_at (e, text_end))
    {
      e = g_utf8_next_char (e);
      (*end)++;
    }
}
