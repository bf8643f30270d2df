/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-url-fetch.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "config.h"
#include "import/px-import.h"

#define DEFAULT_TIMEOUT 30
#define DEFAULT_REDIRECTS 10

void
px_fetch_result_free (PxFetchResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->url);
  g_free (result->content_type);
  g_free (result);
}

gboolean
px_url_is_web (const char *text)
{
  return text != NULL &&
         (g_ascii_strncasecmp (text, "http://", 7) == 0 || g_ascii_strncasecmp (text, "https://", 8) == 0);
}

gboolean
px_url_has_scheme (const char *text)
{
  const char *p = text;

  if (text == NULL || !g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  /* "C:\…" is a Windows path, not a scheme. */
  return *p == ':' && p - text >= 2;
}

static gboolean
content_type_ok (const char *mime)
{
  return mime == NULL || g_ascii_strcasecmp (mime, "text/html") == 0 ||
         g_ascii_strcasecmp (mime, "application/xhtml+xml") == 0 || g_ascii_strcasecmp (mime, "text/plain") == 0;
}

static char *
describe_mime (const char *mime)
{
  g_autofree char *ct = g_content_type_from_mime_type (mime);
  g_autofree char *desc = ct != NULL ? g_content_type_get_description (ct) : NULL;

  if (desc != NULL && g_strcmp0 (desc, mime) != 0)
    return g_strdup_printf ("%s, %s", desc, mime);
  return g_strdup (mime);
}

/* Turns a libsoup or GIO failure into a message that names the host. */
static void
network_error (GError **error, GUri *uri, const GError *cause)
{
  const char *host = g_uri_get_host (uri);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_NETWORK, _ ("%s did not answer in time"), host);
  else if (g_error_matches (cause, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
    g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_NETWORK,
                 _ ("Could not find %s: check the address and the network connection"), host);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_NETWORK, _ ("%s refused the connection"), host);
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_NETWORK, _ ("The secure connection to %s failed: %s"), host,
                 cause->message);
  else
    g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_NETWORK, _ ("Could not fetch the page from %s: %s"), host,
                 cause->message);
}

static gboolean
deadline_passed (gint64 deadline, GUri *uri, GError **error)
{
  if (g_get_monotonic_time () < deadline)
    return FALSE;
  g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_NETWORK, _ ("%s did not answer in time"), g_uri_get_host (uri));
  return TRUE;
}

/* One deadline for the whole request: the connection, every header line,
 * every redirect and the body. Socket timeouts alone restart with each
 * byte, so a server that sends a header line every few seconds would hold
 * the import for ever. A thread cancels the request at the deadline. */
typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean done;
  gboolean fired;
  gint64 deadline;
  GCancellable *cancel; /* the request's own, also cancelled by the caller's */
  GThread *thread;
} Watchdog;

static gpointer
watchdog_thread (gpointer data)
{
  Watchdog *w = data;

  g_mutex_lock (&w->lock);
  while (!w->done && g_cond_wait_until (&w->cond, &w->lock, w->deadline))
    ;
  if (!w->done)
    {
      w->fired = TRUE;
      g_cancellable_cancel (w->cancel);
    }
  g_mutex_unlock (&w->lock);
  return NULL;
}

static void
watchdog_start (Watchdog *w, gint64 deadline)
{
  g_mutex_init (&w->lock);
  g_cond_init (&w->cond);
  w->done = w->fired = FALSE;
  w->deadline = deadline;
  w->cancel = g_cancellable_new ();
  w->thread = g_thread_new ("px-url-deadline", watchdog_thread, w);
}

static void
watchdog_stop (Watchdog *w)
{
  g_mutex_lock (&w->lock);
  w->done = TRUE;
  g_cond_signal (&w->cond);
  g_mutex_unlock (&w->lock);
  g_thread_join (w->thread);
  g_object_unref (w->cancel);
  g_cond_clear (&w->cond);
  g_mutex_clear (&w->lock);
}

static void
forward_cancel (GCancellable *caller, gpointer request)
{
  g_cancellable_cancel (request);
}

static GBytes *
read_body (GInputStream *stream, gsize max_bytes, gint64 deadline, GUri *uri, GCancellable *cancellable, GError **error)
{
  g_autoptr (GByteArray) body = g_byte_array_new ();
  guint8 buf[65536];

  for (;;)
    {
      g_autoptr (GError) local_error = NULL;
      gssize n = g_input_stream_read (stream, buf, sizeof buf, cancellable, &local_error);

      if (n < 0)
        {
          network_error (error, uri, local_error);
          return NULL;
        }
      if (n == 0)
        break;
      if (body->len + (gsize)n > max_bytes)
        {
          g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_TOO_LARGE, _ ("The page is larger than %zu MB"),
                       max_bytes / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (body, buf, n);
      if (deadline_passed (deadline, uri, error))
        return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

static PxFetchResult *
fetch (const char *url, const PxFetchOptions *options, gint64 deadline, GCancellable *cancellable, GError **error)
{
  guint timeout = options && options->timeout_seconds ? options->timeout_seconds : DEFAULT_TIMEOUT;
  gsize max_bytes = options && options->max_bytes ? options->max_bytes : PX_IMPORT_MAX_BYTES;
  guint max_redirects = options && options->max_redirects ? options->max_redirects : DEFAULT_REDIRECTS;
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL || !px_url_is_web (url) || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_UNSUPPORTED,
                   _ ("Only web addresses starting with http:// or https:// can be imported"));
      return NULL;
    }

  /* No cookies, no cache, no proxy surprises: one plain GET. */
  session = soup_session_new_with_options ("timeout", timeout, "idle-timeout", timeout, "user-agent",
                                           "Parallax/" PACKAGE_VERSION " (+https://github.com/parallaxapp)", NULL);

  for (guint hop = 0;; hop++)
    {
      g_autoptr (SoupMessage) msg = soup_message_new_from_uri ("GET", uri);
      g_autoptr (GInputStream) stream = NULL;
      g_autoptr (GError) local_error = NULL;
      SoupMessageHeaders *headers;
      guint status;

      soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept",
                                    "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5");
      stream = soup_session_send (session, msg, cancellable, &local_error);
      if (stream == NULL)
        {
          network_error (error, uri, local_error);
          return NULL;
        }
      status = soup_message_get_status (msg);
      headers = soup_message_get_response_headers (msg);

      if (SOUP_STATUS_IS_REDIRECTION (status) && soup_message_headers_get_one (headers, "Location") != NULL)
        {
          const char *location = soup_message_headers_get_one (headers, "Location");
          g_autoptr (GUri) next = g_uri_parse_relative (uri, location, G_URI_FLAGS_ENCODED, NULL);
          g_autofree char *next_str = next != NULL ? g_uri_to_string (next) : NULL;

          g_input_stream_close (stream, NULL, NULL);
          if (next == NULL || !px_url_is_web (next_str))
            {
              g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_UNSUPPORTED,
                           _ ("%s redirected to an address that is not a web page"), g_uri_get_host (uri));
              return NULL;
            }
          if (hop + 1 >= max_redirects)
            {
              g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_NETWORK, _ ("Too many redirects from %s"),
                           g_uri_get_host (uri));
              return NULL;
            }
          if (deadline_passed (deadline, uri, error))
            return NULL;
          g_uri_unref (uri);
          uri = g_steal_pointer (&next);
          continue;
        }

      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_NETWORK, _ ("%s answered “%u %s”"), g_uri_get_host (uri),
                       status, soup_message_get_reason_phrase (msg) ? soup_message_get_reason_phrase (msg) : "");
          return NULL;
        }

      {
        const char *mime = soup_message_headers_get_content_type (headers, NULL);
        goffset declared = soup_message_headers_get_content_length (headers);
        g_autoptr (GBytes) body = NULL;
        PxFetchResult *result;

        if (!content_type_ok (mime))
          {
            g_autofree char *what = describe_mime (mime);
            g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_UNSUPPORTED,
                         _ ("The address is not a web page but a file of another kind (%s)"), what);
            return NULL;
          }
        if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
            (guint64)declared > max_bytes)
          {
            g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_TOO_LARGE, _ ("The page is larger than %zu MB"),
                         max_bytes / (1024 * 1024));
            return NULL;
          }
        body = read_body (stream, max_bytes, deadline, uri, cancellable, error);
        if (body == NULL)
          return NULL;
        result = g_new0 (PxFetchResult, 1);
        result->body = g_steal_pointer (&body);
        result->url = g_uri_to_string (uri);
        result->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
        return result;
      }
    }
}

PxFetchResult *
px_url_fetch (const char *url, const PxFetchOptions *options, GCancellable *cancellable, GError **error)
{
  guint timeout = options && options->timeout_seconds ? options->timeout_seconds : DEFAULT_TIMEOUT;
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout * G_USEC_PER_SEC;
  g_autoptr (GError) local_error = NULL;
  PxFetchResult *result;
  Watchdog w;
  gulong handler = 0;

  g_return_val_if_fail (url != NULL, NULL);

  watchdog_start (&w, deadline);
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel), g_object_ref (w.cancel), g_object_unref);
  result = fetch (url, options, deadline, w.cancel, &local_error);
  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);
  watchdog_stop (&w);
  if (result == NULL && w.fired && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);

      g_clear_error (&local_error);
      g_set_error (&local_error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_NETWORK, _ ("%s did not answer in time"),
                   uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);
    }
  if (result == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return result;
}

PxDocument *
px_url_import (const char *url, const PxFetchOptions *options, GCancellable *cancellable, GError **error)
{
  g_autoptr (PxFetchResult) page = NULL;
  PxDocument *doc;

  page = px_url_fetch (url, options, cancellable, error);
  if (page == NULL)
    return NULL;
  doc = px_import_bytes (page->body, page->url, page->content_type, error);
  if (doc == NULL)
    return NULL;
  px_document_set_source (doc, url);
  if (px_document_get_url (doc) == NULL)
    px_document_set_url (doc, page->url);
  /* Keep what was fetched, even when the text importer read it. */
  if (px_document_get_raw (doc) == NULL)
    px_document_set_raw (doc, page->body);
  return doc;
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  PxDocument *doc = px_url_import (task_data, NULL, cancellable, &error);

  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

void
px_url_import_async (const char *url, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, px_url_import_async);
  g_task_set_task_data (task, g_strdup (url), g_free);
  g_task_run_in_thread (task, import_thread);
}

PxDocument *
px_url_import_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
