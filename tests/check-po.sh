#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every translation in po/LINGUAS passes msgfmt --check (formats, plural
# forms, header) and has no fuzzy entries. Untranslated messages are
# reported but allowed: strings land on main before their translation
# (docs/translating.md).
set -u
top=${1:?source root}
cd "$top/po" || exit 1
status=0
for lang in $(grep -v '^#' LINGUAS); do
  if [ ! -f "$lang.po" ]; then
    echo "$lang is in po/LINGUAS but po/$lang.po is missing"
    status=1
    continue
  fi
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$lang.po" 2>&1); then
    echo "$stats"
    echo "po/$lang.po: msgfmt --check failed"
    status=1
    continue
  fi
  echo "po/$lang.po: $stats"
  if grep -q 'fuzzy translation' <<<"$stats"; then
    echo "po/$lang.po has fuzzy entries: review them and remove the fuzzy flag"
    status=1
  fi
done
exit $status
