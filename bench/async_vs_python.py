#!/usr/bin/env python3
"""volley's asynchronous half beside the tutorials' Python and oneTBB, on the same cores, in one run.

- The producer-consumer prime checker over the tutorials' range [10^8, 1.01 x 10^8): seed 000's
  Manager queues and poison pills (bench/tutorials.py queue) against examples/prime_queue.cc
  (volley::Queue, volley::is_prime); each program's own timing, from the first candidate
  pushed to the last prime collected.
- submit + wait of an empty task: seed 002's concurrent.futures.ProcessPoolExecutor
  (bench/tutorials.py futures) against volley-micro's Pool::submit + get and oneTBB's
  task_group::run + wait (medians of its repetitions).

usage: async_vs_python.py [--build DIR] [--futures-tasks N]   (after bash bench/run.sh has built DIR)"""
import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RANGE = (10 ** 8, 101 * 10 ** 6)


def run(args):
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def python_row(workload, size, processes):
    return json.loads(run([sys.executable, HERE / "tutorials.py", workload, "pool", size, processes]))


def volley_queue(build):
    out = run([build / "examples" / "example_prime_queue"])
    match = re.search(r"^(\d+) primes in .* by (\d+) producers and (\d+) consumers in ([0-9.]+) s", out)
    if not match:
        sys.exit(f"unexpected output from example_prime_queue: {out!r}")
    primes, producers, consumers, seconds = match.groups()
    return int(primes), f"{producers} producers, {consumers} consumers", float(seconds)


def micro_medians(build):
    out = run([build / "bench" / "volley-micro", "--benchmark_filter=^BM_(SubmitGet|TbbTaskGroup)",
               "--benchmark_repetitions=15", "--benchmark_enable_random_interleaving=true",
               "--benchmark_min_time=0.2", "--benchmark_report_aggregates_only=true", "--benchmark_format=json"])
    medians = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            name = b["run_name"].split("/")[0]
            per_item = 1.0 / b["items_per_second"]
            medians[name] = per_item
    return medians


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", type=Path, default=HERE.parent / "build", help="volley's build directory")
    parser.add_argument("--futures-tasks", type=int, default=2000, help="empty tasks for concurrent.futures")
    args = parser.parse_args()
    processes = len(os.sched_getaffinity(0))

    print(f"# Producer-consumer primes in [{RANGE[0]}, {RANGE[1]}) on {processes} cores\n")
    primes, shape, volley_seconds = volley_queue(args.build)
    python = python_row("queue", RANGE[1] - RANGE[0], processes)
    if python["result"] != primes:
        sys.exit(f"the two disagree: Python found {python['result']} primes, volley {primes}")
    print("| Variant | Seconds | Primes | vs the tutorials |\n|---|---|---|---|")
    print(f"| tutorials' Python (Manager queues, 1 producer, {processes} consumers) | {python['seconds']:.2f} | {primes} | 1 |")
    print(f"| volley::Queue ({shape}) | {volley_seconds:.4f} | {primes} | {python['seconds'] / volley_seconds:.0f}x |\n")

    print("# submit + wait of an empty task, per task\n")
    medians = micro_medians(args.build)
    futures = python_row("futures", args.futures_tasks, processes)
    per_task = futures["seconds"] / args.futures_tasks
    print("| Variant | One at a time | A batch of 1000 |\n|---|---|---|")
    print(f"| concurrent.futures.ProcessPoolExecutor({processes}) | {per_task * 1e6:.0f} µs | |")
    tbb = (medians.get("BM_TbbTaskGroup"), medians.get("BM_TbbTaskGroupBatch"))
    if tbb[0]:
        print(f"| oneTBB task_group (arena of 2) | {tbb[0] * 1e9:.0f} ns | {tbb[1] * 1e9:.0f} ns |")
    one, batch = medians["BM_SubmitGet"], medians["BM_SubmitGetBatch"]
    ratio = f" ({one / tbb[0]:.2f}x TBB)" if tbb[0] else ""
    ratio_batch = f" ({batch / tbb[1]:.2f}x TBB)" if tbb[1] else ""
    print(f"| volley Pool(2) submit + get | {one * 1e9:.0f} ns{ratio} | {batch * 1e9:.0f} ns{ratio_batch} |")


if __name__ == "__main__":
    main()
