# Shared steps of scripts/start and scripts/test: find or install what the
# project needs, and say precisely what is missing where it cannot.
# Sourced, not run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
UI="$ROOT/ui"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'lagebild: %s\n' "$*" >&2; exit 1; }

# Debian/Ubuntu packages: the Tauri/WebKitGTK build stack, the WebDriver for
# end-to-end tests, a virtual display, and Chromium for the UI tests.
DEBIAN_PACKAGES=(
  build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libayatana-appindicator3-dev
  librsvg2-dev libxdo-dev webkit2gtk-driver xvfb xauth chromium
)

need_command() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is missing: $2"
}

ensure_toolchains() {
  need_command cargo "install Rust from rustup (rustup.rs), then open a new shell"
  need_command node "install Node.js 20.19 or newer (nodejs.org, or your package manager)"
  need_command npm "install npm 10 or newer with Node.js"
  local node_version
  node_version=$(node -p 'process.versions.node')
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js $node_version is too old: Vite needs 20.19 or newer"
}

ensure_system_packages() {
  case "$(uname -s)" in
    Linux)
      if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
        local missing=()
        for p in "${DEBIAN_PACKAGES[@]}"; do
          dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
        done
        if [ ${#missing[@]} -gt 0 ]; then
          say "installing system packages: ${missing[*]}"
          local sudo=()
          [ "$(id -u)" -eq 0 ] || sudo=(sudo)
          "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
          DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null \
            || die "could not install: ${missing[*]}"
        fi
      else
        say "not a Debian/Ubuntu system: make sure WebKitGTK 4.1 (dev), librsvg, libxdo, OpenSSL, WebKitWebDriver, Xvfb and Chromium are installed (see README)"
      fi
      ;;
    Darwin)
      xcode-select -p >/dev/null 2>&1 || die "install the Xcode command line tools: xcode-select --install"
      ;;
    MINGW*|MSYS*|CYGWIN*)
      say "Windows: you need the Microsoft C++ Build Tools and WebView2 (preinstalled on Windows 10/11); see README"
      ;;
  esac
}

ensure_ui_packages() {
  if [ ! -d "$UI/node_modules" ] || [ "$UI/package-lock.json" -nt "$UI/node_modules/.package-lock.json" ]; then
    say "installing the UI's npm packages"
    (cd "$UI" && npm ci --no-audit --no-fund) || die "npm ci failed in ui/"
  fi
}

export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser || true)}"
