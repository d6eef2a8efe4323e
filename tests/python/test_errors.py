"""Bad input raises the Python exception a Python user expects, with volley's message."""
import numpy as np
import pytest

import volley


@pytest.mark.parametrize("call", [
    lambda: volley.count_primes(2**64),
    lambda: volley.count_primes(0, 2**64),
    lambda: volley.primes(0, 2**64 + 5),
    lambda: volley.monte_carlo_pi(2**64),
    lambda: volley.monte_carlo_pi(10, seed=2**64),
    lambda: volley.midpoint_pi(2**70),
    lambda: volley.is_prime(2**64),
])
def test_above_64_bits_is_overflow_error(call):
    with pytest.raises(OverflowError, match=r"is above 2\^64 - 1"):
        call()


def test_huge_numbers_are_not_printed_whole():
    with pytest.raises(OverflowError, match="an integer of over 256 bits"):
        volley.count_primes(0, 10**1000)


@pytest.mark.parametrize("call,name", [
    (lambda: volley.count_primes(-1, 10), "start = -1"),
    (lambda: volley.count_primes(-5), "stop = -5"),
    (lambda: volley.monte_carlo_pi(-3), "samples = -3"),
    (lambda: volley.monte_carlo_pi(10, seed=-1), "seed = -1"),
    (lambda: volley.is_prime(-7), "n = -7"),
    (lambda: volley.midpoint_pi(10, threads=-2), "threads = -2"),
])
def test_negative_is_value_error_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=f"{name} is negative"):
        call()


def test_negative_array_element_is_value_error_naming_it():
    with pytest.raises(ValueError, match=r"numbers\[3\] = -4 is negative"):
        volley.is_prime(np.array([1, 2, 3, -4, 5]))


@pytest.mark.parametrize("call,message", [
    (lambda: volley.monte_carlo_pi(0), "samples"),
    (lambda: volley.midpoint_pi(0), "steps"),
    (lambda: volley.count_primes(10, 5), "from"),
    (lambda: volley.primes(10, 5), "from"),
    (lambda: volley.count_primes(0, 100, target="avx9"), "unknown target 'avx9'"),
    (lambda: volley.midpoint_pi(100, threads=0), "threads = 0"),
    (lambda: volley.monte_carlo_pi(100, threads=10**6), "threads must be at most"),
])
def test_bad_values_are_value_errors_with_volleys_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize("call", [
    lambda: volley.count_primes(1e6),
    lambda: volley.monte_carlo_pi("100"),
    lambda: volley.is_prime(7.0),
    lambda: volley.is_prime(np.array([2.0, 3.0])),
    lambda: volley.is_prime(np.array([True, False])),
    lambda: volley.midpoint_pi(100, target=3),
])
def test_wrong_types_are_type_errors(call):
    with pytest.raises(TypeError):
        call()


def test_numpy_integers_are_accepted():
    assert volley.count_primes(np.int64(0), np.uint32(100)) == 25
    assert volley.monte_carlo_pi(np.uint64(1000), seed=np.int8(1)).samples == 1000
