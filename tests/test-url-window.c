/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a web page from the window, under Xvfb, from a server on
 * 127.0.0.1 (never the internet). */
#include <glib/gstdio.h>
#include <string.h>

#include "gui/window/px-application.h"
#include "gui/common/px-compat.h"
#include "gui/library/px-url-dialog.h"
#include "gui/window/px-window.h"
#include "px-test-wait.h"

static const char page[] = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                           "<title>Tide mill turns again | Estuary News</title></head><body>"
                           "<nav><a href=\"/\">Home</a></nav><article><h1>Tide mill turns again</h1>"
                           "<p>The old tide mill on the estuary turned again on Sunday for the first time in "
                           "sixty years, grinding a sack of flour for the village bakery.</p>"
                           "<p>Volunteers spent four winters rebuilding the wheel.</p></article></body></html>";

static GMainContext *server_context;
static GMainLoop *server_loop;
static char *base;
static GMutex lock;
static GCond ready;

/* A very small HTTP/1.0 server on GIO alone (the window test runs under
 * AddressSanitizer with GTK, where libsoup's server would need slow full
 * stack unwinding to match its leak suppressions). */
static gboolean
on_incoming (GSocketService *service, GSocketConnection *connection, GObject *source, gpointer data)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr (GDataInputStream) lines = g_data_input_stream_new (in);
  g_autofree char *request = g_data_input_stream_read_line (lines, NULL, NULL, NULL);
  g_autofree char *reply = NULL;

  for (;;)
    {
      g_autofree char *header = g_data_input_stream_read_line (lines, NULL, NULL, NULL);
      if (header == NULL || *header == '\0' || strcmp (header, "\r") == 0)
        break;
    }
  if (request != NULL && g_str_has_prefix (request, "GET /mill "))
    reply = g_strdup_printf ("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: %zu\r\n"
                             "Connection: close\r\n\r\n%s",
                             strlen (page), page);
  else
    reply = g_strdup ("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  g_output_stream_write_all (out, reply, strlen (reply), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static gpointer
server_thread (gpointer data)
{
  g_autoptr (GSocketService) service = NULL;
  g_autoptr (GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (lo, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;

  g_main_context_push_thread_default (server_context);
  service = g_socket_service_new ();
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (service), any, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                      NULL, &bound, &error))
    g_error ("cannot listen: %s", error->message);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming), NULL);
  g_socket_service_start (service);
  g_mutex_lock (&lock);
  base = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_cond_signal (&ready);
  g_mutex_unlock (&lock);
  g_main_loop_run (server_loop);
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  while (g_main_context_iteration (server_context, FALSE))
    ;
  g_main_context_pop_thread_default (server_context);
  return NULL;
}

static gboolean
reader_has_title (gpointer data)
{
  return g_strcmp0 (px_reader_view_get_title_text (px_window_get_reader (data)), "Tide mill turns again") == 0;
}

static GtkWidget *
find_dialog (const char *heading)
{
  g_autoptr (GList) shown = px_dialog_list_visible ();

  for (GList *l = shown; l != NULL; l = l->next)
    if (px_is_alert (l->data) && g_strcmp0 (px_alert_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

static gboolean
failure_shown (gpointer data)
{
  return find_dialog ("Could Not Import the Page") != NULL;
}

static void
test_dialog (void)
{
  PxUrlDialog *dialog = px_url_dialog_new (NULL, "ftp://example.org/a");
  GtkWidget *entry = NULL;
  g_autofree char *url = NULL;

  g_assert_false (px_alert_get_response_enabled (GTK_WIDGET (dialog), "import"));
  g_assert_true (px_url_dialog_is_importable ("https://example.org/news/a"));
  g_assert_true (px_url_dialog_is_importable ("  http://example.org/a  "));
  g_assert_false (px_url_dialog_is_importable ("example.org/a"));
  g_assert_false (px_url_dialog_is_importable ("https://"));
  g_assert_false (px_url_dialog_is_importable ("https://exa mple.org"));
  g_assert_false (px_url_dialog_is_importable ("javascript:alert(1)"));

  entry = GTK_WIDGET (px_alert_get_extra_child (GTK_WIDGET (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (entry), " https://example.org/story ");
  g_assert_true (px_alert_get_response_enabled (GTK_WIDGET (dialog), "import"));
  url = px_url_dialog_get_url (dialog);
  g_assert_cmpstr (url, ==, "https://example.org/story");
  px_dialog_close (GTK_WIDGET (dialog));
}

static void
test_import_from_window (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-url-window-XXXXXX", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *good = g_strconcat (base, "/mill", NULL);
  g_autofree char *bad = g_strconcat (base, "/gone", NULL);
  g_autoptr (PxApplication) app = px_application_new (library, 0);
  g_autoptr (GError) error = NULL;
  GtkWidget *failure;
  PxWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = px_window_new (app, library, 0);
  gtk_window_present (GTK_WINDOW (window));

  px_window_import_url (window, good);
  g_assert_true (px_test_wait_for (reader_has_title, window, 20000));

  /* A failure is explained, with a way to try again. */
  px_window_import_url (window, bad);
  g_assert_true (px_test_wait_for (failure_shown, NULL, 20000));
  failure = find_dialog ("Could Not Import the Page");
  g_assert_nonnull (strstr (px_alert_get_body (failure), "404"));
  g_assert_true (px_alert_has_response (failure, "retry"));
  px_dialog_close (failure);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  GThread *thread;
  int status;

  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  server_context = g_main_context_new ();
  server_loop = g_main_loop_new (server_context, FALSE);
  g_mutex_lock (&lock);
  thread = g_thread_new ("server", server_thread, NULL);
  while (base == NULL)
    g_cond_wait (&ready, &lock);
  g_mutex_unlock (&lock);

  g_test_add_func ("/url-window/dialog", test_dialog);
  g_test_add_func ("/url-window/import-from-window", test_import_from_window);
  status = g_test_run ();

  g_main_loop_quit (server_loop);
  g_thread_join (thread);
  return status;
}
