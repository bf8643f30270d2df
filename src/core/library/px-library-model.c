/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "library/px-library-model.h"

#define HEADER_ROW G_MAXUINT

typedef struct
{
  guint info;    /* index into infos, or HEADER_ROW */
  guint group;   /* for a header: index of the group's first info */
  guint n_group; /* for a header: documents shown in the group */
} Row;

struct _PxLibraryModel
{
  GObject parent_instance;

  GPtrArray *infos;      /* PxDocumentInfo, owned */
  GArray *rows;          /* Row: what is shown */
  GPtrArray *items;      /* weak cache per row: PxDocumentItem or NULL */
  GHashTable *positions; /* id → shown position + 1 */
  GHashTable *filter;    /* ids shown, or NULL for all */
  guint n_documents;
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
  return PX_LIBRARY_MODEL (model)->rows->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  PxLibraryModel *self = PX_LIBRARY_MODEL (model);
  PxDocumentItem *item;
  const Row *row;

  if (position >= self->rows->len)
    return NULL;
  /* Rows that are scrolled away drop their item; the weak pointer lets
   * the next request make a new one. */
  item = g_ptr_array_index (self->items, position);
  if (item != NULL)
    return g_object_ref (item);
  row = &g_array_index (self->rows, Row, position);
  if (row->info == HEADER_ROW)
    {
      const PxDocumentInfo *first = g_ptr_array_index (self->infos, row->group);
      item = px_document_item_new_header (first->event_id, first->event_title, row->n_group);
    }
  else
    item = px_document_item_new (px_document_info_copy (g_ptr_array_index (self->infos, row->info)));
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
  g_ptr_array_set_size (self->items, 0);
}

static gboolean
is_shown (PxLibraryModel *self, const PxDocumentInfo *info)
{
  return self->filter == NULL || g_hash_table_contains (self->filter, &info->id);
}

/* Recomputes the shown rows from infos and the filter, and tells the views
 * that everything changed. */
static void
rebuild (PxLibraryModel *self)
{
  guint removed = self->rows->len;
  gboolean grouped = FALSE;
  guint i = 0;

  clear_items (self);
  g_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->positions);
  self->n_documents = 0;

  for (guint k = 0; k < self->infos->len && !grouped; k++)
    grouped = ((const PxDocumentInfo *)g_ptr_array_index (self->infos, k))->event_id > 0;

  while (i < self->infos->len)
    {
      const PxDocumentInfo *first = g_ptr_array_index (self->infos, i);
      guint header_pos = self->rows->len;
      guint end = i;

      if (grouped)
        {
          Row header = { HEADER_ROW, i, 0 };
          g_array_append_val (self->rows, header);
        }
      /* Without groups, the whole list is one run. */
      while (end < self->infos->len &&
             (!grouped || ((const PxDocumentInfo *)g_ptr_array_index (self->infos, end))->event_id == first->event_id))
        {
          const PxDocumentInfo *info = g_ptr_array_index (self->infos, end);
          if (is_shown (self, info))
            {
              Row row = { end, 0, 0 };
              g_array_append_val (self->rows, row);
              g_hash_table_insert (self->positions, (gpointer)&info->id, GUINT_TO_POINTER (self->rows->len));
              self->n_documents++;
            }
          end++;
        }
      if (grouped)
        {
          guint n = self->rows->len - header_pos - 1;
          if (n == 0)
            g_array_set_size (self->rows, header_pos);
          else
            g_array_index (self->rows, Row, header_pos).n_group = n;
        }
      i = end;
    }
  g_ptr_array_set_size (self->items, self->rows->len);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rows->len);
}

static void
px_library_model_finalize (GObject *object)
{
  PxLibraryModel *self = PX_LIBRARY_MODEL (object);

  clear_items (self);
  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->positions);
  g_clear_pointer (&self->filter, g_hash_table_unref);
  g_array_unref (self->rows);
  g_ptr_array_unref (self->infos);
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
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->items = g_ptr_array_new ();
  /* Keys point into infos, which outlive the table's contents. */
  self->positions = g_hash_table_new (g_int64_hash, g_int64_equal);
}

PxLibraryModel *
px_library_model_new (void)
{
  return g_object_new (PX_TYPE_LIBRARY_MODEL, NULL);
}

void
px_library_model_set_rows (PxLibraryModel *self, GPtrArray *infos)
{
  g_autoptr (GPtrArray) old = NULL;

  g_return_if_fail (PX_IS_LIBRARY_MODEL (self));
  g_return_if_fail (infos != NULL);

  /* The position table points into the old rows until rebuild() clears
   * it, so they are freed only afterwards. */
  old = self->infos;
  self->infos = infos;
  rebuild (self);
}

void
px_library_model_set_filter (PxLibraryModel *self, GArray *ids)
{
  g_return_if_fail (PX_IS_LIBRARY_MODEL (self));

  if (ids == NULL && self->filter == NULL)
    return;
  g_clear_pointer (&self->filter, g_hash_table_unref);
  if (ids != NULL)
    {
      self->filter = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (self->filter, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
    }
  rebuild (self);
}

gboolean
px_library_model_is_filtered (PxLibraryModel *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY_MODEL (self), FALSE);
  return self->filter != NULL;
}

guint
px_library_model_find (PxLibraryModel *self, gint64 id)
{
  gpointer pos;

  g_return_val_if_fail (PX_IS_LIBRARY_MODEL (self), G_MAXUINT);
  pos = g_hash_table_lookup (self->positions, &id);
  return pos ? GPOINTER_TO_UINT (pos) - 1 : G_MAXUINT;
}

const PxDocumentInfo *
px_library_model_get_info (PxLibraryModel *self, guint position)
{
  const Row *row;

  g_return_val_if_fail (PX_IS_LIBRARY_MODEL (self), NULL);
  if (position >= self->rows->len)
    return NULL;
  row = &g_array_index (self->rows, Row, position);
  return row->info == HEADER_ROW ? NULL : g_ptr_array_index (self->infos, row->info);
}

guint
px_library_model_get_n_documents (PxLibraryModel *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY_MODEL (self), 0);
  return self->n_documents;
}

guint
px_library_model_get_n_total (PxLibraryModel *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY_MODEL (self), 0);
  return self->infos->len;
}
