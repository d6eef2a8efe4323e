#pragma once
// The mod-30 wheel: byte k of a sieve holds the numbers 30k + r for the 8 residues r coprime
// to 30, bit j for r = kResidues[j]. Multiples p*q of a sieving prime p are visited for q on
// the wheel too, so every visited multiple has a bit.
#include <array>
#include <cstddef>
#include <cstdint>

namespace volley::kernels::wheel {

inline constexpr std::array<std::uint32_t, 8> kResidues{1, 7, 11, 13, 17, 19, 23, 29};

/// Bytes of a wheel sieve that hold [lo, hi), lo < hi: lo / 30 .. (hi - 1) / 30.
constexpr std::uint64_t bytes_of(std::uint64_t lo, std::uint64_t hi) { return (hi - 1) / 30 - lo / 30 + 1; }

/// Bit index of residue r, or -1 when r is not coprime to 30.
constexpr int bit_of(std::uint32_t r) {
  for (int j = 0; j < 8; ++j)
    if (kResidues[j] == r) return j;
  return -1;
}

/// bit_of as a table, for the hot paths.
inline constexpr std::array<std::int8_t, 30> kBitOf = [] {
  std::array<std::int8_t, 30> bits{};
  for (std::uint32_t r = 0; r < 30; ++r) bits[r] = static_cast<std::int8_t>(bit_of(r));
  return bits;
}();

/// The residue class c of a prime above 5 (p mod 30 = kResidues[c]).
constexpr std::uint32_t class_of(std::uint32_t prime) { return static_cast<std::uint32_t>(kBitOf[prime % 30]); }

/// The bit of residue r as a mask, 0 when r is not coprime to 30 (branch-free lookups).
inline constexpr std::array<std::uint8_t, 30> kMaskOf = [] {
  std::array<std::uint8_t, 30> masks{};
  for (std::uint32_t r = 0; r < 30; ++r) masks[r] = bit_of(r) < 0 ? 0 : static_cast<std::uint8_t>(1u << bit_of(r));
  return masks;
}();

/// For a wheel of modulus M with ascending residues (coprime to M, the last M - 1): for
/// each r in [0, M), the index of the first residue >= r and how far it is.
struct Next {
  std::uint8_t index, distance;
};
template <std::uint32_t M, std::size_t N>
constexpr std::array<Next, M> next_residues(const std::array<std::uint32_t, N>& residues) {
  std::array<Next, M> next{};
  for (std::uint32_t r = 0; r < M; ++r) {
    std::size_t i = 0;
    while (residues[i] < r) ++i;
    next[r] = {static_cast<std::uint8_t>(i), static_cast<std::uint8_t>(residues[i] - r)};
  }
  return next;
}
inline constexpr std::array<Next, 30> kNext = next_residues<30>(kResidues);

/// For a prime of residue class c (p mod 30 = kResidues[c]) and a multiplier on wheel index
/// i: the bit the multiple p*q lands on, and the byte offset of that multiple within one
/// turn of q (q = 30j + kResidues[i] gives byte j*p + (p/30)*kResidues[i] + kCarry[c][i]).
inline constexpr auto kCarry = [] {
  std::array<std::array<std::uint32_t, 8>, 8> carry{};
  for (int c = 0; c < 8; ++c)
    for (int i = 0; i < 8; ++i) carry[c][i] = kResidues[c] * kResidues[i] / 30;
  return carry;
}();
inline constexpr auto kBit = [] {
  std::array<std::array<std::uint8_t, 8>, 8> bits{};
  for (int c = 0; c < 8; ++c)
    for (int i = 0; i < 8; ++i) bits[c][i] = static_cast<std::uint8_t>(bit_of(kResidues[c] * kResidues[i] % 30));
  return bits;
}();
/// The mask that clears the bit of kBit[c][i].
inline constexpr auto kClear = [] {
  std::array<std::array<std::uint8_t, 8>, 8> masks{};
  for (int c = 0; c < 8; ++c)
    for (int i = 0; i < 8; ++i) masks[c][i] = static_cast<std::uint8_t>(~(1u << kBit[c][i]));
  return masks;
}();

}  // namespace volley::kernels::wheel
