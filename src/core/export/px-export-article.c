/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "export/px-export-private.h"
#include "export/px-markdown.h"

static gboolean
note_is_blank (const char *note)
{
  for (const char *p = note; p != NULL && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* "Yellow — claim" */
static void
append_color (GString *out, const char *color, const char *meaning)
{
  g_autofree char *title = _px_export_color_title (color);

  g_string_append (out, title);
  if (meaning != NULL && *meaning != '\0')
    {
      g_autofree char *flat = g_strstrip (g_strdup (meaning));

      g_strdelimit (flat, "\r\n", ' ');
      if (*flat != '\0')
        {
          g_string_append (out, " — ");
          px_markdown_append_escaped (out, flat, -1, PX_MARKDOWN_ESCAPE_NONE);
        }
    }
}

/* Tags as #tag, the way Obsidian and others read them: spaces become "-"
 * (a tag is one word); anything Markdown would read is escaped. */
static void
append_tags (GString *out, PxAnnotation *annotation)
{
  const char *const *tags = px_annotation_get_tags (annotation);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *word = g_strdup (tags[i]);

      for (char *p = word; *p; p++)
        if (g_ascii_isspace (*p))
          *p = '-';
      g_string_append (out, i == 0 ? " · #" : " #");
      px_markdown_append_escaped (out, word, -1, PX_MARKDOWN_ESCAPE_NONE);
    }
}

/* The line under a quote: where it is, its colour and tags, and its
 * anchor (^px-ID), the block id Obsidian links to. */
static void
append_meta_line (GString *out, PxDocument *document, PxAnnotation *a, const char *meaning, gboolean anchor)
{
  g_autofree char *where = NULL;

  if (px_annotation_get_orphaned (a))
    g_string_append (out, "Not found in the current text");
  else if ((where = _px_export_paragraph_label (document, px_annotation_get_start (a), px_annotation_get_end (a))))
    g_string_append (out, where);
  else
    g_string_append (out, "¶?");
  g_string_append (out, " · ");
  append_color (out, px_annotation_get_color (a), meaning);
  append_tags (out, a);
  if (anchor)
    g_string_append_printf (out, " ^px-%" G_GINT64_FORMAT, px_annotation_get_id (a));
  g_string_append (out, "\n\n");
}

static void
append_note (GString *out, PxAnnotation *a)
{
  const char *note = px_annotation_get_note (a);

  if (note_is_blank (note))
    return;
  px_markdown_append_paragraphs (out, "", note);
  g_string_append_c (out, '\n');
}

static void
append_highlight (GString *out, PxDocument *document, PxAnnotation *a, GHashTable *meanings)
{
  px_markdown_append_block_quote (out, px_annotation_get_quote (a));
  g_string_append_c (out, '\n');
  append_meta_line (out, document, a, g_hash_table_lookup (meanings, px_annotation_get_color (a)), TRUE);
  append_note (out, a);
}

void
_px_export_append_highlights (GString *out, PxDocument *document, GPtrArray *selected, GHashTable *meanings,
                              const PxExportOptions *options, guint level)
{
  const char *group = NULL;

  if (selected->len == 0)
    {
      g_string_append (out, "*No highlights.*\n\n");
      return;
    }
  for (guint i = 0; i < selected->len; i++)
    {
      PxAnnotation *a = g_ptr_array_index (selected, i);
      const char *color = px_annotation_get_color (a);

      if (options->order == PX_EXPORT_ORDER_COLOR && g_strcmp0 (group, color) != 0)
        {
          const char *meaning = g_hash_table_lookup (meanings, color);
          g_autofree char *title = _px_export_color_title (color);
          g_autofree char *full = NULL;

          if (meaning != NULL && *meaning != '\0')
            full = g_strdup_printf ("%s — %s", title, meaning);
          _px_export_append_heading (out, level, full != NULL ? full : title);
          group = color;
        }
      append_highlight (out, document, a, meanings);
    }
}

typedef struct
{
  guint start;
  guint end;
} Range;

static int
compare_ranges (gconstpointer a, gconstpointer b)
{
  const Range *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* The highlighted spans, overlapping ones merged, in text order. */
static GArray *
merged_ranges (GPtrArray *selected)
{
  g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Range));

  for (guint i = 0; i < selected->len; i++)
    {
      PxAnnotation *a = g_ptr_array_index (selected, i);
      Range r = { px_annotation_get_start (a), px_annotation_get_end (a) };

      if (!px_annotation_get_orphaned (a) && r.end > r.start)
        g_array_append_val (ranges, r);
    }
  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      Range r = g_array_index (ranges, Range, i);

      if (merged->len > 0 && r.start <= g_array_index (merged, Range, merged->len - 1).end)
        {
          Range *last = &g_array_index (merged, Range, merged->len - 1);
          last->end = MAX (last->end, r.end);
        }
      else
        g_array_append_val (merged, r);
    }
  return merged;
}

static gboolean
is_space_at (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

/* Appends the block text[a, b) (bytes) with its piece [ma, mb) marked:
 * whitespace at the edges of a mark stays outside it, as "== x==" is not
 * a highlight in the viewers that know the syntax. */
static void
append_piece (GString *out, const char *line_start, const char *line_end, const char *a, const char *b, gboolean marked)
{
  PxMarkdownEscapeFlags flags = PX_MARKDOWN_ESCAPE_NONE;

  if (a >= b)
    return;
  if (marked)
    {
      const char *ma = a, *mb = b;

      while (ma < mb && is_space_at (ma))
        ma = g_utf8_next_char (ma);
      while (mb > ma && is_space_at (g_utf8_prev_char (mb)))
        mb = g_utf8_prev_char (mb);
      if (ma >= mb)
        {
          append_piece (out, line_start, line_end, a, b, FALSE);
          return;
        }
      append_piece (out, line_start, line_end, a, ma, FALSE);
      g_string_append (out, "==");
      px_markdown_append_escaped (out, ma, mb - ma, ma == line_start ? PX_MARKDOWN_ESCAPE_LINE_START : 0);
      g_string_append (out, "==");
      append_piece (out, line_start, line_end, mb, b, FALSE);
      return;
    }
  if (a == line_start)
    flags |= PX_MARKDOWN_ESCAPE_LINE_START;
  if (b == line_end)
    flags |= PX_MARKDOWN_ESCAPE_LINE_END;
  px_markdown_append_escaped (out, a, b - a, flags);
}

void
_px_export_append_full_text (GString *out, PxDocument *document, GPtrArray *selected, guint level)
{
  g_autoptr (GArray) ranges = merged_ranges (selected);
  const char *text = px_document_get_text (document);
  const char *p = text;
  guint offset = 0, r = 0;

  for (guint i = 0; i < px_document_get_n_blocks (document); i++)
    {
      const PxBlock *block = px_document_get_block (document, i);
      const char *bs, *be, *cursor;
      guint pos;

      /* Walk the text once: blocks come in order. */
      p = g_utf8_offset_to_pointer (p, block->start - offset);
      offset = block->start;
      bs = p;
      be = g_utf8_offset_to_pointer (bs, block->end - block->start);

      switch (block->kind)
        {
        case PX_BLOCK_HEADING:
          for (guint k = 0; k < MIN (level + 1, 6); k++)
            g_string_append_c (out, '#');
          g_string_append_c (out, ' ');
          break;
        case PX_BLOCK_LIST_ITEM:
          g_string_append (out, "- ");
          break;
        case PX_BLOCK_QUOTE:
          g_string_append (out, "> ");
          break;
        case PX_BLOCK_PARAGRAPH:
        default:
          break;
        }

      cursor = bs;
      pos = block->start;
      while (r < ranges->len && g_array_index (ranges, Range, r).end <= block->start)
        r++;
      for (guint k = r; k < ranges->len && g_array_index (ranges, Range, k).start < block->end; k++)
        {
          const Range *range = &g_array_index (ranges, Range, k);
          guint ms = MAX (range->start, pos), me = MIN (range->end, block->end);
          const char *ma, *mb;

          if (me <= ms)
            continue;
          ma = g_utf8_offset_to_pointer (cursor, ms - pos);
          mb = g_utf8_offset_to_pointer (ma, me - ms);
          append_piece (out, bs, be, cursor, ma, FALSE);
          append_piece (out, bs, be, ma, mb, TRUE);
          cursor = mb;
          pos = me;
        }
      append_piece (out, bs, be, cursor, be, FALSE);
      g_string_append (out, "\n\n");
    }
}

static void
append_authors (GString *out, const char *author)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  if (author == NULL || *author == '\0')
    return;
  parts = g_strsplit (author, ", ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_ptr_array_add (names, parts[i]);
  _px_export_yaml_list (out, "authors", (const char *const *)names->pdata, names->len);
}

static const char *
title_or_untitled (PxDocument *document)
{
  const char *title = px_document_get_title (document);

  return title != NULL && *title != '\0' ? title : "Untitled";
}

char *
px_export_article (PxDocument *document, GPtrArray *annotations, GPtrArray *colors, const char *event_title,
                   const PxExportOptions *options)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) selected = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GHashTable) meanings = NULL;
  g_autoptr (PxExportOptions) defaults = NULL;

  g_return_val_if_fail (PX_IS_DOCUMENT (document), NULL);

  if (options == NULL)
    options = defaults = px_export_options_new ();
  selected = _px_export_select (annotations, options);
  tags = _px_export_collect_tags (selected);
  meanings = _px_export_meanings_new (colors);

  _px_export_yaml_begin (out);
  _px_export_yaml_string (out, "title", title_or_untitled (document));
  _px_export_yaml_string (out, "outlet", px_document_get_outlet (document));
  append_authors (out, px_document_get_author (document));
  _px_export_yaml_string (out, "published", px_document_get_published (document));
  _px_export_yaml_string (out, "url", px_document_get_url (document));
  _px_export_yaml_string (out, "event", event_title);
  _px_export_yaml_list (out, "tags", (const char *const *)tags->pdata, tags->len);
  _px_export_yaml_int (out, "parallax_document", px_document_get_id (document));
  _px_export_yaml_end (out);

  _px_export_append_heading (out, 1, title_or_untitled (document));
  _px_export_append_citation (out, document);
  _px_export_append_heading (out, 2, _ ("Highlights"));
  _px_export_append_highlights (out, document, selected, meanings, options, 3);
  if (options->full_text)
    {
      _px_export_append_heading (out, 2, _ ("Full text"));
      _px_export_append_full_text (out, document, selected, 2);
    }
  /* One newline at the end, never a blank line. */
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
px_export_annotation_markdown (PxAnnotation *annotation, PxDocument *document, const char *color_meaning)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), NULL);
  g_return_val_if_fail (document == NULL || PX_IS_DOCUMENT (document), NULL);

  px_markdown_append_block_quote (out, px_annotation_get_quote (annotation));
  g_string_append_c (out, '\n');
  /* Where it comes from, as the quote travels alone. */
  if (document != NULL)
    {
      const char *outlet = px_document_get_outlet (document);
      g_autofree char *date = px_markdown_format_date (px_document_get_published (document));

      g_string_append (out, "— ");
      if (outlet != NULL && *outlet != '\0')
        {
          px_markdown_append_escaped (out, outlet, -1, PX_MARKDOWN_ESCAPE_NONE);
          g_string_append (out, ", ");
        }
      g_string_append (out, "*");
      px_markdown_append_escaped (out, title_or_untitled (document), -1, PX_MARKDOWN_ESCAPE_NONE);
      g_string_append (out, "*");
      if (date != NULL)
        {
          g_string_append (out, ", ");
          px_markdown_append_escaped (out, date, -1, PX_MARKDOWN_ESCAPE_NONE);
        }
      g_string_append (out, ", ");
    }
  append_meta_line (out, document, annotation, color_meaning, FALSE);
  append_note (out, annotation);
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}
