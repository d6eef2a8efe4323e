#pragma once
// Python integers as volley's unsigned 64-bit arguments. The caster takes anything with
// __index__ (int, bool, NumPy integers) and nothing else (a float is a TypeError, as in
// range()); the range is checked in the function, so the error names the argument.
#include <nanobind/nanobind.h>

#include <cstdint>
#include <optional>

namespace volley::python {

struct IntArg {
  nanobind::object value;  ///< a Python int
};

/// value as a uint64. Throws std::invalid_argument (ValueError) for a negative value and
/// std::overflow_error (OverflowError) for one above 2^64 - 1, with `name` in the message.
std::uint64_t to_u64(const IntArg& arg, const char* name);

/// A thread count: None is 0 (volley's default policy); otherwise at least 1.
unsigned to_threads(const std::optional<IntArg>& threads);

}  // namespace volley::python

namespace nanobind::detail {

template <>
struct type_caster<volley::python::IntArg> {
  NB_TYPE_CASTER(volley::python::IntArg, const_name("int"))

  bool from_python(handle src, uint8_t, cleanup_list*) noexcept {
    if (PyFloat_Check(src.ptr())) return false;
    PyObject* index = PyNumber_Index(src.ptr());
    if (index == nullptr) {
      PyErr_Clear();
      return false;
    }
    value.value = steal(index);
    return true;
  }

  static handle from_cpp(const volley::python::IntArg& arg, rv_policy, cleanup_list*) noexcept {
    return arg.value.inc_ref();
  }
};

}  // namespace nanobind::detail
