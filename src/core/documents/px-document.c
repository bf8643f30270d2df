/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "documents/px-document.h"

#include <stdio.h>
#include <string.h>

struct _PxDocument
{
  GObject parent_instance;

  gint64 id;
  gint64 event_id;
  char *title;
  char *outlet;
  char *author;
  char *published;
  char *url;
  char *language;
  char *source;
  char *source_kind;
  char *import_note;
  char *imported;
  GBytes *raw;

  GString *text;
  guint length; /* code points in text */
  GArray *blocks;
};

G_DEFINE_FINAL_TYPE (PxDocument, px_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_AUTHOR,
  PROP_PUBLISHED,
  PROP_URL,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_document_finalize (GObject *object)
{
  PxDocument *self = PX_DOCUMENT (object);

  g_free (self->title);
  g_free (self->outlet);
  g_free (self->author);
  g_free (self->published);
  g_free (self->url);
  g_free (self->language);
  g_free (self->source);
  g_free (self->source_kind);
  g_free (self->import_note);
  g_free (self->imported);
  g_clear_pointer (&self->raw, g_bytes_unref);
  g_string_free (self->text, TRUE);
  g_array_unref (self->blocks);

  G_OBJECT_CLASS (px_document_parent_class)->finalize (object);
}

static void
px_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PxDocument *self = PX_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_document_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PxDocument *self = PX_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      px_document_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      px_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_OUTLET:
      px_document_set_outlet (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      px_document_set_author (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHED:
      px_document_set_published (self, g_value_get_string (value));
      break;
    case PROP_URL:
      px_document_set_url (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      px_document_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_document_class_init (PxDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_document_finalize;
  object_class->get_property = px_document_get_property;
  object_class->set_property = px_document_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
#define STRING_PROP(p, name)                                   \
  properties[p] = g_param_spec_string (name, NULL, NULL, NULL, \
                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
  STRING_PROP (PROP_TITLE, "title");
  STRING_PROP (PROP_OUTLET, "outlet");
  STRING_PROP (PROP_AUTHOR, "author");
  STRING_PROP (PROP_PUBLISHED, "published");
  STRING_PROP (PROP_URL, "url");
  STRING_PROP (PROP_LANGUAGE, "language");
#undef STRING_PROP

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_document_init (PxDocument *self)
{
  self->text = g_string_new (NULL);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (PxBlock));
}

PxDocument *
px_document_new (void)
{
  return g_object_new (PX_TYPE_DOCUMENT, NULL);
}

gint64
px_document_get_id (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);
  return self->id;
}

void
px_document_set_id (PxDocument *self, gint64 id)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
px_document_get_event_id (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);
  return self->event_id;
}

void
px_document_set_event_id (PxDocument *self, gint64 event_id)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));
  self->event_id = event_id;
}

/* Empty strings are stored as NULL so that "not known" has one spelling. */
static gboolean
replace_string (char **field, const char *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                         \
  const char *px_document_get_##field (PxDocument *self)             \
  {                                                                  \
    g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);              \
    return self->field;                                              \
  }                                                                  \
  void px_document_set_##field (PxDocument *self, const char *value) \
  {                                                                  \
    g_return_if_fail (PX_IS_DOCUMENT (self));                        \
    if (replace_string (&self->field, value) && PROP != PROP_0)      \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);  \
  }

DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (outlet, PROP_OUTLET)
DEFINE_STRING_ACCESSORS (author, PROP_AUTHOR)
DEFINE_STRING_ACCESSORS (published, PROP_PUBLISHED)
DEFINE_STRING_ACCESSORS (url, PROP_URL)
DEFINE_STRING_ACCESSORS (language, PROP_LANGUAGE)
DEFINE_STRING_ACCESSORS (source, PROP_0)
DEFINE_STRING_ACCESSORS (source_kind, PROP_0)
DEFINE_STRING_ACCESSORS (import_note, PROP_0)
DEFINE_STRING_ACCESSORS (imported, PROP_0)

GBytes *
px_document_get_raw (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  return self->raw;
}

void
px_document_set_raw (PxDocument *self, GBytes *raw)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));
  if (raw != NULL)
    g_bytes_ref (raw);
  g_clear_pointer (&self->raw, g_bytes_unref);
  self->raw = raw;
}

const char *
px_document_get_text (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  return self->text->str;
}

guint
px_document_get_length (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);
  return self->length;
}

guint
px_document_get_n_blocks (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);
  return self->blocks->len;
}

const PxBlock *
px_document_get_block (PxDocument *self, guint index)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return &g_array_index (self->blocks, PxBlock, index);
}

guint
px_document_find_block (PxDocument *self, guint offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);
  if (self->blocks->len == 0)
    return 0;

  /* Binary search for the last block starting at or before offset. */
  hi = self->blocks->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (self->blocks, PxBlock, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

gboolean
px_document_append_block (PxDocument *self, PxBlockKind kind, const char *text)
{
  g_autoptr (GString) clean = g_string_new (NULL);
  gboolean pending_space = FALSE;
  PxBlock block;

  g_return_val_if_fail (PX_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), FALSE);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Zero-width and control characters would make offsets invisible
       * to the reader; a no-break space reads like a space. */
      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          pending_space = clean->len > 0;
          continue;
        }
      if (c == 0x200B || c == 0xFEFF || c == 0x00AD || (g_unichar_iscntrl (c)))
        continue;
      if (pending_space)
        g_string_append_c (clean, ' ');
      pending_space = FALSE;
      g_string_append_unichar (clean, c);
    }

  if (clean->len == 0)
    return FALSE;

  if (self->blocks->len > 0)
    {
      g_string_append (self->text, "\n\n");
      self->length += 2;
    }
  block.kind = kind;
  block.start = self->length;
  self->length += g_utf8_strlen (clean->str, clean->len);
  block.end = self->length;
  g_string_append_len (self->text, clean->str, clean->len);
  g_array_append_val (self->blocks, block);
  return TRUE;
}

void
px_document_set_content (PxDocument *self, const char *text, const PxBlock *blocks, guint n_blocks)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  g_string_assign (self->text, text);
  self->length = g_utf8_strlen (text, -1);
  g_array_set_size (self->blocks, 0);
  for (guint i = 0; i < n_blocks; i++)
    {
      /* Never trust stored offsets blindly: clamp them to the text. */
      PxBlock b = blocks[i];
      b.end = MIN (b.end, self->length);
      b.start = MIN (b.start, b.end);
      g_array_append_val (self->blocks, b);
    }
}

char *
px_document_compute_hash (PxDocument *self)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  if (self->title != NULL)
    g_checksum_update (sum, (const guchar *)self->title, strlen (self->title));
  g_checksum_update (sum, (const guchar *)"\n", 1);
  g_checksum_update (sum, (const guchar *)self->text->str, self->text->len);
  return g_strdup (g_checksum_get_string (sum));
}

static const char block_letters[] = { 'p', 'h', 'l', 'q' };

char *
px_blocks_serialize (const PxBlock *blocks, guint n_blocks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_blocks; i++)
    g_string_append_printf (out, "%c %u %u\n", block_letters[blocks[i].kind], blocks[i].start, blocks[i].end);
  return g_string_free (out, FALSE);
}

GArray *
px_blocks_parse (const char *serialized)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (PxBlock));
  g_auto (GStrv) lines = NULL;

  if (serialized == NULL)
    return blocks;
  lines = g_strsplit (serialized, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      PxBlock b = { PX_BLOCK_PARAGRAPH, 0, 0 };
      char kind;
      guint start, end;

      if (sscanf (lines[i], "%c %u %u", &kind, &start, &end) != 3 || end < start)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (block_letters); k++)
        if (block_letters[k] == kind)
          b.kind = k;
      b.start = start;
      b.end = end;
      g_array_append_val (blocks, b);
    }
  return blocks;
}

char *
px_document_get_slice (PxDocument *self, guint start, guint end)
{
  const char *s, *e;

  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  end = MIN (end, self->length);
  start = MIN (start, end);
  s = g_utf8_offset_to_pointer (self->text->str, start);
  e = g_utf8_offset_to_pointer (s, end - start);
  return g_strndup (s, e - s);
}
