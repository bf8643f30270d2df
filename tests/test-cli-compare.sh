#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Events and comparison from the command line, as a script would use them:
# import the invented articles of fixtures/compare/, list the events, edit
# them, and check `compare --json` against the documents' own text.
set -u
bin=${PARALLAX_BIN:?}
src=${G_TEST_SRCDIR:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
lib="$work/lib.db"
px() { "$bin" --library "$lib" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

px import "$src/fixtures/compare" >/dev/null || fail "import failed"
list=$(px list) || fail "list failed"
id_of() { grep -F "$1" <<<"$list" | cut -f1; }
wire=$(id_of "Lakeside library reopens after flood repairs")
gazette=$(id_of "Doors open again at Lakeside library")
radio=$(id_of "Flood-hit library welcomes readers back")
ferry=$(id_of "Fire on car ferry")
[ -n "$wire" ] && [ -n "$gazette" ] && [ -n "$radio" ] && [ -n "$ferry" ] || fail "fixtures missing: $list"

events=$(px events) || fail "events failed"
# id <TAB> title <TAB> ids; every document in exactly one event.
awk -F'\t' 'NF != 3 || $1 !~ /^[0-9]+$/ || $3 !~ /^[0-9]+(,[0-9]+)*$/ { bad = 1 } END { exit bad }' <<<"$events" \
  || fail "bad events TSV: $events"
[ "$(cut -f3 <<<"$events" | tr ',' '\n' | sort -n | tr '\n' ' ')" = "$(cut -f1 <<<"$list" | sort -n | tr '\n' ' ')" ] \
  || fail "documents and events disagree: $events / $list"
event_of() { px events | awk -F'\t' -v d="$1" '{ n = split($3, ids, ","); for (i = 1; i <= n; i++) if (ids[i] == d) print $1 }'; }
lib_event=$(event_of "$wire")
[ "$(event_of "$gazette")" = "$lib_event" ] || fail "gazette not with wire: $events"
[ "$(event_of "$radio")" = "$lib_event" ] || fail "radio not with wire: $events"
[ "$(event_of "$ferry")" != "$lib_event" ] || fail "ferry fire grouped with the library: $events"
grep -P "^$lib_event\t[^\t]*Lakeside" <<<"$events" >/dev/null || fail "no readable title: $events"

# The JSON: schema members, and every offset points at its text.
px compare "$lib_event" --json > "$work/a.json" || fail "compare --json failed"
# An outlet with only a weaker candidate is "maybe", with passage and score.
px export --event "$lib_event" > "$work/event.md" || fail "export --event failed"
grep -qE '^- \*\*.*\*\*: maybe \(score 0\.[0-9][0-9]\): “.+”$' "$work/event.md" || fail "no maybe line: $(cat "$work/event.md")"
for d in $(px events | awk -F'\t' -v e="$lib_event" '$1 == e { print $3 }' | tr ',' ' '); do
  px show "$d" > "$work/doc-$d.txt" || fail "show $d"
done
/usr/bin/python3 - "$work" "$lib_event" <<'PY' || fail "compare JSON does not check out"
import json, sys, os
work, event = sys.argv[1], int(sys.argv[2])
j = json.load(open(os.path.join(work, "a.json")))
assert j["version"] == 3 and j["event"]["id"] == event
texts = {}
for d in j["documents"]:
    t = open(os.path.join(work, "doc-%d.txt" % d["id"]), encoding="utf-8").read()
    texts[d["id"]] = t[:-1] if t.endswith("\n") else t
    assert d["length"] == len(texts[d["id"]]), (d["id"], d["length"], len(texts[d["id"]]))
    for k in ("only_here", "missing_here", "maybe_here"):
        assert all(0 <= c < len(j["claims"]) for c in d[k])
assert len(j["documents"]) >= 3
assert any(c["n_documents"] >= 3 for c in j["claims"])
for c in j["claims"]:
    for p in c["maybe"]:
        assert texts[p["document"]][p["start"]:p["end"]] == p["text"], p
        assert 0 <= p["score"] <= 1
    for p in c["passages"]:
        assert texts[p["document"]][p["start"]:p["end"]] == p["text"], p
        assert p["label"] in ("verbatim", "close", "paraphrase", "related", "none")
speakers = set()
for q in j["quotes"]:
    for a, b in q["parts"]:
        assert texts[q["document"]][a:b] in q["text"], q
    assert "cue" in q and "speaker" in q
    speakers.add(q["speaker"])
assert "Nora Castell" in speakers, speakers
PY
px compare "$lib_event" --json > "$work/b.json" || fail "second compare failed"
cmp -s "$work/a.json" "$work/b.json" || fail "cached comparison differs from the first"
px compare "$lib_event" | grep -q "^Event $lib_event: " || fail "text summary lacks its heading"

# Editing.
px event rename "$lib_event" "Library reopening" || fail "rename failed"
px events | grep -qP "^$lib_event\tLibrary reopening\t" || fail "rename not listed"
px compare "$lib_event" --json | grep -q '"title" : "Library reopening"' || fail "compare ignores the new name"
new=$(px event new "$ferry" "$radio") || fail "event new failed"
[ "$(event_of "$ferry")" = "$new" ] && [ "$(event_of "$radio")" = "$new" ] || fail "event new did not group: $(px events)"
px event move "$radio" "$lib_event" || fail "move failed"
[ "$(event_of "$radio")" = "$lib_event" ] || fail "move did not move"
split=$(px event split "$lib_event" "$gazette") || fail "split failed"
[ "$(event_of "$gazette")" = "$split" ] || fail "split did not split"
px event merge "$lib_event" "$split" || fail "merge failed"
[ "$(event_of "$gazette")" = "$lib_event" ] || fail "merge did not merge"
px events | grep -qP "^$split\t" && fail "merged event still listed"
# The cache follows the documents: the comparison now has the gazette.
px compare "$lib_event" --json | grep -q "\"id\" : $gazette," || fail "comparison misses a merged document"

# Errors: one line on stderr, exit codes of px-cli.h.
px compare 99999 --json 2>"$work/err"; rc=$?
[ $rc -eq 1 ] || fail "compare of a missing event should exit 1, got $rc"
[ "$(wc -l < "$work/err")" -eq 1 ] || fail "error is not one line: $(cat "$work/err")"
px compare abc 2>/dev/null; [ $? -eq 2 ] || fail "bad id should be a usage error"
px compare 2>/dev/null; [ $? -eq 2 ] || fail "missing id should be a usage error"
px event merge "$lib_event" "$lib_event" 2>"$work/err"; [ $? -eq 1 ] || fail "merge into itself should fail"
grep -q 'itself' "$work/err" || fail "unclear error: $(cat "$work/err")"
px event frobnicate 1 2 2>/dev/null; [ $? -eq 2 ] || fail "unknown event action should be a usage error"
px event split "$lib_event" "$ferry" 2>/dev/null; [ $? -eq 1 ] || fail "split of a foreign document should fail"
"$bin" --library "$work/none.db" compare 1 2>/dev/null; [ $? -eq 3 ] || fail "missing library should exit 3"
[ -e "$work/none.db" ] && fail "compare created a library"
echo "cli-compare: all checks passed"
