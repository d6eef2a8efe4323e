#pragma once
// xoshiro256++ 1.0 (Blackman & Vigna) and the SplitMix64 generator that seeds it.
#include "volley/contract/cxx20.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include "volley/contract/monte_carlo_stream.hpp"

namespace volley {

/// The SplitMix64 output function: a bijection on 64-bit words with full avalanche.
using contract::splitmix64_mix;

/// SplitMix64 (Steele, Lea, Flood): a 64-bit counter run through splitmix64_mix.
struct SplitMix64 {
  std::uint64_t state;
  constexpr std::uint64_t next() noexcept { return splitmix64_mix(state += contract::kSplitMix64Gamma); }
};

/// xoshiro256++: 256 bits of state, period 2^256 - 1; next(), jump() (2^128 steps) and
/// long_jump() (2^192 steps) follow the published reference code exactly. Satisfies
/// std::uniform_random_bit_generator.
class Xoshiro256pp {
 public:
  using result_type = std::uint64_t;
  using State = std::array<std::uint64_t, 4>;

  /// Takes the state as given; throws std::invalid_argument if it is all zero.
  constexpr explicit Xoshiro256pp(const State& state) : s_(state) {
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0)
      throw std::invalid_argument("xoshiro256++ state must not be all zero");
  }
  /// Fills the state with four SplitMix64 outputs of `seed` (never all zero: they are
  /// images of four distinct inputs under a bijection).
  constexpr explicit Xoshiro256pp(std::uint64_t seed) noexcept : s_{} {
    SplitMix64 sm{seed};
    for (auto& word : s_) word = sm.next();
  }

  constexpr result_type next() noexcept { return contract::xoshiro256pp_next(s_[0], s_[1], s_[2], s_[3]); }
  constexpr result_type operator()() noexcept { return next(); }

  /// Advances by 2^128 steps.
  constexpr void jump() noexcept {
    apply_jump({0x180ec6d33cfd0abaULL, 0xd5a61266f0c9392cULL, 0xa9582618e03fc9aaULL,
                0x39abdc4529b1661cULL});
  }
  /// Advances by 2^192 steps.
  constexpr void long_jump() noexcept {
    apply_jump({0x76e15d3efefdcbbfULL, 0xc5004e441c522fb3ULL, 0x77710069854ee241ULL,
                0x39109bb02acbe635ULL});
  }

  constexpr const State& state() const noexcept { return s_; }
  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }

 private:
  // Multiplies the state by the jump polynomial: XOR of the states at the polynomial's set bits.
  constexpr void apply_jump(const State& polynomial) noexcept {
    State acc{};
    for (const std::uint64_t word : polynomial) {
      for (int bit = 0; bit < 64; ++bit) {
        if (word & (1ULL << bit))
          for (int i = 0; i < 4; ++i) acc[i] ^= s_[i];
        next();
      }
    }
    s_ = acc;
  }

  State s_;
};

}  // namespace volley
