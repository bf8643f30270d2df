/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui/px-application.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gui/px-window.h"
#include "store/px-store.h"

struct _PxApplication
{
  AdwApplication parent_instance;

  char *library_path;
  gint64 open_id;
};

G_DEFINE_FINAL_TYPE (PxApplication, px_application, ADW_TYPE_APPLICATION)

/* For tools/bench-startup: print the wall-clock time of the first painted
 * frame (microseconds since the epoch) and quit. */
static void
on_first_paint (GdkFrameClock *clock, GtkWidget *window)
{
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_real_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
on_bench_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint), window);
}

static void
px_application_activate (GApplication *app)
{
  PxApplication *self = PX_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (px_window_new (self, self->library_path, self->open_id));
      if (g_getenv ("PARALLAX_BENCH_FIRST_FRAME") != NULL)
        g_signal_connect (window, "realize", G_CALLBACK (on_bench_realize), NULL);
    }
  gtk_window_present (window);
}

static void
px_application_finalize (GObject *object)
{
  PxApplication *self = PX_APPLICATION (object);

  g_free (self->library_path);
  G_OBJECT_CLASS (px_application_parent_class)->finalize (object);
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { "Parallax Developers", NULL };

  adw_show_about_window (parent, "application-name", _ ("Parallax"), "application-icon", APPLICATION_ID, "version",
                         PACKAGE_VERSION, "developer-name", _ ("Parallax Developers"), "developers", developers,
                         "comments", _ ("Read, mark and compare news coverage across outlets"), "website",
                         "https://github.com/parallaxapp/parallax", "issue-url",
                         "https://github.com/parallaxapp/parallax/issues", "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _ ("translator-credits"), NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

static void
px_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (px_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  /* AdwApplication loads style.css from the resource base path itself;
   * nothing else to do for styles. The shortcuts window is
   * gtk/help-overlay.ui there too, which GtkApplication picks up. */
}

static void
px_application_class_init (PxApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = px_application_activate;
  G_APPLICATION_CLASS (klass)->startup = px_application_startup;
}

static void
px_application_init (PxApplication *self)
{
}

PxApplication *
px_application_new (const char *library, gint64 open_id)
{
  PxApplication *self;

  /* A window on another library is another instance: uniqueness is per
   * library, not per user. */
  self = g_object_new (PX_TYPE_APPLICATION, "application-id", APPLICATION_ID, "flags",
                       library != NULL ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS, "resource-base-path",
                       "/io/github/parallaxapp/Parallax", NULL);
  self->library_path = library ? g_strdup (library) : px_store_default_path ();
  self->open_id = open_id;
  return self;
}

const char *
px_application_get_library_path (PxApplication *self)
{
  g_return_val_if_fail (PX_IS_APPLICATION (self), NULL);
  return self->library_path;
}
