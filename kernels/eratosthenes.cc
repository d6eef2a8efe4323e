// The crossing-off loop. One turn of the wheel (q -> q + 30) moves a prime's multiple by
// exactly p bytes and visits 8 multiples at fixed offsets whose bits depend only on the
// prime's residue class, so the loop is unrolled per turn with the masks as constants.
#include "kernels/eratosthenes.h"

#include <limits>

#include "kernels/wheel.h"

namespace volley::kernels {
namespace {

using wheel::kBit;
using wheel::kCarry;
using wheel::kGaps;
using wheel::kResidues;

constexpr std::uint64_t kNever = std::numeric_limits<std::uint64_t>::max();

// Bytes from the multiple at wheel index i to the next, for a prime p = 30a + kResidues[c].
constexpr std::uint64_t step(int c, int i, std::uint64_t a) {
  const std::uint32_t carry_next = i == 7 ? kResidues[c] + kCarry[c][0] : kCarry[c][i + 1];
  return a * kGaps[i] + carry_next - kCarry[c][i];
}

template <int C>
void cross_off_prime(std::uint8_t* segment, std::uint64_t bytes, SievingPrime& sp) {
  const std::uint64_t p = sp.prime, a = p / 30;
  std::uint64_t b = sp.next;
  unsigned i = sp.wheel;
  // Single steps up to the start of a turn (wheel index 0).
  for (; i != 0 && b < bytes; i = (i + 1) & 7) {
    segment[b] &= static_cast<std::uint8_t>(~(1u << kBit[C][i]));
    b += step(C, static_cast<int>(i), a);
  }
  if (i == 0) {
    // Offsets of the 8 multiples of a turn from its first one.
    std::uint64_t o[8];
    for (int k = 0; k < 8; ++k) o[k] = a * (kResidues[k] - 1) + kCarry[C][k];
    for (; b + o[7] < bytes; b += p) {
      segment[b + o[0]] &= static_cast<std::uint8_t>(~(1u << kBit[C][0]));
      segment[b + o[1]] &= static_cast<std::uint8_t>(~(1u << kBit[C][1]));
      segment[b + o[2]] &= static_cast<std::uint8_t>(~(1u << kBit[C][2]));
      segment[b + o[3]] &= static_cast<std::uint8_t>(~(1u << kBit[C][3]));
      segment[b + o[4]] &= static_cast<std::uint8_t>(~(1u << kBit[C][4]));
      segment[b + o[5]] &= static_cast<std::uint8_t>(~(1u << kBit[C][5]));
      segment[b + o[6]] &= static_cast<std::uint8_t>(~(1u << kBit[C][6]));
      segment[b + o[7]] &= static_cast<std::uint8_t>(~(1u << kBit[C][7]));
    }
    for (; b < bytes; i = (i + 1) & 7) {
      segment[b] &= static_cast<std::uint8_t>(~(1u << kBit[C][i]));
      b += step(C, static_cast<int>(i), a);
    }
  }
  sp.wheel = i;
  sp.next = b - bytes;
}

using CrossOffFn = void (*)(std::uint8_t*, std::uint64_t, SievingPrime&);
constexpr CrossOffFn kByClass[8] = {cross_off_prime<0>, cross_off_prime<1>, cross_off_prime<2>, cross_off_prime<3>,
                                    cross_off_prime<4>, cross_off_prime<5>, cross_off_prime<6>, cross_off_prime<7>};

}  // namespace

SievingPrime first_multiple(std::uint32_t prime, std::uint64_t start, std::uint64_t base) {
  const std::uint64_t p = prime;
  std::uint64_t q = std::max<std::uint64_t>(p, start / p + (start % p != 0));
  const auto next = wheel::kNext[q % 30];
  q += next.distance;
  const auto multiple = static_cast<unsigned __int128>(p) * q;
  if (multiple > kNever) return {prime, 0, kNever};
  return {prime, next.index & 7u, static_cast<std::uint64_t>(multiple) / 30 - base};
}

void cross_off(std::uint8_t* segment, std::uint64_t bytes, std::span<SievingPrime> primes) {
  for (SievingPrime& sp : primes) {
    if (sp.next >= bytes) {
      if (sp.next != kNever) sp.next -= bytes;
      continue;
    }
    kByClass[wheel::kBitOf[sp.prime % 30]](segment, bytes, sp);
  }
}

}  // namespace volley::kernels
