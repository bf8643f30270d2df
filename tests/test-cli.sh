#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Drives the command line as a script or a user would: no display, real
# files, real library. Fails on the first unexpected result.
set -u
bin=${PARALLAX_BIN:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
lib="$work/lib.db"
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/in/sub" "$work/in/.hidden"
printf 'Harbour strike ends after nine days\n\nDock workers returned to the quays on Monday.\n\nThe port authority said ships would sail by noon.\n' > "$work/in/a.txt"
printf 'Bridge reopens to traffic\n\nThe old river bridge opened again on Friday.\n' > "$work/in/sub/b.txt"
printf 'Hidden\n\nShould not be imported.\n' > "$work/in/.hidden/c.txt"
printf 'Broken \xc3\x28 text\n\nMore.\n' > "$work/in/bad.txt"
: > "$work/in/empty.txt"

out=$("$bin" --library "$lib" import "$work/in" 2>"$work/err"); rc=$?
[ $rc -eq 1 ] || fail "import with bad files should exit 1, got $rc"
[ "$(grep -c '^imported' <<<"$out")" -eq 2 ] || fail "expected 2 imported: $out"
grep -q 'bad.txt: .*UTF-8' "$work/err" || fail "no clear error for invalid UTF-8: $(cat "$work/err")"
grep -q 'empty.txt: .*empty' "$work/err" || fail "no clear error for the empty file: $(cat "$work/err")"

# Importing again finds duplicates and succeeds.
out=$("$bin" --library "$lib" import "$work/in/a.txt"); rc=$?
[ $rc -eq 0 ] || fail "duplicate import should succeed, got $rc"
grep -q '^duplicate' <<<"$out" || fail "duplicate not reported: $out"

# A page whose whole body sits in a form is imported, and stderr says how
# its text was found.
printf '<html><body><form action="/p.aspx"><div><p>The tram line to the harbour reopened on Sunday after a month of track repairs, and the first cars were full by seven in the morning.</p><p>The operator said the new rails would cut the noise on the bend by the market, which residents had complained about for years before the works began.</p></div></form></body></html>\n' > "$work/form.html"
out=$("$bin" --library "$work/form.db" import "$work/form.html" 2>"$work/err"); rc=$?
[ $rc -eq 0 ] || fail "form-wrapped page should import, got $rc: $(cat "$work/err")"
grep -q '^imported' <<<"$out" || fail "form-wrapped page not imported: $out"
grep -q 'form.html: .*form' "$work/err" || fail "no note on how the text was found: $(cat "$work/err")"

list=$("$bin" --library "$lib" list) || fail "list failed"
[ "$(wc -l <<<"$list")" -eq 2 ] || fail "list should have 2 rows: $list"
grep -qP '^\d+\t\t\tHarbour strike ends after nine days$' <<<"$list" || fail "bad list row: $list"
id=$(grep Harbour <<<"$list" | cut -f1)
show=$("$bin" --library "$lib" show "$id") || fail "show failed"
grep -q 'Dock workers returned' <<<"$show" || fail "show lacks body: $show"
grep -q 'Harbour strike' <<<"$show" && fail "show should print the body, not the title"

# Errors: one line on stderr, non-zero exit.
"$bin" --library "$lib" show 99999 2>"$work/err" && fail "show of a missing id succeeded"
[ "$(wc -l < "$work/err")" -eq 1 ] || fail "error is not one line: $(cat "$work/err")"
"$bin" --library "$lib" show abc 2>/dev/null; [ $? -eq 2 ] || fail "bad id should be a usage error"
"$bin" --library "$lib" frobnicate 2>/dev/null; [ $? -eq 2 ] || fail "unknown verb should be a usage error"
printf 'just some notes\n' > "$work/notes.db"
"$bin" --library "$work/notes.db" list 2>"$work/err"; rc=$?
[ $rc -eq 3 ] || fail "non-library should exit 3, got $rc"
grep -q 'not a Parallax library' "$work/err" || fail "unclear error: $(cat "$work/err")"
[ "$(cat "$work/notes.db")" = "just some notes" ] || fail "non-library file was modified"
"$bin" --help | grep -q 'import' || fail "--help lacks the verbs"
echo "cli: all checks passed"
