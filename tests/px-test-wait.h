/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Waiting in widget tests: the main loop runs while they wait, so that
 * workers' results, redraws and timeouts happen. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the main loop until @condition (@data) is true (TRUE) or
 * @timeout_ms have passed (FALSE). */
gboolean px_test_wait_for (gboolean (*condition) (gpointer), gpointer data, guint timeout_ms);

/* Runs the main loop for @ms milliseconds. */
void px_test_settle (guint ms);

G_END_DECLS
