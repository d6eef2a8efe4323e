// Count how often each number occurs across 20 files: one task per file, per-file counts
// merged by map_reduce.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <volley/volley.hpp>

using Counts = std::map<int, long>;

Counts count_file(const std::filesystem::path& path) {
  Counts counts;
  std::ifstream in(path);
  for (int number; in >> number;) ++counts[number];
  return counts;
}

Counts merge(Counts a, const Counts& b) {
  for (const auto& [number, count] : b) a[number] += count;
  return a;
}

int main() {
  const auto dir = std::filesystem::temp_directory_path() / "volley_count_numbers";
  std::filesystem::create_directories(dir);
  std::vector<std::filesystem::path> files;
  volley::Xoshiro256pp rng(std::uint64_t{2024});
  for (int f = 0; f < 20; ++f) {
    files.push_back(dir / ("numbers_" + std::to_string(f) + ".txt"));
    std::ofstream out(files.back());
    for (int i = 0; i < 1000; ++i) out << rng() % 100 << '\n';
  }
  const Counts total = volley::Pool(4).map_reduce(count_file, files, merge, Counts{});
  long all = 0;
  for (const auto& [number, count] : total) all += count;
  std::printf("%zu distinct numbers, %ld in all; 0 occurs %ld times\n", total.size(), all, total.at(0));
  std::filesystem::remove_all(dir);
  return all == 20'000 && total.size() == 100 ? 0 : 1;
}
