// The crossing-off loop. One turn of the wheel (q -> q + 30) moves a prime's multiple by
// exactly p bytes and visits 8 multiples at fixed offsets whose bits depend only on the
// prime's residue class, so the loop is unrolled per turn with the masks as constants; a
// partial turn is entered at its wheel index through a switch (Duff's device).
#include "kernels/eratosthenes.h"

#include <algorithm>
#include <span>
#include <stdexcept>

#include "kernels/wheel.h"

namespace volley::kernels {
namespace {

using wheel::kCarry;
using wheel::kClear;
using wheel::kResidues;

// Group 8c + i of a prime p = 30a + kResidues[c] whose next multiplier is on wheel index i.
std::size_t group_of(std::uint32_t prime, std::uint32_t wheel_index) {
  return 8 * std::size_t{wheel::class_of(prime)} + wheel_index;
}

// An entry of PrimesByClass: next << 32 | a << 6 | group.
constexpr unsigned kNextShift = 32, kPrimeShift = 6;
constexpr std::uint32_t kGroupMask = (1u << kPrimeShift) - 1;

// Crosses off the multiples of the primes of class C (all p = 30a + kResidues[C]), `in`
// grouped by wheel index, and writes each prime to `out` with its group 8C + k, k the wheel
// index it stops at, counted in counts[k].
template <int C, Walk W>
void cross_off_class(std::uint8_t* segment, std::uint64_t bytes, std::span<const std::uint64_t> in,
                     std::uint64_t*& out, std::uint32_t* counts) {
  constexpr std::uint8_t m0 = kClear[C][0], m1 = kClear[C][1], m2 = kClear[C][2], m3 = kClear[C][3],
                         m4 = kClear[C][4], m5 = kClear[C][5], m6 = kClear[C][6], m7 = kClear[C][7];
  for (const std::uint64_t e : in) {
    const std::uint64_t a = static_cast<std::uint32_t>(e) >> kPrimeShift, p = 30 * a + kResidues[C];
    const std::uint64_t prime_bits = static_cast<std::uint32_t>(e) & ~kGroupMask;  // a << 6
    // Offsets of the 8 multiples of a turn from the turn's base (the multiple with q = 30j + 1):
    // a * (kResidues[k] - 1) + kCarry[C][k], written out so they stay in registers.
    const std::uint64_t o0 = kCarry[C][0], o1 = a * 6 + kCarry[C][1], o2 = a * 10 + kCarry[C][2],
                        o3 = a * 12 + kCarry[C][3], o4 = a * 16 + kCarry[C][4], o5 = a * 18 + kCarry[C][5],
                        o6 = a * 22 + kCarry[C][6], o7 = a * 28 + kCarry[C][7];
    // The base may lie in the previous segment: unsigned wrap-around keeps b + o_k exact.
    std::uint64_t b;
#define VOLLEY_CROSS(k)                   \
  at##k : if (b + o##k >= bytes) {        \
    *out++ = (b + o##k - bytes) << kNextShift | prime_bits | (8 * C + k); \
    ++counts[k];                          \
    continue;                             \
  }                                       \
  segment[b + o##k] &= m##k;
    const std::uint64_t next = e >> kNextShift;
    switch (e % 8) {  // enter the current turn at the prime's wheel index
      case 0: b = next - o0; goto at0;
      case 1: b = next - o1; goto at1;
      case 2: b = next - o2; goto at2;
      case 3: b = next - o3; goto at3;
      case 4: b = next - o4; goto at4;
      case 5: b = next - o5; goto at5;
      case 6: b = next - o6; goto at6;
      default: b = next - o7; goto at7;
    }
    VOLLEY_CROSS(0) VOLLEY_CROSS(1) VOLLEY_CROSS(2) VOLLEY_CROSS(3)
    VOLLEY_CROSS(4) VOLLEY_CROSS(5) VOLLEY_CROSS(6) VOLLEY_CROSS(7)
    b += p;
    if constexpr (W == Walk::kSteps) goto at0;
    for (; b + o7 < bytes; b += p) {  // whole turns, no checks
      segment[b + o0] &= m0;
      segment[b + o1] &= m1;
      segment[b + o2] &= m2;
      segment[b + o3] &= m3;
      segment[b + o4] &= m4;
      segment[b + o5] &= m5;
      segment[b + o6] &= m6;
      segment[b + o7] &= m7;
    }
    // The last, partial turn: o7 is past the end, so this stops at some k <= 7.
    goto at0;
#undef VOLLEY_CROSS
  }
}

// Every class's primes, in class order, through the loop that walks W.
template <Walk W>
void cross_off_walking(std::uint8_t* segment, std::uint64_t bytes, std::span<const std::uint64_t> grouped,
                       const std::array<std::uint32_t, 65>& start, std::uint64_t* out, std::uint32_t* counts) {
  const auto of_class = [&](std::size_t c) { return grouped.subspan(start[8 * c], start[8 * c + 8] - start[8 * c]); };
  cross_off_class<0, W>(segment, bytes, of_class(0), out, counts);
  cross_off_class<1, W>(segment, bytes, of_class(1), out, counts + 8);
  cross_off_class<2, W>(segment, bytes, of_class(2), out, counts + 16);
  cross_off_class<3, W>(segment, bytes, of_class(3), out, counts + 24);
  cross_off_class<4, W>(segment, bytes, of_class(4), out, counts + 32);
  cross_off_class<5, W>(segment, bytes, of_class(5), out, counts + 40);
  cross_off_class<6, W>(segment, bytes, of_class(6), out, counts + 48);
  cross_off_class<7, W>(segment, bytes, of_class(7), out, counts + 56);
}

}  // namespace

SievingPrime first_multiple(std::uint32_t prime, std::uint64_t start, std::uint64_t base) {
  const auto first = first_on_wheel(wheel::kNext, prime, start);
  if (!first) return {prime, 0, kNoMultiple};
  return {prime, first->index, first->multiple / 30 - base};
}

void PrimesByClass::add(const SievingPrime& sp) {
  if (sp.next == kNoMultiple) return;
  if (sp.prime >= kMaxPrime || sp.next >= kMaxNext) throw std::logic_error("PrimesByClass: a prime or multiple out of bounds");
  const std::size_t group = group_of(sp.prime, sp.wheel);
  pending_.push_back(sp.next << kNextShift | std::uint64_t{sp.prime / 30} << kPrimeShift | group);
  ++counts_[group];
}

void cross_off(std::uint8_t* segment, std::uint64_t bytes, PrimesByClass& primes) {
  // A counting sort of the pending primes by group.
  std::array<std::uint32_t, 65> start{};
  for (std::size_t g = 0; g < 64; ++g) start[g + 1] = start[g] + primes.counts_[g];
  std::array<std::uint32_t, 64> at;
  std::copy_n(start.begin(), 64, at.begin());
  primes.grouped_.resize(primes.pending_.size());
  for (const std::uint64_t e : primes.pending_) primes.grouped_[at[e & kGroupMask]++] = e;
  primes.counts_ = {};
  // Every prime moves on exactly once: pending_ is rewritten in place.
  if (primes.walk_ == Walk::kTurns)
    cross_off_walking<Walk::kTurns>(segment, bytes, primes.grouped_, start, primes.pending_.data(), primes.counts_.data());
  else
    cross_off_walking<Walk::kSteps>(segment, bytes, primes.grouped_, start, primes.pending_.data(), primes.counts_.data());
}

}  // namespace volley::kernels
