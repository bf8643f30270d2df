/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's adaptive layout: library | reader | side panel side by side
 * when there is room, fewer panes when there is not, down to 360 px.
 *
 *   wide   (>= 880 px)  all three (the side panel when it is shown)
 *   medium (>= 640 px)  two: library | reader, or reader | side panel
 *                       while the side panel is shown
 *   narrow (<  640 px)  one: the library, the reader, or the side panel
 *                       while it is shown; Back (Alt+Left) goes from the
 *                       side panel to the reader and from the reader to
 *                       the library
 *
 * The panes stay the same widgets in the same GtkPaned, so their state
 * (scroll, selection, the side panel's page) survives a change of layout;
 * only their visibility changes. A PxAdaptiveBin lets the window be
 * narrower than the three panes' minimum widths and tells when its width
 * changes, before the panes are laid out. */
#include "config.h"

#include "gui/window/px-adaptive-bin.h"
#include "gui/window/px-window-private.h"

#define WIDE_MIN 880
#define MEDIUM_MIN 640

static PxWindowLayout
layout_for_width (int width)
{
  if (width <= 0 || width >= WIDE_MIN)
    return PX_WINDOW_LAYOUT_WIDE;
  return width >= MEDIUM_MIN ? PX_WINDOW_LAYOUT_MEDIUM : PX_WINDOW_LAYOUT_NARROW;
}

/* The pane that should hold the keyboard focus in a one-pane layout. */
static GtkWidget *
main_pane (PxWindow *self)
{
  if (_px_window_side_panel_shown (self))
    return GTK_WIDGET (self->side_panel);
  return self->pane == PX_WINDOW_PANE_LIBRARY ? GTK_WIDGET (self->sidebar) : GTK_WIDGET (self->reader_stack);
}

static void
apply (PxWindow *self, gboolean move_focus)
{
  PxWindowLayout layout = layout_for_width (px_adaptive_bin_get_width (self->adaptive));
  gboolean side = _px_window_side_panel_shown (self);
  gboolean sidebar = TRUE, reader = TRUE;
  /* Read before any pane is hidden: hiding the focused one clears it. */
  g_autoptr (GtkWidget) focus = NULL;

  /* Becoming narrow with an article open shows the article: the side
   * panel steps aside, and comes back when the window widens again. */
  g_set_object (&focus, gtk_root_get_focus (GTK_ROOT (self)));
  if (layout == PX_WINDOW_LAYOUT_NARROW && self->layout != PX_WINDOW_LAYOUT_NARROW)
    {
      self->pane = px_library_get_document (self->library) != NULL ? PX_WINDOW_PANE_READER : PX_WINDOW_PANE_LIBRARY;
      self->layout = layout;
      if (side && px_library_get_document (self->library) != NULL)
        {
          self->side_panel_set_aside = TRUE;
          px_window_set_side_panel_visible (self, FALSE); /* applies again */
          return;
        }
    }
  else if (layout != PX_WINDOW_LAYOUT_NARROW && self->side_panel_set_aside)
    {
      self->side_panel_set_aside = FALSE;
      self->layout = layout;
      if (!side)
        {
          px_window_set_side_panel_visible (self, TRUE); /* applies again */
          return;
        }
    }
  if (layout == PX_WINDOW_LAYOUT_MEDIUM)
    sidebar = !side;
  else if (layout == PX_WINDOW_LAYOUT_NARROW)
    {
      sidebar = !side && self->pane == PX_WINDOW_PANE_LIBRARY;
      reader = !side && self->pane == PX_WINDOW_PANE_READER;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), sidebar);
  gtk_widget_set_visible (GTK_WIDGET (self->reader_stack), reader);
  gtk_widget_set_visible (GTK_WIDGET (self->inner_paned), reader || side);
  gtk_widget_set_visible (self->back_button,
                          layout == PX_WINDOW_LAYOUT_NARROW && (side || self->pane == PX_WINDOW_PANE_READER));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.navigate-back", gtk_widget_get_visible (self->back_button));
  self->layout = layout;

  /* Keyboard focus never stays on, nor is lost with, a hidden pane. */
  if (move_focus || (focus != NULL && !gtk_widget_is_visible (focus)))
    {
      GtkWidget *pane = main_pane (self);

      if (gtk_widget_get_visible (pane) && !gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD))
        gtk_widget_grab_focus (pane);
    }
}

static gboolean
apply_on_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  PxWindow *self = PX_WINDOW (widget);

  self->layout_tick = 0;
  apply (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Called while the bin is laid out: the panes change on the next frame,
 * not in the middle of this one's allocation. */
static void
on_width_changed (PxAdaptiveBin *bin, int width, PxWindow *self)
{
  if (layout_for_width (width) != self->layout && self->layout_tick == 0)
    self->layout_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), apply_on_tick, NULL, NULL);
}

static void
on_side_panel_visible (PxWindow *self)
{
  /* Shown by the user while narrow: no longer set aside. */
  if (_px_window_side_panel_shown (self))
    self->side_panel_set_aside = FALSE;
  apply (self, self->layout == PX_WINDOW_LAYOUT_NARROW);
}

void
_px_window_layout_show (PxWindow *self, PxWindowPane pane)
{
  self->pane = pane;
  if (self->layout != PX_WINDOW_LAYOUT_NARROW)
    return;
  /* The library and the reader are asked for: the side panel, which
   * covers them in one pane, makes way. */
  if (_px_window_side_panel_shown (self))
    px_window_set_side_panel_visible (self, FALSE);
  apply (self, TRUE);
}

static void
navigate_back_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PxWindow *self = PX_WINDOW (widget);

  if (self->layout != PX_WINDOW_LAYOUT_NARROW)
    return;
  if (_px_window_side_panel_shown (self))
    px_window_set_side_panel_visible (self, FALSE);
  else
    {
      /* Unselected, so that choosing the article shown picks it again;
       * px_library_sidebar_select () tells no one. */
      px_library_sidebar_select (self->sidebar, 0);
      _px_window_layout_show (self, PX_WINDOW_PANE_LIBRARY);
    }
}

PxWindowLayout
px_window_get_layout (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), PX_WINDOW_LAYOUT_WIDE);
  return self->layout;
}

PxWindowPane
px_window_get_pane (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), PX_WINDOW_PANE_LIBRARY);
  return self->pane;
}

void
_px_window_class_init_layout (GtkWidgetClass *widget_class)
{
  g_type_ensure (PX_TYPE_ADAPTIVE_BIN);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, adaptive);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, back_button);
  gtk_widget_class_install_action (widget_class, "win.navigate-back", NULL, navigate_back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.navigate-back", NULL);
}

void
_px_window_init_layout (PxWindow *self)
{
  self->layout = PX_WINDOW_LAYOUT_WIDE;
  self->pane = PX_WINDOW_PANE_LIBRARY;
  g_signal_connect (self->adaptive, "width-changed", G_CALLBACK (on_width_changed), self);
  g_signal_connect (self, "notify::side-panel-visible", G_CALLBACK (on_side_panel_visible), NULL);
  apply (self, FALSE);
}
