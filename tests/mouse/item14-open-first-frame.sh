#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 17, item 14: after an article is opened from the library with the
# mouse, no frame shows the text with the strip above the window's bottom
# edge blank. Frames are grabbed with xwd (x11-apps) as fast as it goes
# for 1.5 s after each click, with GTK's default renderer (the defect
# showed with it, frames being slow). Two long invented articles and a
# shorter one, opened one after the other.
source "$(dirname "$0")/common.sh"
command -v xwd >/dev/null || { echo "item14-open-first-frame: xwd is missing (apt-get install x11-apps)"; exit 77; }
unset GSK_RENDERER
articles=()
for spec in "North Courier:2400" "South Post:1200" "East Wire:300"; do
  outlet=${spec%%:*}
  file="$work/${outlet// /-}.txt"
  {
    printf "title: %s long report on the harbour\noutlet: %s\npublished: 2024-03-05\nlanguage: en\n\n" "$outlet" "$outlet"
    for p in $(seq "${spec##*:}"); do
      printf "The port authority said on Wednesday that the old crane was due to be replaced (note %s.0). " "$p"
      printf "A union spokesman told reporters that compensation claims would be handled quickly (note %s.1). " "$p"
      printf "Dock workers argued that the night shift had been cut back in October (note %s.2).\n\n" "$p"
    done
  } >"$file"
  articles+=("$file")
done
make_library "${articles[@]}"
start_app
frames="$work/frames"
mkdir -p "$frames"
# The rows of the library list: North Courier, South Post, East Wire.
for y in 210 272 160; do
  xdotool mousemove 144 "$y" click 1
  end=$(($(date +%s%N) + 1500000000))
  i=0
  while [ "$(date +%s%N)" -lt "$end" ]; do
    xwd -root -silent >"$frames/row$y-$(printf %03d $i).xwd"
    i=$((i + 1))
  done
done
shot item14-open-first-frame
with_text=0
blank=0
for f in "$frames"/*.xwd; do
  # Text at the top of the reading column: an article is showing.
  top=$(convert "xwd:$f" -crop 640x200+345+250 -colorspace gray -threshold 60% -negate -format "%[fx:mean*100]" info:)
  awk "BEGIN { exit !($top > 5) }" || continue
  with_text=$((with_text + 1))
  strip=$(convert "xwd:$f" -crop 640x40+345+800 -colorspace gray -threshold 60% -negate -format "%[fx:mean*100]" info:)
  if awk "BEGIN { exit !($strip < 0.5) }"; then
    blank=$((blank + 1))
    convert "xwd:$f" "$shots/item14-open-blank-$(basename "$f" .xwd).png"
  fi
done
[ "$with_text" -gt 0 ] || fail "no frame showed an article"
[ "$blank" -eq 0 ] || fail "$blank of $with_text frames showed the text with its lower strip blank"
echo "item 14: $with_text frames after opening showed the article, none with a blank strip; ok"
