#!/usr/bin/env bash
# Regenerates the app icons from icons/icon.svg:
#   1. renders the SVG to a 1024x1024 PNG (rsvg-convert from Debian's
#      librsvg2-bin, else ImageMagick's convert),
#   2. lets the Tauri CLI's `icon` command write every size Tauri bundles
#      need (PNG sizes, .ico, .icns, Windows Store logos) into icons/.
# The Tauri CLI is $TAURI_CLI, else ui/node_modules/.bin/tauri, else the copy
# scripts/e2e-app.sh installs into target/tools, else `tauri` on PATH.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
src="$here/icon.svg"
master="$(mktemp -d)/icon-1024.png"
trap 'rm -rf "$(dirname "$master")"' EXIT

if command -v rsvg-convert >/dev/null 2>&1; then
  rsvg-convert --width 1024 --height 1024 --background-color none "$src" -o "$master"
elif [ -x /usr/bin/convert ]; then
  /usr/bin/convert -background none -density 96 "$src" -resize 1024x1024 "PNG32:$master"
else
  echo "render.sh: need rsvg-convert (apt-get install librsvg2-bin) or ImageMagick" >&2
  exit 1
fi

if [ -n "${TAURI_CLI:-}" ]; then
  tauri="$TAURI_CLI"
elif [ -x "$repo/ui/node_modules/.bin/tauri" ]; then
  tauri="$repo/ui/node_modules/.bin/tauri"
elif [ -x "$repo/target/tools/node_modules/.bin/tauri" ]; then
  tauri="$repo/target/tools/node_modules/.bin/tauri"
elif command -v tauri >/dev/null 2>&1; then
  tauri="$(command -v tauri)"
else
  echo "render.sh: no Tauri CLI: run npm ci in ui, or set TAURI_CLI" >&2
  exit 1
fi

"$tauri" icon "$master" --output "$here"
# Tauri's icon command also writes mobile icon sets; this is a desktop app.
rm -rf "$here/android" "$here/ios"
ls -l "$here"
