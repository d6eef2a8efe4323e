"""The module's answers equal the C++ CLI's for the same inputs, on every target and thread
count, and known values."""
import numpy as np
import pytest

import volley

CPU_TARGETS = [t for t in volley.targets() if not t.startswith("cuda")]
TUTORIAL_RANGE = (10**8, 10**8 + 10**6)  # the seeds' prime search


@pytest.mark.parametrize("samples,seed", [(1, 1), (1000, 7), (2**20 + 3, 1), (10**7, 12345)])
def test_monte_carlo_hits_equal_the_cli(bench, samples, seed):
    [row] = bench("pi", "--samples", samples, "--seed", seed)
    result = volley.monte_carlo_pi(samples, seed=seed)
    assert result.hits == row["detail"]["hits"]
    assert result.samples == samples
    assert result.estimate == row["result"] == 4 * result.hits / samples
    assert result.std_error == row["detail"]["std_error"]


@pytest.mark.parametrize("steps", [1, 3, 10**6 + 1, 10**7])
def test_midpoint_equals_the_cli(bench, steps):
    [row] = bench("midpoint", "--steps", steps)
    assert volley.midpoint_pi(steps) == row["result"]


@pytest.mark.parametrize("start,stop", [(0, 3), (0, 10**7), TUTORIAL_RANGE, (2**64 - 10**6, 2**64 - 1)])
def test_prime_counts_and_lists_equal_the_cli(bench, start, stop):
    # The CLI's ranges are closed: [start, stop - 1] is this half-open [start, stop).
    [row] = bench("primes", start, stop - 1)
    assert volley.count_primes(start, stop) == row["result"]
    *listed, summary = bench("primes", start, stop - 1, "--list")
    assert summary["result"] == row["result"]
    primes = volley.primes(start, stop)
    assert primes.tolist() == listed


def test_empty_ranges():
    assert volley.count_primes(7, 7) == 0
    assert volley.count_primes(0) == 0
    assert volley.primes(2**64 - 1, 2**64 - 1).tolist() == []
    assert volley.primes(8, 11).tolist() == []


@pytest.mark.parametrize("stop,count", [(10, 4), (10**6, 78498), (10**9, 50847534)])
def test_known_prime_counts(stop, count):
    assert volley.count_primes(stop) == count
    assert volley.count_primes(0, stop) == count


def test_tutorial_range():
    assert volley.count_primes(*TUTORIAL_RANGE) == 54208
    numbers = np.arange(*TUTORIAL_RANGE)
    assert int(volley.is_prime(numbers).sum()) == 54208
    assert np.array_equal(numbers[volley.is_prime(numbers)], volley.primes(*TUTORIAL_RANGE))


@pytest.mark.parametrize("n,expected", [
    (0, False), (1, False), (2, True), (3, True), (4, False), (97, True),
    (561, False),                        # Carmichael number
    (3215031751, False),                 # strong pseudoprime to bases 2, 3, 5 and 7
    (2**61 - 1, True),                   # Mersenne prime
    (2**64 - 59, True),                  # largest 64-bit prime
    (2**64 - 1, False),
])
def test_is_prime_known(n, expected):
    assert volley.is_prime(n) is expected
    assert volley.is_prime(np.uint64(n)) is expected
    assert volley.is_prime(np.array([n], dtype=np.uint64)).tolist() == [expected]


@pytest.mark.parametrize("target", CPU_TARGETS)
@pytest.mark.parametrize("threads", [1, 2, 3])
def test_same_answers_on_every_target_and_thread_count(target, threads):
    opts = {"threads": threads, "target": target}
    assert volley.monte_carlo_pi(3 * 2**20 + 5, seed=9, **opts).hits == volley.monte_carlo_pi(3 * 2**20 + 5, seed=9).hits
    assert volley.midpoint_pi(2 * 10**6 + 7, **opts) == volley.midpoint_pi(2 * 10**6 + 7)
    assert volley.count_primes(10**12, 10**12 + 10**6, **opts) == 36249
    assert np.array_equal(volley.primes(10**9, 10**9 + 10**5, **opts), volley.primes(10**9, 10**9 + 10**5))
    numbers = np.arange(2**64 - 10**4, 2**64 - 1, dtype=np.uint64)
    assert np.array_equal(volley.is_prime(numbers, **opts), np.array([volley.is_prime(int(n)) for n in numbers]))
