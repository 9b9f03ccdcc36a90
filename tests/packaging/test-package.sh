#!/usr/bin/env bash
# Usage: test-package.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d /tmp/tg-package-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$build"
cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/*.deb)
echo "package: $(basename "$deb")"
info=$(dpkg-deb --info "$deb")
grep -E '^ (Package|Version|Depends):' <<<"$info"
grep -q 'Depends:.*libqt6core6' <<<"$info" || { echo "Depends lacks Qt (shlibdeps did not run)"; exit 1; }
dpkg -x "$deb" "$work/root"
for f in usr/bin/topograph usr/bin/topograph-cli \
         usr/share/applications/io.github.topograph.Topograph.desktop \
         usr/share/metainfo/io.github.topograph.Topograph.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.topograph.Topograph.svg; do
  [ -e "$work/root/$f" ] || { echo "missing from the package: /$f"; exit 1; }
done
out=$("$work/root/usr/bin/topograph-cli" --version)
echo "$out"
[[ "$out" == "topograph-cli "* ]] || { echo "unexpected --version output"; exit 1; }
echo "package ok"
