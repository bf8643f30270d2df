#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 15, an honest command line: one bad path does not stop an import,
# usage errors say so (exit 2), a full disk is said once, export never
# overwrites what Parallax did not write.
set -u
bin=${PARALLAX_BIN:?}
work=$(mktemp -d)
chmod 755 "$work"
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
fail() { echo "FAIL: $*" >&2; exit 1; }
article() { printf 'Bridge works %s\n\nThe swing bridge %s closed for repairs to its turning gear this week.\n' "$1" "$1"; }

# 15.11: a missing path fails alone; the others are imported.
article one > "$work/ok.txt"
"$bin" --library "$work/a.db" import "$work/ok.txt" /nonexistent.txt >"$work/out" 2>"$work/err"; rc=$?
[ $rc -eq 1 ] || fail "missing path: exit $rc"
grep -q "^imported" "$work/out" || fail "missing path: ok.txt not imported: $(cat "$work/err")"
grep -q "nonexistent.txt: no such file" "$work/err" || fail "missing path: $(cat "$work/err")"

# An unreadable subfolder fails alone; linked files and folders are
# followed, a link loop is not, a broken link is reported.
mkdir -p "$work/tree/sub" "$work/tree/locked" "$work/elsewhere"
article two > "$work/tree/two.txt"
article three > "$work/tree/sub/three.txt"
article four > "$work/tree/locked/four.txt"
article five > "$work/elsewhere/five.txt"
article six > "$work/elsewhere/six.txt"
ln -s "$work/elsewhere/five.txt" "$work/tree/five.txt"
ln -s "$work/elsewhere" "$work/tree/linked"
ln -s "$work/tree" "$work/tree/sub/loop"
ln -s "$work/gone.txt" "$work/tree/broken.txt"
chmod 000 "$work/tree/locked"
as_user=(env)
[ "$(id -u)" -eq 0 ] && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
mkdir "$work/lib" && chmod 777 "$work/lib"
timeout 60 "${as_user[@]}" "$bin" --library "$work/lib/b.db" import "$work/tree" >"$work/out" 2>"$work/err"; rc=$?
[ $rc -eq 1 ] || fail "folder: exit $rc: $(cat "$work/err")"
n=$(grep -c "^imported" "$work/out")
[ "$n" -eq 4 ] || fail "folder: $n imported, expected 4 (two, three, five, six): $(cat "$work/out") $(cat "$work/err")"
grep -q "locked" "$work/err" || fail "folder: the unreadable folder is not reported: $(cat "$work/err")"
grep -q "broken.txt" "$work/err" || fail "folder: the broken link is not reported: $(cat "$work/err")"
chmod 755 "$work/tree/locked"

# 15.17: usage errors exit 2 with one "parallax:" line that names what is
# wrong.
usage() {
  local pattern=$1 rc
  shift
  "$bin" "$@" >/dev/null 2>"$work/err"; rc=$?
  [ $rc -eq 2 ] || fail "usage: $* exited $rc: $(cat "$work/err")"
  [ "$(wc -l < "$work/err")" -eq 1 ] && grep -qE "^parallax: .*$pattern" "$work/err" ||
    fail "usage: $*: $(cat "$work/err")"
}
usage 'unknown option .--bogus' --bogus
usage 'unknown option .--bogus' --bogus --library "$work/a.db" list
usage 'unknown option .--bogus' --library "$work/a.db" --bogus list
usage 'not an event id' --library "$work/a.db" compare abc
usage '--tag .\\xff. is not valid UTF-8' --library "$work/a.db" annotate 1 --quote swing --tag ok --tag $'\xff'
usage '--note .a\\xfe. is not valid UTF-8' --library "$work/a.db" annotate 1 --quote swing --note=$'a\xfe'
usage '--quote' --library "$work/a.db" annotate 1 --quote $'\xff'

# 15.18: export -o DIR never overwrites a file Parallax did not write, nor
# another article's export of the same title; what a killed export left
# (NAME.md.XXXXXX) is cleaned on the next run, a user's file is not.
printf 'Storm warning\n\nThe coast guard warned boats to stay in port tonight.\n' > "$work/s1.txt"
printf 'Storm warning\n\nA second outlet said the storm would pass by noon.\n' > "$work/s2.txt"
"$bin" --library "$work/e.db" import "$work/s1.txt" "$work/s2.txt" >"$work/ids" || fail "export: import"
id1=$(sed -n 1p "$work/ids" | cut -f2); id2=$(sed -n 2p "$work/ids" | cut -f2)
mkdir "$work/exp"
echo "my own notes" > "$work/exp/Storm warning.md"
printf -- '---\ntitle: "Storm warning"\nparallax_document: 9\n---\n' > "$work/exp/Storm warning.md.Ab12Cd"
: > "$work/exp/Calm.md.Xy34Zw"
echo "keep me" > "$work/exp/diary.md.Zz99Yy"
printf -- '---\ntitle: my post\n---\nDraft.\n' > "$work/exp/post.md.backup"
"$bin" --library "$work/e.db" export --document "$id1" -o "$work/exp" >/dev/null 2>"$work/err" || fail "export 1: $(cat "$work/err")"
[ "$(cat "$work/exp/Storm warning.md")" = "my own notes" ] || fail "export overwrote the user's file"
grep -q "parallax_document: $id1" "$work/exp/Storm warning (2).md" || fail "export 1 not in (2)"
"$bin" --library "$work/e.db" export --document "$id2" -o "$work/exp" >/dev/null || fail "export 2"
grep -q "parallax_document: $id1" "$work/exp/Storm warning (2).md" || fail "article 2 overwrote article 1"
grep -q "parallax_document: $id2" "$work/exp/Storm warning (3).md" || fail "export 2 not in (3)"
"$bin" --library "$work/e.db" export --document "$id1" -o "$work/exp" >/dev/null || fail "export 1 again"
[ ! -e "$work/exp/Storm warning (4).md" ] || fail "exporting article 1 again made a new file"
[ ! -e "$work/exp/Storm warning.md.Ab12Cd" ] || fail "a killed export's temporary file is left"
[ ! -e "$work/exp/Calm.md.Xy34Zw" ] || fail "an empty temporary file is left"
[ "$(cat "$work/exp/diary.md.Zz99Yy")" = "keep me" ] || fail "a user's file was removed"
grep -q '^Draft.$' "$work/exp/post.md.backup" || fail "a user's file with front matter of its own was removed"

# 15.7: documented limits, with clear messages, before the work is done.
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
with open(work + "/huge.txt", "w") as f:
    f.write("A very long report\n\n")
    f.write("The tide rose over the quay again this morning. " * 100000)  # 4.9 MB
with open(work + "/items.md", "w") as f:
    f.write("# Inventory\n\n")
    f.write("".join("- crate %d\n" % i for i in range(60000)))
with open(work + "/sentences.txt", "w") as f:
    f.write("Many sentences\n\n")
    f.write(" ".join("Crate %d was unloaded." % i for i in range(21000)))
PY
"$bin" --library "$work/l.db" import "$work/huge.txt" >/dev/null 2>"$work/err"; rc=$?
[ $rc -eq 1 ] && grep -q "too long: 4.6 MB of text (at most 4 MB" "$work/err" || fail "huge text: exit $rc: $(cat "$work/err")"
"$bin" --library "$work/l.db" import "$work/items.md" >/dev/null 2>"$work/err"; rc=$?
[ $rc -eq 1 ] && grep -q "too long: 60001 paragraphs (at most 50000" "$work/err" || fail "long list: exit $rc: $(cat "$work/err")"
"$bin" --library "$work/l.db" import "$work/sentences.txt" >/dev/null 2>"$work/err" || fail "sentences: $(cat "$work/err")"
ev=$("$bin" --library "$work/l.db" events | cut -f1)
timeout 120 "$bin" --library "$work/l.db" compare "$ev" >/dev/null 2>"$work/err"; rc=$?
[ $rc -eq 1 ] && grep -q "too long to compare: about 2[0-9]* sentences (at most 10000)" "$work/err" ||
  fail "compare of a long article: exit $rc: $(cat "$work/err")"

echo "cli-honest: all checks passed"
