/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "provenance/px-versions.h"

#include "text/px-tokens.h"
#include "text/px-word-diff.h"

/* Words one side has more often than the other. */
static guint
multiset_difference (const PxToken *a, guint n_a, const PxToken *b, guint n_b)
{
  g_autoptr (GHashTable) count = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;
  guint changed = 0;

  for (guint i = 0; i < n_a; i++)
    g_hash_table_insert (count, (gpointer)a[i].norm,
                         GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (count, a[i].norm)) + 1));
  for (guint i = 0; i < n_b; i++)
    g_hash_table_insert (count, (gpointer)b[i].norm,
                         GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (count, b[i].norm)) - 1));
  g_hash_table_iter_init (&iter, count);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    changed += (guint)ABS (GPOINTER_TO_INT (value));
  return changed;
}

void
px_versions_common_ends (const PxToken *a, guint n_a, const PxToken *b, guint n_b, guint *head, guint *tail)
{
  guint h = 0, t = 0;

  /* Norms are interned by the stemmer: equal words, equal pointers. */
  while (h < n_a && h < n_b && a[h].norm == b[h].norm)
    h++;
  while (t < n_a - h && t < n_b - h && a[n_a - 1 - t].norm == b[n_b - 1 - t].norm)
    t++;
  *head = h;
  *tail = t;
}

static guint
changed_tokens (GArray *a, GArray *b)
{
  const PxToken *ta = (const PxToken *)a->data, *tb = (const PxToken *)b->data;
  guint head, tail, n_a, n_b, changed = 0;

  px_versions_common_ends (ta, a->len, tb, b->len, &head, &tail);
  n_a = a->len - head - tail;
  n_b = b->len - head - tail;
  if (n_a == 0 || n_b == 0)
    return n_a + n_b;
  if (n_a > PX_VERSIONS_DIFF_WORDS || n_b > PX_VERSIONS_DIFF_WORDS)
    return multiset_difference (ta + head, n_a, tb + head, n_b);
  {
    g_autoptr (GArray) ops = px_word_diff (ta + head, n_a, tb + head, n_b, NULL);

    /* Ops are in code points; count the tokens each covers. */
    for (guint k = 0; k < ops->len; k++)
      {
        const PxDiffOp *op = &g_array_index (ops, PxDiffOp, k);

        if (op->kind == PX_DIFF_SAME)
          continue;
        for (guint i = head; i < head + n_a && op->kind == PX_DIFF_REMOVED; i++)
          changed += ta[i].start >= op->a_start && ta[i].end <= op->a_end;
        for (guint i = head; i < head + n_b && op->kind == PX_DIFF_ADDED; i++)
          changed += tb[i].start >= op->b_start && tb[i].end <= op->b_end;
      }
  }
  return changed;
}

guint
px_versions_changed_words (const char *old_text, const char *new_text, const char *language)
{
  return px_versions_compare (old_text, new_text, language, NULL);
}

guint
px_versions_compare (const char *old_text, const char *new_text, const char *language, guint *n_words)
{
  g_autoptr (PxStemmer) stemmer = px_stemmer_new (language != NULL ? language : "en");
  g_autoptr (GArray) a = px_tokenize (old_text != NULL ? old_text : "", stemmer);
  g_autoptr (GArray) b = px_tokenize (new_text != NULL ? new_text : "", stemmer);

  if (n_words != NULL)
    *n_words = a->len + b->len;
  return changed_tokens (a, b);
}
