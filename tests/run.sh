#!/usr/bin/env bash
# Builds and runs every test: the Release build, then the Python package, then ASan+UBSan,
# then TSan on the unit tests, then the fuzzers. Installs what is missing first (OpenMPI and
# SLURM too, for the MPI tests and the SLURM test, which starts its own one-node cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake/install-deps.sh clang-14 libomp-14-dev libclang-rt-14-dev libopenmpi-dev openmpi-bin \
  slurmctld slurmd slurm-client munge pkg-config python3-venv python3-dev
jobs=$(nproc)

run_suite() {  # build directory, build target ("all" or one), ctest arguments...
  local dir=$1 target=$2; shift 2
  cmake --build "$dir" --target "$target"
  ctest --test-dir "$dir" --output-on-failure -j "$jobs" "$@"
}

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
run_suite build all

# The Python package, installed as a user installs it (pip install ., from the Python package
# registry's scikit-build-core and nanobind) into a virtual environment made afresh; its
# CMake build is kept in build-python/cmake for the next run. pytest compares its answers
# with the Release build's volley-bench.
python3 -m venv --clear build-python/venv
build-python/venv/bin/pip install --quiet --disable-pip-version-check pytest
build-python/venv/bin/pip install --quiet --disable-pip-version-check . --config-settings=build-dir=build-python/cmake
# No cache and no bytecode left in the source tree.
PYTHONDONTWRITEBYTECODE=1 VOLLEY_BENCH=$PWD/build/bench/volley-bench \
  build-python/venv/bin/pytest -p no:cacheprovider tests/python

# The sanitizer builds use -O1 -g1 and skip what their tests do not run (the
# micro-benchmarks; for TSan all but the unit tests), to keep the whole command well within
# 15 minutes on 2 cores.
sanitizer_flags=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1")
# The MPI workloads are tested in the Release build only: OpenMPI's own allocations would
# read as leaks to LeakSanitizer, and the code they run is the single-process code the
# sanitizer builds test.
cmake -S . -B build-asan "${sanitizer_flags[@]}" -DVOLLEY_SANITIZE=address -DVOLLEY_BUILD_MICRO=OFF -DVOLLEY_MPI=OFF >/dev/null
run_suite build-asan all -LE no-sanitizer

# TSan with clang and LLVM's OpenMP runtime: its Archer tool tells TSan about OpenMP's
# barriers, which GCC's libgomp hides (every parallel region would report false races).
# The three long prime tests (whose names say "powers of ten" or "far from 0": half a minute
# or more each under TSan) run in the stages above; the threaded paths they use are covered
# here by the other prime tests. The emulated GPU sieve runs on one thread: nothing for TSan.
# Both clang builds leave the CUDA backend out: nvcc would compile its host code with g++,
# outside TSan's and libFuzzer's instrumentation (the Release and ASan builds cover it).
CXX=clang++-14 cmake -S . -B build-tsan "${sanitizer_flags[@]}" -DVOLLEY_SANITIZE=thread -DVOLLEY_CUDA=OFF -DVOLLEY_MPI=OFF >/dev/null
OMP_TOOL_LIBRARIES=/usr/lib/llvm-14/lib/libarcher.so TSAN_OPTIONS=ignore_noninstrumented_modules=1 \
  run_suite build-tsan volley_tests -L unit -E "powers of ten|far from 0|Emulated GPU"

# libFuzzer (clang, ASan+UBSan) on the count parser, volley-bench's command line and the
# prime range planner: only what the fuzzers link is built; each fuzzer runs 25 s on a copy
# of its seeds (tests/fuzz/corpus/); a crash, sanitizer report, leak, timeout or broken
# property fails its test. Then one line per fuzzer: inputs run, new inputs found.
CXX=clang++-14 cmake -S . -B build-fuzz "${sanitizer_flags[@]}" -DVOLLEY_FUZZ=ON -DVOLLEY_CUDA=OFF -DVOLLEY_MPI=OFF -DVOLLEY_BUILD_TESTS=OFF \
  -DVOLLEY_BUILD_EXAMPLES=OFF -DVOLLEY_BUILD_MICRO=OFF >/dev/null
cmake --build build-fuzz --target fuzzers
ctest --test-dir build-fuzz -L fuzz -j "$jobs" --output-on-failure
cat build-fuzz/tests/fuzz/runs/*/summary.txt
