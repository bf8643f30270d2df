/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PX_DATE_SHORT, /* 4 Jun 2019 */
  PX_DATE_LONG,  /* 4 June 2019 */
} PxDateStyle;

/* Formats a stored "YYYY-MM-DD" (or a longer ISO 8601 string) for people;
 * anything else is returned as it is. NULL for NULL. */
char *px_format_date (const char *published, PxDateStyle style);
/* "A · B · C" from @n parts, leaving out NULL and empty ones. */
char *px_format_join (const char *const *parts, guint n);
/* The same with another separator. */
char *px_format_join_with (const char *const *parts, guint n, const char *separator);
/* "10,000 articles": the count grouped the locale's way (LC_NUMERIC). */
char *px_format_article_count (guint n);
/* TRUE if @text is a real calendar date written as YYYY-MM-DD. */
gboolean px_format_is_iso_date (const char *text);
/* A date as people write it ("2019-06-06", "6 June 2019", "June 6, 2019",
 * month names in English or the user's language) as "YYYY-MM-DD"; NULL
 * if it is not one. */
char *px_format_parse_date (const char *text);

G_END_DECLS
