/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/annotations/px-tag-swatch.h"

static void
draw_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  const char *hex = g_object_get_data (G_OBJECT (area), "px-color");
  GdkRGBA rgba;

  if (hex == NULL || !gdk_rgba_parse (&rgba, hex))
    return;
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.2);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

GtkWidget *
px_tag_swatch_new (const char *color, int size)
{
  GtkWidget *area = gtk_drawing_area_new ();

  g_object_set_data_full (G_OBJECT (area), "px-color", g_strdup (color), g_free);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, NULL, NULL);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  return area;
}
