// is_prime for one number: the contract's definition (trial division by the primes below 53,
// then deterministic Miller-Rabin), which CUDA device code shares.
#include "volley/contract/is_prime.hpp"
#include "volley/primes.hpp"

namespace volley {

bool is_prime(std::uint64_t n) noexcept { return contract::is_prime(n); }

}  // namespace volley
