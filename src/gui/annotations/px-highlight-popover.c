/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/annotations/px-highlight-popover.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gui/annotations/px-tag-swatch.h"
#include "gui/common/px-dropdown-tooltip.h"
#include "annotations/px-store-annotations.h"

/* A note is saved after a pause in typing this long. */
#define SAVE_DELAY_MS 400
#define MAX_SUGGESTIONS 6

struct _PxHighlightPopover
{
  GtkPopover parent_instance;

  GtkStack *stack;
  GtkBox *swatches;
  GtkButton *note_button;
  AdwButtonContent *note_content;
  GtkButton *tags_button;
  GtkButton *delete_button;
  GtkDropDown *language_dropdown;
  PxNoteEditor *note_editor;
  GtkLabel *spell_hint;
  GtkFlowBox *tag_chips;
  GtkEntry *tag_entry;
  GtkListBox *tag_suggestions;

  GtkWidget *swatch[PX_N_COLORS];
  PxStore *store;
  PxAnnotation *annotation;
  PxSpellChecker *checker;
  GtkStringList *languages; /* "" first: the default */
  char *document_language;
  char *read_only_reason; /* NULL while the library can be changed */
  guint save_source;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (PxHighlightPopover, px_highlight_popover, GTK_TYPE_POPOVER)

enum
{
  SIGNAL_COLOR_CHOSEN,
  SIGNAL_NOTE_REQUESTED,
  SIGNAL_TAGS_REQUESTED,
  SIGNAL_COPY,
  SIGNAL_DELETE,
  SIGNAL_NOTE_EDITED,
  SIGNAL_NOTE_LANGUAGE_CHANGED,
  SIGNAL_TAGS_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_STORE,
  PROP_READ_ONLY_REASON,
  PROP_DOCUMENT_LANGUAGE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* The popover sits on the reader's text view, which does not lay out
 * popovers: whenever the content changes size, place it again. */
static void
relayout (PxHighlightPopover *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      px_highlight_popover_place (self);
      gtk_popover_present (GTK_POPOVER (self));
    }
}

void
px_highlight_popover_place (PxHighlightPopover *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *native;
  GdkRectangle rect;
  graphene_point_t in, out;
  int natural = 0;
  double above, below;

  g_return_if_fail (PX_IS_HIGHLIGHT_POPOVER (self));
  if (parent == NULL || (native = GTK_WIDGET (gtk_widget_get_native (parent))) == NULL)
    return;
  if (!gtk_popover_get_pointing_to (GTK_POPOVER (self), &rect))
    rect = (GdkRectangle){ 0, 0, gtk_widget_get_width (parent), gtk_widget_get_height (parent) };
  in = GRAPHENE_POINT_INIT (rect.x, rect.y);
  if (!gtk_widget_compute_point (parent, native, &in, &out))
    return;
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  above = out.y;
  below = gtk_widget_get_height (native) - (out.y + rect.height);
  /* Below the passage when it fits in the window, else on the roomier
   * side: the note page ran past the window's bottom. */
  gtk_popover_set_position (GTK_POPOVER (self), below < natural && above > below ? GTK_POS_TOP : GTK_POS_BOTTOM);
}

static void
on_swatch_clicked (GtkButton *button, PxHighlightPopover *self)
{
  if (self->read_only_reason != NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_COLOR_CHOSEN], 0, g_object_get_data (G_OBJECT (button), "px-color"));
}

/* Tooltips say the colour and what it means in this library. */
static void
update_swatch_tooltips (PxHighlightPopover *self)
{
  g_autoptr (GPtrArray) colors = self->store ? px_store_list_colors (self->store, NULL) : NULL;

  for (guint i = 0; i < PX_N_COLORS; i++)
    {
      const char *name = px_annotation_color_names ()[i];
      const char *meaning = colors ? ((PxColorInfo *)g_ptr_array_index (colors, i))->meaning : "";
      g_autofree char *tip = NULL;

      if (meaning != NULL && *meaning != '\0')
        /* Translators: a highlight colour and what the user said it means, e.g. "Green: evidence (2)". */
        tip = g_strdup_printf (_ ("%s: %s (%u)"), px_annotation_color_label (name), meaning, i + 1);
      else
        tip = g_strdup_printf ("%s (%u)", px_annotation_color_label (name), i + 1);
      gtk_widget_set_tooltip_text (self->swatch[i], self->read_only_reason ? self->read_only_reason : tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->swatch[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
    }
}

static void update_chips (PxHighlightPopover *self);

static void
remove_tag_clicked (GtkButton *button, PxHighlightPopover *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "px-tag");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) tags = NULL;

  if (self->annotation == NULL)
    return;
  for (const char *const *t = px_annotation_get_tags (self->annotation); *t; t++)
    if (g_strcmp0 (*t, tag) != 0)
      g_strv_builder_add (builder, *t);
  tags = g_strv_builder_end (builder);
  g_signal_emit (self, signals[SIGNAL_TAGS_EDITED], 0, tags);
  update_chips (self);
}

static void
update_chips (PxHighlightPopover *self)
{
  g_autoptr (GPtrArray) codebook = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_chips))) != NULL)
    gtk_flow_box_remove (self->tag_chips, child);
  if (self->annotation == NULL)
    return;
  /* Each chip shows its tag's colour from the codebook. */
  codebook = self->store ? px_store_list_tags (self->store, NULL) : NULL;
  for (const char *const *t = px_annotation_get_tags (self->annotation); *t; t++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      g_autofree char *tip = g_strdup_printf (_ ("Remove the tag “%s”"), *t);

      for (guint i = 0; codebook != NULL && i < codebook->len; i++)
        {
          PxTagInfo *info = g_ptr_array_index (codebook, i);
          if (g_utf8_collate (info->name, *t) == 0)
            {
              gtk_box_append (GTK_BOX (box), px_tag_swatch_new (info->color, 10));
              break;
            }
        }
      gtk_box_append (GTK_BOX (box), gtk_label_new (*t));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "tag-chip");
      gtk_widget_set_tooltip_text (button, tip);
      g_object_set_data_full (G_OBJECT (button), "px-tag", g_strdup (*t), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_tag_clicked), self);
      gtk_flow_box_append (self->tag_chips, button);
    }
  relayout (self);
}

static void
add_tag (PxHighlightPopover *self, const char *name)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) tags = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name));

  if (self->annotation == NULL || *clean == '\0')
    return;
  g_strv_builder_addv (builder, (const char **)px_annotation_get_tags (self->annotation));
  g_strv_builder_add (builder, clean);
  tags = g_strv_builder_end (builder);
  g_signal_emit (self, signals[SIGNAL_TAGS_EDITED], 0, tags);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  update_chips (self);
}

static void
on_tag_entry_activate (PxHighlightPopover *self)
{
  add_tag (self, gtk_editable_get_text (GTK_EDITABLE (self->tag_entry)));
}

static void
on_suggestion_activated (PxHighlightPopover *self, GtkListBoxRow *row)
{
  add_tag (self, g_object_get_data (G_OBJECT (row), "px-tag"));
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
}

/* Completion from the codebook, most used first, as the user types. */
static void
on_tag_entry_changed (PxHighlightPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_entry));
  g_auto (GStrv) names = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_suggestions))) != NULL)
    gtk_list_box_remove (self->tag_suggestions, child);
  if (self->store == NULL)
    return;
  names = px_store_complete_tags (self->store, text, MAX_SUGGESTIONS + 4, NULL);
  for (guint i = 0, shown = 0; names != NULL && names[i] != NULL && shown < MAX_SUGGESTIONS; i++)
    {
      GtkWidget *row, *label;

      if (self->annotation != NULL && px_annotation_has_tag (self->annotation, names[i]))
        continue;
      label = gtk_label_new (names[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 8);
      gtk_widget_set_margin_end (label, 8);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "px-tag", g_strdup (names[i]), g_free);
      gtk_list_box_append (self->tag_suggestions, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tag_suggestions),
                          gtk_widget_get_first_child (GTK_WIDGET (self->tag_suggestions)) != NULL);
  relayout (self);
}

static gboolean
save_note (gpointer user_data)
{
  PxHighlightPopover *self = user_data;
  g_autofree char *text = px_note_editor_dup_text (self->note_editor);

  self->save_source = 0;
  if (self->annotation != NULL && g_strcmp0 (text, px_annotation_get_note (self->annotation)) != 0)
    g_signal_emit (self, signals[SIGNAL_NOTE_EDITED], 0, text);
  return G_SOURCE_REMOVE;
}

void
px_highlight_popover_flush (PxHighlightPopover *self)
{
  g_return_if_fail (PX_IS_HIGHLIGHT_POPOVER (self));
  if (self->save_source != 0)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      save_note (self);
    }
}

static void
on_note_edited (PxHighlightPopover *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_note, self);
}

/* The dictionary for the note: its own language, else the document's,
 * else the locale's; a hint when there is none. */
static void
apply_language (PxHighlightPopover *self)
{
  const char *chosen = self->annotation ? px_annotation_get_note_language (self->annotation) : NULL;
  g_autofree char *picked = px_spell_checker_pick_language (self->checker, chosen ? chosen : self->document_language);

  if (picked == NULL || !px_spell_checker_set_language (self->checker, picked))
    {
      px_spell_checker_set_language (self->checker, "");
      gtk_label_set_label (self->spell_hint, _ ("No spelling dictionary is installed, so spelling is not checked. "
                                                "Install one (for example hunspell-en-us) to turn it on."));
      gtk_widget_set_visible (GTK_WIDGET (self->spell_hint), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->spell_hint), FALSE);
  px_note_editor_recheck (self->note_editor);
  relayout (self);
}

static void
on_language_selected (PxHighlightPopover *self)
{
  guint index = gtk_drop_down_get_selected (self->language_dropdown);
  const char *tag;

  if (self->updating || index == GTK_INVALID_LIST_POSITION)
    return;
  tag = gtk_string_list_get_string (self->languages, index);
  g_signal_emit (self, signals[SIGNAL_NOTE_LANGUAGE_CHANGED], 0, index == 0 ? NULL : tag);
  apply_language (self);
}

static void
select_language_row (PxHighlightPopover *self)
{
  const char *chosen = self->annotation ? px_annotation_get_note_language (self->annotation) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->languages));
  guint index = 0;

  for (guint i = 1; chosen != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->languages, i), chosen) == 0)
      index = i;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->language_dropdown, index);
  self->updating = FALSE;
}

static void
on_note_clicked (PxHighlightPopover *self)
{
  g_signal_emit (self, signals[SIGNAL_NOTE_REQUESTED], 0);
}

static void
on_tags_clicked (PxHighlightPopover *self)
{
  g_signal_emit (self, signals[SIGNAL_TAGS_REQUESTED], 0);
}

static void
on_copy_clicked (PxHighlightPopover *self)
{
  g_signal_emit (self, signals[SIGNAL_COPY], 0);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_delete_clicked (PxHighlightPopover *self)
{
  g_signal_emit (self, signals[SIGNAL_DELETE], 0);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_back_clicked (PxHighlightPopover *self)
{
  px_highlight_popover_flush (self);
  px_highlight_popover_show_page (self, "main");
}

static void
on_closed (PxHighlightPopover *self)
{
  px_highlight_popover_flush (self);
}

static void
px_highlight_popover_dispose (GObject *object)
{
  PxHighlightPopover *self = PX_HIGHLIGHT_POPOVER (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_HIGHLIGHT_POPOVER);
  g_clear_object (&self->store);
  g_clear_object (&self->annotation);
  g_clear_object (&self->checker);
  g_clear_object (&self->languages);
  g_clear_pointer (&self->document_language, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  G_OBJECT_CLASS (px_highlight_popover_parent_class)->dispose (object);
}

static void
px_highlight_popover_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PxHighlightPopover *self = PX_HIGHLIGHT_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_READ_ONLY_REASON:
      g_value_set_string (value, self->read_only_reason);
      break;
    case PROP_DOCUMENT_LANGUAGE:
      g_value_set_string (value, self->document_language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_highlight_popover_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PxHighlightPopover *self = PX_HIGHLIGHT_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      px_highlight_popover_set_store (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY_REASON:
      px_highlight_popover_set_read_only_reason (self, g_value_get_string (value));
      break;
    case PROP_DOCUMENT_LANGUAGE:
      px_highlight_popover_set_document_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_highlight_popover_class_init (PxHighlightPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GType type = G_TYPE_FROM_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_highlight_popover_dispose;
  G_OBJECT_CLASS (klass)->get_property = px_highlight_popover_get_property;
  G_OBJECT_CLASS (klass)->set_property = px_highlight_popover_set_property;
  /* Bound to the session's (PxLibrary) by whoever shows the popover. */
  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, PX_TYPE_STORE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY_REASON] =
      g_param_spec_string ("read-only-reason", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_LANGUAGE] =
      g_param_spec_string ("document-language", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  g_type_ensure (PX_TYPE_NOTE_EDITOR);

  signals[SIGNAL_COLOR_CHOSEN] =
      g_signal_new ("color-chosen", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_NOTE_REQUESTED] =
      g_signal_new ("note-requested", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_TAGS_REQUESTED] =
      g_signal_new ("tags-requested", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_COPY] = g_signal_new ("copy", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DELETE] = g_signal_new ("delete", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_NOTE_EDITED] =
      g_signal_new ("note-edited", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_NOTE_LANGUAGE_CHANGED] = g_signal_new ("note-language-changed", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                                        NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_TAGS_EDITED] =
      g_signal_new ("tags-edited", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-highlight-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, swatches);
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, note_button);
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, note_content);
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, tags_button);
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, delete_button);
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, note_editor);
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, spell_hint);
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, tag_chips);
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, PxHighlightPopover, tag_suggestions);
  gtk_widget_class_bind_template_callback (widget_class, on_note_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_tags_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_activated);
}

static void
px_highlight_popover_init (PxHighlightPopover *self)
{
  g_auto (GStrv) installed = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < PX_N_COLORS; i++)
    {
      const char *name = px_annotation_color_names ()[i];
      GtkWidget *button = gtk_button_new ();

      gtk_widget_add_css_class (button, "swatch");
      gtk_widget_add_css_class (button, name);
      g_object_set_data (G_OBJECT (button), "px-color", (gpointer)name);
      g_signal_connect (button, "clicked", G_CALLBACK (on_swatch_clicked), self);
      gtk_box_append (self->swatches, button);
      self->swatch[i] = button;
    }
  update_swatch_tooltips (self);

  self->checker = px_spell_checker_new (NULL);
  px_note_editor_set_checker (self->note_editor, self->checker);
  g_signal_connect_swapped (self->note_editor, "text-edited", G_CALLBACK (on_note_edited), self);

  self->languages = gtk_string_list_new (NULL);
  /* Translators: the spelling language of a note, when none was chosen. */
  gtk_string_list_append (self->languages, _ ("Default Language"));
  installed = px_spell_checker_list_languages (self->checker);
  for (guint i = 0; installed[i] != NULL; i++)
    gtk_string_list_append (self->languages, installed[i]);
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (self->languages));
  px_dropdown_quiet_tooltip (self->language_dropdown);
  g_signal_connect_swapped (self->language_dropdown, "notify::selected", G_CALLBACK (on_language_selected), self);
  g_signal_connect (self, "closed", G_CALLBACK (on_closed), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_suggestions), FALSE);
}

PxHighlightPopover *
px_highlight_popover_new (void)
{
  return g_object_new (PX_TYPE_HIGHLIGHT_POPOVER, NULL);
}

void
px_highlight_popover_set_store (PxHighlightPopover *self, PxStore *store)
{
  g_return_if_fail (PX_IS_HIGHLIGHT_POPOVER (self));
  g_set_object (&self->store, store);
  update_swatch_tooltips (self);
}

void
px_highlight_popover_set_annotation (PxHighlightPopover *self, PxAnnotation *annotation)
{
  gboolean has_note;

  g_return_if_fail (PX_IS_HIGHLIGHT_POPOVER (self));

  if (self->annotation != annotation)
    px_highlight_popover_flush (self);
  g_set_object (&self->annotation, annotation);
  has_note = annotation != NULL && *px_annotation_get_note (annotation) != '\0';
  for (guint i = 0; i < PX_N_COLORS; i++)
    {
      gboolean current =
          annotation != NULL && g_str_equal (px_annotation_get_color (annotation), px_annotation_color_names ()[i]);
      if (current)
        gtk_button_set_icon_name (GTK_BUTTON (self->swatch[i]), "object-select-symbolic");
      else
        gtk_button_set_child (GTK_BUTTON (self->swatch[i]), NULL);
    }
  adw_button_content_set_label (self->note_content, has_note ? _ ("Edit _Note") : _ ("Add _Note"));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), annotation != NULL);
  px_note_editor_set_text (self->note_editor, annotation ? px_annotation_get_note (annotation) : "");
  select_language_row (self);
  apply_language (self);
  update_chips (self);
  update_swatch_tooltips (self);
  /* Delete comes and goes: measure again. */
  relayout (self);
}

/* A disabled control says why in its tooltip, and gets its own back
 * when it works again. */
static void
block_widget (GtkWidget *widget, const char *reason)
{
  if (reason != NULL && g_object_get_data (G_OBJECT (widget), "px-tooltip") == NULL)
    g_object_set_data_full (G_OBJECT (widget), "px-tooltip", g_strdup (gtk_widget_get_tooltip_text (widget)), g_free);
  if (reason != NULL)
    gtk_widget_set_tooltip_text (widget, reason);
  else if (g_object_get_data (G_OBJECT (widget), "px-tooltip") != NULL)
    {
      gtk_widget_set_tooltip_text (widget, g_object_get_data (G_OBJECT (widget), "px-tooltip"));
      g_object_set_data (G_OBJECT (widget), "px-tooltip", NULL);
    }
  gtk_widget_set_sensitive (widget, reason == NULL);
}

void
px_highlight_popover_set_read_only_reason (PxHighlightPopover *self, const char *reason)
{
  g_return_if_fail (PX_IS_HIGHLIGHT_POPOVER (self));

  if (g_strcmp0 (self->read_only_reason, reason) == 0)
    return;
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
  for (guint i = 0; i < PX_N_COLORS; i++)
    gtk_widget_set_sensitive (self->swatch[i], reason == NULL);
  update_swatch_tooltips (self);
  block_widget (GTK_WIDGET (self->note_button), reason);
  block_widget (GTK_WIDGET (self->tags_button), reason);
  block_widget (GTK_WIDGET (self->delete_button), reason);
  /* A note being written when the library stops taking changes stays on
   * screen, to be copied elsewhere: its next save fails with the reason. */
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->note_editor), reason == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_entry), reason == NULL);
}

const char *
px_highlight_popover_get_read_only_reason (PxHighlightPopover *self)
{
  g_return_val_if_fail (PX_IS_HIGHLIGHT_POPOVER (self), NULL);
  return self->read_only_reason;
}

PxAnnotation *
px_highlight_popover_get_annotation (PxHighlightPopover *self)
{
  g_return_val_if_fail (PX_IS_HIGHLIGHT_POPOVER (self), NULL);
  return self->annotation;
}

void
px_highlight_popover_set_document_language (PxHighlightPopover *self, const char *language)
{
  g_return_if_fail (PX_IS_HIGHLIGHT_POPOVER (self));
  g_free (self->document_language);
  self->document_language = g_strdup (language);
}

void
px_highlight_popover_show_page (PxHighlightPopover *self, const char *page)
{
  g_return_if_fail (PX_IS_HIGHLIGHT_POPOVER (self));
  /* The note and tag pages write as the user types. */
  if (self->read_only_reason != NULL)
    page = "main";
  gtk_stack_set_visible_child_name (self->stack, page);
  relayout (self);
  if (g_str_equal (page, "note"))
    {
      apply_language (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_editor));
    }
  else if (g_str_equal (page, "tags"))
    {
      on_tag_entry_changed (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
    }
}

const char *
px_highlight_popover_get_page (PxHighlightPopover *self)
{
  g_return_val_if_fail (PX_IS_HIGHLIGHT_POPOVER (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
px_highlight_popover_get_swatch (PxHighlightPopover *self, const char *color)
{
  g_return_val_if_fail (PX_IS_HIGHLIGHT_POPOVER (self), NULL);
  for (guint i = 0; i < PX_N_COLORS; i++)
    if (g_strcmp0 (px_annotation_color_names ()[i], color) == 0)
      return self->swatch[i];
  return NULL;
}

PxNoteEditor *
px_highlight_popover_get_note_editor (PxHighlightPopover *self)
{
  g_return_val_if_fail (PX_IS_HIGHLIGHT_POPOVER (self), NULL);
  return self->note_editor;
}
