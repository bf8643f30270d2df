/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/window/px-adaptive-bin.h"

struct _PxAdaptiveBin
{
  GtkWidget parent_instance;

  GtkWidget *child;
  int min_width;
  int width;
};

static void px_adaptive_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxAdaptiveBin, px_adaptive_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, px_adaptive_bin_buildable_init))

enum
{
  PROP_0,
  PROP_CHILD,
  PROP_MIN_WIDTH,
  N_PROPS
};

enum
{
  WIDTH_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GtkBuildableIface *parent_buildable;

static void
px_adaptive_bin_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                         int *minimum_baseline, int *natural_baseline)
{
  PxAdaptiveBin *self = PX_ADAPTIVE_BIN (widget);
  int child_min = 0, child_nat = 0;

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_measure (self->child, orientation, orientation == GTK_ORIENTATION_HORIZONTAL ? for_size : -1, &child_min,
                        &child_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN (child_min, self->min_width);
      *natural = MAX (child_nat, *minimum);
    }
  else
    {
      *minimum = child_min;
      *natural = child_nat;
    }
}

static void
px_adaptive_bin_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  PxAdaptiveBin *self = PX_ADAPTIVE_BIN (widget);
  int child_min = 0;

  if (width != self->width)
    {
      self->width = width;
      g_signal_emit (self, signals[WIDTH_CHANGED], 0, width);
    }
  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;
  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
  gtk_widget_allocate (self->child, MAX (width, child_min), height, baseline, NULL);
}

static GtkSizeRequestMode
px_adaptive_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

void
px_adaptive_bin_set_child (PxAdaptiveBin *self, GtkWidget *child)
{
  g_return_if_fail (PX_IS_ADAPTIVE_BIN (self));
  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->child = child;
  if (child != NULL)
    gtk_widget_set_parent (child, GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
px_adaptive_bin_get_child (PxAdaptiveBin *self)
{
  g_return_val_if_fail (PX_IS_ADAPTIVE_BIN (self), NULL);
  return self->child;
}

int
px_adaptive_bin_get_width (PxAdaptiveBin *self)
{
  g_return_val_if_fail (PX_IS_ADAPTIVE_BIN (self), 0);
  return self->width;
}

static void
px_adaptive_bin_add_child (GtkBuildable *buildable, GtkBuilder *builder, GObject *child, const char *type)
{
  if (GTK_IS_WIDGET (child))
    px_adaptive_bin_set_child (PX_ADAPTIVE_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
px_adaptive_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = px_adaptive_bin_add_child;
}

static void
px_adaptive_bin_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PxAdaptiveBin *self = PX_ADAPTIVE_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_MIN_WIDTH:
      g_value_set_int (value, self->min_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_adaptive_bin_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PxAdaptiveBin *self = PX_ADAPTIVE_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      px_adaptive_bin_set_child (self, g_value_get_object (value));
      break;
    case PROP_MIN_WIDTH:
      if (self->min_width != g_value_get_int (value))
        {
          self->min_width = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_adaptive_bin_dispose (GObject *object)
{
  PxAdaptiveBin *self = PX_ADAPTIVE_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (px_adaptive_bin_parent_class)->dispose (object);
}

static void
px_adaptive_bin_class_init (PxAdaptiveBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = px_adaptive_bin_get_property;
  object_class->set_property = px_adaptive_bin_set_property;
  object_class->dispose = px_adaptive_bin_dispose;
  widget_class->measure = px_adaptive_bin_measure;
  widget_class->size_allocate = px_adaptive_bin_size_allocate;
  widget_class->get_request_mode = px_adaptive_bin_get_request_mode;

  properties[PROP_CHILD] =
      g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_WIDTH] = g_param_spec_int ("min-width", NULL, NULL, 0, G_MAXINT, 360,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[WIDTH_CHANGED] = g_signal_new ("width-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  gtk_widget_class_set_css_name (widget_class, "pxadaptivebin");
}

static void
px_adaptive_bin_init (PxAdaptiveBin *self)
{
  self->min_width = 360;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
px_adaptive_bin_new (void)
{
  return g_object_new (PX_TYPE_ADAPTIVE_BIN, NULL);
}
