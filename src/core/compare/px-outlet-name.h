/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a document came from, short: a web page's host without "www.",
 * a file's name. NULL for NULL or "". */
char *px_outlet_short_source (const char *source);

/* The name an article goes by among others of its event (Compare panel,
 * export): its outlet; else the site it came from (@source_name, as
 * px_outlet_short_source() gives it, when it is a site and not a file);
 * else the first three words of its title marked "(outlet unknown)",
 * never the whole headline; else "Unknown outlet". */
char *px_outlet_display_name (const char *outlet, const char *source_name, const char *title);

/* Whether px_outlet_display_name() had to make the name up: no outlet. */
gboolean px_outlet_is_unknown (const char *outlet);

G_END_DECLS
