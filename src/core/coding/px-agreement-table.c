/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "text/px-sentences.h"
#include "coding/px-agreement-table.h"
#include "coding/px-agreement.h"
#include "annotations/px-store-annotations.h"

static void
pair_free (PxAgreementPair *pair)
{
  g_free (pair->coder_a);
  g_free (pair->coder_b);
  g_free (pair);
}

static void
disagreement_free (PxDisagreement *d)
{
  g_free (d->title);
  g_free (d->sentence);
  g_strfreev (d->with_code);
  g_strfreev (d->without_code);
  g_free (d);
}

static void
code_free (PxAgreementCode *code)
{
  g_free (code->code);
  g_ptr_array_unref (code->pairs);
  g_ptr_array_unref (code->differs);
  g_free (code);
}

void
px_agreement_report_free (PxAgreementReport *report)
{
  if (report == NULL)
    return;
  g_strfreev (report->coders);
  g_clear_pointer (&report->codes, g_ptr_array_unref);
  g_free (report);
}

/* A sentence of an article: one unit. */
typedef struct
{
  guint document; /* index in the set */
  guint start;
  guint end;
} Unit;

typedef struct
{
  const PxFormatSet *set;
  GStrv coders;
  guint n_coders;
  GArray *units;   /* Unit */
  gboolean *coded; /* [document * n_coders + coder]: the coder made a highlight there */
} Table;

static guint
coder_index (Table *t, const char *coder)
{
  for (guint i = 0; i < t->n_coders; i++)
    if (g_strcmp0 (t->coders[i], coder) == 0)
      return i;
  g_assert_not_reached ();
}

static gboolean
has_code (PxAnnotation *a, const char *tag, const char *color)
{
  if (color != NULL)
    return g_strcmp0 (px_annotation_get_color (a), color) == 0;
  for (const char *const *t = px_annotation_get_tags (a); *t != NULL; t++)
    if (px_format_tag_equal (*t, tag))
      return TRUE;
  return FALSE;
}

static PxAgreementCode *
compute_code (Table *t, const char *tag, const char *color)
{
  PxAgreementCode *code = g_new0 (PxAgreementCode, 1);
  guint n_units = t->units->len, n_coders = t->n_coders;
  g_autofree int *values = g_new (int, (gsize)MAX (n_units, 1) * MAX (n_coders, 1));
  g_autofree gboolean *has_value = g_new0 (gboolean, MAX (n_coders, 1));
  guint u0 = 0;

  code->code = tag != NULL ? g_strdup_printf ("tag:%s", tag) : g_strdup_printf ("color:%s", color);
  code->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify)pair_free);
  code->differs = g_ptr_array_new_with_free_func ((GDestroyNotify)disagreement_free);

  /* Absent where the coder coded the article, missing where not; then
   * present where one of their highlights with the code overlaps. */
  for (guint u = 0; u < n_units; u++)
    {
      Unit *unit = &g_array_index (t->units, Unit, u);

      for (guint c = 0; c < n_coders; c++)
        values[(gsize)u * n_coders + c] = t->coded[unit->document * n_coders + c] ? 0 : PX_AGREEMENT_MISSING;
    }
  for (guint d = 0; d < t->set->documents->len; d++)
    {
      GPtrArray *annotations = g_ptr_array_index (t->set->annotations, d);
      guint u_end = u0;

      while (u_end < n_units && g_array_index (t->units, Unit, u_end).document == d)
        u_end++;
      for (guint i = 0; i < annotations->len; i++)
        {
          PxAnnotation *a = g_ptr_array_index (annotations, i);
          guint c;

          if (px_annotation_get_orphaned (a) || !has_code (a, tag, color))
            continue;
          c = coder_index (t, px_format_set_get_coder (t->set, a));
          for (guint u = u0; u < u_end; u++)
            {
              Unit *unit = &g_array_index (t->units, Unit, u);

              if (px_annotation_get_start (a) < unit->end && px_annotation_get_end (a) > unit->start)
                values[(gsize)u * n_coders + c] = 1;
            }
        }
      u0 = u_end;
    }

  code->alpha = px_krippendorff_alpha (values, n_units, n_coders, &code->units);
  for (guint u = 0; u < n_units; u++)
    {
      const int *row = values + (gsize)u * n_coders;
      guint m = 0, present = 0;

      for (guint c = 0; c < n_coders; c++)
        if (row[c] >= 0)
          {
            m++;
            present += row[c] == 1;
            has_value[c] = TRUE;
          }
      if (m < 2)
        continue;
      if (present == 0)
        code->uncoded++;
      else if (present < m)
        {
          Unit *unit = &g_array_index (t->units, Unit, u);
          PxDocument *doc = g_ptr_array_index (t->set->documents, unit->document);
          PxDisagreement *d = g_new0 (PxDisagreement, 1);
          g_autoptr (GStrvBuilder) with = g_strv_builder_new ();
          g_autoptr (GStrvBuilder) without = g_strv_builder_new ();

          d->document_id = px_document_get_id (doc);
          d->title = g_strdup (px_document_get_title (doc));
          d->start = unit->start;
          d->end = unit->end;
          d->sentence = px_document_get_slice (doc, unit->start, unit->end);
          for (guint c = 0; c < n_coders; c++)
            if (row[c] == 1)
              g_strv_builder_add (with, t->coders[c]);
            else if (row[c] == 0)
              g_strv_builder_add (without, t->coders[c]);
          d->with_code = g_strv_builder_end (with);
          d->without_code = g_strv_builder_end (without);
          g_ptr_array_add (code->differs, d);
        }
    }
  for (guint c = 0; c < n_coders; c++)
    code->coders += has_value[c];
  for (guint a = 0; a < n_coders; a++)
    for (guint b = a + 1; b < n_coders; b++)
      {
        PxAgreementPair *pair = g_new0 (PxAgreementPair, 1);

        pair->coder_a = g_strdup (t->coders[a]);
        pair->coder_b = g_strdup (t->coders[b]);
        pair->kappa = px_cohen_kappa (values, n_units, n_coders, a, b, &pair->units);
        g_ptr_array_add (code->pairs, pair);
      }
  return code;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *)a, *(const char *const *)b);
}

/* Every coder who made a highlight in the set, by name. */
static GStrv
collect_coders (const PxFormatSet *set)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint d = 0; d < set->annotations->len; d++)
    {
      GPtrArray *annotations = g_ptr_array_index (set->annotations, d);

      for (guint i = 0; i < annotations->len; i++)
        {
          const char *coder = px_format_set_get_coder (set, g_ptr_array_index (annotations, i));

          if (g_hash_table_add (seen, (gpointer)coder))
            g_ptr_array_add (names, (gpointer)coder);
        }
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strdupv ((char **)names->pdata);
}

static gboolean
code_in_use (const PxFormatSet *set, const char *tag, const char *color)
{
  for (guint d = 0; d < set->annotations->len; d++)
    {
      GPtrArray *annotations = g_ptr_array_index (set->annotations, d);

      for (guint i = 0; i < annotations->len; i++)
        if (has_code (g_ptr_array_index (annotations, i), tag, color))
          return TRUE;
    }
  return FALSE;
}

PxAgreementReport *
px_agreement_compute (PxStore *store, const PxFormatScope *scope, const char *tag, const char *color, GError **error)
{
  g_autoptr (PxAgreementReport) report = g_new0 (PxAgreementReport, 1);
  g_autoptr (PxFormatSet) set = NULL;
  g_autoptr (GArray) units = g_array_new (FALSE, FALSE, sizeof (Unit));
  g_autoptr (GArray) sentences = g_array_new (FALSE, FALSE, sizeof (PxSentence));
  g_autofree gboolean *coded = NULL;
  Table t = { 0 };

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  g_return_val_if_fail (scope != NULL && scope->kind != PX_FORMAT_SCOPE_TAG, NULL);
  g_return_val_if_fail (tag == NULL || color == NULL, NULL);

  if (color != NULL && !px_annotation_color_is_valid (color))
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND,
                   _ ("There is no colour “%s” (yellow, green, blue, red, purple or grey)"), color);
      return NULL;
    }
  if ((set = px_format_set_load (store, scope, error)) == NULL)
    return NULL;
  if (tag != NULL)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < set->tags->len && !known; i++)
        known = px_format_tag_equal (((PxTagInfo *)g_ptr_array_index (set->tags, i))->name, tag);
      if (!known)
        {
          g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no tag “%s”"), tag);
          return NULL;
        }
    }

  report->coders = collect_coders (set);
  report->codes = g_ptr_array_new_with_free_func ((GDestroyNotify)code_free);
  t.set = set;
  t.coders = report->coders;
  t.n_coders = g_strv_length (report->coders);
  coded = g_new0 (gboolean, (gsize)MAX (set->documents->len, 1) * MAX (t.n_coders, 1));
  for (guint d = 0; d < set->documents->len; d++)
    {
      PxDocument *doc = g_ptr_array_index (set->documents, d);
      GPtrArray *annotations = g_ptr_array_index (set->annotations, d);

      px_split_sentences_into (sentences, px_document_get_text (doc));
      for (guint s = 0; s < sentences->len; s++)
        {
          PxSentence *sentence = &g_array_index (sentences, PxSentence, s);
          Unit unit = { d, sentence->start, sentence->end };

          g_array_append_val (units, unit);
        }
      for (guint i = 0; i < annotations->len; i++)
        coded[d * t.n_coders + coder_index (&t, px_format_set_get_coder (set, g_ptr_array_index (annotations, i)))] =
            TRUE;
    }
  t.units = units;
  t.coded = coded;

  if (tag != NULL || color != NULL)
    g_ptr_array_add (report->codes, compute_code (&t, tag, color));
  else
    {
      const char *const *colors = px_annotation_color_names ();

      for (guint i = 0; i < set->tags->len; i++)
        {
          const char *name = ((PxTagInfo *)g_ptr_array_index (set->tags, i))->name;

          if (code_in_use (set, name, NULL))
            g_ptr_array_add (report->codes, compute_code (&t, name, NULL));
        }
      for (guint i = 0; colors[i] != NULL; i++)
        if (code_in_use (set, NULL, colors[i]))
          g_ptr_array_add (report->codes, compute_code (&t, NULL, colors[i]));
    }
  return g_steal_pointer (&report);
}

typedef struct
{
  char *path;
  PxFormatScope scope;
} AsyncData;

static void
async_data_free (AsyncData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
compute_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AsyncData *data = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (data->path, PX_STORE_OPEN_EXISTING | PX_STORE_OPEN_READ_ONLY, &error);
  PxAgreementReport *report = store != NULL ? px_agreement_compute (store, &data->scope, NULL, NULL, &error) : NULL;

  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify)px_agreement_report_free);
}

void
px_agreement_compute_async (const char *library_path, const PxFormatScope *scope, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AsyncData *data = g_new0 (AsyncData, 1);

  g_return_if_fail (library_path != NULL && scope != NULL && scope->kind != PX_FORMAT_SCOPE_TAG);
  data->path = g_strdup (library_path);
  data->scope = *scope;
  g_task_set_source_tag (task, px_agreement_compute_async);
  g_task_set_task_data (task, data, (GDestroyNotify)async_data_free);
  g_task_run_in_thread (task, compute_thread);
}

PxAgreementReport *
px_agreement_compute_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
