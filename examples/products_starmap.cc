// starmap: apply a two-argument function to each pair.
#include <cstdio>
#include <tuple>
#include <volley/volley.hpp>

int main() {
  std::vector<std::tuple<int, int>> pairs;
  for (int i = 1; i <= 10; ++i) pairs.emplace_back(i, i + 1);
  const auto products = volley::Pool(2).starmap([](int a, int b) { return a * b; }, pairs);
  for (std::size_t i = 0; i < pairs.size(); ++i)
    std::printf("%d * %d = %d\n", std::get<0>(pairs[i]), std::get<1>(pairs[i]), products[i]);
  return products.back() == 110 ? 0 : 1;
}
