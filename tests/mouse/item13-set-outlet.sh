#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 13: an article without an outlet goes by the start of its
# title, "(outlet unknown)", and its card's "Set Outlet…" opens Edit
# Details on the outlet field; what is typed there names the card. Look
# at item13-card.png, item13-dialog.png and item13-named.png.
source "$(dirname "$0")/common.sh"
f="$px_fixtures/compare"
grep -v '^outlet:' "$f/library-gazette.txt" >"$work/gazette.txt"
make_library "$f/library-wire.txt" "$work/gazette.txt"
start_app open 1
click 510 250            # into the opening sentence
wait_log "Passage view shows"
shot item13-card
click 1100 320 1.5       # "Set Outlet…" on the card
shot item13-dialog
xdotool type --delay 40 "Lakeside Gazette"
xdotool key Return
sleep 2.5
click 510 250            # the cursor back in the opening sentence
shot item13-named
echo "item 13: ok (see $shots/item13-*.png)"
