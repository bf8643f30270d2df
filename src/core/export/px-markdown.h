/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* CommonMark writing with text from anywhere (article text, notes,
 * titles): whatever the text holds, it renders as exactly that text and
 * never changes the structure around it. Escapes are backslashes before
 * ASCII punctuation and numeric character references (&#32;) for
 * whitespace that Markdown would otherwise drop; both are plain
 * CommonMark. Output is valid UTF-8 (invalid input bytes become U+FFFD)
 * with "\n" line endings, and depends on nothing but the input. */

typedef enum
{
  PX_MARKDOWN_ESCAPE_NONE = 0,
  /* The text starts a line: characters that open a block there ("#",
   * "-", "1.", leading spaces…) are escaped too. */
  PX_MARKDOWN_ESCAPE_LINE_START = 1 << 0,
  /* The text ends a line: trailing spaces and tabs are kept as
   * references, as Markdown strips them (or reads two as a line break). */
  PX_MARKDOWN_ESCAPE_LINE_END = 1 << 1,
} PxMarkdownEscapeFlags;

/* Appends @text (@len bytes, or -1 for all) escaped for a place inside one
 * line. Newlines and carriage returns become references (&#10;, &#13;), so
 * the result is always one line. */
void px_markdown_append_escaped (GString *out, const char *text, gssize len, PxMarkdownEscapeFlags flags);

/* @text escaped so that, alone on a line or anywhere inside a paragraph,
 * heading or table cell, it renders as exactly @text: the fuzzing target
 * for the escaper. Never NULL (NULL gives ""). */
char *px_markdown_escape_inline (const char *text);

/* Appends @text as paragraphs, each line starting with @prefix ("> " for
 * a block quote, "" for plain paragraphs). "\n\n" separates paragraphs,
 * a single "\n" is a hard line break; CRLF and CR count as "\n". Writes
 * nothing for "". Ends with a newline. */
void px_markdown_append_paragraphs (GString *out, const char *prefix, const char *text);

/* Appends @text as one block quote, however many paragraphs it has; its
 * text content is exactly @text (newlines normalized to "\n"). Ends with
 * a newline; "" gives an empty block quote (">"). */
void px_markdown_append_block_quote (GString *out, const char *text);

/* @text as a YAML double-quoted scalar, quotes included: one line,
 * backslash escapes for '"', '\\', control and line-separator characters,
 * and "<" (so that a viewer without front matter support shows no HTML). */
char *px_yaml_quote (const char *text);

/* A link destination in angle brackets ("<…>") for [text](…): any URL
 * or path, with the characters that would end it escaped. */
char *px_markdown_link_destination (const char *url);

/* A file name as a relative link target: percent-encoded so that every
 * Markdown viewer resolves it. */
char *px_markdown_file_link (const char *file_name);

/* An ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, or a date-time) as people
 * write it in English, independent of the locale: "4 June 2019",
 * "June 2019", "2019". Other text is returned unchanged; NULL for NULL. */
char *px_markdown_format_date (const char *iso);

G_END_DECLS
