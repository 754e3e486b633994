#!/usr/bin/env bash
# installer.package: build the .deb from the build tree with cpack, check its control fields
# and file list, unpack it into a temporary root and run the unpacked binaries from there:
# they must find their data relative to themselves, with no environment variables.
# Usage: package_test.sh BUILD_DIR WORK_DIR SCREENSHOT_CHECK VERSION
set -euo pipefail
build=$1 work=$2 check=$3 version=$4
arch=$(dpkg --print-architecture)
deb=$work/out/parktwin_${version}_${arch}.deb
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
step() { echo "== $*"; }

rm -rf "$work" && mkdir -p "$work/out"
step "cpack -G DEB"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log" >&2; echo "FAIL: cpack" >&2; exit 1; }
[ -f "$deb" ] || { ls "$work/out" >&2; echo "FAIL: no $deb" >&2; exit 1; }
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"

step "control fields (dpkg-deb -f)"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = parktwin ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
depends=$(field Depends)
echo "Depends: $depends"
# libqt6* and the rest come from dpkg-shlibdeps; the qml6-module-* are declared by hand.
for needed in libqt6quick6 libqt6quick3d6 libqt6gui6 libqt6qml6 libsqlite3-0 libmosquitto1 libstdc++6 \
              qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts \
              qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript \
              qml6-module-qtquick-dialogs qml6-module-quick3d fonts-noto-cjk; do
  tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/[ (].*//' | grep -qxF "$needed" || fail "Depends lacks $needed"
done

step "file list (dpkg-deb -c)"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/files.txt"
for path in /usr/bin/parktwin /usr/bin/parktwin-cli \
            /usr/share/parktwin/parks/beidu.json /usr/share/parktwin/parks/jiulong.json \
            /usr/share/applications/parktwin.desktop /usr/share/mime/packages/parktwin.xml \
            /usr/share/icons/hicolor/scalable/apps/parktwin.svg \
            /usr/share/icons/hicolor/48x48/apps/parktwin.png /usr/share/icons/hicolor/128x128/apps/parktwin.png \
            /usr/share/icons/hicolor/256x256/apps/parktwin.png \
            /usr/share/man/man1/parktwin.1.gz /usr/share/man/man1/parktwin-cli.1.gz \
            /usr/share/man/man1/parktwin-server.1.gz /etc/default/parktwin-server \
            /usr/share/doc/parktwin/copyright \
            /usr/share/parktwin/gateway/opcua/parktwin-opcua-gateway.js \
            /usr/share/parktwin/gateway/opcua/package-lock.json \
            /usr/bin/parktwin-server /usr/lib/systemd/system/parktwin-server.service /etc/parktwin/server.json \
            /usr/share/doc/parktwin/server.md; do
  grep -qx "$path" "$work/files.txt" || fail "package lacks $path"
done
for kind in scenarios tours; do
  grep -q "^/usr/share/parktwin/$kind/.*\.json$" "$work/files.txt" || fail "package has no $kind"
done
# Only what belongs to the app: no headers, static libraries or test binaries.
if grep -E '\.(a|h|hpp|cmake)$|/include/' "$work/files.txt"; then fail "development files in the package"; fi

step "parktwin-server's configuration is a conffile"
for conffile in /etc/parktwin/server.json /etc/default/parktwin-server; do
  dpkg-deb -I "$deb" conffiles 2>/dev/null | grep -qx "$conffile" || fail "$conffile is not a conffile"
done

step "unpack (dpkg-deb -x)"
root=$work/root
dpkg-deb -x "$deb" "$root"
bin=$root/usr/bin

step "the OPC UA gateway's program and lock file are in the package (npm packages installed on the target)"
for f in parktwin-opcua-gateway.js package.json package-lock.json; do
  [ -f "$root/usr/share/parktwin/gateway/opcua/$f" ] || fail "package lacks the gateway's $f"
done

step "installed docs show their pictures"
docs=$root/usr/share/doc/parktwin
for page in "$docs"/*.md; do
  for image in $(grep -oE '\(images/[A-Za-z0-9_.-]+\.png\)' "$page" | tr -d '()' | sort -u); do
    [ -f "$docs/$image" ] || fail "$(basename "$page") shows $image, which the package lacks"
  done
done
[ "$(ls "$docs"/*.md | wc -l)" -ge 5 ] || fail "the user guides and formats are not installed"
step "every page an installed page names is installed"
for page in "$docs"/*.md; do
  for named in $( (grep -oE '(/usr/share/doc/parktwin|docs)/[A-Za-z0-9_.-]+\.md' "$page"; grep -oE '\]\([A-Za-z0-9_.-]+\.md[#)]' "$page" | sed 's/^](//; s/[#)]$//') | xargs -r -n1 basename | sort -u); do
    [ -f "$docs/$named" ] || fail "$(basename "$page") names $named, which the package lacks"
  done
done

desktop=$root/usr/share/applications/parktwin.desktop
grep -qx 'Exec=parktwin %f' "$desktop" || fail "desktop Exec line"
grep -q '^Name\[zh_CN\]=' "$desktop" || fail "desktop has no Name[zh_CN]"
grep -q '^MimeType=application/x-parktwin-park;' "$desktop" || fail "desktop has no MimeType"
grep -q 'parktwin-park/1' "$root/usr/share/mime/packages/parktwin.xml" || fail "MIME type has no magic"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate"
fi
# The MIME type: by name (*.park.json) and by content (a park file named *.json).
if command -v update-mime-database >/dev/null && command -v gio >/dev/null; then
  update-mime-database "$root/usr/share/mime" 2>/dev/null
  cp "$root/usr/share/parktwin/parks/jiulong.json" "$work/mine.park.json"
  cp "$root/usr/share/parktwin/parks/jiulong.json" "$work/mine.json"
  echo '{"format": "something else"}' >"$work/other.json"
  type_of() { XDG_DATA_DIRS="$root/usr/share:/usr/share" gio info -a standard::content-type "$1" | sed -n 's/.*content-type: //p'; }
  [ "$(type_of "$work/mine.park.json")" = application/x-parktwin-park ] || fail "*.park.json is $(type_of "$work/mine.park.json")"
  [ "$(type_of "$work/mine.json")" = application/x-parktwin-park ] || fail "a park named *.json is $(type_of "$work/mine.json")"
  [ "$(type_of "$work/other.json")" != application/x-parktwin-park ] || fail "any JSON is taken for a park"
fi
if command -v man >/dev/null; then
  for page in parktwin parktwin-cli parktwin-server; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null || true)
    [ -z "$warnings" ] || fail "man page $page: $warnings"
    LC_ALL=C.UTF-8 man -l "$root/usr/share/man/man1/$page.1.gz" 2>/dev/null | grep -q "ParkTwin $version" \
      || fail "man page $page does not carry version $version"
  done
fi

# A park only the unpacked root has: finding it proves the lookup relative to the binary
# (the source tree and the configured prefix do not have it).
cp "$root/usr/share/parktwin/parks/beidu.json" "$root/usr/share/parktwin/parks/packagetest.json"
cd "$work"

step "parktwin-cli --version"
out=$("$bin/parktwin-cli" --version) || fail "parktwin-cli --version exited $?"
[ "$out" = "parktwin-cli $version" ] || fail "parktwin-cli --version printed '$out'"
step "parktwin-cli check beidu / packagetest"
"$bin/parktwin-cli" check beidu || fail "parktwin-cli check beidu"
"$bin/parktwin-cli" check packagetest >/dev/null || fail "parktwin-cli did not find a park beside its binary"
"$bin/parktwin-cli" scenario list >/dev/null || fail "parktwin-cli scenario list"
step "a copied bundled scenario still finds its park; messages name no build folder"
cp "$root/usr/share/parktwin/scenarios/smelter-outage.json" "$work/copied.json"
"$bin/parktwin-cli" scenario run copied.json --from 2026-07-15T00:00:00+08:00 --duration 1d >/dev/null \
  || fail "a scenario copied out of /usr/share/parktwin/scenarios did not run"
unknown=$("$bin/parktwin-cli" check nosuchpark 2>&1) && fail "check nosuchpark exited 0"
[ "$unknown" = 'no park named "nosuchpark": bundled parks are beidu, jiulong, packagetest; or give a park file'"'"'s path' ] \
  || fail "check nosuchpark said: $unknown"
if grep -qF "$build" <<<"$unknown"; then fail "parktwin-cli names the build folder: $unknown"; fi

step "the unpacked parktwin-server serves its park and stops on SIGTERM"
unit=$root/usr/lib/systemd/system/parktwin-server.service
grep -q '^ExecStart=/usr/bin/parktwin-server ' "$unit" || fail "the unit does not start /usr/bin/parktwin-server"
grep -q -- '--config /etc/parktwin/server.json' "$unit" || fail "the unit does not read /etc/parktwin/server.json"
grep -q '^StateDirectory=parktwin' "$unit" || fail "the unit keeps no data in /var/lib/parktwin"
# A park of one's own is a path (/etc/parktwin/my.park.json): the historian's name cannot be
# made from it, and a connections file must reach the server (PARKTWIN_OPTIONS).
grep '^ExecStart=' "$unit" | grep -q -- '--db /var/lib/parktwin/${PARKTWIN_DB}' || fail "the unit's --db is not PARKTWIN_DB in /var/lib/parktwin"
grep '^ExecStart=' "$unit" | grep -q ' $PARKTWIN_OPTIONS$' || fail "the unit does not pass PARKTWIN_OPTIONS"
defaults=$root/etc/default/parktwin-server
bash -n "$defaults" || fail "/etc/default/parktwin-server is not shell syntax"
for name in PARKTWIN_PARK PARKTWIN_DB PARKTWIN_MQTT PARKTWIN_LISTEN PARKTWIN_OPTIONS; do
  grep -q "^$name=" "$defaults" || fail "/etc/default/parktwin-server does not set $name"
done
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$unit" 2>&1 | grep -v 'Command /usr/bin/parktwin-server is not executable' | grep . \
    && fail "systemd-analyze verify parktwin-server.service"
fi
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$root/etc/parktwin/server.json" || fail "server.json is not JSON"
"$bin/parktwin-server" --park packagetest --db "$work/server.db" --listen 127.0.0.1:0 >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 200); do grep -q serving "$work/server.out" 2>/dev/null && break; sleep 0.05; done  # poll for startup
port=$(sed -n 's/.*serving .* on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$work/server.out")
if [ -n "$port" ]; then
  python3 -c 'import json,sys,urllib.request; d=json.load(urllib.request.urlopen(sys.argv[1])); assert d[0]["id"]=="beidu", d' \
    "http://127.0.0.1:$port/api/v1/parks" || fail "the unpacked parktwin-server did not list its park"
else
  fail "the unpacked parktwin-server did not start: $(cat "$work/server.err")"
fi
kill -TERM $server_pid; wait $server_pid || fail "parktwin-server exited $? on SIGTERM"

step "parktwin --version (no display needed)"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM= "$bin/parktwin" --version 2>/dev/null) || fail "parktwin --version exited $?"
grep -q "$version" <<<"$out" || fail "parktwin --version printed '$out'"

step "parktwin --screenshot (unpacked)"
run_gui=()
if [ -z "${DISPLAY:-}" ]; then run_gui=(xvfb-run -a -s "-screen 0 1600x900x24"); fi
if "${run_gui[@]}" "$bin/parktwin" --park packagetest --size 1280x720 \
     --screenshot "$work/shot.png" --screenshot-info "$work/shot.json" 2>"$work/gui.log"; then
  "$check" "$work/shot.png" "$work/shot.json" || fail "the unpacked parktwin rendered a blank or wrong picture"
else
  cat "$work/gui.log" >&2; fail "unpacked parktwin --screenshot"
fi

step "parktwin --scenario NAME runs a bundled scenario from the unpacked package"
if "${run_gui[@]}" "$bin/parktwin" --scenario smelter-outage --quick --size 1280x720 \
     --screenshot "$work/scenario.png" 2>"$work/scenario.log"; then
  [ -s "$work/scenario.png" ] || fail "no picture of the scenario run"
else
  cat "$work/scenario.log" >&2; fail "unpacked parktwin --scenario smelter-outage --quick"
fi
step "the bundled parks solve without warnings; planned plants are not simulated"
for park in beidu jiulong; do
  warnings=$("$bin/parktwin-cli" flows --park "$park" 2>&1 >/dev/null) || fail "flows --park $park exited $?"
  [ -z "$warnings" ] || fail "flows --park $park warned: $warnings"
done
"$bin/parktwin-cli" simulate --park beidu --from 2026-06-01T00:00:00Z --duration 10m --csv "$work/sim.csv" >/dev/null 2>&1 \
  || fail "simulate --park beidu"
if grep -q ',recycling-line\.' "$work/sim.csv"; then fail "simulate ran the planned recycling plant's line"; fi

if [ $failures -ne 0 ]; then echo "installer.package: $failures failure(s)" >&2; exit 1; fi
echo "installer.package: ok ($deb)"
