/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "compare/px-independent-outlets.h"

guint
px_compare_independent_document (PxEventComparison *cmp, guint doc)
{
  guint n;

  g_return_val_if_fail (PX_IS_EVENT_COMPARISON (cmp), doc);
  n = px_event_comparison_get_n_documents (cmp);
  g_return_val_if_fail (doc < n, doc);
  /* At most n steps: a cycle (which provenance never makes, but a cache
   * read back could hold) ends where it started. */
  for (guint steps = 0; steps < n; steps++)
    {
      guint source = px_event_comparison_get_document (cmp, doc)->copy_of;

      if (source >= n || source == doc)
        break;
      doc = source;
    }
  return doc;
}
