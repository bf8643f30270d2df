/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "px-test-wait.h"

/* Sanitizer builds on a loaded machine run many times slower: the pass
 * that runs them sets PX_TEST_WAIT_SCALE so a wait for something that does
 * happen does not give up first. */
static gint64
scaled_us (guint timeout_ms)
{
  const char *env = g_getenv ("PX_TEST_WAIT_SCALE");
  guint64 scale = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 1;

  return (gint64)timeout_ms * 1000 * (gint64)CLAMP (scale, 1, 20);
}

gboolean
px_test_wait_for (gboolean (*condition) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + scaled_us (timeout_ms);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

void
px_test_settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}
