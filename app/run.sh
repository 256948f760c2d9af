#!/usr/bin/env bash
# Builds and runs Jobdeck: the server headless on an embedded SQLite store (the desktop
# console will open here when there is a display). Extra arguments go to jobdeck, e.g.
#   app/run.sh --port 27555 --db /tmp/jobs.db --api-key my-key
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/.ci/install-deps"
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" --target jobdeck --parallel "$(nproc)"
args=("$@")
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    args=(--headless "${args[@]}")
fi
exec "$root/build/app/jobdeck" "${args[@]}"
