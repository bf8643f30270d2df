/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The publication time a visible dateline gives next to its date:
 * "June 4, 2019, 3:15 p.m. ET", "4 June 2019 14:05 BST", "10:32 GMT,
 * 4 June 2019", "04.06.2019, 15.30 Uhr MESZ", "2019-06-04 10:02 UTC+2".
 * @date ("YYYY-MM-DD") is the date px_date_find() read in @line, at bytes
 * @date_start…@date_end; the time must follow it (after a comma, "at", "um", "à", a dash or a bar)
 * or come right before it, and carry a time zone: an abbreviation
 * (GMT, UTC, BST, CET/CEST, MEZ/MESZ, EST/EDT…; ET, CT, MT and PT by the
 * daylight-saving rules of that date), or an offset ("+01:00", "GMT-4").
 * Returns "YYYY-MM-DDTHH:MM:SS±HH:MM" in the publisher's own offset, or
 * NULL: a time without a zone is no instant, and the caller keeps the
 * date. The caller decides that the line is of publication, not of an
 * update. */
char *px_dateline_time (const char *line, gsize date_start, gsize date_end, const char *date);

/* The same for a short text that gives @date (an element named as the
 * publication date, the line under a headline) when the caller does not
 * know where the date is: its one time of day with a zone, read before
 * any word of an update ("Updated", "modified", "aktualisiert", "mis à
 * jour"…), so an update's time is never taken. NULL when there is none,
 * several, or @text is longer than a dateline. */
char *px_dateline_time_in (const char *text, const char *date);

G_END_DECLS
