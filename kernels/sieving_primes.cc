#include "kernels/sieving_primes.h"

#include <stdexcept>

namespace volley::kernels {

void SievingPrimes::append(std::span<const std::uint32_t> primes) {
  const std::size_t old = gaps_.size();
  gaps_.resize(old + primes.size());  // uninitialised
  std::uint32_t last = last_;
  for (std::size_t i = 0; i < primes.size(); ++i) {
    const std::uint32_t step = primes[i] - last;
    if (step % 2 != 0 || step == 0 || step > 510) {
      gaps_.resize(old);
      throw std::logic_error("SievingPrimes: not consecutive odd primes below 2^32");
    }
    gaps_[old + i] = static_cast<std::uint8_t>(step / 2);
    last = primes[i];
  }
  last_ = last;
}

}  // namespace volley::kernels
