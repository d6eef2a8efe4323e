"""Ctrl-C during a long call raises KeyboardInterrupt at once: a child interpreter gets SIGINT
while it runs a call of minutes."""
import signal
import subprocess
import sys
import time

import pytest

CHILD = r"""
import signal, sys, time, numpy as np, volley
# 18 million primes near 2^64, each a full Miller-Rabin test of some microseconds
numbers = np.tile(volley.primes(2**64 - 10**8, 2**64 - 1), 8) if sys.argv[1] == "is_prime" else None
call = {
    "monte_carlo_pi": lambda: volley.monte_carlo_pi(10**14),
    "midpoint_pi": lambda: volley.midpoint_pi(10**15),
    "count_primes": lambda: volley.count_primes(0, 10**15),
    "count_primes_far": lambda: volley.count_primes(2**64 - 10**14, 2**64 - 1),
    "primes": lambda: volley.primes(10**18, 10**18 + 10**13),
    "is_prime": lambda: volley.is_prime(numbers, threads=1),
}[sys.argv[1]]
print("started", flush=True)
try:
    call()
    print("finished")
except KeyboardInterrupt:
    print("KeyboardInterrupt", time.monotonic(), flush=True)
    # Python's handler is back, and the module works after it.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert volley.count_primes(100) == 25
    print("still works", flush=True)
"""

WORKLOADS = ["monte_carlo_pi", "midpoint_pi", "count_primes", "count_primes_far", "primes", "is_prime"]


def interrupted(*args, deadline):
    """Starts `python -c ARGS`, sends it SIGINT 1 s after it says "started", and returns its
    stdout once it ends; kills it and fails if it is still running after `deadline` seconds."""
    child = subprocess.Popen([sys.executable, "-c", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "started\n"
        time.sleep(1.0)  # well inside the call
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=deadline)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running {deadline} s after SIGINT")
    finally:
        child.kill()
        child.wait()
    assert child.returncode == 0, err
    return out, sent


@pytest.mark.parametrize("workload", WORKLOADS)
def test_sigint_raises_keyboard_interrupt(workload):
    # The call would run for minutes; 20 s is a deadline for a hang, not a timing.
    out, sent = interrupted(CHILD, workload, deadline=20)
    lines = out.splitlines()
    assert lines[0].startswith("KeyboardInterrupt") and lines[1] == "still works", out
    print(f"{workload}: KeyboardInterrupt {float(lines[0].split()[1]) - sent:.3f} s after SIGINT")


def test_a_custom_handler_is_left_in_charge():
    # With its own SIGINT handler the program decides: the call is not stopped, and the handler
    # runs once it returns.
    code = r"""
import signal, volley
seen = []
signal.signal(signal.SIGINT, lambda *a: seen.append(1))
print("started", flush=True)
hits = volley.monte_carlo_pi(3 * 10**9, threads=1).hits
print(hits == volley.monte_carlo_pi(3 * 10**9).hits, seen == [1])
"""
    out, _ = interrupted(code, deadline=300)
    assert out.split() == ["True", "True"]


def test_a_call_on_another_thread_is_not_stopped():
    # Only the main thread's calls are stopped (Python raises KeyboardInterrupt there): the main
    # thread gets it at once, and the other thread's call (seconds long) finishes, right.
    code = r"""
import threading, time, volley
result = []
worker = threading.Thread(target=lambda: result.append(volley.count_primes(0, 2 * 10**10, threads=1)))
worker.start()
print("started", flush=True)
try:
    while worker.is_alive():
        time.sleep(0.01)
except KeyboardInterrupt:
    print("KeyboardInterrupt", flush=True)
worker.join()
print(result == [882206716])
"""
    out, _ = interrupted(code, deadline=300)
    assert out.split() == ["KeyboardInterrupt", "True"]
