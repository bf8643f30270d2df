/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* News agencies as articles credit them: a dateline ("PARIS (Reuters) -",
 * "BERLIN (dpa) –"), a credit line at the end ("— AFP", "Source: Xinhua",
 * "Reporting by … for Reuters") or the byline ("By The Associated
 * Press"). Names are returned in one canonical spelling ("Reuters", "AP",
 * "AFP", "dpa", "Xinhua", "PA Media", …), static strings. */

/* The agency that @name is (an outlet or byline naming only the agency:
 * "Reuters", "The Associated Press", "Agence France-Presse"), or NULL. */
const char *px_agency_from_name (const char *name);

/* The agency @text credits in its opening (dateline) or its last lines
 * (credit line), or NULL. @byline, may be NULL, is checked too. */
const char *px_agency_credited (const char *text, const char *byline);

G_END_DECLS
