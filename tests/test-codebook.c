/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tag codebook in the real window, under Xvfb: opened from its
 * action, rename through the row's popover, undo, merge, delete with and
 * without a confirmation, colour meanings, a new tag, a clash; the open
 * document's highlights follow every change. */
#include <glib/gstdio.h>
#include <string.h>

#include "gui/annotations/px-annotation-controller.h"
#include "gui/annotations/px-codebook-dialog.h"
#include "gui/window/px-application.h"
#include "gui/common/px-compat.h"
#include "gui/window/px-window.h"
#include "annotations/px-store-coders.h"
#include "annotations/px-store-annotations.h"
#include "px-test-wait.h"

#define BODY "The ferry to Orrin left an hour late because the harbour crane had failed again."

static gboolean
document_shown (gpointer data)
{
  PxAnnotationController *controller = px_window_get_annotation_controller (data);
  return controller != NULL && px_annotation_controller_get_list (controller) != NULL;
}

static gint64
add_highlight (PxStore *store, PxDocument *doc, const char *quote, const char *const *tags)
{
  const char *text = px_document_get_text (doc);
  const char *hit = strstr (text, quote);
  g_autoptr (PxAnchorText) anchor = px_anchor_text_new (text);
  g_autoptr (PxAnnotation) a = NULL;
  guint start;

  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);
  a = px_annotation_new_for_text (anchor, px_document_get_id (doc), start, start + g_utf8_strlen (quote, -1), "yellow");
  px_annotation_set_tags (a, tags);
  g_assert_true (px_store_add_annotation (store, a, NULL));
  return px_annotation_get_id (a);
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static PxCodebookDialog *
find_dialog (void)
{
  g_autoptr (GList) shown = px_dialog_list_visible ();

  for (GList *l = shown; l != NULL; l = l->next)
    if (PX_IS_CODEBOOK_DIALOG (l->data))
      return l->data;
  return NULL;
}

static gboolean
has_tag (PxWindow *window, gint64 id, const char *tag)
{
  PxAnnotationList *list = px_annotation_controller_get_list (px_window_get_annotation_controller (window));
  PxAnnotation *a = px_annotation_list_lookup (list, id);

  g_assert_nonnull (a);
  return g_strv_contains (px_annotation_get_tags (a), tag);
}

static gboolean
spare_gone (gpointer data)
{
  return px_codebook_dialog_find_tag_row (data, "spare") == NULL;
}

static gboolean
confirmation_shown (gpointer data)
{
  return px_codebook_dialog_get_confirmation (data) != NULL;
}

static gboolean
claim_is_red (gpointer data)
{
  g_autoptr (GPtrArray) tags = px_store_list_tags (data, NULL);

  for (guint i = 0; i < tags->len; i++)
    if (g_str_equal (((PxTagInfo *)g_ptr_array_index (tags, i))->name, "claim"))
      return g_str_equal (((PxTagInfo *)g_ptr_array_index (tags, i))->color, "#e01b24");
  return FALSE;
}

static gint64
tag_id (PxStore *store, const char *name)
{
  g_autoptr (GPtrArray) tags = px_store_list_tags (store, NULL);

  for (guint i = 0; i < tags->len; i++)
    if (g_ascii_strcasecmp (((PxTagInfo *)g_ptr_array_index (tags, i))->name, name) == 0)
      return ((PxTagInfo *)g_ptr_array_index (tags, i))->id;
  return 0;
}

static void
test_codebook (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-codebook-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autoptr (PxApplication) app = NULL;
  g_autoptr (PxStore) store = NULL;
  g_autoptr (PxDocument) doc = px_document_new ();
  g_autoptr (GPtrArray) colors = NULL;
  g_autoptr (GError) error = NULL;
  PxAnnotationController *controller;
  PxCodebookDialog *dialog;
  AdwActionRow *row;
  GtkWidget *confirm;
  GtkMenuButton *rename;
  GtkWidget *entry;
  PxWindow *window;
  gint64 a, b, claim;

  store = px_store_open (library, PX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  px_document_set_title (doc, "Ferry late");
  px_document_append_block (doc, PX_BLOCK_PARAGRAPH, BODY);
  g_assert_true (px_store_add_document (store, doc, NULL, &error));
  a = add_highlight (store, doc, "left an hour late", (const char *[]){ "claim", "evidence", NULL });
  b = add_highlight (store, doc, "harbour crane", (const char *[]){ "claim", NULL });
  g_assert_cmpint (px_store_create_tag (store, "spare", NULL, &error), >, 0);
  claim = tag_id (store, "claim");

  app = px_application_new (library, 0);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = px_window_new (app, library, px_document_get_id (doc));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (px_test_wait_for (document_shown, window, 10000));
  controller = px_window_get_annotation_controller (window);

  /* Opened from the window's action (Ctrl+T, the menu, the panel). */
  gtk_widget_activate_action (GTK_WIDGET (window), "annot.codebook", NULL);
  px_test_settle (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  row = px_codebook_dialog_find_tag_row (dialog, "claim");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "On 2 highlights");
  g_assert_cmpstr (adw_action_row_get_subtitle (px_codebook_dialog_find_tag_row (dialog, "spare")), ==, "Not used yet");
  g_assert_nonnull (gtk_widget_get_tooltip_text (find_named (GTK_WIDGET (row), "delete")));

  /* Rename through the row's popover: every highlight follows. */
  rename = GTK_MENU_BUTTON (find_named (GTK_WIDGET (row), "rename"));
  gtk_menu_button_popup (rename); /* its popover is filled when it opens */
  entry = find_named (GTK_WIDGET (gtk_menu_button_get_popover (rename)), "name");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), " assertion ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_null (px_codebook_dialog_find_tag_row (dialog, "claim"));
  g_assert_nonnull (px_codebook_dialog_find_tag_row (dialog, "assertion"));
  g_assert_true (has_tag (window, a, "assertion"));
  g_assert_true (has_tag (window, b, "assertion"));

  /* Ctrl+Z in the dialog undoes it. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "codebook.undo", NULL);
  g_assert_nonnull (px_codebook_dialog_find_tag_row (dialog, "claim"));
  g_assert_true (has_tag (window, a, "claim"));
  g_assert_false (has_tag (window, a, "assertion"));
  /* Ctrl+Shift+Z makes it again, and it can be undone again. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "codebook.redo", NULL);
  g_assert_nonnull (px_codebook_dialog_find_tag_row (dialog, "assertion"));
  g_assert_true (has_tag (window, b, "assertion"));
  g_assert_false (px_codebook_dialog_redo (dialog));
  g_assert_true (px_codebook_dialog_undo (dialog));
  g_assert_true (has_tag (window, b, "claim"));

  /* Renaming onto a taken name changes nothing. */
  g_assert_false (px_codebook_dialog_rename_tag (dialog, tag_id (store, "spare"), "CLAIM"));
  g_assert_nonnull (px_codebook_dialog_find_tag_row (dialog, "spare"));

  /* Merge evidence into claim. */
  g_assert_true (px_codebook_dialog_merge_tags (dialog, tag_id (store, "evidence"), claim));
  g_assert_null (px_codebook_dialog_find_tag_row (dialog, "evidence"));
  g_assert_false (has_tag (window, a, "evidence"));
  g_assert_true (has_tag (window, a, "claim"));

  /* An unused tag goes at once. */
  gtk_widget_activate (find_named (GTK_WIDGET (px_codebook_dialog_find_tag_row (dialog, "spare")), "delete"));
  g_assert_true (px_test_wait_for (spare_gone, dialog, 3000));
  g_assert_null (px_codebook_dialog_get_confirmation (dialog));
  g_assert_cmpint (tag_id (store, "spare"), ==, 0);

  /* A tag in use asks first: Cancel keeps it, Delete removes it. */
  gtk_widget_activate (find_named (GTK_WIDGET (px_codebook_dialog_find_tag_row (dialog, "claim")), "delete"));
  g_assert_true (px_test_wait_for (confirmation_shown, dialog, 3000));
  confirm = px_codebook_dialog_get_confirmation (dialog);
  g_assert_nonnull (confirm);
  g_assert_cmpstr (px_alert_get_heading (confirm), ==, "Delete “claim”?");
  px_alert_response (confirm, "cancel");
  px_test_settle (50);
  g_assert_nonnull (px_codebook_dialog_find_tag_row (dialog, "claim"));
  g_assert_true (has_tag (window, b, "claim"));
  g_assert_true (px_codebook_dialog_delete_tag (dialog, claim));
  confirm = px_codebook_dialog_get_confirmation (dialog);
  g_assert_nonnull (confirm);
  px_alert_response (confirm, "delete");
  px_test_settle (50);
  g_assert_null (px_codebook_dialog_find_tag_row (dialog, "claim"));
  g_assert_false (has_tag (window, a, "claim"));
  g_assert_false (has_tag (window, b, "claim"));
  /* And comes back with its highlights. */
  g_assert_true (px_codebook_dialog_undo (dialog));
  g_assert_true (has_tag (window, a, "claim"));
  g_assert_true (has_tag (window, b, "claim"));
  g_assert_cmpint (tag_id (store, "claim"), ==, claim);

  /* Recolour from the swatch menu of the row. */
  {
    GtkMenuButton *color =
        GTK_MENU_BUTTON (find_named (GTK_WIDGET (px_codebook_dialog_find_tag_row (dialog, "claim")), "color"));
    g_autoptr (PxTagInfo) info = NULL;

    gtk_menu_button_popup (color);
    gtk_widget_activate (find_named (GTK_WIDGET (gtk_menu_button_get_popover (color)), "#e01b24"));
    g_assert_true (px_test_wait_for (claim_is_red, store, 3000));
    info = px_store_get_tag (store, claim, &error);
    g_assert_cmpstr (info->color, ==, "#e01b24");
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (
                                  find_named (GTK_WIDGET (px_codebook_dialog_find_tag_row (dialog, "claim")), "color")),
                              "Red"));
  }

  /* A colour's meaning: saved, and the popover's swatch tells it. */
  gtk_editable_set_text (GTK_EDITABLE (px_codebook_dialog_get_meaning_row (dialog, "red")), "  contested ");
  g_signal_emit_by_name (px_codebook_dialog_get_meaning_row (dialog, "red"), "apply");
  colors = px_store_list_colors (store, &error);
  g_assert_cmpstr (((PxColorInfo *)g_ptr_array_index (colors, 3))->name, ==, "red");
  g_assert_cmpstr (((PxColorInfo *)g_ptr_array_index (colors, 3))->meaning, ==, "contested");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (px_highlight_popover_get_swatch (
                                px_annotation_controller_get_popover (controller), "red")),
                            "contested"));

  /* A new tag from the first row. */
  gtk_editable_set_text (GTK_EDITABLE (px_codebook_dialog_get_new_tag_row (dialog)), "  timeline ");
  g_signal_emit_by_name (px_codebook_dialog_get_new_tag_row (dialog), "apply");
  g_assert_nonnull (px_codebook_dialog_find_tag_row (dialog, "timeline"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (px_codebook_dialog_get_new_tag_row (dialog))), ==, "");

  /* The coder: shown, set, and an empty name refused. */
  {
    GtkWidget *coder =
        GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), PX_TYPE_CODEBOOK_DIALOG, "coder_row"));
    g_autofree char *shown = px_store_get_coder (store, NULL);
    g_autofree char *name = NULL;

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (coder)), ==, shown);
    gtk_editable_set_text (GTK_EDITABLE (coder), " Ida Berg ");
    g_signal_emit_by_name (coder, "apply");
    name = px_store_get_coder (store, NULL);
    g_assert_cmpstr (name, ==, "Ida Berg");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (coder)), ==, "Ida Berg");
    gtk_editable_set_text (GTK_EDITABLE (coder), "  ");
    g_signal_emit_by_name (coder, "apply");
    g_free (name);
    name = px_store_get_coder (store, NULL);
    g_assert_cmpstr (name, ==, "Ida Berg");
  }

  px_dialog_close (GTK_WIDGET (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle (50);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/codebook/edit-undo", test_codebook);
  return g_test_run ();
}
