#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The export verb, driven as a script would: every kind of export, the
# options, and clear one-line errors with the right exit codes.
set -u
bin=${PARALLAX_BIN:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
lib="$work/lib.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
px() { "$bin" --library "$lib" "$@"; }

printf 'Orrin lighthouse keeper retires\n\nThe keeper of the Orrin lighthouse retired on Sunday after forty years.\n\nShe said the light *never* failed: # not once.\n' > "$work/a.txt"
px import "$work/a.txt" >/dev/null || fail "import failed"
id=$(px list | cut -f1)
px annotate "$id" --quote "retired on Sunday" --color green --note $'Check the *date*.\r\n> not a quote' --tag "Dates" >/dev/null \
  || fail "annotate failed"
px annotate "$id" --quote "the light *never* failed" --color red --tag people >/dev/null || fail "annotate failed"

# One article on stdout: front matter, heading, the highlights in text order.
out=$(px export --document "$id") || fail "export --document failed"
head -1 <<<"$out" | grep -qx -- '---' || fail "no front matter: $out"
grep -qx '> retired on Sunday' <<<"$out" || fail "quote missing: $out"
grep -qx '> the light \\\*never\\\* failed' <<<"$out" || fail "quote not escaped: $out"
grep -qx 'Check the \\\*date\\\*.\\' <<<"$out" || fail "note line missing: $out"
grep -qF '#Dates' <<<"$out" || fail "tag missing: $out"
[ "$(grep -n '^> retired' <<<"$out" | cut -d: -f1)" -lt "$(grep -n '^> the light' <<<"$out" | cut -d: -f1)" ] \
  || fail "not in text order"
# Deterministic: the same bytes twice.
[ "$(px export --document "$id")" = "$out" ] || fail "two exports differ"

# Options: colour order puts green before red anyway; a colour filter, a
# tag filter (ignoring case), notes only, full text.
red=$(px export --document "$id" --colors red) || fail "--colors failed"
grep -q '^> retired' <<<"$red" && fail "--colors red kept a green highlight"
grep -q '^> the light' <<<"$red" || fail "--colors red lost the red highlight"
tagged=$(px export --document "$id" --tags DATES) || fail "--tags failed"
[ "$(grep -c '^> ' <<<"$tagged")" -eq 1 ] || fail "--tags should keep one: $tagged"
noted=$(px export --document "$id" --noted-only) || fail "--noted-only failed"
[ "$(grep -c '^> ' <<<"$noted")" -eq 1 ] || fail "--noted-only should keep one: $noted"
full=$(px export --document "$id" --full-text --order color) || fail "--full-text failed"
grep -q '==retired on Sunday==' <<<"$full" || fail "full text not marked: $full"
grep -q '^### Green' <<<"$full" || fail "no colour groups: $full"

# To a file, and into a folder (named after the title).
px export --document "$id" -o "$work/one.md" || fail "-o FILE failed"
[ "$(cat "$work/one.md")" = "$out" ] || fail "file differs from stdout"
mkdir "$work/dir"
px export --document "$id" -o "$work/dir" || fail "-o DIR failed"
[ -f "$work/dir/Orrin lighthouse keeper retires.md" ] || fail "no file named after the title: $(ls "$work/dir")"

# By tag, and the whole library.
bytag=$(px export --tag people) || fail "--tag failed"
grep -q '^> the light' <<<"$bytag" || fail "tag export misses its highlight: $bytag"
index=$(px export --all -o "$work/all") || fail "--all failed"
[ "$index" = "$work/all/index.md" ] || fail "--all should print the index path: $index"
[ "$(ls "$work/all" | wc -l)" -eq 2 ] || fail "expected the article and the index: $(ls "$work/all")"
grep -qF '](Orrin%20lighthouse%20keeper%20retires.md)' "$work/all/index.md" || fail "index link: $(cat "$work/all/index.md")"

# Errors: one line on stderr, exit code 2 for usage, 1 for failures.
check_error() {
  local code=$1; shift
  local err
  err=$("$bin" --library "$lib" "$@" 2>&1 >/dev/null)
  local rc=$?
  [ "$rc" -eq "$code" ] || fail "$* should exit $code, got $rc ($err)"
  [ "$(wc -l <<<"$err")" -eq 1 ] || fail "$* should print one line: $err"
  [[ $err == parallax:* ]] || fail "$* error should start with parallax: $err"
}
check_error 2 export
check_error 2 export --document "$id" --all -o "$work/x"
check_error 2 export --document abc
check_error 2 export --all
check_error 2 export --all -o "$work/one.md"
check_error 2 export --document "$id" --order size
check_error 2 export --document "$id" --colors pink
check_error 2 export --tag people --full-text
check_error 2 export --document "$id" extra
check_error 1 export --document 999
check_error 1 export --event 999
check_error 1 export --tag nothing
check_error 1 export --document "$id" -o "$work/no/such/dir/file.md"
check_error 3 --library "$work/missing.db" export --document 1
echo "ok"
