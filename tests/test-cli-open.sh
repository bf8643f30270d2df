#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 15, libraries: a damaged library is never written to, a damaged
# index does not stop list or export, and read verbs never create or
# change a library (a mistyped path, a FIFO, an empty file).
set -u
bin=${PARALLAX_BIN:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$work/in"
for i in $(seq 1 30); do
  {
    printf 'Lock gate repair %d\n\n' "$i"
    for j in $(seq 1 40); do printf 'Crew %d worked on gate %d through the night shift. ' "$j" "$i"; done
    printf '\n\nThe canal reopens on Monday.\n'
  } > "$work/in/gate-$i.txt"
done
good="$work/good.db"
"$bin" --library "$good" import "$work/in" >/dev/null || fail "could not build the library"

# $1 library, $2 object name: garbage over one leaf page of that table or
# index (exit 77 without dbstat).
damage() {
  python3 - "$1" "$2" <<'PY'
import sqlite3, sys
path, name = sys.argv[1], sys.argv[2]
db = sqlite3.connect(path)
try:
    page = db.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'"
                      " ORDER BY pageno LIMIT 1 OFFSET 1", (name,)).fetchone()
    if page is None:
        page = db.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno LIMIT 1", (name,)).fetchone()
except sqlite3.Error:
    sys.exit(77)
db.close()
page = page[0]
data = bytearray(open(path, "rb").read())
data[(page - 1) * 4096 + 8:(page - 1) * 4096 + 4000] = b"\x5a" * 3992
open(path, "wb").write(bytes(data))
PY
}

# 15.4: damaged pages elsewhere in the file: annotate, note, import and
# event edits write nothing and exit 3.
cp "$good" "$work/damaged.db"
if damage "$work/damaged.db" documents; then
  "$bin" --library "$work/damaged.db" check >/dev/null 2>&1 && fail "check does not see the damage"
  first=$("$bin" --library "$good" list | head -n 1 | cut -f1)
  cp "$work/damaged.db" "$work/before"
  for args in "annotate $first --quote Crew" "import $work/in/gate-1.txt" "event new $first"; do
    # shellcheck disable=SC2086
    "$bin" --library "$work/damaged.db" $args >/dev/null 2>"$work/err"; rc=$?
    [ $rc -eq 3 ] || fail "damaged: $args exited $rc: $(cat "$work/err")"
    [ "$(wc -l < "$work/err")" -eq 1 ] && grep -q "damaged, so nothing more is saved" "$work/err" ||
      fail "damaged: $args: unclear error: $(cat "$work/err")"
    cmp -s "$work/before" "$work/damaged.db" || fail "damaged: $args changed the library"
    [ ! -s "$work/damaged.db-wal" ] || fail "damaged: $args wrote a WAL"
  done
else
  echo "no dbstat in this SQLite: skipping the damaged library"
fi

# 15.5: one damaged leaf page of the list's index: list still lists every
# document, export --all saves every article and exits 3.
cp "$good" "$work/index.db"
if damage "$work/index.db" documents_order; then
  n=$("$bin" --library "$work/index.db" list 2>"$work/err" | wc -l)
  [ "$n" -eq 30 ] || fail "damaged index: list shows $n of 30: $(cat "$work/err")"
  "$bin" --library "$work/index.db" export --all -o "$work/rescued" >/dev/null 2>"$work/err"; rc=$?
  [ $rc -eq 3 ] || fail "damaged index: export exited $rc: $(cat "$work/err")"
  [ "$(wc -l < "$work/err")" -eq 1 ] || fail "damaged index: not one line: $(cat "$work/err")"
  saved=$(find "$work/rescued" -name '*.md' ! -name index.md | wc -l)
  [ "$saved" -eq 30 ] || fail "damaged index: export saved $saved of 30"
fi

# 15.6: read verbs never create a library.
for verb in list "show 1" annotations events "export --document 1" check "compare 1"; do
  # shellcheck disable=SC2086
  "$bin" --library "$work/typo.db" $verb >/dev/null 2>"$work/err"; rc=$?
  [ $rc -eq 3 ] || fail "missing library: $verb exited $rc"
  grep -q "There is no library" "$work/err" || fail "missing library: $verb: $(cat "$work/err")"
  [ ! -e "$work/typo.db" ] || fail "missing library: $verb created it"
done

# A FIFO is refused at once (a blocking open would hang).
mkfifo "$work/fifo.db"
timeout 20 "$bin" --library "$work/fifo.db" import "$work/in/gate-1.txt" >/dev/null 2>"$work/err"; rc=$?
[ $rc -ne 124 ] || fail "fifo: import hangs"
[ $rc -eq 3 ] && grep -q "not a regular file" "$work/err" || fail "fifo: import: exit $rc: $(cat "$work/err")"
timeout 20 "$bin" --library "$work/fifo.db" list >/dev/null 2>"$work/err"; rc=$?
[ $rc -eq 3 ] && grep -q "not a regular file" "$work/err" || fail "fifo: list: exit $rc: $(cat "$work/err")"

# An empty file, or another program's empty database, is left alone.
: > "$work/empty.db"
python3 -c "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute('PRAGMA journal_mode=WAL'); db.execute('CREATE TABLE t (x)'); db.execute('DROP TABLE t'); db.commit(); db.close()" "$work/foreign.db"
for f in empty foreign; do
  cp "$work/$f.db" "$work/before"
  for args in list "import $work/in/gate-1.txt"; do
    # shellcheck disable=SC2086
    "$bin" --library "$work/$f.db" $args >/dev/null 2>"$work/err"; rc=$?
    [ $rc -eq 3 ] || fail "$f: $args exited $rc: $(cat "$work/err")"
    grep -q "not a Parallax library" "$work/err" || fail "$f: $args: $(cat "$work/err")"
    cmp -s "$work/before" "$work/$f.db" || fail "$f: $args changed the file"
  done
done

echo "cli-open: all checks passed"
