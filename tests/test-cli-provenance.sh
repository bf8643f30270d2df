#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Provenance and versions from the command line: the invented harbour
# articles of fixtures/provenance/ (one a lightly edited syndicated copy
# of another), `compare --json` and `versions`.
set -u
bin=${PARALLAX_BIN:?}
src=${G_TEST_SRCDIR:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
lib="$work/lib.db"
px() { "$bin" --library "$lib" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

px import "$src/fixtures/provenance" >/dev/null || fail "import failed"
list=$(px list) || fail "list failed"
id_of() { grep -F "$1" <<<"$list" | cut -f1; }
original=$(id_of "Harbour crane collapses")
copy=$(id_of "Storm topples giant crane")
[ -n "$original" ] && [ -n "$copy" ] || fail "fixtures missing: $list"
event=$(px events | awk -F'\t' -v d="$copy" '{ n = split($3, ids, ","); for (i = 1; i <= n; i++) if (ids[i] == d) print $1 }')
[ -n "$event" ] || fail "no event for the copy"

px compare "$event" --json > "$work/c.json" || fail "compare --json failed"
python3 - "$work/c.json" "$original" "$copy" <<'PY' || fail "provenance in compare JSON does not check out"
import json, sys
j = json.load(open(sys.argv[1]))
original, copy = int(sys.argv[2]), int(sys.argv[3])
assert j["version"] == 3
docs = {d["id"]: d for d in j["documents"]}
assert original in docs, "the copy and its original are one event"
assert docs[copy]["copy_of"] == original, docs[copy]
assert docs[copy]["original_share"] < 0.1
assert docs[original]["copy_of"] is None and docs[original]["original_share"] == 1.0
seen = False
for c in j["claims"]:
    ids = {p["document"] for p in c["passages"]}
    assert c["n_outlets"] <= c["n_documents"]
    assert c["first_document"] in ids
    if ids == {original, copy}:
        assert c["n_outlets"] == 1
        seen = True
    for p in c["passages"]:
        assert p["provenance"] in ("original", "agency", "copied")
        if p["provenance"] == "copied":
            assert p["source_document"] in docs
assert seen
# Each quotation's first report: one per group, a document of the group;
# these files give no publication date here, so the event's order decides.
order = [d["id"] for d in j["documents"]]
assert all(d["published"] is None for d in j["documents"])
groups = {}
for q in j["quotes"]:
    groups.setdefault(q["group"], []).append(q)
seen = False
for qs in groups.values():
    ids = {q["document"] for q in qs}
    assert len({q["first_document"] for q in qs}) == 1, qs
    assert qs[0]["first_document"] == min(ids, key=order.index), qs
    seen = seen or len(ids) == 3
assert seen, "the quotation three articles carry"
PY

# Versions: a document never fetched again has one, its import.
out=$(px versions "$copy") || fail "versions failed"
[ "$(wc -l <<<"$out")" -eq 1 ] || fail "one version expected: $out"
awk -F'\t' 'NF != 4 || $1 != 1 || $2 !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/ || $3 !~ /^Storm topples giant crane/ || $4 != 0 { bad = 1 } END { exit bad }' <<<"$out" \
  || fail "bad versions TSV: $out"
out=$(px versions "$copy" --highlights) || fail "versions --highlights failed"
[ -z "$out" ] || fail "no changed highlights expected: $out"

# A file imported again from the same path with another text: no second
# document, but a second version, and the highlight whose words changed
# flagged with its old quote (not silently rewritten).
mkdir "$work/files"
story="$work/files/story.txt"
printf '%s\n\n%s\n\n%s\n' "Crane inquiry opens in Velmora" \
  "The wind measured eighteen times higher than the crane was rated for, the inquiry heard on Tuesday." \
  "Dock workers returned to the two damaged berths on Wednesday." >"$story"
px import "$story" >/dev/null || fail "import of the file failed"
doc=$(px list | grep -F "Crane inquiry opens" | cut -f1)
[ -n "$doc" ] || fail "the file's document is missing"
n_before=$(px list | wc -l)
px annotate "$doc" --quote "eighteen times higher" >/dev/null || fail "annotate failed"
px import "$story" | grep -q "^duplicate" || fail "the same file again is not a duplicate"
sed -i 's/eighteen times higher/nearly twenty times higher/' "$story"
out=$(px import "$story" 2>&1) || fail "import of the changed file failed: $out"
grep -q "^updated	$doc	" <<<"$out" || fail "the changed file is not a new version of its document: $out"
[ "$(px list | wc -l)" -eq "$n_before" ] || fail "the changed file became a document of its own"
out=$(px versions "$doc") || fail "versions of the file failed"
[ "$(wc -l <<<"$out")" -eq 2 ] || fail "two versions expected: $out"
[ "$(cut -f4 <<<"$out" | tail -1)" -gt 0 ] || fail "changed words of version 2 missing: $out"
out=$(px versions "$doc" --highlights) || fail "versions --highlights of the file failed"
grep -q "	2	eighteen times higher	" <<<"$out" || fail "changed highlight not flagged: $out"
# Its new quote takes whole words, never part of one ("enty times").
grep -Eq "	((nearly )?twenty times higher)$" <<<"$out" || fail "new quote cuts into a word: $out"

px versions 9999 2>/dev/null && fail "versions of no document succeeded"
px versions 2>/dev/null && fail "versions without an id succeeded"
exit 0
