// The tutorials' producer-consumer prime checker, for work that arrives over time: producers
// push candidates from [10^8, 1.01 x 10^8) into one bounded queue, consumers test each with
// volley::is_prime and push the primes into another, the main thread collects them. close()
// replaces the poison pills: consumers stop once the candidates are closed and drained.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <thread>
#include <vector>
#include <volley/volley.hpp>

int main() {
  constexpr std::uint64_t kFrom = 100'000'000, kTo = 101'000'000;
  constexpr unsigned kProducers = 2;
  const unsigned consumers = volley::default_threads();
  const auto start = std::chrono::steady_clock::now();
  volley::Queue<std::uint64_t> candidates(4096), primes(4096);

  std::vector<std::jthread> producers;
  for (unsigned p = 0; p < kProducers; ++p)
    producers.emplace_back([&, p] {
      const std::uint64_t width = (kTo - kFrom) / kProducers;
      const std::uint64_t lo = kFrom + p * width, hi = p + 1 == kProducers ? kTo : lo + width;
      for (std::uint64_t n = lo; n < hi; ++n) candidates.push(n);
    });
  std::vector<std::jthread> testers;
  for (unsigned c = 0; c < consumers; ++c)
    testers.emplace_back([&] {
      while (const auto n = candidates.pop())
        if (volley::is_prime(*n)) primes.push(*n);
    });
  // Closes each queue once everything that pushes into it is done.
  std::jthread closer([&] {
    for (auto& t : producers) t.join();
    candidates.close();
    for (auto& t : testers) t.join();
    primes.close();
  });

  std::vector<std::uint64_t> found;
  while (const auto prime = primes.pop()) found.push_back(*prime);
  std::sort(found.begin(), found.end());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::uint64_t expected = volley::count_primes(kFrom, kTo);
  std::printf("%zu primes in [%llu, %llu) by %u producers and %u consumers in %.3f s (the sieve: %llu); first %llu, last %llu\n",
              found.size(), static_cast<unsigned long long>(kFrom), static_cast<unsigned long long>(kTo), kProducers,
              consumers, seconds, static_cast<unsigned long long>(expected),
              static_cast<unsigned long long>(found.empty() ? 0 : found.front()),
              static_cast<unsigned long long>(found.empty() ? 0 : found.back()));
  return found.size() == expected && found == volley::primes_in(kFrom, kTo) ? 0 : 1;
}
