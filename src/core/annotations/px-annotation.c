/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "annotations/px-annotation.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _PxAnnotation
{
  GObject parent_instance;

  gint64 id;
  gint64 document_id;
  guint start;
  guint end;
  char *quote;
  char *prefix;
  char *suffix;
  char *color;
  char *note;
  char *note_language;
  char **tags;
  gboolean orphaned;
  char *created;
  char *modified;
};

G_DEFINE_FINAL_TYPE (PxAnnotation, px_annotation, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_DOCUMENT_ID,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_COLOR,
  PROP_NOTE,
  PROP_NOTE_LANGUAGE,
  PROP_TAGS,
  PROP_ORPHANED,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const color_names[PX_N_COLORS + 1] = { "yellow", "green", "blue", "red", "purple", "grey", NULL };

const char *const *
px_annotation_color_names (void)
{
  return color_names;
}

gboolean
px_annotation_color_is_valid (const char *name)
{
  return name != NULL && g_strv_contains (color_names, name);
}

const char *
px_annotation_color_label (const char *name)
{
  static const char *const labels[PX_N_COLORS] = { N_ ("Yellow"), N_ ("Green"),  N_ ("Blue"),
                                                   N_ ("Red"),    N_ ("Purple"), N_ ("Grey") };

  for (guint i = 0; i < PX_N_COLORS; i++)
    if (g_strcmp0 (color_names[i], name) == 0)
      return _ (labels[i]);
  return name;
}

static void
px_annotation_finalize (GObject *object)
{
  PxAnnotation *self = PX_ANNOTATION (object);

  g_free (self->quote);
  g_free (self->prefix);
  g_free (self->suffix);
  g_free (self->color);
  g_free (self->note);
  g_free (self->note_language);
  g_strfreev (self->tags);
  g_free (self->created);
  g_free (self->modified);

  G_OBJECT_CLASS (px_annotation_parent_class)->finalize (object);
}

static void
px_annotation_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PxAnnotation *self = PX_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_START:
      g_value_set_uint (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint (value, self->end);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;
    case PROP_SUFFIX:
      g_value_set_string (value, self->suffix);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_NOTE_LANGUAGE:
      g_value_set_string (value, self->note_language);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_ORPHANED:
      g_value_set_boolean (value, self->orphaned);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_annotation_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PxAnnotation *self = PX_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      px_annotation_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_DOCUMENT_ID:
      px_annotation_set_document_id (self, g_value_get_int64 (value));
      break;
    case PROP_START:
      px_annotation_set_range (self, g_value_get_uint (value), MAX (self->end, g_value_get_uint (value)));
      break;
    case PROP_END:
      px_annotation_set_range (self, MIN (self->start, g_value_get_uint (value)), g_value_get_uint (value));
      break;
    case PROP_QUOTE:
      px_annotation_set_quote (self, g_value_get_string (value));
      break;
    case PROP_PREFIX:
      px_annotation_set_prefix (self, g_value_get_string (value));
      break;
    case PROP_SUFFIX:
      px_annotation_set_suffix (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      px_annotation_set_color (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      px_annotation_set_note (self, g_value_get_string (value));
      break;
    case PROP_NOTE_LANGUAGE:
      px_annotation_set_note_language (self, g_value_get_string (value));
      break;
    case PROP_TAGS:
      px_annotation_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_ORPHANED:
      px_annotation_set_orphaned (self, g_value_get_boolean (value));
      break;
    case PROP_CREATED:
      px_annotation_set_created (self, g_value_get_string (value));
      break;
    case PROP_MODIFIED:
      px_annotation_set_modified (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_annotation_class_init (PxAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = px_annotation_finalize;
  object_class->get_property = px_annotation_get_property;
  object_class->set_property = px_annotation_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DOCUMENT_ID] = g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, "", rw);
  properties[PROP_PREFIX] = g_param_spec_string ("prefix", NULL, NULL, "", rw);
  properties[PROP_SUFFIX] = g_param_spec_string ("suffix", NULL, NULL, "", rw);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, "yellow", rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw);
  properties[PROP_NOTE_LANGUAGE] = g_param_spec_string ("note-language", NULL, NULL, NULL, rw);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_ORPHANED] = g_param_spec_boolean ("orphaned", NULL, NULL, FALSE, rw);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, rw);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_annotation_init (PxAnnotation *self)
{
  self->quote = g_strdup ("");
  self->prefix = g_strdup ("");
  self->suffix = g_strdup ("");
  self->color = g_strdup ("yellow");
  self->note = g_strdup ("");
  self->tags = g_new0 (char *, 1);
}

PxAnnotation *
px_annotation_new (void)
{
  return g_object_new (PX_TYPE_ANNOTATION, NULL);
}

PxAnnotation *
px_annotation_new_for_text (const PxAnchorText *text, gint64 document_id, guint start, guint end, const char *color)
{
  PxAnnotation *self = px_annotation_new ();
  PxAnchorSelector selector = { 0 };

  g_return_val_if_fail (text != NULL, self);
  px_anchor_describe (text, start, end, &selector);
  px_annotation_set_selector (self, &selector);
  px_anchor_selector_clear (&selector);
  self->document_id = document_id;
  if (color != NULL)
    px_annotation_set_color (self, color);
  return self;
}

PxAnnotation *
px_annotation_new_for_range (PxDocument *doc, guint start, guint end, const char *color)
{
  PxAnnotation *self = px_annotation_new ();
  guint length;

  g_return_val_if_fail (PX_IS_DOCUMENT (doc), self);

  length = px_document_get_length (doc);
  end = MIN (end, length);
  start = MIN (start, end);
  /* One walk to the start of the context, then short ones: the text can
   * be megabytes long and this runs on every click. */
  {
    const char *text = px_document_get_text (doc);
    guint from = start > PX_ANCHOR_CONTEXT ? start - PX_ANCHOR_CONTEXT : 0;
    guint to = MIN (length, end + PX_ANCHOR_CONTEXT);
    const char *p_from = g_utf8_offset_to_pointer (text, from);
    const char *p_start = g_utf8_offset_to_pointer (p_from, start - from);
    const char *p_end = g_utf8_offset_to_pointer (p_start, end - start);
    const char *p_to = g_utf8_offset_to_pointer (p_end, to - end);

    self->start = start;
    self->end = end;
    g_free (self->quote);
    g_free (self->prefix);
    g_free (self->suffix);
    self->prefix = g_strndup (p_from, p_start - p_from);
    self->quote = g_strndup (p_start, p_end - p_start);
    self->suffix = g_strndup (p_end, p_to - p_end);
  }
  self->document_id = px_document_get_id (doc);
  if (color != NULL)
    px_annotation_set_color (self, color);
  return self;
}

PxAnnotation *
px_annotation_new_full (gint64 id, gint64 document_id, guint start, guint end, const char *quote, const char *prefix,
                        const char *suffix, const char *color, const char *note, const char *note_language,
                        gboolean orphaned, const char *created, const char *modified)
{
  PxAnnotation *self = px_annotation_new ();

  g_return_val_if_fail (start <= end, self);
  self->id = id;
  self->document_id = document_id;
  self->start = start;
  self->end = end;
  g_free (self->quote);
  self->quote = g_strdup (quote ? quote : "");
  g_free (self->prefix);
  self->prefix = g_strdup (prefix ? prefix : "");
  g_free (self->suffix);
  self->suffix = g_strdup (suffix ? suffix : "");
  if (px_annotation_color_is_valid (color))
    {
      g_free (self->color);
      self->color = g_strdup (color);
    }
  g_free (self->note);
  self->note = g_strdup (note ? note : "");
  self->note_language = note_language && *note_language ? g_strdup (note_language) : NULL;
  self->orphaned = !!orphaned;
  self->created = g_strdup (created);
  self->modified = g_strdup (modified);
  return self;
}

PxAnnotation *
px_annotation_copy (PxAnnotation *self)
{
  PxAnnotation *copy;

  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  copy = px_annotation_new ();
  copy->id = self->id;
  px_annotation_assign (copy, self);
  return copy;
}

void
px_annotation_assign (PxAnnotation *self, PxAnnotation *other)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  g_return_if_fail (PX_IS_ANNOTATION (other));

  g_object_freeze_notify (G_OBJECT (self));
  px_annotation_set_document_id (self, other->document_id);
  px_annotation_set_range (self, other->start, other->end);
  px_annotation_set_quote (self, other->quote);
  px_annotation_set_prefix (self, other->prefix);
  px_annotation_set_suffix (self, other->suffix);
  px_annotation_set_color (self, other->color);
  px_annotation_set_note (self, other->note);
  px_annotation_set_note_language (self, other->note_language);
  px_annotation_set_tags (self, (const char *const *)other->tags);
  px_annotation_set_orphaned (self, other->orphaned);
  px_annotation_set_created (self, other->created);
  px_annotation_set_modified (self, other->modified);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
strv_equal (char **a, char **b)
{
  return g_strv_equal ((const char *const *)a, (const char *const *)b);
}

gboolean
px_annotation_equal (PxAnnotation *a, PxAnnotation *b)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (a) && PX_IS_ANNOTATION (b), FALSE);
  return a->id == b->id && a->document_id == b->document_id && a->start == b->start && a->end == b->end &&
         g_strcmp0 (a->quote, b->quote) == 0 && g_strcmp0 (a->prefix, b->prefix) == 0 &&
         g_strcmp0 (a->suffix, b->suffix) == 0 && g_strcmp0 (a->color, b->color) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 && g_strcmp0 (a->note_language, b->note_language) == 0 &&
         strv_equal (a->tags, b->tags) && a->orphaned == b->orphaned;
}

/* Sets a string field; returns TRUE (and notifies) when it changed. */
static gboolean
set_string (PxAnnotation *self, char **field, const char *value, const char *fallback, int prop)
{
  if (value == NULL)
    value = fallback;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

gint64
px_annotation_get_id (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->id;
}

void
px_annotation_set_id (PxAnnotation *self, gint64 id)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
px_annotation_get_document_id (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->document_id;
}

void
px_annotation_set_document_id (PxAnnotation *self, gint64 document_id)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  if (self->document_id == document_id)
    return;
  self->document_id = document_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

guint
px_annotation_get_start (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->start;
}

guint
px_annotation_get_end (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);
  return self->end;
}

void
px_annotation_set_range (PxAnnotation *self, guint start, guint end)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  g_return_if_fail (start <= end);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
px_annotation_get_quote (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->quote;
}

void
px_annotation_set_quote (PxAnnotation *self, const char *quote)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  set_string (self, &self->quote, quote, "", PROP_QUOTE);
}

const char *
px_annotation_get_prefix (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->prefix;
}

void
px_annotation_set_prefix (PxAnnotation *self, const char *prefix)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  set_string (self, &self->prefix, prefix, "", PROP_PREFIX);
}

const char *
px_annotation_get_suffix (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->suffix;
}

void
px_annotation_set_suffix (PxAnnotation *self, const char *suffix)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  set_string (self, &self->suffix, suffix, "", PROP_SUFFIX);
}

const char *
px_annotation_get_color (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->color;
}

void
px_annotation_set_color (PxAnnotation *self, const char *color)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  g_return_if_fail (px_annotation_color_is_valid (color));
  set_string (self, &self->color, color, "yellow", PROP_COLOR);
}

const char *
px_annotation_get_note (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->note;
}

void
px_annotation_set_note (PxAnnotation *self, const char *note)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  set_string (self, &self->note, note, "", PROP_NOTE);
}

const char *
px_annotation_get_note_language (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->note_language;
}

void
px_annotation_set_note_language (PxAnnotation *self, const char *language)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  if (language != NULL && *language == '\0')
    language = NULL;
  set_string (self, &self->note_language, language, NULL, PROP_NOTE_LANGUAGE);
}

const char *const *
px_annotation_get_tags (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return (const char *const *)self->tags;
}

static int
compare_tag_names (gconstpointer a, gconstpointer b)
{
  g_autofree char *ka = g_utf8_casefold (*(const char *const *)a, -1);
  g_autofree char *kb = g_utf8_casefold (*(const char *const *)b, -1);
  int c = g_utf8_collate (ka, kb);
  return c != 0 ? c : strcmp (*(const char *const *)a, *(const char *const *)b);
}

void
px_annotation_set_tags (PxAnnotation *self, const char *const *tags)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (PX_IS_ANNOTATION (self));

  /* Tags are names in a codebook: trimmed, no empty ones, each once
   * (ignoring case, as the store does). */
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (tags[i]));
      gboolean seen = FALSE;

      if (*name == '\0')
        continue;
      for (guint j = 0; j < sorted->len && !seen; j++)
        seen = g_ascii_strcasecmp (g_ptr_array_index (sorted, j), name) == 0;
      if (!seen)
        g_ptr_array_add (sorted, g_steal_pointer (&name));
    }
  g_ptr_array_sort (sorted, compare_tag_names);
  g_ptr_array_add (sorted, NULL);
  if (g_strv_equal ((const char *const *)sorted->pdata, (const char *const *)self->tags))
    return;
  g_strfreev (self->tags);
  self->tags = (char **)g_ptr_array_free (g_steal_pointer (&sorted), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
px_annotation_has_tag (PxAnnotation *self, const char *tag)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), FALSE);
  for (guint i = 0; self->tags[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->tags[i], tag) == 0)
      return TRUE;
  return FALSE;
}

gboolean
px_annotation_get_orphaned (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), FALSE);
  return self->orphaned;
}

void
px_annotation_set_orphaned (PxAnnotation *self, gboolean orphaned)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  orphaned = !!orphaned;
  if (self->orphaned == orphaned)
    return;
  self->orphaned = orphaned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORPHANED]);
}

const char *
px_annotation_get_created (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->created;
}

void
px_annotation_set_created (PxAnnotation *self, const char *created)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  set_string (self, &self->created, created, NULL, PROP_CREATED);
}

const char *
px_annotation_get_modified (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->modified;
}

void
px_annotation_set_modified (PxAnnotation *self, const char *modified)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  set_string (self, &self->modified, modified, NULL, PROP_MODIFIED);
}

void
px_annotation_get_selector (PxAnnotation *self, PxAnchorSelector *selector)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  selector->start = self->start;
  selector->end = self->end;
  selector->quote = self->quote;
  selector->prefix = self->prefix;
  selector->suffix = self->suffix;
}

void
px_annotation_set_selector (PxAnnotation *self, const PxAnchorSelector *selector)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  g_object_freeze_notify (G_OBJECT (self));
  px_annotation_set_range (self, selector->start, selector->end);
  px_annotation_set_quote (self, selector->quote);
  px_annotation_set_prefix (self, selector->prefix);
  px_annotation_set_suffix (self, selector->suffix);
  g_object_thaw_notify (G_OBJECT (self));
}

int
px_annotation_compare (gconstpointer a, gconstpointer b)
{
  PxAnnotation *x = (PxAnnotation *)a, *y = (PxAnnotation *)b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}
