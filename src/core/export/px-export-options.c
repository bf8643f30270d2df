/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "export/px-export-options.h"

G_DEFINE_BOXED_TYPE (PxExportOptions, px_export_options, px_export_options_copy, px_export_options_free)

PxExportOptions *
px_export_options_new (void)
{
  PxExportOptions *options = g_new0 (PxExportOptions, 1);

  options->order = PX_EXPORT_ORDER_TEXT;
  options->include_unnoted = TRUE;
  return options;
}

PxExportOptions *
px_export_options_copy (const PxExportOptions *options)
{
  PxExportOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->colors = g_strdupv (options->colors);
  copy->tags = g_strdupv (options->tags);
  return copy;
}

void
px_export_options_free (PxExportOptions *options)
{
  if (options == NULL)
    return;
  g_strfreev (options->colors);
  g_strfreev (options->tags);
  g_free (options);
}

static gboolean
has_note (PxAnnotation *annotation)
{
  for (const char *p = px_annotation_get_note (annotation); p != NULL && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
px_export_options_accept (const PxExportOptions *options, PxAnnotation *annotation)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);

  if (options->colors != NULL && options->colors[0] != NULL &&
      !g_strv_contains ((const char *const *)options->colors, px_annotation_get_color (annotation)))
    return FALSE;
  if (options->tags != NULL && options->tags[0] != NULL)
    {
      const char *const *tags = px_annotation_get_tags (annotation);
      gboolean found = FALSE;

      for (guint i = 0; !found && options->tags[i] != NULL; i++)
        for (guint k = 0; !found && tags[k] != NULL; k++)
          {
            g_autofree char *a = g_utf8_casefold (options->tags[i], -1);
            g_autofree char *b = g_utf8_casefold (tags[k], -1);
            found = g_strcmp0 (a, b) == 0;
          }
      if (!found)
        return FALSE;
    }
  if (!options->include_unnoted && !has_note (annotation))
    return FALSE;
  return TRUE;
}

const char *
px_export_order_to_string (PxExportOrder order)
{
  return order == PX_EXPORT_ORDER_COLOR ? "color" : "text";
}

gboolean
px_export_order_from_string (const char *text, PxExportOrder *order)
{
  if (g_strcmp0 (text, "text") == 0)
    *order = PX_EXPORT_ORDER_TEXT;
  else if (g_strcmp0 (text, "color") == 0 || g_strcmp0 (text, "colour") == 0)
    *order = PX_EXPORT_ORDER_COLOR;
  else
    return FALSE;
  return TRUE;
}
