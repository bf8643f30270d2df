#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 10: a triple click selects the whole paragraph (not one
# wrapped line), and a drag that starts or ends inside a word selects the
# whole word. Reads the X primary selection with xclip.
source "$(dirname "$0")/common.sh"
command -v xclip >/dev/null || { echo "xclip is missing"; exit 77; }
f="$px_fixtures/reader"
make_library "$f/harbour-gazette.txt" "$f/harbour-herald.txt" "$f/harbour-radio.txt"
start_app open 1
click 700 600            # focus the reader
xdotool mousemove 600 355 click --repeat 3 --delay 60 1   # the second paragraph, first line
sleep 1.2
shot item10-paragraph
sel=$(xclip -selection primary -o)
echo "triple click: $sel"
[[ "$sel" == "The port authority noted that the night shift"*"(gazette note 1.2)." ]] || fail "not the paragraph: $sel"
xdotool key Escape
click 700 600
# A drag from inside "harbour" to inside "collapsed".
xdotool mousemove 430 460 sleep 0.2 mousedown 1
for x in 440 460 480 500 520 540 555; do xdotool mousemove $x 461; sleep 0.05; done
xdotool mouseup 1
sleep 1.2
shot item10-drag
sel=$(xclip -selection primary -o)
echo "drag: $sel"
[ "$sel" = "harbour crane collapsed" ] || fail "the drag did not snap to whole words: $sel"
echo "item 10: ok"
