// A shared object with volley linked in: needs volley's code to be position independent
// (its thread-local state included).
#include <volley/volley.hpp>

extern "C" __attribute__((visibility("default"))) int volley_plugin_check() {
  const auto mc = volley::monte_carlo_pi(100'000, 5, {.threads = 2});
  return mc.hits == volley::monte_carlo_pi_reference(100'000, 5).hits &&
                 volley::count_primes(0, 1'000'000, {.threads = 2}) == 78498
             ? 0
             : 1;
}
