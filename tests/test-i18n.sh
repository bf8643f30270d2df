#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The German catalogue reaches the command line: LANGUAGE=de under a UTF-8
# locale shows German help and German errors. Needs PARALLAX_BIN and
# PARALLAX_LOCALEDIR (tests/meson.build sets both).
set -u
bin=${PARALLAX_BIN:?}
status=0
fail() { echo "FAIL: $*"; status=1; }

mo="$PARALLAX_LOCALEDIR/de/LC_MESSAGES/parallax.mo"
[ -f "$mo" ] || fail "German catalogue not built: $mo"

# C.UTF-8 is always there; glibc honours LANGUAGE for any locale but "C".
for loc in C.UTF-8 de_DE.UTF-8; do
  if [ "$loc" != C.UTF-8 ] && ! locale -a 2>/dev/null | grep -qix 'de_DE.utf8'; then
    echo "skip $loc: locale not generated"
    continue
  fi
  out=$(LC_ALL=$loc LANGUAGE=de "$bin" --help 2>&1)
  grep -q '^Aufruf:' <<<"$out" || fail "$loc: --help is not German: $out"
  grep -q '^Befehle:' <<<"$out" || fail "$loc: no „Befehle:“ in --help"
  out=$(LC_ALL=$loc LANGUAGE=de "$bin" frobnicate 2>&1)
  grep -q 'unbekannter Befehl' <<<"$out" || fail "$loc: error is not German: $out"
done

# Without LANGUAGE the help stays English.
out=$(LC_ALL=C.UTF-8 LANGUAGE= "$bin" --help 2>&1)
grep -q '^Usage:' <<<"$out" || fail "English --help changed: $out"

[ $status -eq 0 ] && echo "i18n: German help and errors"
exit $status
