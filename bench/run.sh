#!/usr/bin/env bash
# The main job: installs what is missing, builds volley (Release) and runs volley-bench on its
# default workloads. Extra arguments go to volley-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
exec build/bench/volley-bench "$@"
