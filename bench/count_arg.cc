#include "bench/count_arg.hpp"

#include <charconv>
#include <string>

namespace volley::bench {
namespace {

[[noreturn]] void reject(std::string_view text, std::string_view option, std::string_view why) {
  throw UsageError(std::string(option) + ": '" + std::string(text) + "' " + std::string(why));
}

bool all_digits(std::string_view s) {
  return s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::uint64_t parse_count(std::string_view text, std::string_view option) {
  if (!text.empty() && text.front() == '-') reject(text, option, "is negative: expected a count >= 0");
  // Split "<int>[.<frac>][e[+]<exp>]"; the value is (int frac) * 10^(exp - |frac|), exact.
  const std::size_t e = text.find_first_of("eE");
  const std::string_view mantissa = text.substr(0, e);
  std::string_view exponent = e == std::string_view::npos ? std::string_view{"0"} : text.substr(e + 1);
  if (!exponent.empty() && exponent.front() == '+') exponent.remove_prefix(1);
  const std::size_t dot = mantissa.find('.');
  const std::string_view whole = mantissa.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : mantissa.substr(dot + 1);
  if (whole.empty() || !all_digits(whole) || !all_digits(fraction) || exponent.empty() ||
      exponent.size() > 4 || !all_digits(exponent))
    reject(text, option, "is not a whole number (examples: 1000000, 1e6, 2.5e6)");

  std::string digits = std::string(whole) + std::string(fraction);
  long shift = std::stol(std::string(exponent)) - static_cast<long>(fraction.size());
  while (shift < 0 && digits.size() > 1 && digits.back() == '0') {
    digits.pop_back();
    ++shift;
  }
  if (shift < 0) reject(text, option, "is not a whole number");
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
  if (digits != "0") {
    if (digits.size() + static_cast<std::size_t>(shift) > 20) reject(text, option, "does not fit in 64 bits");
    digits.append(static_cast<std::size_t>(shift), '0');
  }
  std::uint64_t value = 0;
  const auto [end, err] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (err != std::errc{} || end != digits.data() + digits.size()) reject(text, option, "does not fit in 64 bits");
  return value;
}

std::uint64_t parse_positive_count(std::string_view text, std::string_view option) {
  const std::uint64_t value = parse_count(text, option);
  if (value == 0) reject(text, option, "must be at least 1");
  return value;
}

}  // namespace volley::bench
