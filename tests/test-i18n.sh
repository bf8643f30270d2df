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

# The exported Markdown's headings follow the language too.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'Harbour ferry resumes\n\nThe ferry to the island runs again from Monday.\n' > "$work/a.txt"
if "$bin" --library "$work/lib.db" import "$work/a.txt" >/dev/null 2>&1; then
  id=$("$bin" --library "$work/lib.db" list | cut -f1)
  out=$(LC_ALL=C.UTF-8 LANGUAGE=de "$bin" --library "$work/lib.db" export --document "$id" --full-text 2>&1)
  grep -qx '## Markierungen' <<<"$out" || fail "export headings are not German: $out"
  grep -qx '## Volltext' <<<"$out" || fail "no German full-text heading: $out"
  out=$(LC_ALL=C.UTF-8 LANGUAGE= "$bin" --library "$work/lib.db" export --document "$id" --full-text 2>&1)
  grep -qx '## Highlights' <<<"$out" || fail "English export headings changed: $out"
  # The event export's outlet table too.
  event=$(LC_ALL=C.UTF-8 "$bin" --library "$work/lib.db" events 2>/dev/null | cut -f1 | head -n 1)
  out=$(LC_ALL=C.UTF-8 LANGUAGE=de "$bin" --library "$work/lib.db" export --event "$event" 2>&1)
  grep -q '^| Medium | Titel | Datum | Autor | Eigener Text | Kopie von | Markierungen |$' <<<"$out" ||
    fail "event export columns are not German: $out"
else
  fail "import failed"
fi

[ $status -eq 0 ] && echo "i18n: German help, errors and export headings"
exit $status
