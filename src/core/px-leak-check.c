/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Built into every program only under AddressSanitizer (see meson.build).
 *
 * GIO scans its module folder once per process, at the first use of a file,
 * a settings backend or TLS. For modules it does not load it makes
 * GIOModule objects (GTypeModules, which are never finalized) and then
 * drops them, so LeakSanitizer reports 154 bytes per process wherever no
 * stale pointer happens to hide them: intermittently, in any test, with a
 * stack that ends in g_malloc (GLib has no frame pointers, so a suppression
 * cannot name the frame). The scan is done here, before main, with leak
 * tracking paused for it alone; everything Parallax allocates is still
 * checked. */
#include <gio/gio.h>
#include <sanitizer/lsan_interface.h>

__attribute__ ((constructor)) static void
px_leak_check_scan_gio_modules (void)
{
  __lsan_disable ();
  (void)g_vfs_get_default ();
  __lsan_enable ();
}
