#!/usr/bin/env bash
# The one test command: installs dependencies, builds, runs every test with CTest.
#   tests/run-tests.sh            release build in build/
#   JOBDECK_SANITIZE=1 tests/run-tests.sh   ASan + UBSan build in build-asan/
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/.ci/install-deps"
build="$root/build"
flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ "${JOBDECK_SANITIZE:-0}" = 1 ]; then
    build="$root/build-asan"
    flags=(-DCMAKE_BUILD_TYPE=Debug -DJOBDECK_SANITIZE=ON -DJOBDECK_BUILD_BENCH=OFF)
    export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cmake -S "$root" -B "$build" -G Ninja "${flags[@]}"
cmake --build "$build" --parallel "$(nproc)"
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" "$@"
