"""NumPy in and out: dtypes, shapes, and the prime list handed over without a copy."""
import gc
import sys

import numpy as np
import pytest

import volley


def test_primes_is_a_uint64_array_owning_volleys_buffer():
    primes = volley.primes(10**6)
    assert primes.dtype == np.uint64 and primes.ndim == 1 and len(primes) == 78498
    assert primes.flags.c_contiguous and primes.flags.writeable
    # Not a copy made by NumPy: the array views the buffer of the list volley made, which the
    # array's base keeps alive.
    assert not primes.flags.owndata and primes.base is not None and not isinstance(primes.base, np.ndarray)
    first = primes[:3]
    del primes
    gc.collect()
    assert first.tolist() == [2, 3, 5]


def test_empty_list_is_an_empty_uint64_array():
    empty = volley.primes(24, 29)
    assert empty.dtype == np.uint64 and empty.shape == (0,)


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.uint16, np.int16, np.uint32, np.int32, np.uint64, np.int64])
def test_is_prime_takes_every_integer_dtype(dtype):
    numbers = np.arange(0, 120, dtype=dtype)
    flags = volley.is_prime(numbers)
    assert flags.dtype == np.bool_ and flags.shape == numbers.shape
    assert numbers[flags].tolist() == volley.primes(120).tolist()


def test_is_prime_keeps_the_shape():
    numbers = np.arange(2**40, 2**40 + 60, dtype=np.uint64).reshape(3, 4, 5)
    flags = volley.is_prime(numbers)
    assert flags.shape == (3, 4, 5)
    assert flags.ravel().tolist() == [volley.is_prime(int(n)) for n in numbers.ravel()]


def test_is_prime_reads_strided_and_read_only_arrays():
    numbers = np.arange(1000, dtype=np.int64)
    numbers.flags.writeable = False
    assert volley.is_prime(numbers[::7]).tolist() == [volley.is_prime(int(n)) for n in numbers[::7]]
    assert volley.is_prime(np.asfortranarray(numbers.reshape(10, 100))).tolist() == \
        volley.is_prime(numbers.reshape(10, 100)).tolist()


def test_is_prime_of_an_empty_array():
    assert volley.is_prime(np.array([], dtype=np.uint64)).shape == (0,)


def test_is_prime_leaves_its_input_alone():
    numbers = np.arange(100, dtype=np.int64)
    before = numbers.copy()
    volley.is_prime(numbers)
    assert np.array_equal(numbers, before) and sys.getrefcount(numbers) == 2
