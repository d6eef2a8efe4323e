// libFuzzer target: volley-bench's count parser (bench/count_arg.hpp) held against a model.
//
// The input is the text of one count argument. The model is written from the grammar that
// count_arg.hpp documents, "<digits>[.<digits>][e|E[+]<digits>]" (the fraction may be
// empty, the exponent has 1 to 4 digits), and from exact arithmetic: the value is
// (whole fraction) * 10^(exponent - |fraction|), accepted when it is an integer below 2^64.
// parse_count must accept exactly the texts the model accepts, with the model's value, and
// reject every other text with a UsageError that names the option and says why; any other
// exception, a crash or a sanitizer report is a finding too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "bench/count_arg.hpp"
#include "tests/fuzz/fuzz_check.hpp"

namespace {

using volley::bench::parse_count;
using volley::bench::parse_positive_count;
using volley::bench::UsageError;
using u128 = unsigned __int128;

constexpr std::string_view kOption = "--fuzzed-option";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The three parts of a text that follows the grammar; nothing when it does not.
struct Parts {
  std::string_view whole, fraction, exponent;
};

std::optional<Parts> split(std::string_view text) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t first = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    return text.substr(first, i - first);
  };
  Parts parts;
  parts.whole = digits();
  if (parts.whole.empty()) return std::nullopt;
  if (i < text.size() && text[i] == '.') {
    ++i;
    parts.fraction = digits();
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && text[i] == '+') ++i;
    parts.exponent = digits();
    if (parts.exponent.empty() || parts.exponent.size() > 4) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  return parts;
}

enum class Verdict { Value, NotWhole, TooLarge };
struct Outcome {
  Verdict verdict;
  std::uint64_t value = 0;
};

// Exact: trailing zeros of the digits move into the exponent; a negative exponent left then
// means a non-zero digit after the point. The rest is accumulated in 128 bits, stopping as
// soon as it passes 2^64 - 1.
Outcome reference(const Parts& parts) {
  std::string digits = std::string(parts.whole) + std::string(parts.fraction);
  long exponent = -static_cast<long>(parts.fraction.size());
  long stated = 0;
  for (const char c : parts.exponent) stated = stated * 10 + (c - '0');
  exponent += stated;
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return {Verdict::Value, 0};
  digits.erase(0, first);
  while (digits.back() == '0') {
    digits.pop_back();
    ++exponent;
  }
  if (exponent < 0) return {Verdict::NotWhole};
  constexpr u128 kMax = std::numeric_limits<std::uint64_t>::max();
  u128 value = 0;
  for (const char c : digits) {
    value = value * 10 + static_cast<unsigned>(c - '0');
    if (value > kMax) return {Verdict::TooLarge};
  }
  for (long k = 0; k < exponent; ++k) {
    value *= 10;
    if (value > kMax) return {Verdict::TooLarge};
  }
  return {Verdict::Value, static_cast<std::uint64_t>(value)};
}

bool says(const UsageError& e, std::string_view what) { return std::string_view(e.what()).find(what) != std::string_view::npos; }

void check_text(std::string_view text) {
  const std::optional<Parts> parts = split(text);
  const std::optional<Outcome> expected = parts ? std::optional(reference(*parts)) : std::nullopt;
  std::optional<std::uint64_t> parsed;
  try {
    parsed = parse_count(text, kOption);
  } catch (const UsageError& e) {
    FUZZ_CHECK(says(e, kOption));
    // The message quotes the text, so a '\0' in it (never in a real argv) ends what() early.
    if (text.find('\0') == std::string_view::npos) {
      if (!text.empty() && text.front() == '-') FUZZ_CHECK(says(e, "negative"));
      if (expected && expected->verdict == Verdict::NotWhole) FUZZ_CHECK(says(e, "not a whole number"));
      if (expected && expected->verdict == Verdict::TooLarge) FUZZ_CHECK(says(e, "64 bits"));
    }
  } catch (...) {
    FUZZ_CHECK(!"parse_count threw something other than UsageError");
  }
  const bool accepted = expected && expected->verdict == Verdict::Value;
  FUZZ_CHECK(parsed.has_value() == accepted);
  if (accepted) FUZZ_CHECK(*parsed == expected->value);

  // parse_positive_count: the same, but 0 is refused.
  std::optional<std::uint64_t> positive;
  try {
    positive = parse_positive_count(text, kOption);
  } catch (const UsageError& e) {
    FUZZ_CHECK(says(e, kOption));
    if (parsed == 0u && text.find('\0') == std::string_view::npos) FUZZ_CHECK(says(e, "at least 1"));
  } catch (...) {
    FUZZ_CHECK(!"parse_positive_count threw something other than UsageError");
  }
  FUZZ_CHECK(positive.has_value() == (accepted && expected->value != 0));
  if (positive) FUZZ_CHECK(*positive == expected->value);
}

// Every 64-bit value reads back from its decimal and from an exact scientific form
// ("1.8446744073709551615e19", "2.5e+6", "7E0", trailing zeros of the mantissa kept or not).
void check_round_trip(std::uint64_t value, unsigned style) {
  const std::string decimal = std::to_string(value);
  FUZZ_CHECK(parse_count(decimal, kOption) == value);
  std::string mantissa = decimal;
  if (style & 1) {  // drop trailing zeros of the mantissa
    while (mantissa.size() > 1 && mantissa.back() == '0') mantissa.pop_back();
  }
  // d.ddd times 10^(digits - 1), whatever number of the mantissa's digits are written.
  std::string sci = mantissa.substr(0, 1);
  if (mantissa.size() > 1) sci += "." + mantissa.substr(1);
  sci += (style & 2) ? "E" : "e";
  if (style & 4) sci += "+";
  sci += std::to_string(decimal.size() - 1);
  FUZZ_CHECK(parse_count(sci, kOption) == value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_text(text);
  if (size >= 9) {
    std::uint64_t value;
    std::memcpy(&value, data, sizeof value);
    check_round_trip(value, data[8]);
  }
  return 0;
}
