#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, items 2 and 3: overlapping highlights show a double line in the colour
# underneath (a double underline); a plain click on a highlight only places the caret (no
# popover); a right-click on two highlights asks which, and the one picked
# opens.
source "$(dirname "$0")/common.sh"
f="$px_fixtures/reader"
make_library "$f/harbour-gazette.txt" "$f/harbour-herald.txt" "$f/harbour-radio.txt"
"$px_bin" --library "$library" annotate 1 --quote "The harbour crane" --color yellow >/dev/null
"$px_bin" --library "$library" annotate 1 --quote "crane collapsed at dawn" --color green >/dev/null
start_app open 1
click 700 600            # focus the reader
click 440 460 1          # a plain click on "harbour" (yellow)
log_has "Highlights: the popover" && fail "a plain click opened the popover"
wait_log "from the caret"
shot item02-overlap
click 505 460 1.2 3      # right-click on "crane": yellow and green
wait_log "Highlights: 2 here, the user chooses"
shot item02-chooser
click 525 561 1.2        # the green one
wait_log "Highlights: the popover of highlight 2"
shot item02-picked
echo "items 2 and 3: ok"
