#include "kernels/bucket_sieve.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <stdexcept>
#include <string>

#include "kernels/wheel.h"
#include "volley/contract/integer.hpp"

namespace volley::kernels {
namespace {

// The 48 residues coprime to 210, ascending.
constexpr std::size_t kSpokes = 48;
constexpr auto kResidues210 = [] {
  std::array<std::uint32_t, kSpokes> residues{};
  std::size_t n = 0;
  for (std::uint32_t r = 1; r < 210; ++r)
    if (std::gcd(r, 210u) == 1) residues[n++] = r;
  return residues;
}();

// The first multiplier on the 210-wheel at or after q, by q mod 210.
constexpr auto kNext210 = wheel::next_residues<210>(kResidues210);

// For the state s = c * 48 + i (a prime p = 30a + r, r = kResidues[c], at a multiplier q on
// residue i of the 210-wheel): the mask that clears the multiple's bit, the distance to the
// next multiple as a * gap + carry bytes, and the next state, packed in one word (fields
// below). With q = 210j + w the multiple is 30 * (a*q + 7rj) + r*w: byte a*q + 7rj +
// floor(r*w / 30), bit of (r*w) mod 30.
constexpr unsigned kGapShift = 8, kCarryShift = 12, kNextShift = 16;
constexpr std::uint32_t kStates = 8 * kSpokes;
constexpr auto kSteps = [] {
  std::array<std::uint32_t, kStates> steps{};
  for (std::uint32_t c = 0; c < 8; ++c)
    for (std::size_t i = 0; i < kSpokes; ++i) {
      const std::uint32_t r = wheel::kResidues[c], w = kResidues210[i];
      const std::uint32_t w_next = i + 1 < kSpokes ? kResidues210[i + 1] : 210 + kResidues210[0];
      const std::uint32_t clear = ~(1u << wheel::bit_of(r * w % 30)) & 0xff, gap = w_next - w,
                          carry = r * w_next / 30 - r * w / 30, next = c * kSpokes + (i + 1) % kSpokes;
      if (gap > 15 || carry > 15) throw "a gap or carry wider than its four bits";  // fails the build
      steps[c * kSpokes + i] = clear | gap << kGapShift | carry << kCarryShift | next << kNextShift;
    }
  return steps;
}();
constexpr unsigned kStateBits = 9;
constexpr std::uint32_t kStateMask = (1u << kStateBits) - 1;
static_assert(kStates <= 1u << kStateBits && prime_config::kMaxBucketSegmentShift + kStateBits <= 32);

// An entry's parts.
constexpr std::uint64_t entry(std::uint64_t a, std::uint64_t offset, std::uint64_t state) {
  return a << 32 | offset << kStateBits | state;
}
constexpr std::uint32_t offset_of(std::uint64_t e) { return static_cast<std::uint32_t>(e) >> kStateBits; }

// The bucket's entries name the bytes they hit ahead: fetching the byte this many entries
// ahead hides the L2 latency of the random writes (8% at 10^18).
constexpr std::ptrdiff_t kAhead = 16;
// The first region's blocks (512 KiB): small enough for a short run.
constexpr std::size_t kFirstRegionBlocks = 64;

}  // namespace

BucketSieve::BucketSieve(std::uint64_t bytes, unsigned segment_shift) : shift_(segment_shift), bytes_(bytes) {
  if (segment_shift > prime_config::kMaxBucketSegmentShift)
    throw std::logic_error("BucketSieve: segments of at most 2^" + std::to_string(prime_config::kMaxBucketSegmentShift) +
                           " bytes");
  cursors_.assign(contract::ceil_div(bytes, std::uint64_t{1} << shift_), nullptr);
}

BucketSieve::Entry* BucketSieve::new_block(Entry* full) {
  Block* block = free_;
  if (block != nullptr) {
    free_ = block->next;
  } else {
    if (fresh_ == fresh_end_) {  // uninitialised: entries are written before read
      const std::size_t blocks = std::max(kFirstRegionBlocks, region_blocks_);
      fresh_ = static_cast<Block*>(allocate_large(blocks * sizeof(Block), alignof(Block)));
      regions_.emplace_back(fresh_);
      fresh_end_ = fresh_ + blocks;
      region_blocks_ += blocks;
    }
    block = fresh_++;
  }
  // A full cursor points one past its block: its block holds the entry before it.
  block->next = full == nullptr ? nullptr
                                : reinterpret_cast<Block*>(reinterpret_cast<std::uintptr_t>(full - 1) & ~(kBlockBytes - 1));
  return block->entries;
}

void BucketSieve::add(std::uint32_t prime, std::uint64_t start, std::uint64_t base) {
  const auto first = first_on_wheel(kNext210, prime, start);
  if (!first) return;  // past 2^64 - 1
  const std::uint64_t byte = first->multiple / 30 - base;
  if (byte >= bytes_) return;  // past the run
  const std::uint32_t state = wheel::class_of(prime) * kSpokes + first->index;
  const std::uint64_t offset = byte & ((std::uint64_t{1} << shift_) - 1);
  push(cursors_[byte >> shift_], entry(prime / 30, offset, state));
}

void BucketSieve::cross_off(std::uint8_t* segment, std::size_t index) {
  // Locals: the stores to the segment's bytes may alias any member.
  const unsigned shift = shift_;
  const std::uint64_t mask = (std::uint64_t{1} << shift) - 1, left = bytes_ - (std::uint64_t{index} << shift);
  Entry** const cursors = cursors_.data() + index;
  // Primes that hit this segment again rejoin its bucket: repeat until it stays empty.
  while (Entry* end = cursors[0]) {
    cursors[0] = nullptr;
    auto* block = reinterpret_cast<Block*>(reinterpret_cast<std::uintptr_t>(end - 1) & ~(kBlockBytes - 1));
    while (block != nullptr) {
      for (const Entry* e = block->entries; e != end; ++e) {
        if (e + kAhead < end) __builtin_prefetch(segment + offset_of(e[kAhead]), 1);
        const std::uint64_t a = *e >> 32;
        const std::uint32_t step = kSteps[*e & kStateMask];
        std::uint64_t b = offset_of(*e);
        segment[b] &= static_cast<std::uint8_t>(step);
        b += a * (step >> kGapShift & 15) + (step >> kCarryShift & 15);
        // A multiple past the run is never crossed off: the prime leaves this run's buckets.
        if (b < left) push(cursors[b >> shift], entry(a, b & mask, step >> kNextShift));
      }
      Block* const done = block;
      block = block->next;
      if (block != nullptr) end = std::end(block->entries);  // older blocks are full
      done->next = free_;
      free_ = done;
    }
  }
}

}  // namespace volley::kernels
