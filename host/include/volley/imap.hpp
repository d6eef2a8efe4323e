#pragma once
// Pool::imap and Pool::imap_unordered: multiprocessing's lazy maps, for inputs that arrive
// over time or never end.
//
//   for (const auto& r : pool.imap(fn, std::views::iota(0)))          // results in input order
//     if (done(r)) break;                                              // cancels the rest
//   for (const auto& [i, r] : pool.imap_unordered(fn, inputs)) ...     // as they finish
//
// Contracts:
// - Inputs are read as the results are consumed, `chunk_size` at a time into tasks on the
//   pool's asynchronous workers, with at most `2 * threads()` chunks in flight: memory
//   O(threads * chunk_size), however long (or endless) the input range. By default the chunk
//   size follows the time fn takes (about 100 µs a chunk, at most 16384 inputs); the results
//   do not depend on it.
// - imap yields fn(x) in input order; imap_unordered yields {index, fn(x)} as chunks finish
//   (within a chunk, in input order), each input exactly once.
// - An exception from fn is rethrown by the iteration when it reaches the chunk holding that
//   input; the range then ends, as after a break.
// - Leaving the loop early (or destroying the range) cancels the chunks not yet started;
//   chunks already running finish on their own, their results dropped.
// - The range must be iterated once, on one thread, while its Pool lives.
#include "volley/future.hpp"
#include "volley/pool.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <ranges>
#include <stop_token>
#include <type_traits>
#include <utility>
#include <vector>

namespace volley {

namespace detail {

/// The time per input of the latest chunk to finish, and the chunk size it calls for.
class ChunkTiming {
 public:
  static constexpr std::size_t kMaxChunk = 16384;
  static constexpr auto kChunkTime = std::chrono::microseconds(100);
  void record(std::chrono::nanoseconds took, std::size_t items) noexcept {
    // In 1/16 ns, so that a fast fn's fraction of a nanosecond still counts; never 0 (unknown).
    per_item_.store(std::max<std::int64_t>(1, took.count() * 16 / static_cast<std::int64_t>(items)),
                    std::memory_order_relaxed);
  }
  /// About kChunkTime's worth of inputs; at most twice `last`; `last` while none has finished.
  std::size_t next_size(std::size_t last) const noexcept {
    const std::int64_t per_item = per_item_.load(std::memory_order_relaxed);
    if (per_item == 0) return last;
    const auto fits = static_cast<std::size_t>(std::chrono::nanoseconds(kChunkTime).count() * 16 / per_item);
    return std::clamp<std::size_t>(fits, 1, std::min(2 * last, kMaxChunk));
  }

 private:
  std::atomic<std::int64_t> per_item_{0};
};

/// What imap and imap_unordered share: the input cursor and the chunks in flight.
template <typename Fn, typename R>
class ImapSource {
 public:
  using Input = std::ranges::range_value_t<R>;
  using Result = std::decay_t<std::invoke_result_t<Fn&, Input&>>;
  using Chunk = std::vector<Result>;

  ImapSource(const Pool& pool, Fn fn, R&& inputs, ImapOptions opts)
      : pool_(&pool),
        fn_(std::make_shared<Fn>(std::move(fn))),
        inputs_(std::forward<R>(inputs)),
        cursor_(std::ranges::begin(inputs_)),
        sized_(opts.chunk_size == 0),
        chunk_(sized_ ? 1 : opts.chunk_size),
        window_(2 * std::size_t{pool.threads()}) {}
  ImapSource(const ImapSource&) = delete;
  ImapSource& operator=(const ImapSource&) = delete;
  ~ImapSource() { stop_.request_stop(); }  // chunks not yet started never start

  /// Submits the next chunk of inputs (with the index of its first), or nothing at the end.
  std::optional<std::pair<std::size_t, Future<Chunk>>> submit_next() {
    if (sized_) chunk_ = timing_->next_size(chunk_);
    std::vector<Input> items;
    items.reserve(chunk_);
    for (; items.size() < chunk_ && cursor_ != std::ranges::end(inputs_); ++cursor_) items.push_back(*cursor_);
    if (items.empty()) return std::nullopt;
    const std::size_t first = next_index_;
    next_index_ += items.size();
    return std::pair{first, pool_->submit(SubmitOptions{stop_.get_token()},
                                          [fn = fn_, timing = timing_, items = std::move(items)]() mutable {
                                            const auto start = std::chrono::steady_clock::now();
                                            Chunk out;
                                            out.reserve(items.size());
                                            for (auto& x : items) out.push_back((*fn)(x));
                                            timing->record(std::chrono::steady_clock::now() - start, items.size());
                                            return out;
                                          })};
  }
  std::size_t window() const { return window_; }
  void cancel() { stop_.request_stop(); }

 private:
  const Pool* pool_;
  std::shared_ptr<Fn> fn_;  // shared with the tasks, which may outlive an early break
  std::shared_ptr<ChunkTiming> timing_ = std::make_shared<ChunkTiming>();
  std::conditional_t<std::is_lvalue_reference_v<R>, R, std::remove_cvref_t<R>> inputs_;
  std::ranges::iterator_t<std::remove_reference_t<decltype(inputs_)>> cursor_;
  bool sized_;  // chunk_ follows timing_
  std::size_t chunk_, window_, next_index_ = 0;
  std::stop_source stop_;
};

}  // namespace detail

/// One result of Pool::imap_unordered: the input's index and fn(input).
template <typename T>
struct Indexed {
  std::size_t index;
  T value;
};

/// The range Pool::imap (kOrdered: fn(x) in input order) and Pool::imap_unordered ({index,
/// fn(x)} as chunks finish) return.
template <typename Fn, typename R, bool kOrdered>
class ImapRange {
  using Source = detail::ImapSource<Fn, R>;
  using Chunk = typename Source::Chunk;

 public:
  using Result = typename Source::Result;
  ImapRange(const Pool& pool, Fn fn, R&& inputs, ImapOptions opts)
      : source_(std::make_unique<Source>(pool, std::move(fn), std::forward<R>(inputs), opts)),
        completions_(std::make_shared<detail::Completions>()) {}

  class iterator {
   public:
    using value_type = std::conditional_t<kOrdered, Result, Indexed<Result>>;
    using difference_type = std::ptrdiff_t;
    decltype(auto) operator*() const {
      if constexpr (kOrdered)
        return static_cast<const Result&>(current_[at_]);
      else
        return Indexed<const Result&>{first_ + at_, current_[at_]};
    }
    iterator& operator++() {
      if (++at_ >= current_.size()) owner_->advance(*this);
      return *this;
    }
    void operator++(int) { ++*this; }
    bool operator==(std::default_sentinel_t) const { return done_; }

   private:
    friend class ImapRange;
    ImapRange* owner_ = nullptr;
    Chunk current_;
    std::size_t first_ = 0, at_ = 0;
    bool done_ = false;
  };
  /// Submits the first chunks and waits for the first to come. Iterate once.
  iterator begin() {
    iterator it;
    it.owner_ = this;
    slots_.resize(source_->window());
    for (std::size_t s = 0; s < slots_.size(); ++s) fill(s);
    advance(it);
    return it;
  }
  std::default_sentinel_t end() const { return {}; }

 private:
  struct Slot {
    std::size_t first = 0;
    Future<Chunk> future;
  };
  // Submits the next chunk into slot s (ordered: slots are taken round-robin, in submission
  // order; unordered: its completion reports the slot).
  void fill(std::size_t s) {
    auto next = source_->submit_next();
    if (!next) return;
    slots_[s] = {next->first, std::move(next->second)};
    ++in_flight_;
    if constexpr (!kOrdered) slots_[s].future.on_done([c = completions_, s](const auto&) { c->push(s); });
  }
  // Moves `it` to the next chunk (the oldest, or the next to finish), refilling its slot.
  void advance(iterator& it) {
    for (;;) {
      if (in_flight_ == 0) {
        it.done_ = true;
        return;
      }
      std::size_t s = next_slot_;
      if constexpr (kOrdered)
        next_slot_ = (next_slot_ + 1) % slots_.size();
      else
        s = completions_->pop();
      --in_flight_;
      Slot done = std::move(slots_[s]);
      fill(s);
      try {
        it.current_ = detail::FutureAccess::take(done.future);  // no copy: no one else reads it
      } catch (...) {
        source_->cancel();
        in_flight_ = 0;
        it.done_ = true;
        throw;
      }
      it.first_ = done.first;
      it.at_ = 0;
      if (!it.current_.empty()) return;
    }
  }
  std::unique_ptr<Source> source_;
  std::shared_ptr<detail::Completions> completions_;
  std::vector<Slot> slots_;
  std::size_t in_flight_ = 0, next_slot_ = 0;
};

template <typename Fn, std::ranges::input_range R>
auto Pool::imap(Fn fn, R&& inputs, ImapOptions opts) const {
  return ImapRange<Fn, R, true>(*this, std::move(fn), std::forward<R>(inputs), opts);
}

template <typename Fn, std::ranges::input_range R>
auto Pool::imap_unordered(Fn fn, R&& inputs, ImapOptions opts) const {
  return ImapRange<Fn, R, false>(*this, std::move(fn), std::forward<R>(inputs), opts);
}

}  // namespace volley
