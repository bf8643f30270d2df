/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/annotations/px-highlight-layer.h"

#include <glib/gi18n.h>
#include <math.h>

/* How long a highlight flashes after a jump to it. */
#define FLASH_MS 900
#define TOOLTIP_MAX_CHARS 600
/* Nesting deeper than this draws like the deepest level. */
#define MAX_DEPTH 8

struct _PxHighlightLayer
{
  GObject parent_instance;

  GtkTextView *view; /* weak */
  PxAnnotationList *list;
  GHashTable *classes; /* class key → GtkTextTag */
  GHashTable *drawn;   /* PxAnnotation → Drawn */
  GHashTable *watched; /* PxAnnotation whose notify we follow */
  GtkTextTag *flash_tag;
  guint flash_source;
  guint release_source;
  guint scroll_tick; /* follows a passage being revealed while lines settle */
  guint scroll_offset;
  guint scroll_frames;
  guint scroll_still;
  double scroll_value; /* where the reader was put last */
  double release_x;
  double release_y;
  guint release_button;
  guint32 last_press;           /* when the primary button last went down */
  gboolean multi_click;         /* and that was the second or third of a quick run */
  PxHighlightFilterFunc filter; /* which highlights are shown; NULL: all */
  gpointer filter_data;
};

G_DEFINE_FINAL_TYPE (PxHighlightLayer, px_highlight_layer, G_TYPE_OBJECT)

/* Where a highlight is drawn, and with which tag: what to clear when it
 * changes or goes. */
typedef struct
{
  guint start;
  guint end;
  GtkTextTag *tag;
} Drawn;

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

/* Whether @a is drawn and answers clicks: anchored, not empty, and let
 * through by the filter (a coder's highlights hidden, say). */
static gboolean
shown (PxHighlightLayer *self, PxAnnotation *a)
{
  if (px_annotation_get_orphaned (a) || px_annotation_get_end (a) <= px_annotation_get_start (a))
    return FALSE;
  return self->filter == NULL || self->filter (a, self->filter_data);
}

static GtkTextBuffer *
get_buffer (PxHighlightLayer *self)
{
  return self->view ? gtk_text_view_get_buffer (self->view) : NULL;
}

static guint
length_of (PxAnnotation *a)
{
  return px_annotation_get_end (a) - px_annotation_get_start (a);
}

static guint
color_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (g_strcmp0 (palette[i].name, name) == 0)
      return i;
  return 0;
}

/* Highlights are drawn with one tag per look (colour, note or not, depth
 * of nesting), not one per highlight: GtkTextBuffer slows down with
 * thousands of tags, and a few dozen cover every case. Deeper tags have
 * higher priorities, so nested highlights draw over the ones around
 * them. */
static guint
class_key (guint color, gboolean note, guint depth)
{
  return 1 + ((depth << 8) | (color << 1) | (note ? 1 : 0));
}

static int
compare_class_depth (gconstpointer a, gconstpointer b)
{
  guint ka = GPOINTER_TO_UINT (g_object_get_data ((GObject *)a, "px-class"));
  guint kb = GPOINTER_TO_UINT (g_object_get_data ((GObject *)b, "px-class"));
  return ka < kb ? -1 : ka > kb;
}

/* Restacks the highlight tags at the top, shallow to deep, the overlap
 * lines above them, in one order whatever the order they were made in. */
static void
restack (PxHighlightLayer *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (get_buffer (self));
  GList *all = g_list_sort (g_hash_table_get_values (self->classes), compare_class_depth);

  for (GList *l = all; l != NULL; l = l->next)
    gtk_text_tag_set_priority (l->data, gtk_text_tag_table_get_size (table) - 1);
  g_list_free (all);
}

static GtkTextTag *
class_tag (PxHighlightLayer *self, guint color, gboolean note, guint depth)
{
  guint key = class_key (color, note, depth);
  GtkTextTag *tag = g_hash_table_lookup (self->classes, GUINT_TO_POINTER (key));
  GdkRGBA fill, mark;

  if (tag != NULL)
    return tag;
  gdk_rgba_parse (&fill, palette[color].fill);
  gdk_rgba_parse (&mark, palette[color].mark);
  tag = gtk_text_buffer_create_tag (get_buffer (self), NULL, "background-rgba", &fill, NULL);
  /* Without a note the tag leaves underlining alone, so the underline of
   * an outer highlight with a note shows through a nested one. */
  if (note)
    g_object_set (tag, "underline", PANGO_UNDERLINE_SINGLE, "underline-rgba", &mark, NULL);
  g_object_set_data (G_OBJECT (tag), "px-class", GUINT_TO_POINTER (key));
  g_hash_table_insert (self->classes, GUINT_TO_POINTER (key), g_object_ref (tag));

  restack (self);
  return tag;
}

/* Where highlights overlap, a double line under the text in the colour of
 * the one underneath: the top one's colour alone would hide it. Above
 * every highlight tag. */
#define OVERLAP_KEY(color) (0x10000u + (color))

static GtkTextTag *
overlap_tag (PxHighlightLayer *self, guint color)
{
  guint key = OVERLAP_KEY (color);
  GtkTextTag *tag = g_hash_table_lookup (self->classes, GUINT_TO_POINTER (key));
  GdkRGBA mark;

  if (tag != NULL)
    return tag;
  gdk_rgba_parse (&mark, palette[color].mark);
  /* (An overline would suit better, but GTK 4.8 crashes on its colour.) */
  tag = gtk_text_buffer_create_tag (get_buffer (self), NULL, "underline", PANGO_UNDERLINE_DOUBLE, "underline-rgba",
                                    &mark, NULL);
  g_object_set_data (G_OBJECT (tag), "px-class", GUINT_TO_POINTER (key));
  g_object_set_data (G_OBJECT (tag), "px-overlap", GUINT_TO_POINTER (color + 1));
  g_hash_table_insert (self->classes, GUINT_TO_POINTER (key), g_object_ref (tag));
  restack (self);
  return tag;
}

static void on_annotation_notify (PxAnnotation *a, GParamSpec *pspec, PxHighlightLayer *self);

/* Draws the highlights again where [from, to) touches them. The range
 * first grows to take in every highlight that overlaps it, and those that
 * overlap these, so that nesting depths come out as a full redraw would
 * give them: the depth of a highlight is how many earlier ones (in text
 * order: start, then outer first) are still open where it starts, and each
 * of those overlaps it. Everything outside keeps its tags, so one new
 * highlight among thousands costs what its neighbourhood costs. */
static void
redraw_range (PxHighlightLayer *self, guint from, guint to)
{
  GtkTextBuffer *buffer = get_buffer (self);
  g_autoptr (GArray) open_ends = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) open_colors = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *model = self->list ? G_LIST_MODEL (self->list) : NULL;
  guint n = model ? g_list_model_get_n_items (model) : 0;
  GHashTableIter iter;
  gpointer value;
  GtkTextIter s, e;
  gboolean grew = TRUE;

  if (buffer == NULL || from >= to)
    return;
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (PxAnnotation) a = g_list_model_get_item (model, i);
          guint start = px_annotation_get_start (a), end = px_annotation_get_end (a);

          if (start >= to)
            break; /* text order: nothing later reaches back */
          if (end <= from || !shown (self, a))
            continue;
          if (start < from)
            from = start, grew = TRUE;
          if (end > to)
            to = end, grew = TRUE;
        }
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &s, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, to);
  g_hash_table_iter_init (&iter, self->classes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_buffer_remove_tag (buffer, value, &s, &e);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PxAnnotation) a = g_list_model_get_item (model, i);
      guint start = px_annotation_get_start (a), end = px_annotation_get_end (a);
      GtkTextTag *tag;
      Drawn *drawn;

      if (start >= to)
        break;
      if (end <= from)
        continue;
      if (!shown (self, a))
        {
          g_hash_table_remove (self->drawn, a);
          continue;
        }
      for (guint k = open_ends->len; k-- > 0;)
        if (g_array_index (open_ends, guint, k) <= start)
          {
            g_array_remove_index (open_ends, k);
            g_array_remove_index (open_colors, k);
          }
      tag = class_tag (self, color_index (px_annotation_get_color (a)), *px_annotation_get_note (a) != '\0',
                       MIN (open_ends->len, MAX_DEPTH - 1));
      /* The parts it shares with highlights still open get their lines. */
      for (guint k = 0; k < open_ends->len; k++)
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
          gtk_text_buffer_get_iter_at_offset (buffer, &e, MIN (end, g_array_index (open_ends, guint, k)));
          gtk_text_buffer_apply_tag (buffer, overlap_tag (self, g_array_index (open_colors, guint, k)), &s, &e);
        }
      g_array_append_val (open_ends, end);
      {
        guint color = color_index (px_annotation_get_color (a));
        g_array_append_val (open_colors, color);
      }
      gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
      gtk_text_buffer_apply_tag (buffer, tag, &s, &e);
      drawn = g_new (Drawn, 1);
      *drawn = (Drawn){ start, end, tag };
      g_hash_table_insert (self->drawn, a, drawn); /* borrowed key: the list keeps it */
    }
}

/* The span where @a is drawn now and where it will be. */
static void
dirty_span (PxHighlightLayer *self, PxAnnotation *a, guint *from, guint *to)
{
  Drawn *drawn = g_hash_table_lookup (self->drawn, a);

  if (drawn != NULL)
    {
      *from = MIN (*from, drawn->start);
      *to = MAX (*to, drawn->end);
    }
  if (px_annotation_get_end (a) > px_annotation_get_start (a))
    {
      *from = MIN (*from, px_annotation_get_start (a));
      *to = MAX (*to, px_annotation_get_end (a));
    }
}

static void
on_annotation_notify (PxAnnotation *a, GParamSpec *pspec, PxHighlightLayer *self)
{
  const char *name = g_param_spec_get_name (pspec);

  guint from = G_MAXUINT, to = 0;

  /* Only the range, colour, note and state change the look. */
  if (!g_str_equal (name, "start") && !g_str_equal (name, "end") && !g_str_equal (name, "color") &&
      !g_str_equal (name, "note") && !g_str_equal (name, "orphaned"))
    return;
  dirty_span (self, a, &from, &to);
  redraw_range (self, from, to);
}

static void
unwatch_all (PxHighlightLayer *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_signal_handlers_disconnect_by_func (key, on_annotation_notify, self);
  g_hash_table_remove_all (self->watched);
}

/* Follows the annotations of the list (their notify), and draws again
 * where highlights came or went. */
static void
sync_all (PxHighlightLayer *self)
{
  guint n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autoptr (GHashTable) present = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) gone = g_ptr_array_new ();
  guint from = G_MAXUINT, to = 0;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PxAnnotation) a = g_list_model_get_item (G_LIST_MODEL (self->list), i);

      g_hash_table_add (present, a);
      if (!g_hash_table_contains (self->watched, a))
        {
          g_signal_connect_object (a, "notify", G_CALLBACK (on_annotation_notify), self, 0);
          g_hash_table_add (self->watched, g_object_ref (a));
          dirty_span (self, a, &from, &to);
        }
    }
  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_ptr_array_add (gone, key);
  for (guint i = 0; i < gone->len; i++)
    {
      PxAnnotation *a = g_ptr_array_index (gone, i);
      Drawn *drawn = g_hash_table_lookup (self->drawn, a);

      if (drawn != NULL)
        {
          from = MIN (from, drawn->start);
          to = MAX (to, drawn->end);
          g_hash_table_remove (self->drawn, a);
        }
      g_signal_handlers_disconnect_by_func (a, on_annotation_notify, self);
      g_hash_table_remove (self->watched, a);
    }
  redraw_range (self, from, to);
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
  gpointer value;

  unwatch_all (self);
  g_hash_table_remove_all (self->drawn);
  /* The buffer may hold a new text: the tags go, and come back as needed. */
  g_hash_table_iter_init (&iter, self->classes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (buffer != NULL)
      gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (buffer), value);
  g_hash_table_remove_all (self->classes);
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

void
px_highlight_layer_set_filter (PxHighlightLayer *self, PxHighlightFilterFunc filter, gpointer user_data)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (PX_IS_HIGHLIGHT_LAYER (self));
  self->filter = filter;
  self->filter_data = user_data;
  buffer = get_buffer (self);
  if (buffer != NULL)
    redraw_range (self, 0, (guint)gtk_text_buffer_get_char_count (buffer) + 1);
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
  PxAnnotation *best = NULL;
  guint n;

  g_return_val_if_fail (PX_IS_HIGHLIGHT_LAYER (self), NULL);
  if (self->list == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  for (guint i = 0; i < n; i++)
    {
      PxAnnotation *a = g_list_model_get_item (G_LIST_MODEL (self->list), i);
      gboolean inside = shown (self, a) && px_annotation_get_start (a) <= offset && offset < px_annotation_get_end (a);
      guint start = px_annotation_get_start (a);

      if (inside && (best == NULL || length_of (a) < length_of (best)))
        best = a; /* borrowed: the list keeps a reference */
      g_object_unref (a);
      if (start > offset)
        break; /* text order: nothing later contains it */
    }
  return best;
}

GPtrArray *
px_highlight_layer_get_all_at (PxHighlightLayer *self, guint offset)
{
  GPtrArray *all = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (PX_IS_HIGHLIGHT_LAYER (self), all);
  n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  for (guint i = 0; i < n; i++)
    {
      PxAnnotation *a = g_list_model_get_item (G_LIST_MODEL (self->list), i);
      guint start = px_annotation_get_start (a);

      if (shown (self, a) && start <= offset && offset < px_annotation_get_end (a))
        g_ptr_array_add (all, a); /* borrowed: the list keeps a reference */
      g_object_unref (a);
      if (start > offset)
        break;
    }
  return all;
}

guint
px_highlight_layer_get_clicked_offset (PxHighlightLayer *self)
{
  GtkTextIter iter;
  int bx, by;

  g_return_val_if_fail (PX_IS_HIGHLIGHT_LAYER (self), 0);
  if (self->view == NULL)
    return 0;
  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, (int)self->release_x, (int)self->release_y,
                                         &bx, &by);
  gtk_text_view_get_iter_at_location (self->view, &iter, bx, by);
  return gtk_text_iter_get_offset (&iter);
}

GtkTextTag *
px_highlight_layer_get_tag (PxHighlightLayer *self, PxAnnotation *annotation)
{
  Drawn *drawn;

  g_return_val_if_fail (PX_IS_HIGHLIGHT_LAYER (self), NULL);
  drawn = g_hash_table_lookup (self->drawn, annotation);
  return drawn ? drawn->tag : NULL;
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

/* Brings @offset to a third of the way down the screen; TRUE when the
 * reader had to move. The reader's text view is as tall as the article
 * and scrolls inside a GtkScrolledWindow of the reader, so
 * gtk_text_view_scroll_to_iter() (which scrolls the view's own adjustment)
 * cannot move it: the reader's adjustment is set instead. */
static gboolean
scroll_to_offset (PxHighlightLayer *self, guint offset)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->view), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = scroller ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  GtkTextIter iter;
  GtkAdjustment *vadj;
  GdkRectangle rect;
  graphene_point_t in, out;
  int wx, wy;
  double value, before;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->view), &iter, offset);
  if (content == NULL || content == GTK_WIDGET (self->view))
    {
      gtk_text_view_scroll_to_iter (self->view, &iter, 0.1, TRUE, 0.0, 0.3);
      return FALSE;
    }
  gtk_text_view_get_iter_location (self->view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  in = GRAPHENE_POINT_INIT (wx, wy);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->view), content, &in, &out))
    return FALSE;
  /* @out is where the passage is now, relative to the visible part. */
  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  before = gtk_adjustment_get_value (vadj);
  value = before + out.y - gtk_adjustment_get_page_size (vadj) * 0.3;
  value = CLAMP (value, gtk_adjustment_get_lower (vadj),
                 gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj));
  gtk_adjustment_set_value (vadj, value);
  self->scroll_value = value;
  return fabs (value - before) >= 1;
}

/* Lines of a long article are laid out a little at a time after it
 * opens, and positions below them move as they are: aim again on each
 * frame until the passage stays put for a few frames. */
static gboolean
scroll_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  PxHighlightLayer *self = user_data;
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  /* The user scrolled meanwhile: leave the reader where they put it. */
  if (scroller != NULL &&
      fabs (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))) -
            self->scroll_value) >= 1)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (scroll_to_offset (self, self->scroll_offset))
    self->scroll_still = 0;
  else
    self->scroll_still++;
  if (++self->scroll_frames < 120 && self->scroll_still < 5)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_iter (PxHighlightLayer *self, GtkTextIter *iter)
{
  self->scroll_offset = gtk_text_iter_get_offset (iter);
  self->scroll_frames = 0;
  self->scroll_still = 0;
  scroll_to_offset (self, self->scroll_offset);
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), scroll_tick, self, NULL);
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
  scroll_to_iter (self, &s);
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
  /* A plain click only places the caret (the Compare panel follows it);
   * a highlight opens with the secondary button. */
  if (self->release_button == GDK_BUTTON_PRIMARY && px_highlight_layer_get_selection (self, &start, &end))
    g_signal_emit (self, signals[SIGNAL_SELECTION_FINISHED], 0, start, end);
  else if (self->release_button == GDK_BUTTON_SECONDARY &&
           (a = annotation_at_point (self, self->release_x, self->release_y)) != NULL)
    g_signal_emit (self, signals[SIGNAL_ANNOTATION_CLICKED], 0, a);
  return G_SOURCE_REMOVE;
}

/* The text view claims its clicks, so a gesture of ours would never see
 * the release; the raw event is watched instead and never consumed. */
static gboolean
on_event (GtkEventControllerLegacy *controller, GdkEvent *event, PxHighlightLayer *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  guint button = type == GDK_BUTTON_PRESS || type == GDK_BUTTON_RELEASE ? gdk_button_event_get_button (event) : 0;

  /* A press soon after the last one is a double or triple click going on:
   * the popover of the selection so far would take the next press. */
  if (type == GDK_BUTTON_PRESS && button == GDK_BUTTON_PRIMARY)
    {
      int double_click = 400;
      guint32 time = gdk_event_get_time (event);

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self->view)), "gtk-double-click-time", &double_click, NULL);
      self->multi_click = self->last_press != 0 && time - self->last_press <= (guint32)double_click;
      self->last_press = time;
      if (self->release_source != 0 && self->release_button == GDK_BUTTON_PRIMARY)
        g_clear_handle_id (&self->release_source, g_source_remove);
    }
  if ((type == GDK_BUTTON_RELEASE && button == GDK_BUTTON_PRIMARY) ||
      (type == GDK_BUTTON_PRESS && button == GDK_BUTTON_SECONDARY))
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
      self->release_button = button;
      if (button == GDK_BUTTON_SECONDARY)
        {
          /* On a highlight: its popover, not the text view's menu. */
          if (annotation_at_point (self, out.x, out.y) == NULL)
            return FALSE;
          g_clear_handle_id (&self->release_source, g_source_remove);
          self->release_source = g_idle_add (handle_release, self);
          return TRUE;
        }
      if (self->release_source == 0)
        {
          int double_click = 400;

          g_object_get (gtk_widget_get_settings (GTK_WIDGET (self->view)), "gtk-double-click-time", &double_click,
                        NULL);
          /* After a double click a third may follow: wait for it. */
          self->release_source = self->multi_click ? g_timeout_add ((guint)double_click, handle_release, self)
                                                   : g_idle_add (handle_release, self);
        }
    }
  return FALSE;
}

static void
px_highlight_layer_dispose (GObject *object)
{
  PxHighlightLayer *self = PX_HIGHLIGHT_LAYER (object);

  g_clear_handle_id (&self->flash_source, g_source_remove);
  g_clear_handle_id (&self->release_source, g_source_remove);
  if (self->scroll_tick != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->scroll_tick);
  self->scroll_tick = 0;
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
  PxHighlightLayer *self = PX_HIGHLIGHT_LAYER (object);

  g_hash_table_unref (self->classes);
  g_hash_table_unref (self->drawn);
  g_hash_table_unref (self->watched);
  G_OBJECT_CLASS (px_highlight_layer_parent_class)->finalize (object);
}

static void
px_highlight_layer_class_init (PxHighlightLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = px_highlight_layer_dispose;
  object_class->finalize = px_highlight_layer_finalize;

  /* A secondary click on a highlight: the innermost one under it. */
  signals[SIGNAL_ANNOTATION_CLICKED] = g_signal_new ("annotation-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, PX_TYPE_ANNOTATION);
  /* The mouse let go of a selection of [start, end). */
  signals[SIGNAL_SELECTION_FINISHED] = g_signal_new ("selection-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
px_highlight_layer_init (PxHighlightLayer *self)
{
  self->classes = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->drawn = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
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
