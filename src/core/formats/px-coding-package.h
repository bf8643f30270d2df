/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "formats/px-format-set.h"

G_BEGIN_DECLS

/* A coding package (docs/agreement.md): one JSON file with the articles
 * of a study (clean text, blocks and metadata) and the codebook (colour
 * meanings, tags with their colours), from which each coder starts a
 * library of their own with the very same texts, so that their
 * highlights line up when the lead imports them. */

#define PX_CODING_PACKAGE_FORMAT "parallax-coding-package"

char *px_coding_package_write (const PxFormatSet *set);

typedef struct
{
  gint64 document_id;
  gboolean duplicate; /* the library had the article already */
  char *title;
} PxPackageArticle;

void px_package_article_free (PxPackageArticle *article);

/* Adds the package's articles (those the library has already are kept as
 * they are), its colour meanings and tags; when it holds more than one
 * article, they become one event named after the package. Fails with
 * G_IO_ERROR_INVALID_DATA, saying why, on anything but a valid package,
 * before changing the library. Returns PxPackageArticle*, in order. */
GPtrArray *px_coding_package_import (PxStore *store, const char *data, gsize length, GError **error);

G_END_DECLS
