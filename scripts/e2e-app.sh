#!/usr/bin/env bash
# End-to-end test of the real desktop app (Linux, headless):
#   1. builds the UI and the app in debug, without bundling, with the Tauri
#      CLI from ui/node_modules (installed first when missing); its beforeBuildCommand
#      runs `npm run build` in ui/, and the UI is embedded in
#      target/debug/lagebild-app;
#   2. installs tauri-driver 2.1.0 into target/tools if it is not there;
#   3. starts Xvfb on a free display;
#   4. runs tests/e2e (cargo test -p lagebild-e2e --test app) with
#      LAGEBILD_E2E=1, its output going to artifacts/e2e-app.log, printed after;
#   5. always stops Xvfb and whatever tauri-driver, WebKitWebDriver or app
#      process the run left behind.
# Artifacts: artifacts/e2e-app.png (the window), artifacts/e2e-app.log,
# artifacts/tauri-driver.log.
# Needs (Debian): libwebkit2gtk-4.1-dev webkit2gtk-driver xvfb (scripts/test
# installs them); the UI's npm packages are installed when missing.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
repo="$ROOT"
cd "$repo"
ensure_ui_packages
tauri="$UI/node_modules/.bin/tauri"
for tool in Xvfb /usr/bin/WebKitWebDriver; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "e2e-app.sh: $tool is missing: apt-get install xvfb webkit2gtk-driver" >&2
    exit 1
  fi
done

mkdir -p artifacts
log="$repo/artifacts/e2e-app.log"
rm -f artifacts/e2e-app.png artifacts/e2e-app-failed.png

# A token in the environment of everything the test starts, so that the
# cleanup finds exactly our processes (and no one else's) by it.
run_token="lagebild-e2e-$$-$(date +%s)"
xvfb_pid=""

cleanup() {
  local status=$?
  local pid environ left=()
  for environ in /proc/[0-9]*/environ; do
    pid="${environ#/proc/}"
    pid="${pid%/environ}"
    [ "$pid" = "$$" ] && continue
    if grep -qsxz -- "LAGEBILD_E2E_RUN=$run_token" "$environ"; then
      echo "e2e-app.sh: stopping leftover $(cat "/proc/$pid/comm" 2>/dev/null || echo process) (pid $pid)" >&2
      kill -TERM "$pid" 2>/dev/null && left+=("$pid")
    fi
  done
  if [ "${#left[@]}" -gt 0 ]; then
    sleep 2
    for pid in "${left[@]}"; do
      kill -KILL "$pid" 2>/dev/null || true
    done
  fi
  if [ -n "$xvfb_pid" ]; then
    kill -TERM "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== building the UI and the app (debug, no bundle)"
"$tauri" build --debug --no-bundle
app="$repo/target/debug/lagebild-app"
if [ ! -x "$app" ]; then
  echo "e2e-app.sh: the build did not produce $app" >&2
  exit 1
fi

echo "== tauri-driver"
if [ -n "${TAURI_DRIVER:-}" ]; then
  driver="$TAURI_DRIVER"
else
  driver="$repo/target/tools/bin/tauri-driver"
  if [ ! -x "$driver" ]; then
    cargo install tauri-driver --locked --version 2.1.0 --root "$repo/target/tools"
  fi
fi
echo "using $driver"

echo "== Xvfb"
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
  display=$((display + 1))
done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$repo/artifacts/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
  [ -e "/tmp/.X11-unix/X$display" ] && break
  if ! kill -0 "$xvfb_pid" 2>/dev/null; then
    echo "e2e-app.sh: Xvfb did not start, see artifacts/xvfb.log" >&2
    exit 1
  fi
  sleep 0.1
done
echo "Xvfb on :$display (pid $xvfb_pid)"

echo "== end-to-end test (output in $log)"
set +e
env DISPLAY=":$display" \
  WEBKIT_DISABLE_COMPOSITING_MODE=1 \
  LAGEBILD_E2E=1 \
  LAGEBILD_E2E_RUN="$run_token" \
  LAGEBILD_APP="$app" \
  TAURI_DRIVER="$driver" \
  cargo test -p lagebild-e2e --test app -- --nocapture >"$log" 2>&1 </dev/null
status=$?
set -e
cat "$log"
if [ "$status" -eq 0 ]; then
  echo "== e2e passed; screenshot: artifacts/e2e-app.png"
else
  echo "== e2e FAILED (exit $status); see $log and artifacts/tauri-driver.log" >&2
fi
exit "$status"
