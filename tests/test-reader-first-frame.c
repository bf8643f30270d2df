/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 17, item 14: the first frame drawn after an article opens shows
 * the text down to the bottom of the view (before, lines below the part
 * GtkTextView validates first stayed blank until its idle layout ran),
 * and the column already has its final width (it was measured in an idle,
 * after that frame, and the change made the text view lay everything out
 * again). Checked on the frame clock's first paint, without timing. */
#include <adwaita.h>

#include "gui/reader/px-reader-view.h"
#include "documents/px-document.h"
#include "px-test-wait.h"

static PxDocument *
long_article (gint64 id, guint paragraphs)
{
  static const char *const sentences[] = {
    "The ferry company said on Monday that the late sailing would be cut from the timetable.",
    "Passengers waiting on the quay told reporters that the notice came without warning.",
    "A council member argued that the island school depended on the early crossing.",
    "The harbour office noted that repairs to the ramp were running behind schedule.",
  };
  PxDocument *doc = px_document_new ();

  px_document_set_id (doc, id);
  px_document_set_title (doc, "Ferry timetable cut");
  px_document_set_outlet (doc, "Island Courier");
  for (guint p = 0; p < paragraphs; p++)
    {
      g_autoptr (GString) block = g_string_new (NULL);

      for (guint s = 0; s < 5; s++)
        g_string_append_printf (block, "%s (%u.%u) ", sentences[(p + s) % G_N_ELEMENTS (sentences)], p, s);
      px_document_append_block (doc, PX_BLOCK_PARAGRAPH, block->str);
    }
  return doc;
}

typedef struct
{
  PxReaderView *reader;
  gboolean painted;
  /* What the first paint showed: the lowest point of the view laid out,
   * and the clamp's width then. */
  gboolean bottom_laid_out;
  int clamp_width;
} FirstFrame;

/* Whether the text at the view's bottom edge is drawn: the text view
 * reaches down to it (it draws nothing below itself, and it is only as
 * tall as the lines it has laid out), and the line there is laid out (a
 * line not laid out yet has no height, so a point below the laid-out
 * part lands past the end of the text). */
static gboolean
view_bottom_laid_out (PxReaderView *reader)
{
  GtkTextView *text_view = px_reader_view_get_text_view (reader);
  GtkAdjustment *vadj = px_reader_view_get_vadjustment (reader);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (text_view), GTK_TYPE_SCROLLED_WINDOW);
  double bottom = gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj) - 4;
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t out;
  GtkTextIter iter;
  int bx, by, line_y, line_height;

  g_assert_true (gtk_widget_compute_point (content, GTK_WIDGET (text_view), &GRAPHENE_POINT_INIT (0, bottom), &out));
  g_assert_cmpfloat (out.y, >, 0);
  gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET, 0, (int)out.y, &bx, &by);
  gtk_text_view_get_iter_at_location (text_view, &iter, bx, by);
  gtk_text_view_get_line_yrange (text_view, &iter, &line_y, &line_height);
  g_test_message ("view bottom at %.0f in the text view (%d px tall), buffer y %d, line %d at %d+%d, end %d", out.y,
                  gtk_widget_get_height (GTK_WIDGET (text_view)), by, gtk_text_iter_get_line (&iter), line_y,
                  line_height, gtk_text_iter_is_end (&iter));
  return out.y < gtk_widget_get_height (GTK_WIDGET (text_view)) && !gtk_text_iter_is_end (&iter) &&
         by < line_y + line_height;
}

/* The width the clamp gives the column. */
static int
column_width (PxReaderView *reader)
{
  GtkWidget *clamp = gtk_widget_get_ancestor (GTK_WIDGET (px_reader_view_get_text_view (reader)), ADW_TYPE_CLAMP);

  return gtk_widget_get_width (adw_clamp_get_child (ADW_CLAMP (clamp)));
}

static void
on_after_paint (GdkFrameClock *clock, FirstFrame *frame)
{
  if (frame->painted)
    return;
  frame->painted = TRUE;
  frame->bottom_laid_out = view_bottom_laid_out (frame->reader);
  frame->clamp_width = column_width (frame->reader);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static void
open_and_check_first_frame (GtkWindow *window, PxReaderView *reader, PxDocument *doc, const char *what)
{
  FirstFrame frame = { .reader = reader };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frame);
  int settled_width;

  px_reader_view_set_document (reader, doc);
  gtk_widget_set_visible (GTK_WIDGET (reader), TRUE);
  g_assert_true (px_test_wait_for (is_true, &frame.painted, 5000));
  g_signal_handler_disconnect (clock, handler);
  px_test_settle (300);
  settled_width = column_width (reader);
  g_test_message ("%s: first frame bottom laid out %d, clamp %d px then, %d px settled", what, frame.bottom_laid_out,
                  frame.clamp_width, settled_width);
  g_assert_true (frame.bottom_laid_out);
  g_assert_cmpint (frame.clamp_width, ==, settled_width);
}

static void
test_first_frame (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  PxReaderView *reader = g_object_new (PX_TYPE_READER_VIEW, NULL);
  g_autoptr (PxDocument) first = long_article (1, 400);
  g_autoptr (PxDocument) second = long_article (2, 300);
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

  /* The application's style: the column's margins matter here. */
  gtk_css_provider_load_from_resource (css, "/io/github/parallaxapp/Parallax/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_size (window, 1100, 800);
  gtk_window_set_child (window, GTK_WIDGET (reader));
  /* As in the window: the reader is hidden until an article opens. */
  gtk_widget_set_visible (GTK_WIDGET (reader), FALSE);
  gtk_window_present (window);
  px_test_settle (300);

  open_and_check_first_frame (window, reader, first, "first article");
  open_and_check_first_frame (window, reader, second, "second article");
  gtk_window_destroy (window);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  px_test_settle (50);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/reader/first-frame", test_first_frame);
  return g_test_run ();
}
