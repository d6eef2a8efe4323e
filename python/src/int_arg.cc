#include "python/src/int_arg.hpp"

#include <stdexcept>
#include <string>

namespace nb = nanobind;

namespace volley::python {
namespace {

// The value for a message: its digits, unless there are too many to be worth printing.
std::string shown(const nb::object& value) {
  if (nb::cast<std::size_t>(value.attr("bit_length")()) > 256) return "an integer of over 256 bits";
  return nb::cast<std::string>(nb::str(value));
}

}  // namespace

std::uint64_t to_u64(const IntArg& arg, const char* name) {
  int overflow = 0;
  const long long small = PyLong_AsLongLongAndOverflow(arg.value.ptr(), &overflow);
  if (small == -1 && PyErr_Occurred()) throw nb::python_error();
  if (overflow < 0 || (overflow == 0 && small < 0))
    throw std::invalid_argument(std::string(name) + " = " + shown(arg.value) +
                                " is negative; volley takes integers from 0 to 2^64 - 1");
  if (overflow == 0) return static_cast<std::uint64_t>(small);
  const unsigned long long large = PyLong_AsUnsignedLongLong(arg.value.ptr());
  if (large == static_cast<unsigned long long>(-1) && PyErr_Occurred()) {
    PyErr_Clear();
    throw std::overflow_error(std::string(name) + " = " + shown(arg.value) +
                              " is above 2^64 - 1, the largest integer volley takes");
  }
  return large;
}

unsigned to_threads(const std::optional<IntArg>& threads) {
  if (!threads) return 0;
  const std::uint64_t n = to_u64(*threads, "threads");
  if (n == 0) throw std::invalid_argument("threads = 0: give at least 1, or None for volley's default");
  // Larger counts are the library's to refuse (above max_threads()), with its message.
  return n > 0xffffffffu ? 0xffffffffu : static_cast<unsigned>(n);
}

}  // namespace volley::python
