"""Thread counts follow the C++ library's policy, and a call lets other Python threads run."""
import os
import subprocess
import sys
import threading

import pytest

import volley


def default_threads_with(env):
    code = "import volley; print(volley.default_threads())"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLURM_", "OMP_"))}
    out = subprocess.run([sys.executable, "-c", code], env={**clean, **env}, check=True,
                         capture_output=True, text=True, timeout=60)
    return int(out.stdout)


def test_default_threads_is_the_clis(bench):
    [row] = bench("pi", "--samples", 1000)
    assert volley.default_threads() == row["threads"]


def test_default_threads_follows_the_environment():
    assert default_threads_with({"OMP_NUM_THREADS": "3"}) == 3
    assert default_threads_with({"OMP_NUM_THREADS": "5", "SLURM_JOB_ID": "1", "SLURM_CPUS_PER_TASK": "2"}) == 2
    # outside a job SLURM_CPUS_PER_TASK is not read
    assert default_threads_with({"OMP_NUM_THREADS": "5", "SLURM_CPUS_PER_TASK": "2"}) == 5


def test_default_threads_follows_the_affinity_mask():
    if not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2:
        pytest.skip("needs 2 CPUs and sched_setaffinity")
    code = "import os, volley; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); print(volley.default_threads())"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLURM_", "OMP_"))}
    out = subprocess.run([sys.executable, "-c", code], env=clean, check=True, capture_output=True, text=True, timeout=60)
    assert int(out.stdout) == 1


LONG_CALLS = {
    "monte_carlo_pi": lambda: volley.monte_carlo_pi(2 * 10**9, threads=1),
    "midpoint_pi": lambda: volley.midpoint_pi(10**9, threads=1),
    "count_primes": lambda: volley.count_primes(10**12, 10**12 + 10**10, threads=1),
    "primes": lambda: volley.primes(10**15, 10**15 + 2 * 10**8, threads=1),
}


@pytest.mark.parametrize("name", sorted(LONG_CALLS))
def test_other_python_threads_run_during_a_call(name):
    # While a call of about a second runs in another thread, this thread counts: millions of
    # times when the call releases the GIL, some ten thousand (before the call starts) if not.
    started, done = threading.Event(), threading.Event()

    def worker():
        started.set()
        LONG_CALLS[name]()
        done.set()

    thread = threading.Thread(target=worker)
    thread.start()
    started.wait()
    counted = 0
    while not done.is_set():
        counted += 1
    thread.join()
    assert counted > 1_000_000, f"only {counted} iterations ran beside {name}"
