#!/usr/bin/env python3
"""The tutorials' notebook cells beside their volley one-liners, timed in one run.

Each cell runs the tutorials' own code (bench/tutorials.py; the Pool ones on a
multiprocessing.Pool of one process per usable core, started untimed as in the notebooks),
then the volley call that does the same work; both are timed (median of --repeat runs) and
their answers compared. Prints a Markdown table. Needs `pip install .` (volley) and NumPy.

    python3 examples/python/tutorials.py [--repeat N]
"""
import argparse
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

import volley

sys.dont_write_bytecode = True  # no __pycache__ left beside the tutorials' code
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import tutorials  # noqa: E402  (the tutorials' own functions)

RANGE_B = range(100_000_000, 100_100_000)    # seed 000's number_range B
RANGE_C = range(100_000_000, 101_000_000)    # seed 000's number_range C, the one it times


def cells(pool, cores):
    """(what, tutorial code, volley one-liner, the two as functions, whether their answers
    agree). The timed functions return what the code returns; agree() converts, untimed."""
    darts, steps = 10**7, 10**7
    return [
        ("Monte Carlo pi, 10^7 darts (seeds 000, 001)",
         "4 * sum(pool.map(monte_carlo_hits, [n // cores] * cores)) / n",
         "volley.monte_carlo_pi(n).estimate",
         lambda: 4 * sum(pool.map(tutorials.monte_carlo_hits, [darts // cores] * cores)) / darts,
         lambda: volley.monte_carlo_pi(darts).estimate,
         lambda a, b: abs(a - b) < 0.01),  # different random streams: both near pi
        ("Midpoint-rule pi, 10^7 steps (seed 003)",
         "sum(pool.starmap(partial_pi, [(r, cores, n) for r in range(cores)]))",
         "volley.midpoint_pi(n)",
         lambda: sum(pool.starmap(tutorials.partial_pi, [(r, cores, steps) for r in range(cores)])),
         lambda: volley.midpoint_pi(steps),
         lambda a, b: abs(a - b) < 1e-12),  # a float sum in another order
        ("Prime search, range B, one process (seed 000)",
         "[n for n in number_range if check_prime(n)]",
         "volley.primes(10**8, 10**8 + 10**5)",
         lambda: [n for n in RANGE_B if tutorials.check_prime(n)],
         lambda: volley.primes(RANGE_B.start, RANGE_B.stop),
         lambda a, b: a == b.tolist()),
        ("Prime search, range C, Pool (seed 000)",
         "pool.map(check_prime, number_range)",
         "volley.is_prime(np.arange(10**8, 10**8 + 10**6))",
         lambda: pool.map(tutorials.check_prime, RANGE_C, chunksize=len(RANGE_C) // (4 * cores)),
         lambda: volley.is_prime(np.arange(RANGE_C.start, RANGE_C.stop)),
         lambda a, b: a == b.tolist()),
    ]


def timed(fn, repeat):
    seconds, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), result


def shown(seconds):
    return f"{seconds:.3g} s" if seconds >= 0.1 else f"{seconds * 1e3:.3g} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, choices=range(1, 21), metavar="N",
                        help="runs of each cell; the median is shown (default 3)")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    print(f"volley {volley.__version__}, {cores} usable cores; tutorial code: bench/tutorials.py; "
          f"medians of {args.repeat} runs\n")
    print("| cell | tutorial code | time | volley | time | speedup | same answer |")
    print("|---|---|---:|---|---:|---:|---|")
    wrong = False
    with multiprocessing.Pool(cores, initializer=tutorials.ignore_interrupts) as pool:
        for what, tutorial_code, volley_code, tutorial, ours, agree in cells(pool, cores):
            tutorial_seconds, expected = timed(tutorial, args.repeat)
            volley_seconds, got = timed(ours, args.repeat)
            same = agree(expected, got)
            wrong |= not same
            print(f"| {what} | `{tutorial_code}` | {shown(tutorial_seconds)} | `{volley_code}` | "
                  f"{shown(volley_seconds)} | {tutorial_seconds / volley_seconds:,.0f}x | {'yes' if same else 'NO'} |",
                  flush=True)
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
