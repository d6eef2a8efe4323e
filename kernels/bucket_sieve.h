#pragma once
// The bucket sieve for large primes (above a few segment sizes, so few hits per segment): each
// prime waits in the bucket of the segment of its next multiple, crosses that one multiple
// off when the segment comes, and moves on to the bucket of its following multiple. The
// multiples walk a mod-210 wheel (48 multipliers in 210, against 8 in 30): the multiples of
// 7 among the others are gone with the pre-sieve, so a prime's hits drop by a seventh.
#include <cstdint>
#include <memory>
#include <vector>

#include "kernels/eratosthenes.h"
#include "kernels/large_pages.h"
#include "kernels/prime_config.h"

namespace volley::kernels {

class BucketSieve {
 public:
  /// A run of `bytes` bytes of sieve in segments of 2^segment_shift bytes (segment_shift <=
  /// kMaxBucketSegmentShift; the last segment may be shorter). Throws std::logic_error for a
  /// larger shift.
  BucketSieve(std::uint64_t bytes, unsigned segment_shift);

  /// Queues the first multiple p*q >= max(p^2, start) with q coprime to 210 of a prime above
  /// the pre-sieved ones, in the bucket of its segment; the run's first byte is wheel byte
  /// `base` (start >= 30 * base). A prime without a multiple in the run is dropped.
  void add(std::uint32_t prime, std::uint64_t start, std::uint64_t base);

  /// Crosses off the multiples queued for segment `index`, and queues each prime's next
  /// multiple in the bucket of its segment, unless that is past the run: a prime costs only
  /// the multiples that fall in the run.
  void cross_off(std::uint8_t* segment, std::size_t index);

 private:
  /// A prime p = 30a + kResidues[c] and its next multiple, as a << 32 | the multiple's byte
  /// within the segment << 9 | the state c * 48 + i, its multiplier on residue i of the
  /// 210-wheel (no division on the hot path; one word, loaded and stored at once).
  using Entry = std::uint64_t;
  // A bucket is a list of blocks aligned to their size, so that a write cursor at the end
  // of its block is recognised by its address; each block is recycled as soon as its
  // segment is done, so the store holds about one entry per prime and stays warm. Blocks
  // are carved from regions that double in size (huge pages once large).
  static constexpr std::size_t kBlockBytes = prime_config::kBucketBlockBytes;
  struct alignas(kBlockBytes) Block {
    Block* next;
    Entry entries[(kBlockBytes - sizeof(Block*)) / sizeof(Entry)];
  };
  static_assert(sizeof(Block) == kBlockBytes);

  void push(Entry*& cursor, Entry e) {
    if ((reinterpret_cast<std::uintptr_t>(cursor) & (kBlockBytes - 1)) == 0) cursor = new_block(cursor);
    *cursor++ = e;
  }
  // A fresh block in front of the bucket whose cursor is `full` (null: an empty bucket).
  Entry* new_block(Entry* full);

  unsigned shift_;
  std::uint64_t bytes_;
  // Per segment of the run: the cursor after the newest entry, or null.
  std::vector<Entry*> cursors_;
  struct FreeLarge {
    void operator()(Block* p) const noexcept { free_large(p); }
  };
  Block* free_ = nullptr;                            // recycled blocks
  Block *fresh_ = nullptr, *fresh_end_ = nullptr;    // unused blocks of the newest region
  std::size_t region_blocks_ = 0;                    // blocks in all regions
  std::vector<std::unique_ptr<Block, FreeLarge>> regions_;  // owns every block
};

}  // namespace volley::kernels
