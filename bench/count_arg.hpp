#pragma once
// Parsing of count arguments: plain integers or exact scientific notation ("1e9", "2.5e6").
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace volley::bench {

/// A command-line mistake: reported with its message and exit code 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The value of `text` as an unsigned 64-bit integer. Throws UsageError naming `option` for
/// signs, garbage, fractions ("1.5") and values that do not fit in 64 bits.
std::uint64_t parse_count(std::string_view text, std::string_view option);

/// parse_count, but also rejects 0.
std::uint64_t parse_positive_count(std::string_view text, std::string_view option);

}  // namespace volley::bench
