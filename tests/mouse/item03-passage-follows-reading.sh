#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 3: the Passage view follows the reading position as the
# mouse wheel scrolls the article, and the caret after a click.
source "$(dirname "$0")/common.sh"
f="$px_fixtures/reader"
make_library "$f/harbour-gazette.txt" "$f/harbour-herald.txt" "$f/harbour-radio.txt"
start_app open 1
wait_log "Passage view shows sentence [0-9]*, from the reading position"
first=$(grep -o "Passage view shows sentence [0-9]*" "$work/app.log" | tail -1 | grep -o "[0-9]*$")
[ "$first" -lt 5 ] || fail "the Passage view starts at sentence $first, not at the top"
xdotool mousemove 650 500
for _ in $(seq 15); do xdotool click 5; sleep 0.05; done
sleep 1
shot item03-scrolled
now=$(grep -o "Passage view shows sentence [0-9]*, from the reading position" "$work/app.log" | tail -1 | grep -o "sentence [0-9]*" | grep -o "[0-9]*")
[ "$now" -gt "$((first + 5))" ] || fail "after scrolling the Passage view is on sentence $now (was $first)"
click 500 300 1          # a click in the text: the caret
wait_log "from the caret"
shot item03-caret
echo "item 3: sentence $first at the top, $now after scrolling; ok"
