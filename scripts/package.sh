#!/usr/bin/env bash
# Builds the release installer of the desktop app with the Tauri CLI from
# ui/node_modules (its beforeBuildCommand builds the UI) and prints where it
# is. Default: the Debian package (`--bundles deb`); other arguments are passed
# to `tauri build` instead (on Windows e.g. `--bundles nsis,msi`, on macOS
# `--bundles app,dmg`; see src-tauri/tauri.<platform>.conf.json).
# Needs (Debian): libwebkit2gtk-4.1-dev build-essential libssl-dev
# libayatana-appindicator3-dev librsvg2-dev libxdo-dev, and `npm ci` in ui/.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if [ ! -d ui/node_modules ]; then
  echo "package.sh: ui/node_modules is missing: run npm ci in ui first" >&2
  exit 1
fi
# The Tauri CLI: $TAURI_CLI, else ui's devDependency, else a repo-local copy
# in target/tools (installed from npm on first use).
tauri_cli_version=2.12.5
if [ -n "${TAURI_CLI:-}" ]; then
  tauri="$TAURI_CLI"
elif [ -x "$repo/ui/node_modules/.bin/tauri" ]; then
  tauri="$repo/ui/node_modules/.bin/tauri"
else
  tauri="$repo/target/tools/node_modules/.bin/tauri"
  if [ ! -x "$tauri" ]; then
    echo "package.sh: ui/node_modules has no @tauri-apps/cli; installing @tauri-apps/cli@$tauri_cli_version into target/tools"
    npm install --prefix "$repo/target/tools" --no-save --no-audit --no-fund "@tauri-apps/cli@$tauri_cli_version"
  fi
fi

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
