/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the libFuzzer targets. Each target defines
 * LLVMFuzzerTestOneInput(); it is linked either with libFuzzer
 * (-Dfuzzing=true, clang; see tools/fuzz) or with px-fuzz-replay.c, which
 * feeds it the seed corpus and the regressions as an ordinary test. */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "documents/px-document.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Makes GLib criticals and warnings fatal, so a g_return_if_fail() hit
 * by hostile input counts as a crash. Call at the start of each input. */
void px_fuzz_init (void);

/* Aborts (a crash the fuzzer reports) when @cond is false. Unlike
 * g_assert(), never compiled away. */
#define PX_FUZZ_CHECK(cond)                     \
  G_STMT_START                                  \
  {                                             \
    if (G_UNLIKELY (!(cond)))                   \
      px_fuzz_fail (__FILE__, __LINE__, #cond); \
  }                                             \
  G_STMT_END

G_NORETURN void px_fuzz_fail (const char *file, int line, const char *what);

/* The invariants of every PxDocument an importer returns: valid UTF-8,
 * blocks in order, inside the text, joined by exactly "\n\n", no other
 * newline, and a blocks serialization that survives a round trip. */
void px_fuzz_check_document (PxDocument *doc);

/* A NUL-terminated copy of the input. */
char *px_fuzz_strndup (const uint8_t *data, size_t size);
