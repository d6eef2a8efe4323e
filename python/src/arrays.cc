#include "python/src/arrays.hpp"

#include <span>
#include <stdexcept>
#include <string>
#include <utility>

#include "python/src/interrupt.hpp"
#include "volley/primes.hpp"

namespace nb = nanobind;

namespace volley::python {
namespace {

// values moved to the heap, and a capsule that frees them: the owner of an array over them.
template <class T>
std::pair<T*, nb::capsule> owned(std::vector<T>&& values) {
  auto* heap = new std::vector<T>(std::move(values));
  if (heap->capacity() == 0) heap->reserve(1);  // an empty array still needs a valid pointer
  return {heap->data(), nb::capsule(heap, [](void* p) noexcept { delete static_cast<std::vector<T>*>(p); })};
}

// The numbers of an integer array as uint64: in place for 64-bit ones, widened otherwise.
template <class T>
std::span<const std::uint64_t> as_u64(const T* values, std::size_t n, std::vector<std::uint64_t>& widened) {
  if constexpr (std::is_signed_v<T>) {
    for (std::size_t i = 0; i < n; ++i)
      if (values[i] < 0)
        throw std::invalid_argument("numbers[" + std::to_string(i) + "] = " + std::to_string(values[i]) +
                                    " is negative; volley takes integers from 0 to 2^64 - 1");
  }
  if constexpr (sizeof(T) == sizeof(std::uint64_t)) {
    return {reinterpret_cast<const std::uint64_t*>(values), n};
  } else {
    widened.assign(values, values + n);
    return widened;
  }
}

template <class T>
void test_each(const IntegerArray& numbers, std::span<std::uint8_t> flags, const RunOptions& opts) {
  std::vector<std::uint64_t> widened;
  const auto values = as_u64(static_cast<const T*>(numbers.data()), flags.size(), widened);
  volley::is_prime(values, flags, opts);
}

void test_array(const IntegerArray& numbers, std::span<std::uint8_t> flags, const RunOptions& opts) {
  const nb::dlpack::dtype type = numbers.dtype();
  const bool is_signed = type.code == static_cast<std::uint8_t>(nb::dlpack::dtype_code::Int);
  const bool is_unsigned = type.code == static_cast<std::uint8_t>(nb::dlpack::dtype_code::UInt);
  if (type.lanes != 1 || !(is_signed || is_unsigned))
    throw nb::type_error("is_prime takes an int, or an array of integers");
  switch (type.bits * (is_signed ? -1 : 1)) {
    case 8: return test_each<std::uint8_t>(numbers, flags, opts);
    case 16: return test_each<std::uint16_t>(numbers, flags, opts);
    case 32: return test_each<std::uint32_t>(numbers, flags, opts);
    case 64: return test_each<std::uint64_t>(numbers, flags, opts);
    case -8: return test_each<std::int8_t>(numbers, flags, opts);
    case -16: return test_each<std::int16_t>(numbers, flags, opts);
    case -32: return test_each<std::int32_t>(numbers, flags, opts);
    case -64: return test_each<std::int64_t>(numbers, flags, opts);
    default: throw nb::type_error("is_prime takes integers of 8, 16, 32 or 64 bits");
  }
}

}  // namespace

U64Array to_numpy(std::vector<std::uint64_t>&& values) {
  const std::size_t size = values.size();
  const auto [data, owner] = owned(std::move(values));
  return U64Array(data, {size}, owner);
}

BoolArray is_prime_array(const IntegerArray& numbers, const RunOptions& opts) {
  const auto [data, owner] = owned(call_interruptibly(opts, [&](const RunOptions& o) {
    std::vector<std::uint8_t> flags(numbers.size());
    test_array(numbers, flags, o);
    return flags;
  }));
  std::vector<std::size_t> shape(numbers.ndim());
  for (std::size_t d = 0; d < shape.size(); ++d) shape[d] = numbers.shape(d);
  return BoolArray(data, shape.size(), shape.data(), owner);
}

}  // namespace volley::python
