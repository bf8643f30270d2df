/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui/window/px-application.h"

#include <glib-unix.h>
#include <signal.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <sys/resource.h>

#include "gui/common/px-compat.h"
#include "gui/window/px-window.h"
#include "library/px-store.h"

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
  struct rusage usage;

  /* CPU time too: on a busy machine it says more than the wall clock. */
  getrusage (RUSAGE_SELF, &usage);
  printf ("first-frame %" G_GINT64_FORMAT " cpu-ms %ld\n", g_get_real_time (),
          (long)((usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
                 (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000));
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
on_bench_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint), window);
}

/* For tools/bench-startup: how long each frame takes to lay out and
 * paint while the list is scrolled; printed when SIGTERM ends the run. */
typedef struct
{
  gint64 started;
  GArray *durations; /* gint64 µs */
} FrameStats;

static FrameStats frame_stats;

static void
on_before_paint (GdkFrameClock *clock, gpointer data)
{
  frame_stats.started = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock, gpointer data)
{
  gint64 took = g_get_monotonic_time () - frame_stats.started;

  if (frame_stats.started > 0)
    g_array_append_val (frame_stats.durations, took);
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
  return x < y ? -1 : x > y;
}

static gboolean
on_bench_sigterm (gpointer app)
{
  GArray *d = frame_stats.durations;
  guint slow = 0;

  g_array_sort (d, compare_gint64);
  for (guint i = 0; i < d->len; i++)
    slow += g_array_index (d, gint64, i) > 16667;
  if (d->len > 0)
    printf ("scroll-frames: %u, median %.1f ms, p95 %.1f ms, worst %.1f ms, over 16.7 ms: %u\n", d->len,
            g_array_index (d, gint64, d->len / 2) / 1000.0, g_array_index (d, gint64, d->len * 95 / 100) / 1000.0,
            g_array_index (d, gint64, d->len - 1) / 1000.0, slow);
  fflush (stdout);
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
on_bench_scroll_realize (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  frame_stats.durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  g_unix_signal_add (SIGTERM, on_bench_sigterm, gtk_window_get_application (GTK_WINDOW (window)));
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
      if (g_getenv ("PARALLAX_BENCH_SCROLL") != NULL)
        g_signal_connect (window, "realize", G_CALLBACK (on_bench_scroll_realize), NULL);
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

  px_show_about (GTK_WIDGET (parent), "application-name", _ ("Parallax"), "application-icon", APPLICATION_ID, "version",
                 PACKAGE_VERSION, "developer-name", _ ("Parallax Developers"), "developers", developers, "comments",
                 _ ("Read, mark and compare news coverage across outlets"), "website",
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
  const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (px_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  /* The window builds its shortcuts window on demand (win.show-help-overlay). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
  /* AdwApplication loads style.css from the resource base path itself;
   * nothing else to do for styles. */
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
