#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 15.12-15.15: one TSV escaping rule for every verb
# (docs/command-line.md): file names, titles, outlets, event names and tags
# never split or add a field or a line, never reach the terminal as
# control characters, and the front matter of every export keeps them.
set -u
bin=${PARALLAX_BIN:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
lib="$work/lib.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
# No raw control character (other than tab and newline) and no byte that
# is not UTF-8 in $1.
clean() { ! LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]' "$1" && iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }

mkdir "$work/in"
names=($'tab\there.txt' $'new\nline.txt' 'back\slash.txt' $'bad\xff\xfebytes.txt' $'esc\e[31mred\a.txt')
i=0
for n in "${names[@]}"; do
  i=$((i + 1))
  printf 'Harbour story %d\n\nThe pilot boat %d returned to the harbour at dawn with the crew.\n' "$i" "$i" > "$work/in/$n"
done
"$bin" --library "$lib" import "$work/in" >"$work/out" 2>"$work/err" || fail "import: $(cat "$work/err")"
[ "$(wc -l < "$work/out")" -eq 5 ] || fail "import: not one line per file: $(cat -A "$work/out")"
awk -F'\t' 'NF != 3 { exit 1 }' "$work/out" || fail "import: not three fields: $(cat -A "$work/out")"
clean "$work/out" || fail "import: raw control characters or bytes: $(cat -A "$work/out")"
grep -qF 'tab\there.txt' "$work/out" || fail "import: tab not escaped"
grep -qF 'new\nline.txt' "$work/out" || fail "import: newline not escaped"
grep -qF 'back\\slash.txt' "$work/out" || fail "import: backslash not escaped"
grep -qF 'bad\xff\xfebytes.txt' "$work/out" || fail "import: bytes not escaped: $(cat -A "$work/out")"
grep -qF 'esc\x1b[31mred\x07.txt' "$work/out" || fail "import: ESC/BEL not escaped: $(cat -A "$work/out")"

# Titles, outlets and event names as a hostile page could set them.
python3 - "$lib" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE documents SET title = 'Storm \x1b]0;owned\x07 \x1b[2J title\u009b1m' WHERE id = 1")
db.execute("INSERT INTO outlets (name) VALUES ('Bell\x07 Times\x1b[5m')")
db.execute("UPDATE documents SET outlet_id = (SELECT id FROM outlets WHERE name LIKE 'Bell%') WHERE id = 1")
db.commit()
PY
"$bin" --library "$lib" list >"$work/list" || fail "list failed"
clean "$work/list" || fail "list: raw control characters: $(cat -A "$work/list")"
grep -qF 'Storm \x1b]0;owned\x07 \x1b[2J title\xc2\x9b1m' "$work/list" || fail "list: title: $(cat -A "$work/list")"
grep -qF 'Bell\x07 Times\x1b[5m' "$work/list" || fail "list: outlet: $(cat -A "$work/list")"

event=$("$bin" --library "$lib" events | head -n 1 | cut -f1)
[ -n "$event" ] || fail "no event"
"$bin" --library "$lib" event rename "$event" $'Gale\ttide\e[31m\nnight' >/dev/null || fail "rename failed"
"$bin" --library "$lib" events >"$work/events" || fail "events failed"
clean "$work/events" || fail "events: raw control characters: $(cat -A "$work/events")"
grep -qF 'Gale\ttide\x1b[31m\nnight' "$work/events" || fail "events: title: $(cat -A "$work/events")"
[ "$(wc -l < "$work/events")" -ge 1 ] && awk -F'\t' 'NF != 3 { exit 1 }' "$work/events" || fail "events: fields"

# 15.13: a tag with a comma is one tag.
doc=$(head -n 1 "$work/list" | cut -f1)
"$bin" --library "$lib" annotate "$doc" --quote "pilot boat" --tag "a, b" --tag 'c\d' >/dev/null || fail "annotate"
tags=$("$bin" --library "$lib" annotations "$doc" | cut -f6)
[ "$tags" = 'a\, b,c\\d' ] || [ "$tags" = 'c\\d,a\, b' ] || fail "tags column: $tags"

# 15.15: export --event keeps tab and newline in the front matter, escaped,
# as export --document does.
"$bin" --library "$lib" export --event "$event" >"$work/event.md" || fail "export --event"
grep -qF 'title: "Gale\ttide' "$work/event.md" || fail "export --event front matter: $(head -5 "$work/event.md")"
grep -qF '\nnight' "$work/event.md" || fail "export --event front matter lost the line break: $(head -5 "$work/event.md")"

# Error messages escape names too, on one line.
"$bin" --library "$lib" import $'/nonexistent/\e[2Jx\ny.txt' >/dev/null 2>"$work/err"
[ "$(wc -l < "$work/err")" -eq 1 ] && clean "$work/err" || fail "error message: $(cat -A "$work/err")"

echo "cli-escape: all checks passed"
