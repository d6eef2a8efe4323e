#!/usr/bin/env python3
"""volley's prime count beside two primesieve libraries, in one run, as a Markdown table.

  python3 bench/vs_primesieve.py [--bench build/bench/volley-bench] [--latest LIBPRIMESIEVE.so]
                                 [--repeat 5] [--threads 1,2]

The tools take turns: each of --repeat rounds times volley, then each primesieve library, on
the same range and thread count, and each tool's time is the median over the rounds, so that a
burst of load on a shared machine lands in one round rather than on one tool. In a round a tool
is timed over PAIR calls, the faster counting (volley-bench starts afresh each round and its
first call pays the process's start: page faults, the pre-sieve patterns, the threads), or on
the tutorials' range, a fraction of a millisecond, over SHORT_CALLS calls, their median (warm
calls on a noisy machine). volley is timed by volley-bench (`primes --from A --to B --threads T
--repeat N --json`); each primesieve library is loaded here with ctypes and timed around its C
call primesieve_count_primes(A, B - 1) after primesieve_set_num_threads(T): Debian's
libprimesieve.so.11 (libprimesieve-dev), and --latest, a build of the newest primesieve made
outside this repository. Every count must agree. The ratio columns are volley's time over
primesieve's: below 1 volley is faster.
"""
import argparse
import ctypes
import ctypes.util
import json
import os
import statistics
import subprocess
import sys
import time

SHORT_CALLS = 301  # a count of a fraction of a millisecond: the median of this many calls, mostly warm
PAIR = 2  # a longer count: the faster of this many calls, one of them warm
RANGES = [  # (name, from, to, calls per round): five ranges from 0 to 2^64, and the tutorials' one
    ("[0, 10^10)", 0, 10**10, PAIR),
    ("[10^12, +10^9)", 10**12, 10**12 + 10**9, PAIR),
    ("[10^15, +10^9)", 10**15, 10**15 + 10**9, PAIR),
    ("[10^18, +10^9)", 10**18, 10**18 + 10**9, PAIR),
    ("[2^64 - 10^10 - 1, 2^64 - 1)", 2**64 - 10**10 - 1, 2**64 - 1, PAIR),
    ("[10^8, 1.01 x 10^8)", 10**8, 101 * 10**6, SHORT_CALLS),
]


class Primesieve:
    """One libprimesieve, through its C API."""

    def __init__(self, path):
        self.lib = ctypes.CDLL(path)
        self.lib.primesieve_count_primes.argtypes = [ctypes.c_uint64, ctypes.c_uint64]
        self.lib.primesieve_count_primes.restype = ctypes.c_uint64
        self.lib.primesieve_set_num_threads.argtypes = [ctypes.c_int]
        self.lib.primesieve_version.restype = ctypes.c_char_p
        self.version = self.lib.primesieve_version().decode()

    def count(self, first, last, threads, repeat):
        """(count of primes in [first, last), seconds of a round)."""
        self.lib.primesieve_set_num_threads(threads)
        times, count = [], None
        for _ in range(repeat):
            start = time.perf_counter()
            count = self.lib.primesieve_count_primes(first, last - 1)
            times.append(time.perf_counter() - start)
        return count, of_round(times)


def of_round(times):
    """A round's time from its calls: the faster of a pair, else the median."""
    return min(times) if len(times) == PAIR else statistics.median(times)


def volley(bench, first, last, threads, repeat):
    """(count, seconds of a round) from volley-bench."""
    done = subprocess.run([bench, "primes", "--from", str(first), "--to", str(last), "--threads", str(threads),
                           "--repeat", str(repeat), "--json"], capture_output=True, text=True, timeout=3600, check=False)
    if done.returncode != 0:
        sys.exit(f"volley-bench failed ({done.returncode}):\n{done.stderr}")
    row = json.loads(done.stdout.splitlines()[-1])  # after the context record
    return row["result"], row["min"] if repeat == PAIR else row["median"]


def library(name, what):
    """The libprimesieve at a path, or by the name the linker knows it by."""
    try:
        return Primesieve(name)
    except OSError as error:
        sys.exit(f"{what}: cannot load {name}: {error}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", default=os.path.join("build", "bench", "volley-bench"))
    parser.add_argument("--debian", help="Debian's libprimesieve (default: the one the linker finds)")
    parser.add_argument("--latest", required=True, help="libprimesieve.so of the newest primesieve, built apart")
    parser.add_argument("--repeat", type=int, default=5, choices=range(1, 21), metavar="1..20",
                        help="rounds (default 5)")
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts (1..1024)")
    args = parser.parse_args()
    try:
        threads = [int(t) for t in args.threads.split(",")]
    except ValueError:
        threads = []
    if not threads or any(t < 1 or t > 1024 for t in threads):
        sys.exit(f"--threads: '{args.threads}' is not a list of counts 1..1024")
    if not os.access(args.bench, os.X_OK):
        sys.exit(f"--bench: {args.bench} is not an executable")
    debian = args.debian or ctypes.util.find_library("primesieve")
    if debian is None:
        sys.exit("no libprimesieve found: apt-get install libprimesieve-dev, or give --debian")
    peers = [library(debian, "--debian"), library(args.latest, "--latest")]

    head = ["range", "threads", "primes", "volley (s)"]
    for peer in peers:
        head += [f"primesieve {peer.version} (s)", f"volley / {peer.version}"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name, first, last, calls in RANGES:
        for t in threads:
            rounds = [[] for _ in range(1 + len(peers))]  # seconds per tool, one per round
            for _ in range(args.repeat):
                count, seconds = volley(args.bench, first, last, t, calls)
                rounds[0].append(seconds)
                for k, peer in enumerate(peers, start=1):
                    theirs, their_seconds = peer.count(first, last, t, calls)
                    if theirs != count:
                        sys.exit(f"{name}, {t} threads: volley counts {count}, primesieve {peer.version} {theirs}")
                    rounds[k].append(their_seconds)
            ours, *theirs = (statistics.median(r) for r in rounds)
            row = [name, str(t), str(count), f"{ours:.4g}"]
            for their_seconds in theirs:
                row += [f"{their_seconds:.4g}", f"{ours / their_seconds:.2f}"]
            print("| " + " | ".join(row) + " |", flush=True)

if __name__ == "__main__":
    main()
