/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/window/px-side-panel.h"

struct _PxSidePanel
{
  GtkWidget parent_instance;

  AdwViewSwitcher *switcher;
  AdwViewStack *stack;
};

G_DEFINE_FINAL_TYPE (PxSidePanel, px_side_panel, GTK_TYPE_WIDGET)

static void
px_side_panel_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), PX_TYPE_SIDE_PANEL);
  /* The template's top box has no id, so it is not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (px_side_panel_parent_class)->dispose (object);
}

static void
px_side_panel_class_init (PxSidePanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_side_panel_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-side-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PxSidePanel, switcher);
  gtk_widget_class_bind_template_child (widget_class, PxSidePanel, stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidepanel");
}

static void
px_side_panel_init (PxSidePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* AdwViewStack cannot insert, so a replaced page is kept in place by
 * moving the pages that followed it to the end again. */
static void
move_to_end (AdwViewStack *stack, GtkWidget *child)
{
  AdwViewStackPage *page = adw_view_stack_get_page (stack, child);
  g_autofree char *name = g_strdup (adw_view_stack_page_get_name (page));
  g_autofree char *title = g_strdup (adw_view_stack_page_get_title (page));
  g_autofree char *icon = g_strdup (adw_view_stack_page_get_icon_name (page));

  g_object_ref (child);
  adw_view_stack_remove (stack, child);
  adw_view_stack_page_set_icon_name (adw_view_stack_add_titled (stack, child, name, title), icon);
  g_object_unref (child);
}

void
px_side_panel_add_page (PxSidePanel *self, GtkWidget *page, const char *name, const char *title, const char *icon_name)
{
  g_autoptr (GPtrArray) later = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GtkSelectionModel) pages = NULL;
  GtkWidget *old;
  gboolean was_visible;
  AdwViewStackPage *stack_page;

  g_return_if_fail (PX_IS_SIDE_PANEL (self));
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (name != NULL);

  old = adw_view_stack_get_child_by_name (self->stack, name);
  was_visible = old != NULL && adw_view_stack_get_visible_child (self->stack) == old;
  if (old != NULL)
    {
      gboolean after = FALSE;

      pages = adw_view_stack_get_pages (self->stack);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
        {
          g_autoptr (AdwViewStackPage) p = g_list_model_get_item (G_LIST_MODEL (pages), i);
          GtkWidget *child = adw_view_stack_page_get_child (p);

          if (after)
            g_ptr_array_add (later, g_object_ref (child));
          after = after || child == old;
        }
      adw_view_stack_remove (self->stack, old);
    }
  stack_page = adw_view_stack_add_titled (self->stack, page, name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
  for (guint i = 0; i < later->len; i++)
    move_to_end (self->stack, g_ptr_array_index (later, i));
  if (was_visible)
    adw_view_stack_set_visible_child (self->stack, page);
}

GtkWidget *
px_side_panel_get_page (PxSidePanel *self, const char *name)
{
  g_return_val_if_fail (PX_IS_SIDE_PANEL (self), NULL);
  return adw_view_stack_get_child_by_name (self->stack, name);
}

AdwViewStack *
px_side_panel_get_stack (PxSidePanel *self)
{
  g_return_val_if_fail (PX_IS_SIDE_PANEL (self), NULL);
  return self->stack;
}

const char *
px_side_panel_get_visible_page (PxSidePanel *self)
{
  g_return_val_if_fail (PX_IS_SIDE_PANEL (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

void
px_side_panel_set_visible_page (PxSidePanel *self, const char *name)
{
  g_return_if_fail (PX_IS_SIDE_PANEL (self));
  if (name != NULL && adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}
