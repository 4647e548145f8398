#!/bin/sh
# Debian's chromium, for the browser tests and the demo's screenshot of the view.
# Does nothing when a chromium is already there (or PEKG_CHROMIUM points at one).
# Chromium is optional: where it cannot be installed (no apt-get, no root or sudo, the
# install fails) this says so in one line and the set-up goes on without it; only the
# screenshot and the browser tests need it. PEKG_REQUIRE_CHROMIUM=1 (CI) makes that an
# error instead, so the browser tests always run there.
set -e
if [ -n "$PEKG_CHROMIUM" ] && [ -x "$PEKG_CHROMIUM" ]; then exit 0; fi
for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then exit 0; fi
done

missing() {
    if [ "${PEKG_REQUIRE_CHROMIUM:-0}" = 1 ]; then
        echo "chromium is required (PEKG_REQUIRE_CHROMIUM=1) but $1" >&2
        exit 1
    fi
    echo "chromium not installed ($1): screenshots and the browser tests need it; install Chromium and set PEKG_CHROMIUM=/path/to/chromium to use them" >&2
    exit 0
}

if ! command -v apt-get >/dev/null 2>&1; then
    missing "apt-get is not available"
fi
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
else
    missing "installing it needs root: run 'apt-get install -y chromium' as root"
fi
echo "installing Debian's chromium (browser tests, demo screenshot)"
if ! $SUDO apt-get update -qq || ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
    missing "apt-get could not install it"
fi
