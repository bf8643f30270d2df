/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <stdio.h>

#include "library/px-store.h"

G_BEGIN_DECLS

/* Exit codes of the command line: 0 success, 1 the action failed (bad
 * input, some files not imported), 2 wrong usage, 3 the library could not
 * be opened. */
enum
{
  PX_EXIT_OK = 0,
  PX_EXIT_FAILED = 1,
  PX_EXIT_USAGE = 2,
  PX_EXIT_LIBRARY = 3,
};

typedef struct
{
  const char *library_path; /* NULL for the default library */
} PxCliContext;

typedef int (*PxCliVerbFunc) (PxCliContext *ctx, int argc, char **argv);

typedef struct
{
  const char *name;
  const char *args;    /* usage, e.g. "PATH…" */
  const char *summary; /* translatable, marked with N_() */
  PxCliVerbFunc run;   /* NULL: handled by the window (e.g. "open") */
} PxCliVerb;

/* The verb named @name, or NULL. */
const PxCliVerb *px_cli_find_verb (const char *name);

/* Prints the usage of the whole command line to @out. */
void px_cli_print_help (FILE *out);

/* Runs a verb: argv[0] is the verb's name. */
int px_cli_run (const PxCliVerb *verb, PxCliContext *ctx, int argc, char **argv);

/* For verbs: opens the library (printing the error and returning NULL on
 * failure), prints one-line errors, and parses a document id. */
PxStore *px_cli_open_store (PxCliContext *ctx, PxStoreOpenFlags flags);
void px_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
gboolean px_cli_parse_id (const char *text, gint64 *out_id);
gboolean px_cli_parse_event_id (const char *text, gint64 *out_id);
/* The TSV escaping of every verb (docs/command-line.md): backslash, tab,
 * line breaks, control characters and bytes that are not UTF-8 are
 * escaped, so that a field stays on one line, in one column, and sends
 * nothing to a terminal; in a list item, the comma too. */
char *px_cli_escape_field (const char *text, gboolean list_item);
/* Prints @text (NULL: nothing) as one escaped TSV field on stdout. */
void px_cli_print_tsv_field (const char *text);
/* Prints @items (NULL-terminated) as one TSV field: escaped items joined
 * with ",". */
void px_cli_print_tsv_list (const char *const *items);
/* Parses verb options with GOptionContext; prints errors. */
gboolean px_cli_parse_options (const char *verb, const char *params, GOptionEntry *entries, int *argc, char ***argv);

/* export --format with anything but markdown (px-cli-export-formats.c):
 * exactly one of @document, @event, @tag, @all is set. */
int px_cli_export_format (PxCliContext *ctx, const char *format, const char *document, const char *event,
                          const char *tag, gboolean all, const char *output);

/* The verbs, one file each. */
int px_cli_agreement (PxCliContext *ctx, int argc, char **argv);
int px_cli_annotate (PxCliContext *ctx, int argc, char **argv);
int px_cli_annotations (PxCliContext *ctx, int argc, char **argv);
int px_cli_check (PxCliContext *ctx, int argc, char **argv);
int px_cli_coder (PxCliContext *ctx, int argc, char **argv);
int px_cli_compare (PxCliContext *ctx, int argc, char **argv);
int px_cli_event (PxCliContext *ctx, int argc, char **argv);
int px_cli_events (PxCliContext *ctx, int argc, char **argv);
int px_cli_export (PxCliContext *ctx, int argc, char **argv);
int px_cli_import (PxCliContext *ctx, int argc, char **argv);
int px_cli_import_annotations (PxCliContext *ctx, int argc, char **argv);
int px_cli_import_package (PxCliContext *ctx, int argc, char **argv);
int px_cli_list (PxCliContext *ctx, int argc, char **argv);
int px_cli_versions (PxCliContext *ctx, int argc, char **argv);
int px_cli_note (PxCliContext *ctx, int argc, char **argv);
int px_cli_show (PxCliContext *ctx, int argc, char **argv);

G_END_DECLS
