/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one place that knows which GTK and libadwaita the build has.
 *
 * Parallax builds on GTK 4.8 / libadwaita 1.2 (Debian 12) and on the current
 * GNOME runtime (GTK 4.24 / libadwaita 1.10 at the time of writing). The
 * build sets *_VERSION_MAX_ALLOWED to the versions it compiles against, so a
 * newer library shows every deprecation. Code that has a newer replacement
 * goes through the functions below, which pick it with GTK_CHECK_VERSION /
 * ADW_CHECK_VERSION at compile time; no other file tests versions.
 *
 *   what                       old (floor)                    new
 *   alerts (px_alert_*)        AdwMessageDialog               AdwAlertDialog      (adw 1.6)
 *   preferences-style dialogs  AdwPreferencesWindow           AdwPreferencesDialog (adw 1.6)
 *   about                      adw_show_about_window          AdwAboutDialog      (adw 1.6)
 *   file choosers              GtkFileChooserNative           GtkFileDialog       (GTK 4.10)
 *   shortcuts                  GtkShortcutsWindow             AdwShortcutsDialog  (adw 1.8)
 *   widget colours             GtkStyleContext                gtk_widget_get_color (GTK 4.10),
 *                                                             AdwStyleManager accent (adw 1.6)
 *
 * The switch points are the releases that deprecated the old API, so the
 * old path is used for as long as it is not deprecated. */
#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* AdwAlertDialog, AdwPreferencesDialog, AdwAboutDialog (new in 1.5; the old
 * windows are deprecated in 1.6). */
#define PX_HAVE_ADW_DIALOG ADW_CHECK_VERSION (1, 6, 0)
/* GtkFileDialog, gtk_widget_get_color (GTK 4.10 deprecates the old ones). */
#define PX_HAVE_GTK_FILE_DIALOG GTK_CHECK_VERSION (4, 10, 0)
#define PX_HAVE_GTK_WIDGET_COLOR GTK_CHECK_VERSION (4, 10, 0)
/* AdwShortcutsDialog (GtkShortcutsWindow is deprecated in GTK 4.18). */
#define PX_HAVE_ADW_SHORTCUTS ADW_CHECK_VERSION (1, 8, 0)
/* AdwStyleManager's accent colour (1.6 deprecates looking it up by name). */
#define PX_HAVE_ADW_ACCENT ADW_CHECK_VERSION (1, 6, 0)

/* The parent types of Parallax's own alert and preferences subclasses:
 * PxAlertBase and PxPreferencesBase for their structs and
 * G_DECLARE_FINAL_TYPE, PX_TYPE_*_BASE for G_DEFINE_FINAL_TYPE; the
 * subclasses themselves test no version. */
#if PX_HAVE_ADW_DIALOG
#define PX_TYPE_ALERT_BASE ADW_TYPE_ALERT_DIALOG
#define PX_TYPE_PREFERENCES_BASE ADW_TYPE_PREFERENCES_DIALOG
typedef AdwAlertDialog PxAlertBase;
typedef AdwAlertDialogClass PxAlertBaseClass;
typedef AdwPreferencesDialog PxPreferencesBase;
typedef AdwPreferencesDialogClass PxPreferencesBaseClass;
#else
#define PX_TYPE_ALERT_BASE ADW_TYPE_MESSAGE_DIALOG
#define PX_TYPE_PREFERENCES_BASE ADW_TYPE_PREFERENCES_WINDOW
typedef AdwMessageDialog PxAlertBase;
typedef AdwMessageDialogClass PxAlertBaseClass;
typedef AdwPreferencesWindow PxPreferencesBase;
typedef AdwPreferencesWindowClass PxPreferencesBaseClass;
#endif
/* G_DECLARE_FINAL_TYPE chains the subclass's g_autoptr up to these. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxAlertBase, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxPreferencesBase, g_object_unref)

/* Alerts. An alert is a GtkWidget: an AdwMessageDialog (a window) or an
 * AdwAlertDialog (shown inside its parent). Responses and the "response"
 * signal are the same on both. */
GtkWidget *px_alert_new (GtkWidget *parent, const char *heading, const char *body);
/* For subclasses: records PARENT so px_alert_present() can show it there. */
void px_alert_set_parent (GtkWidget *alert, GtkWidget *parent);
void px_alert_present (GtkWidget *alert);
/* Closes any dialog (an alert, a preferences dialog, a GtkWindow). */
void px_dialog_close (GtkWidget *dialog);
gboolean px_is_alert (gpointer object);
const char *px_alert_get_heading (GtkWidget *alert);
const char *px_alert_get_body (GtkWidget *alert);
void px_alert_add_response (GtkWidget *alert, const char *id, const char *label);
void px_alert_add_responses (GtkWidget *alert, const char *first_id, ...) G_GNUC_NULL_TERMINATED;
gboolean px_alert_has_response (GtkWidget *alert, const char *id);
void px_alert_set_response_appearance (GtkWidget *alert, const char *id, AdwResponseAppearance appearance);
void px_alert_set_response_enabled (GtkWidget *alert, const char *id, gboolean enabled);
gboolean px_alert_get_response_enabled (GtkWidget *alert, const char *id);
void px_alert_set_default_response (GtkWidget *alert, const char *id);
void px_alert_set_close_response (GtkWidget *alert, const char *id);
void px_alert_set_extra_child (GtkWidget *alert, GtkWidget *child);
GtkWidget *px_alert_get_extra_child (GtkWidget *alert);
/* Emits "response" as a click on that button would (tests, keyboard paths). */
void px_alert_response (GtkWidget *alert, const char *id);
/* The alerts and preferences dialogs being shown, newest first (tests look
 * for them here: on a new libadwaita they are not toplevel windows). */
GList *px_dialog_list_visible (void);

/* Preferences-style dialogs (PX_TYPE_PREFERENCES_BASE subclasses). */
void px_preferences_add_toast (GtkWidget *dialog, AdwToast *toast);
void px_preferences_present (GtkWidget *dialog, GtkWidget *parent);
void px_preferences_set_size (GtkWidget *dialog, int width, int height);

/* Loads a template from RESOURCE, naming the parent types of this build
 * (AdwMessageDialog and AdwPreferencesWindow in the file become
 * AdwAlertDialog and AdwPreferencesDialog where those exist). */
void px_compat_set_template (GtkWidgetClass *widget_class, const char *resource);

/* The shortcuts window. RESOURCE holds a GtkShortcutsWindow named ID, the
 * one list of shortcuts; where AdwShortcutsDialog exists, a dialog with a
 * section for each of its groups is made from it. */
GtkWidget *px_shortcuts_new_from_resource (const char *resource, const char *id);
void px_shortcuts_present (GtkWidget *shortcuts, GtkWidget *parent);
gboolean px_is_shortcuts (gpointer object);
/* Each shortcut shown, as "group title\ttitle\taccelerator" (tests). */
GStrv px_shortcuts_list (GtkWidget *shortcuts);

/* The about dialog: properties as for AdwAboutWindow / AdwAboutDialog. */
void px_show_about (GtkWidget *parent, const char *first_property, ...) G_GNUC_NULL_TERMINATED;

/* File choosers. One call for every kind; the result is a list of GFile
 * (one item except for the _MULTIPLE modes), or NULL with
 * G_IO_ERROR_CANCELLED when the user closed the chooser. */
typedef enum
{
  PX_FILE_OPEN,
  PX_FILE_OPEN_MULTIPLE,
  PX_FILE_SAVE,
  PX_FILE_SELECT_FOLDER,
  PX_FILE_SELECT_FOLDERS,
} PxFileMode;

typedef struct
{
  PxFileMode mode;
  const char *title;
  const char *accept_label;
  GListModel *filters;      /* of GtkFileFilter; the first is selected; nullable */
  GFile *initial_folder;    /* nullable */
  const char *initial_name; /* PX_FILE_SAVE; nullable */
} PxFileRequest;

void px_file_choose (GtkWindow *parent, const PxFileRequest *request, GCancellable *cancellable,
                     GAsyncReadyCallback callback, gpointer user_data);
GListModel *px_file_choose_finish (GAsyncResult *result, GError **error);
/* The first file of a result, or NULL. */
GFile *px_file_choose_finish_one (GAsyncResult *result, GError **error);

/* A callback's user data that does not keep @object alive (a window or
 * dialog closed while its chooser is open). px_weak_ref_steal () frees
 * @ref and returns a new reference to the object, or NULL when it is gone. */
GWeakRef *px_weak_ref_new (gpointer object);
gpointer px_weak_ref_steal (GWeakRef *ref);

/* Colours of the widget's style: its foreground, and the accent background
 * (accent_bg_color); FALLBACK when the style has none. */
void px_widget_get_color (GtkWidget *widget, GdkRGBA *color);
void px_widget_get_accent_bg (GtkWidget *widget, const GdkRGBA *fallback, GdkRGBA *color);

G_END_DECLS
