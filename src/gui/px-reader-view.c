/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui/px-reader-view.h"

#include <glib/gi18n.h>
#include <stdio.h>

struct _PxReaderView
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkLabel *title_label;
  GtkLabel *byline_label;
  GtkTextView *text_view;
  PxDocument *document;
};

G_DEFINE_FINAL_TYPE (PxReaderView, px_reader_view, GTK_TYPE_WIDGET)

static void
px_reader_view_dispose (GObject *object)
{
  PxReaderView *self = PX_READER_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_READER_VIEW);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (px_reader_view_parent_class)->dispose (object);
}

static void
px_reader_view_class_init (PxReaderViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = px_reader_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallaxapp/Parallax/px-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, byline_label);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, text_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "readerview");
}

static void
px_reader_view_init (PxReaderView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "Outlet · Author · 4 June 2019", leaving out what is not known. */
static char *
format_byline (PxDocument *doc)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *published = px_document_get_published (doc);

  if (px_document_get_outlet (doc))
    g_ptr_array_add (parts, g_strdup (px_document_get_outlet (doc)));
  if (px_document_get_author (doc))
    g_ptr_array_add (parts, g_strdup (px_document_get_author (doc)));
  if (published != NULL)
    {
      int y, m, d;
      if (sscanf (published, "%d-%d-%d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
        {
          g_autoptr (GDateTime) dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
          /* Translators: the date under an article's title, see strftime. */
          g_ptr_array_add (parts, g_date_time_format (dt, _ ("%-d %B %Y")));
        }
      else
        g_ptr_array_add (parts, g_strdup (published));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

void
px_reader_view_set_document (PxReaderView *self, PxDocument *doc)
{
  GtkTextBuffer *buffer;
  g_autofree char *byline = NULL;

  g_return_if_fail (PX_IS_READER_VIEW (self));

  if (!g_set_object (&self->document, doc))
    return;
  buffer = gtk_text_view_get_buffer (self->text_view);
  if (doc == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->byline_label, "");
      gtk_text_buffer_set_text (buffer, "", 0);
      return;
    }
  gtk_label_set_label (self->title_label, px_document_get_title (doc) ? px_document_get_title (doc) : _ ("Untitled"));
  byline = format_byline (doc);
  gtk_label_set_label (self->byline_label, byline);
  gtk_widget_set_visible (GTK_WIDGET (self->byline_label), *byline != '\0');
  gtk_text_buffer_set_text (buffer, px_document_get_text (doc), -1);
}

PxDocument *
px_reader_view_get_document (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);
  return self->document;
}

GtkTextView *
px_reader_view_get_text_view (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);
  return self->text_view;
}

const char *
px_reader_view_get_title_text (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);
  return gtk_label_get_label (self->title_label);
}
