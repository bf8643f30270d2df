/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/annotations/px-annotation-controller.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gui/annotations/px-codebook-dialog.h"
#include "gui/annotations/px-highlight-chooser.h"
#include "gui/annotations/px-highlight-copy.h"
#include "gui/common/px-compat.h"
#include "annotations/px-store-annotations.h"

struct _PxAnnotationController
{
  GObject parent_instance;

  PxLibrary *library;
  GtkTextView *view; /* the reader's, until shut down */
  PxHighlightLayer *layer;
  PxHighlightPopover *popover;
  PxAnnotationsPanel *panel;
  PxAnnotationList *list;
  PxAnchorText *text; /* the document's text, decoded at the first new highlight */
  GSimpleActionGroup *actions;
  GtkPopover *chooser;  /* which of several highlights (weak) */
  AdwToast *undo_toast; /* "Highlight deleted", while shown (weak) */
  guint pending_start;  /* the selection the popover was opened for */
  guint pending_end;
  char *last_color;
};

G_DEFINE_FINAL_TYPE (PxAnnotationController, px_annotation_controller, G_TYPE_OBJECT)

enum
{
  SIGNAL_TOAST,
  SIGNAL_OPEN_DOCUMENT,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* Shows @t (taken) through whoever listens to "toast". */
static void
emit_toast (PxAnnotationController *self, AdwToast *t)
{
  g_object_ref_sink (t);
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, t);
  g_object_unref (t);
}

static void
toast (PxAnnotationController *self, const char *message)
{
  emit_toast (self, adw_toast_new (message));
}

static void
toast_error (PxAnnotationController *self, const char *what, const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);
  toast (self, message);
}

static gboolean
writable (PxAnnotationController *self)
{
  return self->library != NULL && px_library_get_writable (self->library);
}

/* The open document's text as anchors need it, decoded when first asked
 * for rather than on every opening (a megabyte takes milliseconds). */
static PxDocument *
document (PxAnnotationController *self)
{
  return self->library != NULL ? px_library_get_document (self->library) : NULL;
}

static PxAnchorText *
anchor_text (PxAnnotationController *self)
{
  PxDocument *doc = document (self);

  if (self->text == NULL && self->list != NULL && doc != NULL)
    self->text = px_anchor_text_new (px_document_get_text (doc));
  return self->text;
}

static void
update_actions (PxAnnotationController *self)
{
  PxUndoStack *undo = self->list && writable (self) ? px_annotation_list_get_undo_stack (self->list) : NULL;
  gboolean has_list = self->list != NULL && writable (self);
  const char *names[] = { "highlight", "note", "delete" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i])),
                                 has_list);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "undo")),
                               undo != NULL && px_undo_stack_can_undo (undo));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "redo")),
                               undo != NULL && px_undo_stack_can_redo (undo));
}

static void
on_undo_changed (PxUndoStack *undo, GParamSpec *pspec, PxAnnotationController *self)
{
  update_actions (self);
}

static PxHighlightPopover *ensure_popover (PxAnnotationController *self);

static void
popdown (PxAnnotationController *self)
{
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static gboolean
document_to_language (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  PxDocument *doc = g_value_get_object (from);

  g_value_set_string (to, doc != NULL ? px_document_get_language (doc) : NULL);
  return TRUE;
}

/* What the popover needs to know of the session follows it: the library,
 * whether it can be changed, the article's language (for spelling). */
static void
bind_popover (PxAnnotationController *self)
{
  g_object_bind_property (self->library, "store", self->popover, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->library, "read-only-reason", self->popover, "read-only-reason", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->library, "document", self->popover, "document-language", G_BINDING_SYNC_CREATE,
                               document_to_language, NULL, NULL, NULL);
}

/* Follows the library's document: its highlights. */
static void
load_document (PxAnnotationController *self)
{
  PxDocument *doc = document (self);
  PxStore *store = self->library ? px_library_get_store (self->library) : NULL;
  g_autoptr (PxAnnotationList) list = NULL;
  g_autoptr (GError) error = NULL;

  if (self->view == NULL)
    return;
  popdown (self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (px_annotation_list_get_undo_stack (self->list), on_undo_changed, self);
  g_clear_pointer (&self->text, px_anchor_text_free);
  if (doc != NULL && store != NULL && px_document_get_id (doc) > 0)
    {
      list = px_annotation_list_new (store, px_document_get_id (doc), &error);
      if (list == NULL)
        toast_error (self, _ ("Could not load the highlights"), error);
    }
  g_set_object (&self->list, list);
  if (list != NULL)
    {
      g_signal_connect_object (px_annotation_list_get_undo_stack (list), "notify::can-undo",
                               G_CALLBACK (on_undo_changed), self, 0);
      g_signal_connect_object (px_annotation_list_get_undo_stack (list), "notify::can-redo",
                               G_CALLBACK (on_undo_changed), self, 0);
    }
  px_highlight_layer_set_list (self->layer, list);
  px_annotations_panel_set_store (self->panel, store);
  px_annotations_panel_set_list (self->panel, list);
  update_actions (self);
}

static void
on_document_changed (PxLibrary *library, GParamSpec *pspec, PxAnnotationController *self)
{
  load_document (self);
}

/* The library became read-only (damage was found) or writable again. */
static void
on_writable_changed (PxLibrary *library, GParamSpec *pspec, PxAnnotationController *self)
{
  if (self->panel != NULL)
    px_annotations_panel_refresh (self->panel);
  update_actions (self);
}

/* Opens the popover pointing at [start, end); only on screen. */
static void
popup_at (PxAnnotationController *self, guint start, guint end)
{
  GdkRectangle rect;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->view)))
    return;
  if (px_highlight_layer_get_range_rect (self->layer, start, end, &rect))
    {
      /* The view is as tall as the article and scrolls inside the reader:
       * keep the arrow on the part of it that is on screen. */
      GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (self->view)));
      graphene_point_t in = GRAPHENE_POINT_INIT (rect.x, rect.y), out;

      if (gtk_widget_compute_point (GTK_WIDGET (self->view), native, &in, &out))
        {
          double y = CLAMP (out.y, 0, MAX (0, gtk_widget_get_height (native) - rect.height));
          double x = CLAMP (out.x, 0, MAX (0, gtk_widget_get_width (native) - 1));
          graphene_point_t back_in = GRAPHENE_POINT_INIT (x, y), back;

          if (gtk_widget_compute_point (native, GTK_WIDGET (self->view), &back_in, &back))
            {
              rect.x = (int)back.x;
              rect.y = (int)back.y;
            }
        }
      gtk_popover_set_pointing_to (GTK_POPOVER (ensure_popover (self)), &rect);
    }
  px_highlight_popover_place (ensure_popover (self));
  gtk_popover_popup (GTK_POPOVER (ensure_popover (self)));
}

static void
clear_selection (PxAnnotationController *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, self->pending_end);
  gtk_text_buffer_select_range (buffer, &iter, &iter);
}

static PxAnnotation *
create (PxAnnotationController *self, guint start, guint end, const char *color)
{
  g_autoptr (PxAnnotation) a = NULL;
  g_autoptr (GError) error = NULL;

  if (self->list == NULL || anchor_text (self) == NULL)
    return NULL;
  /* Whitespace at the ends of a selection is never part of the passage
   * (the buffer finds characters by offset without walking the text). */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
    while (start < end && g_unichar_isspace (gtk_text_iter_get_char (&iter)))
      {
        start++;
        gtk_text_iter_forward_char (&iter);
      }
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, end);
    while (end > start && gtk_text_iter_backward_char (&iter) && g_unichar_isspace (gtk_text_iter_get_char (&iter)))
      end--;
  }
  if (start >= end)
    {
      toast (self, _ ("Select some text to highlight"));
      return NULL;
    }
  a = px_annotation_new_for_text (self->text, px_annotation_list_get_document_id (self->list), start, end, color);
  if (!px_annotation_list_add (self->list, a, &error))
    {
      toast_error (self, _ ("Could not save the highlight"), error);
      return NULL;
    }
  g_free (self->last_color);
  self->last_color = g_strdup (color);
  return px_annotation_list_lookup (self->list, px_annotation_get_id (a));
}

PxAnnotation *
px_annotation_controller_highlight_selection (PxAnnotationController *self, const char *color)
{
  guint start, end;
  PxAnnotation *a;

  g_return_val_if_fail (PX_IS_ANNOTATION_CONTROLLER (self), NULL);
  if (!px_highlight_layer_get_selection (self->layer, &start, &end))
    {
      toast (self, _ ("Select some text to highlight"));
      return NULL;
    }
  self->pending_start = start;
  self->pending_end = end;
  a = create (self, start, end, color);
  if (a != NULL)
    clear_selection (self);
  return a;
}

/* The highlight the keys act on: under the text cursor, else under the
 * selection's start. */
static PxAnnotation *
current_annotation (PxAnnotationController *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter iter;
  PxAnnotation *a;

  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)) &&
      px_highlight_popover_get_annotation (self->popover) != NULL)
    return px_highlight_popover_get_annotation (self->popover);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  a = px_highlight_layer_get_at (self->layer, gtk_text_iter_get_offset (&iter));
  if (a == NULL && gtk_text_iter_get_offset (&iter) > 0)
    a = px_highlight_layer_get_at (self->layer, gtk_text_iter_get_offset (&iter) - 1);
  return a;
}

static void
on_selection_finished (PxHighlightLayer *layer, guint start, guint end, PxAnnotationController *self)
{
  /* A selection in a library that cannot be changed is only for copying
   * (Ctrl+C): no popover offering what would fail. */
  if (self->list == NULL || !writable (self))
    return;
  self->pending_start = start;
  self->pending_end = end;
  px_highlight_popover_set_annotation (ensure_popover (self), NULL);
  px_highlight_popover_show_page (self->popover, "main");
  popup_at (self, start, end);
}

static void
open_annotation (PxAnnotation *a, gpointer user_data)
{
  PxAnnotationController *self = user_data;

  g_debug ("Highlights: the popover of highlight %" G_GINT64_FORMAT, px_annotation_get_id (a));
  px_highlight_popover_set_annotation (ensure_popover (self), a);
  px_highlight_popover_show_page (self->popover, "main");
  popup_at (self, px_annotation_get_start (a), px_annotation_get_end (a));
}

/* A secondary click on a highlight; on several, which one. */
static void
on_annotation_clicked (PxHighlightLayer *layer, PxAnnotation *a, PxAnnotationController *self)
{
  guint at = px_highlight_layer_get_clicked_offset (layer);
  g_autoptr (GPtrArray) all = px_highlight_layer_get_all_at (layer, at);
  GdkRectangle rect;

  if (all->len < 2)
    {
      open_annotation (a, self);
      return;
    }
  g_debug ("Highlights: %u here, the user chooses", all->len);
  popdown (self);
  if (!px_highlight_layer_get_range_rect (layer, at, at + 1, &rect))
    rect = (GdkRectangle){ 0, 0, 1, 1 };
  if (self->chooser != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->chooser), (gpointer *)&self->chooser);
      gtk_popover_popdown (self->chooser);
    }
  self->chooser = px_highlight_chooser_popup (GTK_WIDGET (self->view), &rect, all, open_annotation, self);
  g_object_add_weak_pointer (G_OBJECT (self->chooser), (gpointer *)&self->chooser);
}

static void
on_color_chosen (PxHighlightPopover *popover, const char *color, PxAnnotationController *self)
{
  PxAnnotation *a = px_highlight_popover_get_annotation (popover);
  g_autoptr (GError) error = NULL;

  if (a != NULL)
    {
      if (!px_annotation_list_set_color (self->list, a, color, &error))
        toast_error (self, _ ("Could not change the colour"), error);
      px_highlight_popover_set_annotation (popover, a);
      return;
    }
  if (create (self, self->pending_start, self->pending_end, color) != NULL)
    {
      clear_selection (self);
      gtk_popover_popdown (GTK_POPOVER (popover));
    }
}

/* Notes and tags need a highlight: a fresh selection becomes one first,
 * in the colour used last. */
static PxAnnotation *
ensure_annotation (PxAnnotationController *self)
{
  PxAnnotation *a = px_highlight_popover_get_annotation (ensure_popover (self));

  if (a == NULL)
    {
      a = create (self, self->pending_start, self->pending_end, self->last_color ? self->last_color : "yellow");
      if (a != NULL)
        px_highlight_popover_set_annotation (self->popover, a);
    }
  return a;
}

static void
on_note_requested (PxHighlightPopover *popover, PxAnnotationController *self)
{
  if (ensure_annotation (self) != NULL)
    px_highlight_popover_show_page (popover, "note");
}

static void
on_tags_requested (PxHighlightPopover *popover, PxAnnotationController *self)
{
  if (ensure_annotation (self) != NULL)
    px_highlight_popover_show_page (popover, "tags");
}

static void
on_copy (PxHighlightPopover *popover, PxAnnotationController *self)
{
  PxAnnotation *a = px_highlight_popover_get_annotation (popover);
  PxDocument *doc = document (self);
  g_autofree char *text = NULL;

  if (a != NULL)
    text = g_strdup (px_annotation_get_quote (a));
  else if (anchor_text (self) != NULL)
    text = px_anchor_text_slice (self->text, self->pending_start, self->pending_end);
  if (text != NULL && doc != NULL)
    {
      /* With where it comes from: Markdown, and plain text for the rest. */
      px_highlight_copy_to_clipboard (gtk_widget_get_clipboard (GTK_WIDGET (self->view)), text, doc);
      toast (self, _ ("Copied with its source"));
    }
}

static void
forget_undo_toast (AdwToast *toast, PxAnnotationController *self)
{
  if (self->undo_toast == toast)
    {
      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *)&self->undo_toast);
      self->undo_toast = NULL;
    }
}

static void
delete_annotation (PxAnnotationController *self, PxAnnotation *a)
{
  g_autoptr (GError) error = NULL;
  AdwToast *done;

  if (self->list == NULL || a == NULL)
    return;
  if (!px_annotation_list_remove (self->list, a, &error))
    {
      toast_error (self, _ ("Could not delete the highlight"), error);
      return;
    }
  done = adw_toast_new (_ ("Highlight deleted"));
  adw_toast_set_button_label (done, _ ("_Undo"));
  adw_toast_set_action_name (done, "annot.undo");
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  /* Undone by other means (Ctrl+Z), it goes. */
  self->undo_toast = done;
  g_object_add_weak_pointer (G_OBJECT (done), (gpointer *)&self->undo_toast);
  g_signal_connect_object (done, "dismissed", G_CALLBACK (forget_undo_toast), self, 0);
  emit_toast (self, done);
}

static void
on_delete (PxHighlightPopover *popover, PxAnnotationController *self)
{
  delete_annotation (self, px_highlight_popover_get_annotation (popover));
}

static void
on_note_edited (PxHighlightPopover *popover, const char *note, PxAnnotationController *self)
{
  PxAnnotation *a = px_highlight_popover_get_annotation (popover);
  g_autoptr (GError) error = NULL;

  if (a != NULL && self->list != NULL && !px_annotation_list_set_note (self->list, a, note, &error))
    toast_error (self, _ ("Could not save the note"), error);
}

static void
on_note_language_changed (PxHighlightPopover *popover, const char *language, PxAnnotationController *self)
{
  PxAnnotation *a = px_highlight_popover_get_annotation (popover);
  g_autoptr (GError) error = NULL;

  if (a != NULL && self->list != NULL && !px_annotation_list_set_note_language (self->list, a, language, &error))
    toast_error (self, _ ("Could not save the note’s language"), error);
}

static void
on_tags_edited (PxHighlightPopover *popover, GStrv tags, PxAnnotationController *self)
{
  PxAnnotation *a = px_highlight_popover_get_annotation (popover);
  g_autoptr (GError) error = NULL;

  if (a == NULL || self->list == NULL)
    return;
  if (!px_annotation_list_set_tags (self->list, a, (const char *const *)tags, &error))
    toast_error (self, _ ("Could not save the tags"), error);
  px_annotations_panel_refresh (self->panel);
}

/* The reader shows the highlights of the coder the Highlights panel
 * filters on, and hides the others'. */
static gboolean
coder_filter (PxAnnotation *annotation, gpointer user_data)
{
  return px_annotations_panel_coder_shown (PX_ANNOTATIONS_PANEL (user_data), annotation);
}

static void
on_coder_filter_changed (PxAnnotationsPanel *panel, PxAnnotationController *self)
{
  px_highlight_layer_set_filter (self->layer, coder_filter, panel);
}

static void
on_panel_activated (PxAnnotationsPanel *panel, PxAnnotation *a, PxAnnotationController *self)
{
  PxAnnotation *live;
  guint start, end;

  if (self->view == NULL)
    return;
  if (self->list == NULL || px_annotation_get_document_id (a) != px_annotation_list_get_document_id (self->list))
    g_signal_emit (self, signals[SIGNAL_OPEN_DOCUMENT], 0, px_annotation_get_document_id (a));
  if (self->list == NULL || (live = px_annotation_list_lookup (self->list, px_annotation_get_id (a))) == NULL)
    return;
  if (!px_annotation_get_orphaned (live))
    {
      px_highlight_layer_reveal (self->layer, live);
      return;
    }
  /* An orphan is attached again to what the user selected. */
  if (!writable (self))
    {
      toast (self, px_library_get_read_only_reason (self->library));
      return;
    }
  if (anchor_text (self) != NULL && px_highlight_layer_get_selection (self->layer, &start, &end))
    {
      PxAnchorSelector selector = { 0 };
      g_autoptr (GError) error = NULL;

      px_anchor_describe (self->text, start, end, &selector);
      if (!px_annotation_list_reattach (self->list, live, &selector, &error))
        toast_error (self, _ ("Could not attach the highlight"), error);
      else
        toast (self, _ ("Highlight attached to the selected text"));
      px_anchor_selector_clear (&selector);
      return;
    }
  toast (self, _ ("This passage is no longer in the text. Select where it belongs, then click it again to attach it."));
}

static void
highlight_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  PxAnnotationController *self = user_data;
  const char *color = g_variant_get_string (param, NULL);
  PxAnnotation *a;
  guint start, end;
  g_autoptr (GError) error = NULL;

  if (!px_annotation_color_is_valid (color))
    return;
  /* With a selection: highlight it. Without: recolour the highlight at
   * the cursor. */
  if (px_highlight_layer_get_selection (self->layer, &start, &end))
    {
      popdown (self);
      px_annotation_controller_highlight_selection (self, color);
    }
  else if ((a = current_annotation (self)) != NULL)
    {
      if (!px_annotation_list_set_color (self->list, a, color, &error))
        toast_error (self, _ ("Could not change the colour"), error);
    }
  else
    toast (self, _ ("Select some text to highlight"));
}

static void
note_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  PxAnnotationController *self = user_data;
  PxAnnotation *a = NULL;
  guint start, end;

  if (px_highlight_layer_get_selection (self->layer, &start, &end))
    {
      self->pending_start = start;
      self->pending_end = end;
      px_highlight_popover_set_annotation (ensure_popover (self), NULL);
      a = ensure_annotation (self);
      clear_selection (self);
    }
  else
    a = current_annotation (self);
  if (a == NULL)
    {
      toast (self, _ ("Select some text or click a highlight to add a note"));
      return;
    }
  px_highlight_popover_set_annotation (ensure_popover (self), a);
  popup_at (self, px_annotation_get_start (a), px_annotation_get_end (a));
  px_highlight_popover_show_page (self->popover, "note");
}

static void
delete_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  PxAnnotationController *self = user_data;
  PxAnnotation *a = current_annotation (self);

  if (a == NULL)
    {
      toast (self, _ ("There is no highlight at the cursor"));
      return;
    }
  popdown (self);
  delete_annotation (self, a);
}

static void
undo_or_redo (PxAnnotationController *self, gboolean redo)
{
  g_autoptr (GError) error = NULL;
  PxAnnotation *changed = NULL;
  gboolean ok;

  if (self->list == NULL)
    return;
  popdown (self);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  ok = redo ? px_annotation_list_redo (self->list, &changed, &error)
            : px_annotation_list_undo (self->list, &changed, &error);
  if (!ok)
    toast_error (self, redo ? _ ("Could not redo") : _ ("Could not undo"), error);
  px_annotations_panel_refresh (self->panel);
}

static void
undo_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  undo_or_redo (user_data, FALSE);
}

static void
redo_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  undo_or_redo (user_data, TRUE);
}

/* The codebook changed tags on highlights anywhere, this document's
 * included: read them again. */
static void
on_codebook_changed (PxCodebookDialog *dialog, PxAnnotationController *self)
{
  g_autoptr (GError) error = NULL;

  /* The panel learns the new tag colours before its rows are made again. */
  px_annotations_panel_refresh (self->panel);
  if (self->list != NULL && !px_annotation_list_reload (self->list, &error))
    toast_error (self, _ ("Could not load the highlights"), error);
  /* The swatches name the tags of each colour: read again. */
  if (self->popover != NULL)
    px_highlight_popover_set_store (self->popover, px_library_get_store (self->library));
}

static void
codebook_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  PxAnnotationController *self = user_data;
  PxStore *store = self->library ? px_library_get_store (self->library) : NULL;
  PxCodebookDialog *dialog;

  if (store == NULL)
    {
      toast (self, _ ("Open a library to edit its tags"));
      return;
    }
  popdown (self);
  dialog = px_codebook_dialog_new (store);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_codebook_changed), self, 0);
  px_preferences_present (GTK_WIDGET (dialog),
                          self->view ? GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self->view))) : NULL);
}

static const GActionEntry action_entries[] = {
  { "codebook", codebook_action }, { "highlight", highlight_action, "s" },
  { "note", note_action },         { "delete", delete_action },
  { "undo", undo_action },         { "redo", redo_action },
};

static void
add_shortcut (GtkShortcutController *controller, guint key, GdkModifierType mods, const char *action, GVariant *target)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, mods), gtk_named_action_new (action));

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The keys of highlighting: 1–6 (and the keypad's) for the colours, N for
 * a note, Delete. */
static GtkEventController *
highlight_keys_new (void)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  const guint digits[PX_N_COLORS] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5, GDK_KEY_6 };
  const guint keypad[PX_N_COLORS] = {
    GDK_KEY_KP_1, GDK_KEY_KP_2, GDK_KEY_KP_3, GDK_KEY_KP_4, GDK_KEY_KP_5, GDK_KEY_KP_6
  };

  for (guint i = 0; i < PX_N_COLORS; i++)
    {
      add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), digits[i], 0, "annot.highlight",
                    g_variant_new_string (px_annotation_color_names ()[i]));
      add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), keypad[i], 0, "annot.highlight",
                    g_variant_new_string (px_annotation_color_names ()[i]));
    }
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_n, 0, "annot.note", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Delete, 0, "annot.delete", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Delete, 0, "annot.delete", NULL);
  return keys;
}

GtkEventController *
px_annotation_controller_window_shortcuts_new (void)
{
  GtkEventController *window = gtk_shortcut_controller_new ();

  /* Undo in the window, after the focused widget: an entry keeps its own
   * Ctrl+Z. */
  add_shortcut (GTK_SHORTCUT_CONTROLLER (window), GDK_KEY_z, GDK_CONTROL_MASK, "annot.undo", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "annot.redo", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (window), GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "annot.redo", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (window), GDK_KEY_y, GDK_CONTROL_MASK, "annot.redo", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (window), GDK_KEY_t, GDK_CONTROL_MASK, "annot.codebook", NULL);
  return window;
}

/* The popover is made the first time it is needed: most starts never
 * highlight anything, and its pages, note editor and spell checker cost
 * the first frame ~10 ms. */
static PxHighlightPopover *
ensure_popover (PxAnnotationController *self)
{
  if (self->popover != NULL || self->view == NULL)
    return self->popover;
  self->popover = px_highlight_popover_new ();
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self->view));
  g_signal_connect_object (self->popover, "color-chosen", G_CALLBACK (on_color_chosen), self, 0);
  g_signal_connect_object (self->popover, "note-requested", G_CALLBACK (on_note_requested), self, 0);
  g_signal_connect_object (self->popover, "tags-requested", G_CALLBACK (on_tags_requested), self, 0);
  g_signal_connect_object (self->popover, "copy", G_CALLBACK (on_copy), self, 0);
  g_signal_connect_object (self->popover, "delete", G_CALLBACK (on_delete), self, 0);
  g_signal_connect_object (self->popover, "note-edited", G_CALLBACK (on_note_edited), self, 0);
  g_signal_connect_object (self->popover, "note-language-changed", G_CALLBACK (on_note_language_changed), self, 0);
  g_signal_connect_object (self->popover, "tags-edited", G_CALLBACK (on_tags_edited), self, 0);
  /* The same keys while the popover is open at a fresh selection or a
   * highlight (it takes the keyboard): its swatch tooltips name them. The
   * note editor and the tag entry see their keys first. */
  gtk_widget_add_controller (GTK_WIDGET (self->popover), highlight_keys_new ());
  bind_popover (self);
  return self->popover;
}

void
px_annotation_controller_shutdown (PxAnnotationController *self)
{
  g_return_if_fail (PX_IS_ANNOTATION_CONTROLLER (self));

  if (self->view == NULL)
    return;
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  if (self->layer != NULL)
    px_highlight_layer_set_list (self->layer, NULL);
  g_clear_object (&self->layer);
  g_clear_object (&self->list);
  self->view = NULL;
}

static void
px_annotation_controller_dispose (GObject *object)
{
  PxAnnotationController *self = PX_ANNOTATION_CONTROLLER (object);

  if (self->undo_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *)&self->undo_toast);
  self->undo_toast = NULL;
  /* An open chooser would call back into a controller that is gone. */
  if (self->chooser != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->chooser), (gpointer *)&self->chooser);
      gtk_popover_popdown (self->chooser);
      self->chooser = NULL;
    }
  /* The layer's filter asks the panel, which goes below. */
  if (self->layer != NULL)
    px_highlight_layer_set_filter (self->layer, NULL, NULL);
  g_clear_object (&self->layer);
  g_clear_object (&self->list);
  g_clear_object (&self->actions);
  g_clear_object (&self->panel);
  g_clear_pointer (&self->text, px_anchor_text_free);
  g_clear_pointer (&self->last_color, g_free);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (px_annotation_controller_parent_class)->dispose (object);
}

static void
px_annotation_controller_class_init (PxAnnotationControllerClass *klass)
{
  GType type = G_TYPE_FROM_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_annotation_controller_dispose;
  signals[SIGNAL_TOAST] =
      g_signal_new ("toast", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  signals[SIGNAL_OPEN_DOCUMENT] =
      g_signal_new ("open-document", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
px_annotation_controller_init (PxAnnotationController *self)
{
}

PxAnnotationController *
px_annotation_controller_new (PxLibrary *library, PxReaderView *reader)
{
  PxAnnotationController *self;

  g_return_val_if_fail (PX_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PX_IS_READER_VIEW (reader), NULL);

  self = g_object_new (PX_TYPE_ANNOTATION_CONTROLLER, NULL);
  self->library = g_object_ref (library);
  self->view = px_reader_view_get_text_view (reader);
  self->layer = px_highlight_layer_new (self->view);
  g_signal_connect_object (self->layer, "selection-finished", G_CALLBACK (on_selection_finished), self, 0);
  g_signal_connect_object (self->layer, "annotation-clicked", G_CALLBACK (on_annotation_clicked), self, 0);

  self->panel = g_object_ref_sink (px_annotations_panel_new ());
  g_signal_connect_object (self->panel, "annotation-activated", G_CALLBACK (on_panel_activated), self, 0);
  g_signal_connect_object (self->panel, "coder-filter-changed", G_CALLBACK (on_coder_filter_changed), self, 0);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries, G_N_ELEMENTS (action_entries), self);
  /* Plain keys act only in the reader, so typing elsewhere is safe. */
  gtk_widget_add_controller (GTK_WIDGET (self->view), highlight_keys_new ());

  g_signal_connect (library, "notify::document", G_CALLBACK (on_document_changed), self);
  /* The panel's search of all documents needs the library before any
   * article is opened. */
  g_signal_connect (library, "notify::store", G_CALLBACK (on_document_changed), self);
  g_signal_connect (library, "notify::writable", G_CALLBACK (on_writable_changed), self);
  load_document (self);
  return self;
}

GActionGroup *
px_annotation_controller_get_actions (PxAnnotationController *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION_CONTROLLER (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

PxAnnotationList *
px_annotation_controller_get_list (PxAnnotationController *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION_CONTROLLER (self), NULL);
  return self->list;
}

PxHighlightLayer *
px_annotation_controller_get_layer (PxAnnotationController *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION_CONTROLLER (self), NULL);
  return self->layer;
}

PxHighlightPopover *
px_annotation_controller_get_popover (PxAnnotationController *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION_CONTROLLER (self), NULL);
  return ensure_popover (self);
}

AdwToast *
px_annotation_controller_get_undo_toast (PxAnnotationController *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION_CONTROLLER (self), NULL);
  return self->undo_toast;
}

void
px_annotation_controller_reload (PxAnnotationController *self)
{
  g_return_if_fail (PX_IS_ANNOTATION_CONTROLLER (self));
  load_document (self);
  px_annotations_panel_refresh (self->panel);
}

PxAnnotationsPanel *
px_annotation_controller_get_panel (PxAnnotationController *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION_CONTROLLER (self), NULL);
  return self->panel;
}
