#!/usr/bin/env bash
# Builds the release installer of the desktop app with the Tauri CLI from
# ui/node_modules (its beforeBuildCommand builds the UI) and prints where it
# is. Default: the Debian package (`--bundles deb`); other arguments are passed
# to `tauri build` instead (on Windows e.g. `--bundles nsis,msi`, on macOS
# `--bundles app,dmg`; see src-tauri/tauri.<platform>.conf.json).
# Needs (Debian): libwebkit2gtk-4.1-dev build-essential libssl-dev
# libayatana-appindicator3-dev librsvg2-dev libxdo-dev; the UI's npm packages
# are installed when missing.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
repo="$ROOT"
cd "$repo"
ensure_ui_packages
tauri="$UI/node_modules/.bin/tauri"

if [ "$#" -eq 0 ]; then
  set -- --bundles deb
fi
marker="$(mktemp)"
trap 'rm -f "$marker"' EXIT
"$tauri" build "$@"

bundles="$repo/target/release/bundle"
found=0
while IFS= read -r -d '' file; do
  found=1
  echo "built: ${file#"$repo/"} ($(du -h "$file" | cut -f1))"
done < <(find "$bundles" -maxdepth 2 -type f \( -name '*.deb' -o -name '*.msi' -o -name '*.exe' -o -name '*.dmg' \) -newer "$marker" -print0 2>/dev/null)
if [ "$found" -eq 0 ]; then
  echo "package.sh: no installer found under ${bundles#"$repo/"}" >&2
  exit 1
fi
