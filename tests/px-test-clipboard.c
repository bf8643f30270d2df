/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "px-test-clipboard.h"

#include "px-test-wait.h"

typedef struct
{
  char *text;
  gboolean done;
} ClipboardRead;

static void
on_clipboard_text (GObject *source, GAsyncResult *result, gpointer data)
{
  ClipboardRead *r = data;

  r->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  r->done = TRUE;
}

static gboolean
clipboard_read (gpointer data)
{
  return ((ClipboardRead *)data)->done;
}

char *
px_test_read_clipboard (GtkWidget *widget)
{
  ClipboardRead r = { NULL, FALSE };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_text, &r);
  g_assert_true (px_test_wait_for (clipboard_read, &r, 5000));
  return r.text;
}
