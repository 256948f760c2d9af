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
# The *_pg tests run on a throwaway PostgreSQL cluster that CTest starts and stops (fixture
# jobdeck_pg, tests/support/pg-cluster.sh); this stops it too if the run is interrupted.
trap '"$root/tests/support/pg-cluster.sh" stop "$build/pg-cluster" || true' EXIT
cmake -S "$root" -B "$build" -G Ninja "${flags[@]}"
cmake --build "$build" --parallel "$(nproc)"
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" "$@"
