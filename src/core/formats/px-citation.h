/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "formats/px-format-set.h"

G_BEGIN_DECLS

/* Citations of articles for reference managers (docs/citations.md): each
 * article is a newspaper article (CSL "article-newspaper", RIS "NEWS",
 * BibTeX "@article") with its title, outlet as the container, authors,
 * date of publication, URL, language and the date it was imported as the
 * date accessed. */

/* One person's name, split as reference managers want it. "Jane Q. Doe"
 * → family "Doe", given "Jane Q."; one word (or an organisation) is
 * literal (family NULL). */
typedef struct
{
  char *family;
  char *given;
  char *literal;
} PxCitationName;

/* The authors of a document ("Jane Doe, John Smith and Ann Lee"). */
GArray *px_citation_split_authors (const char *authors);
void px_citation_names_free (GArray *names);

/* A date "YYYY[-MM[-DD]][Thh:mm…]" as its parts; returns how many (0 for
 * no date). */
guint px_citation_date_parts (const char *date, int parts[3]);

/* One key per document, unique in @set: family name of the first author
 * (else the outlet, else "article"), year, first word of the title:
 * "doe2026storm", then "doe2026storm-2"… ASCII only. */
GStrv px_citation_keys (const PxFormatSet *set);

char *px_citation_csl_json (const PxFormatSet *set);
char *px_citation_bibtex (const PxFormatSet *set);
char *px_citation_ris (const PxFormatSet *set);
/* One article as text a person pastes: Authors. “Title.” Outlet, date.
 * URL (accessed date). */
char *px_citation_text (PxDocument *document, const char *accessed);

G_END_DECLS
