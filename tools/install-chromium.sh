#!/bin/sh
# Debian's chromium, for the browser tests and the demo's screenshot of the view.
# Does nothing when a chromium is already there (or PEKG_CHROMIUM points at one).
set -e
if [ -n "$PEKG_CHROMIUM" ] && [ -x "$PEKG_CHROMIUM" ]; then exit 0; fi
for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then exit 0; fi
done
if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium is missing and apt-get is not available: install Chromium and set PEKG_CHROMIUM=/path/to/chromium" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
else
    echo "chromium is missing: run 'apt-get install -y chromium' as root, or set PEKG_CHROMIUM" >&2
    exit 1
fi
echo "installing Debian's chromium (browser tests, demo screenshot)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
