#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 6: deleting an article (right-click in the library,
# Delete…, Delete) takes it out of the open Compare panel.
source "$(dirname "$0")/common.sh"
f="$px_fixtures/reader"
make_library "$f/harbour-gazette.txt" "$f/harbour-herald.txt" "$f/harbour-radio.txt"
start_app open 2
wait_log "shown in .*, 3 articles"
click 144 209 0.8 3      # right-click the Coast Herald's row
click 191 418 1.2        # Delete… (below the event items)
click 790 509 2          # Delete, in the dialog
wait_log "shown in .*, 2 articles"
click 1321 130 1         # Coverage: two columns now
shot item06-after-delete
"$px_bin" --library "$library" list | grep -q "Coast Herald" && fail "the article is still in the library"
echo "item 6: ok"
