#pragma once
// CSV as RFC 4180 writes it.
#include <string>
#include <string_view>

namespace volley::bench {

/// `text` as one CSV field: unchanged, or in double quotes (inner quotes doubled) when it holds
/// a comma, a double quote, a carriage return or a newline.
std::string csv_field(std::string_view text);

}  // namespace volley::bench
