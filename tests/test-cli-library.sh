#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line on a library in trouble: each case exits non-zero with
# one line on stderr and leaves the file exactly as it was; a read-only
# library still reads; two processes importing at once both succeed.
set -u
bin=${PARALLAX_BIN:?}
work=$(mktemp -d)
chmod 755 "$work"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$work/in"
for i in $(seq 1 30); do
  {
    printf 'Ferry timetable change %d\n\n' "$i"
    for j in $(seq 1 40); do printf 'Sailing %d of route %d leaves the north pier at the usual hour. ' "$j" "$i"; done
    printf '\n\nThe operator thanked passengers for their patience.\n'
  } > "$work/in/ferry-$i.txt"
done
good="$work/good.db"
"$bin" --library "$good" import "$work/in" >/dev/null || fail "could not build the library"
[ "$("$bin" --library "$good" check)" = "ok" ] || fail "check of a sound library"

# $1 name, $2 file, $3 expected message (grep -E), then the verb.
refuse() {
  local name=$1 file=$2 pattern=$3 rc
  shift 3
  cp "$file" "$work/before"
  "$bin" --library "$file" "$@" >"$work/out" 2>"$work/err"; rc=$?
  [ $rc -ne 0 ] || fail "$name: $* succeeded"
  [ "$(wc -l < "$work/err")" -eq 1 ] || fail "$name: not one line: $(cat "$work/err")"
  grep -qE "^parallax: .*($pattern)" "$work/err" || fail "$name: unclear error: $(cat "$work/err")"
  cmp -s "$work/before" "$file" || fail "$name: the file was modified"
  [ ! -e "$file-wal" ] || [ ! -s "$file-wal" ] || fail "$name: a WAL was written"
}

size=$(stat -c %s "$good")

cp "$good" "$work/truncated.db"
truncate -s $((size / 2)) "$work/truncated.db"
for verb in list import check; do
  args=("$verb"); [ "$verb" = import ] && args+=("$work/in/ferry-1.txt")
  refuse truncated "$work/truncated.db" "damaged|cut off" "${args[@]}"
done
[ "$("$bin" --library "$work/truncated.db" list 2>/dev/null; echo $?)" = 3 ] || fail "truncated: exit code is not 3"

cp "$good" "$work/damaged.db"
# Garbage over the middle of every page after the first two.
python3 - "$work/damaged.db" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
for page in range(2, len(data) // 4096):
    data[page * 4096 + 1200: page * 4096 + 2800] = b"\x5a" * 1600
open(path, "wb").write(bytes(data))
PY
refuse damaged "$work/damaged.db" "damaged" check

# One damaged page of articles: export --all saves the others, lists the
# lost one in the index, says so in one line and exits 3.
cp "$good" "$work/one-page.db"
if python3 - "$work/one-page.db" <<'PY'
import sqlite3, sys
path = sys.argv[1]
db = sqlite3.connect(path)
try:
    page = db.execute("SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'leaf'"
                      " ORDER BY pageno LIMIT 1 OFFSET 1").fetchone()[0]
except sqlite3.Error:
    sys.exit(77)
db.close()
data = bytearray(open(path, "rb").read())
data[(page - 1) * 4096 + 8:(page - 1) * 4096 + 4000] = b"\x5a" * 3992
open(path, "wb").write(bytes(data))
PY
then
  "$bin" --library "$work/one-page.db" export --all -o "$work/rescued" >"$work/out" 2>"$work/err"; rc=$?
  [ $rc -eq 3 ] || fail "export from a damaged library: exit $rc: $(cat "$work/err")"
  [ "$(wc -l < "$work/err")" -eq 1 ] && grep -q "could not be read" "$work/err" ||
    fail "export from a damaged library: $(cat "$work/err")"
  saved=$(find "$work/rescued" -name '*.md' ! -name index.md | wc -l)
  [ "$saved" -gt 20 ] && [ "$saved" -lt 30 ] || fail "export from a damaged library saved $saved of 30"
  grep -q "^## Could not be read" "$work/rescued/index.md" || fail "the index does not list what was lost"
else
  echo "no dbstat in this SQLite: skipping the export of a damaged library"
fi

printf 'Shopping list\n- bread\n- tea\n' > "$work/notes.db"
refuse not-sqlite "$work/notes.db" "not a Parallax library" list
refuse not-sqlite "$work/notes.db" "not a Parallax library" import "$work/in/ferry-1.txt"
head -c 4096 /dev/urandom > "$work/random.db"
refuse random "$work/random.db" "not a Parallax library" list

python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1]); db.execute('CREATE TABLE recipes (name TEXT)'); db.commit()" "$work/recipes.db"
refuse other-program "$work/recipes.db" "another program" list

cp "$good" "$work/newer.db"
python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1]); db.execute('PRAGMA user_version = 999'); db.commit(); db.close()" "$work/newer.db"
refuse newer "$work/newer.db" "newer version" list
refuse newer "$work/newer.db" "newer version" import "$work/in/ferry-2.txt"

# Read-only: reading works, writing says why. As root, permissions do not
# apply: run as nobody.
as_user=(env)
[ "$(id -u)" -eq 0 ] && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
{
  mkdir "$work/shelf"
  cp "$good" "$work/shelf/ro.db"
  chmod 444 "$work/shelf/ro.db"
  n=$("${as_user[@]}" "$bin" --library "$work/shelf/ro.db" list | wc -l)
  [ "$n" -eq 30 ] || fail "read-only: list shows $n documents"
  "${as_user[@]}" "$bin" --library "$work/shelf/ro.db" check >/dev/null || fail "read-only: check failed"
  refuse_ro() {
    cp "$work/shelf/ro.db" "$work/before"
    "${as_user[@]}" "$bin" --library "$work/shelf/ro.db" import "$work/in/ferry-3.txt" >/dev/null 2>"$work/err" &&
      fail "read-only: import succeeded"
    [ "$(wc -l < "$work/err")" -eq 1 ] || fail "read-only: not one line: $(cat "$work/err")"
    grep -q 'read-only' "$work/err" || fail "read-only: unclear error: $(cat "$work/err")"
    cmp -s "$work/before" "$work/shelf/ro.db" || fail "read-only: the file was modified"
  }
  refuse_ro
  # The same in a read-only folder (the file itself writable).
  chmod 644 "$work/shelf/ro.db"
  [ "$(id -u)" -eq 0 ] && chown 65534 "$work/shelf/ro.db"
  chmod 555 "$work/shelf"
  n=$("${as_user[@]}" "$bin" --library "$work/shelf/ro.db" list | wc -l)
  [ "$n" -eq 30 ] || fail "read-only folder: list shows $n documents"
  refuse_ro
  chmod 755 "$work/shelf"
}

# Two processes importing into one library at the same time: both finish,
# every article is there once, the library is sound.
shared="$work/shared.db"
"$bin" --library "$shared" import "$work/in/ferry-1.txt" >/dev/null || fail "shared: first import"
"$bin" --library "$shared" import "$work/in" >"$work/a.out" 2>"$work/a.err" & a=$!
"$bin" --library "$shared" import "$work/in" >"$work/b.out" 2>"$work/b.err" & b=$!
wait $a || fail "shared: first process failed: $(cat "$work/a.err")"
wait $b || fail "shared: second process failed: $(cat "$work/b.err")"
[ "$(cat "$work/a.out" "$work/b.out" | grep -c '^imported')" -eq 29 ] || fail "shared: each article should be imported once"
[ "$("$bin" --library "$shared" list | wc -l)" -eq 30 ] || fail "shared: not 30 documents"
[ "$("$bin" --library "$shared" check)" = "ok" ] || fail "shared: library damaged"

echo "cli-library: all checks passed"
