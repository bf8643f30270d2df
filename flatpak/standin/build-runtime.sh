#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds (or reuses) a stand-in for the org.gnome.Platform//51 and
# org.gnome.Sdk//51 Flatpak runtimes from Debian testing (forky) packages, so
# that flatpak/check can build, install and launch the real manifest on
# machines that cannot reach Flathub. Debian testing ships GTK 4.24 and
# libadwaita 1.10, the versions GNOME 51 ships, which is what makes the
# stand-in meaningful (the script prints the versions it got). The base
# is still Debian, not the Freedesktop SDK: a pass here means "the manifest,
# the installed files and the sandbox permissions work", not "Flathub will
# build it byte for byte".
#
# Usage (as root): flatpak/standin/build-runtime.sh [EXTRA_DEBIAN_PACKAGE...]
#
# Everything lives under $PARALLAX_FLATPAK_CACHE (default
# /var/cache/parallax-flatpak). The first run takes several minutes and a few
# GB; later runs only compare stamps and return in about a second. Stamps:
#   rootfs-SUITE/.px-packages hash of the package list installed in the tree
#   .px-exported-BRANCH   hash of the package list + this script, i.e. what
#                         the installed runtime was built from
# To start over: rm -rf "$PARALLAX_FLATPAK_CACHE".
#
# Callers use the stand-in with:
#   export HOME=$PARALLAX_FLATPAK_CACHE/home XDG_RUNTIME_DIR=$PARALLAX_FLATPAK_CACHE/xdg-run
#   flatpak-builder --user --disable-rofiles-fuse ...
set -euo pipefail

CACHE=${PARALLAX_FLATPAK_CACHE:-/var/cache/parallax-flatpak}
# The runtime branch comes from the manifest's "runtime-version"; the Debian
# suite whose GTK and libadwaita match it is listed here.
BRANCH=51
ARCH=x86_64
SUITE=forky
# debootstrap in Debian 12 has no script named after forky; testing's
# bootstrap is sid's.
SUITE_SCRIPT=/usr/share/debootstrap/scripts/sid
ROOTFS=$CACHE/rootfs-$SUITE
REPO=$CACHE/repo
STAGE=$CACHE/rt-build

log() { printf '[build-runtime] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (debootstrap, chroot)"
[ "$(uname -m)" = "$ARCH" ] || die "only $ARCH is supported"

# What the SDK carries. The first group is what Parallax builds against (the
# real GNOME 51 SDK has all of these; libstemmer is deliberately absent, the
# manifest builds it). The second group is what the real Platform provides at
# run time and a GTK app notices when missing: fonts, icons, GSettings
# schemas, Mesa, TLS for libsoup, an English hunspell dictionary (in the real
# runtime it arrives through org.gnome.Platform.Locale).
PACKAGES=(
  build-essential meson ninja-build pkg-config gcc perl python3
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libenchant-2-dev libxml2-dev
  libjson-glib-dev libsoup-3.0-dev libicu-dev libarchive-dev
  gettext desktop-file-utils appstream appstream-compose

  libgtk-4-bin glib-networking ca-certificates dconf-gsettings-backend
  gsettings-desktop-schemas adwaita-icon-theme hicolor-icon-theme
  librsvg2-common shared-mime-info fontconfig fonts-cantarell
  fonts-dejavu-core hunspell-en-us libgl1-mesa-dri libegl-mesa0
  libglx-mesa0 mesa-vulkan-drivers locales-all
  "$@"
)
pkg_hash=$(printf '%s\n' "${PACKAGES[@]}" | sort -u | sha256sum | cut -c1-16)
export_key=$pkg_hash-$(sha256sum "$0" | cut -c1-16)-$BRANCH

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9 || die "cannot lock $CACHE"

export HOME=$CACHE/home XDG_RUNTIME_DIR=$CACHE/xdg-run
mkdir -p "$HOME"
install -d -m700 "$XDG_RUNTIME_DIR"

need_host=()
for t in debootstrap:debootstrap flatpak:flatpak flatpak-builder:flatpak-builder ostree:ostree; do
  command -v "${t%%:*}" >/dev/null || need_host+=("${t#*:}")
done
if [ ${#need_host[@]} -gt 0 ]; then
  log "installing host tools: ${need_host[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_host[@]}" >/dev/null
fi

runtime_installed() {
  flatpak --user info "org.gnome.Platform//$BRANCH" >/dev/null 2>&1 &&
    flatpak --user info "org.gnome.Sdk//$BRANCH" >/dev/null 2>&1
}

if [ "$(cat "$CACHE/.px-exported-$BRANCH" 2>/dev/null)" = "$export_key" ] && runtime_installed; then
  log "stand-in runtime up to date ($export_key)"
  exit 0
fi

# The host's own Debian mirror: the only one reachable from a sandboxed box.
mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '/^deb / { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}

mounted=()
cleanup_mounts() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" 2>/dev/null || true; done
  mounted=()
}
trap cleanup_mounts EXIT
chroot_mounts() {
  mount -t proc proc "$ROOTFS/proc" && mounted+=("$ROOTFS/proc")
  mount --bind /dev "$ROOTFS/dev" && mounted+=("$ROOTFS/dev")
  cp -L /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
}

# 1. A Debian tree. Bootstrapping and installing are separate steps, so a
# changed package list only installs the difference.
if [ ! -f "$ROOTFS/.px-bootstrapped" ]; then
  log "debootstrap $SUITE from $mirror (a few minutes)"
  rm -rf "$ROOTFS"
  debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$mirror" "$SUITE_SCRIPT" >"$CACHE/debootstrap.log" 2>&1 ||
    die "debootstrap failed, see $CACHE/debootstrap.log"
  # No daemons may start inside the chroot during package installation.
  printf '#!/bin/sh\nexit 101\n' >"$ROOTFS/usr/sbin/policy-rc.d"
  chmod +x "$ROOTFS/usr/sbin/policy-rc.d"
  touch "$ROOTFS/.px-bootstrapped"
fi
# Testing's Release file is signed valid for a week only; a mirror that is a
# dated snapshot (as the one these machines reach) is "expired" for apt.
# The packages are still checked against the signed Release's hashes.
echo 'Acquire::Check-Valid-Until "false";' >"$ROOTFS/etc/apt/apt.conf.d/90px-snapshot-mirror"
if [ "$(cat "$ROOTFS/.px-packages" 2>/dev/null)" != "$pkg_hash" ]; then
  log "installing ${#PACKAGES[@]} packages into the tree"
  chroot_mounts
  chroot "$ROOTFS" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive chroot "$ROOTFS" apt-get install -y -qq --no-install-recommends \
    "${PACKAGES[@]}" >"$CACHE/apt.log" 2>&1 || die "apt-get failed, see $CACHE/apt.log"
  chroot "$ROOTFS" apt-get clean
  cleanup_mounts
  if chroot "$ROOTFS" dpkg -s libstemmer-dev >/dev/null 2>&1; then
    die "libstemmer-dev got into the SDK; the real GNOME SDK lacks it, the manifest must build it"
  fi
  echo "$pkg_hash" >"$ROOTFS/.px-packages"
fi
log "$SUITE tree: $(chroot "$ROOTFS" dpkg-query -W -f '${Package} ${Version}, ' libgtk-4-dev libadwaita-1-dev libglib2.0-dev)"

# 2. The tree becomes org.gnome.Sdk (all of /usr) and a slimmer
# org.gnome.Platform (no headers, compilers, pkg-config files or static
# libraries), exported into a local OSTree repo and installed from there.
log "exporting the tree as org.gnome.Sdk//$BRANCH and org.gnome.Platform//$BRANCH"
rm -rf "$STAGE"
sdk=$STAGE/sdk
files=$sdk/files
mkdir -p "$sdk"
# Hard links, not copies: a few GB less to write. Every change below
# replaces or removes files rather than writing into them, so the tree in
# $ROOTFS stays untouched.
cp -al "$ROOTFS/usr" "$files"
cp -al "$ROOTFS/etc" "$files/etc"   # a runtime's files/etc is mounted as /etc
# flatpak-builder runs ldconfig from /usr/bin; Debian keeps it in /usr/sbin.
ln -sf ../sbin/ldconfig "$files/bin/ldconfig"
# /app libraries first, as in the real runtime.
rm -f "$files/etc/ld.so.conf.d/00-flatpak-app.conf"
printf '/app/lib\n/app/lib/%s-linux-gnu\ninclude /run/flatpak/ld.so.conf.d/*.conf\n' "$ARCH" \
  >"$files/etc/ld.so.conf.d/00-flatpak-app.conf"
rm -f "$files/etc/ld.so.cache" "$files/etc/machine-id" "$files/etc/hostname" \
  "$files/etc/resolv.conf" "$files/etc/mtab" "$files/sbin/policy-rc.d"
# Relative symlinks in /etc that climb out of it (../usr/...) would point
# outside the runtime once /etc is mounted separately: make them absolute.
while IFS= read -r -d '' link; do
  target=$(readlink "$link")
  case $target in ../*) ln -sfn "/${target#../}" "$link" ;; esac
done < <(find "$files/etc" -maxdepth 1 -type l -print0)
# Host fonts, as flatpak exposes them under /run/host.
rm -f "$files/etc/fonts/conf.d/50-flatpak.conf"
cat >"$files/etc/fonts/conf.d/50-flatpak.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/run/host/font-dirs.xml</include>
  <dir>/run/host/fonts</dir>
  <dir>/run/host/user-fonts</dir>
</fontconfig>
XML
# A runtime has no /var: keep the prebuilt font cache under /usr.
mkdir -p "$files/cache/fontconfig"
cp -a "$ROOTFS/var/cache/fontconfig/." "$files/cache/fontconfig/"
sed -i 's|<cachedir>/var/cache/fontconfig</cachedir>|<cachedir>/usr/cache/fontconfig</cachedir>\n\t<cachedir>/var/cache/fontconfig</cachedir>|' \
  "$files/etc/fonts/fonts.conf"
rm -rf "$files/share/doc" "$files/share/man" "$files/share/info" "$files/share/lintian"
# The real SDK has no libstemmer. Debian's is there only because libadwaita
# links libappstream, which links libstemmer. Left in the library path,
# meson's find_library() would take the versioned libstemmer.so.0d (it globs
# for lib*.so.N when there is no dev symlink) and the app would silently
# depend on a library the real runtime lacks. In its own folder, listed in
# ld.so.conf, the linker still finds it for libappstream's sake (ld reads
# ld.so.conf for indirect dependencies) but find_library() does not.
private=lib/$ARCH-linux-gnu/libstemmer-private
mkdir -p "$files/$private"
mv "$files"/lib/"$ARCH"-linux-gnu/libstemmer.so* "$files/$private/"
printf '/usr/%s\n' "$private" >"$files/etc/ld.so.conf.d/90-libstemmer-private.conf"
# flatpak-builder 1.2 (Debian 12's) composes AppStream by running
# `appstream-compose --prefix=/app --basename=ID --origin=flatpak ID` in the
# SDK. That tool (appstream-glib) is gone from Debian testing, as from the
# current GNOME SDK, where flatpak-builder 1.4 runs `appstreamcli compose`
# itself. This shim makes the same call to appstreamcli and names the result
# as flatpak-builder 1.2 expects.
rm -f "$files/bin/appstream-compose"
cat >"$files/bin/appstream-compose" <<'SH'
#!/bin/sh
# Stand-in glue: appstream-glib's appstream-compose on top of appstreamcli.
prefix=/app basename= origin=flatpak ids=
for a in "$@"; do
  case $a in
    --prefix=*) prefix=${a#--prefix=} ;;
    --basename=*) basename=${a#--basename=} ;;
    --origin=*) origin=${a#--origin=} ;;
    --*) ;;
    *) ids="${ids:+$ids,}$a" ;;
  esac
done
set -e
xmls=$prefix/share/app-info/xmls
# flatpak-builder 1.2 has renamed share/metainfo/ID.metainfo.xml to
# share/appdata/ID.appdata.xml, which AppStream 1.x no longer reads: a copy
# goes back for the compose and is removed after it.
copies=
for f in "$prefix"/share/appdata/*.appdata.xml; do
  [ -f "$f" ] || continue
  m=$prefix/share/metainfo/$(basename "$f" .appdata.xml).metainfo.xml
  [ -e "$m" ] && continue
  mkdir -p "$prefix/share/metainfo"; cp "$f" "$m"; copies="$copies $m"
done
# appstreamcli links libstemmer, which this SDK keeps out of the default
# library path (see below); flatpak build does not read ld.so.conf.d.
# --no-net: the build has no network, and without it appstreamcli drops
# every screenshot it cannot download; with it they keep their URLs, as
# appstream-glib's compose did.
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/libstemmer-private${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
appstreamcli compose --no-color --no-net --prefix=/ --origin="$origin" --result-root="$prefix" \
  --data-dir="$xmls" --icons-dir="$prefix/share/app-info/icons/$origin" \
  ${ids:+--components="$ids"} "$prefix"
[ -z "$copies" ] || rm -f $copies
if [ -n "$basename" ] && [ -f "$xmls/$origin.xml.gz" ] && [ "$origin" != "$basename" ]; then
  mv "$xmls/$origin.xml.gz" "$xmls/$basename.xml.gz"
fi
SH
chmod 755 "$files/bin/appstream-compose"
printf '[Runtime]\nname=org.gnome.Sdk\nruntime=org.gnome.Platform/%s/%s\nsdk=org.gnome.Sdk/%s/%s\n' \
  "$ARCH" "$BRANCH" "$ARCH" "$BRANCH" >"$sdk/metadata"

platform=$STAGE/platform
cp -al "$sdk" "$platform"
sed -i 's/^name=org.gnome.Sdk$/name=org.gnome.Platform/' "$platform/metadata"
pf=$platform/files
rm -rf "$pf/include" "$pf/lib/gcc" "$pf/libexec/gcc" "$pf/share/gir-1.0" "$pf/share/aclocal" \
  "$pf/lib/$ARCH-linux-gnu/pkgconfig" "$pf/share/pkgconfig" "$pf/lib/pkgconfig"
find "$pf/lib" -name '*.a' -delete
# At run time libadwaita needs it, and flatpak builds the loader cache
# without ld.so.conf.d: back into the normal folder. The app's own copy is
# static, so this one never stands in for it.
mv "$pf/$private"/libstemmer.so* "$pf/lib/$ARCH-linux-gnu/"
rmdir "$pf/$private"
rm "$pf/etc/ld.so.conf.d/90-libstemmer-private.conf"

# The repo is kept between exports: unchanged files are already stored, and
# only the newest commit of each ref is kept.
flatpak build-export --runtime --files=files "$REPO" "$sdk" "$BRANCH" >/dev/null
flatpak build-export --runtime --files=files "$REPO" "$platform" "$BRANCH" >/dev/null
ostree --repo="$REPO" prune --refs-only --depth=0 >/dev/null
flatpak build-update-repo "$REPO" >/dev/null
rm -rf "$STAGE"
flatpak --user remote-delete --force parallax-standin >/dev/null 2>&1 || true
flatpak --user remote-add --no-gpg-verify parallax-standin "$REPO"
flatpak --user install -y --noninteractive --reinstall parallax-standin \
  "org.gnome.Platform//$BRANCH" "org.gnome.Sdk//$BRANCH" >/dev/null
echo "$export_key" >"$CACHE/.px-exported-$BRANCH"
log "stand-in runtime ready: org.gnome.Platform//$BRANCH, org.gnome.Sdk//$BRANCH (HOME=$HOME)"
