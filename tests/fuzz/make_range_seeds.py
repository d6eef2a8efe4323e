#!/usr/bin/env python3
"""Writes the seed inputs of fuzz_range_plan into corpus/fuzz_range_plan/ (see the input
layout at the top of fuzz_range_plan.cc). Run it again after changing that layout."""
import os
import struct

AUTO, SIEVE, TEST = 0, 1, 2
RAW, NARROW, NEAR_TOP, NEAR_2_32, COUNTED = 0, 1, 2, 3, 4
TOP = 2**64 - 1


def below_64_mib(n):  # cache size encoding 2: (raw >> 2) % 64 MiB
    return n << 2 | 2


def up_to_2_62(n):  # cache size encoding 0: raw >> 2
    return n << 2


def near_2_64(d):  # cache size encoding 3: 2^64 - 1 - (raw >> 2)
    return d << 2 | 3


def spread(n):  # a width or distance as the fuzzer decodes it: v >> (v & 63)
    return n << 6 | 6


def seed(a, b, threads=1, l1=below_64_mib(48 << 10), l2=below_64_mib(2 << 20), method=AUTO, shape=RAW, count=0):
    return struct.pack("<QQHQQBQ", a, b, threads - 1, l1, l2, shape << 2 | method, count)


SEEDS = {
    "small_auto": seed(0, 100),
    "ten_to_ten_sieve_2_threads": seed(0, 10**10, threads=2, method=SIEVE),
    "top_2_40_auto": seed(TOP - 2**40, TOP),
    "top_empty": seed(TOP, TOP, threads=4),
    "top_narrow_test": seed(spread(2**20), spread(2**16), method=TEST, shape=NEAR_TOP),
    "around_2_32_16_threads": seed(12345, spread(2**30), threads=16, shape=NEAR_2_32),
    "ten_to_18_width_3e4_test": seed(10**18, spread(30000), threads=8, method=TEST, shape=NARROW),
    "absurd_caches": seed(10**12, 10**12 + 10**9, threads=512, l1=up_to_2_62(0), l2=up_to_2_62(2**40)),
    "huge_caches": seed(10**15, 10**15 + 10**7, threads=3, l1=near_2_64(0), l2=near_2_64(5), method=SIEVE),
    "counted_sieve_near_10_6": seed(999000, spread(1000), method=SIEVE, shape=COUNTED),
    "counted_test_from_0": seed(0, spread(2000), method=TEST, shape=COUNTED),
    "counted_auto_across_1024": seed(1000, spread(60000), shape=COUNTED),
    "batch_dense_1e8": seed(10**8, 10**8 + 10**6, threads=2, count=10**6),
    "batch_sparse": seed(10**12, 2 * 10**12, count=1000),
}

if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "fuzz_range_plan")
    os.makedirs(out, exist_ok=True)
    for name, data in SEEDS.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print(f"{len(SEEDS)} seeds written to {out}")
