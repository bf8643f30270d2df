# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the scripts in tests/mouse/: each drives the real window with
# the mouse (xdotool) under Xvfb, with openbox running (without a window
# manager GTK 4 popovers under Xvfb ignore clicks), and checks what the
# application did from its debug log and from screenshots. The window is
# 1400x860 at the top left of a 1400x900 screen; the coordinates in the
# scripts are for that size. Screenshots go to $PX_MOUSE_SHOTS (default
# /tmp/px-mouse). Exit 77 (skipped) when a tool is missing.
set -euo pipefail
px_top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
px_build=${PX_BUILD_DIR:-$px_top/_build}
px_bin="$px_build/src/parallax"
px_fixtures="$px_top/tests/fixtures"
shots=${PX_MOUSE_SHOTS:-/tmp/px-mouse}

if [ -z "${PX_MOUSE_INNER:-}" ]; then
  for tool in xvfb-run xdotool import openbox dbus-run-session; do
    command -v "$tool" >/dev/null || { echo "$(basename "$0"): $tool is missing (apt-get install openbox xdotool imagemagick xvfb)"; exit 77; }
  done
  [ -x "$px_bin" ] || { echo "$(basename "$0"): build first ($px_bin)" >&2; exit 1; }
  PX_MOUSE_INNER=1 exec xvfb-run -a -s "-screen 0 1400x900x24" \
    dbus-run-session --config-file="$px_top/tests/dbus-session.conf" -- "$0" "$@"
fi

work=$(mktemp -d)
mkdir -p "$shots"
app=""
wm=""
cleanup() {
  local rc=$?
  set +e
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
  [ -n "$wm" ] && kill "$wm" 2>/dev/null
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT
openbox >/dev/null 2>&1 &
wm=$!
export XDG_CONFIG_HOME="$work/config" GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$px_build/data" \
  NO_AT_BRIDGE=1 GSK_RENDERER=cairo G_MESSAGES_DEBUG=Parallax ADW_DISABLE_PORTAL=1 LC_ALL=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings"
printf "[io/github/parallaxapp/Parallax]\nwindow-width=1400\nwindow-height=860\nside-panel-page='%s'\n" \
  "${PX_MOUSE_SIDE_PAGE:-compare}" >"$XDG_CONFIG_HOME/glib-2.0/settings/keyfile"
library="$work/library.db"

fail() {
  echo "FAIL: $*" >&2
  import -window root "$shots/$(basename "$0" .sh)-failed.png" 2>/dev/null || true
  echo "--- application log ---" >&2
  grep -v "GLib-GIO-DEBUG" "$work/app.log" | tail -20 >&2 || true
  exit 1
}

# A library of invented articles, put into one event as
# tools/px-fixture-library does.
make_library() {
  "$px_build/tools/px-fixture-library" "$library" "$@" >/dev/null
}

start_app() {
  "$px_bin" --library "$library" "$@" >>"$work/app.log" 2>&1 &
  app=$!
  local wid=""
  for _ in $(seq 100); do
    wid=$(xdotool search --onlyvisible --name '^Parallax$' 2>/dev/null | head -1) || true
    [ -n "$wid" ] && break
    sleep 0.2
  done
  [ -n "$wid" ] || fail "the window did not appear"
  xdotool windowmove "$wid" 0 0
  sleep 2.5
}

# Closes the window as a user does (its close button), so that it saves.
close_app() {
  xdotool key --clearmodifiers ctrl+q 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
}

click() {
  xdotool mousemove "$1" "$2" click "${4:-1}"
  sleep "${3:-0.8}"
}

shot() {
  import -window root "$shots/$1.png"
}

log_has() {
  grep -q -- "$1" "$work/app.log"
}

# Waits up to 10 s for the log to have $1.
wait_log() {
  for _ in $(seq 50); do
    log_has "$1" && return 0
    sleep 0.2
  done
  fail "the log never said: $1"
}
