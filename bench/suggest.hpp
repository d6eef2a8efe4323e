#pragma once
// "Did you mean": the closest known name to a mistyped one.
#include <string>
#include <string_view>
#include <vector>

namespace volley::bench {

/// The candidate nearest to `word` by edit distance, when near enough to be a typo (at most
/// a third of its length, and 1 at least) or when `word` (4 characters or more) begins it; ""
/// otherwise.
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace volley::bench
