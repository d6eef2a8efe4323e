#!/usr/bin/env python3
"""Holds every #include of every volley source against the allowed arrows between layers.

Highway's headers sit in the system include path, so include paths alone cannot stop a
stray include; this check does. The layers (by the including file's path) and what each may
include:

  contract     host/include/volley/contract/  <cstdint>-level standard headers, other contracts
  public       host/include/volley/           the standard library, public and contract headers
  host         host/src/                      + system and OpenMP headers, host/src/, kernel API
  kernel API   kernels/*.h                    the standard library, contracts, kernel API headers
  kernels      kernels/*.cc                   + Highway and kernels/highway/, and <sys/mman.h> alone of the
                                              system headers: the sieve's tables of hundreds of MB, made
                                              inside the kernels, are advised to use huge pages
  highway      kernels/highway/               Highway helpers of the kernels (never elsewhere)
  kernels-cuda kernels/cuda/                  the CUDA backend: std, contracts, kernel API, CUDA's
                                              headers, kernels/cuda/ (never Highway; CUDA nowhere else)
  mpi          mpi/                           the MPI workloads: std, public, contract, host/src/, MPI's
                                              header (MPI nowhere else but bench-mpi and the MPI tests)
  bench        bench/                         std, system, OpenMP, third-party, public, contract, bench/
  bench-mpi    bench/*_mpi.cc                 + MPI's header (volley-bench's ranks)
  examples     examples/                      std, third-party, public, contract
  python       python/src/                    the Python module: std, system, nanobind, public,
                                              contract, python/src/ (never host/src/ or kernels)
  tests        tests/                         std, system, Catch2, public, contract, host/src/,
                                              kernel API, bench/, tests/; MPI's header in tests/mpi/

With --compile-commands, it also checks that only kernel sources are compiled with
Highway's definitions (-DHWY_...), and the CUDA sources never. Prints one line per violation; exits 1 if there is any.
--self-test runs the check on a scratch tree with known violations and checks it finds them.
"""
import argparse
import json
import os
import re
import sys
import tempfile

SCANNED_DIRS = ("host", "kernels", "mpi", "bench", "examples", "tests", "python")
SOURCE_SUFFIXES = (".h", ".hpp", ".cc", ".cpp", ".cu", ".cuh", ".h.in", ".hpp.in")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')

# Standard headers a contract header may use: no allocation, no I/O, no exceptions.
CORE_STD = {"cstdint", "cstddef", "bit", "limits", "type_traits", "climits"}
CUDA = ("cuda_runtime.h", "cuda_runtime_api.h", "cuda.h", "cuda_fp16.h", "cooperative_groups.h", "cub/", "thrust/")
SYSTEM = {"unistd.h", "sched.h", "spawn.h", "signal.h", "fcntl.h", "poll.h", "pthread.h", "dlfcn.h", "semaphore.h"}
THIRD_PARTY = ("CLI/", "fmt/", "nlohmann/", "benchmark/", "Eigen/", "primesieve.hpp", "primesieve/", "oneapi/tbb/")

ALLOWED = {
    "contract": {"std-core", "contract"},
    "public": {"std-core", "std", "public", "contract"},
    "host": {"std-core", "std", "system", "memory-advice", "openmp", "public", "contract", "host", "kernel-api"},
    "kernel-api": {"std-core", "std", "contract", "kernel-api"},
    "kernels": {"std-core", "std", "contract", "kernel-api", "highway", "kernels-highway", "memory-advice"},
    "kernels-highway": {"std-core", "std", "contract", "kernel-api", "highway", "kernels-highway"},
    "kernels-cuda": {"std-core", "std", "contract", "kernel-api", "cuda", "kernels-cuda"},
    "mpi": {"std-core", "std", "public", "contract", "host", "mpi"},
    "bench": {"std-core", "std", "system", "memory-advice", "openmp", "third-party", "public", "contract", "bench"},
    "bench-mpi": {"std-core", "std", "system", "memory-advice", "openmp", "third-party", "public", "contract", "bench", "mpi"},
    "examples": {"std-core", "std", "third-party", "public", "contract"},
    "python": {"std-core", "std", "system", "memory-advice", "nanobind", "public", "contract", "python"},
    "tests": {"std-core", "std", "system", "memory-advice", "catch2", "public", "contract", "host", "kernel-api", "bench", "tests"},
    "tests-mpi": {"std-core", "std", "catch2", "public", "contract", "tests", "mpi"},
}


def layer_of(path):
    """The layer of a source by its path relative to the root, or None if no layer is known."""
    parts = path.split("/")
    if path.startswith("host/include/volley/contract/"):
        return "contract"
    if path.startswith("host/include/") or path == "host/version.hpp.in":  # installed as volley/version.hpp
        return "public"
    if path.startswith("host/src/"):
        return "host"
    if path.startswith("kernels/highway/"):
        return "kernels-highway"
    if path.startswith("kernels/cuda/") and len(parts) == 3:
        return "kernels-cuda"
    if parts[0] == "kernels" and len(parts) == 2:
        return "kernel-api" if path.endswith((".h", ".hpp")) else "kernels"
    if path.startswith("tests/mpi/"):
        return "tests-mpi"
    if parts[0] == "bench" and path.endswith("_mpi.cc"):
        return "bench-mpi"
    if parts[0] in ("mpi", "bench", "examples", "tests"):
        return parts[0]
    if path.startswith("python/src/"):
        return "python"
    return None


def kind_of(bracket, name):
    """What an include names: one of the kinds in ALLOWED's sets, or 'unknown'."""
    prefixes = [("hwy/", "highway"), ("kernels/highway/", "kernels-highway"), ("kernels/cuda/", "kernels-cuda"),
                ("volley/contract/", "contract"),
                ("volley/", "public"), ("host/src/", "host"), ("bench/", "bench"), ("catch2/", "catch2"),
                ("tests/", "tests"), ("mpi/", "mpi"), ("python/src/", "python"), ("nanobind/", "nanobind")]
    for prefix, kind in prefixes:
        if name.startswith(prefix):
            return kind
    if name.startswith("kernels/"):
        return "kernel-api" if name.count("/") == 1 and name.endswith((".h", ".hpp")) else "unknown"
    if bracket == "<" and name.startswith(CUDA):
        return "cuda"
    if bracket == "<" and name == "mpi.h":
        return "mpi"
    if name.startswith(THIRD_PARTY):
        return "third-party"
    if name == "omp.h":
        return "openmp"
    if bracket == "<" and name in CORE_STD:
        return "std-core"
    if bracket == "<" and re.fullmatch(r"[a-z_]+", name):
        return "std"
    if bracket == "<" and name == "sys/mman.h":
        return "memory-advice"
    if bracket == "<" and (name in SYSTEM or name.startswith("sys/")):
        return "system"
    return "unknown"


def sources(root):
    for top in SCANNED_DIRS:
        for directory, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if name.endswith(SOURCE_SUFFIXES):
                    yield os.path.relpath(os.path.join(directory, name), root)


def include_violations(root):
    found = []
    for path in sources(root):
        layer = layer_of(path)
        if layer is None:  # a new place for sources: it needs its row in ALLOWED first
            found.append(f"{path}: a source outside every known layer")
            continue
        with open(os.path.join(root, path), encoding="utf-8") as text:
            for number, line in enumerate(text, 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                kind = kind_of(*match.groups())
                if kind not in ALLOWED[layer]:
                    what = "an unclassified include" if kind == "unknown" else f"a {kind} header"
                    found.append(f"{path}:{number}: {layer} code may not include {match.group(2)} ({what})")
    return found


def definition_violations(root, compile_commands):
    """Sources outside kernels/ (or in kernels/cuda/) compiled with Highway's definitions."""
    found = []
    with open(compile_commands, encoding="utf-8") as text:
        for entry in json.load(text):
            path = os.path.relpath(os.path.realpath(entry["file"]), os.path.realpath(root))
            command = entry.get("command") or " ".join(entry.get("arguments", []))
            highway = path.startswith("kernels/") and not path.startswith("kernels/cuda/")
            if not highway and re.search(r"(^|\s)-D\s*HWY_", command):
                found.append(f"{path}: compiled with Highway's definitions: only kernels/ may see Highway")
    return found


def check(root, compile_commands=None):
    found = include_violations(root)
    if compile_commands:
        found += definition_violations(root, compile_commands)
    return found


def self_test():
    """The check must find each planted violation and nothing in the clean files."""
    tree = {
        "bench/bad.cc": '#include "kernels/monte_carlo.h"\n#include "hwy/highway.h"\n#include <vector>\n',
        "bench/good.cc": '#include <fmt/core.h>\n#include "volley/primes.hpp"\n#include "bench/cli.hpp"\n',
        "examples/bad.cc": '#include "host/src/cache_sizes.hpp"\n',
        "host/src/bad.cc": '  #  include "hwy/highway.h"\n#include "kernels/highway/dispatch.h"\n',
        "host/src/good.cc": '#include "kernels/segmented_sieve.h"\n#include <unistd.h>\n',
        "host/include/volley/bad.hpp": '#include "kernels/wheel.h"\n',
        "host/include/volley/contract/bad.hpp": "#include <string>\n",
        "kernels/bad.h": '#include "hwy/base.h"\n',
        "kernels/good.cc": '#include "hwy/highway.h"\n#include "kernels/highway/dispatch.h"\n',
        "kernels/wrong.cc": '#include "volley/monte_carlo.hpp"\n#include "mystery.h"\n',
        "tests/good.cc": '#include <catch2/catch.hpp>\n#include "kernels/presieve.h"\n#include "host/src/x.hpp"\n',
        "tests/bad.cc": '#include "kernels/highway/dispatch.h"\n',
        "kernels/deep/new.cc": '#include "volley/contract/integer.hpp"\n',
        "kernels/cuda/good.cu": '#include <cuda_runtime.h>\n#include "kernels/cuda/x.cuh"\n#include "kernels/gpu.h"\n',
        "kernels/cuda/bad.cu": '#include "hwy/highway.h"\n#include "volley/gpu.hpp"\n',
        "host/src/cuda.cc": '#include <cuda_runtime.h>\n#include "kernels/cuda/x.cuh"\n',
        "host/include/volley/cuda.hpp": '#include <cuda.h>\n',
        "mpi/src/good.cc": '#include <mpi.h>\n#include "volley/mpi.hpp"\n#include "host/src/partial_sums.hpp"\n',
        "mpi/src/bad.cc": '#include "kernels/gpu.h"\n',
        "host/src/mpi.cc": '#include <mpi.h>\n',
        "tests/mpi/good.cc": '#include <mpi.h>\n#include "volley/mpi.hpp"\n',
        "tests/bad_mpi.cc": '#include <mpi.h>\n',
        "bench/ranks_mpi.cc": '#include <mpi.h>\n#include "volley/mpi.hpp"\n#include "bench/ranks.hpp"\n',
        "bench/ranks.cc": '#include <mpi.h>\n',
        "python/src/good.cc": '#include <nanobind/nanobind.h>\n#include <semaphore.h>\n#include "python/src/x.hpp"\n'
                              '#include "volley/primes.hpp"\n',
        "python/src/bad.cc": '#include "host/src/range_plan.hpp"\n',
        "bench/nb.cc": '#include <nanobind/nanobind.h>\n',
    }
    expected = [
        "bench/bad.cc:1: bench code may not include kernels/monte_carlo.h (a kernel-api header)",
        "bench/bad.cc:2: bench code may not include hwy/highway.h (a highway header)",
        "examples/bad.cc:1: examples code may not include host/src/cache_sizes.hpp (a host header)",
        "host/include/volley/bad.hpp:1: public code may not include kernels/wheel.h (a kernel-api header)",
        "host/include/volley/contract/bad.hpp:1: contract code may not include string (a std header)",
        "host/src/bad.cc:1: host code may not include hwy/highway.h (a highway header)",
        "host/src/bad.cc:2: host code may not include kernels/highway/dispatch.h (a kernels-highway header)",
        "kernels/bad.h:1: kernel-api code may not include hwy/base.h (a highway header)",
        "kernels/wrong.cc:1: kernels code may not include volley/monte_carlo.hpp (a public header)",
        "kernels/wrong.cc:2: kernels code may not include mystery.h (an unclassified include)",
        "tests/bad.cc:1: tests code may not include kernels/highway/dispatch.h (a kernels-highway header)",
        "kernels/deep/new.cc: a source outside every known layer",
        "kernels/cuda/bad.cu:1: kernels-cuda code may not include hwy/highway.h (a highway header)",
        "kernels/cuda/bad.cu:2: kernels-cuda code may not include volley/gpu.hpp (a public header)",
        "host/src/cuda.cc:1: host code may not include cuda_runtime.h (a cuda header)",
        "host/src/cuda.cc:2: host code may not include kernels/cuda/x.cuh (a kernels-cuda header)",
        "host/include/volley/cuda.hpp:1: public code may not include cuda.h (a cuda header)",
        "mpi/src/bad.cc:1: mpi code may not include kernels/gpu.h (a kernel-api header)",
        "host/src/mpi.cc:1: host code may not include mpi.h (a mpi header)",
        "tests/bad_mpi.cc:1: tests code may not include mpi.h (a mpi header)",
        "bench/ranks.cc:1: bench code may not include mpi.h (a mpi header)",
        "python/src/bad.cc:1: python code may not include host/src/range_plan.hpp (a host header)",
        "bench/nb.cc:1: bench code may not include nanobind/nanobind.h (a nanobind header)",
        "kernels/cuda/good.cu: compiled with Highway's definitions: only kernels/ may see Highway",
        "host/src/bad.cc: compiled with Highway's definitions: only kernels/ may see Highway",
    ]
    with tempfile.TemporaryDirectory() as root:
        for path, text in tree.items():
            os.makedirs(os.path.join(root, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(root, path), "w", encoding="utf-8") as out:
                out.write(text)
        commands = os.path.join(root, "compile_commands.json")
        with open(commands, "w", encoding="utf-8") as out:
            json.dump([{"file": os.path.join(root, "host/src/bad.cc"), "arguments": ["c++", "-D", "HWY_X", "-c", "x"]},
                       {"file": os.path.join(root, "kernels/good.cc"), "command": "c++ -DHWY_SHARED_DEFINE -c x"},
                       {"file": os.path.join(root, "kernels/cuda/good.cu"), "command": "nvcc -DHWY_X -c x"},
                       {"file": os.path.join(root, "host/src/good.cc"), "command": "c++ -DNDEBUG -c x"}], out)
        found = check(root, commands)
    if sorted(found) != sorted(expected):
        print("self-test failed; expected:", *sorted(expected), "found:", *sorted(found), sep="\n  ")
        return 1
    print(f"self-test: all {len(expected)} planted violations found, no others")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--compile-commands", help="a build's compile_commands.json")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    found = check(args.root, args.compile_commands)
    for line in found:
        print(line)
    print(f"{len(found)} layering violation(s)" if found else "layering: every include follows the allowed arrows")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
