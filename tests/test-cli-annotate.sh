#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The annotate and annotations verbs, driven as a script would.
set -u
bin=${PARALLAX_BIN:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
lib="$work/lib.db"
fail() { echo "FAIL: $*" >&2; exit 1; }

printf 'Lighthouse keeper retires\n\nThe keeper of the Orrin lighthouse retired on Sunday after forty years.\n\nThe keeper said the light never failed. \xe2\x80\x9cNot once,\xe2\x80\x9d the keeper said.\n' > "$work/a.txt"
"$bin" --library "$lib" import "$work/a.txt" >/dev/null || fail "import failed"
id=$("$bin" --library "$lib" list | cut -f1)

# The first match, then the second by --occurrence.
a=$("$bin" --library "$lib" annotate "$id" --quote "The keeper" --color green --note $'line one\nline\ttwo' --tag claim --tag people) \
  || fail "annotate failed"
[[ $a =~ ^[0-9]+$ ]] || fail "annotate should print the id: $a"
b=$("$bin" --library "$lib" annotate "$id" --quote "The keeper" --occurrence 2) || fail "second occurrence failed"
# Typographic quotes match straight ones typed in a terminal.
c=$("$bin" --library "$lib" annotate "$id" --quote '"Not once,"' --color red) || fail "curly quote match failed"

out=$("$bin" --library "$lib" annotations "$id") || fail "annotations failed"
[ "$(wc -l <<<"$out")" -eq 3 ] || fail "expected 3 rows: $out"
row=$(grep -P "^$a\t" <<<"$out")
[ "$row" = "$a	$id	0	10	green	claim,people	The keeper	line one\\nline\\ttwo	anchored" ] \
  || fail "bad row: $row"
row=$(grep -P "^$b\t" <<<"$out")
[ "$(cut -f3,4 <<<"$row")" = "$(printf '73\t83')" ] || fail "second occurrence at the wrong place: $row"
row=$(grep -P "^$c\t" <<<"$out")
[ "$(cut -f5- <<<"$row")" = "$(printf 'red\t\t\xe2\x80\x9cNot once,\xe2\x80\x9d\t\tanchored')" ] || fail "bad curly row: $row"
# Every column count is 9, even with empty fields.
awk -F'\t' 'NF != 9 { exit 1 }' <<<"$out" || fail "rows must have 9 fields: $out"

# The whole library without an id.
all=$("$bin" --library "$lib" annotations) || fail "annotations (all) failed"
[ "$all" = "$out" ] || fail "library listing differs: $all"

# Errors: clear, one line, right exit codes, nothing stored.
"$bin" --library "$lib" annotate "$id" --quote "not in the text" 2>"$work/err"; rc=$?
[ $rc -eq 1 ] || fail "missing quote should exit 1, got $rc"
grep -q 'does not occur' "$work/err" || fail "unclear error: $(cat "$work/err")"
"$bin" --library "$lib" annotate "$id" --quote "The keeper" --occurrence 9 2>"$work/err"; rc=$?
[ $rc -eq 1 ] || fail "bad occurrence should exit 1, got $rc"
grep -q 'occurs only 2 times' "$work/err" || fail "unclear error: $(cat "$work/err")"
"$bin" --library "$lib" annotate "$id" --quote "The keeper" --color orange 2>"$work/err"; rc=$?
[ $rc -eq 2 ] || fail "bad colour should exit 2, got $rc"
"$bin" --library "$lib" annotate "$id" 2>/dev/null; [ $? -eq 2 ] || fail "missing --quote should be a usage error"
"$bin" --library "$lib" annotate 999 --quote "x" 2>"$work/err"; [ $? -eq 1 ] || fail "missing document should exit 1"
[ "$(wc -l < "$work/err")" -eq 1 ] || fail "error is not one line: $(cat "$work/err")"
"$bin" --library "$lib" annotate "$id" --quote $'bad \xc3\x28' 2>/dev/null; [ $? -eq 2 ] || fail "invalid UTF-8 should be refused"
"$bin" --library "$lib" annotations 999 2>/dev/null; [ $? -eq 1 ] || fail "annotations of a missing document should exit 1"
"$bin" --library "$work/none.db" annotations 2>/dev/null; [ $? -eq 3 ] || fail "a missing library should exit 3"
[ -e "$work/none.db" ] && fail "listing must not create a library"
[ "$("$bin" --library "$lib" annotations | wc -l)" -eq 3 ] || fail "failed commands stored something"

# note: replaces a highlight's note, prints its id once saved.
[ "$("$bin" --library "$lib" note "$b" $'Checked \xe2\x9c\x93\nwith the harbour office')" = "$b" ] || fail "note failed"
row=$("$bin" --library "$lib" annotations "$id" | grep -P "^$b\t")
[ "$(cut -f8 <<<"$row")" = 'Checked ✓\nwith the harbour office' ] || fail "note not saved: $row"
[ "$("$bin" --library "$lib" note "$b" "")" = "$b" ] || fail "clearing a note failed"
[ -z "$("$bin" --library "$lib" annotations "$id" | grep -P "^$b\t" | cut -f8)" ] || fail "note not cleared"
"$bin" --library "$lib" note 999 "x" 2>"$work/err"; [ $? -eq 1 ] || fail "note on a missing highlight should exit 1"
[ "$(wc -l < "$work/err")" -eq 1 ] || fail "error is not one line: $(cat "$work/err")"
"$bin" --library "$lib" note "$b" 2>/dev/null; [ $? -eq 2 ] || fail "note without text should be a usage error"
"$bin" --library "$lib" note "$b" $'bad \xc3\x28' 2>/dev/null; [ $? -eq 2 ] || fail "invalid UTF-8 note should be refused"
echo "cli-annotate: all checks passed"
