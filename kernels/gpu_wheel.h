#pragma once
// The mod-30 wheel of kernels/wheel.h as arithmetic instead of tables, so that CUDA device
// code and host code share it: byte k of a sieve holds 30k + r for the 8 residues r coprime
// to 30, bit j for residue j. A prime p times a multiplier q = 30j + r_i lands on byte
// j * p + floor(p * r_i / 30), bit of (p * r_i) mod 30: each of the 8 classes i of q is a
// progression of stride p bytes on one bit.
#include <cstdint>

#include "volley/contract/host_device.hpp"
#include "volley/contract/integer.hpp"

namespace volley::kernels::gpu {

/// Residue i (0..7) of the wheel: 1, 7, 11, 13, 17, 19, 23, 29, one per byte of a constant.
VOLLEY_HOST_DEVICE constexpr std::uint32_t wheel_residue(unsigned i) noexcept {
  return static_cast<std::uint32_t>(0x1D1713110D0B0701ull >> (8 * i)) & 0xFF;
}

VOLLEY_HOST_DEVICE constexpr unsigned popcount32(std::uint32_t x) noexcept {
#if defined(__CUDA_ARCH__)
  return static_cast<unsigned>(__popc(x));
#else
  return static_cast<unsigned>(__builtin_popcount(x));
#endif
}

/// The bit (0..7) of a residue r < 30 coprime to 30: how many wheel residues lie below it.
VOLLEY_HOST_DEVICE constexpr unsigned wheel_bit(std::uint32_t r) noexcept {
  constexpr std::uint32_t kCoprime = 1u << 1 | 1u << 7 | 1u << 11 | 1u << 13 | 1u << 17 | 1u << 19 | 1u << 23 | 1u << 29;
  return popcount32(kCoprime & ((1u << r) - 1));
}

/// The bits of the residues below `offset` (0..30) within a byte.
VOLLEY_HOST_DEVICE constexpr std::uint32_t wheel_bits_below(std::uint64_t offset) noexcept {
  std::uint32_t mask = 0;
  for (unsigned j = 0; j < 8; ++j)
    if (wheel_residue(j) < offset) mask |= 1u << j;
  return mask;
}

/// floor(p * r_i / 30): the byte of p * r_i, the first multiple of class i.
VOLLEY_HOST_DEVICE constexpr std::uint64_t class_base(std::uint32_t p, unsigned i) noexcept {
  return std::uint64_t{p} * wheel_residue(i) / 30;
}
/// The bit that the multiples of p in class i land on.
VOLLEY_HOST_DEVICE constexpr unsigned class_bit(std::uint32_t p, unsigned i) noexcept {
  return wheel_bit(static_cast<std::uint32_t>(std::uint64_t{p} * wheel_residue(i) % 30));
}

/// floor(2^64 / p) for p > 1 not a power of two: the reciprocal that reduces by p without
/// a division (made once per prime on the host).
constexpr std::uint64_t reciprocal(std::uint32_t p) noexcept { return ~std::uint64_t{0} / p; }

VOLLEY_HOST_DEVICE constexpr std::uint64_t mul_high(std::uint64_t a, std::uint64_t b) noexcept {
#if defined(__CUDA_ARCH__)
  return __umul64hi(a, b);
#else
  return static_cast<std::uint64_t>((static_cast<contract::u128>(a) * b) >> 64);
#endif
}

/// n mod p from p's reciprocal: the estimated quotient is exact or one short.
VOLLEY_HOST_DEVICE constexpr std::uint32_t mod_by_reciprocal(std::uint64_t n, std::uint32_t p,
                                                             std::uint64_t inverse) noexcept {
  const std::uint64_t r = n - mul_high(n, inverse) * p;
  return static_cast<std::uint32_t>(r >= p ? r - p : r);
}

/// Bytes from byte `start` to the first multiple p * q of class i at or after it with q >= p
/// (smaller q were crossed off by their own smaller factors, and q = 1 is p itself), given
/// rem = start mod p.
VOLLEY_HOST_DEVICE constexpr std::uint64_t class_offset(std::uint32_t p, unsigned i, std::uint64_t start,
                                                        std::uint32_t rem) noexcept {
  const std::uint64_t base = class_base(p, i);  // < p
  std::uint64_t offset = base >= rem ? base - rem : base + p - rem;
  // The multiple with the least q >= p in this class: q = 30 j + r_i, j = ceil((p - r_i) / 30).
  const std::uint64_t least = (p - wheel_residue(i) + 29) / 30 * p + base;
  if (start + offset < least) offset = least - start;  // only where p^2 lies beyond start
  return offset;
}

/// A prime's walk over its multiples on the wheel: from multiplier class i to class i + 1
/// (class 7 to class 0 of the next turn), the multiple moves by this many bytes.
VOLLEY_HOST_DEVICE constexpr std::uint64_t class_step(std::uint32_t p, unsigned i) noexcept {
  // r_8 = 31 = 30 + r_0: floor(31 p / 30) = p + floor(p / 30).
  const std::uint64_t next = i == 7 ? p + class_base(p, 0) : class_base(p, i + 1);
  return next - class_base(p, i);
}

/// The multiplier class and byte of p's first multiple p * q >= max(p^2, 30 * start) with q
/// on the wheel, or false when that multiple is past 2^64 - 1.
struct FirstMultiple {
  std::uint64_t byte;
  unsigned wheel;
};
VOLLEY_HOST_DEVICE constexpr bool first_multiple_at(std::uint32_t p, std::uint64_t start, FirstMultiple& out) noexcept {
  const std::uint64_t from = 30 * start;  // start <= (2^64 - 1) / 30: no overflow
  std::uint64_t q = from / p + (from % p != 0);
  if (q < p) q = p;
  const auto r = static_cast<std::uint32_t>(q % 30);
  unsigned i = 0;
  while (i < 8 && wheel_residue(i) < r) ++i;  // the first class at or after r (8: the next turn's 1)
  q += (i < 8 ? wheel_residue(i) : 31) - r;
  const contract::u128 multiple = static_cast<contract::u128>(p) * q;
  if (multiple > ~std::uint64_t{0}) return false;
  out = {static_cast<std::uint64_t>(multiple) / 30, i & 7};
  return true;
}

}  // namespace volley::kernels::gpu
