# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
#
# The release part of flatpak/check (flatpak/check --release), sourced by it
# after the normal steps: it uses the check's pass/fail/step helpers, $CACHE,
# $top, $APP_ID, $fixture, rewrite and launch_app.
#
# It proves the path a user without Flathub takes: tools/release builds
# version N into a repository signed with a throwaway key, then two fresh
# user installations (no remotes, no runtime) install it, one from the
# single-file bundle and one from the .flatpakref through a file:// remote.
# The runtime comes through the RuntimeRepo those files name, here a
# stand-in for Flathub's .flatpakrepo that points at the stand-in runtime.
# Each installation imports an article with the command line and opens the
# window under Xvfb. Then version N+1 (a copy of the tree with the version
# bumped and release notes added) is released into the same repository, and
# both installations update to it keeping their library.

rel=$CACHE/release
out=$rel/out
rm -rf "$rel"
mkdir -p "$rel"

# 1. A throwaway key: made now, in a temporary GnuPG home, removed on exit.
step "release: throwaway signing key"
# Not exported: GnuPG's default home must not hold the key when Flatpak
# verifies signatures below (ostree would find it there and trust it).
gnupg_home=$(mktemp -d /tmp/parallax-release-gpg.XXXXXX)
chmod 700 "$gnupg_home"
trap 'rc=$?; gpgconf --homedir "$gnupg_home" --kill all >/dev/null 2>&1; rm -rf "$gnupg_home"; summary $rc' EXIT
unset GNUPGHOME
if gpg --homedir "$gnupg_home" --batch --passphrase '' --quick-gen-key \
  'Parallax release check <release-check@parallax.invalid>' ed25519 sign 1d >/dev/null 2>&1; then
  key=$(gpg --homedir "$gnupg_home" --batch --list-secret-keys --with-colons | awk -F: '/^fpr/ { print $10; exit }')
  pass "throwaway key ${key: -16} made in a temporary GNUPGHOME"
else
  fail "gpg could not make a key"
  exit 1
fi

# The stand-in for https://dl.flathub.org/repo/flathub.flatpakrepo: named
# the same, so the remote it adds is called "flathub" as on a real machine.
mkdir -p "$rel/flathub"
printf '[Flatpak Repo]\nTitle=Flathub (stand-in)\nUrl=file://%s\n' "$CACHE/repo" >"$rel/flathub/flathub.flatpakrepo"
runtime_repo=file://$rel/flathub/flathub.flatpakrepo

# Runs tools/release from the tree TREE with the local-sources manifest
# MANIFEST; prints the released version.
release() {
  local tree=$1 manifest=$2 logf=$3
  "$tree/tools/release" --gpg-sign="$key" --gpg-homedir="$gnupg_home" --out="$out" \
    --url="file://$out" --runtime-repo="$runtime_repo" --manifest="$manifest" \
    --state-dir="$CACHE/release-state" --builder-arg=--disable-rofiles-fuse \
    --builder-arg=--disable-download 2>"$logf"
}

# 2. Release N from the checkout.
step "release: version N"
version_n=$(release "$top" "$work_manifest" "$CACHE/logs/release-n.log")
if [ -z "$version_n" ]; then
  tail -n 30 "$CACHE/logs/release-n.log" >&2
  fail "tools/release failed for version N (log: $CACHE/logs/release-n.log)"
  exit 1
fi
bundle=$out/$APP_ID-$version_n.flatpak
ref_file=$out/$APP_ID.flatpakref
if [ -d "$out/repo/objects" ] && [ -s "$bundle" ] && [ -s "$ref_file" ] && [ -s "$out/parallax.flatpakrepo" ]; then
  pass "tools/release built $version_n: repo/, $(basename "$bundle") ($(du -h "$bundle" | cut -f1)), .flatpakref, .flatpakrepo ($(took))"
else
  fail "tools/release did not write the repository, bundle, .flatpakref and .flatpakrepo"
  exit 1
fi

# What was published: signed and checksummed, with only a public key, and
# files that point where they should.
if (cd "$out" && sha256sum --quiet -c SHA256SUMS) && gpg --homedir "$gnupg_home" --batch --verify "$out/SHA256SUMS.asc" "$out/SHA256SUMS" 2>/dev/null; then
  pass "SHA256SUMS match and its signature verifies"
else
  fail "SHA256SUMS do not match or SHA256SUMS.asc does not verify"
fi
if gpg --batch --list-packets "$out/parallax.gpg" 2>/dev/null | grep -q 'secret key packet'; then
  fail "parallax.gpg holds a secret key"
elif git -C "$top" grep -qI -e '-----BEGIN PGP PRIVATE KEY[ ]BLOCK' 2>/dev/null ||
  git -C "$top" ls-files -z '*.gpg' '*.pgp' '*.key' '*.kbx' '*secring*' | xargs -0 -r -I{} \
    gpg --batch --list-packets "$top/{}" 2>/dev/null | grep -q 'secret key packet'; then
  fail "a private key is committed in the tree"
else
  pass "published key is public only; no private key in the tree"
fi
# ostree reads keyring files (*.gpg) from --gpg-homedir, not GnuPG's keybox.
mkdir -p "$rel/keyring"
cp "$out/parallax.gpg" "$rel/keyring/"
ostree_key_ok=$(ostree --repo="$out/repo" show --gpg-homedir="$rel/keyring" "app/$APP_ID/x86_64/stable" 2>&1 | grep -c 'Good signature')
summary_sig=$(compgen -G "$out/repo/summary.sig" || true)
if [ "$ostree_key_ok" -ge 1 ] && [ -n "$summary_sig" ]; then
  pass "app commit and repository summary are signed"
else
  fail "app commit not signed with the key, or no summary.sig"
fi
if grep -qx "RuntimeRepo=$runtime_repo" "$ref_file" && grep -qx "Url=file://$out/repo/" "$ref_file" &&
  grep -q '^GPGKey=.' "$ref_file" && grep -q '^GPGKey=.' "$out/parallax.flatpakrepo"; then
  pass ".flatpakref names the repository, its key and the runtime's .flatpakrepo"
else
  fail ".flatpakref lacks Url, GPGKey or RuntimeRepo: $(grep -v GPGKey "$ref_file" | paste -sd' ')"
fi
if grep -q "FLATHUB_REPO=https://dl.flathub.org/repo/flathub.flatpakrepo" "$top/tools/release"; then
  pass "without --runtime-repo, tools/release points RuntimeRepo at Flathub's .flatpakrepo"
else
  fail "tools/release's default RuntimeRepo is not Flathub's .flatpakrepo"
fi

# The AppStream data GNOME Software reads: the appstream2 branch of the
# repository (appstream is the older name, for older clients).
step "release: AppStream in the repository"
check_appstream() {   # XML_FILE VERSION: prints what is missing
  "$PY" - "$1" "$2" "$APP_ID" "$top" <<'PYEOF'
import os, sys, xml.etree.ElementTree as ET
path, version, app_id, top = sys.argv[1:5]
root = ET.parse(path).getroot()
comps = [c for c in root.iter("component") if (c.findtext("id") or "").strip() in (app_id, app_id + ".desktop")]
if not comps:
    sys.exit("no component " + app_id)
c = comps[0]
missing = []
if (c.findtext("name") or "").strip() != "Parallax":
    missing.append("name")
if not (c.findtext("summary") or "").strip():
    missing.append("summary")
shots = [i.text.strip() for i in c.iter("image") if i.text]
if not shots:
    missing.append("screenshots")
for s in shots:   # each must be a screenshot the tree really has
    rel = s.split("/main/", 1)[-1]
    if "/main/" not in s or not os.path.exists(os.path.join(top, rel)):
        missing.append("screenshot file for " + s)
rels = c.findall("releases/release")
if not rels or rels[0].get("version") != version:
    missing.append("release %s first" % version)
else:
    desc = rels[0].find("description")
    if desc is None or not "".join(desc.itertext()).strip():
        missing.append("release notes of %s" % version)
if not [i for i in c.findall("icon") if i.get("type") == "cached"]:
    missing.append("cached icon")
print(" ".join(missing) if missing else "ok %d screenshots, release %s with notes" % (len(shots), version))
PYEOF
}
refs=$(ostree --repo="$out/repo" refs)
if grep -qx 'appstream2/x86_64' <<<"$refs" && grep -qx 'appstream/x86_64' <<<"$refs"; then
  ostree --repo="$out/repo" cat appstream2/x86_64 /appstream.xml >"$rel/appstream.xml"
  as=$(check_appstream "$rel/appstream.xml" "$version_n" 2>&1)
  if [ "${as%% *}" = ok ]; then
    pass "appstream2/x86_64 branch: name, summary, ${as#ok }, icon"
  else
    fail "appstream2/x86_64 branch lacks: $as"
  fi
else
  fail "no appstream/appstream2 branches in the repository (refs: $(paste -sd' ' <<<"$refs"))"
fi

# A fresh user installation: its own HOME, no remotes, no runtime.
fresh() { rm -rf "${rel:?}/$1"; mkdir -p "$rel/$1"; echo "$rel/$1"; }
uf() { HOME=$uhome flatpak --user "$@"; }
# Imports the fixture in the installation at $uhome and checks list/show.
# Sets $article_id.
cli_import() {   # LABEL
  local label=$1 out2 show
  article_id=
  if ! out2=$(HOME=$uhome flatpak run --filesystem="$(dirname "$fixture"):ro" "$APP_ID" import "$fixture" 2>&1); then
    fail "$label: parallax import failed: $out2"
    return
  fi
  out2=$(HOME=$uhome flatpak run "$APP_ID" list 2>&1)
  article_id=$(grep -F "$title" <<<"$out2" | head -n1 | cut -f1)
  if [ -n "$article_id" ] && show=$(HOME=$uhome flatpak run "$APP_ID" show "$article_id" 2>&1) && grep -qF "$body" <<<"$show"; then
    pass "$label: parallax import, list and show work (article $article_id)"
  else
    fail "$label: the imported article is not listed or shown: $out2"
  fi
}
body=$(grep -v '^[[:space:]]*$' "$fixture" | sed -n 2p | cut -c1-40)
runs_version() {   # prints what parallax --version says in $uhome
  HOME=$uhome flatpak run "$APP_ID" --version 2>/dev/null | awk '{ print $2 }'
}

# Version N just installed in $uhome: its version, the command line, the
# window. Sets $article_id.
try_installed() {   # LABEL
  local v
  v=$(runs_version)
  if [ "$v" = "$version_n" ]; then
    pass "$1: parallax --version says $v"
  else
    fail "$1: parallax --version says \"$v\", not $version_n"
  fi
  cli_import "$1"
  launch_app "$uhome" "$rel/$1.png" "$1: " ${article_id:+open "$article_id"}
}

# 3. From the bundle.
step "release: install from the bundle"
uhome=$(fresh home-bundle)
home_bundle=$uhome
if out2=$(uf install -y --noninteractive "$bundle" 2>&1); then
  origin=$(uf info --show-origin "$APP_ID" 2>/dev/null)
  runtime_origin=$(uf info --show-origin org.gnome.Platform//51 2>/dev/null)
  pass "bundle installed in a fresh installation (app from remote \"$origin\", runtime from \"$runtime_origin\" through RuntimeRepo; $(took))"
  try_installed bundle
else
  sed 's/^/[check]   /' <<<"$out2" >&2
  fail "bundle could not be installed in a fresh installation"
fi

# 4. From the repository: the .flatpakref adds a file:// remote with the key.
step "release: install from the repository"
uhome=$(fresh home-repo)
home_repo=$uhome
if out2=$(uf install -y --noninteractive --from "$ref_file" 2>&1); then
  remote_url=$(uf remotes --columns=name,url 2>/dev/null | awk '$1 == "parallax" { print $2 }')
  gpg_verify=$(HOME=$uhome ostree --repo="$uhome/.local/share/flatpak/repo" config get 'remote "parallax"'.gpg-verify 2>/dev/null)
  if [ "$remote_url" = "file://$out/repo/" ] && [ "$gpg_verify" = true ]; then
    pass "installed with --from $(basename "$ref_file") through remote parallax ($remote_url, gpg-verify=true; $(took))"
  else
    fail "remote parallax is \"$remote_url\" with gpg-verify=\"$gpg_verify\""
  fi
  try_installed repository
  id_repo=$article_id
else
  sed 's/^/[check]   /' <<<"$out2" >&2
  fail "could not install from the .flatpakref in a fresh installation"
fi

# A repository signed with another key is refused: the signature is checked,
# not just present.
step "release: a wrong key is refused"
uhome=$(fresh home-wrongkey)
other=$(mktemp -d /tmp/parallax-release-gpg2.XXXXXX)
chmod 700 "$other"
gpg --homedir "$other" --batch --passphrase '' --quick-gen-key 'Not Parallax <other@parallax.invalid>' ed25519 sign 1d >/dev/null 2>&1
gpg --homedir "$other" --batch --export >"$rel/other.gpg"
gpgconf --homedir "$other" --kill all >/dev/null 2>&1
rm -rf "$other"
uf remote-add --no-gpg-verify flathub "file://$CACHE/repo" >/dev/null 2>&1
# flatpak remote-add already fetches the summary and may stop there; the
# install must fail either way, on the signature.
out2=$(uf remote-add --gpg-import="$rel/other.gpg" parallax "file://$out/repo/" 2>&1)
out2+=$'\n'$(uf install -y --noninteractive parallax "$APP_ID" 2>&1)
if uf info "$APP_ID" >/dev/null 2>&1; then
  fail "the repository installed although the remote trusts another key"
elif grep -qi 'signature' <<<"$out2"; then
  pass "a remote trusting another key refuses the repository: $(grep -m1 -i 'signature' <<<"$out2" | cut -c1-90)"
else
  sed 's/^/[check]   /' <<<"$out2" >&2
  fail "the install with another key failed, but not on the signature"
fi

# 5. Version N+1: a copy of the tree with the version bumped in meson.build
# and release notes added to the metainfo, released into the same repository.
step "release: version N+1"
next=$rel/next-src
mkdir -p "$next"
git -C "$top" ls-files -z --cached --others --exclude-standard |
  (cd "$top" && tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$next"
# A git index of its own, so that the snapshot of the copy works as for the
# checkout (and an unchanged copy is a cache hit next time).
git -C "$next" init -q && git -C "$next" add -A
version_n1=$(awk -F. -v OFS=. '{ $NF = $NF + 1; print }' <<<"$version_n")
sed -i "/^project(/,/)/s/^\( *version: *'\)[^']*'/\1$version_n1'/" "$next/meson.build"
sed -i "0,/<releases>/s|<releases>|<releases>\n    <release version=\"$version_n1\" date=\"$(date -u +%F)\">\n      <description>\n        <p>Release made by the packaging check to try updates.</p>\n      </description>\n    </release>|" \
  "$next/data/$APP_ID.metainfo.xml.in"
next_manifest=$CACHE/work/$APP_ID.next.json
if ! manifest=$next/flatpak/$APP_ID.json work_manifest=$next_manifest \
  replacements=$CACHE/work/$APP_ID.next.replaced rewrite >/dev/null; then
  fail "the N+1 manifest could not be written"
  exit 1
fi
got=$(release "$next" "$next_manifest" "$CACHE/logs/release-n1.log")
if [ "$got" = "$version_n1" ]; then
  pass "tools/release built $version_n1 into the same repository ($(took))"
else
  tail -n 30 "$CACHE/logs/release-n1.log" >&2
  fail "tools/release failed for version N+1 (log: $CACHE/logs/release-n1.log)"
  exit 1
fi
ostree --repo="$out/repo" cat appstream2/x86_64 /appstream.xml >"$rel/appstream.xml"
as=$(check_appstream "$rel/appstream.xml" "$version_n1" 2>&1)
[ "${as%% *}" = ok ] && pass "appstream2 branch updated: ${as#ok }" || fail "appstream2 branch after N+1 lacks: $as"

# 6. Both installations update through the repository, library intact.
step "release: update N to N+1"
for which in repository bundle; do
  if [ $which = repository ]; then uhome=$home_repo; else uhome=$home_bundle; fi
  [ -d "$uhome/.local/share/flatpak/app/$APP_ID" ] || continue
  if ! out2=$(uf update -y --noninteractive 2>&1); then
    sed 's/^/[check]   /' <<<"$out2" >&2
    fail "$which: flatpak update failed"
    continue
  fi
  v=$(runs_version)
  list=$(HOME=$uhome flatpak run "$APP_ID" list 2>&1)
  if [ "$v" = "$version_n1" ] && grep -qF "$title" <<<"$list"; then
    pass "$which: updated $version_n -> $v, library intact (\"$title\" still listed)"
  else
    fail "$which: after the update, version \"$v\" and list: $list"
  fi
done
uhome=$home_repo
if [ -n "${id_repo:-}" ] && HOME=$uhome flatpak run "$APP_ID" show "$id_repo" 2>&1 | grep -qF "$body"; then
  pass "repository: article $id_repo reads the same after the update"
else
  fail "repository: article ${id_repo:-?} unreadable after the update"
fi
launch_app "$uhome" "$rel/repo-n1.png" "repository $version_n1: " ${id_repo:+open "$id_repo"}
# What GNOME Software sees in the installation: the remote's AppStream.
uf update --appstream parallax >/dev/null 2>&1
cached=$(compgen -G "$uhome/.local/share/flatpak/appstream/parallax/x86_64/active/appstream.xml" | head -n1)
if [ -n "$cached" ]; then
  as=$(check_appstream "$cached" "$version_n1" 2>&1)
  [ "${as%% *}" = ok ] && pass "the installation's AppStream for remote parallax (GNOME Software): ${as#ok }" ||
    fail "the installation's AppStream for remote parallax lacks: $as"
else
  fail "no AppStream for remote parallax in the installation"
fi
found=$(uf search Parallax 2>/dev/null | grep -F "$APP_ID" | head -n1)
[ -n "$found" ] && pass "flatpak search finds it: $(tr -s '\t' ' ' <<<"$found")" || fail "flatpak search Parallax finds nothing"
