/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "library/px-document-item.h"

struct _PxDocumentItem
{
  GObject parent_instance;
  PxDocumentInfo *info;
  gboolean header;
  guint n_documents;
};

G_DEFINE_FINAL_TYPE (PxDocumentItem, px_document_item, G_TYPE_OBJECT)

static void
px_document_item_finalize (GObject *object)
{
  px_document_info_free (PX_DOCUMENT_ITEM (object)->info);
  G_OBJECT_CLASS (px_document_item_parent_class)->finalize (object);
}

static void
px_document_item_class_init (PxDocumentItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_document_item_finalize;
}

static void
px_document_item_init (PxDocumentItem *self)
{
}

PxDocumentItem *
px_document_item_new (PxDocumentInfo *info)
{
  PxDocumentItem *self;

  g_return_val_if_fail (info != NULL, NULL);
  self = g_object_new (PX_TYPE_DOCUMENT_ITEM, NULL);
  self->info = info;
  return self;
}

PxDocumentItem *
px_document_item_new_header (gint64 event_id, const char *event_title, guint n_documents)
{
  PxDocumentItem *self = g_object_new (PX_TYPE_DOCUMENT_ITEM, NULL);

  self->info = px_document_info_new (0, NULL, NULL, NULL, event_id, event_title);
  self->header = TRUE;
  self->n_documents = n_documents;
  return self;
}

gboolean
px_document_item_is_header (PxDocumentItem *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_ITEM (self), FALSE);
  return self->header;
}

const PxDocumentInfo *
px_document_item_get_info (PxDocumentItem *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_ITEM (self), NULL);
  return self->info;
}

gint64
px_document_item_get_id (PxDocumentItem *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_ITEM (self), 0);
  return self->info->id;
}

guint
px_document_item_get_n_documents (PxDocumentItem *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_ITEM (self), 0);
  return self->n_documents;
}
