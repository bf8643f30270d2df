#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# coder, export --format and import-annotations, driven as a script would.
set -u
bin=${PARALLAX_BIN:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
fail() { echo "FAIL: $*" >&2; exit 1; }

printf 'Ferry service resumes\n\nThe ferry between Aalund and Brekke sailed again on Tuesday after a two-week strike.\n\nThe union said talks would go on.\n' > "$work/a.txt"
for lib in one two; do
  "$bin" --library "$work/$lib.db" import "$work/a.txt" >/dev/null || fail "import into $lib failed"
done
id=$("$bin" --library "$work/one.db" list | cut -f1)

# coder: shows the default, sets, refuses bad names.
[ -n "$("$bin" --library "$work/one.db" coder)" ] || fail "coder printed nothing"
[ "$("$bin" --library "$work/one.db" coder '  Ida Berg ')" = "Ida Berg" ] || fail "coder did not set the name"
[ "$("$bin" --library "$work/one.db" coder)" = "Ida Berg" ] || fail "coder was not kept"
"$bin" --library "$work/one.db" coder '' 2>"$work/err" && fail "an empty coder was accepted"
[ $? -eq 2 ] || fail "an empty coder should be a usage error"
"$bin" --library "$work/one.db" coder a b 2>/dev/null && fail "two names were accepted"

"$bin" --library "$work/one.db" annotate "$id" --quote "sailed again" --color red --tag strike --note 'a note' >/dev/null \
  || fail "annotate failed"

# export --format w3c into a file; --all into a folder gets a named file.
"$bin" --library "$work/one.db" export --format w3c --document "$id" -o "$work/a.jsonld" >/dev/null || fail "w3c export failed"
grep -q '"TextQuoteSelector"' "$work/a.jsonld" || fail "no quote selector in the export"
grep -q '"name" : "Ida Berg"' "$work/a.jsonld" || fail "no creator in the export"
mkdir "$work/out"
path=$("$bin" --library "$work/one.db" export --format ris --all -o "$work/out") || fail "ris export failed"
[ "$path" = "$work/out/Library.ris" ] || fail "unexpected file name: $path"
grep -q '^TY  - NEWS' "$path" || fail "no RIS record"
"$bin" --library "$work/one.db" export --format csl-json --tag strike | grep -q '"article-newspaper"' || fail "csl-json to stdout failed"
"$bin" --library "$work/one.db" export --format bibtex --event 999 2>/dev/null && fail "an unknown event was exported"
path=$("$bin" --library "$work/one.db" export --format qdpx --event 999 -o "$work/out" 2>/dev/null) && fail "an unknown event was exported as qdpx"
path=$("$bin" --library "$work/one.db" export --format qdpx --all -o "$work/out") || fail "qdpx export failed"
[ "$path" = "$work/out/Library.qdpx" ] || fail "unexpected qdpx name: $path"
[ "$(head -c2 "$path")" = "PK" ] || fail "the qdpx is not a zip archive"
"$bin" --library "$work/one.db" export --format qdpx --all >/dev/null 2>&1
[ $? -eq 2 ] || fail "qdpx to stdout should be a usage error"
"$bin" --library "$work/one.db" export --format nope --all 2>/dev/null
[ $? -eq 2 ] || fail "an unknown format should be a usage error"
"$bin" --library "$work/one.db" export --format w3c --all --colors red 2>/dev/null
[ $? -eq 2 ] || fail "--colors with w3c should be a usage error"

# import-annotations: imported, then duplicate; the coder comes from the file.
out=$("$bin" --library "$work/two.db" import-annotations "$work/a.jsonld") || fail "import-annotations failed"
[ "$(cut -f1,2 <<<"$out")" = "$(printf 'imported\t1')" ] || fail "bad import line: $out"
out=$("$bin" --library "$work/two.db" import-annotations "$work/a.jsonld") || fail "second import failed"
[ "$(cut -f1,2 <<<"$out")" = "$(printf 'duplicate\t1')" ] || fail "bad duplicate line: $out"
row=$("$bin" --library "$work/two.db" annotations)
[ "$(cut -f3- <<<"$row")" = "$(printf '36\t48\tred\tstrike\tsailed again\ta note\tanchored')" ] || fail "bad imported row: $row"
# --coder names someone else: not a duplicate of Ida's.
out=$("$bin" --library "$work/two.db" import-annotations --coder Ole "$work/a.jsonld") || fail "import --coder failed"
[ "$(cut -f1 <<<"$out")" = "imported" ] || fail "another coder's highlight is not a duplicate: $out"

# agreement: Ida and Ole marked the same sentence; the last one
# nobody marked.
out=$("$bin" --library "$work/two.db" agreement --tag strike) || fail "agreement failed"
[ "$out" = "$(printf 'tag:strike\t2\t2\t1.000\t1\n\tIda Berg\tOle\t1.000\t2')" ] || fail "bad agreement table: $out"
out=$("$bin" --library "$work/two.db" agreement --all --disagreements) || fail "agreement --all failed"
grep -q '^color:red' <<<"$out" || fail "no colour in the table: $out"
grep -q '^disagreement' <<<"$out" && fail "no disagreement expected: $out"
"$bin" --library "$work/two.db" agreement 2>/dev/null
[ $? -eq 2 ] || fail "agreement without a code should be a usage error"
"$bin" --library "$work/two.db" agreement --tag nope 2>/dev/null && fail "an unknown tag was accepted"

# A coding package starts a coder's library with the same article.
"$bin" --library "$work/one.db" export --format package --all -o "$work/study.json" >/dev/null || fail "package export failed"
out=$("$bin" --library "$work/three.db" import-package "$work/study.json") || fail "import-package failed"
[ "$out" = "$(printf 'imported\t1\tFerry service resumes')" ] || fail "bad package line: $out"
out=$("$bin" --library "$work/three.db" import-package "$work/study.json") || fail "second import-package failed"
[ "$(cut -f1 <<<"$out")" = "duplicate" ] || fail "the package's article was added twice: $out"
out=$("$bin" --library "$work/three.db" import-annotations "$work/a.jsonld") || fail "import into the coder's library failed"
[ "$(cut -f1 <<<"$out")" = "imported" ] || fail "highlight did not anchor in the package's article: $out"
"$bin" --library "$work/three.db" import-package "$work/a.jsonld" 2>"$work/err" && fail "a W3C file was taken as a package"
grep -q 'not a Parallax coding package' "$work/err" || fail "unclear package error: $(cat "$work/err")"

# Bad files: a clear one-line error, exit 1.
echo 'not json' > "$work/bad.json"
"$bin" --library "$work/two.db" import-annotations "$work/bad.json" 2>"$work/err" && fail "bad JSON was accepted"
grep -q 'not a JSON file' "$work/err" || fail "unclear error: $(cat "$work/err")"
"$bin" --library "$work/two.db" import-annotations "$work/missing.json" 2>/dev/null && fail "a missing file was accepted"
exit 0
