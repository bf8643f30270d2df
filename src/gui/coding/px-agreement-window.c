/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/coding/px-agreement-window.h"

#include <glib/gi18n.h>
#include <math.h>

#include "coding/px-agreement-table.h"

/* The figures come from a worker (px_agreement_compute_async); the window
 * shows a spinner until then. Its content is built from the report, which
 * has as many groups as codes, so it is made in code rather than in a
 * template. */
struct _PxAgreementWindow
{
  AdwWindow parent_instance;

  GtkStack *stack;
  AdwPreferencesPage *page;
  AdwStatusPage *status;
  GCancellable *cancellable;
  gboolean ready;
};

G_DEFINE_FINAL_TYPE (PxAgreementWindow, px_agreement_window, ADW_TYPE_WINDOW)

static char *
format_coefficient (const char *symbol, double value)
{
  if (isnan (value))
    /* Translators: alpha or kappa cannot be computed (no variation). */
    return g_strdup_printf (_ ("%s not defined"), symbol);
  return g_strdup_printf ("%s = %.3f", symbol, value);
}

static char *
code_title (const char *code)
{
  if (g_str_has_prefix (code, "tag:"))
    return g_strdup_printf (_ ("Tag “%s”"), code + 4);
  return g_strdup_printf (_ ("Colour “%s”"), px_annotation_color_label (code + 6));
}

static GtkWidget *
pair_row (PxAgreementPair *pair)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (_ ("%s and %s"), pair->coder_a, pair->coder_b);
  g_autofree char *kappa = format_coefficient ("κ", pair->kappa);
  g_autofree char *subtitle = g_strdup_printf (
      ngettext ("%s over %u sentence both coded", "%s over %u sentences both coded", pair->units), kappa, pair->units);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
disagreement_row (PxDisagreement *d)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *with = g_strjoinv (", ", d->with_code);
  g_autofree char *without = g_strjoinv (", ", d->without_code);
  g_autofree char *subtitle = g_strdup_printf (_ ("Marked by %s; not by %s · %s"), with, without, d->title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->sentence);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  return row;
}

static GtkWidget *
code_group (PxAgreementCode *code)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = code_title (code->code);
  g_autofree char *alpha = format_coefficient ("α", code->alpha);
  g_autofree char *description =
      g_strdup_printf (ngettext ("%s over %u sentence, %u of them marked by nobody",
                                 "%s over %u sentences, %u of them marked by nobody", code->units),
                       alpha, code->units, code->uncoded);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; i < code->pairs->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), pair_row (g_ptr_array_index (code->pairs, i)));
  if (code->differs->len > 0)
    {
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *label =
          g_strdup_printf (ngettext ("%u Disagreement", "%u Disagreements", code->differs->len), code->differs->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), label);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _ ("Sentences the coders marked differently"));
      for (guint i = 0; i < code->differs->len; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), disagreement_row (g_ptr_array_index (code->differs, i)));
      /* The list is what a team resolves next: shown open. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }
  return group;
}

static void
show_report (PxAgreementWindow *self, PxAgreementReport *report)
{
  GtkWidget *coders = adw_preferences_group_new ();
  g_autofree char *names = g_strjoinv (", ", report->coders);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (coders), _ ("Coders"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (coders), names);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (coders));
  for (guint i = 0; i < report->codes->len; i++)
    adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (code_group (g_ptr_array_index (report->codes, i))));
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
on_computed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxAgreementWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxAgreementReport) report = px_agreement_compute_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->ready = TRUE;
  if (report == NULL)
    {
      adw_status_page_set_title (self->status, _ ("Agreement Could Not Be Computed"));
      adw_status_page_set_description (self->status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
    }
  else if (g_strv_length (report->coders) < 2 || report->codes->len == 0)
    {
      adw_status_page_set_title (self->status, _ ("Fewer Than Two Coders"));
      adw_status_page_set_description (
          self->status, _ ("Import the highlights of the other coders (W3C annotations) to compare how you coded."));
      gtk_stack_set_visible_child_name (self->stack, "status");
    }
  else
    show_report (self, report);
}

static void
px_agreement_window_dispose (GObject *object)
{
  PxAgreementWindow *self = PX_AGREEMENT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (px_agreement_window_parent_class)->dispose (object);
}

static void
px_agreement_window_class_init (PxAgreementWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = px_agreement_window_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
px_agreement_window_init (PxAgreementWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *spinner = gtk_spinner_new ();

  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 640);
  gtk_window_set_title (GTK_WINDOW (self), _ ("Agreement Between Coders"));
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Computing the agreement"), -1);
  gtk_stack_add_named (self->stack, spinner, "loading");
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->page), "report");
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "dialog-information-symbolic");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

PxAgreementWindow *
px_agreement_window_new (GtkWindow *parent, const char *library_path, gint64 event_id, const char *event_title)
{
  PxAgreementWindow *self = g_object_new (PX_TYPE_AGREEMENT_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  PxFormatScope scope = { event_id > 0 ? PX_FORMAT_SCOPE_EVENT : PX_FORMAT_SCOPE_ALL, event_id, NULL };
  g_autofree char *subtitle = NULL;

  if (event_id > 0)
    {
      /* The header bar's title: the window's title and what it covers. */
      subtitle = g_strdup_printf (_ ("Agreement Between Coders — %s"),
                                  event_title != NULL && *event_title != '\0' ? event_title : _ ("Untitled Event"));
      gtk_window_set_title (GTK_WINDOW (self), subtitle);
    }
  px_agreement_compute_async (library_path, &scope, self->cancellable, on_computed, g_object_ref (self));
  return self;
}

gboolean
px_agreement_window_is_ready (PxAgreementWindow *self)
{
  g_return_val_if_fail (PX_IS_AGREEMENT_WINDOW (self), FALSE);
  return self->ready;
}
