#pragma once
// Every tuning constant of the prime workloads, each with the reason or the measurement
// behind it. Measurements are from a 2-core Sapphire Rapids class Xeon (48 KiB L1d, 2 MiB L2
// per core, AVX-512), g++ 12.2, unless said otherwise. A constant here changes speed, never a
// result: the tests hold every method, size and target to the reference.
#include <cstddef>
#include <cstdint>

namespace volley::prime_config {

// ---- The sieve kernel (kernels/) ----

/// The pre-sieve removes the multiples of the primes 7 .. this one by merging precomputed
/// patterns (24 of them, ~500 KB with their repeats, so they stay in L2). Measured over 11
/// alternated pairs of runs on [0, 10^9): pre-sieving to 163 was 7% slower, to 331 the same.
inline constexpr std::uint32_t kPreSieveLargestPrime = 251;
/// Pattern bytes merged per pass over all patterns: one L1-resident stretch.
inline constexpr std::uint64_t kPreSieveStep = 4096;

/// Segments are the L2 cache's size, rounded down to a power of two, within these bounds; twice
/// that once the sieving primes reach half of L2 (the range passes about 2.7 x 10^11 with a 1
/// MiB L2). Only the medium primes and the bucket sieve touch a whole segment, with few hits
/// per prime and pass, and a pass's cost per prime (one mispredicted loop exit) outweighs
/// hits that miss L2. On a Zen 4 EPYC (1 MiB L2), 2 MiB segments took 0.90 of the time of
/// 1 MiB on [10^15, +10^9), 0.89 on [10^18, +10^9), 0.95 near 2^64, 0.96-0.99 at 10^12, but
/// 1.02-1.03 on [0, 10^10), where the small and middle primes dominate (3-5 alternated
/// rounds, best of each); 4 MiB was slower on [0, 10^10) and at 10^18, 8 MiB at 10^15. 1 MiB
/// was 10-12% faster than 512 KiB at 10^12 and 10^15.
inline constexpr std::uint64_t kSegmentsPerL2 = 2;
inline constexpr std::uint64_t kMinSegmentBytes = std::uint64_t{32} << 10;
inline constexpr std::uint64_t kMaxSegmentBytes = std::uint64_t{2} << 20;
/// Small primes cross off one block of about the L1 cache at a time, within these bounds:
/// 32 KiB measured best with a 48 KiB L1.
inline constexpr std::uint64_t kMinBlockBytes = std::uint64_t{4} << 10;
inline constexpr std::uint64_t kMaxBlockBytes = std::uint64_t{32} << 10;
/// Primes below block_bytes / this are "small" (at least 8 wheel turns, 64 hits, per block:
/// worth visiting every block); larger ones cross off middle blocks or whole segments, up to
/// kMediumPrimeSegments segment sizes; larger still wait in the bucket sieve for the segments
/// they hit. On the Zen 4 EPYC (32 KiB blocks), 8 was 3-7% faster than 4 on [0, 3 x 10^9),
/// the same at 10^12; 2 was 12% slower, 16 4% slower.
inline constexpr std::uint64_t kSmallPrimeBlockFraction = 8;
/// Between the small primes and those crossing off whole segments, primes below a middle
/// block / kSmallPrimeBlockFraction cross off one middle block, this fraction of a segment,
/// at a time (256 KiB and primes below 32768 with 2 MiB segments, a quarter of a 1 MiB L2,
/// where their many hits stay; 128 KiB with the 1 MiB segments near 0). On the Zen 4 EPYC:
/// with 1 MiB segments, against no middle tier, 0.96 of the time on [0, 3 x 10^9) and [0,
/// 10^10), 0.95 at 10^15 (5-9 alternated rounds); 256 KiB beat 128 KiB (0.97 on [0, 10^10),
/// 0.90 at 10^15) and 64 KiB gained nothing; with 2 MiB segments, 512 KiB took 1.06 of the
/// time of 256 KiB at 10^12.
inline constexpr std::uint64_t kMiddleBlocksPerSegment = 8;
/// Primes up to this many segment sizes cross off whole segments (a few hits each, in the
/// loop grouped by wheel index); larger ones go to the bucket sieve. On the Zen 4 EPYC, 2
/// was 0.94, 0.98 and 0.92 of the time of 1 on [10^15, +10^9) and [10^18, +10^9) (7, 15 and 5
/// alternated rounds), 3 and 4 no better than 2, 8 slower.
inline constexpr std::uint64_t kMediumPrimeSegments = 2;
/// Sieving the sieving primes themselves: a short range, sizes that fit any cache.
inline constexpr std::uint64_t kSievingPrimesSegmentBytes = std::uint64_t{256} << 10;
inline constexpr std::uint64_t kSievingPrimesBlockBytes = std::uint64_t{16} << 10;
/// With more than one thread, sieving primes up to at least this limit (a million of them)
/// are made in pieces shared by the threads, this many per thread (whose primes differ in
/// number: the dynamic schedule evens them out).
inline constexpr std::uint64_t kParallelSievingPrimesFrom = std::uint64_t{1} << 24;
inline constexpr std::uint64_t kSievingPrimePiecesPerThread = 4;
/// A sieve's run (SegmentedSieve: one pass over consecutive chunks) is at most this many
/// bytes (1.3 x 10^11 numbers), so that a prime's next multiple fits the 32 bits of a packed
/// entry; the range planner cuts longer runs.
inline constexpr std::uint64_t kMaxRunBytes = std::uint64_t{1} << 32;
/// The bucket sieve keeps its entries in blocks of this size, aligned to it (a full write
/// cursor is recognised by its address), each recycled as soon as its segment is done.
inline constexpr std::size_t kBucketBlockBytes = 8192;
/// A bucket entry packs (byte offset in the segment) << 9 | wheel state in 32 bits.
inline constexpr unsigned kMaxBucketSegmentShift = 23;

// ---- Planning a range (host/src/range_plan) ----

/// Numbers below this are looked up in a table of primes; sieving starts here, above the
/// pre-sieved primes.
inline constexpr std::uint64_t kFirstSieved = 1024;
/// A chunk, the unit of work whose bounds never depend on the thread count, is this many
/// segments (16 MiB of sieve with 2 MiB segments): short enough to balance threads, long
/// enough to amortise a visit.
inline constexpr std::uint64_t kSegmentsPerChunk = 8;
/// A run of consecutive chunks is sieved in one pass, so its sieving primes are set up once:
/// a run holds at least this many bytes of sieve per sieving prime (far from 0, millions of
/// primes would otherwise cost more to set up than to sieve with), but there are never fewer
/// runs than threads while there are that many chunks. Setting a prime up (its first
/// multiple, its bucket entry) costs about as much as sieving a byte or two near 10^15, so at
/// 4 bytes a run's setup was a tenth of it: on one thread [10^15, +10^9) in one run instead
/// of two was 6% faster.
inline constexpr std::uint64_t kRunBytesPerSievingPrime = 32;
/// A range tested number by number is cut into this many chunks, so that threads share it
/// (or more, when a chunk would be longer than a sieved chunk).
inline constexpr std::uint64_t kTestedChunks = 64;
/// for_each_prime and primes_in sieve waves of this many chunks per thread into wheel bytes
/// (at most kSegmentsPerChunk * kMaxSegmentBytes = 16 MiB per chunk), then read each wave's
/// primes out this many bytes at a time, through a buffer on the reading thread's stack (8
/// numbers per byte at most: 32 KiB).
inline constexpr std::uint64_t kStreamChunksPerThread = 2;
inline constexpr std::uint64_t kStreamPieceBytes = 512;
/// primes_in has its threads take the page faults of a wave's part of the list ahead, in
/// parallel, when the wave holds at least this many primes (4 MiB).
inline constexpr std::uint64_t kPrefaultPrimes = std::uint64_t{1} << 19;

// The cost model that chooses between sieving a range and testing its wheel candidates one
// by one. Fitted to one-thread runs of `volley-bench primes --method sieve|test` at 10^12,
// 10^15, 10^18 and 2^64 - 2^40 with widths from 3 x 10^4 to 10^9. Only the crossover
// depends on it, where both methods cost about the same, so an error of a few tens of
// percent costs a few tens of percent there and nothing elsewhere.
/// Testing one wheel candidate (trial division, then Miller-Rabin on the survivors): a
/// fixed part plus a part per bit of the number (the squarings). Measured 277 ns at 10^12,
/// 300 at 10^15, 327 at 10^18, 335 near 2^64. Below 2^32 (157 ns measured, 3 bases suffice)
/// the fit overestimates, where sieving is far cheaper either way.
inline constexpr double kTestNanos = 180;
inline constexpr double kTestNanosPerBit = 2.4;
/// Making the sieving primes up to r, on one thread: a sieve of [0, r) near 0 (7.7 ns per
/// byte of 30 numbers).
inline constexpr double kSievingPrimesNanosPerNumber = 0.26;
/// Setting up one sieving prime in one run (its first multiple takes a 64-bit division).
/// With the line above, a short range costs what was measured: 0.80 ms with the primes to
/// 10^6, 15.3 ms to 10^7.5, 0.49 s to 10^9, 2.07 s to 2^32.
inline constexpr double kSetupNanosPerPrime = 4.5;
/// Sieving one byte (30 numbers) of the range: 7.2 ns near 0, and more as the sieving
/// primes grow (bucket-sieve hits miss the caches): measured 14.5 ns with primes to 10^7.5,
/// 36 to 10^9, 77 to 2^32, fitted as kSieveNanosPerByte + this * (r / 2^32)^(2/3).
inline constexpr double kSieveNanosPerByte = 7.2;
inline constexpr double kSieveNanosPerByteAtRoot2To32 = 70;

// ---- Batch is_prime (host/src/prime_batch) ----

/// A batch whose span (max - min) is below this many numbers per input may be sieved
/// once and looked up (when the cost model says so): this bounds the sieve's memory to about
/// 2 bytes per input.
inline constexpr std::uint64_t kDenseSpanPerNumber = 64;
/// The largest span sieved for a batch (64 MiB of sieve: 2 x 10^9 numbers). A dense batch
/// over a wider span is cut into pieces of kBatchPiece numbers, each planned on its own, so
/// that a batch never needs more than this much memory besides its numbers and flags.
inline constexpr std::uint64_t kMaxBatchSieveBytes = std::uint64_t{64} << 20;
inline constexpr std::size_t kBatchPiece = std::size_t{1} << 24;
/// Numbers tested one by one are handed to threads in blocks of this many.
inline constexpr std::size_t kTestedBatchBlock = 4096;
/// Look-ups in a sieved span are handed to threads in blocks of this many.
inline constexpr std::size_t kLookupBlock = std::size_t{1} << 16;
/// The AVX-512 Miller-Rabin below 2^32 filters and compresses this many numbers at a time
/// (its index list stays in L1)...
inline constexpr std::size_t kVectorBatch = 1024;
/// ...and tests this many vectors at once: one vector's squarings form a dependency chain,
/// four interleaved chains keep the multiplier busy.
inline constexpr int kVectorWays = 4;

}  // namespace volley::prime_config
