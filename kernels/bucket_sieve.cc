#include "kernels/bucket_sieve.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

#include "kernels/wheel.h"
#include "volley/contract/integer.hpp"

namespace volley::kernels {
namespace {

// For wheel index w = c * 8 + i (a prime p = 30a + kResidues[c] at its multiplier's index
// i): the mask that clears the multiple's bit, the distance to the next multiple as
// a * gap + carry bytes, and the next wheel index.
struct Step {
  std::uint8_t clear, gap, carry, next;
};
constexpr auto kSteps = [] {
  std::array<Step, 64> steps{};
  for (int c = 0; c < 8; ++c)
    for (int i = 0; i < 8; ++i) {
      const std::uint32_t carry_next = i == 7 ? wheel::kResidues[c] + wheel::kCarry[c][0] : wheel::kCarry[c][i + 1];
      steps[c * 8 + i] = {wheel::kClear[c][i], static_cast<std::uint8_t>(wheel::kGaps[i]),
                          static_cast<std::uint8_t>(carry_next - wheel::kCarry[c][i]),
                          static_cast<std::uint8_t>(c * 8 + (i + 1) % 8)};
    }
  return steps;
}();

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

void BucketSieve::enqueue(const SievingPrime& sp) {
  if (sp.next >= bytes_) return;  // past the run (or past 2^64 - 1: kNoMultiple)
  const std::uint64_t offset = sp.next & ((std::uint64_t{1} << shift_) - 1);
  push(sp.next >> shift_, {sp.prime / 30, static_cast<std::uint32_t>(offset << 6 | wheel::kBitOf[sp.prime % 30] << 3 |
                                                                   sp.wheel)});
}

void BucketSieve::cross_off(std::uint8_t* segment, std::size_t index) {
  const std::uint64_t mask = (std::uint64_t{1} << shift_) - 1, start = std::uint64_t{index} << shift_;
  // Primes that hit this segment again rejoin its bucket: repeat until it stays empty.
  while (Entry* end = cursors_[index]) {
    cursors_[index] = nullptr;
    auto* block = reinterpret_cast<Block*>(reinterpret_cast<std::uintptr_t>(end - 1) & ~(kBlockBytes - 1));
    while (block != nullptr) {
      for (const Entry* e = block->entries; e != end; ++e) {
        const Step step = kSteps[e->offset_wheel & 63];
        std::uint64_t b = e->offset_wheel >> 6;
        segment[b] &= step.clear;
        b += std::uint64_t{e->a} * step.gap + step.carry;
        // A multiple past the run is never crossed off: the prime leaves this run's buckets.
        if (start + b < bytes_) push(index + (b >> shift_), {e->a, static_cast<std::uint32_t>((b & mask) << 6 | step.next)});
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
