/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/annotations/px-codebook-dialog.h"

#include <glib/gi18n.h>

#include "gui/annotations/px-tag-swatch.h"
#include "annotations/px-annotation.h"
#include "annotations/px-store-coders.h"
#include "annotations/px-store-annotations.h"
#include "annotations/px-tag-snapshot.h"

/* Deleting a tag that this many highlights or more carry asks first; an
 * unused tag goes at once (the toast can bring it back). */
#define CONFIRM_DELETE_MIN 1
#define SWATCH_SIZE 16

struct _PxCodebookDialog
{
  PxPreferencesBase parent_instance;

  AdwPreferencesGroup *colors_group;
  AdwPreferencesGroup *tags_group;
  AdwEntryRow *new_tag_row;
  AdwEntryRow *coder_row;

  PxStore *store;
  AdwEntryRow *meaning_rows[PX_N_COLORS];
  GPtrArray *tag_rows;  /* AdwActionRow, in the group */
  GtkWidget *empty_row; /* shown when there are no tags */
  GPtrArray *undo;      /* Step, latest last */
  GPtrArray *redo;      /* Step, the next to redo last */
  gboolean redoing;
  GtkWidget *confirmation;
};

G_DEFINE_FINAL_TYPE (PxCodebookDialog, px_codebook_dialog, PX_TYPE_PREFERENCES_BASE)

/* One change made in the dialog: the tags as they were (to undo it) and
 * the change itself (to redo it). */
typedef enum
{
  STEP_RENAME,
  STEP_COLOR,
  STEP_MERGE,
  STEP_DELETE,
} StepKind;

typedef struct
{
  StepKind kind;
  gint64 id;
  gint64 other_id;
  char *value; /* the new name or colour */
  char *text;  /* what was done, for the toasts */
  PxTagSnapshot *snapshot;
} Step;

static void
step_free (Step *step)
{
  g_free (step->value);
  g_free (step->text);
  g_clear_pointer (&step->snapshot, px_tag_snapshot_free);
  g_free (step);
}

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Colours offered for tags: the GNOME palette. */
static const struct
{
  const char *hex;
  const char *label;
} tag_palette[] = {
  { "#3584e4", N_ ("Blue") }, { "#33d17a", N_ ("Green") },  { "#f6d32d", N_ ("Yellow") }, { "#ff7800", N_ ("Orange") },
  { "#e01b24", N_ ("Red") },  { "#9141ac", N_ ("Purple") }, { "#986a44", N_ ("Brown") },  { "#8f8f8f", N_ ("Grey") },
};

static void rebuild_tags (PxCodebookDialog *self);
static gint64 row_tag_id (GtkWidget *widget);

static void
toast (PxCodebookDialog *self, const char *message, gboolean can_undo)
{
  AdwToast *t = adw_toast_new (message);

  if (can_undo)
    {
      adw_toast_set_button_label (t, _ ("_Undo"));
      adw_toast_set_action_name (t, "codebook.undo");
    }
  px_preferences_add_toast (GTK_WIDGET (self), t);
}

static void
toast_error (PxCodebookDialog *self, const char *what, const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);
  toast (self, message, FALSE);
}

static void
changed (PxCodebookDialog *self)
{
  rebuild_tags (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.undo", self->undo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.redo", self->redo->len > 0);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Keeps what a change is about to alter; NULL (with a toast) when the
 * tags cannot be read. */
static PxTagSnapshot *
snapshot (PxCodebookDialog *self, const gint64 *ids, guint n_ids)
{
  g_autoptr (GError) error = NULL;
  PxTagSnapshot *snap = px_tag_snapshot_new (self->store, ids, n_ids, &error);

  if (snap == NULL)
    toast_error (self, _ ("Could not read the tag"), error);
  return snap;
}

/* The rows are made again after a change: keyboard focus goes back to
 * the tag's row, or the list's first row when the tag is gone. */
static void
focus_tag (PxCodebookDialog *self, gint64 id)
{
  for (guint i = 0; i < self->tag_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->tag_rows, i);
      if (row_tag_id (row) == id)
        {
          gtk_widget_grab_focus (row);
          return;
        }
    }
  if (self->tag_rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->tag_rows, 0));
}

/* Keeps a change done for undo; a new change (not a redo) forgets what
 * could be redone. */
static void
push_undo (PxCodebookDialog *self, PxTagSnapshot *snap, StepKind kind, gint64 id, gint64 other_id, const char *value,
           gint64 focus_id, const char *message)
{
  Step *step = g_new0 (Step, 1);

  *step = (Step){ kind, id, other_id, g_strdup (value), g_strdup (message), snap };
  g_ptr_array_add (self->undo, step);
  if (!self->redoing)
    g_ptr_array_set_size (self->redo, 0);
  changed (self);
  focus_tag (self, focus_id);
  toast (self, message, TRUE);
}

static GtkWidget *
swatch_new (const char *hex)
{
  return px_tag_swatch_new (hex, SWATCH_SIZE);
}

static const char *
palette_label (const char *hex)
{
  for (guint i = 0; i < G_N_ELEMENTS (tag_palette); i++)
    if (g_ascii_strcasecmp (tag_palette[i].hex, hex) == 0)
      return _ (tag_palette[i].label);
  return hex;
}

/* The tag a widget acts on: its own, or that of the row it is in. */
static gint64
row_tag_id (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      gint64 *id = g_object_get_data (G_OBJECT (widget), "px-tag-id");
      if (id != NULL)
        return *id;
    }
  return 0;
}

static void
set_tag_id (gpointer object, gint64 id)
{
  g_object_set_data_full (G_OBJECT (object), "px-tag-id", g_memdup2 (&id, sizeof id), g_free);
}

static void
on_palette_clicked (GtkButton *button, PxCodebookDialog *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  gint64 id = row_tag_id (popover);

  gtk_popover_popdown (GTK_POPOVER (popover));
  px_codebook_dialog_set_tag_color (self, id, g_object_get_data (G_OBJECT (button), "px-color"));
}

/* Popovers are filled when first opened: a codebook of hundreds of tags
 * makes its rows again after every change. */
static void
fill_color_popover (GtkMenuButton *button, gpointer user_data)
{
  PxCodebookDialog *self = user_data;
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkWidget *grid;

  if (gtk_popover_get_child (popover) != NULL)
    return;
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint i = 0; i < G_N_ELEMENTS (tag_palette); i++)
    {
      GtkWidget *choice = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (choice), swatch_new (tag_palette[i].hex));
      gtk_widget_add_css_class (choice, "flat");
      g_object_set_data (G_OBJECT (choice), "px-color", (gpointer)tag_palette[i].hex);
      gtk_widget_set_name (choice, tag_palette[i].hex);
      gtk_widget_set_tooltip_text (choice, _ (tag_palette[i].label));
      gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, _ (tag_palette[i].label),
                                      -1);
      g_signal_connect (choice, "clicked", G_CALLBACK (on_palette_clicked), self);
      gtk_grid_attach (GTK_GRID (grid), choice, i % 4, i / 4, 1, 1);
    }
  gtk_popover_set_child (popover, grid);
}

/* A row's flat menu button (@name for tests and CSS) whose popover, for
 * tag @info, is filled by @fill when it first opens. */
static GtkWidget *
row_menu_button_new (PxCodebookDialog *self, PxTagInfo *info, const char *name, const char *tooltip, const char *label,
                     GtkMenuButtonCreatePopupFunc fill)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  set_tag_id (popover, info->id);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), fill, self, NULL);
  return button;
}

static GtkWidget *
color_button_new (PxCodebookDialog *self, PxTagInfo *info)
{
  g_autofree char *tip = g_strdup_printf (_ ("Colour of “%s”: %s"), info->name, palette_label (info->color));
  GtkWidget *button = row_menu_button_new (self, info, "color", tip, tip, fill_color_popover);

  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), swatch_new (info->color));
  return button;
}

static void
on_rename_activate (GtkEntry *entry, PxCodebookDialog *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);
  gint64 id = row_tag_id (popover);
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  gtk_popover_popdown (GTK_POPOVER (popover));
  px_codebook_dialog_rename_tag (self, id, name);
}

static void
on_rename_clicked (GtkButton *button, GtkEntry *entry)
{
  g_signal_emit_by_name (entry, "activate");
}

static void
fill_rename_popover (GtkMenuButton *button, gpointer user_data)
{
  PxCodebookDialog *self = user_data;
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  const char *name = g_object_get_data (G_OBJECT (button), "px-name");
  GtkWidget *box, *entry, *apply;

  if (gtk_popover_get_child (popover) != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  entry = gtk_entry_new ();
  apply = gtk_button_new_with_mnemonic (_ ("_Rename"));
  gtk_widget_set_name (entry, "name");
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("New name"), -1);
  g_signal_connect (entry, "activate", G_CALLBACK (on_rename_activate), self);
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect (apply, "clicked", G_CALLBACK (on_rename_clicked), entry);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), apply);
  gtk_popover_set_child (popover, box);
  gtk_popover_set_default_widget (popover, apply);
}

static GtkWidget *
rename_button_new (PxCodebookDialog *self, PxTagInfo *info)
{
  g_autofree char *label = g_strdup_printf (_ ("Rename “%s”"), info->name);
  GtkWidget *button = row_menu_button_new (self, info, "rename", _ ("Rename"), label, fill_rename_popover);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  g_object_set_data_full (G_OBJECT (button), "px-name", g_strdup (info->name), g_free);
  return button;
}

static void
on_merge_row_activated (GtkListBox *box, GtkListBoxRow *row, PxCodebookDialog *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (box), GTK_TYPE_POPOVER);
  gint64 from = row_tag_id (popover);
  gint64 into = row_tag_id (GTK_WIDGET (row));

  gtk_popover_popdown (GTK_POPOVER (popover));
  px_codebook_dialog_merge_tags (self, from, into);
}

/* The list of other tags is made when the menu opens, so it is current. */
static void
fill_merge_popover (GtkMenuButton *button, gpointer user_data)
{
  PxCodebookDialog *self = user_data;
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  gint64 from = row_tag_id (GTK_WIDGET (popover));
  g_autoptr (GPtrArray) tags = px_store_list_tags (self->store, NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *heading = gtk_label_new (_ ("Merge into"));
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (heading, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (box), TRUE);
  gtk_widget_add_css_class (box, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Merge into"), -1);
  g_signal_connect (box, "row-activated", G_CALLBACK (on_merge_row_activated), self);
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      PxTagInfo *info = g_ptr_array_index (tags, i);
      GtkWidget *row, *line, *label;

      if (info->id == from)
        continue;
      line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      label = gtk_label_new (info->name);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (line), swatch_new (info->color));
      gtk_box_append (GTK_BOX (line), label);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
      set_tag_id (row, info->id);
      gtk_list_box_append (GTK_LIST_BOX (box), row);
    }
  if (gtk_widget_get_first_child (box) == NULL)
    gtk_list_box_set_placeholder (GTK_LIST_BOX (box), gtk_label_new (_ ("There is no other tag to merge into.")));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_box_append (GTK_BOX (outer), heading);
  gtk_box_append (GTK_BOX (outer), scroller);
  gtk_popover_set_child (popover, outer);
}

static GtkWidget *
merge_button_new (PxCodebookDialog *self, PxTagInfo *info)
{
  g_autofree char *label = g_strdup_printf (_ ("Merge “%s” into another tag"), info->name);
  GtkWidget *button =
      row_menu_button_new (self, info, "merge", _ ("Merge into another tag"), label, fill_merge_popover);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-list-symbolic");
  return button;
}

static void
on_delete_clicked (GtkButton *button, PxCodebookDialog *self)
{
  px_codebook_dialog_delete_tag (self, row_tag_id (GTK_WIDGET (button)));
}

static GtkWidget *
tag_row_new (PxCodebookDialog *self, PxTagInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *count =
      g_strdup_printf (ngettext ("On %u highlight", "On %u highlights", info->n_annotations), info->n_annotations);
  g_autofree char *delete_label = g_strdup_printf (_ ("Delete “%s”"), info->name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), info->n_annotations ? count : _ ("Not used yet"));
  set_tag_id (row, info->id);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), color_button_new (self, info));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rename_button_new (self, info));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), merge_button_new (self, info));
  gtk_widget_set_name (delete, "delete");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _ ("Delete tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

static void
rebuild_tags (PxCodebookDialog *self)
{
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->tag_rows->len; i++)
    adw_preferences_group_remove (self->tags_group, g_ptr_array_index (self->tag_rows, i));
  g_ptr_array_set_size (self->tag_rows, 0);
  if (self->store == NULL)
    return;
  tags = px_store_list_tags (self->store, &error);
  if (tags == NULL)
    {
      toast_error (self, _ ("Could not read the tags"), error);
      return;
    }
  for (guint i = 0; i < tags->len; i++)
    {
      GtkWidget *row = tag_row_new (self, g_ptr_array_index (tags, i));
      adw_preferences_group_add (self->tags_group, row);
      g_ptr_array_add (self->tag_rows, row);
    }
  gtk_widget_set_visible (self->empty_row, tags->len == 0);
}

static void
on_meaning_apply (AdwEntryRow *row, PxCodebookDialog *self)
{
  const char *color = g_object_get_data (G_OBJECT (row), "px-color");
  g_autoptr (GError) error = NULL;

  if (!px_store_set_color_meaning (self->store, color, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      toast_error (self, _ ("Could not save the colour’s meaning"), error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
fill_colors (PxCodebookDialog *self)
{
  g_autoptr (GPtrArray) colors = px_store_list_colors (self->store, NULL);

  for (guint i = 0; i < PX_N_COLORS; i++)
    {
      const char *name = px_annotation_color_names ()[i];
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *dot = gtk_image_new ();
      g_autofree char *title = g_strdup_printf (_ ("%s (key %u)"), px_annotation_color_label (name), i + 1);

      gtk_widget_add_css_class (dot, "swatch-dot");
      gtk_widget_add_css_class (dot, name);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), dot);
      if (colors != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row), ((PxColorInfo *)g_ptr_array_index (colors, i))->meaning);
      g_object_set_data (G_OBJECT (row), "px-color", (gpointer)name);
      g_signal_connect (row, "apply", G_CALLBACK (on_meaning_apply), self);
      g_signal_connect (row, "entry-activated", G_CALLBACK (on_meaning_apply), self);
      adw_preferences_group_add (self->colors_group, row);
      self->meaning_rows[i] = ADW_ENTRY_ROW (row);
    }
}

static void
on_new_tag_apply (PxCodebookDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_tag_row))));
  g_autoptr (GError) error = NULL;

  if (*name == '\0' || self->store == NULL)
    return;
  if (px_store_create_tag (self->store, name, NULL, &error) == 0)
    {
      toast_error (self, _ ("Could not create the tag"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_tag_row), "");
  changed (self);
}

gboolean
px_codebook_dialog_rename_tag (PxCodebookDialog *self, gint64 id, const char *name)
{
  g_autoptr (PxTagSnapshot) snap = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (PX_IS_CODEBOOK_DIALOG (self), FALSE);
  if ((snap = snapshot (self, &id, 1)) == NULL)
    return FALSE;
  if (!px_store_rename_tag (self->store, id, name, &error))
    {
      if (g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE))
        {
          g_autofree char *hint = g_strdup_printf (_ ("There is already a tag named “%s”. To combine the two, use "
                                                      "“Merge into another tag”."),
                                                   clean);
          toast (self, hint, FALSE);
        }
      else
        toast_error (self, _ ("Could not rename the tag"), error);
      return FALSE;
    }
  message = g_strdup_printf (_ ("Renamed “%s”"), px_tag_snapshot_get_name (snap));
  push_undo (self, g_steal_pointer (&snap), STEP_RENAME, id, 0, clean, id, message);
  return TRUE;
}

gboolean
px_codebook_dialog_set_tag_color (PxCodebookDialog *self, gint64 id, const char *color)
{
  g_autoptr (PxTagSnapshot) snap = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (PX_IS_CODEBOOK_DIALOG (self), FALSE);
  if ((snap = snapshot (self, &id, 1)) == NULL)
    return FALSE;
  if (!px_store_set_tag_color (self->store, id, color, &error))
    {
      toast_error (self, _ ("Could not change the tag’s colour"), error);
      return FALSE;
    }
  message = g_strdup_printf (_ ("Recoloured “%s”"), px_tag_snapshot_get_name (snap));
  push_undo (self, g_steal_pointer (&snap), STEP_COLOR, id, 0, color, id, message);
  return TRUE;
}

gboolean
px_codebook_dialog_merge_tags (PxCodebookDialog *self, gint64 from_id, gint64 into_id)
{
  g_autoptr (PxTagSnapshot) snap = NULL;
  g_autoptr (PxTagInfo) into = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 ids[2] = { from_id, into_id };

  g_return_val_if_fail (PX_IS_CODEBOOK_DIALOG (self), FALSE);
  if ((snap = snapshot (self, ids, 2)) == NULL)
    return FALSE;
  if (!px_store_merge_tags (self->store, from_id, into_id, &error) ||
      (into = px_store_get_tag (self->store, into_id, &error)) == NULL)
    {
      toast_error (self, _ ("Could not merge the tags"), error);
      return FALSE;
    }
  message = g_strdup_printf (_ ("Merged “%s” into “%s”"), px_tag_snapshot_get_name (snap), into->name);
  push_undo (self, g_steal_pointer (&snap), STEP_MERGE, from_id, into_id, NULL, into_id, message);
  return TRUE;
}

static gboolean
delete_now (PxCodebookDialog *self, gint64 id)
{
  g_autoptr (PxTagSnapshot) snap = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if ((snap = snapshot (self, &id, 1)) == NULL)
    return FALSE;
  if (!px_store_delete_tag (self->store, id, &error))
    {
      toast_error (self, _ ("Could not delete the tag"), error);
      return FALSE;
    }
  message = g_strdup_printf (_ ("Deleted “%s”"), px_tag_snapshot_get_name (snap));
  push_undo (self, g_steal_pointer (&snap), STEP_DELETE, id, 0, NULL, 0, message);
  return TRUE;
}

static void
on_confirmation_response (GtkWidget *dialog, const char *response, PxCodebookDialog *self)
{
  gint64 id = row_tag_id (GTK_WIDGET (dialog));

  self->confirmation = NULL;
  if (g_strcmp0 (response, "delete") == 0)
    delete_now (self, id);
}

gboolean
px_codebook_dialog_delete_tag (PxCodebookDialog *self, gint64 id)
{
  g_autoptr (PxTagInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (PX_IS_CODEBOOK_DIALOG (self), FALSE);
  if ((info = px_store_get_tag (self->store, id, &error)) == NULL)
    {
      toast_error (self, _ ("Could not delete the tag"), error);
      return FALSE;
    }
  if (info->n_annotations < CONFIRM_DELETE_MIN)
    return delete_now (self, id);

  heading = g_strdup_printf (_ ("Delete “%s”?"), info->name);
  body = g_strdup_printf (ngettext ("The tag will be taken off %u highlight. The highlight itself stays.",
                                    "The tag will be taken off %u highlights. The highlights themselves stay.",
                                    info->n_annotations),
                          info->n_annotations);
  dialog = px_alert_new (GTK_WIDGET (self), heading, body);
  px_alert_add_responses (dialog, "cancel", _ ("_Cancel"), "delete", _ ("_Delete"), NULL);
  px_alert_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  px_alert_set_default_response (dialog, "cancel");
  px_alert_set_close_response (dialog, "cancel");
  set_tag_id (dialog, id);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirmation_response), self);
  self->confirmation = dialog;
  px_alert_present (dialog);
  return TRUE;
}

gboolean
px_codebook_dialog_undo (PxCodebookDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  Step *step;

  g_return_val_if_fail (PX_IS_CODEBOOK_DIALOG (self), FALSE);
  if (self->undo->len == 0)
    return FALSE;
  step = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (!px_tag_snapshot_restore (step->snapshot, self->store, &error))
    {
      toast_error (self, _ ("Could not undo"), error);
      return FALSE;
    }
  message = g_strdup_printf (_ ("Undone: %s"), step->text);
  g_ptr_array_add (self->redo, g_ptr_array_steal_index (self->undo, self->undo->len - 1));
  changed (self);
  focus_tag (self, step->kind == STEP_MERGE ? step->other_id : step->id);
  toast (self, message, FALSE);
  return TRUE;
}

gboolean
px_codebook_dialog_redo (PxCodebookDialog *self)
{
  Step *step;
  gboolean ok = FALSE;

  g_return_val_if_fail (PX_IS_CODEBOOK_DIALOG (self), FALSE);
  if (self->redo->len == 0)
    return FALSE;
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  /* The change again, as the user made it; it becomes a step to undo. */
  self->redoing = TRUE;
  switch (step->kind)
    {
    case STEP_RENAME:
      ok = px_codebook_dialog_rename_tag (self, step->id, step->value);
      break;
    case STEP_COLOR:
      ok = px_codebook_dialog_set_tag_color (self, step->id, step->value);
      break;
    case STEP_MERGE:
      ok = px_codebook_dialog_merge_tags (self, step->id, step->other_id);
      break;
    case STEP_DELETE:
      ok = delete_now (self, step->id);
      break;
    }
  self->redoing = FALSE;
  step_free (step);
  if (!ok)
    changed (self);
  return ok;
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  px_codebook_dialog_undo (PX_CODEBOOK_DIALOG (widget));
}

static void
redo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  px_codebook_dialog_redo (PX_CODEBOOK_DIALOG (widget));
}

GtkWidget *
px_codebook_dialog_get_confirmation (PxCodebookDialog *self)
{
  g_return_val_if_fail (PX_IS_CODEBOOK_DIALOG (self), NULL);
  return self->confirmation;
}

AdwActionRow *
px_codebook_dialog_find_tag_row (PxCodebookDialog *self, const char *name)
{
  g_return_val_if_fail (PX_IS_CODEBOOK_DIALOG (self), NULL);
  for (guint i = 0; i < self->tag_rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (self->tag_rows, i);
      if (g_utf8_collate (adw_preferences_row_get_title (row), name) == 0 ||
          g_ascii_strcasecmp (adw_preferences_row_get_title (row), name) == 0)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}

AdwEntryRow *
px_codebook_dialog_get_meaning_row (PxCodebookDialog *self, const char *color)
{
  g_return_val_if_fail (PX_IS_CODEBOOK_DIALOG (self), NULL);
  for (guint i = 0; i < PX_N_COLORS; i++)
    if (g_strcmp0 (px_annotation_color_names ()[i], color) == 0)
      return self->meaning_rows[i];
  return NULL;
}

AdwEntryRow *
px_codebook_dialog_get_new_tag_row (PxCodebookDialog *self)
{
  g_return_val_if_fail (PX_IS_CODEBOOK_DIALOG (self), NULL);
  return self->new_tag_row;
}

static void
px_codebook_dialog_dispose (GObject *object)
{
  PxCodebookDialog *self = PX_CODEBOOK_DIALOG (object);

  if (self->confirmation != NULL)
    px_dialog_close (self->confirmation);
  self->confirmation = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_CODEBOOK_DIALOG);
  G_OBJECT_CLASS (px_codebook_dialog_parent_class)->dispose (object);
}

static void
px_codebook_dialog_finalize (GObject *object)
{
  PxCodebookDialog *self = PX_CODEBOOK_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->tag_rows, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  G_OBJECT_CLASS (px_codebook_dialog_parent_class)->finalize (object);
}

/* The library's coder (annotations/px-store-coders.h): what the highlights made
 * from now on are marked with. */
static void
on_coder_apply (PxCodebookDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  if (!px_store_set_coder (self->store, gtk_editable_get_text (GTK_EDITABLE (self->coder_row)), &error))
    {
      toast_error (self, _ ("Could not change the coder"), error);
      return;
    }
  name = px_store_get_coder (self->store, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->coder_row), name != NULL ? name : "");
}

static void
px_codebook_dialog_class_init (PxCodebookDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_codebook_dialog_dispose;
  object_class->finalize = px_codebook_dialog_finalize;

  signals[SIGNAL_CHANGED] =
      g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  px_compat_set_template (widget_class, "/io/github/parallaxapp/Parallax/px-codebook-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PxCodebookDialog, colors_group);
  gtk_widget_class_bind_template_child (widget_class, PxCodebookDialog, tags_group);
  gtk_widget_class_bind_template_child (widget_class, PxCodebookDialog, new_tag_row);
  gtk_widget_class_bind_template_child (widget_class, PxCodebookDialog, coder_row);
  gtk_widget_class_bind_template_callback (widget_class, on_coder_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_new_tag_apply);

  gtk_widget_class_install_action (widget_class, "codebook.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "codebook.undo", NULL);
  gtk_widget_class_install_action (widget_class, "codebook.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "codebook.redo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "codebook.redo",
                                       NULL);
}

static void
px_codebook_dialog_init (PxCodebookDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->tag_rows = g_ptr_array_new ();
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _ ("No tags yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->empty_row),
                               _ ("Tags you give highlights (“Tag…” in the highlight popover) appear here."));
  adw_preferences_group_add (self->tags_group, self->empty_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.redo", FALSE);
}

PxCodebookDialog *
px_codebook_dialog_new (PxStore *store)
{
  PxCodebookDialog *self;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);
  self = g_object_new (PX_TYPE_CODEBOOK_DIALOG, NULL);
  px_preferences_set_size (GTK_WIDGET (self), 560, 640);
  self->store = g_object_ref (store);
  fill_colors (self);
  rebuild_tags (self);
  {
    g_autofree char *coder = px_store_get_coder (store, NULL);

    gtk_editable_set_text (GTK_EDITABLE (self->coder_row), coder != NULL ? coder : "");
    gtk_widget_set_sensitive (GTK_WIDGET (self->coder_row), !px_store_is_read_only (store));
  }
  return self;
}
