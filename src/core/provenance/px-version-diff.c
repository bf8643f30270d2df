/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "provenance/px-version-diff.h"

#include "text/px-tokens.h"
#include "provenance/px-versions.h"

static void
append_op (GArray *ops, PxDiffKind kind, guint a_start, guint a_end, guint b_start, guint b_end)
{
  PxDiffOp op = { kind, a_start, a_end, b_start, b_end };

  if (a_start < a_end || b_start < b_end)
    g_array_append_val (ops, op);
}

/* The diff of already tokenized texts; @len_a and @len_b are the texts'
 * lengths in code points. */
static GArray *
diff_tokens (const PxToken *ta, guint n_ta, glong len_a, const PxToken *tb, guint n_tb, glong len_b)
{
  GArray *ops = g_array_new (FALSE, FALSE, sizeof (PxDiffOp));
  guint head, tail, n_a, n_b, a_mid, b_mid, a_end, b_end;

  px_versions_common_ends (ta, n_ta, tb, n_tb, &head, &tail);
  n_a = n_ta - head - tail;
  n_b = n_tb - head - tail;
  if (head > 0)
    append_op (ops, PX_DIFF_SAME, 0, ta[head - 1].end, 0, tb[head - 1].end);
  a_mid = head < n_ta ? ta[head].start : (guint)len_a;
  b_mid = head < n_tb ? tb[head].start : (guint)len_b;
  a_end = n_a > 0 ? ta[head + n_a - 1].end : a_mid;
  b_end = n_b > 0 ? tb[head + n_b - 1].end : b_mid;
  if (n_a > 0 && n_b > 0 && n_a <= PX_VERSIONS_DIFF_WORDS && n_b <= PX_VERSIONS_DIFF_WORDS)
    {
      g_autoptr (GArray) middle = px_word_diff (ta + head, n_a, tb + head, n_b, NULL);
      g_array_append_vals (ops, middle->data, middle->len);
    }
  else
    {
      append_op (ops, PX_DIFF_REMOVED, a_mid, a_end, b_mid, b_mid);
      append_op (ops, PX_DIFF_ADDED, a_end, a_end, b_mid, b_end);
    }
  if (tail > 0)
    append_op (ops, PX_DIFF_SAME, ta[n_ta - tail].start, (guint)len_a, tb[n_tb - tail].start, (guint)len_b);
  return ops;
}

GArray *
px_versions_diff (const char *old_text, const char *new_text, const char *language)
{
  g_autoptr (PxStemmer) stemmer = px_stemmer_new (language != NULL ? language : "en");
  g_autoptr (GArray) a = NULL;
  g_autoptr (GArray) b = NULL;

  old_text = old_text != NULL ? old_text : "";
  new_text = new_text != NULL ? new_text : "";
  a = px_tokenize (old_text, stemmer);
  b = px_tokenize (new_text, stemmer);
  return diff_tokens ((const PxToken *)a->data, a->len, g_utf8_strlen (old_text, -1), (const PxToken *)b->data, b->len,
                      g_utf8_strlen (new_text, -1));
}

void
px_version_change_free (PxVersionChange *change)
{
  if (change == NULL)
    return;
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

static void
add_change (GPtrArray *changes, PxVersionChangeKind kind, const char *old_text, const char *new_text)
{
  PxVersionChange *c = g_new0 (PxVersionChange, 1);

  c->kind = kind;
  c->old_text = g_strdup (old_text);
  c->new_text = g_strdup (new_text);
  g_ptr_array_add (changes, c);
}

/* Quotations of @text: the words between quotation marks, at least three
 * words, whitespace collapsed. */
static GPtrArray *
find_quotes (const char *text)
{
  static GRegex *quote_re;
  GPtrArray *quotes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GMatchInfo) match = NULL;

  if (g_once_init_enter (&quote_re))
    g_once_init_leave (&quote_re, g_regex_new ("[“\"«„]([^“”\"«»„]+)[”\"»“]", G_REGEX_OPTIMIZE, 0, NULL));
  g_regex_match (quote_re, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *inner = g_match_info_fetch (match, 1);
      g_auto (GStrv) words = g_strsplit_set (g_strstrip (inner), " \t\n", -1);
      guint n = 0;

      for (guint i = 0; words[i] != NULL; i++)
        n += words[i][0] != '\0';
      if (n >= 3)
        {
          g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
          g_auto (GStrv) parts = NULL;

          for (guint i = 0; words[i] != NULL; i++)
            if (words[i][0] != '\0')
              g_strv_builder_add (kept, words[i]);
          parts = g_strv_builder_end (kept);
          g_ptr_array_add (quotes, g_strjoinv (" ", parts));
        }
      g_match_info_next (match, NULL);
    }
  return quotes;
}

static double
word_ratio (const char *a, const char *b, PxStemmer *stemmer)
{
  g_autoptr (GArray) ta = px_tokenize (a, stemmer);
  g_autoptr (GArray) tb = px_tokenize (b, stemmer);

  return px_word_diff_ratio ((const PxToken *)ta->data, ta->len, (const PxToken *)tb->data, tb->len);
}

static gboolean
contains_string (GPtrArray *list, const char *s)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (list->pdata[i], s))
      return TRUE;
  return FALSE;
}

static void
quote_changes (GPtrArray *changes, const char *old_text, const char *new_text, PxStemmer *stemmer)
{
  g_autoptr (GPtrArray) old_quotes = find_quotes (old_text);
  g_autoptr (GPtrArray) new_quotes = find_quotes (new_text);
  g_autofree gboolean *used = g_new0 (gboolean, new_quotes->len + 1);

  for (guint i = 0; i < new_quotes->len; i++)
    used[i] = contains_string (old_quotes, new_quotes->pdata[i]);
  for (guint i = 0; i < old_quotes->len; i++)
    {
      const char *q = old_quotes->pdata[i];
      guint best = G_MAXUINT;
      double best_ratio = 0.5;

      if (contains_string (new_quotes, q))
        continue;
      for (guint k = 0; k < new_quotes->len; k++)
        {
          double r;
          if (used[k])
            continue;
          r = word_ratio (q, new_quotes->pdata[k], stemmer);
          if (r >= best_ratio)
            {
              best_ratio = r;
              best = k;
            }
        }
      if (best != G_MAXUINT)
        {
          used[best] = TRUE;
          add_change (changes, PX_VERSION_CHANGE_QUOTE_ALTERED, q, new_quotes->pdata[best]);
        }
      else
        add_change (changes, PX_VERSION_CHANGE_QUOTE_REMOVED, q, NULL);
    }
  for (guint k = 0; k < new_quotes->len; k++)
    if (!used[k])
      add_change (changes, PX_VERSION_CHANGE_QUOTE_ADDED, NULL, new_quotes->pdata[k]);
}

static gboolean
has_digit (const char *s)
{
  for (; *s != '\0'; s++)
    if (g_ascii_isdigit (*s))
      return TRUE;
  return FALSE;
}

static char *
slice (const char *text, guint start, guint end)
{
  const char *a = g_utf8_offset_to_pointer (text, start);
  const char *b = g_utf8_offset_to_pointer (a, end - start);

  return g_strndup (a, b - a);
}

/* Each run of changed words holding a number on either side. */
static void
number_changes (GPtrArray *changes, const char *old_text, const char *new_text, GArray *ops)
{
  for (guint k = 0; k < ops->len;)
    {
      const PxDiffOp *first = &g_array_index (ops, PxDiffOp, k);
      guint a_start = first->a_start, a_end = first->a_start, b_start = first->b_start, b_end = first->b_start;
      g_autofree char *old_words = NULL;
      g_autofree char *new_words = NULL;

      if (first->kind == PX_DIFF_SAME)
        {
          k++;
          continue;
        }
      for (; k < ops->len && g_array_index (ops, PxDiffOp, k).kind != PX_DIFF_SAME; k++)
        {
          const PxDiffOp *op = &g_array_index (ops, PxDiffOp, k);
          if (op->kind == PX_DIFF_REMOVED)
            a_end = op->a_end;
          else
            b_end = op->b_end;
        }
      old_words = slice (old_text, a_start, MAX (a_start, a_end));
      new_words = slice (new_text, b_start, MAX (b_start, b_end));
      if (has_digit (old_words) || has_digit (new_words))
        add_change (changes, PX_VERSION_CHANGE_NUMBER, old_words, new_words);
    }
}

GPtrArray *
px_version_changes (const char *old_title, const char *old_text, const char *new_title, const char *new_text,
                    const char *language)
{
  g_autoptr (PxStemmer) stemmer = px_stemmer_new (language != NULL ? language : "en");
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify)px_version_change_free);
  g_autoptr (GArray) ops = NULL;

  old_text = old_text != NULL ? old_text : "";
  new_text = new_text != NULL ? new_text : "";
  if (g_strcmp0 (old_title != NULL ? old_title : "", new_title != NULL ? new_title : "") != 0)
    add_change (changes, PX_VERSION_CHANGE_HEADLINE, old_title, new_title);
  quote_changes (changes, old_text, new_text, stemmer);
  ops = px_versions_diff (old_text, new_text, language);
  number_changes (changes, old_text, new_text, ops);
  return changes;
}
