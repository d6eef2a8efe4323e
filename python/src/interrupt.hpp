#pragma once
// Ctrl-C during a long call. The computation runs without the GIL, so Python's own SIGINT
// handler can only note the signal. For the length of a call made on the main thread while
// Python's SIGINT handler is the default one (which raises KeyboardInterrupt), a C handler
// is put in front of Python's: it wakes a watcher thread (sem_post, which is
// async-signal-safe) and then calls Python's. The watcher requests a stop on the call's
// stop token; the call ends within milliseconds with volley::Cancelled, and Python's
// pending signal is then handled, raising KeyboardInterrupt.
#include <nanobind/nanobind.h>

#include <optional>
#include <stop_token>
#include <type_traits>
#include <utility>

#include "volley/cancellation.hpp"
#include "volley/run_options.hpp"

namespace volley::python {

/// Reads Python's signal module once; called when the module is imported.
void init_interrupts();

class InterruptScope {
 public:
  InterruptScope();  // with the GIL held
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

  std::stop_token token() const { return source_.get_token(); }
  /// After the call was cancelled: runs Python's pending signal handlers and throws what they
  /// raised (KeyboardInterrupt), or KeyboardInterrupt itself. With the GIL held.
  [[noreturn]] static void raise_interrupt();

 private:
  std::stop_source source_;
  bool hooked_ = false;
};

/// fn(opts) run without the GIL, with opts.stop set so that Ctrl-C stops it (above). Call with
/// the GIL held.
template <class Fn>
auto call_interruptibly(RunOptions opts, Fn&& fn) {
  using Result = std::invoke_result_t<Fn&, const RunOptions&>;
  InterruptScope scope;
  opts.stop = scope.token();
  std::optional<Result> result;
  bool cancelled = false;
  {
    nanobind::gil_scoped_release release;
    try {
      result.emplace(fn(std::as_const(opts)));
    } catch (const Cancelled&) {
      cancelled = true;
    }
  }
  if (cancelled) InterruptScope::raise_interrupt();
  return std::move(*result);
}

}  // namespace volley::python
