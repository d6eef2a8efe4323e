// Uses the installed API; exits non-zero unless both pi workloads agree with their references.
#include <cstdio>

#include <volley/volley.hpp>

int main() {
  const auto mc = volley::monte_carlo_pi(100'000, 3, {.threads = 2});
  const double quad = volley::midpoint_pi(100'000);
  std::printf("volley %s: monte carlo %.5f, midpoint %.12f\n", VOLLEY_VERSION, mc.estimate, quad);
  return mc.hits == volley::monte_carlo_pi_reference(100'000, 3).hits && quad == volley::midpoint_pi_reference(100'000)
             ? 0 : 1;
}
