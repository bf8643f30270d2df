#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 5: the Passage card shows the other outlet's sentence as
# it wrote it (its own words underlined), a number or name that differs
# marked wavy red on both sides, and what it leaves out on a line of its
# own below; the legend explains each mark. Look at item05-diff.png (a
# sentence the gazette shortens) and item05-disagree.png (two reports
# whose figure and spokesman differ).
source "$(dirname "$0")/common.sh"
f="$px_fixtures/compare"
make_library "$f/library-wire.txt" "$f/library-gazette.txt" "$f/library-radio.txt"
start_app open 1
click 510 359            # into "We lost four thousand books…"
wait_log "Passage view shows"
shot item05-diff
close_app
library="$work/library2.db"
make_library "$f/bus-north.txt" "$f/bus-south.txt"
start_app open 1
click 300 190            # into the first sentence
shot item05-disagree
echo "item 5: ok (see $shots/item05-diff.png, $shots/item05-disagree.png)"
