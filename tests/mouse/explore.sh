#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Not a check: starts the window on the reader fixtures and runs the
# xdotool commands given, then takes a screenshot (for finding places).
source "$(dirname "$0")/common.sh"
f="$px_fixtures/reader"
if [ -n "${PX_FIXTURES:-}" ]; then
  make_library $PX_FIXTURES
else
  make_library "$f/harbour-gazette.txt" "$f/harbour-herald.txt" "$f/harbour-radio.txt"
fi
start_app open ${PX_OPEN:-1}
for cmd in "$@"; do eval "$cmd"; done
shot explore
cp "$work/app.log" "$shots/explore.log"
