/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one escaping rule of every TSV verb (docs/command-line.md): a field
 * stays on one line and in one column, is valid UTF-8, and sends nothing
 * a terminal would act on. */
#include <stdio.h>
#include <string.h>

#include "cli/px-cli.h"

static void
append_byte_escape (GString *out, guchar c)
{
  g_string_append_printf (out, "\\x%02x", c);
}

char *
px_cli_escape_field (const char *text, gboolean list_item)
{
  GString *out = g_string_new (NULL);
  const char *p = text != NULL ? text : "";
  const char *end = p + strlen (p);

  while (p < end)
    {
      guchar c = (guchar)*p;
      const char *next;
      gunichar ch;

      if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == ',' && list_item)
        g_string_append (out, "\\,");
      else if (c < 0x20 || c == 0x7f)
        append_byte_escape (out, c);
      else if (c < 0x80)
        g_string_append_c (out, (char)c);
      else
        {
          /* Bytes that are not UTF-8, and the C1 controls (U+0080 to
           * U+009F, which some terminals obey), byte by byte. */
          ch = g_utf8_get_char_validated (p, end - p);
          if (ch == (gunichar)-1 || ch == (gunichar)-2)
            {
              append_byte_escape (out, c);
              p++;
              continue;
            }
          next = g_utf8_next_char (p);
          if (ch >= 0x80 && ch <= 0x9f)
            for (const char *q = p; q < next; q++)
              append_byte_escape (out, (guchar)*q);
          else
            g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }
      p++;
    }
  return g_string_free (out, FALSE);
}

void
px_cli_print_tsv_field (const char *text)
{
  g_autofree char *escaped = px_cli_escape_field (text, FALSE);
  fputs (escaped, stdout);
}

void
px_cli_print_tsv_list (const char *const *items)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *escaped = px_cli_escape_field (items[i], TRUE);

      if (i > 0)
        putchar (',');
      fputs (escaped, stdout);
    }
}
