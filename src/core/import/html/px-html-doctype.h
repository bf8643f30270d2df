/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A page whose DOCTYPE has an internal subset ("<!DOCTYPE html [
 * <!ENTITY lol "…"> ]>"), which HTML does not have: returns a copy
 * without the subset and without references to the entities it declared
 * (never expanded: that is the "billion laughs"), so that neither "]>"
 * nor "&lol9;" reaches the title or the text. NULL when there is no
 * subset: parse @utf8 as it is. */
char *px_html_strip_doctype_subset (const char *utf8, gsize len, gsize *out_len);

G_END_DECLS
