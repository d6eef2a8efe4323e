// Jump polynomials: powers of x modulo the characteristic polynomial P of the xoshiro256
// state transition. P is found once with Berlekamp-Massey on one state bit of the stream;
// the tests check it against the published jump constants.
#include "kernels/xoshiro_jump.h"

#include <cstddef>
#include <stdexcept>
#include <vector>

#include "volley/contract/monte_carlo_stream.hpp"

namespace volley::kernels {
namespace {

using contract::XoshiroJumpPolynomial;

constexpr int kDegree = 256;

/// The shortest linear recurrence of a bit sequence (Berlekamp-Massey over GF(2)): its
/// connection polynomial c, c[0] = 1, with sum_i c[i] bits[n - i] = 0 for every n >= length.
std::vector<std::uint8_t> berlekamp_massey(const std::vector<std::uint8_t>& bits, int& length) {
  const std::size_t n_bits = bits.size();
  std::vector<std::uint8_t> c(n_bits + 1, 0), b(n_bits + 1, 0);
  c[0] = b[0] = 1;
  length = 0;
  std::size_t shift = 1;  // steps since b was last the connection polynomial
  for (std::size_t n = 0; n < n_bits; ++n, ++shift) {
    std::uint8_t discrepancy = bits[n];
    for (int i = 1; i <= length; ++i) discrepancy ^= c[i] & bits[n - i];
    if (!discrepancy) continue;
    const std::vector<std::uint8_t> previous = c;
    for (std::size_t i = 0; i + shift <= n_bits; ++i) c[i + shift] ^= b[i];
    if (2 * static_cast<std::size_t>(length) <= n) {
      length = static_cast<int>(n + 1) - length;
      b = previous;
      shift = 0;
    }
  }
  return c;
}

/// The low 256 coefficients of P (the coefficient of x^256 is 1), computed once.
const XoshiroJumpPolynomial& characteristic_polynomial() {
  static const XoshiroJumpPolynomial p = [] {
    // Any non-zero state bit gives a sequence whose recurrence is P, since P is primitive;
    // 4 * 256 bits determine a recurrence of length 256 with room to spare.
    std::uint64_t s0 = 1, s1 = 2, s2 = 3, s3 = 4;
    std::vector<std::uint8_t> bits(4 * kDegree);
    for (auto& bit : bits) {
      bit = static_cast<std::uint8_t>(s0 & 1);
      contract::xoshiro256pp_next(s0, s1, s2, s3);
    }
    int length = 0;
    const std::vector<std::uint8_t> c = berlekamp_massey(bits, length);
    // Degree 256, and P(0) = 1 as the transition is invertible.
    if (length != kDegree || c[kDegree] != 1)
      throw std::logic_error("xoshiro256: Berlekamp-Massey found no characteristic polynomial of degree 256");
    // P(x) = x^256 c(1/x): the coefficient of x^i in P is c[256 - i].
    XoshiroJumpPolynomial low{};
    for (int i = 0; i < kDegree; ++i) low.word[i / 64] |= std::uint64_t{c[kDegree - i]} << (i % 64);
    return low;
  }();
  return p;
}

/// a * x mod P: shift up one place; a carry into x^256 is replaced by P's lower terms.
XoshiroJumpPolynomial times_x(XoshiroJumpPolynomial a, const XoshiroJumpPolynomial& p) {
  const std::uint64_t carry = 0 - (a.word[3] >> 63);
  for (int w = 3; w > 0; --w) a.word[w] = (a.word[w] << 1) | (a.word[w - 1] >> 63);
  a.word[0] <<= 1;
  for (int w = 0; w < 4; ++w) a.word[w] ^= p.word[w] & carry;
  return a;
}

/// a * b mod P, by Horner's rule over the coefficients of a, highest first.
XoshiroJumpPolynomial multiply(const XoshiroJumpPolynomial& a, const XoshiroJumpPolynomial& b,
                               const XoshiroJumpPolynomial& p) {
  XoshiroJumpPolynomial product{};
  for (int i = kDegree - 1; i >= 0; --i) {
    product = times_x(product, p);
    const std::uint64_t mask = 0 - ((a.word[i / 64] >> (i % 64)) & 1);
    for (int w = 0; w < 4; ++w) product.word[w] ^= b.word[w] & mask;
  }
  return product;
}

/// x^(steps * 2^squarings) mod P: square-and-multiply over the bits of steps, highest first,
/// then `squarings` more squarings.
XoshiroJumpPolynomial power_of_x(std::uint64_t steps, unsigned squarings) {
  const XoshiroJumpPolynomial& p = characteristic_polynomial();
  XoshiroJumpPolynomial result{{1, 0, 0, 0}};
  int bit = 63;
  while (bit >= 0 && !((steps >> bit) & 1)) --bit;  // squaring 1 gives 1
  for (; bit >= 0; --bit) {
    result = multiply(result, result, p);
    if ((steps >> bit) & 1) result = times_x(result, p);
  }
  for (unsigned i = 0; i < squarings; ++i) result = multiply(result, result, p);
  return result;
}

}  // namespace

contract::XoshiroJumpPolynomial xoshiro_jump_polynomial(std::uint64_t steps) { return power_of_x(steps, 0); }

contract::XoshiroJumpPolynomial xoshiro_jump_polynomial_pow2(unsigned log2_steps) {
  return power_of_x(1, log2_steps);
}

}  // namespace volley::kernels
