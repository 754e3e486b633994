#!/usr/bin/env bash
# Builds the .deb from the build tree, checks its files and control fields, unpacks it into a
# temporary root and runs what it contains there: the CLI on the bundled park, and the GUI's
# --screenshot (under the Xvfb that scripts/test provides), checked for a real picture.
set -euo pipefail
build=$1 version=$2 check=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/out/parktwin_"$version"_*.deb 2>/dev/null | head -1)
[ -f "$deb" ] || fail "no parktwin_${version}_<arch>.deb in $(ls "$work/out")"
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/parktwin ./usr/bin/parktwin-cli ./usr/share/parktwin/parks/beidu.json \
         ./usr/share/parktwin/parks/jiulong.json ./usr/share/parktwin/tours/beidu.json \
         ./usr/share/applications/parktwin.desktop ./usr/share/icons/hicolor/scalable/apps/parktwin.svg \
         ./usr/share/mime/packages/parktwin-park.xml ./usr/share/man/man1/parktwin.1.gz \
         ./usr/share/man/man1/parktwin-cli.1.gz; do
  grep -qx "$f" <<<"$files" || fail "missing $f"
done
[ "$(dpkg-deb -f "$deb" Package)" = parktwin ] || fail "Package field"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version field: $(dpkg-deb -f "$deb" Version)"
depends=$(dpkg-deb -f "$deb" Depends)
for d in qml6-module-quick3d libqt6quick3d6 libsqlite3-0 libmosquitto1; do
  grep -q "$d" <<<"$depends" || fail "Depends lacks $d: $depends"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
out=$("$root/usr/bin/parktwin-cli" --version)
[ "$out" = "parktwin-cli $version" ] || fail "parktwin-cli --version said: $out"
# The CLI must find the park the package carries, beside its binary.
"$root/usr/bin/parktwin-cli" check beidu | grep -q "beidu): ok" || fail "check beidu"
"$root/usr/bin/parktwin-cli" check "$root/usr/share/parktwin/parks/jiulong.json" | grep -q "jiulong): ok" || fail "check jiulong"
[ "$("$root/usr/bin/parktwin" --version)" = "parktwin $version" ] || fail "parktwin --version"
"$root/usr/bin/parktwin" --park "$root/usr/share/parktwin/parks/beidu.json" --size 1280x720 \
  --screenshot "$work/shot.png" --screenshot-info "$work/shot.json" 2>"$work/gui.log" || { cat "$work/gui.log"; fail "screenshot"; }
"$check" "$work/shot.png" "$work/shot.json" || fail "the unpacked app's picture"
desktop-file-validate "$root/usr/share/applications/parktwin.desktop" 2>/dev/null || \
  { command -v desktop-file-validate >/dev/null && fail "desktop file"; true; }
echo "installer.package: ok"
