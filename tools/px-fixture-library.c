/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Makes a library from invented articles in the format of
 * tests/fixtures/compare/ ("key: value" header, blank line, paragraphs),
 * keeping their outlet and date, and places them in events as an import
 * does. For screenshots and the Compare panel benchmark:
 *   px-fixture-library LIBRARY ARTICLE… */
#include <stdio.h>

#include "compare-fixtures.h"
#include "events/px-store-events.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PxStore) store = NULL;

  if (argc < 3)
    {
      g_printerr ("usage: px-fixture-library LIBRARY ARTICLE…\n");
      return 2;
    }
  store = px_store_open (argv[1], PX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 3;
    }
  for (int i = 2; i < argc; i++)
    {
      g_autoptr (PxDocument) doc = px_test_load_article (argv[i], 0, &error);

      if (doc == NULL || !px_store_add_document (store, doc, NULL, &error) ||
          !px_store_assign_event (store, doc, NULL, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          return 1;
        }
      printf ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\n", px_document_get_id (doc),
              px_document_get_event_id (doc), argv[i]);
    }
  if (!px_store_flush_events (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
