#!/usr/bin/env python3
"""volley from Python beside what a Python user has, on the same cores, in one run.

For each workload: the tutorials' own code (bench/tutorials.py), alone and on a
multiprocessing.Pool of one process per usable core (the pool started untimed, as the
tutorials do); NumPy vectorised; Numba @njit(parallel=True) with prange; primesieve's Python
binding (prime counts and lists); and volley. Every variant runs once per round, in a shuffled
order (a call shorter than 50 ms as a batch of calls of about that length), and the table
gives the median of the rounds. Sizes differ between variants (pure
Python cannot throw 10^9 darts in a second), so the speedups compare time per item; the prime
ranges are the same for every variant that counts them.

bash bench/python.sh sets up its virtual environment and runs it; --json FILE also writes the
rows there."""
import argparse
from importlib.metadata import version
import json
import math
import multiprocessing
import os
import platform
import random
import statistics
import sys
import time
import timeit
from pathlib import Path

import numba
import numpy as np
import primesieve
import primesieve.numpy
from numba import njit, prange

import volley

sys.dont_write_bytecode = True  # no __pycache__ left beside the tutorials' code
sys.path.insert(0, str(Path(__file__).resolve().parent))
import tutorials  # noqa: E402  (the tutorials' own functions)

TUTORIAL_RANGE = (10**8, 10**8 + 10**6)
PRIME_RANGES = [TUTORIAL_RANGE, (0, 10**9), (10**12, 10**12 + 10**9)]


@njit(parallel=True)
def numba_pi_hits(darts):
    hits = 0
    for _ in prange(darts):
        x = np.random.random()
        y = np.random.random()
        if x * x + y * y <= 1.0:
            hits += 1
    return hits


@njit(parallel=True)
def numba_midpoint_pi(steps):
    total = 0.0
    for i in prange(steps):
        x = (i + 0.5) / steps
        total += 4.0 / (1.0 + x * x)
    return total / steps


@njit(parallel=True)
def numba_is_prime(numbers):
    """The tutorials' trial division, over an array."""
    flags = np.empty(numbers.size, np.bool_)
    for k in prange(numbers.size):
        n = numbers[k]
        prime = n == 2 or (n > 2 and n % 2 == 1)
        d = 3
        while prime and d * d <= n:
            if n % d == 0:
                prime = False
            d += 2
        flags[k] = prime
    return flags


def numpy_pi_hits(darts, chunk=2**20):
    rng = np.random.default_rng(1)
    hits = 0
    for start in range(0, darts, chunk):
        xy = rng.random((2, min(chunk, darts - start)))
        hits += int(np.count_nonzero((xy * xy).sum(axis=0) <= 1.0))
    return hits


def numpy_midpoint_pi(steps, chunk=2**20):
    total = 0.0
    for start in range(0, steps, chunk):
        x = (np.arange(start, min(steps, start + chunk)) + 0.5) / steps
        total += float((4.0 / (1.0 + x * x)).sum())
    return total / steps


def numpy_is_prime(numbers):
    """Trial division by each odd d, keeping only the numbers no divisor has struck out."""
    candidates = numbers[(numbers % 2 == 1) & (numbers > 2)]
    for d in range(3, math.isqrt(int(numbers.max())) + 1, 2):
        candidates = candidates[(candidates % d != 0) | (candidates == d)]
    return np.isin(numbers, candidates) | (numbers == 2)


def pool_pi_hits(pool, darts, processes):
    shares = [darts // processes + (r < darts % processes) for r in range(processes)]
    return sum(pool.map(tutorials.monte_carlo_hits, shares))


def pool_midpoint_pi(pool, steps, processes):
    return sum(pool.starmap(tutorials.partial_pi, [(r, processes, steps) for r in range(processes)]))


def pool_prime_flags(pool, numbers, processes):
    return pool.map(tutorials.check_prime, numbers, chunksize=max(1, len(numbers) // (4 * processes)))


class Variant:
    def __init__(self, workload, name, items, run, check=None):
        self.workload, self.name, self.items, self.run, self.check = workload, name, items, run, check
        self.seconds, self.result = [], None


def variants(pool, cores, quick):
    """Every (workload, variant) with its size: sized for about a second or less each."""
    scale = 10 if quick else 1
    tutorial_numbers = np.arange(*TUTORIAL_RANGE, dtype=np.int64)
    slow_numbers = range(TUTORIAL_RANGE[0], TUTORIAL_RANGE[0] + 20_000 // scale)
    pi_darts = 10**9 // scale
    out = [
        Variant("pi", "tutorial, pure", 10**6 // scale, lambda n=10**6 // scale: tutorials.monte_carlo_hits(n)),
        Variant("pi", "tutorial, Pool", 4 * 10**6 // scale, lambda n=4 * 10**6 // scale: pool_pi_hits(pool, n, cores)),
        Variant("pi", "NumPy", 10**7 // scale, lambda n=10**7 // scale: numpy_pi_hits(n)),
        Variant("pi", "Numba parallel", 10**8 // scale, lambda n=10**8 // scale: numba_pi_hits(n)),
        Variant("pi", "volley", pi_darts, lambda: volley.monte_carlo_pi(pi_darts).hits),
        Variant("midpoint", "tutorial, pure", 10**6 // scale, lambda n=10**6 // scale: tutorials.partial_pi(0, 1, n)),
        Variant("midpoint", "tutorial, Pool", 4 * 10**6 // scale,
                lambda n=4 * 10**6 // scale: pool_midpoint_pi(pool, n, cores)),
        Variant("midpoint", "NumPy", 10**8 // scale, lambda n=10**8 // scale: numpy_midpoint_pi(n)),
        Variant("midpoint", "Numba parallel", 10**9 // scale, lambda n=10**9 // scale: numba_midpoint_pi(n)),
        Variant("midpoint", "volley", 10**9 // scale, lambda n=10**9 // scale: volley.midpoint_pi(n)),
        Variant("is_prime", "tutorial, pure", len(slow_numbers), lambda: sum(map(tutorials.check_prime, slow_numbers))),
        Variant("is_prime", "tutorial, Pool", 5 * len(slow_numbers),
                lambda: sum(pool_prime_flags(pool, range(slow_numbers.start, slow_numbers.start + 5 * len(slow_numbers)),
                                             cores))),
        Variant("is_prime", "NumPy", len(tutorial_numbers), lambda: int(numpy_is_prime(tutorial_numbers).sum()), 54208),
        Variant("is_prime", "Numba parallel", len(tutorial_numbers), lambda: int(numba_is_prime(tutorial_numbers).sum()),
                54208),
        Variant("is_prime", "volley", len(tutorial_numbers), lambda: int(volley.is_prime(tutorial_numbers).sum()), 54208),
    ]
    for start, stop in PRIME_RANGES[:1] if quick else PRIME_RANGES:
        label = f"[{start:.0e}, +{stop - start:.0e})".replace("e+0", "e").replace("[0e0", "[0")
        expected = volley.count_primes(start, stop)
        out += [
            Variant(f"count {label}", "primesieve", stop - start,
                    lambda a=start, b=stop: primesieve.count_primes(a, b - 1), expected),
            Variant(f"count {label}", "volley", stop - start, lambda a=start, b=stop: volley.count_primes(a, b), expected),
            Variant(f"primes {label}", "primesieve", stop - start,
                    lambda a=start, b=stop: len(primesieve.numpy.primes(a, b - 1)), expected),
            Variant(f"primes {label}", "volley", stop - start, lambda a=start, b=stop: len(volley.primes(a, b)), expected),
        ]
    return out


def call_overhead():
    """Median seconds of a call on a tiny input, over 5 timeit runs."""
    calls = {"count_primes(0, 10)": lambda: volley.count_primes(0, 10),
             "primes(0, 10)": lambda: volley.primes(0, 10),
             "monte_carlo_pi(1)": lambda: volley.monte_carlo_pi(1),
             "midpoint_pi(1)": lambda: volley.midpoint_pi(1),
             "is_prime(97)": lambda: volley.is_prime(97)}
    out = {}
    for name, call in calls.items():
        timer = timeit.Timer(call)
        number, _ = timer.autorange()
        out[name] = statistics.median(timer.repeat(5, number)) / number
    return out


def measure(all_variants, rounds):
    """Each variant's seconds per call, once per round. A call shorter than 50 ms is timed as
    a batch of calls that lasts about that long, so a sub-millisecond call is not one clock
    reading (and runs with its threads awake, as in a loop)."""
    batch = {}
    for variant in all_variants:  # warm-up: Numba compiles, pools and caches fill
        start = time.perf_counter()
        variant.result = variant.run()
        batch[variant] = max(1, math.ceil(0.05 / max(time.perf_counter() - start, 1e-7)))
    for r in range(rounds):
        order = list(all_variants)
        random.Random(r).shuffle(order)
        for variant in order:
            start = time.perf_counter()
            for _ in range(batch[variant]):
                variant.result = variant.run()
            variant.seconds.append((time.perf_counter() - start) / batch[variant])


def rows_of(all_variants):
    rows = []
    for v in all_variants:
        median = statistics.median(v.seconds)
        rows.append({"workload": v.workload, "variant": v.name, "size": v.items, "median": median,
                     "min": min(v.seconds), "max": max(v.seconds), "ns_per_item": median / v.items * 1e9,
                     "result": v.result, "check": None if v.check is None else v.result == v.check})
    for row in rows:
        ours = next(r for r in rows if r["workload"] == row["workload"] and r["variant"] == "volley")
        row["volley_speedup"] = row["ns_per_item"] / ours["ns_per_item"]
    return rows


def print_table(rows, overhead, cores):
    print(f"volley {volley.__version__} from Python {platform.python_version()} on {platform.processor() or platform.machine()}, "
          f"{cores} usable cores; NumPy {np.__version__}, Numba {numba.__version__} ({numba.get_num_threads()} threads), "
          f"primesieve (Python) {version('primesieve')}; medians of the rounds\n")
    print("| workload | variant | items | median (s) | ns/item | volley's speedup | answer |")
    print("|---|---|---:|---:|---:|---:|---|")
    for r in rows:
        check = "" if r["check"] is None else ("same" if r["check"] else "DIFFERENT")
        speedup = "" if r["variant"] == "volley" else f"{r['volley_speedup']:.3g}x"
        print(f"| {r['workload']} | {r['variant']} | {r['size']:.3g} | {r['median']:.4g} | {r['ns_per_item']:.4g} | "
              f"{speedup} | {check or r['result']} |")
    print("\ncall on a tiny input (median): " +
          ", ".join(f"{name} {seconds * 1e6:.2f} us" for name, seconds in overhead.items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, choices=range(1, 101), metavar="N",
                        help="rounds of every variant (default 5)")
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes and one prime range")
    parser.add_argument("--json", metavar="FILE", help="also write the rows to FILE")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    # The pool is started first, while this process has no other threads to fork.
    with multiprocessing.Pool(cores, initializer=tutorials.ignore_interrupts) as pool:
        all_variants = variants(pool, cores, args.quick)
        measure(all_variants, args.rounds)
    overhead = call_overhead()
    rows = rows_of(all_variants)
    print_table(rows, overhead, cores)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"rows": rows, "call_overhead_seconds": overhead}, out, indent=1)
    if any(r["check"] is False for r in rows):
        sys.exit("a variant gave a different answer")


if __name__ == "__main__":
    main()
