/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "coding/px-agreement-table.h"
#include "coding/px-agreement.h"
#include "annotations/px-store-annotations.h"
#include "annotations/px-store-coders.h"

#define M PX_AGREEMENT_MISSING

/* Krippendorff's worked example for nominal data with missing values
 * (K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011,
 * section C): four observers, twelve units; he reports alpha = 0.743. */
static const int reference[12 * 4] = {
  /* A  B  C  D */
  1, 1, M, 1, /* unit 1 */
  2, 2, 3, 2, /* 2 */
  3, 3, 3, 3, /* 3 */
  3, 3, 3, 3, /* 4 */
  2, 2, 2, 2, /* 5 */
  1, 2, 3, 4, /* 6 */
  4, 4, 4, 4, /* 7 */
  1, 1, 2, 1, /* 8 */
  2, 2, 2, 2, /* 9 */
  M, 5, 5, 5, /* 10 */
  M, M, 1, 1, /* 11 */
  M, 3, M, M, /* 12 */
};

/* Alpha computed another way, as the definition reads: 1 - Do / De, with
 * Do the mean disagreement of the pairs of values within units (each unit
 * weighted by 1 / (m - 1)) and De that of all pairs of pairable values. */
static double
alpha_by_definition (const int *values, guint n_units, guint n_coders)
{
  g_autoptr (GArray) pool = g_array_new (FALSE, FALSE, sizeof (int));
  double within = 0, between = 0;
  guint n;

  for (guint u = 0; u < n_units; u++)
    {
      guint m = 0;

      for (guint c = 0; c < n_coders; c++)
        m += values[u * n_coders + c] != M;
      if (m < 2)
        continue;
      for (guint i = 0; i < n_coders; i++)
        for (guint j = 0; j < n_coders; j++)
          if (i != j && values[u * n_coders + i] != M && values[u * n_coders + j] != M)
            within += (values[u * n_coders + i] != values[u * n_coders + j]) / (double)(m - 1);
      for (guint c = 0; c < n_coders; c++)
        if (values[u * n_coders + c] != M)
          g_array_append_val (pool, values[u * n_coders + c]);
    }
  n = pool->len;
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      if (i != j)
        between += g_array_index (pool, int, i) != g_array_index (pool, int, j);
  return 1.0 - (within / n) / (between / (n * (double)(n - 1)));
}

static void
test_alpha_reference (void)
{
  guint pairable = 0;
  double alpha = px_krippendorff_alpha (reference, 12, 4, &pairable);

  g_assert_cmpuint (pairable, ==, 11);
  g_assert_cmpfloat_with_epsilon (alpha, 0.743, 0.0005);
  g_assert_cmpfloat_with_epsilon (alpha, alpha_by_definition (reference, 12, 4), 1e-12);
}

static void
test_alpha_edges (void)
{
  const int same[] = { 1, 1, 1, 1, 1, 1 };
  const int alone[] = { 1, M, M, 0, 0, M };
  const int perfect[] = { 1, 1, 0, 0, 1, 1, 0, 0 };
  const int opposite[] = { 1, 0, 0, 1, 1, 0, 0, 1 };

  /* No variation, or nothing pairable: undefined, not 1. */
  g_assert_true (isnan (px_krippendorff_alpha (same, 3, 2, NULL)));
  g_assert_true (isnan (px_krippendorff_alpha (alone, 3, 2, NULL)));
  g_assert_cmpfloat_with_epsilon (px_krippendorff_alpha (perfect, 4, 2, NULL), 1.0, 1e-12);
  g_assert_cmpfloat (px_krippendorff_alpha (opposite, 4, 2, NULL), <, 0.0);
}

/* Cohen's kappa on the usual textbook table: 50 items, both yes 20, A yes
 * and B no 5, A no and B yes 10, both no 15: po = 0.7, pe = 0.5,
 * kappa = 0.4. */
static void
test_kappa_reference (void)
{
  g_autofree int *values = g_new (int, 50 * 3);
  guint n_both = 0;
  guint u = 0;

  for (guint i = 0; i < 50; i++, u++)
    {
      int a = i < 25 ? 1 : 0;
      int b = i < 20 ? 1 : i < 25 ? 0 : i < 35 ? 1 : 0;

      values[u * 3 + 0] = a;
      values[u * 3 + 1] = M; /* a third coder who saw nothing */
      values[u * 3 + 2] = b;
    }
  g_assert_cmpfloat_with_epsilon (px_cohen_kappa (values, 50, 3, 0, 2, &n_both), 0.4, 1e-12);
  g_assert_cmpuint (n_both, ==, 50);
  g_assert_true (isnan (px_cohen_kappa (values, 50, 3, 0, 1, &n_both)));
  g_assert_cmpuint (n_both, ==, 0);
}

/* Three coders on an event of two articles, in one library (as the lead
 * has it after importing the others' files). */
typedef struct
{
  char *dir;
  PxStore *store;
  gint64 doc[2];
} Fixture;

static const char *const texts[2][3] = {
  { "The dam at Kessel held through the night.", "Engineers opened two spillways at dawn.",
    "The mayor thanked the volunteers who filled sandbags." },
  { "Kessel’s dam did not break, officials said.", "Water was let out through the spillways.",
    "Farmers downstream lost part of the harvest." },
};

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("px-agreement-XXXXXX", NULL);
  path = g_build_filename (f->dir, "library.db", NULL);
  f->store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint d = 0; d < 2; d++)
    {
      g_autoptr (PxDocument) doc = px_document_new ();

      px_document_set_title (doc, d == 0 ? "Dam holds" : "Kessel dam");
      for (guint p = 0; p < 3; p++)
        px_document_append_block (doc, PX_BLOCK_PARAGRAPH, texts[d][p]);
      g_assert_true (px_store_add_document (f->store, doc, NULL, &error));
      g_assert_no_error (error);
      f->doc[d] = px_document_get_id (doc);
    }
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* A highlight of a few words of sentence @s of article @d by @coder. */
static void
code (Fixture *f, guint d, guint s, const char *coder, const char *tag, const char *color)
{
  g_autoptr (PxDocument) doc = px_store_load_document (f->store, f->doc[d], NULL);
  const char *hit = strstr (px_document_get_text (doc), texts[d][s]);
  guint start = g_utf8_pointer_to_offset (px_document_get_text (doc), hit) + 4;
  g_autoptr (PxAnnotation) a = px_annotation_new_for_range (doc, start, start + 8, color);
  const char *tags[] = { tag, NULL };
  g_autoptr (GError) error = NULL;

  px_annotation_set_tags (a, tag != NULL ? tags : NULL);
  g_assert_true (px_store_add_annotation (f->store, a, &error));
  g_assert_true (px_store_set_annotation_origin (f->store, px_annotation_get_id (a), coder, NULL, NULL, &error));
  g_assert_no_error (error);
}

static PxAgreementCode *
find_code (PxAgreementReport *report, const char *name)
{
  for (guint i = 0; i < report->codes->len; i++)
    if (g_strcmp0 (((PxAgreementCode *)g_ptr_array_index (report->codes, i))->code, name) == 0)
      return g_ptr_array_index (report->codes, i);
  return NULL;
}

static void
test_three_coders (Fixture *f, gconstpointer data)
{
  PxFormatScope all = { PX_FORMAT_SCOPE_ALL, 0, NULL };
  g_autoptr (PxAgreementReport) report = NULL;
  g_autoptr (GError) error = NULL;
  PxAgreementCode *risk;
  /* Units: six sentences; coders Ana, Ben, Cy (by name). Ana and Ben
   * code both articles, Cy only the first. "risk" marks:
   *            s0 s1 s2 | t0 t1 t2
   *   Ana       1  0  0 |  1  0  0
   *   Ben       1  1  0 |  1  0  0
   *   Cy        1  0  0 |  -  -  -   (Cy made no highlight in article 2) */
  const int expected[6 * 3] = { 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 1, M, 0, 0, M, 0, 0, M };

  code (f, 0, 0, "Ana", "risk", "yellow");
  code (f, 1, 0, "Ana", "risk", "yellow");
  code (f, 0, 0, "Ben", "risk", "red");
  code (f, 0, 1, "Ben", "risk", "yellow");
  code (f, 1, 0, "Ben", "risk", "yellow");
  code (f, 0, 0, "Cy", "risk", "red");
  /* Ben alone highlighted something in the third sentence of article
   * two, without the tag: that sentence stays "absent" for "risk". */
  code (f, 1, 2, "Ben", NULL, "green");

  report = px_agreement_compute (f->store, &all, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (report->coders), ==, 3);
  g_assert_cmpstr (report->coders[0], ==, "Ana");
  risk = find_code (report, "tag:risk");
  g_assert_nonnull (risk);
  g_assert_cmpuint (risk->units, ==, 6);
  g_assert_cmpuint (risk->coders, ==, 3);
  /* Nobody marked s2, t1, t2 with "risk". */
  g_assert_cmpuint (risk->uncoded, ==, 3);
  g_assert_cmpfloat_with_epsilon (risk->alpha, alpha_by_definition (expected, 6, 3), 1e-12);
  g_assert_cmpuint (risk->pairs->len, ==, 3);
  {
    PxAgreementPair *ana_ben = g_ptr_array_index (risk->pairs, 0);
    PxAgreementPair *ana_cy = g_ptr_array_index (risk->pairs, 1);

    g_assert_cmpstr (ana_ben->coder_b, ==, "Ben");
    g_assert_cmpuint (ana_ben->units, ==, 6);
    /* po = 5/6; Ana yes 2/6, Ben yes 3/6: pe = 2/6·3/6 + 4/6·3/6 = 1/2. */
    g_assert_cmpfloat_with_epsilon (ana_ben->kappa, (5.0 / 6 - 0.5) / 0.5, 1e-12);
    g_assert_cmpuint (ana_cy->units, ==, 3);
    g_assert_cmpfloat_with_epsilon (ana_cy->kappa, 1.0, 1e-12);
  }
  /* One disagreement: the second sentence of article one. */
  g_assert_cmpuint (risk->differs->len, ==, 1);
  {
    PxDisagreement *d = g_ptr_array_index (risk->differs, 0);

    g_assert_cmpint (d->document_id, ==, f->doc[0]);
    g_assert_cmpstr (d->sentence, ==, texts[0][1]);
    g_assert_cmpuint (g_strv_length (d->with_code), ==, 1);
    g_assert_cmpstr (d->with_code[0], ==, "Ben");
    g_assert_cmpuint (g_strv_length (d->without_code), ==, 2);
  }
  /* Colours are codes too. */
  g_assert_nonnull (find_code (report, "color:red"));
  g_assert_nonnull (find_code (report, "color:green"));
  g_assert_null (find_code (report, "color:blue"));

  /* One code asked for; unknown ones refused. */
  g_clear_pointer (&report, px_agreement_report_free);
  report = px_agreement_compute (f->store, &all, "RISK", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->codes->len, ==, 1);
  g_clear_pointer (&report, px_agreement_report_free);
  report = px_agreement_compute (f->store, &all, "nope", NULL, &error);
  g_assert_null (report);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  report = px_agreement_compute (f->store, &all, NULL, "pink", &error);
  g_assert_null (report);
  g_assert_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/agreement/alpha/reference", test_alpha_reference);
  g_test_add_func ("/agreement/alpha/edges", test_alpha_edges);
  g_test_add_func ("/agreement/kappa/reference", test_kappa_reference);
  g_test_add ("/agreement/three-coders", Fixture, NULL, fixture_setup, test_three_coders, fixture_teardown);
  return g_test_run ();
}
