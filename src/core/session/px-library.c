/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "session/px-library.h"

#include <glib/gi18n-lib.h>

struct _PxLibrary
{
  GObject parent_instance;

  char *path;
  PxStore *store;
  PxStoreAccess access; /* as last notified */
  PxDocument *document;
  gint64 event_id;
};

G_DEFINE_FINAL_TYPE (PxLibrary, px_library, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PATH,
  PROP_STORE,
  PROP_ACCESS,
  PROP_WRITABLE,
  PROP_READ_ONLY_REASON,
  PROP_DOCUMENT,
  PROP_EVENT_ID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

const char *
px_library_reason_for (PxStoreAccess access)
{
  switch (access)
    {
    case PX_STORE_ACCESS_WRITABLE:
      return NULL;
    case PX_STORE_ACCESS_READ_ONLY_LOCKED:
      return _ ("Another program has the library locked");
    case PX_STORE_ACCESS_READ_ONLY_OUTDATED:
      return _ ("The library could not be updated for this version of Parallax");
    case PX_STORE_ACCESS_READ_ONLY_DAMAGED:
      return _ ("The library is damaged, so nothing more is saved to it");
    default:
      return _ ("The library is read-only");
    }
}

/* The access properties follow the store's state, which changes when a
 * store is set or writes are forbidden. */
static void
update_access (PxLibrary *self)
{
  PxStoreAccess access = self->store ? px_store_get_access (self->store) : PX_STORE_ACCESS_WRITABLE;

  if (access == self->access)
    return;
  self->access = access;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY_REASON]);
}

static void
set_event_id (PxLibrary *self, gint64 event_id)
{
  if (self->event_id == event_id)
    return;
  self->event_id = event_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

static void
lookup_event (PxLibrary *self)
{
  g_autoptr (PxDocumentInfo) info = NULL;

  if (self->document != NULL && self->store != NULL)
    info = px_store_get_document_info (self->store, px_document_get_id (self->document), NULL);
  set_event_id (self, info ? info->event_id : 0);
}

PxLibrary *
px_library_new (void)
{
  return g_object_new (PX_TYPE_LIBRARY, NULL);
}

void
px_library_set_path (PxLibrary *self, const char *path)
{
  g_return_if_fail (PX_IS_LIBRARY (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  px_library_set_store (self, NULL);
  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
px_library_get_path (PxLibrary *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY (self), NULL);
  return self->path;
}

void
px_library_set_store (PxLibrary *self, PxStore *store)
{
  gboolean was_writable;

  g_return_if_fail (PX_IS_LIBRARY (self));
  g_return_if_fail (store == NULL || PX_IS_STORE (store));

  if (self->store == store)
    return;
  was_writable = px_library_get_writable (self);
  g_object_freeze_notify (G_OBJECT (self));
  /* The document shown was read from the old connection. */
  px_library_set_document (self, NULL);
  g_set_object (&self->store, store);
  if (store != NULL && g_strcmp0 (self->path, px_store_get_path (store)) != 0)
    {
      g_free (self->path);
      self->path = g_strdup (px_store_get_path (store));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  /* The reason also depends on there being a store. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY_REASON]);
  update_access (self);
  if (was_writable != px_library_get_writable (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITABLE]);
  g_object_thaw_notify (G_OBJECT (self));
}

PxStore *
px_library_get_store (PxLibrary *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY (self), NULL);
  return self->store;
}

PxStoreAccess
px_library_get_access (PxLibrary *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY (self), PX_STORE_ACCESS_WRITABLE);
  return self->access;
}

gboolean
px_library_get_writable (PxLibrary *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY (self), FALSE);
  return self->store != NULL && self->access == PX_STORE_ACCESS_WRITABLE;
}

const char *
px_library_get_read_only_reason (PxLibrary *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY (self), NULL);
  return self->store ? px_library_reason_for (self->access) : NULL;
}

void
px_library_forbid_writes (PxLibrary *self, PxStoreAccess reason)
{
  gboolean was_writable;

  g_return_if_fail (PX_IS_LIBRARY (self));
  if (self->store == NULL)
    return;
  was_writable = px_library_get_writable (self);
  px_store_forbid_writes (self->store, reason);
  g_object_freeze_notify (G_OBJECT (self));
  update_access (self);
  if (was_writable != px_library_get_writable (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITABLE]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
px_library_set_document (PxLibrary *self, PxDocument *document)
{
  g_return_if_fail (PX_IS_LIBRARY (self));
  g_return_if_fail (document == NULL || PX_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->document, document);
  lookup_event (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_thaw_notify (G_OBJECT (self));
}

PxDocument *
px_library_get_document (PxLibrary *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY (self), NULL);
  return self->document;
}

gint64
px_library_get_event_id (PxLibrary *self)
{
  g_return_val_if_fail (PX_IS_LIBRARY (self), 0);
  return self->event_id;
}

void
px_library_changed (PxLibrary *self)
{
  g_return_if_fail (PX_IS_LIBRARY (self));
  lookup_event (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
px_library_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PxLibrary *self = PX_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ACCESS:
      g_value_set_int (value, self->access);
      break;
    case PROP_WRITABLE:
      g_value_set_boolean (value, px_library_get_writable (self));
      break;
    case PROP_READ_ONLY_REASON:
      g_value_set_string (value, px_library_get_read_only_reason (self));
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_library_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PxLibrary *self = PX_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      px_library_set_path (self, g_value_get_string (value));
      break;
    case PROP_STORE:
      px_library_set_store (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT:
      px_library_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_library_dispose (GObject *object)
{
  PxLibrary *self = PX_LIBRARY (object);

  g_clear_object (&self->document);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (px_library_parent_class)->dispose (object);
}

static void
px_library_finalize (GObject *object)
{
  PxLibrary *self = PX_LIBRARY (object);

  g_free (self->path);
  G_OBJECT_CLASS (px_library_parent_class)->finalize (object);
}

static void
px_library_class_init (PxLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = px_library_get_property;
  object_class->set_property = px_library_set_property;
  object_class->dispose = px_library_dispose;
  object_class->finalize = px_library_finalize;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, rw);
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, PX_TYPE_STORE, rw);
  properties[PROP_ACCESS] = g_param_spec_int ("access", NULL, NULL, 0, G_MAXINT, PX_STORE_ACCESS_WRITABLE, ro);
  properties[PROP_WRITABLE] = g_param_spec_boolean ("writable", NULL, NULL, FALSE, ro);
  properties[PROP_READ_ONLY_REASON] = g_param_spec_string ("read-only-reason", NULL, NULL, NULL, ro);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, PX_TYPE_DOCUMENT, rw);
  properties[PROP_EVENT_ID] = g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
      g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
px_library_init (PxLibrary *self)
{
  self->access = PX_STORE_ACCESS_WRITABLE;
}
