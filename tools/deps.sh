#!/usr/bin/env bash
# deps.sh - install what building and testing Duplex needs, and only what is
# missing: Debian packages (after one `apt-get update`) and the npm packages
# pinned by package-lock.json. Every make target that needs a tool runs this
# first; when everything is there it only checks, in well under a second.
#
#   tools/deps.sh          everything
#   tools/deps.sh --check  say what is missing, install nothing (exit 1 if any)
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  clang-19 lld-19 llvm-19 libclang-rt-19-dev   # compilers for every target, sanitizers, coverage
  libclang-rt-19-dev-wasm32                    # compiler-rt builtins for wasm32 programs
  libc6-dev-i386 lib32gcc-12-dev               # the heap's unit tests on a 32-bit host
  binaryen                                     # wasm-opt --asyncify for user programs
  wasi-libc emscripten                         # WASI programs built by stock toolchains (tests)
  qemu-system-arm                              # the arm64 target
  chromium chromium-driver                     # the real-browser test
  nodejs npm                                   # the web runtime in Node, the test runner
  make python3 ca-certificates
  dash mawk diffutils findutils                # the reference of the POSIX suite (tests/posix/)
)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for p in "${PACKAGES[@]}"; do
  case "$p" in
    nodejs|npm) command -v "${p/nodejs/node}" >/dev/null 2>&1 && continue ;;
  esac
  installed "$p" || missing+=("$p")
done

if [ "${1:-}" = "--check" ]; then
  [ ${#missing[@]} -eq 0 ] && { echo "deps: everything is installed"; exit 0; }
  echo "deps: missing: ${missing[*]}"; exit 1
fi

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "deps: installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages: installed exactly as the lockfile says, again only when needed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.package-lock.json
fi
