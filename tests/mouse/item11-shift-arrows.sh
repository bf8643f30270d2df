#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 11: after scrolling with the wheel, Shift+Right selects
# from the reading position without caret mode (F7); F7 and the new keys
# are listed in the shortcuts window.
source "$(dirname "$0")/common.sh"
command -v xclip >/dev/null || { echo "xclip is missing"; exit 77; }
f="$px_fixtures/reader"
make_library "$f/harbour-gazette.txt" "$f/harbour-herald.txt" "$f/harbour-radio.txt"
start_app open 1
click 700 300            # the caret at the top
xdotool mousemove 650 500
for _ in $(seq 12); do xdotool click 5; sleep 0.05; done
sleep 1
for _ in $(seq 12); do xdotool key shift+Right; done
sleep 1
shot item11-selected
sel=$(xclip -selection primary -o)
echo "selected: $sel"
[ "${#sel}" -eq 12 ] || fail "not twelve characters from the reading position: '$sel'"
grep -q "(gazette note [0-9]\.[0-9])" <<<"$(xclip -selection primary -o)" && fail "selected at the top, not where reading"
xdotool key ctrl+question
sleep 1.5
click 720 687 1          # page 2: Reading
shot item11-shortcuts
echo "item 11: ok (shortcuts window: $shots/item11-shortcuts.png)"
