/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A Snowball stemmer for one language with a cache of the words it has
 * seen. Not thread-safe (neither is libstemmer): give each worker thread its
 * own. */
typedef struct _PxStemmer PxStemmer;

/* @language is a BCP 47 tag ("en", "de-AT") or NULL; a language Snowball
 * does not know falls back to English. */
PxStemmer *px_stemmer_new (const char *language);
void px_stemmer_free (PxStemmer *self);

/* The Snowball language actually used ("english", "german", …). */
const char *px_stemmer_get_language (PxStemmer *self);

/* Stem of @norm (a normalized word). The returned string is owned by the
 * stemmer and lives as long as it does. */
const char *px_stemmer_stem (PxStemmer *self, const char *norm);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxStemmer, px_stemmer_free)

G_END_DECLS
