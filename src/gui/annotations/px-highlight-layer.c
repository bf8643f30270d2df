/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/annotations/px-highlight-layer.h"

#include <glib/gi18n.h>

/* How long a highlight flashes after a jump to it. */
#define FLASH_MS 900
#define TOOLTIP_MAX_CHARS 600

struct _PxHighlightLayer
{
  GObject parent_instance;

  GtkTextView *view; /* weak */
  PxAnnotationList *list;
  GHashTable *tags; /* PxAnnotation → GtkTextTag */
  GtkTextTag *flash_tag;
  guint flash_source;
  guint release_source;
  double release_x;
  double release_y;
};

G_DEFINE_FINAL_TYPE (PxHighlightLayer, px_highlight_layer, G_TYPE_OBJECT)

enum
{
  SIGNAL_ANNOTATION_CLICKED,
  SIGNAL_SELECTION_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *name;
  const char *fill;
  const char *mark;
} palette[] = {
  { "yellow", "rgba(246, 211, 45, 0.45)", "#e5a50a" }, { "green", "rgba(87, 227, 137, 0.40)", "#26a269" },
  { "blue", "rgba(98, 160, 234, 0.40)", "#1c71d8" },   { "red", "rgba(246, 97, 81, 0.38)", "#c01c28" },
  { "purple", "rgba(192, 97, 203, 0.38)", "#813d9c" }, { "grey", "rgba(154, 153, 150, 0.40)", "#5e5c64" },
};

void
px_highlight_color_rgba (const char *name, GdkRGBA *fill, GdkRGBA *mark)
{
  guint index = 0;

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (g_strcmp0 (palette[i].name, name) == 0)
      index = i;
  if (fill != NULL)
    gdk_rgba_parse (fill, palette[index].fill);
  if (mark != NULL)
    gdk_rgba_parse (mark, palette[index].mark);
}

static GtkTextBuffer *
get_buffer (PxHighlightLayer *self)
{
  return self->view ? gtk_text_view_get_buffer (self->view) : NULL;
}

static void
style_tag (GtkTextTag *tag, PxAnnotation *a)
{
  GdkRGBA fill, mark;
  gboolean has_note = *px_annotation_get_note (a) != '\0';

  px_highlight_color_rgba (px_annotation_get_color (a), &fill, &mark);
  /* A note shows as an underline in the highlight's own, darker colour. */
  g_object_set (tag, "background-rgba", &fill, NULL);
  /* Without a note the tag leaves underlining alone, so the underline of
   * an outer highlight with a note shows through a nested one. */
  if (has_note)
    g_object_set (tag, "underline", PANGO_UNDERLINE_SINGLE, "underline-rgba", &mark, NULL);
  else
    g_object_set (tag, "underline-set", FALSE, "underline-rgba-set", FALSE, NULL);
}

static void
apply_range (PxHighlightLayer *self, GtkTextTag *tag, PxAnnotation *a)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, px_annotation_get_start (a));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, px_annotation_get_end (a));
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
}

static guint
length_of (PxAnnotation *a)
{
  return px_annotation_get_end (a) - px_annotation_get_start (a);
}

/* A new highlight draws over everything, unless it contains shorter
 * highlights: those stay on top so that nested ones remain visible and
 * clickable. */
static void
place_tag (PxHighlightLayer *self, GtkTextTag *tag, PxAnnotation *a)
{
  GHashTableIter iter;
  gpointer key, value;
  int lowest = -1;

  g_hash_table_iter_init (&iter, self->tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PxAnnotation *other = key;
      if (other == a || length_of (other) >= length_of (a) ||
          px_annotation_get_end (other) <= px_annotation_get_start (a) ||
          px_annotation_get_start (other) >= px_annotation_get_end (a))
        continue;
      if (lowest < 0 || gtk_text_tag_get_priority (value) < lowest)
        lowest = gtk_text_tag_get_priority (value);
    }
  if (lowest >= 0)
    gtk_text_tag_set_priority (tag, lowest);
}

static void on_annotation_notify (PxAnnotation *a, GParamSpec *pspec, PxHighlightLayer *self);

static void
remove_one (PxHighlightLayer *self, PxAnnotation *a)
{
  GtkTextTag *tag = g_hash_table_lookup (self->tags, a);
  GtkTextBuffer *buffer = get_buffer (self);

  if (tag == NULL)
    return;
  if (buffer != NULL)
    gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (buffer), tag);
  g_hash_table_remove (self->tags, a);
}

static void
add_one (PxHighlightLayer *self, PxAnnotation *a, gboolean place)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextTag *tag;

  if (buffer == NULL || px_annotation_get_orphaned (a) || g_hash_table_contains (self->tags, a))
    return;
  tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  g_object_set_data (G_OBJECT (tag), "px-annotation", a);
  style_tag (tag, a);
  g_hash_table_insert (self->tags, g_object_ref (a), g_object_ref (tag));
  if (place)
    place_tag (self, tag, a);
  apply_range (self, tag, a);
}

static void
on_annotation_notify (PxAnnotation *a, GParamSpec *pspec, PxHighlightLayer *self)
{
  GtkTextTag *tag = g_hash_table_lookup (self->tags, a);
  const char *name = g_param_spec_get_name (pspec);

  if (px_annotation_get_orphaned (a))
    {
      remove_one (self, a);
      return;
    }
  if (tag == NULL)
    {
      add_one (self, a, TRUE);
      return;
    }
  if (g_str_equal (name, "color") || g_str_equal (name, "note"))
    style_tag (tag, a);
  else if (g_str_equal (name, "start") || g_str_equal (name, "end"))
    {
      apply_range (self, tag, a);
      place_tag (self, tag, a);
    }
}

static void
watch (PxHighlightLayer *self, PxAnnotation *a)
{
  g_signal_handlers_disconnect_by_func (a, on_annotation_notify, self);
  g_signal_connect_object (a, "notify", G_CALLBACK (on_annotation_notify), self, 0);
}

static int
compare_longest_first (gconstpointer a, gconstpointer b)
{
  guint la = length_of (*(PxAnnotation **)a), lb = length_of (*(PxAnnotation **)b);
  return la > lb ? -1 : la < lb;
}

/* Makes the tags agree with the list: cheap enough to run on every
 * change, as it only touches what differs. */
static void
sync_all (PxHighlightLayer *self)
{
  g_autoptr (GHashTable) present = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr (GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key;
  guint n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  gboolean initial = g_hash_table_size (self->tags) == 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PxAnnotation) a = g_list_model_get_item (G_LIST_MODEL (self->list), i);
      g_hash_table_add (present, a);
      if (!g_hash_table_contains (self->tags, a))
        {
          watch (self, a);
          if (!px_annotation_get_orphaned (a))
            g_ptr_array_add (fresh, a);
        }
    }
  g_hash_table_iter_init (&iter, self->tags);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_ptr_array_add (gone, g_object_ref (key));
  for (guint i = 0; i < gone->len; i++)
    {
      g_signal_handlers_disconnect_by_func (g_ptr_array_index (gone, i), on_annotation_notify, self);
      remove_one (self, g_ptr_array_index (gone, i));
    }
  /* Longest first: each later (shorter) tag gets a higher priority, so
   * inner highlights draw over outer ones without reordering. */
  g_ptr_array_sort (fresh, compare_longest_first);
  for (guint i = 0; i < fresh->len; i++)
    add_one (self, g_ptr_array_index (fresh, i), !initial);
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, PxHighlightLayer *self)
{
  sync_all (self);
}

static void
clear_all (PxHighlightLayer *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_signal_handlers_disconnect_by_func (key, on_annotation_notify, self);
      if (buffer != NULL)
        gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (buffer), value);
    }
  g_hash_table_remove_all (self->tags);
}

void
px_highlight_layer_set_list (PxHighlightLayer *self, PxAnnotationList *list)
{
  g_return_if_fail (PX_IS_HIGHLIGHT_LAYER (self));

  clear_all (self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_items_changed, self);
  g_set_object (&self->list, list);
  if (list != NULL)
    g_signal_connect_object (list, "items-changed", G_CALLBACK (on_items_changed), self, 0);
  sync_all (self);
}

PxAnnotationList *
px_highlight_layer_get_list (PxHighlightLayer *self)
{
  g_return_val_if_fail (PX_IS_HIGHLIGHT_LAYER (self), NULL);
  return self->list;
}

PxAnnotation *
px_highlight_layer_get_at (PxHighlightLayer *self, guint offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GSList *tags;
  PxAnnotation *best = NULL;

  g_return_val_if_fail (PX_IS_HIGHLIGHT_LAYER (self), NULL);
  buffer = get_buffer (self);
  if (buffer == NULL)
    return NULL;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      PxAnnotation *a = g_object_get_data (l->data, "px-annotation");
      if (a != NULL && (best == NULL || length_of (a) < length_of (best)))
        best = a;
    }
  g_slist_free (tags);
  return best;
}

GtkTextTag *
px_highlight_layer_get_tag (PxHighlightLayer *self, PxAnnotation *annotation)
{
  g_return_val_if_fail (PX_IS_HIGHLIGHT_LAYER (self), NULL);
  return g_hash_table_lookup (self->tags, annotation);
}

gboolean
px_highlight_layer_get_selection (PxHighlightLayer *self, guint *start, guint *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_val_if_fail (PX_IS_HIGHLIGHT_LAYER (self), FALSE);
  buffer = get_buffer (self);
  if (buffer == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    return FALSE;
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  return *end > *start;
}

gboolean
px_highlight_layer_get_range_rect (PxHighlightLayer *self, guint start, guint end, GdkRectangle *rect)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  GdkRectangle rs, re;
  int x, y;

  g_return_val_if_fail (PX_IS_HIGHLIGHT_LAYER (self), FALSE);
  buffer = get_buffer (self);
  if (buffer == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_view_get_iter_location (self->view, &s, &rs);
  gtk_text_view_get_iter_location (self->view, &e, &re);
  /* Point at the end of the passage: where the mouse let go. */
  gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_WIDGET, re.x, re.y, &x, &y);
  *rect = (GdkRectangle){ x, y, 1, MAX (re.height, 1) };
  return TRUE;
}

static gboolean
end_flash (gpointer user_data)
{
  PxHighlightLayer *self = user_data;
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter s, e;

  self->flash_source = 0;
  if (buffer != NULL && self->flash_tag != NULL)
    {
      gtk_text_buffer_get_bounds (buffer, &s, &e);
      gtk_text_buffer_remove_tag (buffer, self->flash_tag, &s, &e);
    }
  return G_SOURCE_REMOVE;
}

void
px_highlight_layer_reveal (PxHighlightLayer *self, PxAnnotation *annotation)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  GdkRGBA mark;

  g_return_if_fail (PX_IS_HIGHLIGHT_LAYER (self));
  buffer = get_buffer (self);
  if (buffer == NULL || px_annotation_get_orphaned (annotation))
    return;
  if (self->flash_tag == NULL)
    self->flash_tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  end_flash (self);
  px_highlight_color_rgba (px_annotation_get_color (annotation), NULL, &mark);
  mark.alpha = 0.55;
  g_object_set (self->flash_tag, "background-rgba", &mark, NULL);
  gtk_text_tag_set_priority (self->flash_tag, gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)) - 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, px_annotation_get_start (annotation));
  gtk_text_buffer_get_iter_at_offset (buffer, &e, px_annotation_get_end (annotation));
  gtk_text_buffer_apply_tag (buffer, self->flash_tag, &s, &e);
  gtk_text_buffer_place_cursor (buffer, &s);
  gtk_text_view_scroll_to_iter (self->view, &s, 0.1, TRUE, 0.0, 0.3);
  self->flash_source = g_timeout_add (FLASH_MS, end_flash, self);
}

static PxAnnotation *
annotation_at_point (PxHighlightLayer *self, double x, double y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, (int)x, (int)y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->view, &iter, bx, by))
    return NULL;
  return px_highlight_layer_get_at (self, gtk_text_iter_get_offset (&iter));
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, PxHighlightLayer *self)
{
  PxAnnotation *a = keyboard ? NULL : annotation_at_point (self, x, y);
  const char *note;

  if (a == NULL || *(note = px_annotation_get_note (a)) == '\0')
    return FALSE;
  if (g_utf8_strlen (note, -1) > TOOLTIP_MAX_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (note, 0, TOOLTIP_MAX_CHARS);
      g_autofree char *shown = g_strconcat (cut, "…", NULL);
      gtk_tooltip_set_text (tooltip, shown);
    }
  else
    gtk_tooltip_set_text (tooltip, note);
  return TRUE;
}

/* After the text view has handled the release (and so updated its
 * selection): a finished selection, or a click on a highlight. */
static gboolean
handle_release (gpointer user_data)
{
  PxHighlightLayer *self = user_data;
  PxAnnotation *a;
  guint start, end;

  self->release_source = 0;
  if (self->view == NULL)
    return G_SOURCE_REMOVE;
  if (px_highlight_layer_get_selection (self, &start, &end))
    g_signal_emit (self, signals[SIGNAL_SELECTION_FINISHED], 0, start, end);
  else if ((a = annotation_at_point (self, self->release_x, self->release_y)) != NULL)
    g_signal_emit (self, signals[SIGNAL_ANNOTATION_CLICKED], 0, a);
  return G_SOURCE_REMOVE;
}

/* The text view claims its clicks, so a gesture of ours would never see
 * the release; the raw event is watched instead and never consumed. */
static gboolean
on_event (GtkEventControllerLegacy *controller, GdkEvent *event, PxHighlightLayer *self)
{
  if (gdk_event_get_event_type (event) == GDK_BUTTON_RELEASE &&
      gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY)
    {
      double x, y;
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self->view));
      graphene_point_t in, out;
      double nx, ny;

      gdk_event_get_position (event, &x, &y);
      gtk_native_get_surface_transform (native, &nx, &ny);
      in = GRAPHENE_POINT_INIT (x - nx, y - ny);
      if (!gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self->view), &in, &out))
        return FALSE;
      self->release_x = out.x;
      self->release_y = out.y;
      if (self->release_source == 0)
        self->release_source = g_idle_add (handle_release, self);
    }
  return FALSE;
}

static void
px_highlight_layer_dispose (GObject *object)
{
  PxHighlightLayer *self = PX_HIGHLIGHT_LAYER (object);

  g_clear_handle_id (&self->flash_source, g_source_remove);
  g_clear_handle_id (&self->release_source, g_source_remove);
  clear_all (self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_items_changed, self);
  g_clear_object (&self->list);
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->view, on_query_tooltip, self);
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *)&self->view);
      self->view = NULL;
    }
  G_OBJECT_CLASS (px_highlight_layer_parent_class)->dispose (object);
}

static void
px_highlight_layer_finalize (GObject *object)
{
  g_hash_table_unref (PX_HIGHLIGHT_LAYER (object)->tags);
  G_OBJECT_CLASS (px_highlight_layer_parent_class)->finalize (object);
}

static void
px_highlight_layer_class_init (PxHighlightLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = px_highlight_layer_dispose;
  object_class->finalize = px_highlight_layer_finalize;

  /* A click (no drag) on a highlight: the innermost one under it. */
  signals[SIGNAL_ANNOTATION_CLICKED] = g_signal_new ("annotation-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, PX_TYPE_ANNOTATION);
  /* The mouse let go of a selection of [start, end). */
  signals[SIGNAL_SELECTION_FINISHED] = g_signal_new ("selection-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
px_highlight_layer_init (PxHighlightLayer *self)
{
  self->tags = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
}

PxHighlightLayer *
px_highlight_layer_new (GtkTextView *view)
{
  PxHighlightLayer *self;
  GtkEventController *legacy;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  self = g_object_new (PX_TYPE_HIGHLIGHT_LAYER, NULL);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *)&self->view);
  gtk_widget_set_has_tooltip (GTK_WIDGET (view), TRUE);
  g_signal_connect_object (view, "query-tooltip", G_CALLBACK (on_query_tooltip), self, 0);
  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_object (legacy, "event", G_CALLBACK (on_event), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), legacy);
  return self;
}

GtkTextView *
px_highlight_layer_get_view (PxHighlightLayer *self)
{
  g_return_val_if_fail (PX_IS_HIGHLIGHT_LAYER (self), NULL);
  return self->view;
}
