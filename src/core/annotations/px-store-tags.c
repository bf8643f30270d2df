/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "annotations/px-store-annotations.h"
#include "library/px-store-private.h"

#define DEFAULT_TAG_COLOR "#8f8f8f"

void
px_tag_info_free (PxTagInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->color);
  g_free (info);
}

void
px_color_info_free (PxColorInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->meaning);
  g_free (info);
}

static void
tag_not_found (GError **error, gint64 id)
{
  g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_NOT_FOUND, _ ("There is no tag %lld"), (long long)id);
}

/* A name as it will be stored: trimmed, one line, not empty, not huge. */
static char *
clean_name (const char *name, GError **error)
{
  g_autofree char *clean = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("A tag name must be valid text"));
      return NULL;
    }
  clean = g_strstrip (g_strdup (name));
  g_strdelimit (clean, "\t\n\r", ' ');
  if (*clean == '\0')
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("A tag needs a name"));
      return NULL;
    }
  if (strlen (clean) > 200)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("A tag name must be at most 200 bytes"));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static gboolean
valid_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_color (const char *color, GError **error)
{
  if (valid_color (color))
    return TRUE;
  g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("“%s” is not a colour like #3584e4"),
               color ? color : "");
  return FALSE;
}

#define TAG_SELECT                                                                                 \
  "SELECT t.id, t.name, t.color, (SELECT count(*) FROM annotation_tags at WHERE at.tag_id = t.id)" \
  " FROM tags t"

static PxTagInfo *
tag_from_row (sqlite3_stmt *stmt)
{
  PxTagInfo *info = g_new0 (PxTagInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->name = _px_column_dup (stmt, 1);
  info->color = _px_column_dup (stmt, 2);
  info->n_annotations = sqlite3_column_int (stmt, 3);
  return info;
}

GPtrArray *
px_store_list_tags (PxStore *self, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)px_tag_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = _px_store_prepare (self, TAG_SELECT " ORDER BY t.name COLLATE NOCASE, t.id;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, tag_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

PxTagInfo *
px_store_get_tag (PxStore *self, gint64 id, GError **error)
{
  PxTagInfo *info = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  stmt = _px_store_prepare (self, TAG_SELECT " WHERE t.id = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    info = tag_from_row (stmt);
  else if (rc == SQLITE_DONE)
    tag_not_found (error, id);
  else
    _px_store_fail (self, rc, error);
  sqlite3_reset (stmt);
  return info;
}

static gint64
find_tag (PxStore *self, const char *name)
{
  sqlite3_stmt *stmt = _px_store_prepare (self, "SELECT id FROM tags WHERE name = ?1;", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static void
name_taken (GError **error, const char *name)
{
  g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_DUPLICATE, _ ("There is already a tag named “%s”"), name);
}

typedef struct
{
  gint64 id;
  gint64 other_id;
  const char *name;
  const char *color;
} TagData;

static gboolean
create_txn (PxStore *self, gpointer user_data, GError **error)
{
  TagData *data = user_data;
  g_autofree char *now = _px_store_now ();
  sqlite3_stmt *stmt;

  if (find_tag (self, data->name) != 0)
    {
      name_taken (error, data->name);
      return FALSE;
    }
  stmt = _px_store_prepare (self, "INSERT INTO tags (name, color, created) VALUES (?1, ?2, ?3);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, data->color, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  data->id = sqlite3_last_insert_rowid (_px_store_get_db (self));
  return TRUE;
}

gint64
px_store_create_tag (PxStore *self, const char *name, const char *color, GError **error)
{
  g_autofree char *clean = NULL;
  TagData data = { 0 };

  g_return_val_if_fail (PX_IS_STORE (self), 0);
  if (color == NULL)
    color = DEFAULT_TAG_COLOR;
  if ((clean = clean_name (name, error)) == NULL || !check_color (color, error))
    return 0;
  data.name = clean;
  data.color = color;
  if (!px_store_transaction (self, create_txn, &data, error))
    return 0;
  return data.id;
}

static gboolean
rename_txn (PxStore *self, gpointer user_data, GError **error)
{
  TagData *data = user_data;
  gint64 existing = find_tag (self, data->name);
  sqlite3_stmt *stmt;

  if (existing != 0 && existing != data->id)
    {
      name_taken (error, data->name);
      return FALSE;
    }
  stmt = _px_store_prepare (self, "UPDATE tags SET name = ?2 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  sqlite3_bind_text (stmt, 2, data->name, -1, SQLITE_TRANSIENT);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_px_store_get_db (self)) == 0)
    {
      tag_not_found (error, data->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_store_rename_tag (PxStore *self, gint64 id, const char *name, GError **error)
{
  g_autofree char *clean = NULL;
  TagData data = { id, 0, NULL, NULL };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if ((clean = clean_name (name, error)) == NULL)
    return FALSE;
  data.name = clean;
  return px_store_transaction (self, rename_txn, &data, error);
}

static gboolean
color_txn (PxStore *self, gpointer user_data, GError **error)
{
  TagData *data = user_data;
  sqlite3_stmt *stmt = _px_store_prepare (self, "UPDATE tags SET color = ?2 WHERE id = ?1;", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  sqlite3_bind_text (stmt, 2, data->color, -1, SQLITE_TRANSIENT);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_px_store_get_db (self)) == 0)
    {
      tag_not_found (error, data->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_store_set_tag_color (PxStore *self, gint64 id, const char *color, GError **error)
{
  TagData data = { id, 0, NULL, color };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!check_color (color, error))
    return FALSE;
  return px_store_transaction (self, color_txn, &data, error);
}

static gboolean
tag_exists (PxStore *self, gint64 id, GError **error)
{
  g_autoptr (PxTagInfo) info = px_store_get_tag (self, id, error);
  return info != NULL;
}

static gboolean
merge_txn (PxStore *self, gpointer user_data, GError **error)
{
  TagData *data = user_data;
  sqlite3_stmt *stmt;

  if (!tag_exists (self, data->id, error) || !tag_exists (self, data->other_id, error))
    return FALSE;
  stmt = _px_store_prepare (self,
                            "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id)"
                            " SELECT annotation_id, ?2 FROM annotation_tags WHERE tag_id = ?1;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  sqlite3_bind_int64 (stmt, 2, data->other_id);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  stmt = _px_store_prepare (self, "DELETE FROM tags WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  return _px_store_step_done (self, stmt, error);
}

gboolean
px_store_merge_tags (PxStore *self, gint64 from_id, gint64 into_id, GError **error)
{
  TagData data = { from_id, into_id, NULL, NULL };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (from_id == into_id)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("A tag cannot be merged into itself"));
      return FALSE;
    }
  return px_store_transaction (self, merge_txn, &data, error);
}

static gboolean
delete_tag_txn (PxStore *self, gpointer user_data, GError **error)
{
  TagData *data = user_data;
  sqlite3_stmt *stmt = _px_store_prepare (self, "DELETE FROM tags WHERE id = ?1;", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (!_px_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_px_store_get_db (self)) == 0)
    {
      tag_not_found (error, data->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
px_store_delete_tag (PxStore *self, gint64 id, GError **error)
{
  TagData data = { id, 0, NULL, NULL };

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  return px_store_transaction (self, delete_tag_txn, &data, error);
}

GStrv
px_store_complete_tags (PxStore *self, const char *prefix, guint limit, GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GString) pattern = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  if (prefix == NULL || !g_utf8_validate (prefix, -1, NULL))
    prefix = "";
  /* LIKE with an escape, so that "%" and "_" in a name are plain text. */
  for (const char *p = prefix; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  stmt = _px_store_prepare (self,
                            "SELECT t.name FROM tags t LEFT JOIN annotation_tags at ON at.tag_id = t.id"
                            " WHERE t.name LIKE ?1 ESCAPE '\\' GROUP BY t.id"
                            " ORDER BY count(at.tag_id) DESC, t.name COLLATE NOCASE LIMIT ?2;",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, pattern->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);
  if (!_px_store_collect_strings (self, stmt, builder, error))
    return NULL;
  return g_strv_builder_end (builder);
}

GPtrArray *
px_store_list_colors (PxStore *self, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)px_color_info_free);
  const char *const *names = px_annotation_color_names ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PX_IS_STORE (self), NULL);
  /* Always the six colours in order, with meanings where the library has
   * them. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      PxColorInfo *info = g_new0 (PxColorInfo, 1);
      info->name = g_strdup (names[i]);
      info->meaning = g_strdup ("");
      g_ptr_array_add (out, info);
    }
  stmt = _px_store_prepare (self, "SELECT name, meaning FROM colors;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);
      for (guint i = 0; i < out->len; i++)
        {
          PxColorInfo *info = g_ptr_array_index (out, i);
          if (g_strcmp0 (info->name, name) == 0)
            {
              g_free (info->meaning);
              info->meaning = _px_column_dup (stmt, 1);
            }
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _px_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

typedef struct
{
  const char *name;
  const char *meaning;
} MeaningData;

static gboolean
meaning_txn (PxStore *self, gpointer user_data, GError **error)
{
  MeaningData *data = user_data;
  const char *const *names = px_annotation_color_names ();
  sqlite3_stmt *stmt;
  guint position = 0;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], data->name) == 0)
      position = i + 1;
  stmt = _px_store_prepare (self,
                            "INSERT INTO colors (name, position, meaning) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT (name) DO UPDATE SET meaning = excluded.meaning;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, data->meaning, -1, SQLITE_TRANSIENT);
  return _px_store_step_done (self, stmt, error);
}

gboolean
px_store_set_color_meaning (PxStore *self, const char *name, const char *meaning, GError **error)
{
  g_autofree char *clean = NULL;
  MeaningData data;

  g_return_val_if_fail (PX_IS_STORE (self), FALSE);
  if (!px_annotation_color_is_valid (name))
    {
      g_set_error (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID, _ ("“%s” is not a highlight colour"),
                   name ? name : "");
      return FALSE;
    }
  if (meaning == NULL)
    meaning = "";
  if (!g_utf8_validate (meaning, -1, NULL) || strlen (meaning) > 200)
    {
      g_set_error_literal (error, PX_STORE_ERROR, PX_STORE_ERROR_INVALID,
                           _ ("A colour’s meaning must be valid text of at most 200 bytes"));
      return FALSE;
    }
  clean = g_strstrip (g_strdup (meaning));
  g_strdelimit (clean, "\t\n\r", ' ');
  data.name = name;
  data.meaning = clean;
  return px_store_transaction (self, meaning_txn, &data, error);
}
