#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
top=${1:?source root}
cd "$top" || exit 1
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
if [ "$listed" != "$(sort <<<"$listed")" ]; then
  echo "po/POTFILES.in is not sorted"
  status=1
fi
for f in $(git ls-files -co --exclude-standard 'src/*.c' 'src/*.ui' 'ui/*.ui' 'data/*.in' 'data/*.xml' 2>/dev/null); do
  if grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext) ?\(|translatable="yes"|<summary>|gettext-domain' "$f" &&
     ! grep -qxF "$f" <<<"$listed"; then
    echo "marks strings but is not in po/POTFILES.in: $f"
    status=1
  fi
done
for f in $listed; do
  [ -f "$f" ] || { echo "listed in po/POTFILES.in but missing: $f"; status=1; }
done
[ $status -eq 0 ] && echo "potfiles: complete and sorted"
exit $status
