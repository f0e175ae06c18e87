#!/usr/bin/env bash
# Installs the system tools that the end-to-end tests need, beside the Python packages that
# `make test` installs into .venv (jupyterhub, playwright):
#   - Debian's `chromium` (headless browser for tests/test_browser.py), with apt-get when root;
#   - JupyterHub's proxy `configurable-http-proxy`, from the npm registry into .tools/ (git-ignored)
#     for tests/test_hub.py.
# Safe to repeat: when both are there it only checks and prints nothing. It never fails the
# build: what it cannot install is reported here, and the tests that need it skip with a reason
# that says how to install it (or fail, under CI=true, where this script is expected to work).
set -uo pipefail
cd "$(dirname "$0")/.."

TOOLS="${TOOLS_DIR:-.tools}"
CHP_VERSION="${CHP_VERSION:-5}"
CHP="$TOOLS/node_modules/.bin/configurable-http-proxy"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

say() { echo "install-test-tools: $*" >&2; }

have_chromium() { [ -x "$CHROMIUM" ]; }
have_proxy() { [ -x "$CHP" ]; }

if have_chromium && have_proxy; then
    exit 0
fi

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
    else return 1
    fi
}

apt_updated=
apt_install() {
    command -v apt-get >/dev/null 2>&1 || { say "no apt-get here"; return 1; }
    if [ -z "$apt_updated" ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
        apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@" >/dev/null || return 1
}

if ! have_chromium; then
    say "installing Debian's chromium (for tests/test_browser.py; about a minute)..."
    if apt_install chromium fonts-liberation && have_chromium; then
        say "$("$CHROMIUM" --version 2>/dev/null)"
    else
        say "could not install chromium: as root run 'apt-get update && apt-get install chromium'"
        say "(the browser tests skip until then, and fail under CI=true)"
    fi
fi

if ! have_proxy; then
    if ! command -v npm >/dev/null 2>&1; then
        say "npm not found: installing Debian's nodejs and npm..."
        apt_install nodejs npm || say "could not install npm"
    fi
    if command -v npm >/dev/null 2>&1; then
        say "installing configurable-http-proxy@$CHP_VERSION from the npm registry into $TOOLS/..."
        mkdir -p "$TOOLS"
        [ -f "$TOOLS/package.json" ] || echo '{"private": true}' > "$TOOLS/package.json"
        if npm install --prefix "$TOOLS" --no-audit --no-fund --no-update-notifier --loglevel=error \
               --fetch-retries=2 "configurable-http-proxy@$CHP_VERSION" >/dev/null \
           && have_proxy; then
            say "configurable-http-proxy $("$CHP" --version)"
        else
            say "could not install configurable-http-proxy: run 'npm install --prefix $TOOLS configurable-http-proxy@$CHP_VERSION'"
        fi
    fi
    have_proxy || say "(the JupyterHub test skips until then, and fails under CI=true)"
fi
exit 0
