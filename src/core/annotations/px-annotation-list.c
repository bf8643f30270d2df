/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "annotations/px-annotation-list.h"

#include <glib/gi18n-lib.h>

#include "annotations/px-store-annotations.h"

struct _PxAnnotationList
{
  GObject parent_instance;

  PxStore *store;
  gint64 document_id;
  PxUndoStack *undo;
  GPtrArray *items; /* PxAnnotation, in text order */
};

static void px_annotation_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxAnnotationList, px_annotation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, px_annotation_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return PX_TYPE_ANNOTATION;
}

static guint
get_n_items (GListModel *model)
{
  return PX_ANNOTATION_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  PxAnnotationList *self = PX_ANNOTATION_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
px_annotation_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
px_annotation_list_finalize (GObject *object)
{
  PxAnnotationList *self = PX_ANNOTATION_LIST (object);

  g_ptr_array_unref (self->items);
  g_clear_object (&self->undo);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (px_annotation_list_parent_class)->finalize (object);
}

static void
px_annotation_list_class_init (PxAnnotationListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_annotation_list_finalize;
}

static void
px_annotation_list_init (PxAnnotationList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

PxAnnotationList *
px_annotation_list_new (PxStore *store, gint64 document_id, GError **error)
{
  g_autoptr (PxAnnotationList) self = NULL;
  g_autoptr (GPtrArray) found = NULL;

  g_return_val_if_fail (PX_IS_STORE (store), NULL);

  found = px_store_list_annotations (store, document_id, error);
  if (found == NULL)
    return NULL;
  self = g_object_new (PX_TYPE_ANNOTATION_LIST, NULL);
  self->store = g_object_ref (store);
  self->document_id = document_id;
  self->undo = px_undo_stack_new (store, document_id);
  g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&found));
  return g_steal_pointer (&self);
}

PxStore *
px_annotation_list_get_store (PxAnnotationList *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), NULL);
  return self->store;
}

gint64
px_annotation_list_get_document_id (PxAnnotationList *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), 0);
  return self->document_id;
}

PxUndoStack *
px_annotation_list_get_undo_stack (PxAnnotationList *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), NULL);
  return self->undo;
}

static gboolean
find_index (PxAnnotationList *self, gint64 id, guint *index)
{
  for (guint i = 0; i < self->items->len; i++)
    if (px_annotation_get_id (g_ptr_array_index (self->items, i)) == id)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

PxAnnotation *
px_annotation_list_lookup (PxAnnotationList *self, gint64 id)
{
  guint i;

  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), NULL);
  return find_index (self, id, &i) ? g_ptr_array_index (self->items, i) : NULL;
}

guint
px_annotation_list_get_n_orphaned (PxAnnotationList *self)
{
  guint n = 0;

  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), 0);
  for (guint i = 0; i < self->items->len; i++)
    n += px_annotation_get_orphaned (g_ptr_array_index (self->items, i));
  return n;
}

/* Where @a belongs in text order (binary search). */
static guint
insertion_point (PxAnnotationList *self, PxAnnotation *a)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (px_annotation_compare (g_ptr_array_index (self->items, mid), a) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
insert_sorted (PxAnnotationList *self, PxAnnotation *a)
{
  guint pos = insertion_point (self, a);

  g_ptr_array_insert (self->items, pos, g_object_ref (a));
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
}

static void
remove_at (PxAnnotationList *self, guint index)
{
  g_ptr_array_remove_index (self->items, index);
  g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
}

/* Copies @values into the live object @a and moves it if its place in
 * text order changed; either way the list reports the item as changed, so
 * that filters look at it again. */
static void
update_item (PxAnnotationList *self, PxAnnotation *a, PxAnnotation *values)
{
  guint index;

  if (!find_index (self, px_annotation_get_id (a), &index))
    return;
  px_annotation_assign (a, values);
  if ((index > 0 && px_annotation_compare (g_ptr_array_index (self->items, index - 1), a) > 0) ||
      (index + 1 < self->items->len && px_annotation_compare (a, g_ptr_array_index (self->items, index + 1)) > 0))
    {
      /* The list's reference goes with the removal: hold one meanwhile. */
      PxAnnotation *held = g_object_ref (a);

      remove_at (self, index);
      insert_sorted (self, held);
      g_object_unref (held);
    }
  else
    g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 1);
}

typedef struct
{
  PxAnnotationList *self;
  PxAnnotation *before;
  PxAnnotation *after;
  const char *action;
  const char *merge_key;
} ChangeData;

static gboolean
add_txn (PxStore *store, gpointer user_data, GError **error)
{
  ChangeData *data = user_data;

  return px_store_add_annotation (store, data->after, error) &&
         px_undo_stack_record (data->self->undo, data->action, NULL, data->after, NULL, error);
}

gboolean
px_annotation_list_add (PxAnnotationList *self, PxAnnotation *annotation, GError **error)
{
  ChangeData data = { self, NULL, annotation, "create", NULL };

  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (px_annotation_get_id (annotation) == 0, FALSE);

  px_annotation_set_document_id (annotation, self->document_id);
  if (!px_store_transaction (self->store, add_txn, &data, error))
    {
      px_annotation_set_id (annotation, 0);
      px_undo_stack_refresh (self->undo);
      return FALSE;
    }
  insert_sorted (self, annotation);
  return TRUE;
}

static gboolean
update_txn (PxStore *store, gpointer user_data, GError **error)
{
  ChangeData *data = user_data;

  return px_store_update_annotation (store, data->after, error) &&
         px_undo_stack_record (data->self->undo, data->action, data->before, data->after, data->merge_key, error);
}

/* Saves @after (a changed copy of @a) with its undo step, then shows it. */
static gboolean
commit_update (PxAnnotationList *self, PxAnnotation *a, PxAnnotation *after, const char *action, const char *merge_key,
               GError **error)
{
  g_autoptr (PxAnnotation) before = px_annotation_copy (a);
  ChangeData data = { self, before, after, action, merge_key };

  if (px_annotation_equal (before, after))
    return TRUE;
  if (!px_store_transaction (self->store, update_txn, &data, error))
    {
      px_undo_stack_refresh (self->undo);
      return FALSE;
    }
  update_item (self, a, after);
  return TRUE;
}

gboolean
px_annotation_list_set_color (PxAnnotationList *self, PxAnnotation *annotation, const char *color, GError **error)
{
  g_autoptr (PxAnnotation) after = NULL;

  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);
  if (!px_annotation_color_is_valid (color))
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("“%s” is not a highlight colour"),
                   color ? color : "");
      return FALSE;
    }
  after = px_annotation_copy (annotation);
  px_annotation_set_color (after, color);
  return commit_update (self, annotation, after, "color", NULL, error);
}

gboolean
px_annotation_list_set_note (PxAnnotationList *self, PxAnnotation *annotation, const char *note, GError **error)
{
  g_autoptr (PxAnnotation) after = NULL;

  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);
  after = px_annotation_copy (annotation);
  px_annotation_set_note (after, note);
  return commit_update (self, annotation, after, "note", "note", error);
}

gboolean
px_annotation_list_set_note_language (PxAnnotationList *self, PxAnnotation *annotation, const char *language,
                                      GError **error)
{
  g_autoptr (PxAnnotation) after = NULL;

  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);
  after = px_annotation_copy (annotation);
  px_annotation_set_note_language (after, language);
  return commit_update (self, annotation, after, "language", NULL, error);
}

gboolean
px_annotation_list_set_tags (PxAnnotationList *self, PxAnnotation *annotation, const char *const *tags, GError **error)
{
  g_autoptr (PxAnnotation) after = NULL;

  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);
  after = px_annotation_copy (annotation);
  px_annotation_set_tags (after, tags);
  return commit_update (self, annotation, after, "tags", NULL, error);
}

gboolean
px_annotation_list_reattach (PxAnnotationList *self, PxAnnotation *annotation, const PxAnchorSelector *selector,
                             GError **error)
{
  g_autoptr (PxAnnotation) after = NULL;

  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (selector != NULL, FALSE);
  after = px_annotation_copy (annotation);
  px_annotation_set_selector (after, selector);
  px_annotation_set_orphaned (after, FALSE);
  return commit_update (self, annotation, after, "reattach", NULL, error);
}

static gboolean
remove_txn (PxStore *store, gpointer user_data, GError **error)
{
  ChangeData *data = user_data;

  /* Recorded first, while the stored highlight can still say whose it is. */
  return px_undo_stack_record (data->self->undo, data->action, data->before, NULL, NULL, error) &&
         px_store_delete_annotation (store, px_annotation_get_id (data->before), error);
}

gboolean
px_annotation_list_remove (PxAnnotationList *self, PxAnnotation *annotation, GError **error)
{
  g_autoptr (PxAnnotation) keep = NULL;
  ChangeData data = { self, annotation, NULL, "delete", NULL };
  guint index;

  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);

  keep = g_object_ref (annotation);
  if (!px_store_transaction (self->store, remove_txn, &data, error))
    {
      px_undo_stack_refresh (self->undo);
      return FALSE;
    }
  if (find_index (self, px_annotation_get_id (annotation), &index))
    remove_at (self, index);
  return TRUE;
}

/* Makes the list agree with the store about one annotation. */
static gboolean
sync_one (PxAnnotationList *self, gint64 id, PxAnnotation **out, GError **error)
{
  g_autoptr (PxAnnotation) fresh = NULL;
  g_autoptr (GError) local_error = NULL;
  PxAnnotation *existing = px_annotation_list_lookup (self, id);
  guint index;

  if (out != NULL)
    *out = NULL;
  fresh = px_store_get_annotation (self->store, id, &local_error);
  if (fresh == NULL && !g_error_matches (local_error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (fresh == NULL)
    {
      if (existing != NULL && find_index (self, id, &index))
        remove_at (self, index);
      return TRUE;
    }
  if (existing != NULL)
    update_item (self, existing, fresh);
  else
    insert_sorted (self, fresh);
  if (out != NULL)
    *out = existing != NULL ? existing : fresh;
  return TRUE;
}

static gboolean
undo_or_redo (PxAnnotationList *self, gboolean redo, PxAnnotation **annotation, GError **error)
{
  gint64 id = 0;
  gboolean ok = redo ? px_undo_stack_redo (self->undo, &id, error) : px_undo_stack_undo (self->undo, &id, error);

  if (annotation != NULL)
    *annotation = NULL;
  if (!ok)
    return FALSE;
  return sync_one (self, id, annotation, error);
}

gboolean
px_annotation_list_undo (PxAnnotationList *self, PxAnnotation **annotation, GError **error)
{
  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), FALSE);
  return undo_or_redo (self, FALSE, annotation, error);
}

gboolean
px_annotation_list_redo (PxAnnotationList *self, PxAnnotation **annotation, GError **error)
{
  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), FALSE);
  return undo_or_redo (self, TRUE, annotation, error);
}

gboolean
px_annotation_list_reload (PxAnnotationList *self, GError **error)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_len;

  g_return_val_if_fail (PX_IS_ANNOTATION_LIST (self), FALSE);
  found = px_store_list_annotations (self->store, self->document_id, error);
  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      PxAnnotation *fresh = g_ptr_array_index (found, i);
      PxAnnotation *existing = px_annotation_list_lookup (self, px_annotation_get_id (fresh));

      if (existing != NULL)
        {
          px_annotation_assign (existing, fresh);
          g_ptr_array_add (items, g_object_ref (existing));
        }
      else
        g_ptr_array_add (items, g_object_ref (fresh));
    }
  old_len = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  px_undo_stack_refresh (self->undo);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
  return TRUE;
}
