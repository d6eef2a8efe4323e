#include "volley/gpu.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "kernels/gpu.h"

namespace volley {
namespace {

constexpr std::string_view kPrefix = "cuda";

bool starts_with_prefix(std::string_view target) {
  return target.size() >= kPrefix.size() &&
         std::equal(kPrefix.begin(), kPrefix.end(), target.begin(),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

// N of "cuda:N", 0 for "cuda"; -1 when target has neither form.
int index_in(std::string_view target) {
  if (!starts_with_prefix(target)) return -1;
  const std::string_view rest = target.substr(kPrefix.size());
  if (rest.empty()) return 0;
  if (rest.size() < 2 || rest.size() > 4 || rest[0] != ':') return -1;  // at most "cuda:999"
  int n = 0;
  const auto [end, error] = std::from_chars(rest.data() + 1, rest.data() + rest.size(), n);
  return error == std::errc() && end == rest.data() + rest.size() ? n : -1;
}

}  // namespace

std::string GpuInfo::target() const { return std::string(kPrefix) + ":" + std::to_string(index); }

const GpuList& list_gpus() {
  static const GpuList list = [] {
    GpuList out;
    for (auto& d : kernels::gpu::devices(out.why_none))
      out.gpus.push_back({d.index, std::move(d.name), d.compute_major, d.compute_minor, d.multiprocessors, d.memory_bytes});
    return out;
  }();
  return list;
}

bool is_gpu_target(std::string_view target) { return index_in(target) >= 0; }

int resolve_gpu(std::string_view target) {
  const int index = index_in(target);
  const std::string quoted = "target '" + std::string(target) + "'";
  if (index < 0) throw std::invalid_argument(quoted + " is not a GPU target (expected cuda or cuda:N)");
  const GpuList& list = list_gpus();
  if (list.gpus.empty()) throw std::invalid_argument(quoted + ": no GPU is available: " + list.why_none);
  if (static_cast<std::size_t>(index) >= list.gpus.size())
    throw std::invalid_argument(quoted + ": there is no GPU " + std::to_string(index) + " (GPUs: cuda:0 to cuda:" +
                                std::to_string(list.gpus.size() - 1) + ")");
  return index;
}

}  // namespace volley
