/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "documents/px-document.h"

G_BEGIN_DECLS

typedef struct
{
  guint timeout_seconds; /* for the whole fetch; 0: 30 seconds */
  gsize max_bytes;       /* 0: PX_IMPORT_MAX_BYTES */
  guint max_redirects;   /* 0: 10 */
} PxFetchOptions;

typedef struct
{
  GBytes *body;
  char *url;          /* after redirects */
  char *content_type; /* with its parameters, as the server sent it */
} PxFetchResult;

void px_fetch_result_free (PxFetchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxFetchResult, px_fetch_result_free)

/* TRUE for an http:// or https:// address. */
gboolean px_url_is_web (const char *text);

/* TRUE if @text starts with a URI scheme ("ftp:", "javascript:",
 * "file://"…), as opposed to a path. */
gboolean px_url_has_scheme (const char *text);

/* Fetches a web page with libsoup, blocking: call it from a worker
 * thread. Only http and https, redirects followed (to http and https
 * only), a time limit for the whole fetch and a size limit checked
 * while reading. Only the page itself is fetched: nothing it links to.
 * Fails with PX_IMPORT_ERROR_NETWORK (unreachable, timed out, an HTTP
 * error status), _TOO_LARGE, or _UNSUPPORTED (not http, not a web page:
 * a PDF, an image…). */
PxFetchResult *px_url_fetch (const char *url, const PxFetchOptions *options, GCancellable *cancellable, GError **error);

/* Fetches and imports a page. The document's source is @url (so it can
 * be fetched again), its raw bytes the page as fetched, and its url the
 * page's canonical address or else the one after redirects. */
PxDocument *px_url_import (const char *url, const PxFetchOptions *options, GCancellable *cancellable, GError **error);

/* The same in a worker thread, for the UI. */
void px_url_import_async (const char *url, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
PxDocument *px_url_import_finish (GAsyncResult *result, GError **error);

G_END_DECLS
