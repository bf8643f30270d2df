/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "annotations/px-annotation.h"
#include "library/px-store.h"
#include "annotations/px-undo-stack.h"

G_BEGIN_DECLS

/* The live annotations of one document: a GListModel of PxAnnotation in
 * text order, which views bind to. Every change goes through it: it saves
 * the change and its undo step in one transaction, then updates the
 * annotation objects (which notify) and the list (items-changed). Orphaned
 * annotations are in the list too; views put them apart. */
#define PX_TYPE_ANNOTATION_LIST (px_annotation_list_get_type ())
G_DECLARE_FINAL_TYPE (PxAnnotationList, px_annotation_list, PX, ANNOTATION_LIST, GObject)

PxAnnotationList *px_annotation_list_new (PxStore *store, gint64 document_id, GError **error);
PxStore *px_annotation_list_get_store (PxAnnotationList *self);
gint64 px_annotation_list_get_document_id (PxAnnotationList *self);
PxUndoStack *px_annotation_list_get_undo_stack (PxAnnotationList *self);

/* The annotation with this id, or NULL (borrowed). */
PxAnnotation *px_annotation_list_lookup (PxAnnotationList *self, gint64 id);
guint px_annotation_list_get_n_orphaned (PxAnnotationList *self);

/* Stores a new annotation (see px_annotation_new_for_range) and adds it. */
gboolean px_annotation_list_add (PxAnnotationList *self, PxAnnotation *annotation, GError **error);
gboolean px_annotation_list_set_color (PxAnnotationList *self, PxAnnotation *annotation, const char *color,
                                       GError **error);
/* Edits in quick succession merge into one undo step. */
gboolean px_annotation_list_set_note (PxAnnotationList *self, PxAnnotation *annotation, const char *note,
                                      GError **error);
gboolean px_annotation_list_set_note_language (PxAnnotationList *self, PxAnnotation *annotation, const char *language,
                                               GError **error);
gboolean px_annotation_list_set_tags (PxAnnotationList *self, PxAnnotation *annotation, const char *const *tags,
                                      GError **error);
/* Anchors an (orphaned) annotation to a new passage. */
gboolean px_annotation_list_reattach (PxAnnotationList *self, PxAnnotation *annotation,
                                      const PxAnchorSelector *selector, GError **error);
gboolean px_annotation_list_remove (PxAnnotationList *self, PxAnnotation *annotation, GError **error);

/* Undo and redo the document's annotation actions (see PxUndoStack). On
 * success *annotation (may be NULL) is the annotation that changed, or
 * NULL when it no longer exists. */
gboolean px_annotation_list_undo (PxAnnotationList *self, PxAnnotation **annotation, GError **error);
gboolean px_annotation_list_redo (PxAnnotationList *self, PxAnnotation **annotation, GError **error);

/* Reads everything again (after a tag was renamed or merged, or the text
 * was replaced). Objects of annotations that still exist are kept. */
gboolean px_annotation_list_reload (PxAnnotationList *self, GError **error);

G_END_DECLS
