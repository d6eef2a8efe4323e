#!/usr/bin/env python3
"""volley-bench over MPI ranks against one process, on this machine, in one run.

usage: ranks_study.py VOLLEY_BENCH [--rounds N] [--mpirun PATH]

For pi (10^9 darts), midpoint (10^9 steps) and a prime count ([10^12, 10^12 + 10^9)) it runs, round
by round in a shuffled order: the plain process on 2 threads (1x2 plain), and under mpirun
1 rank x 2 threads, 2 ranks x 1 thread and 4 ranks x 1 thread (no binding to cores). Each run
times 3 calls and reports their median (so MPI's first collective, which opens the connections
between ranks, is left out: that is start-up). The study prints the median over the rounds of
each configuration's `seconds` (timed by rank 0) and its ratio to the plain run. Then the
start-up cost (the wall time of `pi --samples 1` under mpirun, less the plain process's) and
the latency of the final reduction (a one-block pi: seconds over ranks less one process's).
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import time

WORKLOADS = {
    "pi": ["pi", "--samples", "1e9"],
    "midpoint": ["midpoint", "--steps", "1e9"],
    "primes": ["primes", "--from", "1e12", "--to", "1.001e12"],
}
CONFIGS = [("1x2 plain", None, 2), ("1x2 mpi", 1, 2), ("2x1 mpi", 2, 1), ("4x1 mpi", 4, 1)]


def launch(mpirun, ranks):
    return [] if ranks is None else [mpirun, "-n", str(ranks), "--oversubscribe", "--bind-to", "none"]


def run(command):
    start = time.perf_counter()
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1]), time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--mpirun", default=shutil.which("mpirun") or "mpirun")
    args = parser.parse_args()
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    jobs = [(w, c) for w in WORKLOADS for c in CONFIGS]
    seconds = {job: [] for job in jobs}
    results = {}
    shuffler = random.Random(1)
    for _ in range(args.rounds):
        shuffler.shuffle(jobs)
        for workload, (name, ranks, threads) in jobs:
            command = [args.bench, *WORKLOADS[workload], "--threads", str(threads), "--repeat", "3", "--json"]
            row, _ = run(launch(args.mpirun, ranks) + command)
            seconds[(workload, (name, ranks, threads))].append(row["median"])
            answer = row["result"]
            if results.setdefault(workload, answer) != answer:
                raise SystemExit(f"{workload}: {name} answered {answer}, another configuration {results[workload]}")
    print(f"{'workload':<8} {'ranks x threads':<16} {'median s':>9} {'vs 1x2 plain':>13}")
    for workload in WORKLOADS:
        plain = statistics.median(seconds[(workload, CONFIGS[0])])
        for config in CONFIGS:
            median = statistics.median(seconds[(workload, config)])
            print(f"{workload:<8} {config[0]:<16} {median:>9.4f} {median / plain:>12.3f}x")
    # Start-up: whole-process wall time of a one-dart run; reduction: its timed seconds.
    tiny = ["pi", "--samples", "1", "--threads", "1", "--repeat", "21", "--json"]
    for ranks in (None, 1, 2, 4):
        walls, works = [], []
        for _ in range(args.rounds):
            row, wall = run(launch(args.mpirun, ranks) + [args.bench, *tiny])
            walls.append(wall)
            works.append(row["median"])
        label = "plain" if ranks is None else f"mpirun -n {ranks}"
        print(f"start-up and reduction, {label:<12}: wall {statistics.median(walls) * 1e3:8.1f} ms, "
              f"one-block pi {statistics.median(works) * 1e6:8.1f} us")


if __name__ == "__main__":
    main()
