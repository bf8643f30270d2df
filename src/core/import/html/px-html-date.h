/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates as pages write them, normalized to ISO 8601: "YYYY-MM-DD", or
 * "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "±HH:MM" when the source gives
 * a time (kept in the publisher's own offset, so the date part is the
 * date the publisher printed). NULL when no valid date is found. */

/* A value meant to be a date: ISO 8601 in its common shapes, RFC 2822
 * ("Tue, 4 Jun 2019 10:02:00 GMT"), or written out as below. */
char *px_html_date_normalize (const char *value);

/* The first date written anywhere in @text: "June 4, 2019", "4 June 2019",
 * "4. Juni 2019", "4 de junio de 2019", "04.06.2019", "2019-06-04"… */
char *px_html_date_from_text (const char *text);

/* A date in a URL's path: /2019/06/04/, /2019-06-04-slug, /20190604/. */
char *px_html_date_from_url (const char *url);

G_END_DECLS
