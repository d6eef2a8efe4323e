#pragma once
// NumPy arrays in and out: a prime list handed over without a copy, and batch primality
// over any integer array.
#include <nanobind/nanobind.h>
#include <nanobind/ndarray.h>

#include <cstdint>
#include <vector>

#include "volley/run_options.hpp"

namespace volley::python {

using U64Array = nanobind::ndarray<nanobind::numpy, std::uint64_t, nanobind::ndim<1>>;
using BoolArray = nanobind::ndarray<nanobind::numpy, bool>;
using IntegerArray = nanobind::ndarray<nanobind::ro, nanobind::c_contig, nanobind::device::cpu>;

/// A NumPy array that owns `values`' buffer (moved, not copied).
U64Array to_numpy(std::vector<std::uint64_t>&& values);

/// is_prime of every element, in an array of the same shape. Signed arrays must hold no
/// negative number (ValueError naming the first); int64 and uint64 arrays are read in
/// place, narrower ones widened. Runs without the GIL and stops on Ctrl-C.
BoolArray is_prime_array(const IntegerArray& numbers, const RunOptions& opts);

}  // namespace volley::python
