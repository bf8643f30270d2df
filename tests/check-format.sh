#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The one formatter (.clang-format) and the editor settings
# (.editorconfig) hold for every C file: fail on any difference.
set -u
top=${1:?source root}
cd "$top" || exit 1
status=0
files=$(git ls-files -co --exclude-standard 'src/*.[ch]' 'tests/*.[ch]' 'tools/*.[ch]' 'fuzz/*.[ch]' 2>/dev/null || find src tests tools fuzz -name '*.[ch]')
existing=$(for f in $files; do [ -f "$f" ] && echo "$f"; done)
# One clang-format run for all files: starting one per file is slow. It
# is looked for now, not when meson configured: tools/run configures
# before tools/test installs it.
have_clang_format=0
if command -v clang-format >/dev/null; then
  have_clang_format=1
  # shellcheck disable=SC2086
  for f in $(clang-format --dry-run -Werror $existing 2>&1 | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error:.*/\1/p' | sort -u); do
    echo "not formatted: $f (run: clang-format -i $f)"
    status=1
  done
else
  echo "clang-format is not installed: the formatting was not checked"
fi
for f in $existing; do
  if grep -nP '\t|[ \t]+$' "$f" >/dev/null; then
    echo "tabs or trailing spaces: $f"
    status=1
  fi
  if [ -n "$(tail -c1 "$f")" ]; then
    echo "no final newline: $f"
    status=1
  fi
  if ! head -n 3 "$f" | grep -q 'SPDX-License-Identifier'; then
    echo "no SPDX line: $f"
    status=1
  fi
done
[ $status -ne 0 ] && exit $status
# Skipped (77), not passed, when half of it could not run.
[ $have_clang_format -eq 1 ] || exit 77
echo "format: all C files follow .clang-format and .editorconfig"
