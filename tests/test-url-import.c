/* SPDX-License-Identifier: GPL-3.0-or-later */
/* URL import against a local libsoup server on 127.0.0.1: never the
 * internet. The server runs in its own thread, because the fetch blocks. */
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "import/px-import-job.h"
#include "import/px-import.h"
#include "import/px-url-fetch.h"
#include "annotations/px-store-annotations.h"
#include "provenance/px-store-versions.h"

/* A page that changes between fetches: the second version has a new
 * paragraph before the one a highlight is on. */
static const char changing_v1[] =
    "<html><head><title>Ferry fares rise | Harbour Post</title></head><body><article>"
    "<h1>Ferry fares rise</h1>"
    "<p>Fares on the harbour ferry will rise by a tenth from March, the operator said on Monday.</p>"
    "<p>A return ticket for adults will cost four crowns, and children will still travel free.</p>"
    "</article></body></html>";
static const char changing_v2[] =
    "<html><head><title>Ferry fares rise | Harbour Post</title></head><body><article>"
    "<h1>Ferry fares rise</h1>"
    "<p>Fares on the harbour ferry will rise by a tenth from March, the operator said on Monday.</p>"
    "<p>Updated: the council asked the operator to delay the rise until the summer timetable.</p>"
    "<p>A return ticket for adults will cost four crowns, and children will still travel free.</p>"
    "</article></body></html>";
/* The third changes the words of the highlight. */
static const char changing_v3[] =
    "<html><head><title>Ferry fares rise again | Harbour Post</title></head><body><article>"
    "<h1>Ferry fares rise again</h1>"
    "<p>Fares on the harbour ferry will rise by a tenth from March, the operator said on Monday.</p>"
    "<p>Updated: the council asked the operator to delay the rise until the summer timetable.</p>"
    "<p>A return ticket for adults will cost nearly five crowns, and children will still travel free.</p>"
    "</article></body></html>";
static const char *changing_page = changing_v1; /* g_atomic_pointer_* */

static const char article[] =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Lock gates fail on the old canal | Canal Times</title>"
    "<meta property=\"og:site_name\" content=\"Canal Times\">"
    "<meta property=\"article:published_time\" content=\"2032-02-14T08:00:00Z\">"
    "<meta name=\"author\" content=\"Ines Varga\">"
    "<script src=\"/tracker.js\"></script><link rel=\"stylesheet\" href=\"/style.css\">"
    "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>Lock gates fail on the old canal</h1>"
    "<img src=\"/photo.jpg\" alt=\"The lock\">"
    "<p>The lower gates of the third lock gave way on Tuesday night, draining a mile of the old canal and "
    "leaving a dozen narrowboats resting on the mud.</p>"
    "<p>Engineers said the timber had been due for replacement next year, and that repairs would take at "
    "least six weeks.</p></article></body></html>";

typedef struct
{
  GThread *thread;
  GMainLoop *loop;
  GMainContext *context;
  SoupServer *server;
  char *base; /* "http://127.0.0.1:PORT" */
  GMutex lock;
  GCond ready;
  gboolean started;
  guint subresource_requests; /* anything other than the page itself */
} Server;

static Server server;

static void
respond (SoupServerMessage *msg, guint status, const char *type, const char *body, gsize len)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, len);
}

static void
handler (SoupServer *srv, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  /* One request per connection: nothing lingers when the test ends. */
  soup_message_headers_replace (headers, "Connection", "close");

  if (strcmp (path, "/article") == 0 || strcmp (path, "/2032/02/14/lock-gates") == 0)
    respond (msg, 200, "text/html; charset=utf-8", article, strlen (article));
  else if (strcmp (path, "/redirect") == 0)
    {
      soup_message_headers_replace (headers, "Location", "/redirect2");
      respond (msg, 301, NULL, NULL, 0);
    }
  else if (strcmp (path, "/redirect2") == 0)
    {
      soup_message_headers_replace (headers, "Location", "/2032/02/14/lock-gates");
      respond (msg, 302, NULL, NULL, 0);
    }
  else if (strcmp (path, "/loop") == 0)
    {
      soup_message_headers_replace (headers, "Location", "/loop");
      respond (msg, 302, NULL, NULL, 0);
    }
  else if (strcmp (path, "/to-ftp") == 0)
    {
      soup_message_headers_replace (headers, "Location", "ftp://127.0.0.1/file.html");
      respond (msg, 302, NULL, NULL, 0);
    }
  else if (strcmp (path, "/slow") == 0)
    /* Never answers: the client must give up on its own. */
    soup_server_message_pause (msg);
  else if (strcmp (path, "/large") == 0 || strcmp (path, "/large-chunked") == 0)
    {
      gsize len = 3 * 1024 * 1024;
      char *body = g_malloc (len);
      memset (body, 'x', len);
      memcpy (body, "<html><body><p>", 15);
      if (strcmp (path, "/large-chunked") == 0)
        {
          soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
          soup_server_message_set_status (msg, 200, NULL);
          soup_message_headers_set_content_type (headers, "text/html", NULL);
          for (gsize off = 0; off < len; off += 65536)
            soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_COPY, body + off,
                                      MIN (65536, len - off));
          soup_message_body_complete (soup_server_message_get_response_body (msg));
        }
      else
        respond (msg, 200, "text/html", body, len);
      g_free (body);
    }
  else if (strcmp (path, "/changing") == 0)
    {
      const char *page = g_atomic_pointer_get (&changing_page);
      respond (msg, 200, "text/html", page, strlen (page));
    }
  else if (strcmp (path, "/report.pdf") == 0)
    respond (msg, 200, "application/pdf", "%PDF-1.4\n", 9);
  else if (strcmp (path, "/latin1") == 0)
    {
      const char *page = "<html><body><p>Caf\xE9 owners on the canal say trade fell by half.</p></body></html>";
      respond (msg, 200, "text/html; charset=ISO-8859-1", page, strlen (page));
    }
  else if (strcmp (path, "/plain") == 0)
    {
      const char *text = "Towpath reopens\n\nThe towpath reopened on Friday after the repairs.\n";
      respond (msg, 200, "text/plain; charset=utf-8", text, strlen (text));
    }
  else if (strcmp (path, "/empty") == 0)
    respond (msg, 200, "text/html", "", 0);
  else
    {
      if (!g_str_has_prefix (path, "/missing"))
        server.subresource_requests++;
      respond (msg, 404, "text/html", "<p>Not here</p>", 15);
    }
}

static gpointer
server_thread (gpointer data)
{
  g_autoptr (GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (server.context);
  server.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server.server, NULL, handler, NULL, NULL);
  if (!soup_server_listen_local (server.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("cannot listen on 127.0.0.1: %s", error->message);
  uris = soup_server_get_uris (server.server);
  {
    g_autofree char *s = g_uri_to_string (uris->data);
    /* "http://127.0.0.1:PORT/" without the final slash */
    server.base = g_strndup (s, strlen (s) - 1);
  }
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_mutex_lock (&server.lock);
  server.started = TRUE;
  g_cond_signal (&server.ready);
  g_mutex_unlock (&server.lock);

  g_main_loop_run (server.loop);
  /* Close every connection (the /slow one is still paused) and let their
   * sources run down before the context goes. */
  soup_server_disconnect (server.server);
  while (g_main_context_iteration (server.context, FALSE))
    ;
  g_clear_object (&server.server);
  while (g_main_context_iteration (server.context, FALSE))
    ;
  g_main_context_pop_thread_default (server.context);
  return NULL;
}

static void
server_start (void)
{
  server.context = g_main_context_new ();
  server.loop = g_main_loop_new (server.context, FALSE);
  server.thread = g_thread_new ("soup-server", server_thread, NULL);
  g_mutex_lock (&server.lock);
  while (!server.started)
    g_cond_wait (&server.ready, &server.lock);
  g_mutex_unlock (&server.lock);
}

static char *
url (const char *path)
{
  return g_strconcat (server.base, path, NULL);
}

static void
test_article (void)
{
  g_autofree char *u = url ("/article");
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_url_import (u, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (doc), ==, "Lock gates fail on the old canal");
  g_assert_cmpstr (px_document_get_outlet (doc), ==, "Canal Times");
  g_assert_cmpstr (px_document_get_author (doc), ==, "Ines Varga");
  g_assert_cmpstr (px_document_get_published (doc), ==, "2032-02-14T08:00:00Z");
  g_assert_cmpstr (px_document_get_source (doc), ==, u);
  g_assert_cmpstr (px_document_get_url (doc), ==, u);
  g_assert_cmpstr (px_document_get_source_kind (doc), ==, "html");
  g_assert_cmpuint (g_bytes_get_size (px_document_get_raw (doc)), ==, strlen (article));
  g_assert_cmpuint (px_document_get_n_blocks (doc), ==, 2);
  /* Nothing the page refers to (script, stylesheet, image) was fetched. */
  g_assert_cmpuint (server.subresource_requests, ==, 0);
}

static void
test_redirects (void)
{
  g_autofree char *u = url ("/redirect");
  g_autofree char *final = url ("/2032/02/14/lock-gates");
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_url_import (u, NULL, NULL, &error);

  g_assert_no_error (error);
  /* The address given is kept for fetching again; the page's own is the
   * one after the redirects. */
  g_assert_cmpstr (px_document_get_source (doc), ==, u);
  g_assert_cmpstr (px_document_get_url (doc), ==, final);
}

static void
expect_error (const char *path_or_url, const PxFetchOptions *options, int code, const char *in_message)
{
  g_autofree char *u = strstr (path_or_url, ":") ? g_strdup (path_or_url) : url (path_or_url);
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = px_url_import (u, options, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("%s: \"%s\" not in \"%s\"", u, in_message, error->message);
}

static void
test_http_errors (void)
{
  expect_error ("/missing", NULL, PX_IMPORT_ERROR_NETWORK, "404");
  expect_error ("/loop", NULL, PX_IMPORT_ERROR_NETWORK, "redirects");
  expect_error ("/empty", NULL, PX_IMPORT_ERROR_EMPTY, NULL);
}

static void
test_timeout (void)
{
  PxFetchOptions options = { .timeout_seconds = 1 };
  gint64 start = g_get_monotonic_time ();

  expect_error ("/slow", &options, PX_IMPORT_ERROR_NETWORK, "in time");
  /* It gave up on its own, long before any test runner would. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
}

/* A server that sends one header line every 300 ms, for 12 s. */
static gpointer
trickle_headers (gpointer data)
{
  GSocket *listener = data;
  g_autoptr (GSocket) client = g_socket_accept (listener, NULL, NULL);
  char request[4096];

  if (client == NULL)
    return NULL;
  g_socket_set_timeout (client, 20);
  g_socket_receive (client, request, sizeof request, NULL, NULL);
  static const char status[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
  static const char end[] = "\r\n<p>Too late.</p>";

  if (g_socket_send (client, status, strlen (status), NULL, NULL) < 0)
    return NULL;
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *line = g_strdup_printf ("X-Slow-%d: still coming\r\n", i);

      g_usleep (300 * 1000);
      if (g_socket_send (client, line, strlen (line), NULL, NULL) < 0)
        return NULL;
    }
  g_socket_send (client, end, strlen (end), NULL, NULL);
  return NULL;
}

/* Issue 15.8: the deadline covers the headers too, not only the body. */
static void
test_header_deadline (void)
{
  PxFetchOptions options = { .timeout_seconds = 1 };
  g_autoptr (GSocket) listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autofree char *address = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) doc = NULL;
  GThread *thread;
  gint64 start;

  g_assert_true (g_socket_bind (listener, any_port, TRUE, NULL));
  g_assert_true (g_socket_listen (listener, NULL));
  bound = g_socket_get_local_address (listener, NULL);
  address = g_strdup_printf ("http://127.0.0.1:%u/slow-headers",
                             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  thread = g_thread_new ("trickle", trickle_headers, listener);
  start = g_get_monotonic_time ();
  doc = px_url_import (address, &options, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "in time"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
  g_thread_join (thread);
}

static void
test_too_large (void)
{
  PxFetchOptions options = { .max_bytes = 1024 * 1024 };

  expect_error ("/large", &options, PX_IMPORT_ERROR_TOO_LARGE, "1 MB");
  expect_error ("/large-chunked", &options, PX_IMPORT_ERROR_TOO_LARGE, "1 MB");
}

static void
test_not_web (void)
{
  expect_error ("ftp://127.0.0.1/file.html", NULL, PX_IMPORT_ERROR_UNSUPPORTED, "http");
  expect_error ("file:///etc/passwd", NULL, PX_IMPORT_ERROR_UNSUPPORTED, "http");
  expect_error ("javascript:alert(1)", NULL, PX_IMPORT_ERROR_UNSUPPORTED, "http");
  expect_error ("http://", NULL, PX_IMPORT_ERROR_UNSUPPORTED, "http");
  expect_error ("/to-ftp", NULL, PX_IMPORT_ERROR_UNSUPPORTED, "redirected");
  expect_error ("/report.pdf", NULL, PX_IMPORT_ERROR_UNSUPPORTED, "application/pdf");

  g_assert_true (px_url_is_web ("HTTPS://example.org/"));
  g_assert_false (px_url_is_web ("example.org"));
  g_assert_true (px_url_has_scheme ("ftp://x"));
  g_assert_true (px_url_has_scheme ("javascript:alert(1)"));
  g_assert_false (px_url_has_scheme ("C:\\pages\\a.html"));
  g_assert_false (px_url_has_scheme ("pages/a.html"));
  g_assert_false (px_url_has_scheme ("./a:b.html"));
}

static void
test_refused (void)
{
  g_autoptr (GSocket) sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr (GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (lo, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autofree char *u = NULL;

  /* A port that was free a moment ago and is closed now. */
  g_assert_true (g_socket_bind (sock, any, TRUE, NULL));
  bound = g_socket_get_local_address (sock, NULL);
  u = g_strdup_printf ("http://127.0.0.1:%u/article", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (sock, NULL);
  expect_error (u, NULL, PX_IMPORT_ERROR_NETWORK, "127.0.0.1");
}

static void
test_charset_and_plain (void)
{
  g_autofree char *latin1 = url ("/latin1");
  g_autofree char *plain = url ("/plain");
  g_autoptr (GError) error = NULL;
  g_autoptr (PxDocument) a = px_url_import (latin1, NULL, NULL, &error);
  g_autoptr (PxDocument) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_text (a), ==, "Café owners on the canal say trade fell by half.");

  b = px_url_import (plain, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (b), ==, "Towpath reopens");
  g_assert_cmpstr (px_document_get_source (b), ==, plain);
  g_assert_nonnull (px_document_get_raw (b));
}

static void
on_imported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PxDocument **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = px_url_import_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *u = url ("/article");
  g_autoptr (PxDocument) doc = NULL;

  px_url_import_async (u, NULL, on_imported, &doc);
  while (doc == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (px_document_get_title (doc), ==, "Lock gates fail on the old canal");
}

/* A page fetched again: unchanged, a duplicate; changed, its text is
 * replaced in place (same document) and its highlight found again. */
static void
test_refetch (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-url-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *u = url ("/changing");
  const char *quote = "A return ticket for adults will cost four crowns";
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  g_autoptr (PxImportResult) first = NULL;
  g_autoptr (PxImportResult) same = NULL;
  g_autoptr (PxImportResult) changed = NULL;
  g_autoptr (PxDocument) doc = NULL;
  g_autoptr (PxAnnotation) a = NULL;
  g_autoptr (GPtrArray) list = NULL;
  const char *text, *hit;

  g_assert_no_error (error);
  g_atomic_pointer_set (&changing_page, changing_v1);
  first = px_import_url (store, u, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->status, ==, PX_IMPORT_IMPORTED);
  doc = px_store_load_document (store, first->document_id, &error);
  g_assert_no_error (error);
  text = px_document_get_text (doc);
  hit = strstr (text, quote);
  g_assert_nonnull (hit);
  a = px_annotation_new_for_range (doc, g_utf8_pointer_to_offset (text, hit),
                                   g_utf8_pointer_to_offset (text, hit) + g_utf8_strlen (quote, -1), "yellow");
  g_assert_true (px_store_add_annotation (store, a, &error));
  g_assert_no_error (error);

  same = px_import_url (store, u, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (same->status, ==, PX_IMPORT_DUPLICATE);
  g_assert_cmpint (same->document_id, ==, first->document_id);

  g_atomic_pointer_set (&changing_page, changing_v2);
  changed = px_import_url (store, u, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed->status, ==, PX_IMPORT_UPDATED);
  g_assert_cmpint (changed->document_id, ==, first->document_id);
  g_assert_nonnull (strstr (changed->message, "found again: 1,"));
  g_assert_cmpint (px_store_count_documents (store, NULL), ==, 1);

  /* The highlight sits on the same words, which moved. */
  g_clear_object (&doc);
  doc = px_store_load_document (store, first->document_id, &error);
  g_assert_no_error (error);
  text = px_document_get_text (doc);
  g_assert_nonnull (strstr (text, "Updated: the council"));
  hit = strstr (text, quote);
  list = px_store_list_annotations (store, first->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (px_annotation_get_start (g_ptr_array_index (list, 0)), ==, g_utf8_pointer_to_offset (text, hit));
  g_assert_cmpuint (px_annotation_get_start (g_ptr_array_index (list, 0)), >, px_annotation_get_start (a));

  /* Fetched again with the highlight's words changed: every version is
   * kept, and the highlight is flagged with its old and new words. */
  g_atomic_pointer_set (&changing_page, changing_v3);
  {
    g_autoptr (PxImportResult) third = px_import_url (store, u, NULL, &error);
    g_autoptr (GPtrArray) versions = NULL;
    g_autoptr (GPtrArray) changes = NULL;
    g_autofree char *v1 = NULL;
    const PxDocumentVersion *v;
    const PxAnnotationChange *c;

    g_assert_no_error (error);
    g_assert_cmpint (third->status, ==, PX_IMPORT_UPDATED);
    g_assert_nonnull (strstr (third->message, "with changed words: 1;"));
    versions = px_store_list_versions (store, first->document_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (versions->len, ==, 3);
    v = g_ptr_array_index (versions, 0);
    g_assert_cmpuint (v->version, ==, 1);
    g_assert_cmpuint (v->changed_words, ==, 0);
    v = g_ptr_array_index (versions, 1);
    /* "Updated: the council asked …": 14 words added. */
    g_assert_cmpuint (v->changed_words, ==, 14);
    v = g_ptr_array_index (versions, 2);
    g_assert_cmpuint (v->version, ==, 3);
    g_assert_nonnull (v->fetched);
    /* "four" out, "nearly five" in (the heading is the title, not the
     * text). */
    g_assert_cmpuint (v->changed_words, ==, 3);
    v1 = px_store_get_version_text (store, first->document_id, 1, &error);
    g_assert_no_error (error);
    g_assert_null (strstr (v1, "Updated"));
    g_assert_nonnull (strstr (v1, "four crowns"));

    changes = px_store_list_annotation_changes (store, first->document_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (changes->len, ==, 1);
    c = g_ptr_array_index (changes, 0);
    g_assert_cmpuint (c->version, ==, 3);
    g_assert_cmpstr (c->old_quote, ==, quote);
    g_assert_true (g_str_has_prefix (c->new_quote, "A return ticket for adults will cost nearly five crowns"));
  }

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* Through the job API into a store: imported, then a duplicate. */
static void
test_into_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-url-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *u = url ("/article");
  g_autofree char *r = url ("/redirect");
  g_autofree char *missing = url ("/missing");
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = px_store_open (path, PX_STORE_OPEN_DEFAULT, &error);
  PxImportResult *res;

  g_assert_no_error (error);
  res = px_import_url (store, u, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (res->status, ==, PX_IMPORT_IMPORTED);
  g_assert_cmpstr (res->title, ==, "Lock gates fail on the old canal");
  px_import_result_free (res);

  res = px_import_url (store, r, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (res->status, ==, PX_IMPORT_DUPLICATE);
  px_import_result_free (res);

  res = px_import_url (store, missing, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (res->status, ==, PX_IMPORT_FAILED);
  g_assert_nonnull (strstr (res->message, "404"));
  px_import_result_free (res);

  {
    g_autoptr (PxDocument) doc = px_store_load_document (store, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (px_document_get_source (doc), ==, u);
    g_assert_cmpuint (g_bytes_get_size (px_document_get_raw (doc)), ==, strlen (article));
  }
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }
}

/* The command line: `parallax import URL`, and clear errors. */
static void
test_cli (void)
{
  const char *bin = g_getenv ("PARALLAX_BIN");
  g_autofree char *dir = g_dir_make_tmp ("px-url-cli-XXXXXX", NULL);
  g_autofree char *lib = g_build_filename (dir, "library.db", NULL);
  g_autofree char *u = url ("/article");
  g_autofree char *missing = url ("/missing");
  struct
  {
    const char *arg;
    int status;
    const char *out;
    const char *err;
  } cases[] = {
    { u, 0, "imported\t1\t", NULL },
    { u, 0, "duplicate\t1\t", NULL },
    { missing, 1, NULL, "404" },
    { "ftp://127.0.0.1/a.html", 1, NULL, "http" },
  };

  if (bin == NULL || !g_file_test (bin, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("PARALLAX_BIN is not set");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[] = { bin, "--library", lib, "import", cases[i].arg, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr (GError) error = NULL;
      int wait_status;

      g_assert_true (
          g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error));
      g_assert_no_error (error);
      if (WEXITSTATUS (wait_status) != cases[i].status || (cases[i].out && !strstr (out, cases[i].out)) ||
          (cases[i].err && !strstr (err, cases[i].err)))
        g_error ("parallax import %s: exit %d\nstdout: %s\nstderr: %s", cases[i].arg, WEXITSTATUS (wait_status), out,
                 err);
    }
}

/* Under AddressSanitizer: full stacks for allocations, so that the
 * suppressions for libsoup's server (tests/lsan.supp) can match frames
 * inside GIO, which has no frame pointers for the fast unwinder. */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

int
main (int argc, char *argv[])
{
  int status;

  /* Loopback only, and never through a proxy from the environment. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_init (&argc, &argv, NULL);
  server_start ();
  g_test_add_func ("/url-import/article", test_article);
  g_test_add_func ("/url-import/redirects", test_redirects);
  g_test_add_func ("/url-import/http-errors", test_http_errors);
  g_test_add_func ("/url-import/header-deadline", test_header_deadline);
  g_test_add_func ("/url-import/timeout", test_timeout);
  g_test_add_func ("/url-import/too-large", test_too_large);
  g_test_add_func ("/url-import/not-web", test_not_web);
  g_test_add_func ("/url-import/refused", test_refused);
  g_test_add_func ("/url-import/charset-and-plain", test_charset_and_plain);
  g_test_add_func ("/url-import/async", test_async);
  g_test_add_func ("/url-import/into-store", test_into_store);
  g_test_add_func ("/url-import/refetch", test_refetch);
  g_test_add_func ("/url-import/cli", test_cli);
  status = g_test_run ();

  g_main_loop_quit (server.loop);
  g_main_context_wakeup (server.context);
  g_thread_join (server.thread);
  g_main_loop_unref (server.loop);
  g_main_context_unref (server.context);
  g_free (server.base);
  return status;
}
