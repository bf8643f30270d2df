#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 1: a click on a Passage card opens the other article with
# the passage centred and marked; Back returns to the same scroll position.
source "$(dirname "$0")/common.sh"
f="$px_fixtures/reader"
make_library "$f/harbour-gazette.txt" "$f/harbour-herald.txt" "$f/harbour-radio.txt"
start_app open 1
click 663 460            # into "The harbour crane collapsed at dawn…" (third paragraph)
click 1204 242 0.6       # the Coast Herald card: the herald has it near its end
shot item01-jumped
wait_log "Reader: passage at"
line=$(grep "Reader: passage at" "$work/app.log" | tail -1)
read -r centre page < <(sed -E 's/.*centred ([0-9-]+) px below the top of a ([0-9]+) px view.*/\1 \2/' <<<"$line")
[ $((centre * 10)) -gt $((page * 4)) ] && [ $((centre * 10)) -lt $((page * 6)) ] ||
  fail "the passage is not in the middle: $line"
echo "passage centred at $centre of $page px"
click 1041 108           # Back, in the Compare panel's header
wait_log "Reader: scrolled to 0 (asked 0)"
shot item01-back
echo "item 1: ok"
