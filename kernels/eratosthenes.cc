// The crossing-off loop. One turn of the wheel (q -> q + 30) moves a prime's multiple by
// exactly p bytes and visits 8 multiples at fixed offsets whose bits depend only on the
// prime's residue class, so the loop is unrolled per turn with the masks as constants; a
// partial turn is entered at its wheel index through a switch (Duff's device).
#include "kernels/eratosthenes.h"

#include <array>
#include <limits>

#include "kernels/wheel.h"

namespace volley::kernels {
namespace {

using wheel::kBit;
using wheel::kCarry;
using wheel::kResidues;

constexpr std::uint64_t kNever = std::numeric_limits<std::uint64_t>::max();

template <int C>
void cross_off_prime(std::uint8_t* segment, std::uint64_t bytes, SievingPrime& sp) {
  const std::uint64_t p = sp.prime, a = p / 30;
  // Offsets of the 8 multiples of a turn from the turn's base (the multiple with q = 30j + 1).
  std::uint64_t o[8];
  for (int k = 0; k < 8; ++k) o[k] = a * (kResidues[k] - 1) + kCarry[C][k];
  // The base may lie in the previous segment: unsigned wrap-around keeps b + o[k] exact.
  std::uint64_t b = sp.next - o[sp.wheel];
  unsigned wheel = 0;
#define VOLLEY_CROSS(k)                                                 \
  if (b + o[k] >= bytes) {                                              \
    wheel = k;                                                          \
    goto done;                                                          \
  }                                                                     \
  segment[b + o[k]] &= static_cast<std::uint8_t>(~(1u << kBit[C][k]));
  switch (sp.wheel) {  // finish the current turn
    case 0: VOLLEY_CROSS(0) [[fallthrough]];
    case 1: VOLLEY_CROSS(1) [[fallthrough]];
    case 2: VOLLEY_CROSS(2) [[fallthrough]];
    case 3: VOLLEY_CROSS(3) [[fallthrough]];
    case 4: VOLLEY_CROSS(4) [[fallthrough]];
    case 5: VOLLEY_CROSS(5) [[fallthrough]];
    case 6: VOLLEY_CROSS(6) [[fallthrough]];
    default: VOLLEY_CROSS(7)
  }
  for (b += p; b + o[7] < bytes; b += p) {  // whole turns, no checks
    segment[b + o[0]] &= static_cast<std::uint8_t>(~(1u << kBit[C][0]));
    segment[b + o[1]] &= static_cast<std::uint8_t>(~(1u << kBit[C][1]));
    segment[b + o[2]] &= static_cast<std::uint8_t>(~(1u << kBit[C][2]));
    segment[b + o[3]] &= static_cast<std::uint8_t>(~(1u << kBit[C][3]));
    segment[b + o[4]] &= static_cast<std::uint8_t>(~(1u << kBit[C][4]));
    segment[b + o[5]] &= static_cast<std::uint8_t>(~(1u << kBit[C][5]));
    segment[b + o[6]] &= static_cast<std::uint8_t>(~(1u << kBit[C][6]));
    segment[b + o[7]] &= static_cast<std::uint8_t>(~(1u << kBit[C][7]));
  }
  // The last, partial turn: o[7] is past the end, so this stops at some k <= 7.
  VOLLEY_CROSS(0) VOLLEY_CROSS(1) VOLLEY_CROSS(2) VOLLEY_CROSS(3)
  VOLLEY_CROSS(4) VOLLEY_CROSS(5) VOLLEY_CROSS(6) VOLLEY_CROSS(7)
#undef VOLLEY_CROSS
done:
  sp.wheel = wheel;
  sp.next = b + o[wheel] - bytes;
}

// Bytes from the multiple at wheel index i to the next one are a * kGap[i] + kStepCarry[c][i]
// for p = 30a + kResidues[c].
constexpr std::uint32_t kGap[8] = {6, 4, 2, 4, 2, 4, 6, 2};
constexpr auto kStepCarry = [] {
  std::array<std::array<std::uint32_t, 8>, 8> carry{};
  for (int c = 0; c < 8; ++c)
    for (int i = 0; i < 8; ++i)
      carry[c][i] = (i == 7 ? kResidues[c] + kCarry[c][0] : kCarry[c][i + 1]) - kCarry[c][i];
  return carry;
}();

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

void enqueue(Buckets& buckets, std::uint64_t segment_bytes, const SievingPrime& sp) {
  if (sp.next == kNever || sp.next / segment_bytes >= buckets.size()) return;
  const auto a_class = static_cast<std::uint32_t>((sp.prime / 30) << 3 | wheel::kBitOf[sp.prime % 30]);
  buckets[sp.next / segment_bytes].push_back({a_class, static_cast<std::uint32_t>((sp.next % segment_bytes) << 3 | sp.wheel)});
}

void cross_off_bucket(std::uint8_t* segment, std::uint64_t bytes, std::uint64_t segment_bytes, std::size_t index,
                      Buckets& buckets) {
  for (const BucketEntry e : buckets[index]) {
    const std::uint64_t a = e.a_class >> 3;
    const unsigned c = e.a_class & 7;
    std::uint64_t b = e.offset_wheel >> 3;
    unsigned i = e.offset_wheel & 7;
    for (; b < bytes; i = (i + 1) & 7) {  // a large prime rarely hits a segment twice
      segment[b] &= static_cast<std::uint8_t>(~(1u << kBit[c][i]));
      b += a * kGap[i] + kStepCarry[c][i];
    }
    // b < segment_bytes here means past the end of the last, partial segment: dropped.
    const std::size_t next = index + b / segment_bytes;
    if (next > index && next < buckets.size())
      buckets[next].push_back({e.a_class, static_cast<std::uint32_t>((b % segment_bytes) << 3 | i)});
  }
  buckets[index].clear();
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
