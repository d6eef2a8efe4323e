#pragma once
// The GPU prime sieve's sequence of launches, written once over an executor: kernels/cuda/
// sieve.cu runs it on a GPU, and the tests run it with an executor that runs every thread on
// the CPU. The executor `Exec` provides:
//   Exec::Array<T>: GPU memory for n items (get() is the pointer), from make<T>(n);
//   Exec::HostArray<T>: host memory the GPU copies to quickly, from make_host<T>(n);
//   upload(dst, src, bytes), download(dst, src, bytes), fill(dst, byte, bytes);
//   large(launch, large_primes): large_prime_wave for every large prime;
//   segments(launch, segments, counts) / tested(launch, segments, counts): each segment
//     sieved (or tested) by a block, its prime count added to a running total and, when
//     counts is not null, stored in counts[segment];
//   scan(counts, offsets, n): offsets = exclusive prefix sums of counts, returns their total;
//   extract(launch, segments, offsets, out): each segment's primes to out + offsets[segment];
//   take_total(): waits for the work queued so far, returns the running total and zeroes it;
//   wait(): waits for the work queued so far.
#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <stop_token>
#include <vector>

#include "kernels/gpu_sieve_plan.h"
#include "kernels/gpu_sieve_tables.h"
#include "kernels/gpu_sieve_work.h"
#include "volley/contract/integer.hpp"

namespace volley::kernels::gpu {

template <typename Exec>
class SieveDriver {
 public:
  /// Sieves (or tests) [lo, hi), kPreSieveLargest < lo < hi, as `plan` says. Stops between
  /// waves once a stop is requested on `stop`; the results are then incomplete.
  SieveDriver(Exec& exec, const GpuSievePlan& plan, std::uint64_t lo, std::uint64_t hi, std::stop_token stop)
      : exec_(exec), plan_(plan), lo_(lo), hi_(hi), stop_(std::move(stop)) {
    if (!plan.test_each) prepare();
  }

  /// The number of primes in [lo, hi).
  std::uint64_t count() {
    waves(lo_, hi_, plan_.wave_bytes, launch_base(plan_.sieving_limit), plan_.wave_in_memory, &large_,
          [](const WaveLaunch&, std::uint64_t) {});
    return exec_.take_total();
  }

  /// Calls sink(numbers, n) with the primes of [lo, hi) in ascending order, a wave at a time
  /// (numbers: host memory, valid during the call).
  template <typename Sink>
  void list(Sink&& sink) {
    auto out = exec_.template make<std::uint64_t>(plan_.list_capacity);
    auto host = exec_.template make_host<std::uint64_t>(plan_.list_capacity);
    list_waves<std::uint64_t>(
        lo_, hi_, plan_.wave_bytes, launch_base(plan_.sieving_limit), &large_,
        [&](std::uint64_t n) {
          if (n > plan_.list_capacity) throw std::logic_error("a wave holds more primes than its bound");
          return out.get();
        },
        [&](std::uint64_t n) {
          exec_.download(host.get(), out.get(), n * sizeof(std::uint64_t));
          sink(host.get(), n);
        });
  }

 private:
  using Counts = typename Exec::template Array<std::uint32_t>;

  // The pre-sieve patterns, the small sieving primes, and the large ones, made by this sieve
  // itself: a list of [kLargePrimesFrom, limit] sieved with the small primes up to sqrt(limit).
  void prepare() {
    const PreSieveTable& table = presieve_table();
    patterns_.emplace_back(exec_.template make<std::uint8_t>(table.bytes.size()));
    exec_.upload(patterns_.back().get(), table.bytes.data(), table.bytes.size());
    const std::uint64_t limit = plan_.sieving_limit;
    small_ = small_sieving_primes(static_cast<std::uint32_t>(std::min<std::uint64_t>(limit, kLargePrimesFrom - 1)));
    small_device_.emplace_back(exec_.template make<SmallPrime>(small_.size()));
    exec_.upload(small_device_.back().get(), small_.data(), small_.size() * sizeof(SmallPrime));
    if (limit < kLargePrimesFrom) return;
    primes_.emplace_back(exec_.template make<std::uint32_t>(plan_.large_capacity));
    std::uint32_t* const primes = primes_.back().get();
    std::uint64_t made = 0;
    list_waves<std::uint32_t>(
        kLargePrimesFrom, limit + 1, std::min(plan_.wave_bytes, kListWaveBytes), launch_base(contract::isqrt(limit)),
        nullptr,
        [&](std::uint64_t n) {
          if (made + n > plan_.large_capacity) throw std::logic_error("more large sieving primes than their bound");
          return primes + made;
        },
        [&](std::uint64_t n) { made += n; });
    next_.emplace_back(exec_.template make<std::uint32_t>(made));
    wheel_.emplace_back(exec_.template make<std::uint8_t>(made));
    exec_.fill(wheel_.back().get(), kNotYet, made);
    large_ = {primes, next_.back().get(), wheel_.back().get(), made};
  }

  // A launch over the range with the small sieving primes up to `limit` (none when testing).
  WaveLaunch launch_base(std::uint64_t limit) const {
    WaveLaunch l{};
    if (plan_.test_each) return l;
    set_presieve(l, presieve_table(), patterns_.back().get());
    l.small = small_device_.back().get();
    const auto below = [&](std::uint64_t x) {
      return static_cast<std::uint32_t>(std::upper_bound(small_.begin(), small_.end(), x,
                                                         [](std::uint64_t v, const SmallPrime& sp) { return v < sp.p; }) -
                                        small_.begin());
    };
    l.warp_primes = below(std::min<std::uint64_t>(limit, kWarpPrimesBelow - 1));
    l.small_primes = below(limit);
    return l;
  }

  // The waves of [lo, hi), crossed off by `large` (none: null or empty) and the launch's small
  // primes, or tested; each handed to on_wave(launch, segments) once queued.
  template <typename OnWave>
  void waves(std::uint64_t lo, std::uint64_t hi, std::uint64_t wave_bytes, WaveLaunch l, bool in_memory,
             const LargePrimes* large, OnWave&& on_wave) {
    l.lo = lo;
    l.hi = hi;
    l.first = lo / 30;
    l.last = (hi - 1) / 30;
    const bool crossed = large != nullptr && large->count > 0;
    Counts words = exec_.template make<std::uint32_t>(in_memory ? wave_bytes / 4 + 1 : 1);
    l.wave = in_memory ? words.get() : nullptr;
    l.crossed = crossed;
    l.listed = counts_ != nullptr;
    for (std::uint64_t start = l.first; start <= l.last && !stop_.stop_requested(); start += wave_bytes) {
      l.wave_first = start;
      l.wave_bytes = std::min(wave_bytes, l.last - start + 1);
      const std::uint64_t segments = segments_of(l.wave_bytes);
      if (crossed) {
        exec_.fill(l.wave, 0xFF, (l.wave_bytes + 3) & ~std::uint64_t{3});
        exec_.large(l, *large);
      }
      if (plan_.test_each)
        exec_.tested(l, segments, counts_);
      else
        exec_.segments(l, segments, counts_);
      on_wave(l, segments);
      exec_.wait();
    }
  }

  // The primes of [lo, hi) listed on the GPU a wave at a time: each wave's n primes go to
  // place(n), then delivered(n) is called.
  template <typename T, typename Place, typename Delivered>
  void list_waves(std::uint64_t lo, std::uint64_t hi, std::uint64_t wave_bytes, const WaveLaunch& base,
                  const LargePrimes* large, Place&& place, Delivered&& delivered) {
    Counts counts = exec_.template make<std::uint32_t>(segments_of(wave_bytes));
    Counts offsets = exec_.template make<std::uint32_t>(segments_of(wave_bytes));
    counts_ = counts.get();
    waves(lo, hi, wave_bytes, base, true, large, [&](const WaveLaunch& l, std::uint64_t segments) {
      const std::uint64_t n = exec_.scan(counts.get(), offsets.get(), segments);
      T* const out = place(n);
      exec_.extract(l, segments, offsets.get(), out);
      delivered(n);
    });
    counts_ = nullptr;
    exec_.take_total();  // the lists' counts are not the range's
  }

  Exec& exec_;
  GpuSievePlan plan_;
  std::uint64_t lo_, hi_;
  std::stop_token stop_;
  std::vector<SmallPrime> small_;
  // GPU memory, held for the driver's life (vectors: an Array need not be assignable).
  std::vector<typename Exec::template Array<std::uint8_t>> patterns_, wheel_;
  std::vector<typename Exec::template Array<SmallPrime>> small_device_;
  std::vector<typename Exec::template Array<std::uint32_t>> primes_, next_;
  LargePrimes large_{};
  std::uint32_t* counts_ = nullptr;  // per-segment counts while listing
};

}  // namespace volley::kernels::gpu
