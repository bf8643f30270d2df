/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Find in the article: Ctrl+F where an article is open (the library's
 * search has Shift+Ctrl+F, and Ctrl+F too while no article is open),
 * Ctrl+G and Shift+Ctrl+G for the next and previous match. */
#include "gui/window/px-window-private.h"

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);
  PxFindBar *bar = px_reader_view_get_find_bar (self->reader);

  if (px_library_get_document (self->library) == NULL)
    {
      _px_window_layout_show (self, PX_WINDOW_PANE_LIBRARY);
      px_library_sidebar_focus_search (self->sidebar);
      return;
    }
  _px_window_layout_show (self, PX_WINDOW_PANE_READER);
  if (g_str_equal (action_name, "win.find"))
    px_find_bar_open (bar);
  else
    px_find_bar_step (bar, g_str_equal (action_name, "win.find-next") ? 1 : -1);
}

void
_px_window_class_init_find (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous",
                                       NULL);
}
