/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/px-library-banner.h"

#include <glib/gi18n.h>

struct _PxLibraryBanner
{
  GtkWidget parent_instance;

  GtkRevealer *revealer;
  GtkWidget *box;
  GtkImage *icon;
  GtkLabel *label;
  GtkButton *button;

  PxLibraryBannerState state;
  gboolean checking;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (PxLibraryBanner, px_library_banner, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STATE,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (PxLibraryBanner *self, PxLibraryBannerState state)
{
  const char *message = NULL;

  if (state == PX_LIBRARY_BANNER_READ_ONLY)
    message = _ ("This library is read-only. You can read, search and export, but not import, highlight or edit.");
  else if (state == PX_LIBRARY_BANNER_DAMAGED)
    message = _ ("This library file is damaged: some articles or highlights may not open, and nothing more will be "
                 "saved to it. The file is left as it is; open another library, or restore a backup copy.");

  gtk_label_set_text (self->label, message ? message : "");
  gtk_image_set_from_icon_name (self->icon, state == PX_LIBRARY_BANNER_DAMAGED ? "dialog-warning-symbolic"
                                                                                : "changes-prevent-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->button), state == PX_LIBRARY_BANNER_DAMAGED);
  if (state == PX_LIBRARY_BANNER_DAMAGED)
    gtk_widget_add_css_class (self->box, "error");
  else
    gtk_widget_remove_css_class (self->box, "error");
  gtk_revealer_set_reveal_child (self->revealer, message != NULL);
  /* Screen readers announce the change like any status message. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, message ? message : "", -1);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
set_checking (PxLibraryBanner *self, gboolean checking)
{
  if (self->checking == checking)
    return;
  self->checking = checking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

/* In a worker thread, with its own read-only connection: reading every
 * page of a large library takes a while. */
static void
check_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (task_data, PX_STORE_OPEN_READ_ONLY | PX_STORE_OPEN_EXISTING, &error);

  if (store == NULL || !px_store_check (store, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
check_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxLibraryBanner) self = user_data;
  g_autoptr (GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  g_task_propagate_boolean (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (cancellable))
    return; /* another library was opened meanwhile */
  /* Other failures (the file busy or gone for a moment) say nothing about
   * damage; the actions themselves report those. */
  if (g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT) ||
      g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_A_LIBRARY))
    {
      g_debug ("library check: %s", error->message);
      set_state (self, PX_LIBRARY_BANNER_DAMAGED);
    }
  set_checking (self, FALSE);
}

void
px_library_banner_set_store (PxLibraryBanner *self, PxStore *store)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PX_IS_LIBRARY_BANNER (self));
  g_return_if_fail (store == NULL || PX_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_checking (self, FALSE);
  set_state (self, store && px_store_is_read_only (store) ? PX_LIBRARY_BANNER_READ_ONLY : PX_LIBRARY_BANNER_NONE);
  if (store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, check_done, g_object_ref (self));
  g_task_set_source_tag (task, px_library_banner_set_store);
  g_task_set_task_data (task, g_strdup (px_store_get_path (store)), g_free);
  set_checking (self, TRUE);
  g_task_run_in_thread (task, check_thread);
}

PxLibraryBannerState
px_library_banner_get_state (PxLibraryBanner *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY_BANNER (self), PX_LIBRARY_BANNER_NONE);
  return self->state;
}

gboolean
px_library_banner_get_checking (PxLibraryBanner *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY_BANNER (self), FALSE);
  return self->checking;
}

const char *
px_library_banner_get_message (PxLibraryBanner *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY_BANNER (self), NULL);
  return self->state == PX_LIBRARY_BANNER_NONE ? NULL : gtk_label_get_text (self->label);
}

static void
px_library_banner_dispose (GObject *object)
{
  PxLibraryBanner *self = PX_LIBRARY_BANNER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_LIBRARY_BANNER);
  G_OBJECT_CLASS (px_library_banner_parent_class)->dispose (object);
}

static void
px_library_banner_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PxLibraryBanner *self = PX_LIBRARY_BANNER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_CHECKING:
      g_value_set_boolean (value, self->checking);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_library_banner_class_init (PxLibraryBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_library_banner_dispose;
  object_class->get_property = px_library_banner_get_property;

  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, PX_LIBRARY_BANNER_NONE, PX_LIBRARY_BANNER_DAMAGED,
                                             PX_LIBRARY_BANNER_NONE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKING]
      = g_param_spec_boolean ("checking", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-library-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, PxLibraryBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, PxLibraryBanner, box);
  gtk_widget_class_bind_template_child (widget_class, PxLibraryBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, PxLibraryBanner, label);
  gtk_widget_class_bind_template_child (widget_class, PxLibraryBanner, button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_widget_class_set_css_name (widget_class, "pxlibrarybanner");
}

static void
px_library_banner_init (PxLibraryBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
