#!/usr/bin/env bash
# Runs a command beside a desktop keyring of its own: a private D-Bus session bus and an unlocked
# GNOME Keyring (Secret Service) in a throwaway HOME, so that tests of remembered passwords never
# touch the user's keyring. Exits 77 (CTest: skipped) when dbus-run-session or
# gnome-keyring-daemon is not installed (Debian: dbus, gnome-keyring, libsecret-1-0).
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "with-keyring.sh: dbus-run-session or gnome-keyring-daemon not installed: skipped"
    exit 77
fi
if [ -z "${JOBDECK_KEYRING_SESSION:-}" ]; then
    export JOBDECK_KEYRING_SESSION=1
    exec dbus-run-session -- "$0" "$@"
fi
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# The keyring's password (a test one) on stdin; it prints the variables to export.
eval "$(printf jobdeck-test | gnome-keyring-daemon --unlock --components=secrets | sed 's/^/export /')"
export JOBDECK_TEST_KEYRING=1
status=0
"$@" || status=$?
exit "$status"
