#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 4: the first time Compare is opened after launch (the
# Highlights page was up), the Passage card does not run over the "Not
# reported by" line. Look at item04-compare.png: the card's frame holds
# its two lines, the line follows below it.
PX_MOUSE_SIDE_PAGE=annotations
source "$(dirname "$0")/common.sh"
f="$px_fixtures/compare"
make_library "$f/library-wire.txt" "$f/library-gazette.txt" "$f/library-radio.txt"
start_app open 1
click 510 359            # into "We lost four thousand books…"
n=$(grep -c "Passage view shows" "$work/app.log" || true)
click 1296 71 1.2        # the Compare tab
[ "$(grep -c "Passage view shows" "$work/app.log")" -gt "$n" ] || fail "the cards were not made again when shown"
shot item04-compare
echo "item 4: ok (see $shots/item04-compare.png)"
