#pragma once
// What each GPU thread does in the GPU prime sieve, as plain functions that host code runs
// too: the tests run every thread of every launch on the CPU (tests/gpu_sieve_emulator) and
// hold the sieve to the CPU's byte for byte, so the work's split is checked on machines
// without a GPU. kernels/cuda/sieve.cu launches them.
//
// The range's wheel bytes (kernels/gpu_wheel.h) are cut into waves of whole segments; a
// thread block sieves one segment of kSegmentBytes in shared memory, as 32-bit words (byte b
// in bits 8 (b mod 4) ..). A segment starts from the pre-sieve patterns (primes 7 ..
// kPreSieveLargest), ANDed with the wave's words in global memory when large primes have
// crossed off there; small primes cross off one class progression per warp (its lanes take
// turns along it), medium primes one progression per thread; large primes, which hit a
// segment rarely, keep their next multiple in global memory and cross off a whole wave in
// global memory, one thread per prime.
#include <cstdint>

#include "kernels/gpu_wheel.h"
#include "volley/contract/host_device.hpp"
#include "volley/contract/is_prime.hpp"

namespace volley::kernels::gpu {

/// Bytes of wheel sieve per thread block (shared memory): 983,040 numbers.
inline constexpr std::uint32_t kSegmentBytes = std::uint32_t{1} << 15;
inline constexpr std::uint32_t kSegmentWords = kSegmentBytes / 4;
/// The pre-sieve patterns remove the multiples of the primes 7 .. this one.
inline constexpr std::uint32_t kPreSieveLargest = 53;
/// Primes below this hit each of their class progressions at least 32 times a segment: a
/// warp shares each progression. Primes up to kLargePrimesFrom take one progression a thread.
inline constexpr std::uint32_t kWarpPrimesBelow = kSegmentBytes / 32;
/// Primes from here on hit a segment's progression less than once in 4 segments (their
/// stride is 4 segments): each keeps its next multiple in global memory.
inline constexpr std::uint32_t kLargePrimesFrom = 4 * kSegmentBytes;
/// A GPU thread block: 8 warps.
inline constexpr unsigned kSieveThreads = 256;
inline constexpr unsigned kWarpLanes = 32;

/// A sieving prime below kLargePrimesFrom with its reciprocal (a segment's first multiple
/// without a division).
struct SmallPrime {
  std::uint32_t p;
  std::uint64_t inverse;
};

/// One pre-sieve pattern: the wheel bytes of [0, period + kSegmentBytes) with the multiples
/// of a group of primes (of product `period`) cleared, at `offset` in the pattern bytes.
struct PreSieveGroup {
  std::uint32_t offset, period;
  std::uint64_t inverse;
};
inline constexpr unsigned kMaxPreSieveGroups = 8;

/// The large primes' state, one entry per prime in three arrays (9 bytes a prime): the
/// prime, its next multiple's byte relative to the current wave's start, and its multiplier
/// class, or kNotYet before its square is reached, or kNoMore once its multiples pass 2^64 - 1.
struct LargePrimes {
  const std::uint32_t* primes;
  std::uint32_t* next;
  std::uint8_t* wheel;
  std::uint64_t count;
};
inline constexpr std::uint8_t kNotYet = 0xFF;
inline constexpr std::uint8_t kNoMore = 0xFE;

/// Everything a launch over one wave needs, passed by value.
struct WaveLaunch {
  std::uint64_t lo, hi;            ///< the range [lo, hi), lo >= kPreSieveLargest + 1
  std::uint64_t first, last;       ///< its bytes: lo / 30 .. (hi - 1) / 30
  std::uint64_t wave_first;        ///< the wave's first byte (absolute)
  std::uint64_t wave_bytes;        ///< bytes in the wave (a multiple of kSegmentBytes unless it is the last)
  const std::uint8_t* patterns;    ///< pre-sieve pattern bytes
  PreSieveGroup groups[kMaxPreSieveGroups];
  unsigned group_count;
  const SmallPrime* small;         ///< the sieving primes below kLargePrimesFrom, ascending
  std::uint32_t warp_primes;       ///< small[0 .. warp_primes) are below kWarpPrimesBelow
  std::uint32_t small_primes;      ///< small[warp_primes .. small_primes) are the medium ones
  std::uint32_t* wave;             ///< the wave's words in global memory, or null
  bool crossed;                    ///< the large primes have crossed off in `wave` already
  bool listed;                     ///< the sieved words go back to `wave`, to be read out
};

/// Segment s of a wave: its first byte (absolute), bytes and words.
struct Segment {
  std::uint64_t start;
  std::uint32_t bytes, words;
};
VOLLEY_HOST_DEVICE constexpr Segment segment_of(const WaveLaunch& l, std::uint64_t s) noexcept {
  const std::uint64_t begin = s * kSegmentBytes, left = l.wave_bytes - begin;
  const auto bytes = static_cast<std::uint32_t>(left < kSegmentBytes ? left : kSegmentBytes);
  return {l.wave_first + begin, bytes, (bytes + 3) / 4};
}
VOLLEY_HOST_DEVICE constexpr std::uint64_t segments_of(std::uint64_t bytes) noexcept {
  return contract::ceil_div(bytes, kSegmentBytes);
}

/// Clears bit `bit` of byte `byte` of a sieve held as words; atomically on a GPU, where
/// other threads clear bits of the same word.
VOLLEY_HOST_DEVICE inline void clear_bit(std::uint32_t* words, std::uint64_t byte, unsigned bit) noexcept {
  const std::uint32_t mask = ~(1u << ((byte & 3) * 8 + bit));
#if defined(__CUDA_ARCH__)
  atomicAnd(words + (byte >> 2), mask);
#else
  words[byte >> 2] &= mask;
#endif
}

/// Word w of a segment with what lies outside [lo, hi) cleared: the bytes past the segment's
/// end, and the residues below lo and from hi on in the range's first and last bytes.
VOLLEY_HOST_DEVICE constexpr std::uint32_t clip_word(const WaveLaunch& l, const Segment& seg, std::uint32_t w,
                                                     std::uint32_t word) noexcept {
  for (std::uint32_t b = 0; b < 4; ++b) {
    const std::uint64_t at = 4 * w + b, byte = seg.start + at;
    std::uint32_t keep = 0xFF;
    if (at >= seg.bytes) keep = 0;
    if (byte == l.first) keep &= ~wheel_bits_below(l.lo - 30 * l.first);
    if (byte == l.last) keep &= wheel_bits_below(l.hi - 30 * l.last);
    word &= ~((0xFFu & ~keep) << (8 * b));
  }
  return word;
}

/// Thread t of T: the segment's first words, from the pre-sieve patterns (and the wave's
/// words when `wave` holds them), clipped to the range.
VOLLEY_HOST_DEVICE inline void segment_init(const WaveLaunch& l, const Segment& seg, std::uint64_t s, unsigned t,
                                            unsigned threads, std::uint32_t* words) noexcept {
  std::uint32_t at[kMaxPreSieveGroups] = {};
  for (unsigned g = 0; g < l.group_count; ++g)
    at[g] = l.groups[g].offset + mod_by_reciprocal(seg.start, l.groups[g].period, l.groups[g].inverse);
  for (std::uint32_t w = t; w < seg.words; w += threads) {
    std::uint32_t word = l.crossed ? l.wave[s * kSegmentWords + w] : ~0u;
    for (unsigned g = 0; g < l.group_count; ++g) {
      const std::uint8_t* p = l.patterns + at[g] + 4 * w;
      word &= std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
    }
    words[w] = clip_word(l, seg, w, word);
  }
}

/// Lane `lane` of warp `warp` of `warps`: the small primes' progressions, one per warp at a
/// time, the lanes taking every 32nd multiple.
VOLLEY_HOST_DEVICE inline void segment_cross_small(const WaveLaunch& l, const Segment& seg, unsigned warp,
                                                   unsigned warps, unsigned lane, std::uint32_t* words) noexcept {
  for (std::uint32_t k = warp; k < 8 * l.warp_primes; k += warps) {
    const SmallPrime sp = l.small[k / 8];
    const unsigned i = k % 8, bit = class_bit(sp.p, i);
    const std::uint64_t stride = std::uint64_t{sp.p} * kWarpLanes;
    for (std::uint64_t b = class_offset(sp.p, i, seg.start, mod_by_reciprocal(seg.start, sp.p, sp.inverse)) +
                           std::uint64_t{lane} * sp.p;
         b < seg.bytes; b += stride)
      clear_bit(words, b, bit);
  }
}

/// Thread t of T: the medium primes' progressions, one per thread.
VOLLEY_HOST_DEVICE inline void segment_cross_medium(const WaveLaunch& l, const Segment& seg, unsigned t,
                                                    unsigned threads, std::uint32_t* words) noexcept {
  for (std::uint32_t k = 8 * l.warp_primes + t; k < 8 * l.small_primes; k += threads) {
    const SmallPrime sp = l.small[k / 8];
    const unsigned i = k % 8, bit = class_bit(sp.p, i);
    for (std::uint64_t b = class_offset(sp.p, i, seg.start, mod_by_reciprocal(seg.start, sp.p, sp.inverse));
         b < seg.bytes; b += sp.p)
      clear_bit(words, b, bit);
  }
}

/// Thread t of T, once the segment is sieved: the primes among its words, which go back to
/// the wave in global memory when they are to be listed.
VOLLEY_HOST_DEVICE inline std::uint32_t segment_finish(const WaveLaunch& l, const Segment& seg, std::uint64_t s,
                                                       unsigned t, unsigned threads,
                                                       const std::uint32_t* words) noexcept {
  std::uint32_t count = 0;
  for (std::uint32_t w = t; w < seg.words; w += threads) {
    count += popcount32(words[w]);
    if (l.listed) l.wave[s * kSegmentWords + w] = words[w];
  }
  return count;
}

/// Large prime k for one wave: activated once its square is within reach (its first multiple
/// found by one division), then its multiples in the wave crossed off in global memory.
VOLLEY_HOST_DEVICE inline void large_prime_wave(const WaveLaunch& l, const LargePrimes& large,
                                                std::uint64_t k) noexcept {
  unsigned wheel = large.wheel[k];
  if (wheel == kNoMore) return;
  const std::uint32_t p = large.primes[k];
  std::uint64_t next;
  if (wheel == kNotYet) {
    if (std::uint64_t{p} * p / 30 >= l.wave_first + l.wave_bytes) return;  // p^2 lies beyond this wave
    FirstMultiple m{};
    if (!first_multiple_at(p, l.wave_first, m)) {
      large.wheel[k] = kNoMore;
      return;
    }
    next = m.byte - l.wave_first;
    wheel = m.wheel;
  } else {
    next = large.next[k];
  }
  for (; next < l.wave_bytes; wheel = (wheel + 1) & 7) {
    clear_bit(l.wave, next, class_bit(p, wheel));
    next += class_step(p, wheel);
  }
  // The wave is at most 2^30 bytes and a step less than 2^30 (p < 2^32): this fits 32 bits.
  large.next[k] = static_cast<std::uint32_t>(next - l.wave_bytes);
  large.wheel[k] = static_cast<std::uint8_t>(wheel);
}

/// Thread t of T, instead of sieving: its words of segment s by testing their numbers one
/// by one (contract::is_prime), to the wave when they are to be listed; returns the primes found.
VOLLEY_HOST_DEVICE inline std::uint32_t segment_test(const WaveLaunch& l, const Segment& seg, std::uint64_t s,
                                                     unsigned t, unsigned threads) noexcept {
  std::uint32_t count = 0;
  for (std::uint32_t w = t; w < seg.words; w += threads) {
    std::uint32_t word = 0;
    for (std::uint32_t b = 0; b < 4 && 4 * w + b < seg.bytes; ++b)
      for (unsigned j = 0; j < 8; ++j)
        // Past 2^64 - 1 the number wraps around; clip_word clears it (it is at or above hi).
        if (contract::is_prime(30 * (seg.start + 4 * w + b) + wheel_residue(j))) word |= 1u << (8 * b + j);
    word = clip_word(l, seg, w, word);
    count += popcount32(word);
    if (l.listed) l.wave[s * kSegmentWords + w] = word;
  }
  return count;
}

/// Words per thread when a segment's primes are read out: each thread takes a contiguous
/// stretch, so that their order is the threads' order.
inline constexpr std::uint32_t kExtractWords = kSegmentWords / kSieveThreads;

/// The primes in thread t's stretch of segment s's words in the wave.
VOLLEY_HOST_DEVICE inline std::uint32_t extract_count(const WaveLaunch& l, const Segment& seg, std::uint64_t s,
                                                      unsigned t) noexcept {
  std::uint32_t count = 0;
  const std::uint32_t* words = l.wave + s * kSegmentWords;
  for (std::uint32_t w = t * kExtractWords; w < (t + 1) * kExtractWords && w < seg.words; ++w)
    count += popcount32(words[w]);
  return count;
}

/// Writes the primes of thread t's stretch to out, ascending.
template <typename T>
VOLLEY_HOST_DEVICE inline void extract_write(const WaveLaunch& l, const Segment& seg, std::uint64_t s, unsigned t,
                                             T* out) noexcept {
  const std::uint32_t* words = l.wave + s * kSegmentWords;
  for (std::uint32_t w = t * kExtractWords; w < (t + 1) * kExtractWords && w < seg.words; ++w)
    for (std::uint32_t bits = words[w]; bits != 0; bits &= bits - 1) {
      const unsigned bit = popcount32((bits & (0u - bits)) - 1);  // the lowest set bit
      *out++ = static_cast<T>(30 * (seg.start + 4 * w + bit / 8) + wheel_residue(bit % 8));
    }
}

}  // namespace volley::kernels::gpu
