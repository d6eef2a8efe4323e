#include "bench/output_file.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "bench/count_arg.hpp"

namespace volley::bench {

void check_writable(const std::string& path, const std::string& option) {
  const std::string probe = path + ".partial";
  if (!std::ofstream(probe)) throw UsageError(option + ": cannot write " + path);
  std::filesystem::remove(probe);
}

void write_file(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary);
    if (!out) throw std::runtime_error("cannot write " + path);
    write(out);
    if (!out.flush()) throw std::runtime_error("cannot write " + path);
  }
  std::filesystem::rename(temporary, path);
}

}  // namespace volley::bench
