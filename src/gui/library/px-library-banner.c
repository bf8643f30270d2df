/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/library/px-library-banner.h"

#include <glib/gi18n.h>

#include "session/px-library-ops.h"

#define DEFAULT_CHECK_DELAY_MS 2000

struct _PxLibraryBanner
{
  GtkWidget parent_instance;

  GtkRevealer *revealer;
  GtkWidget *box;
  GtkImage *icon;
  GtkLabel *label;
  GtkButton *primary_button;
  GtkButton *other_button;

  PxLibrary *library;
  PxStore *store; /* the library's store the check is for */
  PxStoreAccess access;
  gboolean checking;
  guint check_delay_ms;
  guint check_source;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (PxLibraryBanner, px_library_banner, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ACCESS,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
px_library_banner_message_for (PxStoreAccess access)
{
  switch (access)
    {
    case PX_STORE_ACCESS_WRITABLE:
      return NULL;
    case PX_STORE_ACCESS_READ_ONLY_ASKED:
      return _ ("This library was opened read-only. You can read, search and export, but not import, highlight or "
                "edit.");
    case PX_STORE_ACCESS_READ_ONLY_FILE:
      return _ ("You do not have permission to change this library file, so it is open read-only. You can read, "
                "search and export, but not import, highlight or edit.");
    case PX_STORE_ACCESS_READ_ONLY_FOLDER:
      return _ ("The folder of this library cannot be written to, so it is open read-only. You can read, search "
                "and export, but not import, highlight or edit.");
    case PX_STORE_ACCESS_READ_ONLY_LOCKED:
      return _ ("Another program kept this library locked, so it is open read-only. You can read, search and "
                "export; try again to make changes once the other program is done.");
    case PX_STORE_ACCESS_READ_ONLY_OUTDATED:
      return _ ("This library is from an older version of Parallax and could not be updated, so it is open "
                "read-only. You can read, search and export; a copy of it as it was is kept next to it.");
    case PX_STORE_ACCESS_READ_ONLY_DAMAGED:
      return _ ("This library file is damaged: some articles or highlights may not open. Nothing more is saved to "
                "it, so the damage cannot spread. Export what can still be read, then open another library or "
                "restore a backup copy.");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
show (PxLibraryBanner *self)
{
  const char *message = px_library_banner_message_for (self->access);
  gboolean damaged = self->access == PX_STORE_ACCESS_READ_ONLY_DAMAGED;
  /* Another program's lock, or a failed update (a full disk): may work
   * the next time. */
  gboolean locked =
      self->access == PX_STORE_ACCESS_READ_ONLY_LOCKED || self->access == PX_STORE_ACCESS_READ_ONLY_OUTDATED;

  gtk_label_set_text (self->label, message ? message : "");
  gtk_image_set_from_icon_name (self->icon, damaged ? "dialog-warning-symbolic" : "changes-prevent-symbolic");
  if (damaged)
    {
      gtk_button_set_label (self->primary_button, _ ("_Export What Can Be Read…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary_button), "win.export");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->primary_button),
                                   _ ("Save the articles, highlights and notes that can still be read as Markdown"));
    }
  else if (locked)
    {
      gtk_button_set_label (self->primary_button, _ ("Try _Again"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary_button), "win.reopen-library");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->primary_button), _ ("Open the library again to make changes"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->primary_button), damaged || locked);
  gtk_widget_set_visible (GTK_WIDGET (self->other_button), damaged);
  if (damaged)
    gtk_widget_add_css_class (self->box, "damaged");
  else
    gtk_widget_remove_css_class (self->box, "damaged");
  gtk_revealer_set_reveal_child (self->revealer, message != NULL);
  /* The status role makes screen readers announce the change. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, message ? message : "", -1);
}

static void
set_access (PxLibraryBanner *self, PxStoreAccess access)
{
  gboolean changed = self->access != access;

  self->access = access;
  show (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESS]);
}

static void
set_checking (PxLibraryBanner *self, gboolean checking)
{
  if (self->checking == checking)
    return;
  self->checking = checking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

/* Reading every page of a large library takes a while: in a worker, on a
 * connection of its own. Damage found makes the library forbid writes;
 * its "access" then changes, and with it what the banner says. */
static void
check_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PxLibraryBanner) self = user_data;
  g_autoptr (GError) error = NULL;

  if (px_library_check_finish (PX_LIBRARY (source), result, &error))
    ;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return; /* another library was opened meanwhile */
  else if (g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_CORRUPT) ||
           g_error_matches (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_A_LIBRARY))
    g_message ("%s", error->message);
  else
    /* Other failures (the file busy or gone for a moment) say nothing
     * about damage; the actions themselves report those. */
    g_debug ("library check: %s", error->message);
  set_checking (self, FALSE);
}

static gboolean
start_check (gpointer user_data)
{
  PxLibraryBanner *self = user_data;

  self->check_source = 0;
  if (self->library == NULL || self->store == NULL)
    return G_SOURCE_REMOVE;
  px_library_check_async (self->library, self->cancellable, check_done, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
stop_check (PxLibraryBanner *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);
  set_checking (self, FALSE);
}

static void
on_access_changed (PxLibraryBanner *self)
{
  set_access (self, px_library_get_access (self->library));
}

/* Another store: shown as it is, and checked a moment later. */
static void
on_store_changed (PxLibraryBanner *self)
{
  PxStore *store = px_library_get_store (self->library);

  if (store == self->store)
    return;
  stop_check (self);
  g_set_object (&self->store, store);
  on_access_changed (self);
  if (store == NULL || px_store_get_access (store) == PX_STORE_ACCESS_READ_ONLY_DAMAGED)
    return;
  self->cancellable = g_cancellable_new ();
  set_checking (self, TRUE);
  self->check_source = g_timeout_add (self->check_delay_ms, start_check, self);
}

void
px_library_banner_set_library (PxLibraryBanner *self, PxLibrary *library)
{
  g_return_if_fail (PX_IS_LIBRARY_BANNER (self));
  g_return_if_fail (library == NULL || PX_IS_LIBRARY (library));

  if (self->library == library)
    return;
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  stop_check (self);
  g_clear_object (&self->store);
  g_set_object (&self->library, library);
  if (library == NULL)
    {
      set_access (self, PX_STORE_ACCESS_WRITABLE);
      return;
    }
  g_signal_connect_swapped (library, "notify::store", G_CALLBACK (on_store_changed), self);
  g_signal_connect_swapped (library, "notify::access", G_CALLBACK (on_access_changed), self);
  on_store_changed (self);
  on_access_changed (self);
}

PxStoreAccess
px_library_banner_get_access (PxLibraryBanner *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY_BANNER (self), PX_STORE_ACCESS_WRITABLE);
  return self->access;
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
  return px_library_banner_message_for (self->access);
}

void
px_library_banner_set_check_delay (PxLibraryBanner *self, guint delay_ms)
{
  g_return_if_fail (PX_IS_LIBRARY_BANNER (self));
  self->check_delay_ms = delay_ms;
}

static void
px_library_banner_dispose (GObject *object)
{
  PxLibraryBanner *self = PX_LIBRARY_BANNER (object);

  px_library_banner_set_library (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_LIBRARY_BANNER);
  G_OBJECT_CLASS (px_library_banner_parent_class)->dispose (object);
}

static void
px_library_banner_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PxLibraryBanner *self = PX_LIBRARY_BANNER (object);

  switch (prop_id)
    {
    case PROP_ACCESS:
      g_value_set_int (value, self->access);
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

  properties[PROP_ACCESS] =
      g_param_spec_int ("access", NULL, NULL, PX_STORE_ACCESS_WRITABLE, PX_STORE_ACCESS_READ_ONLY_DAMAGED,
                        PX_STORE_ACCESS_WRITABLE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKING] =
      g_param_spec_boolean ("checking", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-library-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, PxLibraryBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, PxLibraryBanner, box);
  gtk_widget_class_bind_template_child (widget_class, PxLibraryBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, PxLibraryBanner, label);
  gtk_widget_class_bind_template_child (widget_class, PxLibraryBanner, primary_button);
  gtk_widget_class_bind_template_child (widget_class, PxLibraryBanner, other_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_widget_class_set_css_name (widget_class, "pxlibrarybanner");
}

static void
px_library_banner_init (PxLibraryBanner *self)
{
  self->check_delay_ms = DEFAULT_CHECK_DELAY_MS;
  gtk_widget_init_template (GTK_WIDGET (self));
}
