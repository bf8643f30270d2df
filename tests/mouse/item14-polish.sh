#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 14 leftovers: the export dialog shows its scope whole
# (item14-export.png); the tag filter's tooltip does not cover the list
# it opens (item14-tag-list.png); the note popover of a highlight near
# the window's bottom opens above it, inside the window
# (item14-note-bottom.png).
PX_MOUSE_SIDE_PAGE=annotations
source "$(dirname "$0")/common.sh"
f="$px_fixtures/compare"
make_library "$f/library-wire.txt" "$f/library-gazette.txt" "$f/library-radio.txt"
start_app open 1
# The tag filter: hover until its tooltip shows, then open its list.
xdotool mousemove 1290 152
sleep 1.5
click 1298 152 1.2
shot item14-tag-list
xdotool key Escape
sleep 0.5
# A highlight on the last paragraph of a short window, then its note.
wid=$(xdotool search --onlyvisible --name '^Parallax$' | head -1)
xdotool windowsize "$wid" 1400 560
sleep 1.5
xdotool mousemove 571 478 click --repeat 2 --delay 80 1
sleep 1
xdotool key 1
sleep 1
xdotool key n
sleep 1.2
shot item14-note-bottom
xdotool key Escape
sleep 0.5
xdotool key --clearmodifiers ctrl+shift+e
sleep 2.5
shot item14-export
echo "item 14: ok (see $shots/item14-*.png)"
