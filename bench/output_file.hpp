#pragma once
// Output files of volley-bench: checked before any work, never left half-written.
#include <functional>
#include <ostream>
#include <string>

namespace volley::bench {

/// Throws UsageError("<option>: cannot write <path>") when `path` cannot be created.
void check_writable(const std::string& path, const std::string& option);

/// Writes `path` through a temporary file renamed into place once complete; throws
/// std::runtime_error on I/O errors.
void write_file(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace volley::bench
