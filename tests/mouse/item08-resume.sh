#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 8: the window closed (its close button) on an article
# scrolled down opens again on that article, at that position.
source "$(dirname "$0")/common.sh"
f="$px_fixtures/reader"
make_library "$f/harbour-gazette.txt" "$f/harbour-herald.txt" "$f/harbour-radio.txt"
start_app
click 144 255            # the Bay Radio's row in the library
xdotool mousemove 650 500
for _ in $(seq 8); do xdotool click 5; sleep 0.05; done
sleep 1
shot item08-before-close
click 1371 28 2          # the window's close button
wait "$app" 2>/dev/null || true
app=""
grep -q "last-document=3" "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" || fail "the article was not kept"
scroll=$(sed -n 's/^last-scroll=//p' "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile")
[ "${scroll%%.*}" -gt 100 ] || fail "the scroll position was not kept ($scroll)"
start_app                # no article asked for
wait_log "Reader: scrolled to ${scroll%%.*}"
shot item08-resumed
echo "item 8: reopened article 3 at ${scroll} px; ok"
