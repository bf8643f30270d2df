/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "px-test-compare.h"

gboolean
px_test_compare_ready (gpointer panel)
{
  return !px_compare_panel_is_loading (panel) && g_strcmp0 (px_compare_panel_get_state (panel), "content") == 0;
}

PxPassageCard *
px_test_card_for (GList *cards, const char *outlet)
{
  for (GList *l = cards; l != NULL; l = l->next)
    if (g_strcmp0 (px_passage_card_get_outlet (l->data), outlet) == 0)
      return l->data;
  return NULL;
}
