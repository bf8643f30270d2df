/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (tools/bench-popover): the first highlight popover after
 * launch. The process starts, the window opens an article, a passage is
 * selected (as the end of a drag reports it), and the clock stops when
 * the popover is mapped. Prints the CPU time of the whole process from
 * its start and from the selection, and the wall time from the
 * selection; then the same for a second popover. Generated text only. */
#include <time.h>

#include "gui/annotations/px-annotation-controller.h"
#include "gui/annotations/px-highlight-layer.h"
#include "gui/window/px-application.h"
#include "gui/reader/px-reader-view.h"
#include "gui/window/px-window.h"
#include "px-bench-cpu.h"

static gint64
make_library (const char *path)
{
  g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, NULL);
  g_autoptr (PxDocument) doc = px_document_new ();

  g_assert_nonnull (store);
  px_document_set_title (doc, "Harbour reopens after the storm");
  px_document_set_outlet (doc, "Quayside Post");
  for (guint i = 0; i < 40; i++)
    px_document_append_block (doc, PX_BLOCK_PARAGRAPH,
                              "The harbour reopened on Monday after the storm, the council said. Fishing boats "
                              "returned to the north quay in the afternoon, and the ferry ran again by evening.");
  g_assert_true (px_store_add_document (store, doc, NULL, NULL));
  return px_document_get_id (doc);
}

typedef struct
{
  gboolean mapped;
  double cpu;
  gint64 wall;
} Mapped;

static void
on_map (GtkWidget *popover, Mapped *m)
{
  if (!m->mapped)
    {
      m->mapped = TRUE;
      m->cpu = px_bench_cpu_ms ();
      m->wall = g_get_monotonic_time ();
    }
}

/* Selects [@start, @end) and reports it as a drag's end does; returns
 * once the popover is mapped (or after 10 s). */
static void
select_and_wait (PxWindow *window, guint start, guint end, Mapped *m, double *cpu_at, gint64 *wall_at)
{
  PxAnnotationController *controller = px_window_get_annotation_controller (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_reader_view_get_text_view (px_window_get_reader (window)));
  GtkTextIter a, b;
  GtkPopover *popover;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  *m = (Mapped){ 0 };
  *cpu_at = px_bench_cpu_ms ();
  *wall_at = g_get_monotonic_time ();
  g_signal_emit_by_name (px_annotation_controller_get_layer (controller), "selection-finished", start, end);
  popover = GTK_POPOVER (px_annotation_controller_get_popover (controller));
  if (popover != NULL)
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (popover)))
        on_map (GTK_WIDGET (popover), m);
      else
        g_signal_connect (popover, "map", G_CALLBACK (on_map), m);
    }
  while (!m->mapped && g_get_monotonic_time () - *wall_at < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  if (popover != NULL)
    g_signal_handlers_disconnect_by_func (popover, on_map, m);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("px-bench-popover-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (PxApplication) app = NULL;
  PxWindow *window;
  gint64 doc_id, wall_at;
  double cpu_at;
  Mapped first, second;

  gtk_init ();
  doc_id = make_library (path);
  app = px_application_new (path, 0);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = px_window_new (app, path, doc_id);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  px_window_open_document (window, doc_id);
  /* The window idle, as when the user starts to select. */
  for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);

  select_and_wait (window, 4, 40, &first, &cpu_at, &wall_at);
  if (!first.mapped)
    {
      g_printerr ("px-bench-popover: the popover did not appear\n");
      return 1;
    }
  g_print ("first popover after launch: %.0f ms CPU from the selection (target < 150 ms), %.0f ms wall;"
           " %.0f ms CPU since the process started\n",
           first.cpu - cpu_at, (first.wall - wall_at) / 1000.0, first.cpu);
  gtk_popover_popdown (
      GTK_POPOVER (px_annotation_controller_get_popover (px_window_get_annotation_controller (window))));
  for (int i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  select_and_wait (window, 120, 170, &second, &cpu_at, &wall_at);
  if (second.mapped)
    g_print ("second popover: %.0f ms CPU, %.0f ms wall\n", second.cpu - cpu_at, (second.wall - wall_at) / 1000.0);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
