/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/reader/px-reader-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "gui/reader/px-find-bar.h"
#include "gui/common/px-format.h"
#include "gui/reader/px-reader-selection.h"

/* A line of about this many characters reads best. */
#define COLUMN_CHARS 70
/* The column's margins in ui/style.css (.reader-column), both sides. */
#define COLUMN_MARGINS 48
#define WRAP_PIXELS 5

struct _PxReaderView
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  AdwClamp *clamp;
  GtkLabel *title_label;
  GtkLabel *byline_label;
  GtkTextView *text_view;
  PxFindBar *find_bar;

  PxDocument *document;
  GtkTextTag *zoom_tag;
  double zoom;
  guint measure_idle;

  /* A place to bring on screen once the text is laid out: a range to
   * centre (want_start < want_end, or want_start alone) or a scroll
   * value (want_scroll >= 0). */
  GtkTextTag *flash_tag;
  guint scroll_tick;
  guint tick_frames;
  guint stable_frames;
  guint want_start;
  guint want_end;
  double want_scroll;
  double last_target;
  guint flash_timeout;
};

G_DEFINE_FINAL_TYPE (PxReaderView, px_reader_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const double zoom_steps[] = { 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5, 1.7, 2.0, 2.4, 3.0 };

double
px_reader_view_zoom_step (double zoom, int direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > zoom + 0.001)
          return zoom_steps[i];
      return PX_READER_ZOOM_MAX;
    }
  for (guint i = G_N_ELEMENTS (zoom_steps); i-- > 0;)
    if (zoom_steps[i] < zoom - 0.001)
      return zoom_steps[i];
  return PX_READER_ZOOM_MIN;
}

/* Sizes the column to about COLUMN_CHARS average characters of the text
 * font at the current zoom. */
static gboolean
measure_column (gpointer user_data)
{
  PxReaderView *self = user_data;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_view));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  double char_width = (double)pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;

  pango_font_metrics_unref (metrics);

  self->measure_idle = 0;
  if (char_width > 0)
    adw_clamp_set_maximum_size (self->clamp, (int)ceil (char_width * self->zoom * COLUMN_CHARS) + COLUMN_MARGINS);
  return G_SOURCE_REMOVE;
}

static void
queue_measure (PxReaderView *self)
{
  if (self->measure_idle == 0)
    self->measure_idle = g_idle_add (measure_column, self);
}

static void
apply_zoom (PxReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkLabel *labels[] = { self->title_label, self->byline_label };
  GtkTextIter start, end;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_scale_new (self->zoom));
      gtk_label_set_attributes (labels[i], attrs);
    }
  g_object_set (self->zoom_tag, "scale", self->zoom, NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->zoom_tag, &start, &end);
  gtk_text_view_set_pixels_inside_wrap (self->text_view, (int)round (WRAP_PIXELS * self->zoom));
  queue_measure (self);
}

static void
px_reader_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (px_reader_view_parent_class)->map (widget);
  queue_measure (PX_READER_VIEW (widget));
}

static void
on_font_changed (GtkSettings *settings, GParamSpec *pspec, PxReaderView *self)
{
  queue_measure (self);
}

static void
px_reader_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PxReaderView *self = PX_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_reader_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PxReaderView *self = PX_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      px_reader_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      px_reader_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_reader_view_dispose (GObject *object)
{
  PxReaderView *self = PX_READER_VIEW (object);

  g_clear_handle_id (&self->measure_idle, g_source_remove);
  g_clear_handle_id (&self->flash_timeout, g_source_remove);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_signal_handlers_disconnect_by_data (gtk_settings_get_default (), self);
  if (self->find_bar != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->find_bar));
  self->find_bar = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_READER_VIEW);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (px_reader_view_parent_class)->dispose (object);
}

static void
px_reader_view_class_init (PxReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_reader_view_dispose;
  object_class->get_property = px_reader_view_get_property;
  object_class->set_property = px_reader_view_set_property;
  widget_class->map = px_reader_view_map;

  properties[PROP_DOCUMENT] = g_param_spec_object (
      "document", NULL, NULL, PX_TYPE_DOCUMENT, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, PX_READER_ZOOM_MIN, PX_READER_ZOOM_MAX, 1.0,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, clamp);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, byline_label);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, text_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "readerview");
}

static void
px_reader_view_init (PxReaderView *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The text view is as tall as the article: when a click focuses it, the
   * viewport must not jump to show it, or a drag selects from where the
   * text was to wherever it jumped. */
  {
    GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
    if (GTK_IS_VIEWPORT (viewport))
      gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
  }
  self->zoom = 1.0;
  /* Created first, so it has the lowest priority: highlight tags added
   * later draw over it. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  self->zoom_tag = gtk_text_buffer_create_tag (buffer, "px-zoom", NULL);
  /* A passage opened from elsewhere is marked for a moment. */
  self->flash_tag =
      gtk_text_buffer_create_tag (buffer, "px-flash", "background-rgba", &(GdkRGBA){ 0.21, 0.52, 0.89, 0.35 }, NULL);
  self->want_scroll = -1;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  self->find_bar = px_find_bar_new (self);
  gtk_widget_insert_before (GTK_WIDGET (self->find_bar), GTK_WIDGET (self), self->scroller);
  px_reader_selection_attach (self);
  g_signal_connect (gtk_settings_get_default (), "notify::gtk-font-name", G_CALLBACK (on_font_changed), self);
  g_signal_connect (gtk_settings_get_default (), "notify::gtk-xft-dpi", G_CALLBACK (on_font_changed), self);
  apply_zoom (self);
}

static char *
format_byline (PxDocument *doc)
{
  g_autofree char *date = px_format_date (px_document_get_published (doc), PX_DATE_LONG);
  const char *parts[] = { px_document_get_outlet (doc), px_document_get_author (doc), date };

  return px_format_join (parts, G_N_ELEMENTS (parts));
}

void
px_reader_view_set_document (PxReaderView *self, PxDocument *doc)
{
  GtkTextBuffer *buffer;
  g_autofree char *byline = NULL;
  GtkAdjustment *vadj;

  g_return_if_fail (PX_IS_READER_VIEW (self));
  g_return_if_fail (doc == NULL || PX_IS_DOCUMENT (doc));

  /* The same id again (say, after its details were edited) keeps the
   * reading position. */
  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  if (doc == NULL || self->document == NULL || px_document_get_id (doc) != px_document_get_id (self->document))
    {
      gtk_adjustment_set_value (vadj, 0);
      px_reader_view_cancel_scroll (self);
    }

  if (!g_set_object (&self->document, doc))
    return;
  buffer = gtk_text_view_get_buffer (self->text_view);
  if (doc == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->byline_label, "");
      gtk_text_buffer_set_text (buffer, "", 0);
    }
  else
    {
      const char *title = px_document_get_title (doc);
      gtk_label_set_label (self->title_label, title && *title ? title : _ ("Untitled"));
      byline = format_byline (doc);
      gtk_label_set_label (self->byline_label, byline);
      gtk_widget_set_visible (GTK_WIDGET (self->byline_label), *byline != '\0');
      gtk_text_buffer_set_text (buffer, px_document_get_text (doc), -1);
      apply_zoom (self);
    }
  px_find_bar_refresh (self->find_bar);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

PxDocument *
px_reader_view_get_document (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);
  return self->document;
}

GtkTextView *
px_reader_view_get_text_view (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);
  return self->text_view;
}

const char *
px_reader_view_get_title_text (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);
  return gtk_label_get_label (self->title_label);
}

const char *
px_reader_view_get_byline_text (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);
  return gtk_label_get_label (self->byline_label);
}

void
px_reader_view_set_zoom (PxReaderView *self, double zoom)
{
  g_return_if_fail (PX_IS_READER_VIEW (self));

  zoom = CLAMP (zoom, PX_READER_ZOOM_MIN, PX_READER_ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 0.0001)
    return;
  self->zoom = zoom;
  apply_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
px_reader_view_get_zoom (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), 1.0);
  return self->zoom;
}

PxFindBar *
px_reader_view_get_find_bar (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);
  return self->find_bar;
}

/* --- reading position ------------------------------------------------------ */

static GtkAdjustment *
vadjustment (PxReaderView *self)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
}

/* The y of buffer offset @offset's line (top, and height) in the scrolled
 * content's coordinates. */
static gboolean
offset_y (PxReaderView *self, guint offset, double *y, double *height)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;
  graphene_point_t out;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  if (content == NULL || GTK_IS_VIEWPORT (content))
    content = GTK_WIDGET (self->clamp);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_view), content, &GRAPHENE_POINT_INIT (wx, wy), &out))
    return FALSE;
  *y = out.y;
  *height = rect.height;
  return TRUE;
}

static double
wanted_value (PxReaderView *self)
{
  GtkAdjustment *vadj = vadjustment (self);
  double page = gtk_adjustment_get_page_size (vadj);

  if (self->want_scroll >= 0)
    return self->want_scroll;
  {
    double top = 0, h = 0, bottom = 0, hb = 0;

    if (!offset_y (self, self->want_start, &top, &h))
      return -1;
    if (self->want_end > self->want_start && offset_y (self, self->want_end, &bottom, &hb))
      h = bottom + hb - top;
    /* A passage taller than the view starts at its top. */
    if (h > page * 0.8)
      return top - page * 0.1;
    return top + h / 2 - page / 2;
  }
}

/* Each frame until the place holds still: the text view lays a long
 * text out in steps, and the place moves while it does. */
static gboolean
scroll_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  PxReaderView *self = PX_READER_VIEW (widget);
  GtkAdjustment *vadj = vadjustment (self);
  double target = wanted_value (self);
  double max = gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj);

  self->tick_frames++;
  if (target >= 0 || self->want_scroll < 0)
    {
      double value = CLAMP (target, 0, MAX (max, 0));
      gboolean reachable = target <= max + 0.5;

      gtk_adjustment_set_value (vadj, value);
      if (reachable && fabs (target - self->last_target) < 0.5)
        self->stable_frames++;
      else
        self->stable_frames = 0;
      self->last_target = target;
    }
  if (self->stable_frames >= 3 || self->tick_frames > 120)
    {
      if (self->want_scroll >= 0)
        g_debug ("Reader: scrolled to %.0f (asked %.0f)", gtk_adjustment_get_value (vadj), self->want_scroll);
      else
        g_debug ("Reader: passage at %u centred %.0f px below the top of a %.0f px view", self->want_start,
                 target + gtk_adjustment_get_page_size (vadj) / 2 - gtk_adjustment_get_value (vadj),
                 gtk_adjustment_get_page_size (vadj));
      self->scroll_tick = 0;
      self->want_scroll = -1;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
start_scroll (PxReaderView *self)
{
  self->tick_frames = 0;
  self->stable_frames = 0;
  self->last_target = -1;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick, NULL, NULL);
}

void
px_reader_view_cancel_scroll (PxReaderView *self)
{
  g_return_if_fail (PX_IS_READER_VIEW (self));
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  self->want_scroll = -1;
}

gboolean
px_reader_view_is_scrolling (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), FALSE);
  return self->scroll_tick != 0;
}

static gboolean
end_flash (gpointer user_data)
{
  PxReaderView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  self->flash_timeout = 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->flash_tag, &start, &end);
  return G_SOURCE_REMOVE;
}

void
px_reader_view_show_range (PxReaderView *self, guint start, guint end, gboolean flash)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (PX_IS_READER_VIEW (self));
  buffer = gtk_text_view_get_buffer (self->text_view);
  self->want_start = start;
  self->want_end = end;
  self->want_scroll = -1;
  start_scroll (self);
  end_flash (self);
  g_clear_handle_id (&self->flash_timeout, g_source_remove);
  if (flash && end > start)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
      gtk_text_buffer_apply_tag (buffer, self->flash_tag, &a, &b);
      self->flash_timeout = g_timeout_add (PX_READER_FLASH_MS, end_flash, self);
    }
}

gboolean
px_reader_view_is_flashing (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), FALSE);
  return self->flash_timeout != 0;
}

double
px_reader_view_get_scroll (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), 0);
  /* A place still being reached counts as reached. */
  if (self->scroll_tick != 0 && self->want_scroll >= 0)
    return self->want_scroll;
  return gtk_adjustment_get_value (vadjustment (self));
}

void
px_reader_view_set_scroll (PxReaderView *self, double value)
{
  g_return_if_fail (PX_IS_READER_VIEW (self));
  self->want_scroll = MAX (value, 0);
  start_scroll (self);
}

GtkAdjustment *
px_reader_view_get_vadjustment (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);
  return vadjustment (self);
}

gboolean
px_reader_view_offset_on_screen (PxReaderView *self, guint offset)
{
  GtkAdjustment *vadj;
  double y, height;

  g_return_val_if_fail (PX_IS_READER_VIEW (self), FALSE);
  vadj = vadjustment (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->text_view)) || !offset_y (self, offset, &y, &height))
    return FALSE;
  return y + height > gtk_adjustment_get_value (vadj) &&
         y < gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj);
}

guint
px_reader_view_get_reading_offset (PxReaderView *self)
{
  GtkAdjustment *vadj;
  GtkWidget *content;
  graphene_point_t out;
  GtkTextIter iter;
  int bx, by;
  double y;

  g_return_val_if_fail (PX_IS_READER_VIEW (self), 0);
  /* Not laid out yet. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    return G_MAXUINT;
  vadj = vadjustment (self);
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  if (content == NULL || GTK_IS_VIEWPORT (content))
    content = GTK_WIDGET (self->clamp);
  y = gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj) / 3;
  if (!gtk_widget_compute_point (content, GTK_WIDGET (self->text_view), &GRAPHENE_POINT_INIT (0, y), &out))
    return 0;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, 0, (int)MAX (out.y, 0), &bx, &by);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by);
  /* Lines not laid out yet have no height: a point past the end is a
   * layout still in progress (or a text too short to scroll). */
  if (gtk_text_iter_is_end (&iter))
    {
      int line_y, line_height;

      gtk_text_view_get_line_yrange (self->text_view, &iter, &line_y, &line_height);
      if (by > line_y + line_height)
        return G_MAXUINT;
    }
  return gtk_text_iter_get_offset (&iter);
}
