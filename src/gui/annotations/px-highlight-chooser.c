/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/annotations/px-highlight-chooser.h"

#include <glib/gi18n.h>

#include "gui/annotations/px-highlight-layer.h"
#include "gui/annotations/px-tag-swatch.h"

#define QUOTE_CHARS 48

typedef struct
{
  PxHighlightChosen chosen;
  gpointer user_data;
} Chooser;

static void
on_clicked (GtkButton *button, GtkPopover *popover)
{
  Chooser *chooser = g_object_get_data (G_OBJECT (popover), "px-chooser");
  PxAnnotation *a = g_object_get_data (G_OBJECT (button), "px-annotation");

  gtk_popover_popdown (popover);
  chooser->chosen (a, chooser->user_data);
}

static gboolean
unparent_later (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

static void
on_closed (GtkPopover *popover)
{
  g_idle_add (unparent_later, g_object_ref (popover));
}

GtkPopover *
px_highlight_chooser_popup (GtkWidget *parent, const GdkRectangle *rect, GPtrArray *annotations,
                            PxHighlightChosen chosen, gpointer user_data)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  Chooser *chooser = g_new0 (Chooser, 1);

  chooser->chosen = chosen;
  chooser->user_data = user_data;
  g_object_set_data_full (G_OBJECT (popover), "px-chooser", chooser, g_free);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_ ("Highlights here")));
  gtk_widget_add_css_class (gtk_widget_get_first_child (box), "heading");
  for (guint i = 0; i < annotations->len; i++)
    {
      PxAnnotation *a = annotations->pdata[i];
      GtkWidget *button = gtk_button_new ();
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label;
      GdkRGBA mark;
      g_autofree char *color = NULL;
      g_autofree char *quote = g_utf8_substring (px_annotation_get_quote (a), 0, QUOTE_CHARS);
      g_autofree char *shown = g_utf8_strlen (px_annotation_get_quote (a), -1) > QUOTE_CHARS
                                   ? g_strconcat (quote, "…", NULL)
                                   : g_strdup (quote);

      px_highlight_color_rgba (px_annotation_get_color (a), NULL, &mark);
      color = g_strdup_printf ("#%02x%02x%02x", (int)(mark.red * 255), (int)(mark.green * 255), (int)(mark.blue * 255));
      gtk_box_append (GTK_BOX (row), px_tag_swatch_new (color, 12));
      label = gtk_label_new (shown);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), QUOTE_CHARS);
      gtk_box_append (GTK_BOX (row), label);
      gtk_button_set_child (GTK_BUTTON (button), row);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _ ("Open this highlight"));
      g_object_set_data_full (G_OBJECT (button), "px-annotation", g_object_ref (a), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_clicked), popover);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_parent (popover, parent);
  if (rect != NULL)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), rect);
  g_signal_connect (popover, "closed", G_CALLBACK (on_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  return GTK_POPOVER (popover);
}
