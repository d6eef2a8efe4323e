// How 10 items spread over 4 workers (the tutorial's get_info exercise), from the trace.
#include <cstdio>
#include <volley/volley.hpp>

int main() {
  std::vector<int> items(10);
  for (int i = 0; i < 10; ++i) items[i] = i;
  volley::Trace trace;
  const auto workers = volley::Pool(4).map([](int) { return volley::current_worker(); }, items, {.trace = &trace});
  for (int i = 0; i < 10; ++i) std::printf("item %d ran on worker %d\n", i, workers[i]);
  for (std::size_t w = 0; w < trace.workers.size(); ++w)
    std::printf("worker %zu: %zu items in %zu chunks\n", w, trace.workers[w].items, trace.workers[w].chunks);
  std::printf("load imbalance %.2f\n", trace.imbalance());
  return trace.workers.size() == 4 ? 0 : 1;
}
