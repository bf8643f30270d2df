/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "formats/px-format-set.h"

G_BEGIN_DECLS

/* The W3C Web Annotation JSON-LD context, and Parallax's own terms (a
 * highlight's colour and its meaning, the article's content hash). */
#define PX_W3C_CONTEXT "http://www.w3.org/ns/anno.jsonld"
#define PX_W3C_NAMESPACE "https://parallaxapp.github.io/ns/annotation#"

/* The highlights of @set as one AnnotationCollection whose first page
 * holds every Annotation (docs/w3c-annotations.md). */
char *px_w3c_export (const PxFormatSet *set);

G_END_DECLS
