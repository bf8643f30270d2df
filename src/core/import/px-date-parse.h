/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds the first complete date (day, month and year) written the way
 * news pages write them: "2019-06-04", "04 JUN 2019", "June 4, 2019",
 * "4. Juni 2019", "1er juin 2019", "4 de junio de 2019", "04.06.2019"…
 * English, German, French, Spanish, Dutch and Italian month names are
 * known. Numeric dates with slashes are only read when unambiguous (one
 * part above 12). Returns "YYYY-MM-DD", or NULL when there is no date;
 * @start and @end (may be NULL) receive the byte range of the match. */
char *px_date_find (const char *text, gsize *start, gsize *end);

/* Like px_date_find(), but only when @text is a date line: the date plus
 * nothing but words such as "Published", "Updated", "on", "at", a weekday,
 * a time of day and a time zone. Sets @is_update when the line says the
 * date is of an update rather than of publication. */
char *px_date_parse_line (const char *text, gboolean *is_update);

G_END_DECLS
