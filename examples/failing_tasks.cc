// Tasks that fail at random: try_map keeps every item's value or error, like
// concurrent.futures' future.exception().
#include <cstdio>
#include <stdexcept>
#include <string>
#include <volley/volley.hpp>

int main() {
  std::vector<int> tasks(30);
  for (int i = 0; i < 30; ++i) tasks[i] = i;
  const auto outcomes = volley::Pool(4).try_map([](int task) {
    volley::Xoshiro256pp rng(static_cast<std::uint64_t>(task));  // the same failures every run
    if (rng() % 3 == 0) throw std::runtime_error("task " + std::to_string(task) + " failed");
    return task * task;
  }, tasks);
  int failed = 0;
  for (const auto& o : outcomes) {
    try {
      std::printf("ok: %d\n", o.value());
    } catch (const std::exception& e) {
      std::printf("error: %s\n", e.what());
      ++failed;
    }
  }
  std::printf("%d of %zu tasks failed\n", failed, tasks.size());
  return failed > 0 && failed < 30 ? 0 : 1;
}
