#pragma once
// Jumps of any distance in an xoshiro256 stream: a jump polynomial (computed on the host by
// kernels::xoshiro_jump_polynomial) applied to a state, as in the reference jump() of
// xoshiro256++, with any polynomial in place of the fixed 2^128 one. A GPU kernel can split
// one stream over threads this way: thread k applies the polynomial of k * J steps and then
// steps J times, with the same outputs as one thread stepping through the whole stream.
#include "volley/contract/cxx20.hpp"

#include <cstdint>

#include "volley/contract/host_device.hpp"
#include "volley/contract/monte_carlo_stream.hpp"

namespace volley::contract {

/// A polynomial over GF(2) of degree < 256: bit b of word[w] is the coefficient of x^(64w+b).
struct XoshiroJumpPolynomial {
  std::uint64_t word[4];
};

/// Replaces `state` by p(T) state, T the xoshiro256 state transition: the XOR of the states
/// at the steps i whose coefficient of x^i is set. Branch-free, so a warp's threads stay together.
/// With p = x^steps mod P, P the characteristic polynomial of T, p(T) = T^steps (Cayley-Hamilton).
VOLLEY_HOST_DEVICE constexpr void xoshiro256_jump(Xoshiro256State& state, const XoshiroJumpPolynomial& p) noexcept {
  std::uint64_t s0 = state.word[0], s1 = state.word[1], s2 = state.word[2], s3 = state.word[3];
  std::uint64_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  for (int w = 0; w < 4; ++w) {
    for (int b = 0; b < 64; ++b) {
      const std::uint64_t mask = std::uint64_t{0} - ((p.word[w] >> b) & 1);  // all ones iff the bit is set
      a0 ^= s0 & mask;
      a1 ^= s1 & mask;
      a2 ^= s2 & mask;
      a3 ^= s3 & mask;
      xoshiro256pp_next(s0, s1, s2, s3);
    }
  }
  state.word[0] = a0;
  state.word[1] = a1;
  state.word[2] = a2;
  state.word[3] = a3;
}

}  // namespace volley::contract
