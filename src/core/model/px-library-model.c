/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "model/px-library-model.h"

struct _PxLibraryModel
{
  GObject parent_instance;

  GPtrArray *infos;      /* PxDocumentInfo, owned */
  GPtrArray *items;      /* weak cache: PxDocumentItem or NULL */
  GHashTable *positions; /* id → position + 1 */
};

static void px_library_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxLibraryModel, px_library_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, px_library_model_list_init))

static GType
get_item_type (GListModel *model)
{
  return PX_TYPE_DOCUMENT_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return PX_LIBRARY_MODEL (model)->infos->len;
}

static PxDocumentInfo *
copy_info (const PxDocumentInfo *src)
{
  PxDocumentInfo *info = g_new0 (PxDocumentInfo, 1);

  *info = *src;
  info->title = g_strdup (src->title);
  info->outlet = g_strdup (src->outlet);
  info->author = g_strdup (src->author);
  info->published = g_strdup (src->published);
  info->event_title = g_strdup (src->event_title);
  return info;
}

static gpointer
get_item (GListModel *model, guint position)
{
  PxLibraryModel *self = PX_LIBRARY_MODEL (model);
  PxDocumentItem *item;

  if (position >= self->infos->len)
    return NULL;
  /* Rows that are scrolled away drop their item; the weak pointer lets
   * the next request make a new one. */
  item = g_ptr_array_index (self->items, position);
  if (item != NULL)
    return g_object_ref (item);
  item = px_document_item_new (copy_info (g_ptr_array_index (self->infos, position)));
  g_ptr_array_index (self->items, position) = item;
  g_object_add_weak_pointer (G_OBJECT (item), &g_ptr_array_index (self->items, position));
  return item;
}

static void
px_library_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
clear_items (PxLibraryModel *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      PxDocumentItem *item = g_ptr_array_index (self->items, i);
      if (item != NULL)
        g_object_remove_weak_pointer (G_OBJECT (item), &g_ptr_array_index (self->items, i));
    }
}

static void
px_library_model_finalize (GObject *object)
{
  PxLibraryModel *self = PX_LIBRARY_MODEL (object);

  clear_items (self);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->infos);
  g_hash_table_unref (self->positions);
  G_OBJECT_CLASS (px_library_model_parent_class)->finalize (object);
}

static void
px_library_model_class_init (PxLibraryModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_library_model_finalize;
}

static void
px_library_model_init (PxLibraryModel *self)
{
  self->infos = g_ptr_array_new_with_free_func ((GDestroyNotify)px_document_info_free);
  self->items = g_ptr_array_new ();
  self->positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

PxLibraryModel *
px_library_model_new (void)
{
  return g_object_new (PX_TYPE_LIBRARY_MODEL, NULL);
}

void
px_library_model_set_rows (PxLibraryModel *self, GPtrArray *infos)
{
  guint removed;

  g_return_if_fail (PX_IS_LIBRARY_MODEL (self));
  g_return_if_fail (infos != NULL);

  removed = self->infos->len;
  clear_items (self);
  g_ptr_array_unref (self->infos);
  self->infos = infos;
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->items, infos->len);
  g_hash_table_remove_all (self->positions);
  for (guint i = 0; i < infos->len; i++)
    {
      const PxDocumentInfo *info = g_ptr_array_index (infos, i);
      g_hash_table_insert (self->positions, g_memdup2 (&info->id, sizeof info->id), GUINT_TO_POINTER (i + 1));
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, infos->len);
}

guint
px_library_model_find (PxLibraryModel *self, gint64 id)
{
  gpointer pos;

  g_return_val_if_fail (PX_IS_LIBRARY_MODEL (self), G_MAXUINT);
  pos = g_hash_table_lookup (self->positions, &id);
  return pos ? GPOINTER_TO_UINT (pos) - 1 : G_MAXUINT;
}
