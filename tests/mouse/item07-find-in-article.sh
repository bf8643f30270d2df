#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 7: Ctrl+F in the reader opens find in the article, the
# matches are marked and the bar's arrow buttons (and Ctrl+G) step
# through them; Shift+Ctrl+F still searches the library.
source "$(dirname "$0")/common.sh"
f="$px_fixtures/reader"
make_library "$f/harbour-gazette.txt" "$f/harbour-herald.txt" "$f/harbour-radio.txt"
start_app open 2
click 650 400            # into the article
xdotool key --clearmodifiers ctrl+f
sleep 0.5
xdotool type --delay 40 "county hospital"
sleep 1.2
wait_log "Reader: passage at"
shot item07-found
grep -q "Reader: passage at" "$work/app.log" || fail "the match was not brought into view"
n=$(grep -c "Reader: passage at" "$work/app.log")
xdotool key --clearmodifiers ctrl+a
xdotool type --delay 40 "crane"
sleep 1.2
click 900 87 1           # the "next match" arrow of the find bar
xdotool key --clearmodifiers ctrl+g
sleep 1
[ "$(grep -c "Reader: passage at" "$work/app.log")" -gt $((n + 1)) ] || fail "stepping did not move between matches"
shot item07-next
xdotool key Escape
sleep 0.5
xdotool key --clearmodifiers ctrl+shift+f
sleep 0.3
xdotool type --delay 40 "Radio"
sleep 1.5
shot item07-library-search
echo "item 7: ok"
