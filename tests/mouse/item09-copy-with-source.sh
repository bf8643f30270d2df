#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 9: the popover's Copy puts the passage on the clipboard
# with its source, as Markdown and as plain text, and says so. Reads the
# clipboard with xclip when it is installed.
source "$(dirname "$0")/common.sh"
f="$px_fixtures/reader"
make_library "$f/harbour-gazette.txt" "$f/harbour-herald.txt" "$f/harbour-radio.txt"
start_app open 1
click 700 600            # focus the reader
xdotool mousemove 480 470 click --repeat 2 --delay 60 1   # double-click "crane": the popover
sleep 1.2
shot item09-popover
click 590 545 0.8        # Copy
shot item09-copied
if command -v xclip >/dev/null; then
  plain=$(xclip -selection clipboard -o -t UTF8_STRING)
  md=$(xclip -selection clipboard -o -t text/markdown)
  echo "$plain"
  echo "$md"
  grep -q "— Harbour Gazette, “Crane collapse traps two at harbour”, 5 March 2024" <<<"$plain" || fail "plain text: $plain"
  grep -q "> — Harbour Gazette, \*Crane collapse traps two at harbour\*, 5 March 2024" <<<"$md" || fail "markdown: $md"
else
  echo "xclip is missing: the clipboard was not read"
fi
echo "item 9: ok (the toast: $shots/item09-copied.png)"
