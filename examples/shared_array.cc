// Tasks fill a shared array by index (each writes its own slot), and a Lock guards a shared
// running total.
#include <cstdio>
#include <volley/volley.hpp>

int main() {
  std::vector<double> squares(20);
  volley::Lock lock;
  double total = 0;
  volley::Pool(4).for_each(squares.size(), [&](std::size_t i) {
    squares[i] = static_cast<double>(i * i);
    lock.with([&] { total += squares[i]; });
  });
  for (double s : squares) std::printf("%g ", s);
  std::printf("\ntotal %g\n", total);
  return total == 2470 ? 0 : 1;  // sum of i^2 for i < 20
}
