/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/common/px-dropdown-tooltip.h"

static void
on_popup_visible (GtkWidget *popover, GParamSpec *pspec, GtkWidget *dropdown)
{
  gboolean open = gtk_widget_get_visible (popover);

  (void)pspec;
  /* Without has-tooltip the query hides the tooltip that is up. */
  gtk_widget_set_has_tooltip (dropdown, !open);
  gtk_widget_trigger_tooltip_query (dropdown);
}

void
px_dropdown_quiet_tooltip (GtkDropDown *dropdown)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      g_signal_connect_object (child, "notify::visible", G_CALLBACK (on_popup_visible), dropdown, 0);
}
