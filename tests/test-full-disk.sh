#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A real full disk: a small tmpfs in a private mount namespace (root, or an
# unprivileged user namespace). The failing action is reported, what was
# saved stays intact, the process keeps running, and a retry after space
# is freed works, both for a long-lived store and for the command line.
# Skips (exit 77) where no namespace or mount is allowed; the page-limit
# test in test-reliability covers the same path everywhere.
#   test-full-disk.sh TEST-RELIABILITY   (and PARALLAX_BIN in the environment)
set -u
reliability=${1:?test-reliability binary}
bin=${PARALLAX_BIN:?}

if [ -z "${PX_FULL_DISK_NS:-}" ]; then
  export PX_FULL_DISK_NS=1
  if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
    exec unshare -m --propagation private "$0" "$@"
  fi
  if unshare -Urm true 2>/dev/null; then
    exec unshare -Urm --propagation private "$0" "$@"
  fi
  echo "full-disk: no private mount namespace here (unshare not permitted): skipped"
  exit 77
fi

work=$(mktemp -d)
disk="$work/disk"
mkdir "$disk"
if ! mount -t tmpfs -o size=24m,mode=0700 tmpfs "$disk" 2>"$work/mount.err"; then
  echo "full-disk: cannot mount a tmpfs here: $(cat "$work/mount.err"): skipped"
  rm -rf "$work"
  exit 77
fi
trap 'umount "$disk"; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
unset DISPLAY WAYLAND_DISPLAY

# 1. A long-lived store (as the window holds one).
PX_TEST_FULL_DISK_DIR=$disk "$reliability" -p /reliability/full-disk/tmpfs || fail "store on a full disk"
rm -f "$disk"/*

# 2. The command line. Articles of about 60 KB each, on the normal disk.
mkdir "$work/in"
for i in $(seq 1 40); do
  {
    printf 'Pier notice %d\n\n' "$i"
    for j in $(seq 1 300); do printf 'Notice %d, line %d: the pier closes at dusk for repairs to the rail. ' "$i" "$j"; done
    printf '\n'
  } > "$work/in/notice-$i.txt"
done
lib="$disk/library.db"
"$bin" --library "$lib" import "$work/in/notice-1.txt" >/dev/null || fail "first import"
# Fill the disk, then leave about 600 KB: room for a few articles only.
dd if=/dev/zero of="$disk/ballast" bs=64k 2>/dev/null
size=$(stat -c %s "$disk/ballast")
truncate -s $((size - 600 * 1024)) "$disk/ballast"

"$bin" --library "$lib" import "$work/in" >"$work/out" 2>"$work/err"; rc=$?
[ $rc -ne 0 ] || fail "import onto a full disk succeeded"
[ "$(wc -l < "$work/err")" -eq 1 ] || fail "not one error line: $(cat "$work/err")"
grep -q 'The disk is full' "$work/err" || fail "unclear error: $(cat "$work/err")"
done_before=$(grep -c '^\(imported\|duplicate\)' "$work/out")
[ "$done_before" -ge 1 ] && [ "$done_before" -lt 40 ] || fail "expected some imports before the disk filled: $done_before"

# Everything reported was kept, and the library is sound.
"$bin" --library "$lib" check >/dev/null || fail "library damaged after the full disk"
listed=$("$bin" --library "$lib" list | wc -l)
[ "$listed" -eq "$done_before" ] || fail "list shows $listed documents, $done_before were reported"

# Space freed: the same import now completes.
rm -f "$disk/ballast"
"$bin" --library "$lib" import "$work/in" >"$work/out" 2>"$work/err" || fail "retry failed: $(cat "$work/err")"
[ "$("$bin" --library "$lib" list | wc -l)" -eq 40 ] || fail "not all 40 documents after the retry"
"$bin" --library "$lib" check >/dev/null || fail "library damaged after the retry"
# Issue 15.16: a disk that fills up while an article is stored (a write
# fails, then a constraint because of it) or so full that SQLite cannot
# even set up its -shm file: one line, and it says the disk is full.
dd if=/dev/zero of="$disk/ballast" bs=4k 2>/dev/null
size=$(stat -c %s "$disk/ballast")
truncate -s $((size - 8 * 1024)) "$disk/ballast"
printf 'Late notice\n\nThe pier reopens on Friday after the repairs to the rail are done.\n' > "$work/late.txt"
"$bin" --library "$lib" import "$work/late.txt" >"$work/out" 2>"$work/err"; rc=$?
[ $rc -ne 0 ] || fail "import onto a disk with 8 KB left succeeded"
[ "$(wc -l < "$work/err")" -eq 1 ] || fail "8 KB left, open library: not one error line: $(cat "$work/err")"
grep -q 'The disk is full' "$work/err" || fail "8 KB left, open library: unclear error: $(cat "$work/err")"
rm -f "$disk/ballast"
"$bin" --library "$lib" check >/dev/null || fail "library damaged after the disk filled"
rm -f "$lib-wal" "$lib-shm"
dd if=/dev/zero of="$disk/ballast" bs=4k 2>/dev/null
size=$(stat -c %s "$disk/ballast")
truncate -s $((size - 8 * 1024)) "$disk/ballast"
printf 'Late notice\n\nThe pier reopens on Friday after the repairs to the rail are done.\n' > "$work/late.txt"
"$bin" --library "$lib" import "$work/late.txt" >"$work/out" 2>"$work/err"; rc=$?
[ $rc -ne 0 ] || fail "import onto a disk with 8 KB left succeeded"
[ "$(wc -l < "$work/err")" -eq 1 ] || fail "8 KB left: not one error line: $(cat "$work/err")"
grep -q 'The disk is full' "$work/err" || fail "8 KB left: unclear error: $(cat "$work/err")"
rm -f "$disk/ballast"
"$bin" --library "$lib" check >/dev/null || fail "library damaged after the disk filled at opening"

echo "full-disk: all checks passed"
