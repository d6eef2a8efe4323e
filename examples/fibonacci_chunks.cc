// Fibonacci numbers 0..29, handed to the workers two at a time (Python's chunksize=2).
#include <cstdio>
#include <numeric>
#include <volley/volley.hpp>

long fibonacci(long n) { return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2); }

int main() {
  std::vector<long> numbers(30);
  std::iota(numbers.begin(), numbers.end(), 0);
  const auto fibs = volley::Pool(4).map(fibonacci, numbers, {.chunk_size = 2, .schedule = volley::Schedule::Dynamic});
  for (std::size_t i = 0; i < numbers.size(); ++i) std::printf("f(%ld) = %ld\n", numbers[i], fibs[i]);
  return fibs[29] == 514229 ? 0 : 1;
}
