/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "compare/px-event-comparison.h"

G_BEGIN_DECLS

/* The article that stands for @doc when independent outlets are counted
 * ("not reported by", coverage): the article it is a copy of, followed to
 * the first one that copies no other, else @doc itself. A copy never
 * counts as an outlet of its own: it reports what its source reports, and
 * leaves out what its source leaves out. */
guint px_compare_independent_document (PxEventComparison *cmp, guint doc);

G_END_DECLS
